#define G_LOG_DOMAIN "cl-visit-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-store-patients.h"
#include "cl-util.h"
#include "cl-validation.h"
#include "cl-visit-mark.h"
#include "cl-visit-store.h"

void
cl_report_free (ClReport *report)
{
  if (report == NULL)
    return;
  g_free (report->id);
  g_free (report->title);
  g_free (report->kind);
  g_free (report->check_date);
  g_free (report->visit);
  g_free (report);
}

GPtrArray *
cl_visit_store_list_done (CLStore    *store,
                          const char *pregnancy_id)
{
  return cl_store_patients_visits_done (store, pregnancy_id);
}

GPtrArray *
cl_visit_store_list_reports (CLStore    *store,
                             const char *pregnancy_id)
{
  return cl_store_patients_reports (store, pregnancy_id);
}

ClVisitPlan *
cl_visit_store_load_plan (CLStore     *store,
                          CLPregnancy *pregnancy,
                          const GDate *today)
{
  g_autoptr(GPtrArray) done = NULL;
  GDate edd, delivery, now;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (CL_IS_PREGNANCY (pregnancy), NULL);

  if (!cl_date_parse (cl_pregnancy_get_effective_edd (pregnancy), &edd, NULL))
    return NULL;
  if (today == NULL)
    {
      cl_date_today (&now);
      today = &now;
    }
  g_date_clear (&delivery, 1);
  if (cl_pregnancy_get_delivery_date (pregnancy))
    cl_date_parse (cl_pregnancy_get_delivery_date (pregnancy), &delivery, NULL);

  done = cl_visit_store_list_done (store, cl_record_get_id (CL_RECORD (pregnancy)));
  return cl_visit_plan_new (NULL, &edd, cl_pregnancy_get_status (pregnancy),
                            g_date_valid (&delivery) ? &delivery : NULL, today, done);
}

gboolean
cl_visit_store_tick (CLStore     *store,
                     CLPregnancy *pregnancy,
                     const char  *key,
                     const char  *done_date,
                     const char  *note,
                     GError     **error)
{
  g_autoptr(CLVisitMark) mark = NULL;
  g_autofree char *iso = NULL;
  const char *pregnancy_id;
  GDate date, today;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_PREGNANCY (pregnancy), FALSE);

  pregnancy_id = cl_record_get_id (CL_RECORD (pregnancy));
  if (cl_visit_guideline_lookup (cl_visit_guideline_get_default (), key) == NULL)
    {
      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT,
                   _("There is no visit “%s” in the visit schedule"), key ? key : "");
      return FALSE;
    }

  cl_date_today (&today);
  if (cl_str_empty (done_date))
    date = today;
  else if (!cl_date_parse (done_date, &date, error))
    return FALSE;
  if (g_date_compare (&date, &today) > 0)
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_RANGE,
                           _("A visit cannot be marked done on a day still to come"));
      return FALSE;
    }
  iso = cl_date_to_iso (&date);

  mark = cl_store_patients_find_visit_mark (store, pregnancy_id, key);
  if (mark && !cl_record_get_deleted (CL_RECORD (mark)))
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_COMBINATION,
                           _("This visit is already marked done"));
      return FALSE;
    }
  if (mark == NULL)
    {
      mark = cl_visit_mark_new ();
      cl_visit_mark_set_patient_id (mark, cl_pregnancy_get_patient_id (pregnancy));
      cl_visit_mark_set_pregnancy_id (mark, pregnancy_id);
      cl_visit_mark_set_visit (mark, key);
    }
  cl_record_set_deleted (CL_RECORD (mark), FALSE);
  cl_visit_mark_set_done_date (mark, iso);
  cl_visit_mark_set_done_by (mark, cl_store_get_actor (store));
  cl_visit_mark_set_note (mark, cl_str_empty (note) ? NULL : note);
  return cl_store_save_record (store, CL_RECORD (mark), error);
}

gboolean
cl_visit_store_untick (CLStore     *store,
                       CLPregnancy *pregnancy,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(CLVisitMark) mark = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_PREGNANCY (pregnancy), FALSE);

  mark = cl_store_patients_find_visit_mark (store, cl_record_get_id (CL_RECORD (pregnancy)), key);
  if (mark == NULL || cl_record_get_deleted (CL_RECORD (mark)))
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_COMBINATION,
                           _("This visit was not ticked"));
      return FALSE;
    }
  return cl_store_delete_record (store, CL_RECORD (mark), error);
}
