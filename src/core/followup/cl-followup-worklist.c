#define G_LOG_DOMAIN "cl-followup-worklist"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-followup-store.h"
#include "cl-followup-worklist.h"
#include "cl-patient.h"
#include "cl-phone.h"
#include "cl-store-followup.h"
#include "cl-util.h"

void
cl_followup_row_free (CLFollowupRow *row)
{
  if (row == NULL)
    return;
  g_clear_object (&row->item);
  g_free (row->patient_name);
  g_free (row->phone_masked);
  g_free (row->delivery);
  g_free (row->flags);
  g_free (row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const CLFollowupRow *x = *(CLFollowupRow * const *) a;
  const CLFollowupRow *y = *(CLFollowupRow * const *) b;
  int c;

  if (x->overdue != y->overdue)
    return x->overdue ? -1 : 1;
  if (x->priority != y->priority)
    return x->priority ? -1 : 1;
  /* ISO dates sort as text. */
  if ((c = g_strcmp0 (cl_followup_record_get_due_date (x->item), cl_followup_record_get_due_date (y->item))))
    return c;
  if ((c = g_strcmp0 (x->patient_name, y->patient_name)))
    return c;
  return g_strcmp0 (cl_record_get_id (CL_RECORD (x->item)), cl_record_get_id (CL_RECORD (y->item)));
}

GPtrArray *
cl_followup_worklist_load (CLStore     *store,
                           const char  *owner_id,
                           const GDate *today)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_followup_row_free);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) patients = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autofree char *today_iso = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (owner_id == NULL)
    return g_steal_pointer (&rows);
  today_iso = cl_date_to_iso (today);
  items = cl_store_followup_open_for_owner (store, owner_id, today_iso);
  for (guint i = 0; i < items->len; i++)
    {
      CLFollowupRecord *item = g_ptr_array_index (items, i);
      const char *patient_id = cl_followup_record_get_patient_id (item);
      CLPatient *patient = g_hash_table_lookup (patients, patient_id);
      CLFollowupRow *row;

      if (patient == NULL)
        {
          patient = CL_PATIENT (cl_store_load_record (store, CL_TYPE_PATIENT, patient_id, NULL));
          if (patient == NULL || cl_record_get_deleted (CL_RECORD (patient)))
            {
              g_clear_object (&patient);
              continue;
            }
          g_hash_table_insert (patients, (gpointer) cl_record_get_id (CL_RECORD (patient)), patient);
        }
      row = g_new0 (CLFollowupRow, 1);
      row->item = g_object_ref (item);
      row->patient_name = g_strdup (cl_patient_get_name (patient));
      row->phone_masked = cl_phone_mask (cl_patient_get_phone (patient));
      row->flags = cl_patient_effective_flags (cl_patient_get_priority (patient),
                                               cl_patient_get_birth_date (patient), today);
      row->priority = *row->flags != '\0';
      row->overdue = g_strcmp0 (cl_followup_record_get_due_date (item), today_iso) < 0;
      /* Only SMS and WeChat items go through the gateway. */
      if (g_strcmp0 (cl_followup_record_get_channel (item), "sms") == 0 ||
          g_strcmp0 (cl_followup_record_get_channel (item), "wechat") == 0)
        {
          g_autoptr(CLFollowupDelivery) delivery =
            cl_store_followup_latest_delivery (store, cl_record_get_id (CL_RECORD (item)));

          if (delivery)
            row->delivery = g_strdup (cl_followup_delivery_get_status (delivery));
        }
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}

gboolean
cl_followup_worklist_record (CLStore           *store,
                             CLFollowupRecord  *item,
                             CLFollowupOutcome  outcome,
                             const char        *note,
                             gint64             now,
                             const char        *role,
                             GError           **error)
{
  g_autoptr(CLFollowupRecord) copy = NULL;
  g_autofree char *stripped = note ? g_strstrip (g_strdup (note)) : NULL;

  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (item), FALSE);
  g_return_val_if_fail (outcome == CL_FOLLOWUP_OUTCOME_REACHED || outcome == CL_FOLLOWUP_OUTCOME_NO_ANSWER ||
                        outcome == CL_FOLLOWUP_OUTCOME_REFUSED, FALSE);

  copy = CL_FOLLOWUP_RECORD (cl_record_dup (CL_RECORD (item)));
  cl_followup_record_set_state (copy, "done");
  cl_followup_record_set_outcome (copy, cl_followup_outcome_to_string (outcome));
  cl_followup_record_set_outcome_note (copy, cl_str_empty (stripped) ? NULL : stripped);
  cl_followup_record_set_done_at (copy, now);
  if (!cl_followup_store_save (store, copy, role, NULL, error))
    return FALSE;
  cl_record_assign (CL_RECORD (item), CL_RECORD (copy));
  return TRUE;
}

gboolean
cl_followup_worklist_reschedule (CLStore           *store,
                                 CLFollowupRecord  *item,
                                 const GDate       *date,
                                 const GDate       *today,
                                 const char        *note,
                                 const char        *role,
                                 GError           **error)
{
  g_autoptr(CLFollowupRecord) copy = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *stripped = note ? g_strstrip (g_strdup (note)) : NULL;

  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (item), FALSE);

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("Choose the new date"));
      return FALSE;
    }
  if (g_date_compare (date, today) < 0)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("The new date cannot be in the past"));
      return FALSE;
    }
  iso = cl_date_to_iso (date);
  copy = CL_FOLLOWUP_RECORD (cl_record_dup (CL_RECORD (item)));
  cl_followup_record_set_state (copy, "rescheduled");
  cl_followup_record_set_outcome (copy, "rescheduled");
  cl_followup_record_set_due_date (copy, iso);
  if (!cl_str_empty (stripped))
    cl_followup_record_set_outcome_note (copy, stripped);
  if (!cl_followup_store_save (store, copy, role, NULL, error))
    return FALSE;
  cl_record_assign (CL_RECORD (item), CL_RECORD (copy));
  return TRUE;
}

gboolean
cl_followup_worklist_restore (CLStore           *store,
                              CLFollowupRecord  *item,
                              CLFollowupRecord  *before,
                              const char        *role,
                              GError           **error)
{
  g_autoptr(CLFollowupRecord) copy = NULL;

  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (item), FALSE);
  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (before), FALSE);

  copy = CL_FOLLOWUP_RECORD (cl_record_dup (CL_RECORD (before)));
  /* Based on the rev just written, not the one before it. */
  cl_record_set_rev (CL_RECORD (copy), cl_record_get_rev (CL_RECORD (item)));
  if (!cl_followup_store_save (store, copy, role, NULL, error))
    return FALSE;
  cl_record_assign (CL_RECORD (item), CL_RECORD (copy));
  return TRUE;
}
