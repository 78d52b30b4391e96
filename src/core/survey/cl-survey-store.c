#define G_LOG_DOMAIN "cl-survey-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-department.h"
#include "cl-discharge.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-save.h"
#include "cl-store-surveys.h"
#include "cl-survey-catalog.h"
#include "cl-survey-people.h"
#include "cl-survey-store.h"
#include "cl-util.h"

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

static GType
person_type (const char *kind)
{
  const char * const *kinds = cl_survey_person_kinds ();

  if (g_strcmp0 (kind, kinds[0]) == 0)
    return CL_TYPE_PATIENT;
  if (g_strcmp0 (kind, kinds[1]) == 0)
    return CL_TYPE_STAFF;
  if (g_strcmp0 (kind, CL_SURVEY_KIND_DISCHARGE) == 0)
    return CL_TYPE_DISCHARGE;
  return G_TYPE_INVALID;
}

static gboolean
person_is_live (CLStore    *store,
                const char *kind,
                const char *id)
{
  GType type = person_type (kind);

  return type != G_TYPE_INVALID && cl_store_has_live (store, type, id);
}

char *
cl_survey_store_person_name (CLStore    *store,
                             const char *kind,
                             const char *id)
{
  GType type = person_type (kind);
  g_autoptr(CLRecord) record = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (type == G_TYPE_INVALID || !(record = cl_store_load_live (store, type, id)))
    return NULL;
  if (CL_IS_PATIENT (record))
    return g_strdup (cl_patient_get_name (CL_PATIENT (record)));
  if (CL_IS_DISCHARGE (record))
    return g_strdup (cl_discharge_get_name (CL_DISCHARGE (record)));
  return g_strdup (cl_staff_get_display_name (CL_STAFF (record)));
}

void
cl_survey_store_validate_campaign (CLStore          *store,
                                   CLSurveyCampaign *campaign,
                                   GHashTable       *errors)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(GArray) people = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_SURVEY_CAMPAIGN (campaign));

  own = cl_survey_campaign_validate (campaign);
  merge (errors, own);
  if (g_hash_table_contains (errors, "people"))
    return;
  people = cl_survey_people_parse (cl_survey_campaign_get_people (campaign), &message);
  for (guint i = 0; people && i < people->len; i++)
    {
      const CLSurveyPerson *person = &g_array_index (people, CLSurveyPerson, i);

      if (!person_is_live (store, person->kind, person->id))
        {
          refuse (errors, "people", _("Someone on the list is not a patient or staff member of this hospital"));
          return;
        }
    }
}

void
cl_survey_store_validate_answer (CLStore        *store,
                                 CLSurveyAnswer *answer,
                                 GHashTable     *errors)
{
  g_autoptr(CLSurveyCampaign) campaign = NULL;
  CLSurveyTemplate *template = NULL;
  const char *person_id, *department_id;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_SURVEY_ANSWER (answer));

  campaign = cl_store_load_live (store, CL_TYPE_SURVEY_CAMPAIGN, cl_survey_answer_get_campaign_id (answer));
  if (campaign == NULL)
    refuse (errors, "campaign_id", _("There is no such survey campaign"));
  else
    template = cl_survey_catalog_lookup (cl_survey_campaign_get_template_id (campaign));
  cl_survey_answer_check (answer, campaign, template, errors);

  person_id = cl_survey_answer_get_person_id (answer);
  if (!cl_str_empty (person_id) &&
      !person_is_live (store, cl_survey_answer_get_person_kind (answer), person_id))
    refuse (errors, "person_id",
            g_strcmp0 (cl_survey_answer_get_person_kind (answer), CL_SURVEY_KIND_DISCHARGE) == 0
            ? _("There is no such discharge")
            : _("There is no such patient or staff member"));
  department_id = cl_survey_answer_get_department_id (answer);
  if (!cl_str_empty (department_id) && !cl_store_has_live (store, CL_TYPE_DEPARTMENT, department_id))
    refuse (errors, "department_id", _("Choose a department from the hospital’s list"));
}

gboolean
cl_survey_store_save_campaign (CLStore           *store,
                               CLSurveyCampaign  *campaign,
                               const char        *role,
                               GHashTable       **field_errors,
                               GError           **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN (campaign), FALSE);

  cl_survey_store_validate_campaign (store, campaign, errors);
  return cl_store_save_checked (store, CL_RECORD (campaign), role, errors, field_errors, error);
}

gboolean
cl_survey_store_close_campaign (CLStore           *store,
                                CLSurveyCampaign  *campaign,
                                const char        *role,
                                GError           **error)
{
  g_autoptr(CLSurveyCampaign) closed = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN (campaign), FALSE);

  closed = CL_SURVEY_CAMPAIGN (cl_record_dup (CL_RECORD (campaign)));
  cl_survey_campaign_set_status (closed, cl_survey_campaign_statuses ()[1]);
  if (!cl_survey_store_save_campaign (store, closed, role, NULL, error))
    return FALSE;
  cl_record_assign (CL_RECORD (campaign), CL_RECORD (closed));
  return TRUE;
}

gboolean
cl_survey_store_save_answer (CLStore         *store,
                             CLSurveyAnswer  *answer,
                             const char      *role,
                             GHashTable     **field_errors,
                             GError         **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_SURVEY_ANSWER (answer), FALSE);

  cl_survey_store_validate_answer (store, answer, errors);
  cl_survey_answer_check_time (answer, cl_schedule_now (), errors);
  return cl_store_save_checked (store, CL_RECORD (answer), role, errors, field_errors, error);
}

gboolean
cl_survey_store_check_answer_change (CLStore     *store,
                                     CLRecord    *incoming,
                                     CLRecord    *current,
                                     const char  *username,
                                     const char  *role,
                                     CLRecord   **conflict,
                                     GError     **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CL_IS_SURVEY_ANSWER (incoming), FALSE);

  if (cl_record_get_deleted (incoming))
    return TRUE;
  cl_survey_answer_check_time (CL_SURVEY_ANSWER (incoming), cl_schedule_now (), errors);
  if (g_hash_table_size (errors) == 0)
    return TRUE;
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "answered_at: %s",
               (const char *) g_hash_table_lookup (errors, "answered_at"));
  return FALSE;
}

CLSurveyCampaign *
cl_survey_store_discharge_campaign (CLStore *store,
                                    gint64   when)
{
  g_autofree char *quarter = cl_survey_quarter_of (when);
  g_autoptr(GPtrArray) campaigns = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  campaigns = cl_store_survey_campaigns_of_quarter (store, quarter);
  for (guint i = 0; i < campaigns->len; i++)
    {
      CLSurveyCampaign *campaign = g_ptr_array_index (campaigns, i);

      /* An anonymous one could not record who was called. */
      if (g_strcmp0 (cl_survey_campaign_get_template_id (campaign), CL_SURVEY_DISCHARGE_TEMPLATE) == 0 &&
          cl_survey_campaign_is_open (campaign) && !cl_survey_campaign_get_anonymous (campaign))
        return g_object_ref (campaign);
    }
  return NULL;
}
