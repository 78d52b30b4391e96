#define G_LOG_DOMAIN "cl-survey-answer"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cl-survey-answer.h"
#include "cl-survey-people.h"
#include "cl-util.h"

struct _CLSurveyAnswer
{
  CLRecord parent_instance;

  char   *campaign_id;
  char   *person_kind;
  char   *person_id;
  char   *channel;
  gint64  answered_at;
  char   *department_id;
  char   *answers;
};

G_DEFINE_FINAL_TYPE (CLSurveyAnswer, cl_survey_answer, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CAMPAIGN_ID,
  PROP_PERSON_KIND,
  PROP_PERSON_ID,
  PROP_CHANNEL,
  PROP_ANSWERED_AT,
  PROP_DEPARTMENT_ID,
  PROP_ANSWERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_survey_answer_class_init (CLSurveyAnswerClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_CAMPAIGN_ID]   = { "campaign-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyAnswer, campaign_id) },
    [PROP_PERSON_KIND]   = { "person-kind", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyAnswer, person_kind) },
    [PROP_PERSON_ID]     = { "person-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyAnswer, person_id) },
    [PROP_CHANNEL]       = { "channel", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyAnswer, channel) },
    [PROP_ANSWERED_AT]   = { "answered-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLSurveyAnswer, answered_at), 0,
                             CL_COLUMN_NON_NEGATIVE },
    [PROP_DEPARTMENT_ID] = { "department-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyAnswer, department_id) },
    [PROP_ANSWERS]       = { "answers", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSurveyAnswer, answers) },
  };

  CL_RECORD_CLASS (klass)->table_name = "survey_answer";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_survey_answer_init (CLSurveyAnswer *self)
{
}

CLSurveyAnswer *
cl_survey_answer_new (void)
{
  return CL_SURVEY_ANSWER (cl_record_new (CL_TYPE_SURVEY_ANSWER));
}

#define TEXT_ACCESSORS(field, PROP) \
  const char * \
  cl_survey_answer_get_##field (CLSurveyAnswer *self) \
  { \
    g_return_val_if_fail (CL_IS_SURVEY_ANSWER (self), NULL); \
    return self->field; \
  } \
  void \
  cl_survey_answer_set_##field (CLSurveyAnswer *self, const char *value) \
  { \
    g_return_if_fail (CL_IS_SURVEY_ANSWER (self)); \
    cl_record_set_text_column (self, properties[PROP], value); \
  }

TEXT_ACCESSORS (campaign_id, PROP_CAMPAIGN_ID)
TEXT_ACCESSORS (person_kind, PROP_PERSON_KIND)
TEXT_ACCESSORS (person_id, PROP_PERSON_ID)
TEXT_ACCESSORS (channel, PROP_CHANNEL)
TEXT_ACCESSORS (department_id, PROP_DEPARTMENT_ID)
TEXT_ACCESSORS (answers, PROP_ANSWERS)

gint64
cl_survey_answer_get_answered_at (CLSurveyAnswer *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_ANSWER (self), 0);
  return self->answered_at;
}

void
cl_survey_answer_set_answered_at (CLSurveyAnswer *self,
                                  gint64          value)
{
  g_return_if_fail (CL_IS_SURVEY_ANSWER (self));
  cl_record_set_int_column (self, properties[PROP_ANSWERED_AT], value);
}

static const char * const channels[] = { "desk", "phone", "link", NULL };

const char * const *
cl_survey_answer_channels (void)
{
  return channels;
}

const char *
cl_survey_answer_channel_label (const char *channel)
{
  static const char * const labels[] = { N_("At the desk"), N_("By phone"), N_("Through the link") };

  for (guint i = 0; channel && channels[i]; i++)
    if (g_str_equal (channel, channels[i]))
      return _(labels[i]);
  return channel ? channel : "";
}

JsonObject *
cl_survey_answer_dup_answers (CLSurveyAnswer *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  g_return_val_if_fail (CL_IS_SURVEY_ANSWER (self), NULL);

  if (cl_str_empty (self->answers) ||
      !json_parser_load_from_data (parser, self->answers, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static gboolean
answer_fits (const CLSurveyQuestion *question,
             JsonNode               *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (question->kind)
    {
    case CL_SURVEY_QUESTION_SCALE:
      {
        gint64 mark;

        if (json_node_get_value_type (node) != G_TYPE_INT64)
          return FALSE;
        mark = json_node_get_int (node);
        return mark >= 1 && mark <= CL_SURVEY_SCALE_MAX;
      }
    case CL_SURVEY_QUESTION_YES_NO:
      return json_node_get_value_type (node) == G_TYPE_BOOLEAN;
    case CL_SURVEY_QUESTION_TEXT:
    default:
      return json_node_get_value_type (node) == G_TYPE_STRING;
    }
}

gboolean
cl_survey_answers_check (CLSurveyTemplate  *template,
                         const char        *json,
                         char             **message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *root;

  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (template), FALSE);

  if (cl_str_empty (json) ||
      !json_parser_load_from_data (parser, json, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_OBJECT (root))
    {
      *message = g_strdup (_("The answers are damaged"));
      return FALSE;
    }
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l; l = l->next)
    {
      const CLSurveyQuestion *question = cl_survey_template_lookup_question (template, l->data);
      JsonNode *node = json_object_get_member (object, l->data);

      if (question == NULL)
        {
          *message = g_strdup (_("The answers name a question the survey does not have"));
          return FALSE;
        }
      /* A question left out may also be sent as null. */
      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!answer_fits (question, node))
        {
          const char *text = cl_local_text_get (question->text, NULL);

          if (question->kind == CL_SURVEY_QUESTION_SCALE)
            *message = g_strdup_printf (_("Answer “%s” with a mark from 1 to %d"), text, CL_SURVEY_SCALE_MAX);
          else if (question->kind == CL_SURVEY_QUESTION_YES_NO)
            *message = g_strdup_printf (_("Answer “%s” with yes or no"), text);
          else
            *message = g_strdup_printf (_("Answer “%s” in words"), text);
          return FALSE;
        }
    }
  for (guint i = 0; i < cl_survey_template_get_n_questions (template); i++)
    {
      const CLSurveyQuestion *question = cl_survey_template_get_question (template, i);
      JsonNode *node = json_object_get_member (object, question->id);
      gboolean blank = node == NULL || JSON_NODE_HOLDS_NULL (node);

      if (!blank && question->kind == CL_SURVEY_QUESTION_TEXT)
        {
          g_autofree char *said = g_strstrip (g_strdup (json_node_get_string (node)));

          blank = *said == '\0';
        }
      if (question->required && blank)
        {
          *message = g_strdup_printf (_("Answer “%s”"), cl_local_text_get (question->text, NULL));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
cl_survey_answer_kind_answers (CLSurveyTemplate *template,
                               const char       *kind)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (template), FALSE);

  /* A discharged patient reached by the desk's call answers as a
   * patient, though she may not be on the desk's roster. */
  if (g_strcmp0 (kind, CL_SURVEY_KIND_DISCHARGE) == 0)
    return cl_survey_kind_answers (template, cl_survey_person_kinds ()[0]);
  return cl_survey_kind_answers (template, kind);
}

static void
refuse (GHashTable *errors,
        const char *column,
        const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

void
cl_survey_answer_check (CLSurveyAnswer   *self,
                        CLSurveyCampaign *campaign,
                        CLSurveyTemplate *template,
                        GHashTable       *errors)
{
  gboolean named;

  g_return_if_fail (CL_IS_SURVEY_ANSWER (self));

  if (self->channel == NULL || !g_strv_contains (channels, self->channel))
    refuse (errors, "channel", _("Choose how the answers were given: at the desk, by phone or through the link"));
  if (self->answered_at <= 0)
    refuse (errors, "answered_at", _("Enter when the answers were given"));
  if (campaign == NULL)
    return;
  if (!cl_survey_campaign_is_open (campaign))
    refuse (errors, "campaign_id", _("This campaign is closed and takes no more answers"));

  named = !cl_str_empty (self->person_id) || !cl_str_empty (self->person_kind);
  if (cl_survey_campaign_get_anonymous (campaign))
    {
      if (named)
        refuse (errors, "person_id", _("This survey is anonymous: its answers name no one"));
    }
  else if (cl_str_empty (self->person_id) || cl_str_empty (self->person_kind))
    refuse (errors, "person_id", _("Choose who answered"));
  else if (template && !cl_survey_answer_kind_answers (template, self->person_kind))
    refuse (errors, "person_id", cl_survey_template_get_respondents (template) == CL_SURVEY_RESPONDENTS_STAFF
                                 ? _("This survey is for staff: ask staff members only")
                                 : _("This survey is for patients: ask patients only"));
  if (template == NULL)
    return;
  if (cl_survey_template_get_asks_department (template))
    {
      if (cl_str_empty (self->department_id))
        refuse (errors, "department_id", _("Choose the department the answers are about"));
    }
  else if (!cl_str_empty (self->department_id))
    refuse (errors, "department_id", _("This survey asks about no one department"));
  {
    g_autofree char *message = NULL;

    if (!cl_survey_answers_check (template, self->answers, &message))
      refuse (errors, "answers", message);
  }
}

void
cl_survey_answer_check_time (CLSurveyAnswer *self,
                             gint64          now,
                             GHashTable     *errors)
{
  g_return_if_fail (CL_IS_SURVEY_ANSWER (self));

  /* A minute's grace for a desk whose clock runs ahead. */
  if (self->answered_at > now + 60)
    refuse (errors, "answered_at", _("The answers cannot be given in the future"));
}
