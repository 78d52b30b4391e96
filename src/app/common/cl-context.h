#pragma once

#include <gio/gio.h>

#include "cl-staff.h"
#include "cl-store.h"
#include "cl-sync-client.h"
#include "cl-tables.h"

G_BEGIN_DECLS

/* What every view and dialog of a window shares: the store, the sync
 * client, who is working (user name and role), the settings and the
 * clock.  The window makes one; views take it at construction and
 * follow its notify:: signals, so nothing is wired by hand. */

#define CL_TYPE_CONTEXT (cl_context_get_type ())
G_DECLARE_FINAL_TYPE (CLContext, cl_context, CL, CONTEXT, GObject)

/* The role of a desk that works on its own store, without a server:
 * whoever sits there owns the data, so may do everything. */
#define CL_CONTEXT_LOCAL_ROLE CL_ROLE_ADMIN

CLContext    *cl_context_new             (void);

CLStore      *cl_context_get_store       (CLContext    *self);
void          cl_context_set_store       (CLContext    *self,
                                          CLStore      *store);
CLSyncClient *cl_context_get_sync_client (CLContext    *self);
void          cl_context_set_sync_client (CLContext    *self,
                                          CLSyncClient *sync);
GSettings    *cl_context_get_settings    (CLContext    *self);

/* Who is working: the user logged in to the server, with their role;
 * without a session, the desk's own user (cl_store_get_actor()) with
 * CL_CONTEXT_LOCAL_ROLE.  Follows the sync client's log-ins. */
const char   *cl_context_get_username    (CLContext    *self);
const char   *cl_context_get_role        (CLContext    *self);
/* Says who is working until the store or the sync client's session
 * next changes (tests, and a desk that knows its user another way); a
 * NULL user name is the store's actor, a NULL role
 * CL_CONTEXT_LOCAL_ROLE. */
void          cl_context_set_user        (CLContext    *self,
                                          const char   *username,
                                          const char   *role);

/* May whoever is working @access rows of @table (cl_tables_role_may())? */
gboolean      cl_context_may             (CLContext    *self,
                                          ClAccess      access,
                                          const char   *table);

/* The clock: today's civil date and now in UTC seconds, as core
 * reckons them (cl_date_today(), cl_schedule_now(): CARELINE_TODAY and
 * CARELINE_NOW fix them for tests and demos). */
void          cl_context_get_today       (CLContext    *self,
                                          GDate        *out);
gint64        cl_context_get_now         (CLContext    *self);

G_END_DECLS
