#define G_LOG_DOMAIN "cl-scale-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-followup-record.h"
#include "cl-patient.h"
#include "cl-scale-store.h"
#include "cl-store-staff.h"
#include "cl-tables.h"

/* What the case manager reads on her Today list: the scale, its score
 * and what was flagged, in the desk's language. */
static char *
urgent_content (CLScaleResult *result)
{
  CLScale *scale = cl_scale_result_get_scale (result);
  g_autoptr(GString) text = g_string_new (NULL);

  /* TRANSLATORS: a scale's title, its total and the band the total falls in */
  g_string_printf (text, _("%s: %u, %s"), cl_scale_get_title (scale, NULL),
                   cl_scale_result_get_total (result), cl_scale_result_get_band_label (result, NULL));
  for (guint i = 0; i < cl_scale_result_get_n_flags (result); i++)
    {
      const CLScaleFlag *flag = cl_scale_result_get_flag (result, i);

      /* TRANSLATORS: a flag raised by an item's answer, after the score */
      g_string_append_printf (text, _("; item %u: %s"), flag->item,
                              cl_local_text_get (flag->rule->label, NULL));
    }
  g_string_append (text, _(". Contact her today."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

CLFollowupRecord *
cl_scale_store_urgent_item (CLStore       *store,
                            CLScaleRecord *record,
                            CLScaleResult *result)
{
  g_autoptr(CLPatient) patient = NULL;
  g_autofree char *content = urgent_content (result);
  g_autofree char *today_iso = NULL;
  CLFollowupRecord *item;
  const char *owner_id = NULL;
  g_autofree char *filler_id = NULL;
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (CL_IS_SCALE_RECORD (record), NULL);
  g_return_val_if_fail (CL_IS_SCALE_RESULT (result), NULL);

  if (!cl_scale_result_is_urgent (result))
    return NULL;

  item = cl_followup_record_new ();
  patient = CL_PATIENT (cl_store_load_record (store, CL_TYPE_PATIENT,
                                              cl_scale_record_get_patient_id (record), NULL));
  if (patient)
    owner_id = cl_patient_get_case_manager_id (patient);
  /* An urgent item must be on someone's worklist: without a case
   * manager, it goes to whoever filled the scale in. */
  if (owner_id == NULL || *owner_id == '\0')
    owner_id = filler_id = cl_store_staff_find_username (store, cl_scale_record_get_filled_by (record));
  cl_date_today (&today);
  today_iso = cl_date_to_iso (&today);
  cl_followup_record_set_patient_id (item, cl_scale_record_get_patient_id (record));
  cl_followup_record_set_pregnancy_id (item, cl_scale_record_get_pregnancy_id (record));
  cl_followup_record_set_kind (item, cl_followup_kind_to_string (CL_FOLLOWUP_KIND_PSYCHOLOGICAL_SUPPORT));
  /* No rule: planning never moves or cancels it. */
  cl_followup_record_set_source_id (item, cl_record_get_id (CL_RECORD (record)));
  cl_followup_record_set_due_date (item, today_iso);
  cl_followup_record_set_channel (item, "phone");
  cl_followup_record_set_content (item, content);
  cl_followup_record_set_owner_id (item, owner_id && *owner_id ? owner_id : NULL);
  return item;
}

static void
refuse (GHashTable  *errors,
        GHashTable **field_errors,
        GError     **error)
{
  GHashTableIter iter;
  gpointer message;

  g_hash_table_iter_init (&iter, errors);
  g_hash_table_iter_next (&iter, NULL, &message);
  g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                       g_hash_table_size (errors) == 1 ? message
                       : _("Some fields need attention before saving"));
  if (field_errors)
    *field_errors = g_hash_table_ref (errors);
}

gboolean
cl_scale_store_save (CLStore           *store,
                     CLScaleRecord     *record,
                     const char        *role,
                     GHashTable       **field_errors,
                     CLFollowupRecord **urgent_item,
                     GError           **error)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(CLScaleRecord) copy = NULL;
  g_autoptr(CLScaleResult) result = NULL;
  g_autoptr(CLFollowupRecord) item = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_SCALE_RECORD (record), FALSE);

  if (urgent_item)
    *urgent_item = NULL;
  if (!cl_tables_can_write (role, "scale_result"))
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("Your role may not make this change; nothing was saved"));
      return FALSE;
    }
  errors = cl_scale_record_validate (record);
  if (g_hash_table_size (errors) > 0)
    {
      refuse (errors, field_errors, error);
      return FALSE;
    }
  result = cl_scale_record_score (record, NULL);
  g_assert (result != NULL);   /* validated above */

  copy = CL_SCALE_RECORD (cl_record_dup (CL_RECORD (record)));
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!cl_store_write_record (store, CL_RECORD (copy), CL_WRITE_DEFAULT, error))
    goto fail;
  if (cl_scale_result_is_urgent (result))
    {
      item = cl_scale_store_urgent_item (store, copy, result);
      if (!cl_store_write_record (store, CL_RECORD (item), CL_WRITE_DEFAULT, error))
        goto fail;
    }
  if (!cl_store_commit (store, error))
    return FALSE;
  cl_record_assign (CL_RECORD (record), CL_RECORD (copy));
  if (urgent_item)
    *urgent_item = g_steal_pointer (&item);
  return TRUE;

fail:
  cl_store_rollback (store);
  return FALSE;
}
