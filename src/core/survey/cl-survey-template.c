#define G_LOG_DOMAIN "cl-survey-template"

#include "config.h"

#include <string.h>

#include "cl-core-resources.h"
#include "cl-survey-template.h"

#define RESOURCE_DIR "/org/careline/Careline/core/surveys/"
/* More would be a form no one finishes on the phone. */
#define MAX_QUESTIONS 40

struct _CLSurveyTemplate
{
  GObject              parent_instance;

  char                *id;
  CLLocalText         *title;
  CLSurveyRespondents  respondents;
  gboolean             may_be_anonymous;
  gboolean             asks_department;
  CLLocalText         *scale_labels[CL_SURVEY_SCALE_MAX];
  GPtrArray           *questions;   /* CLSurveyQuestion, in file order */
};

G_DEFINE_FINAL_TYPE (CLSurveyTemplate, cl_survey_template, G_TYPE_OBJECT)

static const char * const builtin_ids[] = {
  "outpatient", "discharge-call", "inpatient-support", "staff-support",
  "staff-leadership", "openness", "communication", NULL
};

static const char * const respondent_words[] = {
  [CL_SURVEY_RESPONDENTS_PATIENTS] = "patients",
  [CL_SURVEY_RESPONDENTS_STAFF] = "staff",
  [CL_SURVEY_RESPONDENTS_ANYONE] = "anyone",
};

static const char * const kind_words[] = {
  [CL_SURVEY_QUESTION_SCALE] = "scale",
  [CL_SURVEY_QUESTION_YES_NO] = "yes-no",
  [CL_SURVEY_QUESTION_TEXT] = "text",
};

static void
question_free (gpointer data)
{
  CLSurveyQuestion *question = data;

  g_free (question->id);
  cl_local_text_free (question->text);
  g_free (question->department);
  cl_local_text_free (question->service);
  g_free (question);
}

static void
cl_survey_template_finalize (GObject *object)
{
  CLSurveyTemplate *self = CL_SURVEY_TEMPLATE (object);

  g_free (self->id);
  cl_local_text_free (self->title);
  for (guint i = 0; i < CL_SURVEY_SCALE_MAX; i++)
    cl_local_text_free (self->scale_labels[i]);
  g_ptr_array_unref (self->questions);

  G_OBJECT_CLASS (cl_survey_template_parent_class)->finalize (object);
}

static void
cl_survey_template_class_init (CLSurveyTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_survey_template_finalize;
}

static void
cl_survey_template_init (CLSurveyTemplate *self)
{
  self->questions = g_ptr_array_new_with_free_func (question_free);
}

static gboolean
valid_id (const char *id)
{
  if (*id == '\0' || strlen (id) > 40)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
word_index (const char * const *words,
            guint               n_words,
            const char         *value,
            guint              *out)
{
  for (guint i = 0; i < n_words; i++)
    if (g_str_equal (words[i], value))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* scale=Very dissatisfied;…;Very satisfied, in every language given. */
static gboolean
load_scale_labels (CLSurveyTemplate  *self,
                   const CLIni       *ini,
                   const CLIniGroup  *head,
                   GError           **error)
{
  g_autoptr(CLLocalText) text = cl_ini_group_get_text (ini, head, "scale", TRUE, error);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < CL_SURVEY_SCALE_MAX; i++)
    self->scale_labels[i] = NULL;
  for (guint e = 0; e < head->entries->len; e++)
    {
      const CLIniEntry *entry = g_ptr_array_index (head->entries, e);
      g_auto(GStrv) labels = NULL;

      if (!g_str_equal (entry->key, "scale"))
        continue;
      labels = g_strsplit (entry->value, ";", -1);
      if (g_strv_length (labels) != CL_SURVEY_SCALE_MAX)
        {
          cl_ini_set_error (error, ini, head, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "scale needs %u labels separated by ;, from the lowest mark to the highest",
                            CL_SURVEY_SCALE_MAX);
          return FALSE;
        }
      for (guint i = 0; i < CL_SURVEY_SCALE_MAX; i++)
        {
          g_strstrip (labels[i]);
          if (*labels[i] == '\0')
            {
              cl_ini_set_error (error, ini, head, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                                "scale label %u is empty", i + 1);
              return FALSE;
            }
          if (entry->locale == NULL)
            self->scale_labels[i] = cl_local_text_new (labels[i]);
        }
    }
  for (guint e = 0; e < head->entries->len; e++)
    {
      const CLIniEntry *entry = g_ptr_array_index (head->entries, e);
      g_auto(GStrv) labels = NULL;

      if (!g_str_equal (entry->key, "scale") || entry->locale == NULL)
        continue;
      labels = g_strsplit (entry->value, ";", -1);
      for (guint i = 0; i < CL_SURVEY_SCALE_MAX; i++)
        cl_local_text_add (self->scale_labels[i], entry->locale, g_strstrip (labels[i]));
    }
  return TRUE;
}

static gboolean
load_question (CLSurveyTemplate  *self,
               const CLIni       *ini,
               const CLIniGroup  *group,
               GError           **error)
{
  static const char * const keys[] = { "kind", "required", "department", NULL };
  static const char * const localized[] = { "text", "service", NULL };
  const char *id = group->name + strlen ("Question ");
  CLSurveyQuestion *question;
  const CLIniEntry *entry;
  guint kind;
  GError *local_error = NULL;

  if (!cl_ini_group_check_keys (ini, group, keys, localized, error))
    return FALSE;
  if (!valid_id (id))
    {
      cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "a question is [Question ID], the id lower-case letters, digits and -");
      return FALSE;
    }
  if (cl_survey_template_lookup_question (self, id))
    {
      cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "the question id is given twice");
      return FALSE;
    }
  entry = cl_ini_group_lookup (group, "kind", NULL);
  if (entry == NULL || !word_index (kind_words, G_N_ELEMENTS (kind_words), entry->value, &kind))
    {
      cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "kind is required: scale, yes-no or text");
      return FALSE;
    }

  question = g_new0 (CLSurveyQuestion, 1);
  question->id = g_strdup (id);
  question->kind = kind;
  g_ptr_array_add (self->questions, question);
  if (!(question->text = cl_ini_group_get_text (ini, group, "text", TRUE, error)))
    return FALSE;
  /* Free text is a chance to say more, not a duty. */
  if (!cl_ini_group_get_bool (ini, group, "required", kind != CL_SURVEY_QUESTION_TEXT,
                              &question->required, error))
    return FALSE;
  question->service = cl_ini_group_get_text (ini, group, "service", FALSE, &local_error);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if ((entry = cl_ini_group_lookup (group, "department", NULL)))
    {
      if (*entry->value == '\0')
        {
          cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "department is empty: give a department's name as in the directory, or leave it out");
          return FALSE;
        }
      if (question->service)
        {
          cl_ini_set_error (error, ini, group, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "a question is about a department or a service, not both");
          return FALSE;
        }
      question->department = g_strdup (entry->value);
    }
  return TRUE;
}

static CLSurveyTemplate *
load (const CLIni  *ini,
      GError      **error)
{
  static const char * const keys[] = { "id", "respondents", "anonymous", "asks-department", NULL };
  static const char * const localized[] = { "title", "scale", NULL };
  g_autoptr(CLSurveyTemplate) self = g_object_new (CL_TYPE_SURVEY_TEMPLATE, NULL);
  const CLIniGroup *head = NULL;
  const CLIniEntry *entry;
  guint respondents;
  gboolean has_scale = FALSE;

  for (guint i = 0; i < ini->groups->len; i++)
    {
      const CLIniGroup *group = g_ptr_array_index (ini->groups, i);

      if (g_str_equal (group->name, "Survey"))
        head = group;
      else if (!g_str_has_prefix (group->name, "Question "))
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "unknown group: a survey has [Survey] and [Question ID] groups");
          return NULL;
        }
    }
  if (head == NULL)
    {
      cl_ini_set_error (error, ini, NULL, NULL, G_KEY_FILE_ERROR_GROUP_NOT_FOUND, "no [Survey] group");
      return NULL;
    }
  if (!cl_ini_group_check_keys (ini, head, keys, localized, error))
    return NULL;
  entry = cl_ini_group_lookup (head, "id", NULL);
  if (entry == NULL || !valid_id (entry->value))
    {
      cl_ini_set_error (error, ini, head, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "id is required: lower-case letters, digits and -");
      return NULL;
    }
  self->id = g_strdup (entry->value);
  if (!(self->title = cl_ini_group_get_text (ini, head, "title", TRUE, error)))
    return NULL;
  entry = cl_ini_group_lookup (head, "respondents", NULL);
  if (entry == NULL || !word_index (respondent_words, G_N_ELEMENTS (respondent_words), entry->value, &respondents))
    {
      cl_ini_set_error (error, ini, head, entry, G_KEY_FILE_ERROR_INVALID_VALUE,
                        "respondents is required: patients, staff or anyone");
      return NULL;
    }
  self->respondents = respondents;
  if (!cl_ini_group_get_bool (ini, head, "anonymous", FALSE, &self->may_be_anonymous, error) ||
      !cl_ini_group_get_bool (ini, head, "asks-department", FALSE, &self->asks_department, error))
    return NULL;

  for (guint i = 0; i < ini->groups->len; i++)
    {
      const CLIniGroup *group = g_ptr_array_index (ini->groups, i);

      if (!g_str_has_prefix (group->name, "Question "))
        continue;
      if (self->questions->len == MAX_QUESTIONS)
        {
          cl_ini_set_error (error, ini, group, NULL, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "a survey has at most %u questions", MAX_QUESTIONS);
          return NULL;
        }
      if (!load_question (self, ini, group, error))
        return NULL;
      has_scale |= ((CLSurveyQuestion *) g_ptr_array_index (self->questions, self->questions->len - 1))->kind
                   == CL_SURVEY_QUESTION_SCALE;
    }
  if (self->questions->len == 0)
    {
      cl_ini_set_error (error, ini, NULL, NULL, G_KEY_FILE_ERROR_GROUP_NOT_FOUND, "no [Question …] group");
      return NULL;
    }
  /* The labels are read out on the phone and shown on the link's page. */
  if ((has_scale || cl_ini_group_lookup (head, "scale", NULL)) &&
      !load_scale_labels (self, ini, head, error))
    return NULL;

  return g_steal_pointer (&self);
}

CLSurveyTemplate *
cl_survey_template_new_from_bytes (GBytes      *bytes,
                                   const char  *source,
                                   GError     **error)
{
  g_autoptr(CLIni) ini = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!(ini = cl_ini_parse (data ? data : "", size, source, error)))
    return NULL;
  return load (ini, error);
}

CLSurveyTemplate *
cl_survey_template_new_from_file (const char  *path,
                                  GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return cl_survey_template_new_from_bytes (bytes, path, error);
}

CLSurveyTemplate *
cl_survey_template_new_builtin (const char  *id,
                                GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  path = g_strconcat (RESOURCE_DIR, id, ".ini", NULL);
  /* Through the resource itself, as the scales do. */
  bytes = g_resource_lookup_data (cl_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return cl_survey_template_new_from_bytes (bytes, path, error);
}

const char * const *
cl_survey_template_get_builtin_ids (void)
{
  return builtin_ids;
}

const char *
cl_survey_template_get_id (CLSurveyTemplate *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (self), NULL);
  return self->id;
}

const char *
cl_survey_template_get_title (CLSurveyTemplate *self,
                              const char       *lang)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (self), NULL);
  return cl_local_text_get (self->title, lang);
}

CLSurveyRespondents
cl_survey_template_get_respondents (CLSurveyTemplate *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (self), CL_SURVEY_RESPONDENTS_PATIENTS);
  return self->respondents;
}

gboolean
cl_survey_template_get_may_be_anonymous (CLSurveyTemplate *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (self), FALSE);
  return self->may_be_anonymous;
}

gboolean
cl_survey_template_get_asks_department (CLSurveyTemplate *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (self), FALSE);
  return self->asks_department;
}

const char *
cl_survey_template_get_scale_label (CLSurveyTemplate *self,
                                    guint             mark,
                                    const char       *lang)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (self), NULL);
  g_return_val_if_fail (mark >= 1 && mark <= CL_SURVEY_SCALE_MAX, NULL);

  if (self->scale_labels[mark - 1] == NULL)
    return NULL;
  return cl_local_text_get (self->scale_labels[mark - 1], lang);
}

guint
cl_survey_template_get_n_questions (CLSurveyTemplate *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (self), 0);
  return self->questions->len;
}

const CLSurveyQuestion *
cl_survey_template_get_question (CLSurveyTemplate *self,
                                 guint             index)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, index);
}

const CLSurveyQuestion *
cl_survey_template_lookup_question (CLSurveyTemplate *self,
                                    const char       *id)
{
  g_return_val_if_fail (CL_IS_SURVEY_TEMPLATE (self), NULL);

  for (guint i = 0; id && i < self->questions->len; i++)
    {
      const CLSurveyQuestion *question = g_ptr_array_index (self->questions, i);

      if (g_str_equal (question->id, id))
        return question;
    }
  return NULL;
}

const char *
cl_survey_respondents_to_string (CLSurveyRespondents respondents)
{
  g_return_val_if_fail (respondents < G_N_ELEMENTS (respondent_words), NULL);
  return respondent_words[respondents];
}
