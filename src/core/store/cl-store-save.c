#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-store-save.h"
#include "cl-tables.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The message of the first field by name, so the same record always
 * gets the same answer. */
static const char *
first_message (GHashTable *errors)
{
  g_autofree gpointer *fields = NULL;
  guint n;

  fields = g_hash_table_get_keys_as_array (errors, &n);
  qsort (fields, n, sizeof (gpointer), compare_strings);
  return g_hash_table_lookup (errors, fields[0]);
}

gpointer
cl_store_load_live (CLStore    *store,
                    GType       type,
                    const char *id)
{
  g_autoptr(CLRecord) record = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (id == NULL || *id == '\0')
    return NULL;
  record = cl_store_load_record (store, type, id, NULL);
  if (record == NULL || cl_record_get_deleted (record))
    return NULL;
  return g_steal_pointer (&record);
}

gboolean
cl_store_has_live (CLStore    *store,
                   GType       type,
                   const char *id)
{
  g_autoptr(CLRecord) record = cl_store_load_live (store, type, id);

  return record != NULL;
}

gboolean
cl_store_refuse_role (const char  *role,
                      const char  *table,
                      GError     **error)
{
  if (cl_tables_can_write (role, table))
    return FALSE;
  g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                       _("Your role may not make this change; nothing was saved"));
  return TRUE;
}

gboolean
cl_store_accept_errors (GHashTable  *errors,
                        GHashTable **field_errors,
                        GError     **error)
{
  if (g_hash_table_size (errors) == 0)
    return TRUE;
  g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                       g_hash_table_size (errors) == 1
                       ? first_message (errors)
                       : _("Some fields need attention before saving"));
  if (field_errors)
    *field_errors = g_hash_table_ref (errors);
  return FALSE;
}

gboolean
cl_store_save_copy (CLStore   *store,
                    CLRecord  *record,
                    GError   **error)
{
  g_autoptr(CLRecord) copy = cl_record_dup (record);

  if (!cl_store_save_record (store, copy, error))
    return FALSE;
  cl_record_assign (record, copy);
  return TRUE;
}

gboolean
cl_store_save_checked (CLStore     *store,
                       CLRecord    *record,
                       const char  *role,
                       GHashTable  *errors,
                       GHashTable **field_errors,
                       GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_RECORD (record), FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  if (cl_store_refuse_role (role, cl_record_get_table_name (record), error) ||
      !cl_store_accept_errors (errors, field_errors, error))
    return FALSE;
  return cl_store_save_copy (store, record, error);
}
