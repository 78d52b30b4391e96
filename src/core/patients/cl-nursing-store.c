#define G_LOG_DOMAIN "cl-nursing-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-nursing-store.h"
#include "cl-schedule.h"
#include "cl-store-nursing.h"
#include "cl-store-save.h"
#include "cl-tables.h"
#include "cl-util.h"

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static void
merge (GHashTable *errors,
       GHashTable *own)
{
  GHashTableIter iter;
  gpointer column, message;

  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, &column, &message))
    refuse (errors, column, message);
}

void
cl_nursing_store_validate_assessment (CLStore             *store,
                                      CLNursingAssessment *assessment,
                                      GHashTable          *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(CLRecord) stored = NULL;
  g_autoptr(CLNursingAssessment) latest = NULL;
  const char *patient_id = cl_nursing_assessment_get_patient_id (assessment);
  const char *supersedes = cl_nursing_assessment_get_supersedes_id (assessment);
  gint version = cl_nursing_assessment_get_version (assessment);

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_NURSING_ASSESSMENT (assessment));

  own = cl_nursing_assessment_validate (assessment);
  merge (errors, own);
  if (g_hash_table_contains (errors, "patient_id") || g_hash_table_contains (errors, "version"))
    return;

  /* What was recorded stays as it was: the history is the versions. */
  stored = cl_store_load_record (store, CL_TYPE_NURSING_ASSESSMENT,
                                 cl_record_get_id (CL_RECORD (assessment)), NULL);
  if (stored)
    {
      refuse (errors, "version", _("An assessment is never changed; record a new version"));
      return;
    }
  latest = cl_store_nursing_latest (store, patient_id);
  if (latest == NULL)
    {
      if (version != 1 || !cl_str_empty (supersedes))
        refuse (errors, "version", _("Her first assessment is version 1 and supersedes none"));
    }
  else if (version != cl_nursing_assessment_get_version (latest) + 1 ||
           g_strcmp0 (supersedes, cl_record_get_id (CL_RECORD (latest))) != 0)
    /* Two desks updating at once: the second learns of the first. */
    refuse (errors, "version", _("A newer version of her assessment was recorded meanwhile; update that one"));
}

gboolean
cl_nursing_store_save_assessment (CLStore              *store,
                                  CLNursingAssessment  *assessment,
                                  const char           *role,
                                  const char           *actor_id,
                                  GHashTable          **field_errors,
                                  GError              **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CLNursingAssessment) copy = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_NURSING_ASSESSMENT (assessment), FALSE);

  if (cl_store_refuse_role (role, "nursing_assessment", error))
    return FALSE;
  copy = CL_NURSING_ASSESSMENT (cl_record_dup (CL_RECORD (assessment)));
  if (cl_str_empty (cl_nursing_assessment_get_recorded_by (copy)))
    cl_nursing_assessment_set_recorded_by (copy, actor_id);
  if (cl_nursing_assessment_get_recorded_at (copy) == 0)
    cl_nursing_assessment_set_recorded_at (copy, cl_schedule_now ());
  cl_nursing_store_validate_assessment (store, copy, errors);
  if (!cl_store_accept_errors (errors, field_errors, error))
    return FALSE;
  if (!cl_store_save_copy (store, CL_RECORD (copy), error))
    return FALSE;
  cl_record_assign (CL_RECORD (assessment), CL_RECORD (copy));
  return TRUE;
}

gboolean
cl_nursing_store_save_vitals (CLStore        *store,
                              CLVisitVitals  *vitals,
                              const char     *role,
                              const char     *actor_id,
                              GHashTable    **field_errors,
                              GError        **error)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(CLVisitVitals) copy = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_VISIT_VITALS (vitals), FALSE);

  if (cl_store_refuse_role (role, "visit_vitals", error))
    return FALSE;
  copy = CL_VISIT_VITALS (cl_record_dup (CL_RECORD (vitals)));
  if (cl_str_empty (cl_visit_vitals_get_taken_by (copy)))
    cl_visit_vitals_set_taken_by (copy, actor_id);
  if (cl_visit_vitals_get_taken_at (copy) == 0)
    cl_visit_vitals_set_taken_at (copy, cl_schedule_now ());
  errors = cl_visit_vitals_validate (copy);
  if (!cl_store_accept_errors (errors, field_errors, error))
    return FALSE;
  if (!cl_store_save_copy (store, CL_RECORD (copy), error))
    return FALSE;
  cl_record_assign (CL_RECORD (vitals), CL_RECORD (copy));
  return TRUE;
}
