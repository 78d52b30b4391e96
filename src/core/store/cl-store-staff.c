/* cl-store-staff.c
 *
 * Staff lookups for the features (cl-store-staff.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-private.h"
#include "cl-store-staff.h"
#include "cl-util.h"

/* Holds role ?1: one of the space-separated "roles", or "role" on a
 * row that has no "roles" (cl-staff.h). */
#define HAS_ROLE "instr (' ' || COALESCE (NULLIF (roles, ''), role) || ' ', ' ' || ?1 || ' ') > 0"

GPtrArray *
cl_store_staff_list_active (CLStore    *store,
                            const char *role)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (role)
    return cl_store_query_records (store, CL_TYPE_STAFF,
                                   HAS_ROLE " AND active = 1 AND deleted = 0 ORDER BY display_name COLLATE pinyin",
                                   role, NULL);
  return cl_store_query_records (store, CL_TYPE_STAFF,
                                 "active = 1 AND deleted = 0 ORDER BY display_name COLLATE pinyin", NULL);
}

GPtrArray *
cl_store_staff_list_escorts (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_STAFF,
                                 "deleted = 0 AND active = 1 AND " HAS_ROLE " ORDER BY display_name COLLATE pinyin, id",
                                 CL_ROLE_ESCORT, NULL);
}

char *
cl_store_staff_find_username (CLStore    *store,
                              const char *username)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (username))
    return NULL;
  rows = cl_store_query_records (store, CL_TYPE_STAFF, "deleted = 0 AND username = ?1 LIMIT 1",
                                 username, NULL);
  return rows->len ? g_strdup (cl_record_get_id (g_ptr_array_index (rows, 0))) : NULL;
}

GPtrArray *
cl_store_staff_list_all (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_STAFF,
                                 "deleted = 0 ORDER BY active DESC, display_name COLLATE pinyin, id", NULL);
}

char *
cl_store_staff_find_other_username (CLStore    *store,
                                    const char *username,
                                    const char *except_id)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (username))
    return NULL;
  rows = cl_store_query_records (store, CL_TYPE_STAFF,
                                 "deleted = 0 AND username = ?1 AND id <> ?2 LIMIT 1",
                                 username, except_id ? except_id : "", NULL);
  return rows->len ? g_strdup (cl_record_get_id (g_ptr_array_index (rows, 0))) : NULL;
}

guint
cl_store_staff_count_admins (CLStore    *store,
                             const char *except_id)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), 0);

  rows = cl_store_query_records (store, CL_TYPE_STAFF,
                                 "deleted = 0 AND active = 1 AND " HAS_ROLE " AND id <> ?2",
                                 CL_ROLE_ADMIN, except_id ? except_id : "", NULL);
  return rows->len;
}
