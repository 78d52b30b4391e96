#define G_LOG_DOMAIN "cl-followup-alert"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-followup-alert.h"
#include "cl-scale-record.h"
#include "cl-store-followup.h"

/* The warning for one item, from the result that raised it; NULL when
 * the result is gone (deleted on another desk) or no longer urgent. */
static char *
alert_of (CLStore          *store,
          CLFollowupRecord *item,
          gboolean         *flagged)
{
  g_autoptr(CLScaleRecord) record = NULL;
  g_autoptr(CLScaleResult) result = NULL;
  CLScale *scale;

  record = CL_SCALE_RECORD (cl_store_load_record (store, CL_TYPE_SCALE_RECORD,
                                                  cl_followup_record_get_source_id (item), NULL));
  if (record == NULL || cl_record_get_deleted (CL_RECORD (record)) ||
      !(result = cl_scale_record_score (record, NULL)))
    return NULL;
  scale = cl_scale_result_get_scale (result);
  *flagged = cl_scale_result_get_n_flags (result) > 0;
  if (*flagged)
    /* Translators: a flag's label ("Self-harm risk") and a scale's short name */
    return g_strdup_printf (_("%s flagged on %s — record the action taken"),
                            cl_local_text_get (cl_scale_result_get_flag (result, 0)->rule->label, NULL),
                            cl_scale_get_short_title (scale, NULL));
  if (cl_scale_result_get_positive (result))
    /* Translators: a scale's short name and the band of her total ("Possible depression") */
    return g_strdup_printf (_("%s positive screen (%s) — record the action taken"),
                            cl_scale_get_short_title (scale, NULL),
                            cl_scale_result_get_band_label (result, NULL));
  return NULL;
}

char *
cl_followup_alert_for_patient (CLStore           *store,
                               const char        *patient_id,
                               CLFollowupRecord **item)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autofree char *text = NULL;
  CLFollowupRecord *about = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (item)
    *item = NULL;
  if (patient_id == NULL)
    return NULL;
  open = cl_store_followup_open_alerts (store, patient_id);
  for (guint i = 0; i < open->len; i++)
    {
      CLFollowupRecord *candidate = g_ptr_array_index (open, i);
      gboolean flagged = FALSE;
      g_autofree char *candidate_text = alert_of (store, candidate, &flagged);

      if (candidate_text == NULL)
        continue;
      /* A flagged answer (self-harm) is the one to show first. */
      if (text == NULL || flagged)
        {
          g_free (text);
          text = g_steal_pointer (&candidate_text);
          about = candidate;
        }
      if (flagged)
        break;
    }
  if (item && about)
    *item = g_object_ref (about);
  return g_steal_pointer (&text);
}
