#define G_LOG_DOMAIN "cl-patient-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-patient-store.h"
#include "cl-risk-event.h"
#include "cl-store-patients.h"
#include "cl-store-staff.h"
#include "cl-util.h"

void
cl_patient_store_check_unique (CLStore    *store,
                               CLPatient  *patient,
                               GHashTable *errors)
{
  const char *patient_id = cl_record_get_id (CL_RECORD (patient));

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_PATIENT (patient));

  /* A deleted patient frees her numbers for a new record. */
  if (cl_record_get_deleted (CL_RECORD (patient)))
    return;
  if (!g_hash_table_contains (errors, "id_number") &&
      cl_store_patients_id_number_taken (store, cl_patient_get_id_number (patient), patient_id))
    g_hash_table_insert (errors, g_strdup ("id_number"),
                         g_strdup (_("Another patient already has this ID number; search for her instead")));
  if (!g_hash_table_contains (errors, "mrn") &&
      cl_store_patients_mrn_taken (store, cl_patient_get_mrn (patient), patient_id))
    g_hash_table_insert (errors, g_strdup ("mrn"),
                         g_strdup (_("Another patient already has this record number")));
}

static void
merge_errors (GHashTable *into,
              GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (into, key))
      g_hash_table_insert (into, g_strdup (key), g_strdup (value));
}

gboolean
cl_patient_store_save (CLStore      *store,
                       CLPatient    *patient,
                       CLPregnancy  *pregnancy,
                       GHashTable  **field_errors,
                       GError      **error)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(CLPregnancy) stored = NULL;
  const char *patient_id;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_PATIENT (patient), FALSE);
  g_return_val_if_fail (pregnancy == NULL || CL_IS_PREGNANCY (pregnancy), FALSE);

  patient_id = cl_record_get_id (CL_RECORD (patient));
  errors = cl_patient_validate (patient);
  if (pregnancy)
    {
      g_autoptr(GHashTable) more = cl_pregnancy_validate (pregnancy, cl_store_get_risk_scale (store));

      merge_errors (errors, more);
      if (g_strcmp0 (cl_pregnancy_get_patient_id (pregnancy), patient_id) != 0)
        g_hash_table_insert (errors, g_strdup ("lmp"),
                             g_strdup ("pregnancy belongs to another patient"));
    }

  cl_patient_store_check_unique (store, patient, errors);

  if (!cl_str_empty (cl_patient_get_case_manager_id (patient)))
    {
      g_autoptr(CLRecord) manager = cl_store_load_record (store, CL_TYPE_STAFF,
                                                          cl_patient_get_case_manager_id (patient),
                                                          NULL);
      if (manager == NULL || cl_record_get_deleted (manager))
        g_hash_table_insert (errors, g_strdup ("case_manager_id"),
                             g_strdup (_("This case manager no longer exists; choose another")));
    }

  if (g_hash_table_size (errors) > 0)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("Some fields need attention before saving"));
      if (field_errors)
        *field_errors = g_steal_pointer (&errors);
      return FALSE;
    }

  if (pregnancy)
    stored = (CLPregnancy *) cl_store_load_record (store, CL_TYPE_PREGNANCY,
                                                   cl_record_get_id (CL_RECORD (pregnancy)),
                                                   NULL);

  if (!cl_store_begin (store, error))
    return FALSE;

  if (!cl_store_write_record (store, CL_RECORD (patient), CL_WRITE_DEFAULT, error))
    goto failed;

  if (pregnancy)
    {
      const char *risk = cl_pregnancy_get_risk (pregnancy);
      const char *old_risk = stored ? cl_pregnancy_get_risk (stored) : "";

      /* Each change of colour is kept with its date: the timeline and
       * the quality reports need the history, not just today's colour. */
      if (g_strcmp0 (risk ? risk : "", old_risk ? old_risk : "") != 0)
        {
          g_autoptr(CLRiskEvent) event = NULL;
          g_autofree char *today_iso = NULL;
          GDate today;

          cl_date_today (&today);
          today_iso = cl_date_to_iso (&today);
          event = cl_risk_event_new (cl_record_get_id (CL_RECORD (pregnancy)),
                                     today_iso, risk ? risk : "", NULL);
          if (!cl_store_write_record (store, CL_RECORD (event), CL_WRITE_DEFAULT, error))
            goto failed;
        }

      if (!cl_store_write_record (store, CL_RECORD (pregnancy), CL_WRITE_DEFAULT, error))
        goto failed;
    }

  return cl_store_commit (store, error);

failed:
  cl_store_rollback (store);
  return FALSE;
}

CLPregnancy *
cl_patient_store_current_pregnancy (CLStore    *store,
                                    const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_patients_current_pregnancy (store, patient_id);
}

GPtrArray *
cl_patient_store_risk_history (CLStore    *store,
                               const char *pregnancy_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_patients_risk_events (store, pregnancy_id);
}

GPtrArray *
cl_patient_store_list_staff (CLStore    *store,
                             const char *role)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_staff_list_active (store, role);
}

gint64
cl_patient_store_count (CLStore *store)
{
  return cl_store_patients_count (store);
}
