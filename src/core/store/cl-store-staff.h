#pragma once

#include "cl-staff.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Staff as the features look them up (cl-store-staff.c). */

/* Active, live staff of @role (NULL: every role), by display name. */
GPtrArray   *cl_store_staff_list_active     (CLStore     *store,
                                             const char  *role);
/* Active, live escorts, by display name then id. */
GPtrArray   *cl_store_staff_list_escorts    (CLStore     *store);
/* The id of the live staff member who logs in as @username, or NULL. */
char        *cl_store_staff_find_username   (CLStore     *store,
                                             const char  *username);
/* Every live member of staff, the active first, by display name. */
GPtrArray   *cl_store_staff_list_all        (CLStore     *store);
/* The id of a live staff member other than @except_id who logs in as
 * @username, or NULL. */
char        *cl_store_staff_find_other_username (CLStore    *store,
                                                 const char *username,
                                                 const char *except_id);
/* How many live, active administrators there are besides @except_id. */
guint        cl_store_staff_count_admins    (CLStore     *store,
                                             const char  *except_id);

G_END_DECLS
