#define G_LOG_DOMAIN "cl-followup-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-doctor-order.h"
#include "cl-followup-plan.h"
#include "cl-followup-store.h"
#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-staff.h"
#include "cl-store-followup.h"
#include "cl-store-patients.h"
#include "cl-tables.h"
#include "cl-visit-guideline.h"
#include "cl-visit-store.h"

void
cl_followup_store_validate (CLStore          *store,
                            CLFollowupRecord *item,
                            const char       *role,
                            GHashTable       *errors)
{
  g_autoptr(CLFollowupRecord) stored = NULL;
  g_autoptr(CLPatient) patient = NULL;
  const char *case_manager_id = NULL;
  const char *owner_id = cl_followup_record_get_owner_id (item);
  GDate due, today;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_FOLLOWUP_RECORD (item));

  /* A contact recorded as already done, or a tombstone, is history:
   * these rules are for what someone is still to do. */
  if (!cl_followup_record_is_by_hand (item) || !cl_followup_record_is_open (item))
    return;
  if (cl_record_get_id (CL_RECORD (item)))
    stored = CL_FOLLOWUP_RECORD (cl_store_load_record (store, CL_TYPE_FOLLOWUP_RECORD,
                                                       cl_record_get_id (CL_RECORD (item)), NULL));

  cl_date_today (&today);
  if (stored == NULL && !g_hash_table_contains (errors, "due_date") &&
      cl_date_parse (cl_followup_record_get_due_date (item), &due, NULL) &&
      g_date_compare (&due, &today) < 0)
    g_hash_table_insert (errors, g_strdup ("due_date"),
                         g_strdup (_("The due date has passed; choose today or a later day")));

  if (stored && g_strcmp0 (cl_followup_record_get_owner_id (stored), owner_id) == 0)
    return;
  if (owner_id == NULL || *owner_id == '\0')
    g_hash_table_insert (errors, g_strdup ("owner_id"), g_strdup (_("Choose the case manager who will do it")));
  else
    {
      g_autoptr(CLStaff) staff = CL_STAFF (cl_store_load_record (store, CL_TYPE_STAFF, owner_id, NULL));

      if (staff == NULL || cl_record_get_deleted (CL_RECORD (staff)) || !cl_staff_get_active (staff) ||
          !cl_staff_has_role (staff, CL_ROLE_CASE_MANAGER))
        g_hash_table_insert (errors, g_strdup ("owner_id"),
                             g_strdup (_("The owner must be an active member of staff with the case manager role")));
    }
  if (g_hash_table_contains (errors, "owner_id") || cl_followup_role_may_assign (role))
    return;
  patient = CL_PATIENT (cl_store_load_record (store, CL_TYPE_PATIENT, cl_followup_record_get_patient_id (item), NULL));
  if (patient)
    case_manager_id = cl_patient_get_case_manager_id (patient);
  if (case_manager_id && *case_manager_id && g_strcmp0 (case_manager_id, owner_id) != 0)
    g_hash_table_insert (errors, g_strdup ("owner_id"),
                         g_strdup (_("Only an administrator may give it to someone other than her case manager")));
}

gboolean
cl_followup_role_may_assign (const char *role)
{
  return g_strcmp0 (role, CL_ROLE_ADMIN) == 0;
}

gboolean
cl_followup_store_save (CLStore           *store,
                        CLFollowupRecord  *item,
                        const char        *role,
                        GHashTable       **field_errors,
                        GError           **error)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(CLFollowupRecord) copy = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (item), FALSE);

  if (!cl_tables_can_write (role, "followup_item"))
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("Your role may not make this change; nothing was saved"));
      return FALSE;
    }

  errors = cl_followup_record_validate (item);
  cl_followup_store_validate (store, item, role, errors);
  if (g_hash_table_size (errors) > 0)
    {
      GHashTableIter iter;
      gpointer message;

      g_hash_table_iter_init (&iter, errors);
      g_hash_table_iter_next (&iter, NULL, &message);
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           g_hash_table_size (errors) == 1 ? message
                           : _("Some fields need attention before saving"));
      if (field_errors)
        *field_errors = g_steal_pointer (&errors);
      return FALSE;
    }

  /* Written from a copy: a failed write leaves the caller's item as it
   * was. */
  copy = CL_FOLLOWUP_RECORD (cl_record_dup (CL_RECORD (item)));
  if (!cl_store_save_record (store, CL_RECORD (copy), error))
    return FALSE;
  cl_record_assign (CL_RECORD (item), CL_RECORD (copy));
  return TRUE;
}

/* A UUID-shaped id from the pregnancy, the rule and the source, so the
 * same planned item made on two desks is one record. */
static char *
planned_id (const char *pregnancy_id,
            const char *rule_id,
            const char *source_id)
{
  g_autofree char *key = g_strdup_printf ("careline-followup\n%s\n%s\n%s", pregnancy_id,
                                          rule_id ? rule_id : "", source_id ? source_id : "");
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  /* Version 8 (custom), variant 10. */
  return g_strdup_printf ("%.8s-%.4s-8%.3s-%c%.3s-%.12s", sha, sha + 8, sha + 13,
                          "89ab"[g_ascii_xdigit_value (sha[16]) & 3], sha + 17, sha + 20);
}

static CLFollowupPlanInput *
make_input (CLStore     *store,
            CLPregnancy *pregnancy,
            CLPatient   *patient,
            const GDate *today)
{
  const char *pregnancy_id = cl_record_get_id (CL_RECORD (pregnancy));
  g_autoptr(ClVisitPlan) plan = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  CLFollowupPlanInput *input;
  GDate edd, birth;

  if (!cl_date_parse (cl_pregnancy_get_effective_edd (pregnancy), &edd, NULL))
    return NULL;
  input = cl_followup_plan_input_new (cl_patient_get_name (patient), &edd, today);
  if (cl_pregnancy_status_has_delivery (cl_pregnancy_get_status (pregnancy)) &&
      cl_date_parse (cl_pregnancy_get_delivery_date (pregnancy), &birth, NULL))
    cl_followup_plan_input_set_birth (input, &birth);
  if ((plan = cl_visit_store_load_plan (store, pregnancy, today)))
    cl_followup_plan_input_add_visit_plan (input, plan, NULL);

  orders = cl_store_patients_orders (store, cl_record_get_id (CL_RECORD (patient)), TRUE);
  for (guint i = 0; i < orders->len; i++)
    {
      CLDoctorOrder *order = g_ptr_array_index (orders, i);
      GDate reminder;

      if (g_strcmp0 (cl_doctor_order_get_pregnancy_id (order), pregnancy_id) == 0 &&
          cl_date_parse (cl_doctor_order_get_reminder_date (order), &reminder, NULL))
        cl_followup_plan_input_add_order (input, cl_record_get_id (CL_RECORD (order)),
                                          cl_doctor_order_get_text (order), &reminder);
    }

  reports = cl_visit_store_list_reports (store, pregnancy_id);
  for (guint i = 0; i < reports->len; i++)
    {
      ClReport *report = g_ptr_array_index (reports, i);
      g_autofree char *label = NULL;
      GDate filed;

      if (!cl_date_parse (report->check_date, &filed, NULL))
        continue;
      if (report->visit)
        label = cl_visit_guideline_dup_label_for (cl_visit_guideline_get_default (), report->visit, NULL);
      cl_followup_plan_input_add_report (input, report->id, label ? label : report->title, &filed);
    }
  return input;
}

static void
set_planned (CLFollowupRecord     *record,
             const CLFollowupItem *planned)
{
  g_autofree char *due = cl_date_to_iso (&planned->due);

  cl_followup_record_set_due_date (record, due);
  cl_followup_record_set_content (record, planned->content);
  cl_followup_record_set_channel (record, cl_followup_channel_to_string (planned->channel));
}

gboolean
cl_followup_store_replan_in_transaction (CLStore     *store,
                                         const char  *pregnancy_id,
                                         GError     **error)
{
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(CLFollowupPlanInput) input = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_followup_item_unref);
  g_autoptr(GPtrArray) planned = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  const char *owner_id;
  gboolean closed;
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  pregnancy = CL_PREGNANCY (cl_store_load_record (store, CL_TYPE_PREGNANCY, pregnancy_id, NULL));
  if (pregnancy == NULL)
    return TRUE;
  patient = CL_PATIENT (cl_store_load_record (store, CL_TYPE_PATIENT,
                                              cl_pregnancy_get_patient_id (pregnancy), NULL));
  if (patient == NULL)
    return TRUE;

  owner_id = cl_patient_get_case_manager_id (patient);
  if (owner_id && *owner_id == '\0')
    owner_id = NULL;
  cl_date_today (&today);
  closed = cl_record_get_deleted (CL_RECORD (pregnancy)) ||
           cl_record_get_deleted (CL_RECORD (patient)) ||
           g_strcmp0 (cl_pregnancy_get_status (pregnancy), "ended") == 0;
  input = make_input (store, pregnancy, patient, &today);
  if (input == NULL)
    return TRUE;   /* no EDD yet: nothing to plan */
  planned = closed ? g_ptr_array_new () : cl_followup_plan (cl_followup_rules_in_force (), input);

  stored = cl_store_followup_for_pregnancy (store, pregnancy_id);
  for (guint i = 0; i < stored->len; i++)
    {
      CLFollowupRecord *record = g_ptr_array_index (stored, i);

      g_ptr_array_add (existing, cl_followup_record_to_item (record));
      g_hash_table_insert (by_id, (gpointer) cl_record_get_id (CL_RECORD (record)), record);
    }
  changes = cl_followup_reconcile (existing, planned, closed);
  cl_followup_trim_changes (changes, cl_followup_rules_in_force (), &today);

  for (guint i = 0; i < changes->len; i++)
    {
      CLFollowupChange *change = g_ptr_array_index (changes, i);
      g_autoptr(CLFollowupRecord) added = NULL;
      CLFollowupRecord *record = NULL;

      if (change->existing)
        record = g_hash_table_lookup (by_id, change->existing->id);

      switch (change->kind)
        {
        case CL_FOLLOWUP_CHANGE_KEEP:
          /* Her open items follow her to a new case manager. */
          if (!cl_followup_record_is_open (record) ||
              g_strcmp0 (cl_followup_record_get_owner_id (record), owner_id) == 0)
            continue;
          break;
        case CL_FOLLOWUP_CHANGE_ADD:
          {
            g_autofree char *id = planned_id (pregnancy_id, change->planned->rule_id,
                                              change->planned->source_id);

            added = cl_followup_record_new ();
            cl_record_set_id (CL_RECORD (added), id);
            cl_followup_record_set_patient_id (added, cl_record_get_id (CL_RECORD (patient)));
            cl_followup_record_set_pregnancy_id (added, pregnancy_id);
            cl_followup_record_set_kind (added, cl_followup_kind_to_string (change->planned->kind));
            cl_followup_record_set_rule_id (added, change->planned->rule_id);
            cl_followup_record_set_source_id (added, change->planned->source_id);
            set_planned (added, change->planned);
            record = added;
          }
          break;
        case CL_FOLLOWUP_CHANGE_MOVE:
        case CL_FOLLOWUP_CHANGE_UPDATE:
          set_planned (record, change->planned);
          break;
        case CL_FOLLOWUP_CHANGE_CANCEL:
          cl_followup_record_set_state (record, "cancelled");
          cl_followup_record_set_cancel_reason (record, cl_followup_reason_to_string (change->reason));
          break;
        }
      if (record && cl_followup_record_is_open (record))
        cl_followup_record_set_owner_id (record, owner_id);
      if (record && !cl_store_write_record (store, CL_RECORD (record), CL_WRITE_DEFAULT, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cl_followup_store_replan (CLStore     *store,
                          const char  *pregnancy_id,
                          GError     **error)
{
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!cl_followup_store_replan_in_transaction (store, pregnancy_id, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  return cl_store_commit (store, error);
}
