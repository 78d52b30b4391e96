#define G_LOG_DOMAIN "cl-fault-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-fault-store.h"
#include "cl-schedule.h"
#include "cl-store-save.h"
#include "cl-util.h"

gboolean
cl_fault_store_save (CLStore           *store,
                     CLEquipmentFault  *fault,
                     const char        *role,
                     GHashTable       **field_errors,
                     GError           **error)
{
  g_autoptr(GHashTable) errors = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_EQUIPMENT_FAULT (fault), FALSE);

  errors = cl_equipment_fault_validate (fault);
  cl_equipment_fault_check_now (fault, cl_schedule_now (), errors);
  return cl_store_save_checked (store, CL_RECORD (fault), role, errors, field_errors, error);
}

gboolean
cl_fault_store_mark_fixed (CLStore           *store,
                           CLEquipmentFault  *fault,
                           gint64             at,
                           const char        *note,
                           const char        *role,
                           GHashTable       **field_errors,
                           GError           **error)
{
  g_autoptr(CLEquipmentFault) fixed = NULL;
  g_autofree char *said = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_EQUIPMENT_FAULT (fault), FALSE);

  said = g_strstrip (g_strdup (note ? note : ""));
  fixed = CL_EQUIPMENT_FAULT (cl_record_dup (CL_RECORD (fault)));
  cl_equipment_fault_set_fixed_at (fixed, at);
  if (*said != '\0')
    cl_equipment_fault_set_note (fixed, said);
  /* No time is no fix: said at the field rather than saved as open. */
  if (at <= 0)
    {
      g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      g_hash_table_insert (errors, g_strdup ("fixed_at"), g_strdup (_("Enter when it was fixed")));
      return cl_store_save_checked (store, CL_RECORD (fixed), role, errors, field_errors, error);
    }
  if (!cl_fault_store_save (store, fixed, role, field_errors, error))
    return FALSE;
  cl_record_assign (CL_RECORD (fault), CL_RECORD (fixed));
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

gboolean
cl_fault_store_check_change (CLStore     *store,
                             CLRecord    *incoming,
                             CLRecord    *current,
                             const char  *username,
                             const char  *role,
                             CLRecord   **conflict,
                             GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree gpointer *fields = NULL;
  guint n;

  g_return_val_if_fail (CL_IS_EQUIPMENT_FAULT (incoming), FALSE);

  /* A tombstone is the table's permission's business. */
  if (cl_record_get_deleted (incoming))
    return TRUE;
  cl_equipment_fault_check_now (CL_EQUIPMENT_FAULT (incoming), cl_schedule_now (), errors);
  if (g_hash_table_size (errors) == 0)
    return TRUE;
  fields = g_hash_table_get_keys_as_array (errors, &n);
  qsort (fields, n, sizeof (gpointer), compare_strings);
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "%s: %s", (const char *) fields[0],
               (const char *) g_hash_table_lookup (errors, fields[0]));
  return FALSE;
}
