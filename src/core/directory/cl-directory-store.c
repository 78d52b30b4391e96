#define G_LOG_DOMAIN "cl-directory-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-directory-store.h"
#include "cl-store-directory.h"
#include "cl-store-save.h"
#include "cl-util.h"

static void
merge (GHashTable *into,
       GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (into, key))
      g_hash_table_insert (into, g_strdup (key), g_strdup (value));
}

void
cl_directory_store_validate_department (CLStore      *store,
                                        CLDepartment *department,
                                        GHashTable   *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autofree char *name = NULL;
  g_autofree char *other = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DEPARTMENT (department));

  own = cl_department_validate (department);
  merge (errors, own);
  if (cl_record_get_deleted (CL_RECORD (department)) || g_hash_table_contains (errors, "name"))
    return;
  name = g_strstrip (g_strdup (cl_department_get_name (department)));
  other = cl_store_department_named (store, name, cl_record_get_id (CL_RECORD (department)));
  if (other != NULL)
    g_hash_table_insert (errors, g_strdup ("name"),
                         g_strdup (_("Another department has this name")));
}

gboolean
cl_directory_store_save_department (CLStore       *store,
                                    CLDepartment  *department,
                                    const char    *role,
                                    GHashTable   **field_errors,
                                    GError       **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DEPARTMENT (department), FALSE);

  /* Kept as a person would read it back: no stray spaces. */
  name = g_strstrip (g_strdup (cl_department_get_name (department) ? cl_department_get_name (department) : ""));
  cl_department_set_name (department, name);
  cl_directory_store_validate_department (store, department, errors);
  return cl_store_save_checked (store, CL_RECORD (department), role, errors, field_errors, error);
}
