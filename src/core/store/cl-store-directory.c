#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-directory.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_departments (CLStore  *store,
                      gboolean  active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DEPARTMENT,
                                 active_only
                                 ? "deleted = 0 AND active = 1 ORDER BY name COLLATE pinyin, id"
                                 : "deleted = 0 ORDER BY active DESC, name COLLATE pinyin, id",
                                 NULL);
}

char *
cl_store_department_named (CLStore    *store,
                           const char *name,
                           const char *except_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  found = cl_store_query_records (store, CL_TYPE_DEPARTMENT,
                                  "deleted = 0 AND name = ?1 AND id <> ?2 LIMIT 1",
                                  name ? name : "", except_id ? except_id : "", NULL);
  if (found->len == 0)
    return NULL;
  return g_strdup (cl_record_get_id (g_ptr_array_index (found, 0)));
}
