#pragma once

#include "cl-contact.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Saving contacts, at the desk and on the server, with one set of
 * rules and messages (cl_contact_validate(), cl_contact_check_change()).
 * Reads are cl-store-desk.h's. */

/* Who is acting, as a contact names them (owner_id, closed_by): the
 * staff id of the live staff member who logs in as @username, or, for
 * someone without a staff row (a desk's own user, an administrator
 * made on the command line), @username itself.  NULL for NULL. */
char     *cl_desk_store_actor_id     (CLStore     *store,
                                      const char  *username);

/* Every rule, against the stored version and the clock
 * (cl_schedule_now()), then saves @contact for @actor_id with @role.
 * On a refusal CL_STORE_ERROR_INVALID and, if given, @field_errors
 * (column → message); nothing is written. */
gboolean  cl_desk_store_save         (CLStore     *store,
                                      CLContact   *contact,
                                      const char  *role,
                                      const char  *actor_id,
                                      GHashTable **field_errors,
                                      GError     **error);

/* Closes @contact now, by @actor_id, with @note: cl_desk_store_save()'s
 * rules (only the owner or an administrator closes).  On a refusal
 * @contact is left as it was. */
gboolean  cl_desk_store_close        (CLStore     *store,
                                      CLContact   *contact,
                                      const char  *note,
                                      const char  *role,
                                      const char  *actor_id,
                                      GHashTable **field_errors,
                                      GError     **error);

/* The server's hook for the contact table (cl-tables.c), inside the
 * write transaction of a pushed change: cl_contact_check_change() with
 * the server's clock and the pusher, as CL_STORE_ERROR_INVALID
 * "column: message". */
gboolean  cl_desk_store_check_change (CLStore     *store,
                                      CLRecord    *incoming,
                                      CLRecord    *current,
                                      const char  *username,
                                      const char  *role,
                                      CLRecord   **conflict,
                                      GError     **error);

G_END_DECLS
