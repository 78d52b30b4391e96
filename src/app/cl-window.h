#pragma once

#include <adwaita.h>

#include "cl-application.h"
#include "cl-context.h"
#include "cl-store.h"
#include "cl-sync-client.h"

G_BEGIN_DECLS

#define CL_TYPE_WINDOW (cl_window_get_type ())
G_DECLARE_FINAL_TYPE (CLWindow, cl_window, CL, WINDOW, AdwApplicationWindow)

CLWindow *cl_window_new            (CLApplication *app);

/* Opens DIR/careline.db (created if missing) off the main thread; the
 * window shows a spinner meanwhile and a clear message on failure. */
void      cl_window_open_data_dir  (CLWindow      *self,
                                    const char    *dir);

void      cl_window_present_when_ready (CLWindow    *self);

CLStore  *cl_window_get_store      (CLWindow      *self);
/* What the window's views share: store, sync client, user, settings. */
CLContext *cl_window_get_context   (CLWindow      *self);
/* NULL until the store is open. */
CLSyncClient *cl_window_get_sync_client (CLWindow  *self);
GtkWidget *cl_window_get_roster_view (CLWindow    *self);
GtkWidget *cl_window_get_escort_view (CLWindow    *self);
GtkWidget *cl_window_get_vip_view    (CLWindow    *self);
GtkWidget *cl_window_get_today_view  (CLWindow    *self);
GtkWidget *cl_window_get_desk_view   (CLWindow    *self);
GtkWidget *cl_window_get_quality_view (CLWindow   *self);
/* Switches to the view called @name ("roster", "escorts", "vip-rooms"…). */
void      cl_window_show_view      (CLWindow      *self,
                                    const char    *name);

void      cl_window_show_patient   (CLWindow      *self,
                                    const char    *patient_id);
void      cl_window_show_toast     (CLWindow      *self,
                                    const char    *message);

G_END_DECLS
