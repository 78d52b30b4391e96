#define G_LOG_DOMAIN "cl-discharge-call-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-department.h"
#include "cl-discharge-call-dialog.h"
#include "cl-discharge-store.h"
#include "cl-equipment-fault.h"
#include "cl-form-message.h"
#include "cl-schedule.h"
#include "cl-store-discharges.h"
#include "cl-store-save.h"
#include "cl-survey-store.h"

enum { F_CALLED_AT, F_OUTCOME, F_NOTE, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "called_at", "outcome", "note" };

struct _CLDischargeCallDialog
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *group;
  AdwEntryRow         *at_row;
  AdwComboRow         *outcome_row;
  AdwEntryRow         *note_row;
  GtkLabel            *errors[N_FIELDS];
  GtkLabel            *form_error;

  GtkWidget           *survey_row;      /* "Record her survey answers next" */
  GtkCheckButton      *survey_check;
  GtkWidget           *no_survey_row;   /* says there is no campaign to answer */

  CLContext           *context;
  CLDischarge         *discharge;
  CLSurveyCampaign    *campaign;        /* the open follow-up survey, or NULL */
};

G_DEFINE_FINAL_TYPE (CLDischargeCallDialog, cl_discharge_call_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_discharge_call_dialog_save (CLDischargeCallDialog *self)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *outcomes = cl_discharge_call_outcomes ();
  guint selected;
  gint64 at = 0;

  g_return_val_if_fail (CL_IS_DISCHARGE_CALL_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  if (!cl_equipment_fault_time_parse (gtk_editable_get_text (GTK_EDITABLE (self->at_row)),
                                      cl_context_get_now (self->context), &at))
    {
      cl_form_message_set (self->errors[F_CALLED_AT], _("Enter the time as HH:MM or YYYY-MM-DD HH:MM"));
      gtk_widget_grab_focus (GTK_WIDGET (self->at_row));
      return FALSE;
    }
  selected = adw_combo_row_get_selected (self->outcome_row);
  if (!cl_discharge_store_record_call (cl_context_get_store (self->context), self->discharge,
                                       selected < g_strv_length ((char **) outcomes) ? outcomes[selected] : NULL,
                                       gtk_editable_get_text (GTK_EDITABLE (self->note_row)), at,
                                       cl_context_get_username (self->context), cl_context_get_role (self->context),
                                       NULL, &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (self->discharge)));
  return TRUE;
}

static gboolean
reached_chosen (CLDischargeCallDialog *self)
{
  const char * const *outcomes = cl_discharge_call_outcomes ();
  guint selected = adw_combo_row_get_selected (self->outcome_row);

  return selected < g_strv_length ((char **) outcomes) && g_str_equal (outcomes[selected], "reached");
}

/* Her survey answers are asked only of someone reached. */
static void
update_survey_rows (CLDischargeCallDialog *self)
{
  gboolean reached = reached_chosen (self);

  gtk_widget_set_visible (self->survey_row, reached && self->campaign != NULL);
  gtk_widget_set_visible (self->no_survey_row, reached && self->campaign == NULL);
}

CLSurveyCampaign *
cl_discharge_call_dialog_get_survey (CLDischargeCallDialog *self)
{
  g_return_val_if_fail (CL_IS_DISCHARGE_CALL_DIALOG (self), NULL);

  if (self->campaign && reached_chosen (self) && gtk_check_button_get_active (self->survey_check))
    return self->campaign;
  return NULL;
}

static void
save_clicked_cb (CLDischargeCallDialog *self)
{
  cl_discharge_call_dialog_save (self);
}

static void
cl_discharge_call_dialog_finalize (GObject *object)
{
  CLDischargeCallDialog *self = CL_DISCHARGE_CALL_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->discharge);
  g_clear_object (&self->campaign);
  G_OBJECT_CLASS (cl_discharge_call_dialog_parent_class)->finalize (object);
}

static void
cl_discharge_call_dialog_class_init (CLDischargeCallDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_discharge_call_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_discharge_call_dialog_init (CLDischargeCallDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  const char * const *words = cl_discharge_call_outcomes ();
  GtkWidget *row;

  self->group = ADW_PREFERENCES_GROUP (group);
  gtk_window_set_title (GTK_WINDOW (self), _("Record Call"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  self->at_row = cl_form_entry_row_add (group, _("Called at (HH:MM or YYYY-MM-DD HH:MM)"), &self->errors[F_CALLED_AT]);
  cl_form_row_set_required (GTK_WIDGET (self->at_row));
  for (guint i = 0; words[i]; i++)
    gtk_string_list_append (outcomes, cl_discharge_call_outcome_label (words[i]));
  row = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (outcomes));
  self->errors[F_OUTCOME] = cl_form_row_add (group, row, _("Outcome"));
  self->outcome_row = ADW_COMBO_ROW (row);
  self->note_row = cl_form_entry_row_add (group, _("Note"), &self->errors[F_NOTE]);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Record her survey answers next"));
  self->survey_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_active (self->survey_check, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->survey_check), GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->survey_check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->survey_check));
  adw_preferences_group_add (self->group, row);
  self->survey_row = row;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("No discharge follow-up survey is open this quarter: start one under Quality → Surveys"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (self->group, row);
  self->no_survey_row = row;
  g_signal_connect_object (self->outcome_row, "notify::selected", G_CALLBACK (update_survey_rows), self,
                           G_CONNECT_SWAPPED);
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Record Call"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
}

CLDischargeCallDialog *
cl_discharge_call_dialog_new (GtkWindow   *parent,
                              CLContext   *context,
                              CLDischarge *discharge)
{
  CLDischargeCallDialog *self;
  CLStore *store;
  g_autoptr(CLDepartment) department = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autofree char *now = NULL;
  g_autofree char *discharged = NULL;
  g_autofree char *state = NULL;
  g_autofree char *description = NULL;
  guint no_answers = 0;
  ClDischargeCallState call_state;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CL_IS_DISCHARGE (discharge), NULL);

  self = g_object_new (CL_TYPE_DISCHARGE_CALL_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  self->discharge = CL_DISCHARGE (cl_record_dup (CL_RECORD (discharge)));
  store = cl_context_get_store (context);
  department = cl_store_load_live (store, CL_TYPE_DEPARTMENT, cl_discharge_get_department_id (discharge));
  attempts = cl_store_discharge_calls_of (store, cl_record_get_id (CL_RECORD (discharge)));
  call_state = cl_discharge_call_state (attempts, NULL, &no_answers);
  state = cl_discharge_call_state_label (call_state, no_answers);
  discharged = cl_date_format_iso (cl_discharge_get_discharged_on (discharge), CL_DATE_FULL, NULL);
  adw_preferences_group_set_title (self->group, cl_discharge_get_name (discharge));
  /* TRANSLATORS: the patient being called: her phone, the department
   * she left, when, and the calls so far, "13800138066 · 产科一病区 ·
   * discharged 20 Nov 2026 · No answer once" */
  description = g_strdup_printf (_("%s · %s · discharged %s · %s"), cl_discharge_get_phone (discharge),
                                 department ? cl_department_get_name (department) : "", discharged, state);
  adw_preferences_group_set_description (self->group, description);
  now = cl_schedule_format_time (cl_context_get_now (context));
  gtk_editable_set_text (GTK_EDITABLE (self->at_row), now);
  self->campaign = cl_survey_store_discharge_campaign (store, cl_context_get_now (context));
  update_survey_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->outcome_row));
  return self;
}

GtkWidget *
cl_discharge_call_dialog_get_field (CLDischargeCallDialog *self,
                                    const char            *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->at_row), GTK_WIDGET (self->outcome_row), GTK_WIDGET (self->note_row),
  };
  int i;

  g_return_val_if_fail (CL_IS_DISCHARGE_CALL_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

GtkWidget *
cl_discharge_call_dialog_get_survey_row (CLDischargeCallDialog *self,
                                         gboolean               open)
{
  g_return_val_if_fail (CL_IS_DISCHARGE_CALL_DIALOG (self), NULL);
  return open ? self->survey_row : self->no_survey_row;
}

const char *
cl_discharge_call_dialog_get_error (CLDischargeCallDialog *self,
                                    const char            *field)
{
  g_return_val_if_fail (CL_IS_DISCHARGE_CALL_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
