#define G_LOG_DOMAIN "cl-survey-campaign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-form-message.h"
#include "cl-patient-chooser.h"
#include "cl-store-staff.h"
#include "cl-survey-campaign-dialog.h"
#include "cl-survey-catalog.h"
#include "cl-survey-people.h"
#include "cl-survey-store.h"

enum { F_TEMPLATE, F_QUARTER, F_TITLE, F_TARGET, F_ANONYMOUS, F_PEOPLE, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "template_id", "quarter", "title", "target", "anonymous", "people",
};

typedef struct
{
  char      *kind;
  char      *id;
  GtkWidget *row;
  GtkWidget *check;
} Person;

struct _CLSurveyCampaignDialog
{
  AdwWindow parent_instance;

  AdwComboRow      *template_row;
  AdwEntryRow      *quarter_row;
  AdwEntryRow      *title_row;
  AdwEntryRow      *target_row;
  GtkSwitch        *anonymous_switch;
  GtkWidget        *anonymous_row;
  GtkWidget        *people_group;
  GtkWidget        *patient_row;
  CLPatientChooser *chooser;
  GtkLabel         *errors[N_FIELDS];
  GtkLabel         *form_error;

  CLContext        *context;
  GArray           *people;        /* Person, in the order shown */
  char             *filled_title;  /* the title last filled in for a survey */
};

G_DEFINE_FINAL_TYPE (CLSurveyCampaignDialog, cl_survey_campaign_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
person_clear (gpointer data)
{
  Person *person = data;

  g_free (person->kind);
  g_free (person->id);
}

static CLSurveyTemplate *
chosen_template (CLSurveyCampaignDialog *self)
{
  const char * const *ids = cl_survey_catalog_ids ();
  guint i = adw_combo_row_get_selected (self->template_row);

  return i < g_strv_length ((char **) ids) ? cl_survey_catalog_lookup (ids[i]) : NULL;
}

static gboolean
has_person (CLSurveyCampaignDialog *self,
            const char             *id)
{
  for (guint i = 0; i < self->people->len; i++)
    if (g_str_equal (g_array_index (self->people, Person, i).id, id))
      return TRUE;
  return FALSE;
}

static void
add_person (CLSurveyCampaignDialog *self,
            const char             *kind,
            const char             *id,
            const char             *name,
            gboolean                ticked)
{
  Person person = { 0 };
  const char * const *kinds = cl_survey_person_kinds ();

  if (has_person (self, id))
    return;
  person.kind = g_strdup (kind);
  person.id = g_strdup (id);
  person.row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (person.row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (person.row),
                               g_strcmp0 (kind, kinds[0]) == 0 ? C_("survey person", "Patient")
                                                                 : C_("survey person", "Staff"));
  person.check = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (person.check), ticked);
  gtk_widget_set_valign (person.check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (person.row), person.check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (person.row), person.check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->people_group), person.row);
  g_array_append_val (self->people, person);
}

/* The people a survey may ask: its staff listed to tick, its patients
 * found by the search. */
static void
fill_people (CLSurveyCampaignDialog *self)
{
  CLSurveyTemplate *template = chosen_template (self);
  const char * const *kinds = cl_survey_person_kinds ();

  for (guint i = 0; i < self->people->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->people_group),
                                  g_array_index (self->people, Person, i).row);
  g_array_set_size (self->people, 0);
  if (template == NULL)
    return;
  gtk_widget_set_sensitive (self->patient_row, cl_survey_kind_answers (template, kinds[0]));
  if (cl_survey_kind_answers (template, kinds[1]))
    {
      g_autoptr(GPtrArray) staff = cl_store_staff_list_active (cl_context_get_store (self->context), NULL);

      for (guint i = 0; i < staff->len; i++)
        add_person (self, kinds[1], cl_record_get_id (g_ptr_array_index (staff, i)),
                    cl_staff_get_display_name (g_ptr_array_index (staff, i)), FALSE);
    }
}

static void
template_changed_cb (CLSurveyCampaignDialog *self)
{
  CLSurveyTemplate *template = chosen_template (self);
  const char *title;

  if (template == NULL)
    return;
  /* The survey's title, unless the desk has typed one of its own. */
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  if (*title == '\0' || g_strcmp0 (title, self->filled_title) == 0)
    {
      g_free (self->filled_title);
      self->filled_title = g_strdup (cl_survey_template_get_title (template, NULL));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->filled_title);
    }
  gtk_widget_set_sensitive (self->anonymous_row, cl_survey_template_get_may_be_anonymous (template));
  gtk_switch_set_active (self->anonymous_switch, cl_survey_template_get_may_be_anonymous (template) &&
                                                 cl_survey_template_get_respondents (template) == CL_SURVEY_RESPONDENTS_STAFF);
  fill_people (self);
}

static void
add_patient_clicked_cb (CLSurveyCampaignDialog *self)
{
  const char *id = cl_patient_chooser_get_patient_id (self->chooser);
  g_autofree char *name = NULL;

  if (id == NULL)
    return;
  name = cl_survey_store_person_name (cl_context_get_store (self->context), cl_survey_person_kinds ()[0], id);
  add_person (self, cl_survey_person_kinds ()[0], id, name ? name : id, TRUE);
  cl_patient_chooser_set_patient (self->chooser, NULL, NULL);
}

gboolean
cl_survey_campaign_dialog_save (CLSurveyCampaignDialog *self)
{
  g_autoptr(CLSurveyCampaign) campaign = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *typed = NULL;
  g_autofree char *quarter = NULL;
  g_autofree char *title = NULL;
  g_autofree char *target = NULL;
  CLSurveyTemplate *template;
  guint64 number = 0;

  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  /* "2026-q4" is meant as 2026-Q4. */
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->quarter_row))));
  quarter = g_ascii_strup (typed, -1);
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  target = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->target_row))));
  template = chosen_template (self);
  campaign = cl_survey_campaign_new ();
  cl_survey_campaign_set_template_id (campaign, template ? cl_survey_template_get_id (template) : NULL);
  cl_survey_campaign_set_quarter (campaign, quarter);
  cl_survey_campaign_set_title (campaign, title);
  /* A number the rules can judge: anything else is 0, "at least 1". */
  if (!g_ascii_string_to_unsigned (target, 10, 0, CL_SURVEY_MAX_TARGET + 1, &number, NULL))
    number = 0;
  cl_survey_campaign_set_target (campaign, (gint) number);
  cl_survey_campaign_set_anonymous (campaign, gtk_widget_get_sensitive (self->anonymous_row) &&
                                              gtk_switch_get_active (self->anonymous_switch));
  for (guint i = 0; i < self->people->len; i++)
    {
      Person *person = &g_array_index (self->people, Person, i);

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (person->check)))
        continue;
      g_ptr_array_add (kinds, person->kind);
      g_ptr_array_add (ids, person->id);
    }
  cl_survey_campaign_set_people_list (campaign, (const char * const *) kinds->pdata,
                                      (const char * const *) ids->pdata, kinds->len);
  if (!cl_survey_store_save_campaign (cl_context_get_store (self->context), campaign,
                                      cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (campaign)));
  return TRUE;
}

static void
save_clicked_cb (CLSurveyCampaignDialog *self)
{
  cl_survey_campaign_dialog_save (self);
}

static void
cl_survey_campaign_dialog_finalize (GObject *object)
{
  CLSurveyCampaignDialog *self = CL_SURVEY_CAMPAIGN_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->people, g_array_unref);
  g_free (self->filled_title);
  G_OBJECT_CLASS (cl_survey_campaign_dialog_parent_class)->finalize (object);
}

static void
cl_survey_campaign_dialog_class_init (CLSurveyCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_survey_campaign_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_survey_campaign_dialog_init (CLSurveyCampaignDialog *self)
{
  self->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (self->people, person_clear);
}

CLSurveyCampaignDialog *
cl_survey_campaign_dialog_new (GtkWindow  *parent,
                               CLContext  *context,
                               const char *quarter)
{
  CLSurveyCampaignDialog *self;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add_button;
  GtkWidget *groups[3] = { group, NULL, NULL };
  g_autoptr(GtkStringList) templates = gtk_string_list_new (NULL);
  const char * const *ids = cl_survey_catalog_ids ();
  CLStore *store;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  store = cl_context_get_store (context);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CL_TYPE_SURVEY_CAMPAIGN_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  gtk_window_set_title (GTK_WINDOW (self), _("New Survey Campaign"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), cl_form_required_note ());

  for (guint i = 0; ids[i]; i++)
    gtk_string_list_append (templates, cl_survey_template_get_title (cl_survey_catalog_lookup (ids[i]), NULL));
  self->template_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (templates));
  self->errors[F_TEMPLATE] = cl_form_row_add (group, GTK_WIDGET (self->template_row), _("Survey"));
  self->quarter_row = cl_form_entry_row_add (group, _("Quarter (YYYY-Q1 … Q4)"), &self->errors[F_QUARTER]);
  cl_form_row_set_required (GTK_WIDGET (self->quarter_row));
  gtk_editable_set_text (GTK_EDITABLE (self->quarter_row), quarter ? quarter : "");
  self->title_row = cl_form_entry_row_add (group, _("Title"), &self->errors[F_TITLE]);
  cl_form_row_set_required (GTK_WIDGET (self->title_row));
  self->target_row = cl_form_entry_row_add (group, _("Answers wanted"), &self->errors[F_TARGET]);
  cl_form_row_set_required (GTK_WIDGET (self->target_row));
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), "100");
  self->anonymous_switch = cl_form_switch_row_add (group, _("Anonymous (answers name no one)"));
  self->anonymous_row = gtk_widget_get_ancestor (GTK_WIDGET (self->anonymous_switch), ADW_TYPE_ACTION_ROW);
  self->errors[F_ANONYMOUS] = cl_form_message_attach (self->anonymous_row);

  self->people_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->people_group), _("People to Ask"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->people_group),
                                         _("Tick the staff to ask, or find patients and add them."));
  self->patient_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->patient_row), C_("survey person", "Patient"));
  self->chooser = CL_PATIENT_CHOOSER (cl_patient_chooser_new (store));
  gtk_widget_set_size_request (GTK_WIDGET (self->chooser), 240, -1);
  gtk_widget_set_valign (GTK_WIDGET (self->chooser), GTK_ALIGN_CENTER);
  add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (add_button, "clicked", G_CALLBACK (add_patient_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->patient_row), GTK_WIDGET (self->chooser));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->patient_row), add_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->people_group), self->patient_row);
  self->errors[F_PEOPLE] = cl_form_message_attach (self->patient_row);
  groups[1] = self->people_group;

  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Start Campaign"), G_CALLBACK (save_clicked_cb),
                                           NULL, CL_FORM_SCROLLED, 12, groups);
  g_signal_connect_object (self->template_row, "notify::selected", G_CALLBACK (template_changed_cb), self,
                           G_CONNECT_SWAPPED);
  template_changed_cb (self);
  return self;
}

void
cl_survey_campaign_dialog_set_template (CLSurveyCampaignDialog *self,
                                        const char             *template_id)
{
  const char * const *ids = cl_survey_catalog_ids ();

  g_return_if_fail (CL_IS_SURVEY_CAMPAIGN_DIALOG (self));

  for (guint i = 0; ids[i]; i++)
    if (g_strcmp0 (ids[i], template_id) == 0)
      adw_combo_row_set_selected (self->template_row, i);
}

void
cl_survey_campaign_dialog_add_person (CLSurveyCampaignDialog *self,
                                      const char             *kind,
                                      const char             *id,
                                      const char             *name)
{
  g_return_if_fail (CL_IS_SURVEY_CAMPAIGN_DIALOG (self));

  add_person (self, kind, id, name, TRUE);
  for (guint i = 0; i < self->people->len; i++)
    if (g_str_equal (g_array_index (self->people, Person, i).id, id))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (g_array_index (self->people, Person, i).check), TRUE);
}

GtkWidget *
cl_survey_campaign_dialog_get_field (CLSurveyCampaignDialog *self,
                                     const char             *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->template_row), GTK_WIDGET (self->quarter_row), GTK_WIDGET (self->title_row),
    GTK_WIDGET (self->target_row), GTK_WIDGET (self->anonymous_switch), self->patient_row,
  };
  int i;

  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_survey_campaign_dialog_get_error (CLSurveyCampaignDialog *self,
                                     const char             *field)
{
  g_return_val_if_fail (CL_IS_SURVEY_CAMPAIGN_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
