#define G_LOG_DOMAIN "cl-critical-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-critical-dialog.h"
#include "cl-critical-store.h"
#include "cl-desk-patient-dialog.h"
#include "cl-desk-store.h"
#include "cl-form-message.h"
#include "cl-patient-chooser.h"
#include "cl-schedule.h"
#include "cl-store-directory.h"

enum {
  F_RECEIVED_AT, F_KIND, F_SOURCE, F_CALLER_NAME, F_CALLER_PHONE, F_PATIENT_ID,
  F_DEPARTMENT_ID, F_TEST_NAME, F_RESULT, F_UNIT, F_READ_BACK, N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "received_at", "kind", "source", "caller_name", "caller_phone", "patient_id",
  "department_id", "test_name", "result", "unit", "read_back",
};

struct _CLCriticalDialog
{
  AdwWindow parent_instance;

  AdwEntryRow      *received_row;
  AdwComboRow      *kind_row;
  AdwComboRow      *source_row;
  AdwEntryRow      *caller_row;
  AdwEntryRow      *phone_row;
  CLPatientChooser *chooser;
  AdwComboRow      *department_row;
  AdwEntryRow      *test_row;
  AdwEntryRow      *result_row;
  AdwEntryRow      *unit_row;
  GtkCheckButton   *read_back_check;
  GtkLabel         *errors[N_FIELDS];
  GtkLabel         *form_error;

  CLContext        *context;
  GPtrArray        *department_ids;   /* parallel to department_row */
};

G_DEFINE_FINAL_TYPE (CLCriticalDialog, cl_critical_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_critical_dialog_save (CLCriticalDialog *self)
{
  g_autoptr(CLCriticalValue) value = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  CLStore *store;
  gint64 now, received = 0;
  guint department;

  g_return_val_if_fail (CL_IS_CRITICAL_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  store = cl_context_get_store (self->context);
  now = cl_context_get_now (self->context);
  if (!cl_critical_time_parse (gtk_editable_get_text (GTK_EDITABLE (self->received_row)), now, &received))
    {
      cl_form_message_set (self->errors[F_RECEIVED_AT], _("Enter the time as HH:MM"));
      gtk_widget_grab_focus (GTK_WIDGET (self->received_row));
      return FALSE;
    }
  actor = cl_desk_store_actor_id (store, cl_context_get_username (self->context));
  value = cl_critical_value_new (adw_combo_row_get_selected (self->kind_row), received, actor);
  cl_critical_value_set_source (value, cl_critical_source_to_string (adw_combo_row_get_selected (self->source_row)));
  cl_critical_value_set_caller_name (value, gtk_editable_get_text (GTK_EDITABLE (self->caller_row)));
  cl_critical_value_set_caller_phone (value, gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  cl_critical_value_set_patient_id (value, cl_patient_chooser_get_patient_id (self->chooser));
  department = adw_combo_row_get_selected (self->department_row);
  /* Position 0 is "Choose…". */
  if (department > 0 && department <= self->department_ids->len)
    cl_critical_value_set_department_id (value, g_ptr_array_index (self->department_ids, department - 1));
  cl_critical_value_set_test_name (value, gtk_editable_get_text (GTK_EDITABLE (self->test_row)));
  cl_critical_value_set_result (value, gtk_editable_get_text (GTK_EDITABLE (self->result_row)));
  cl_critical_value_set_unit (value, gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  cl_critical_value_set_read_back (value, gtk_check_button_get_active (self->read_back_check));

  if (!cl_critical_store_save (store, value, cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (value)));
  return TRUE;
}

static void
save_clicked_cb (CLCriticalDialog *self)
{
  cl_critical_dialog_save (self);
}

static void
patient_registered_cb (CLDeskPatientDialog *dialog,
                       const char          *patient_id,
                       CLCriticalDialog    *self)
{
  cl_patient_chooser_set_patient (self->chooser, patient_id, cl_desk_patient_dialog_get_name (dialog));
  cl_form_message_set (self->errors[F_PATIENT_ID], NULL);
}

static void
new_patient_clicked_cb (CLCriticalDialog *self)
{
  CLDeskPatientDialog *dialog;

  dialog = cl_desk_patient_dialog_new (GTK_WINDOW (self), self->context,
                                       gtk_editable_get_text (cl_patient_chooser_get_entry (self->chooser)), NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (patient_registered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwComboRow *
combo_add (GtkWidget    *group,
           const char   *title,
           GtkStringList *model,
           GtkLabel    **message)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  *message = cl_form_row_add (group, row, title);
  return ADW_COMBO_ROW (row);
}

static void
cl_critical_dialog_finalize (GObject *object)
{
  CLCriticalDialog *self = CL_CRITICAL_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->department_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_critical_dialog_parent_class)->finalize (object);
}

static void
cl_critical_dialog_class_init (CLCriticalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_critical_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_critical_dialog_init (CLCriticalDialog *self)
{
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_title (GTK_WINDOW (self), _("Register Critical Value"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
}

CLCriticalDialog *
cl_critical_dialog_new (GtkWindow      *parent,
                        CLContext      *context,
                        CLCriticalKind  kind)
{
  CLCriticalDialog *self;
  GtkWidget *call = adw_preferences_group_new ();
  GtkWidget *patient = adw_preferences_group_new ();
  GtkWidget *result = adw_preferences_group_new ();
  GtkWidget *groups[] = { call, patient, result, NULL };
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *now_text = NULL;
  GtkWidget *row, *box, *button;
  CLStore *store;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_CRITICAL_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  store = cl_context_get_store (context);

  /* The call. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (call), _("The Call"));
  for (guint i = 0; i < CL_CRITICAL_N_KINDS; i++)
    gtk_string_list_append (kinds, cl_critical_kind_label (cl_critical_kind_to_string (i)));
  for (guint i = 0; i < CL_CRITICAL_N_SOURCES; i++)
    gtk_string_list_append (sources, cl_critical_source_label (cl_critical_source_to_string (i)));
  self->received_row = cl_form_entry_row_add (call, _("Received at (HH:MM)"), &self->errors[F_RECEIVED_AT]);
  cl_form_row_set_required (GTK_WIDGET (self->received_row));
  now_text = cl_schedule_format_time (cl_context_get_now (context));
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), now_text);
  self->kind_row = combo_add (call, _("Kind"), kinds, &self->errors[F_KIND]);
  adw_combo_row_set_selected (self->kind_row, kind);
  self->source_row = combo_add (call, _("Reporting service"), sources, &self->errors[F_SOURCE]);
  /* Tuberculosis results come from radiology. */
  adw_combo_row_set_selected (self->source_row, kind == CL_CRITICAL_KIND_TUBERCULOSIS
                              ? CL_CRITICAL_SOURCE_RADIOLOGY : CL_CRITICAL_SOURCE_LAB);
  self->caller_row = cl_form_entry_row_add (call, _("Caller"), &self->errors[F_CALLER_NAME]);
  self->phone_row = cl_form_entry_row_add (call, _("Caller’s phone"), &self->errors[F_CALLER_PHONE]);

  /* Whose. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (patient), _("Patient"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Patient"));
  cl_form_row_set_required (row);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->chooser = CL_PATIENT_CHOOSER (cl_patient_chooser_new (store));
  gtk_widget_set_hexpand (GTK_WIDGET (self->chooser), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chooser));
  button = gtk_button_new_with_mnemonic (_("_New Patient…"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (new_patient_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (patient), row);
  self->errors[F_PATIENT_ID] = cl_form_message_attach (row);
  gtk_string_list_append (departments, _("Choose…"));
  list = cl_store_departments (store, TRUE);
  for (guint i = 0; i < list->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (list, i);

      g_ptr_array_add (self->department_ids, g_strdup (cl_record_get_id (CL_RECORD (department))));
      gtk_string_list_append (departments, cl_department_get_display_name (department));
    }
  self->department_row = combo_add (patient, _("Responsible department"), departments, &self->errors[F_DEPARTMENT_ID]);
  cl_form_row_set_required (GTK_WIDGET (self->department_row));

  /* What. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (result), _("Result"));
  self->test_row = cl_form_entry_row_add (result, _("Test"), &self->errors[F_TEST_NAME]);
  cl_form_row_set_required (GTK_WIDGET (self->test_row));
  self->result_row = cl_form_entry_row_add (result, _("Value"), &self->errors[F_RESULT]);
  cl_form_row_set_required (GTK_WIDGET (self->result_row));
  self->unit_row = cl_form_entry_row_add (result, _("Unit"), &self->errors[F_UNIT]);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Read back to the caller and confirmed"));
  cl_form_row_set_required (row);
  self->read_back_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->read_back_check), GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->read_back_check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->read_back_check));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (result), row);
  self->errors[F_READ_BACK] = cl_form_message_attach (row);
  cl_form_message_clear_on (self->read_back_check, "active", self->errors[F_READ_BACK]);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (result), cl_form_required_note ());

  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Register Value"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_SCROLLED, 12, groups);
  gtk_widget_grab_focus (GTK_WIDGET (self->caller_row));
  return self;
}

GtkWidget *
cl_critical_dialog_get_field (CLCriticalDialog *self,
                              const char       *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->received_row), GTK_WIDGET (self->kind_row), GTK_WIDGET (self->source_row),
    GTK_WIDGET (self->caller_row), GTK_WIDGET (self->phone_row), GTK_WIDGET (self->chooser),
    GTK_WIDGET (self->department_row), GTK_WIDGET (self->test_row), GTK_WIDGET (self->result_row),
    GTK_WIDGET (self->unit_row), GTK_WIDGET (self->read_back_check),
  };
  int i;

  g_return_val_if_fail (CL_IS_CRITICAL_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_critical_dialog_get_error (CLCriticalDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (CL_IS_CRITICAL_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
