#pragma once

#include <json-glib/json-glib.h>

#include "cl-sync-server.h"

G_BEGIN_DECLS

/* What cl-sync-server.c and cl-sync-server-apply.c share: private to
 * core. */

gint64   cl_sync_server_now_seconds  (void);
/* Whether @object has a member @name holding a value of @type. */
gboolean cl_sync_server_member_is    (JsonObject  *object,
                                      const char  *name,
                                      GType        type);
/* Appends an audit line; the caller holds the store's lock. */
gboolean cl_sync_server_audit_locked (CLStore     *store,
                                      const char  *username,
                                      const char  *role,
                                      const char  *action,
                                      const char  *table,
                                      const char  *record_id,
                                      const char  *patient_id,
                                      gint         status,
                                      const char  *detail,
                                      GError     **error);

G_END_DECLS
