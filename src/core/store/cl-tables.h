#pragma once

#include <glib-object.h>

#include "cl-record.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The synced tables and who may touch them.  One list, used by the
 * server to check every change and by the desktop to know what it may
 * edit, so the permission table exists once. */

/* The CLRecord subtype stored in @table, or G_TYPE_INVALID for a table
 * that is not synced (or does not exist). */
GType               cl_tables_lookup     (const char *table);

/* NULL-terminated names of all synced tables. */
const char * const *cl_tables_list       (void);

/* The role careline-server's SMS/WeChat sender writes as
 * (src/server/cl-gateway.c).  No account holds it (cl-staff.h lists
 * the roles a person may have); it writes followup_delivery, which
 * nobody else may, and records an item it sent as done. */
#define CL_ROLE_GATEWAY "gateway"

/* What a role asks to do with a table's rows. */
typedef enum
{
  CL_READ,
  CL_WRITE,
} ClAccess;

/* May @role @access rows of @table?  Answered from the one permission
 * table (README, "Roles"), for the server and the desk alike.  Unknown
 * roles or tables: no. */
gboolean            cl_tables_role_may   (const char *role,
                                          ClAccess    access,
                                          const char *table);

/* Shorthands for cl_tables_role_may() with CL_READ / CL_WRITE. */
gboolean            cl_tables_can_read   (const char *role,
                                          const char *table);
gboolean            cl_tables_can_write  (const char *role,
                                          const char *table);

/* A table's invariants across records (no two bookings of one room
 * overlap, nothing changes in a closed settlement month…), for the
 * server: called inside the write transaction of a pushed change of
 * @incoming over @current (NULL for a new record) by @username with
 * @role, deletes included (@incoming is then the tombstone).  FALSE with @error to refuse; a refusal whose
 * reason is another record sets @conflict to that record. */
typedef gboolean (*ClTablesCheckFunc) (CLStore     *store,
                                       CLRecord    *incoming,
                                       CLRecord    *current,
                                       const char  *username,
                                       const char  *role,
                                       CLRecord   **conflict,
                                       GError     **error);

/* Runs @incoming's table's check, if it has one (TRUE if not). */
gboolean            cl_tables_check_change (CLStore     *store,
                                            CLRecord    *incoming,
                                            CLRecord    *current,
                                            const char  *username,
                                            const char  *role,
                                            CLRecord   **conflict,
                                            GError     **error);

/* A record's own rules, the very ones its desk form applies
 * (cl_enrolment_store_validate(), cl_order_store_validate()…), for the
 * server inside the write transaction of a pushed change by @role:
 * each refused column's translated message goes into @errors (column →
 * message, a column already there keeps its own).  Dates may be
 * normalised to ISO.  Closed months and overlaps are the check hook's
 * (cl_tables_check_change()). */
typedef void     (*ClTablesValidateFunc) (CLStore     *store,
                                          CLRecord    *record,
                                          const char  *role,
                                          GHashTable  *errors);

/* Runs @record's table's validate hook, if it has one. */
void                cl_tables_validate   (CLStore     *store,
                                          CLRecord    *record,
                                          const char  *role,
                                          GHashTable  *errors);

G_END_DECLS
