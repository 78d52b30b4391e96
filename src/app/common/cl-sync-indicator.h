#pragma once

#include <gtk/gtk.h>

#include "cl-sync-client.h"

G_BEGIN_DECLS

/* The header bar's always-visible sync state (README, "Working with a
 * server": online, offline with N changes waiting, the last error).
 * Clicking it does the useful next thing: log in, open the
 * preferences, or sync now. */
#define CL_TYPE_SYNC_INDICATOR (cl_sync_indicator_get_type ())
G_DECLARE_FINAL_TYPE (CLSyncIndicator, cl_sync_indicator, CL, SYNC_INDICATOR, GtkWidget)

void        cl_sync_indicator_set_client (CLSyncIndicator *self,
                                          CLSyncClient    *client);

G_END_DECLS
