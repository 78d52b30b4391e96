#define G_LOG_DOMAIN "cl-survey-people"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cl-survey-campaign.h"
#include "cl-survey-people.h"
#include "cl-util.h"

static void
person_clear (gpointer data)
{
  CLSurveyPerson *person = data;

  g_free (person->kind);
  g_free (person->id);
}

GArray *
cl_survey_people_parse (const char  *json,
                        char       **message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (CLSurveyPerson));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *root;
  JsonArray *array;

  g_array_set_clear_func (people, person_clear);
  if (cl_str_empty (json))
    return g_steal_pointer (&people);
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_ARRAY (root))
    {
      *message = g_strdup (_("The list of people to ask is damaged"));
      return NULL;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      const char *kind, *id;
      CLSurveyPerson person;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !(object = json_node_get_object (node)) ||
          !(kind = json_object_get_string_member_with_default (object, "kind", NULL)) ||
          !(id = json_object_get_string_member_with_default (object, "id", NULL)) ||
          !g_strv_contains (cl_survey_person_kinds (), kind) || cl_str_empty (id))
        {
          *message = g_strdup (_("The list of people to ask is damaged"));
          return NULL;
        }
      if (!g_hash_table_add (seen, g_strdup (id)))
        {
          *message = g_strdup (_("A person is on the list twice"));
          return NULL;
        }
      person.kind = g_strdup (kind);
      person.id = g_strdup (id);
      g_array_append_val (people, person);
    }
  return g_steal_pointer (&people);
}

gboolean
cl_survey_kind_answers (CLSurveyTemplate *template,
                        const char       *kind)
{
  const char * const *kinds = cl_survey_person_kinds ();

  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (template), FALSE);

  switch (cl_survey_template_get_respondents (template))
    {
    case CL_SURVEY_RESPONDENTS_PATIENTS:
      return g_strcmp0 (kind, kinds[0]) == 0;
    case CL_SURVEY_RESPONDENTS_STAFF:
      return g_strcmp0 (kind, kinds[1]) == 0;
    case CL_SURVEY_RESPONDENTS_ANYONE:
    default:
      return kind != NULL && g_strv_contains (kinds, kind);
    }
}

gboolean
cl_survey_people_check (const char        *json,
                        CLSurveyTemplate  *template,
                        char             **message)
{
  g_autoptr(GArray) people = cl_survey_people_parse (json, message);

  if (people == NULL)
    return FALSE;
  for (guint i = 0; template && i < people->len; i++)
    if (!cl_survey_kind_answers (template, g_array_index (people, CLSurveyPerson, i).kind))
      {
        *message = g_strdup (cl_survey_template_get_respondents (template) == CL_SURVEY_RESPONDENTS_STAFF
                             ? _("This survey is for staff: ask staff members only")
                             : _("This survey is for patients: ask patients only"));
        return FALSE;
      }
  return TRUE;
}
