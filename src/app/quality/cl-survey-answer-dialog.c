#define G_LOG_DOMAIN "cl-survey-answer-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cl-department.h"
#include "cl-form-message.h"
#include "cl-store-directory.h"
#include "cl-survey-answer-dialog.h"
#include "cl-survey-answer.h"
#include "cl-survey-catalog.h"
#include "cl-survey-people.h"
#include "cl-survey-store.h"

enum { F_PERSON, F_DEPARTMENT, F_CHANNEL, F_ANSWERS, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "person_id", "department_id", "channel", "answers",
};

/* The channels the desk records; the link records its own. */
static const char * const desk_channels[] = { "desk", "phone" };

typedef struct
{
  const CLSurveyQuestion *question;
  GtkWidget              *choices[CL_SURVEY_SCALE_MAX];  /* marks 1-5, or yes and no */
  GtkTextView            *text;
} QuestionRow;

struct _CLSurveyAnswerDialog
{
  AdwWindow parent_instance;

  AdwComboRow      *person_row;
  AdwComboRow      *department_row;
  AdwComboRow      *channel_row;
  GtkLabel         *errors[N_FIELDS];
  GtkLabel         *form_error;

  CLContext        *context;
  CLSurveyCampaign *campaign;
  CLSurveyTemplate *template;
  GArray           *people;          /* CLSurveyPerson, parallel to person_row */
  GPtrArray        *department_ids;  /* parallel to department_row */
  GArray           *questions;       /* QuestionRow */
};

G_DEFINE_FINAL_TYPE (CLSurveyAnswerDialog, cl_survey_answer_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
answers_json (CLSurveyAnswerDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < self->questions->len; i++)
    {
      QuestionRow *row = &g_array_index (self->questions, QuestionRow, i);

      if (row->question->kind == CL_SURVEY_QUESTION_TEXT)
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (row->text);
          GtkTextIter start, end;
          g_autofree char *text = NULL;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
          if (*text == '\0')
            continue;
          json_builder_set_member_name (builder, row->question->id);
          json_builder_add_string_value (builder, text);
          continue;
        }
      for (guint c = 0; c < CL_SURVEY_SCALE_MAX; c++)
        if (row->choices[c] && gtk_check_button_get_active (GTK_CHECK_BUTTON (row->choices[c])))
          {
            json_builder_set_member_name (builder, row->question->id);
            if (row->question->kind == CL_SURVEY_QUESTION_SCALE)
              json_builder_add_int_value (builder, c + 1);
            else
              json_builder_add_boolean_value (builder, c == 0);
          }
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
cl_survey_answer_dialog_save (CLSurveyAnswerDialog *self)
{
  g_autoptr(CLSurveyAnswer) answer = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answers = NULL;
  guint i;

  g_return_val_if_fail (CL_IS_SURVEY_ANSWER_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  answer = cl_survey_answer_new ();
  cl_survey_answer_set_campaign_id (answer, cl_record_get_id (CL_RECORD (self->campaign)));
  if (self->person_row && (i = adw_combo_row_get_selected (self->person_row)) < self->people->len)
    {
      cl_survey_answer_set_person_kind (answer, g_array_index (self->people, CLSurveyPerson, i).kind);
      cl_survey_answer_set_person_id (answer, g_array_index (self->people, CLSurveyPerson, i).id);
    }
  if (self->department_row && (i = adw_combo_row_get_selected (self->department_row)) > 0 &&
      i <= self->department_ids->len)
    cl_survey_answer_set_department_id (answer, g_ptr_array_index (self->department_ids, i - 1));
  cl_survey_answer_set_channel (answer, desk_channels[MIN (adw_combo_row_get_selected (self->channel_row), 1)]);
  cl_survey_answer_set_answered_at (answer, cl_context_get_now (self->context));
  answers = answers_json (self);
  cl_survey_answer_set_answers (answer, answers);
  if (!cl_survey_store_save_answer (cl_context_get_store (self->context), answer,
                                    cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (answer)));
  return TRUE;
}

static void
save_clicked_cb (CLSurveyAnswerDialog *self)
{
  cl_survey_answer_dialog_save (self);
}

static void
cl_survey_answer_dialog_finalize (GObject *object)
{
  CLSurveyAnswerDialog *self = CL_SURVEY_ANSWER_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->campaign);
  g_clear_object (&self->template);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->department_ids, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_array_unref);
  G_OBJECT_CLASS (cl_survey_answer_dialog_parent_class)->finalize (object);
}

static void
cl_survey_answer_dialog_class_init (CLSurveyAnswerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_survey_answer_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_survey_answer_dialog_init (CLSurveyAnswerDialog *self)
{
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
  self->questions = g_array_new (FALSE, TRUE, sizeof (QuestionRow));
}

static AdwComboRow *
combo_add (GtkWidget     *group,
           const char    *title,
           GtkStringList *model,
           GtkLabel     **message)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  *message = cl_form_row_add (group, row, title);
  return ADW_COMBO_ROW (row);
}

/* One question: its number and text over its choices. */
static GtkWidget *
question_group (CLSurveyAnswerDialog   *self,
                guint                   number,
                const CLSurveyQuestion *question)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf ("%u. %s%s", number, cl_local_text_get (question->text, NULL),
                                            question->required ? " *" : "");
  QuestionRow row = { question, { NULL, }, NULL };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (question->service)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           cl_local_text_get (question->service, NULL));
  else if (question->department)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), question->department);

  if (question->kind == CL_SURVEY_QUESTION_TEXT)
    {
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_widget_set_size_request (view, -1, 64);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cl_local_text_get (question->text, NULL), -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
      row.text = GTK_TEXT_VIEW (view);
    }
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      guint n = question->kind == CL_SURVEY_QUESTION_SCALE ? CL_SURVEY_SCALE_MAX : 2;

      gtk_box_set_homogeneous (GTK_BOX (box), question->kind == CL_SURVEY_QUESTION_SCALE);
      for (guint c = 0; c < n; c++)
        {
          g_autofree char *label = NULL;

          if (question->kind == CL_SURVEY_QUESTION_SCALE)
            label = g_strdup_printf ("%u %s", c + 1, cl_survey_template_get_scale_label (self->template, c + 1, NULL));
          else
            label = g_strdup (c == 0 ? _("Yes") : _("No"));
          row.choices[c] = gtk_check_button_new_with_label (label);
          if (c > 0)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (row.choices[c]), GTK_CHECK_BUTTON (row.choices[0]));
          gtk_accessible_update_property (GTK_ACCESSIBLE (row.choices[c]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          cl_local_text_get (question->text, NULL), -1);
          gtk_box_append (GTK_BOX (box), row.choices[c]);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
    }
  g_array_append_val (self->questions, row);
  return group;
}

CLSurveyAnswerDialog *
cl_survey_answer_dialog_new (GtkWindow        *parent,
                             CLContext        *context,
                             CLSurveyCampaign *campaign)
{
  CLSurveyAnswerDialog *self;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *answers_group = adw_preferences_group_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autofree char *message = NULL;
  CLStore *store;
  GtkWidget *answers_label;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN (campaign), NULL);
  store = cl_context_get_store (context);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CL_TYPE_SURVEY_ANSWER_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  self->campaign = g_object_ref (campaign);
  self->template = cl_survey_catalog_lookup (cl_survey_campaign_get_template_id (campaign));
  if (self->template)
    g_object_ref (self->template);
  self->people = cl_survey_people_parse (cl_survey_campaign_get_people (campaign), &message);
  if (self->people == NULL)
    self->people = g_array_new (FALSE, TRUE, sizeof (CLSurveyPerson));
  gtk_window_set_title (GTK_WINDOW (self), _("Record Survey Answers"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 700);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), cl_survey_campaign_get_title (campaign));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), cl_form_required_note ());
  g_ptr_array_add (groups, group);

  if (cl_survey_campaign_get_anonymous (campaign))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Anonymous: no one is recorded with the answers"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  else
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < self->people->len; i++)
        {
          const CLSurveyPerson *person = &g_array_index (self->people, CLSurveyPerson, i);
          g_autofree char *name = cl_survey_store_person_name (store, person->kind, person->id);

          gtk_string_list_append (names, name ? name : person->id);
        }
      self->person_row = combo_add (group, _("Answered by"), names, &self->errors[F_PERSON]);
      cl_form_row_set_required (GTK_WIDGET (self->person_row));
    }
  if (self->template && cl_survey_template_get_asks_department (self->template))
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      g_autoptr(GPtrArray) departments = cl_store_departments (store, TRUE);

      gtk_string_list_append (names, C_("department", "None"));
      for (guint i = 0; i < departments->len; i++)
        {
          CLDepartment *department = g_ptr_array_index (departments, i);

          g_ptr_array_add (self->department_ids, g_strdup (cl_record_get_id (CL_RECORD (department))));
          gtk_string_list_append (names, cl_department_get_display_name (department));
        }
      self->department_row = combo_add (group, _("Department"), names, &self->errors[F_DEPARTMENT]);
      cl_form_row_set_required (GTK_WIDGET (self->department_row));
    }
  for (guint i = 0; i < G_N_ELEMENTS (desk_channels); i++)
    gtk_string_list_append (channels, cl_survey_answer_channel_label (desk_channels[i]));
  self->channel_row = combo_add (group, _("Answered"), channels, &self->errors[F_CHANNEL]);

  for (guint q = 0; self->template && q < cl_survey_template_get_n_questions (self->template); q++)
    g_ptr_array_add (groups, question_group (self, q + 1, cl_survey_template_get_question (self->template, q)));
  /* What is wrong with the answers, under the last question. */
  answers_label = cl_form_message_new ();
  gtk_widget_set_visible (answers_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (answers_group), answers_label);
  self->errors[F_ANSWERS] = GTK_LABEL (answers_label);
  g_ptr_array_add (groups, answers_group);
  g_ptr_array_add (groups, NULL);

  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save Answers"), G_CALLBACK (save_clicked_cb),
                                           NULL, CL_FORM_SCROLLED, 12, (GtkWidget **) groups->pdata);
  return self;
}

void
cl_survey_answer_dialog_set_respondent (CLSurveyAnswerDialog *self,
                                        const char           *kind,
                                        const char           *id,
                                        const char           *department_id)
{
  g_autofree char *name = NULL;
  CLSurveyPerson person;
  GListModel *names;

  g_return_if_fail (CL_IS_SURVEY_ANSWER_DIALOG (self));
  g_return_if_fail (kind != NULL && id != NULL);

  if (self->person_row == NULL)
    return;
  /* Someone called from the discharge list need not be among the
   * campaign's people: she is added and chosen, and no one else may be. */
  name = cl_survey_store_person_name (cl_context_get_store (self->context), kind, id);
  person.kind = g_strdup (kind);
  person.id = g_strdup (id);
  g_array_append_val (self->people, person);
  names = adw_combo_row_get_model (self->person_row);
  gtk_string_list_append (GTK_STRING_LIST (names), name ? name : id);
  adw_combo_row_set_selected (self->person_row, self->people->len - 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->person_row), FALSE);
  if (department_id)
    cl_survey_answer_dialog_set_department (self, department_id);
}

void
cl_survey_answer_dialog_set_channel (CLSurveyAnswerDialog *self,
                                     const char           *channel)
{
  g_return_if_fail (CL_IS_SURVEY_ANSWER_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (desk_channels); i++)
    if (g_strcmp0 (desk_channels[i], channel) == 0)
      adw_combo_row_set_selected (self->channel_row, i);
}

static QuestionRow *
find_question (CLSurveyAnswerDialog *self,
               const char           *id)
{
  for (guint i = 0; i < self->questions->len; i++)
    if (g_str_equal (g_array_index (self->questions, QuestionRow, i).question->id, id))
      return &g_array_index (self->questions, QuestionRow, i);
  return NULL;
}

void
cl_survey_answer_dialog_set_mark (CLSurveyAnswerDialog *self,
                                  const char           *id,
                                  gint                  mark)
{
  QuestionRow *row;

  g_return_if_fail (CL_IS_SURVEY_ANSWER_DIALOG (self));

  row = find_question (self, id);
  g_return_if_fail (row != NULL && row->text == NULL);
  if (row->question->kind == CL_SURVEY_QUESTION_YES_NO)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (row->choices[mark ? 0 : 1]), TRUE);
  else if (mark >= 1 && mark <= CL_SURVEY_SCALE_MAX)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (row->choices[mark - 1]), TRUE);
}

void
cl_survey_answer_dialog_set_text (CLSurveyAnswerDialog *self,
                                  const char           *id,
                                  const char           *text)
{
  QuestionRow *row;

  g_return_if_fail (CL_IS_SURVEY_ANSWER_DIALOG (self));

  row = find_question (self, id);
  g_return_if_fail (row != NULL && row->text != NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (row->text), text, -1);
}

void
cl_survey_answer_dialog_set_department (CLSurveyAnswerDialog *self,
                                        const char           *department_id)
{
  g_return_if_fail (CL_IS_SURVEY_ANSWER_DIALOG (self));

  for (guint i = 0; self->department_row && i < self->department_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->department_ids, i), department_id))
      adw_combo_row_set_selected (self->department_row, i + 1);
}

const char *
cl_survey_answer_dialog_get_error (CLSurveyAnswerDialog *self,
                                   const char           *field)
{
  g_return_val_if_fail (CL_IS_SURVEY_ANSWER_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
