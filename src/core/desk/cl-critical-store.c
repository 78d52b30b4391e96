#define G_LOG_DOMAIN "cl-critical-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-critical-store.h"
#include "cl-department.h"
#include "cl-desk-setting.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-store-critical.h"
#include "cl-store-save.h"
#include "cl-util.h"

gint64
cl_critical_store_limit (CLStore *store)
{
  return cl_desk_settings_get_int (store, CL_CRITICAL_LIMIT_KEY);
}

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
cl_critical_store_validate (CLStore         *store,
                            CLCriticalValue *value,
                            GHashTable      *errors)
{
  g_autoptr(GHashTable) own = NULL;
  const char *patient_id, *department_id;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_CRITICAL_VALUE (value));

  own = cl_critical_value_validate (value);
  merge (errors, own);
  patient_id = cl_critical_value_get_patient_id (value);
  department_id = cl_critical_value_get_department_id (value);
  if (!cl_str_empty (patient_id) && !cl_store_has_live (store, CL_TYPE_PATIENT, patient_id))
    g_hash_table_insert (errors, g_strdup ("patient_id"), g_strdup (_("There is no such patient")));
  if (!cl_str_empty (department_id) && !cl_store_has_live (store, CL_TYPE_DEPARTMENT, department_id))
    g_hash_table_insert (errors, g_strdup ("department_id"),
                         g_strdup (_("Choose a department from the hospital’s list")));
}

gboolean
cl_critical_store_save (CLStore          *store,
                        CLCriticalValue  *value,
                        const char       *role,
                        GHashTable      **field_errors,
                        GError          **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLRecord) current = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_CRITICAL_VALUE (value), FALSE);

  current = cl_store_load_record (store, CL_TYPE_CRITICAL_VALUE,
                                  cl_record_get_id (CL_RECORD (value)), NULL);
  cl_critical_store_validate (store, value, errors);
  cl_critical_value_check_change (value, current ? CL_CRITICAL_VALUE (current) : NULL,
                                  cl_schedule_now (), role, errors);
  return cl_store_save_checked (store, CL_RECORD (value), role, errors, field_errors, error);
}

gboolean
cl_critical_store_report (CLStore          *store,
                          CLCriticalValue  *value,
                          const char       *reported_to,
                          const char       *reported_role,
                          gint64            at,
                          const char       *action,
                          const char       *actor_id,
                          const char       *role,
                          GHashTable      **field_errors,
                          GError          **error)
{
  g_autoptr(CLCriticalValue) reported = NULL;
  g_autofree char *to = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_CRITICAL_VALUE (value), FALSE);

  to = g_strstrip (g_strdup (reported_to ? reported_to : ""));
  what = g_strstrip (g_strdup (action ? action : ""));
  reported = CL_CRITICAL_VALUE (cl_record_dup (CL_RECORD (value)));
  cl_critical_value_set_reported_to (reported, to);
  cl_critical_value_set_reported_role (reported, reported_role);
  cl_critical_value_set_reported_at (reported, at);
  cl_critical_value_set_action (reported, what);
  cl_critical_value_set_reported_by (reported, actor_id);
  /* An empty form is a report not made, said at its fields. */
  if (at <= 0 && cl_str_empty (to) && cl_str_empty (what))
    {
      g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      g_hash_table_insert (errors, g_strdup ("reported_to"), g_strdup (_("Enter whom it was reported to")));
      g_hash_table_insert (errors, g_strdup ("action"), g_strdup (_("Say what the doctor or nurse did")));
      return cl_store_save_checked (store, CL_RECORD (reported), role, errors, field_errors, error);
    }
  if (!cl_critical_store_save (store, reported, role, field_errors, error))
    return FALSE;
  cl_record_assign (CL_RECORD (value), CL_RECORD (reported));
  return TRUE;
}

GPtrArray *
cl_critical_store_alarms (CLStore *store,
                          gint64   now)
{
  g_autoptr(GPtrArray) unreported = NULL;
  GPtrArray *alarms = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 limit;

  g_return_val_if_fail (CL_IS_STORE (store), alarms);

  limit = cl_critical_store_limit (store);
  unreported = cl_store_critical_unreported (store);
  for (guint i = 0; i < unreported->len; i++)
    {
      CLCriticalValue *value = g_ptr_array_index (unreported, i);

      if (cl_critical_value_state (value, now, limit) == CL_CRITICAL_STATE_ALARM)
        g_ptr_array_add (alarms, g_object_ref (value));
    }
  return alarms;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

gboolean
cl_critical_store_check_change (CLStore     *store,
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

  g_return_val_if_fail (CL_IS_CRITICAL_VALUE (incoming), FALSE);

  /* A tombstone is the table's permission's business. */
  if (cl_record_get_deleted (incoming))
    return TRUE;
  cl_critical_value_check_change (CL_CRITICAL_VALUE (incoming),
                                  current ? CL_CRITICAL_VALUE (current) : NULL,
                                  cl_schedule_now (), role, errors);
  if (g_hash_table_size (errors) == 0)
    return TRUE;
  fields = g_hash_table_get_keys_as_array (errors, &n);
  qsort (fields, n, sizeof (gpointer), compare_strings);
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "%s: %s", (const char *) fields[0],
               (const char *) g_hash_table_lookup (errors, fields[0]));
  return FALSE;
}
