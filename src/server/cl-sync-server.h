#pragma once

#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* The server's side of sync (README, "Working with a server"
 * and "Pushing changes"), without any HTTP: the
 * rules for applying pushed changes and for paging the change feed, and
 * the audit log.  careline-server calls these from its handlers; they
 * live in core so that they exist once and are testable headless. */

/* Checks the shape of a POST /changes body: an object with a "changes"
 * array of at most @max_changes objects, each with a string "key",
 * "table" and "id", an integer "base_rev" ≥ 0, "op" "upsert" or
 * "delete", and an object "data" (optional for a delete).  Content
 * (unknown tables, fields, rules) is judged per change later; a body
 * of the wrong shape is refused whole, so nothing of it is written.
 * Returns the "changes" array (borrowed from @body) or NULL with
 * G_IO_ERROR_INVALID_DATA and a message naming what is wrong. */
JsonArray  *cl_sync_server_check_push     (JsonNode    *body,
                                           guint        max_changes,
                                           GError     **error);

/* Applies checked changes in order, in one transaction with a
 * savepoint per change, as @username with @role.  Returns one result object per change:
 *   {"key", "status": "applied"|"duplicate"|"rejected", "rev",
 *    "reason": null|"stale"|"forbidden"|"invalid"|"overlap"|"closed", "message",
 *    "current": the server's record or null}
 * An "overlap" (a table's invariant, cl_tables_check_change()) has the
 * server's conflicting record as "current" and the server's version of
 * the refused record as "record" (null if it had none). 
 * A key seen before gets the answer it got then ("duplicate" with the
 * rev for an applied change, the same rejection for a rejected one).
 * @max_rev is set to the highest rev applied (0 if none).  Returns NULL
 * only when the store fails; the change it failed on is rolled back
 * alone, the ones answered before it are committed and their keys
 * remembered, so a retry is safe. */
JsonArray  *cl_sync_server_apply_changes  (CLStore     *store,
                                           JsonArray   *changes,
                                           const char  *username,
                                           const char  *role,
                                           gint64      *max_rev,
                                           GError     **error);

/* What a caller writes in the same transaction as the changes, once
 * they are answered (@results as above); FALSE (with @error) rolls
 * everything back. */
typedef gboolean (*CLSyncServerThenFunc) (CLStore    *store,
                                          JsonArray  *results,
                                          gpointer    user_data,
                                          GError    **error);

/* cl_sync_server_apply_changes(), then @then in the same transaction:
 * the changes and what @then writes are committed together or not at
 * all (careline-server user add: the account and its staff row).
 * NULL, with @error, when @then failed. */
JsonArray  *cl_sync_server_apply_changes_then (CLStore              *store,
                                               JsonArray            *changes,
                                               const char           *username,
                                               const char           *role,
                                               CLSyncServerThenFunc  then,
                                               gpointer              user_data,
                                               gint64               *max_rev,
                                               GError              **error);

/* Appends @text to @out as a JSON string literal (quoted and escaped;
 * invalid UTF-8 replaced by U+FFFD; NULL as null), for answers written
 * straight into a GString rather than through a JsonBuilder. */
void        cl_sync_server_append_json_string (GString    *out,
                                               const char *text);

/* A page of the change feed: {"changes": [{"rev", "table", "id", "op",
 * "data"}], "next": REV, "more": bool}.  Examines at most @limit rows
 * after @since; rows of tables @role may not read are skipped but still
 * advance "next".  Returned as JSON text, each record's data as the
 * feed stored it. */
char       *cl_sync_server_get_changes    (CLStore     *store,
                                           gint64       since,
                                           guint        limit,
                                           const char  *role,
                                           GError     **error);

/* Appends a line to the audit log in a transaction of its own (or in
 * the caller's, when one is open on this thread).  @status is an HTTP
 * status (200 done, 401, 403, 409 stale, 422 invalid …). */
gboolean    cl_sync_server_audit          (CLStore     *store,
                                           const char  *username,
                                           const char  *role,
                                           const char  *action,
                                           const char  *table,
                                           const char  *record_id,
                                           const char  *patient_id,
                                           gint         status,
                                           const char  *detail,
                                           GError     **error);

/* The audit log, oldest first, as objects {"at", "username", "role",
 * "action", "table", "record_id", "patient_id", "status", "detail"};
 * only the lines about @patient_id when it is given. */
JsonArray  *cl_sync_server_read_audit     (CLStore     *store,
                                           const char  *patient_id,
                                           GError     **error);

/* The patient a record belongs to (for the audit log), or NULL. */
char       *cl_sync_server_patient_of     (CLStore     *store,
                                           CLRecord    *record);

G_END_DECLS
