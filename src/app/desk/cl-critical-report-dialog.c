#define G_LOG_DOMAIN "cl-critical-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-critical-report-dialog.h"
#include "cl-critical-store.h"
#include "cl-desk-store.h"
#include "cl-form-message.h"
#include "cl-patient.h"
#include "cl-schedule.h"

enum { F_REPORTED_TO, F_REPORTED_ROLE, F_REPORTED_AT, F_ACTION, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "reported_to", "reported_role", "reported_at", "action",
};

struct _CLCriticalReportDialog
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *group;
  AdwEntryRow         *to_row;
  AdwComboRow         *role_row;
  AdwEntryRow         *at_row;
  AdwEntryRow         *action_row;
  GtkLabel            *errors[N_FIELDS];
  GtkLabel            *form_error;

  CLContext           *context;
  CLCriticalValue     *value;
};

G_DEFINE_FINAL_TYPE (CLCriticalReportDialog, cl_critical_report_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_critical_report_dialog_save (CLCriticalReportDialog *self)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  CLStore *store;
  gint64 at = 0;

  g_return_val_if_fail (CL_IS_CRITICAL_REPORT_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  store = cl_context_get_store (self->context);
  if (!cl_critical_time_parse (gtk_editable_get_text (GTK_EDITABLE (self->at_row)),
                               cl_context_get_now (self->context), &at))
    {
      cl_form_message_set (self->errors[F_REPORTED_AT], _("Enter the time as HH:MM"));
      gtk_widget_grab_focus (GTK_WIDGET (self->at_row));
      return FALSE;
    }
  actor = cl_desk_store_actor_id (store, cl_context_get_username (self->context));
  if (!cl_critical_store_report (store, self->value,
                                 gtk_editable_get_text (GTK_EDITABLE (self->to_row)),
                                 cl_critical_role_to_string (adw_combo_row_get_selected (self->role_row)),
                                 at, gtk_editable_get_text (GTK_EDITABLE (self->action_row)),
                                 actor, cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (self->value)));
  return TRUE;
}

static void
save_clicked_cb (CLCriticalReportDialog *self)
{
  cl_critical_report_dialog_save (self);
}

static void
cl_critical_report_dialog_finalize (GObject *object)
{
  CLCriticalReportDialog *self = CL_CRITICAL_REPORT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->value);
  G_OBJECT_CLASS (cl_critical_report_dialog_parent_class)->finalize (object);
}

static void
cl_critical_report_dialog_class_init (CLCriticalReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_critical_report_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_critical_report_dialog_init (CLCriticalReportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GtkWidget *row;

  self->group = ADW_PREFERENCES_GROUP (group);
  gtk_window_set_title (GTK_WINDOW (self), _("Report Critical Value"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  self->to_row = cl_form_entry_row_add (group, _("Reported to"), &self->errors[F_REPORTED_TO]);
  cl_form_row_set_required (GTK_WIDGET (self->to_row));
  for (guint i = 0; i < CL_CRITICAL_N_ROLES; i++)
    gtk_string_list_append (roles, cl_critical_role_label (cl_critical_role_to_string (i)));
  row = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (roles));
  self->errors[F_REPORTED_ROLE] = cl_form_row_add (group, row, _("Doctor or nurse"));
  self->role_row = ADW_COMBO_ROW (row);
  self->at_row = cl_form_entry_row_add (group, _("Reported at (HH:MM)"), &self->errors[F_REPORTED_AT]);
  cl_form_row_set_required (GTK_WIDGET (self->at_row));
  self->action_row = cl_form_entry_row_add (group, _("Action taken"), &self->errors[F_ACTION]);
  cl_form_row_set_required (GTK_WIDGET (self->action_row));
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save Report"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
}

CLCriticalReportDialog *
cl_critical_report_dialog_new (GtkWindow       *parent,
                               CLContext       *context,
                               CLCriticalValue *value,
                               const char      *description)
{
  CLCriticalReportDialog *self;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CL_IS_CRITICAL_VALUE (value), NULL);

  self = g_object_new (CL_TYPE_CRITICAL_REPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  /* Its own copy: a refused save leaves the list's as it was. */
  self->value = CL_CRITICAL_VALUE (cl_record_dup (CL_RECORD (value)));
  adw_preferences_group_set_description (self->group, description);
  now = cl_schedule_format_time (cl_context_get_now (context));
  gtk_editable_set_text (GTK_EDITABLE (self->at_row), now);
  gtk_widget_grab_focus (GTK_WIDGET (self->to_row));
  return self;
}

GtkWidget *
cl_critical_report_dialog_get_field (CLCriticalReportDialog *self,
                                     const char             *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->to_row), GTK_WIDGET (self->role_row), GTK_WIDGET (self->at_row),
    GTK_WIDGET (self->action_row),
  };
  int i;

  g_return_val_if_fail (CL_IS_CRITICAL_REPORT_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_critical_report_dialog_get_error (CLCriticalReportDialog *self,
                                     const char             *field)
{
  g_return_val_if_fail (CL_IS_CRITICAL_REPORT_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}

char *
cl_critical_patient_name (CLStore         *store,
                          CLCriticalValue *value)
{
  g_autoptr(CLRecord) patient = NULL;
  const char *id = cl_critical_value_get_patient_id (value);

  if (store == NULL || id == NULL || *id == '\0')
    return g_strdup ("");
  patient = cl_store_load_record (store, CL_TYPE_PATIENT, id, NULL);
  return g_strdup (patient && cl_patient_get_name (CL_PATIENT (patient)) ? cl_patient_get_name (CL_PATIENT (patient)) : "");
}

char *
cl_critical_describe (CLStore         *store,
                      CLCriticalValue *value)
{
  g_autofree char *name = cl_critical_patient_name (store, value);
  g_autofree char *time = cl_schedule_format_time (cl_critical_value_get_received_at (value));
  const char *unit = cl_critical_value_get_unit (value);

  /* TRANSLATORS: a critical value: the patient, the test, its value and
   * unit, and when it was received, "王芳 · 血钾 6.8 mmol/L · received 09:00" */
  return g_strdup_printf (_("%s · %s %s%s%s · received %s"), name,
                          cl_critical_value_get_test_name (value) ? cl_critical_value_get_test_name (value) : "",
                          cl_critical_value_get_result (value) ? cl_critical_value_get_result (value) : "",
                          unit && *unit ? " " : "", unit ? unit : "", time);
}
