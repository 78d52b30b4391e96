#define G_LOG_DOMAIN "cl-discharge-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-department.h"
#include "cl-desk-setting.h"
#include "cl-discharge-store.h"
#include "cl-id-card.h"
#include "cl-phone.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-discharges.h"
#include "cl-store-save.h"
#include "cl-util.h"

/* Today at the desk or the server, by the same clock as every other
 * rule (cl_schedule_now()). */
static void
today_of_clock (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (cl_schedule_now ());

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
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

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A pushed change's first refusal, as the server answers it. */
static gboolean
refuse_change (GHashTable  *errors,
               GError     **error)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  if (g_hash_table_size (errors) == 0)
    return TRUE;
  keys = g_hash_table_get_keys_as_array (errors, &n);
  qsort (keys, n, sizeof (gpointer), compare_keys);
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "%s: %s",
               (const char *) keys[0], (const char *) g_hash_table_lookup (errors, keys[0]));
  return FALSE;
}

void
cl_discharge_store_prepare (CLStore     *store,
                            CLDischarge *discharge)
{
  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DISCHARGE (discharge));

  if (cl_str_empty (cl_discharge_get_patient_id (discharge)))
    {
      g_autofree char *patient_id = cl_store_discharge_patient (store, cl_discharge_get_id_number (discharge));

      if (patient_id)
        cl_discharge_set_patient_id (discharge, patient_id);
    }
  if (cl_str_empty (cl_discharge_get_call_due_on (discharge)))
    {
      gint64 days = cl_desk_settings_get_int (store, CL_DISCHARGE_CALL_DAYS_KEY);
      g_autofree char *due = cl_discharge_due_on (cl_discharge_get_discharged_on (discharge), (gint) days);

      if (due)
        cl_discharge_set_call_due_on (discharge, due);
    }
}

void
cl_discharge_store_validate (CLStore     *store,
                             CLDischarge *discharge,
                             GHashTable  *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autofree char *same = NULL;
  const char *department_id, *patient_id;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DISCHARGE (discharge));

  own = cl_discharge_validate (discharge);
  merge (errors, own);
  department_id = cl_discharge_get_department_id (discharge);
  patient_id = cl_discharge_get_patient_id (discharge);
  if (!cl_str_empty (department_id) && !cl_store_has_live (store, CL_TYPE_DEPARTMENT, department_id))
    refuse (errors, "department_id", _("Choose a department from the hospital’s list"));
  if (!cl_str_empty (patient_id) && !cl_store_has_live (store, CL_TYPE_PATIENT, patient_id))
    refuse (errors, "patient_id", _("There is no such patient"));
  if (cl_record_get_deleted (CL_RECORD (discharge)))
    return;
  same = cl_store_discharge_same (store, cl_discharge_get_id_number (discharge),
                                  cl_discharge_get_discharged_on (discharge),
                                  cl_record_get_id (CL_RECORD (discharge)));
  if (same)
    refuse (errors, "discharged_on",
            _("This discharge is already on the list: the same ID number and discharge date"));
}

gboolean
cl_discharge_store_save (CLStore      *store,
                         CLDischarge  *discharge,
                         const char   *role,
                         GHashTable  **field_errors,
                         GError      **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DISCHARGE (discharge), FALSE);

  cl_discharge_store_validate (store, discharge, errors);
  today_of_clock (&today);
  cl_discharge_check_day (discharge, &today, errors);
  return cl_store_save_checked (store, CL_RECORD (discharge), role, errors, field_errors, error);
}

gboolean
cl_discharge_store_check_change (CLStore     *store,
                                 CLRecord    *incoming,
                                 CLRecord    *current,
                                 const char  *username,
                                 const char  *role,
                                 CLRecord   **conflict,
                                 GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDate today;

  g_return_val_if_fail (CL_IS_DISCHARGE (incoming), FALSE);

  /* A tombstone is the table's permission's business. */
  if (cl_record_get_deleted (incoming))
    return TRUE;
  today_of_clock (&today);
  cl_discharge_check_day (CL_DISCHARGE (incoming), &today, errors);
  return refuse_change (errors, error);
}

void
cl_discharge_store_validate_call (CLStore         *store,
                                  CLDischargeCall *call,
                                  GHashTable      *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLDischarge) discharge = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  ClDischargeCallState state;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_DISCHARGE_CALL (call));

  own = cl_discharge_call_validate (call);
  merge (errors, own);
  if (cl_record_get_deleted (CL_RECORD (call)) || cl_str_empty (cl_discharge_call_get_discharge_id (call)))
    return;
  discharge = cl_store_load_live (store, CL_TYPE_DISCHARGE, cl_discharge_call_get_discharge_id (call));
  if (discharge == NULL)
    {
      refuse (errors, "discharge_id", _("There is no such discharge"));
      return;
    }
  attempts = cl_store_discharge_calls_of (store, cl_record_get_id (CL_RECORD (discharge)));
  state = cl_discharge_call_state (attempts, cl_record_get_id (CL_RECORD (call)), NULL);
  if (state == CL_DISCHARGE_CALL_REACHED)
    refuse (errors, "outcome", _("She was already reached; this call is closed"));
  else if (state == CL_DISCHARGE_CALL_REFUSED)
    refuse (errors, "outcome", _("She refused the call; it is closed"));
  else if (state == CL_DISCHARGE_CALL_UNREACHABLE)
    refuse (errors, "outcome", _("Three calls went unanswered; this call is closed"));
}

gboolean
cl_discharge_store_save_call (CLStore          *store,
                              CLDischargeCall  *call,
                              const char       *role,
                              GHashTable      **field_errors,
                              GError          **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DISCHARGE_CALL (call), FALSE);

  cl_discharge_store_validate_call (store, call, errors);
  cl_discharge_call_check_now (call, cl_schedule_now (), errors);
  return cl_store_save_checked (store, CL_RECORD (call), role, errors, field_errors, error);
}

gboolean
cl_discharge_store_record_call (CLStore          *store,
                                CLDischarge      *discharge,
                                const char       *outcome,
                                const char       *note,
                                gint64            called_at,
                                const char       *caller,
                                const char       *role,
                                CLDischargeCall **saved,
                                GHashTable      **field_errors,
                                GError          **error)
{
  g_autoptr(CLDischargeCall) call = cl_discharge_call_new ();
  g_autofree char *trimmed = g_strstrip (g_strdup (note ? note : ""));

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_DISCHARGE (discharge), FALSE);

  cl_discharge_call_set_discharge_id (call, cl_record_get_id (CL_RECORD (discharge)));
  cl_discharge_call_set_called_at (call, called_at);
  cl_discharge_call_set_caller (call, caller);
  cl_discharge_call_set_outcome (call, outcome);
  cl_discharge_call_set_note (call, trimmed);
  if (!cl_discharge_store_save_call (store, call, role, field_errors, error))
    return FALSE;
  if (saved)
    *saved = g_steal_pointer (&call);
  return TRUE;
}

gboolean
cl_discharge_store_check_call_change (CLStore     *store,
                                      CLRecord    *incoming,
                                      CLRecord    *current,
                                      const char  *username,
                                      const char  *role,
                                      CLRecord   **conflict,
                                      GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_DISCHARGE_CALL (incoming), FALSE);

  if (cl_record_get_deleted (incoming))
    return TRUE;
  cl_discharge_call_check_now (CL_DISCHARGE_CALL (incoming), cl_schedule_now (), errors);
  /* Who called is who pushed it; an administrator may record another's. */
  if (current == NULL && g_strcmp0 (role, CL_ROLE_ADMIN) != 0 &&
      g_strcmp0 (cl_discharge_call_get_caller (CL_DISCHARGE_CALL (incoming)), username) != 0)
    refuse (errors, "caller", _("A call is recorded by whoever made it, as logged in"));
  return refuse_change (errors, error);
}

CLDischarge *
cl_discharge_store_from_hl7 (CLStore              *store,
                             const ClHl7Discharge *message,
                             char                **existing_id,
                             GError              **error)
{
  g_autoptr(CLDischarge) discharge = cl_discharge_new ();
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *department_id = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *id_number = NULL;
  char *found;
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (existing_id != NULL && *existing_id == NULL, NULL);

  found = cl_store_discharge_from_source (store, "hl7", message->control_id);
  if (found)
    {
      *existing_id = found;
      return NULL;
    }
  /* What the checks would refuse is kept as sent, so the rules below
   * say why. */
  if (!cl_phone_validate (message->phone, &phone, NULL))
    phone = g_strdup (message->phone);
  if (!cl_id_card_validate (message->id_number, &id_number, NULL, NULL, NULL))
    id_number = g_strdup (message->id_number);
  found = cl_store_discharge_same (store, id_number, message->discharged_on, NULL);
  if (found)
    {
      *existing_id = found;
      return NULL;
    }
  department_id = cl_store_discharge_department (store, message->department);
  if (department_id == NULL)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                   _("“%s” is not a department on the hospital’s list"), message->department);
      return NULL;
    }

  cl_discharge_set_name (discharge, message->name);
  cl_discharge_set_phone (discharge, phone);
  cl_discharge_set_id_number (discharge, id_number);
  cl_discharge_set_his_id (discharge, message->his_id);
  cl_discharge_set_department_id (discharge, department_id);
  cl_discharge_set_admitted_on (discharge, message->admitted_on);
  cl_discharge_set_discharged_on (discharge, message->discharged_on);
  cl_discharge_set_diagnosis (discharge, message->diagnosis);
  cl_discharge_set_source (discharge, "hl7");
  cl_discharge_set_source_id (discharge, message->control_id);
  cl_discharge_store_prepare (store, discharge);
  cl_discharge_store_validate (store, discharge, errors);
  today_of_clock (&today);
  cl_discharge_check_day (discharge, &today, errors);
  if (!refuse_change (errors, error))
    return NULL;
  return g_steal_pointer (&discharge);
}
