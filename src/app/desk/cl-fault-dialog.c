#define G_LOG_DOMAIN "cl-fault-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-fault-dialog.h"
#include "cl-fault-store.h"
#include "cl-form-message.h"
#include "cl-schedule.h"

enum {
  F_MACHINE, F_LOCATION, F_FAULT, F_REPORTED_AT, F_REPORTED_TO, F_REPORTED_TO_NAME, F_NOTE, N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "machine", "location", "fault", "reported_at", "reported_to", "reported_to_name", "note",
};

struct _CLFaultDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *machine_row;
  AdwEntryRow *location_row;
  AdwEntryRow *fault_row;
  AdwEntryRow *at_row;
  AdwComboRow *to_row;
  AdwEntryRow *name_row;
  AdwEntryRow *note_row;
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLContext   *context;
};

G_DEFINE_FINAL_TYPE (CLFaultDialog, cl_fault_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

gboolean
cl_fault_dialog_save (CLFaultDialog *self)
{
  g_autoptr(CLEquipmentFault) fault = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *tos = cl_equipment_fault_reported_tos ();
  gint64 at = 0;

  g_return_val_if_fail (CL_IS_FAULT_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  if (!cl_equipment_fault_time_parse (text_of (self->at_row), cl_context_get_now (self->context), &at))
    {
      cl_form_message_set (self->errors[F_REPORTED_AT], _("Enter the time as HH:MM or YYYY-MM-DD HH:MM"));
      gtk_widget_grab_focus (GTK_WIDGET (self->at_row));
      return FALSE;
    }
  fault = cl_equipment_fault_new ();
  {
    g_autofree char *machine = g_strstrip (g_strdup (text_of (self->machine_row)));
    g_autofree char *location = g_strstrip (g_strdup (text_of (self->location_row)));
    g_autofree char *what = g_strstrip (g_strdup (text_of (self->fault_row)));
    g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
    g_autofree char *note = g_strstrip (g_strdup (text_of (self->note_row)));

    cl_equipment_fault_set_machine (fault, machine);
    cl_equipment_fault_set_location (fault, location);
    cl_equipment_fault_set_fault (fault, what);
    cl_equipment_fault_set_reported_to_name (fault, name);
    cl_equipment_fault_set_note (fault, note);
  }
  cl_equipment_fault_set_reported_at (fault, at);
  cl_equipment_fault_set_reported_to (fault, tos[adw_combo_row_get_selected (self->to_row)]);
  if (!cl_fault_store_save (cl_context_get_store (self->context), fault, cl_context_get_role (self->context),
                            &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (fault)));
  return TRUE;
}

static void
save_clicked_cb (CLFaultDialog *self)
{
  cl_fault_dialog_save (self);
}

static void
cl_fault_dialog_finalize (GObject *object)
{
  CLFaultDialog *self = CL_FAULT_DIALOG (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_fault_dialog_parent_class)->finalize (object);
}

static void
cl_fault_dialog_class_init (CLFaultDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_fault_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_fault_dialog_init (CLFaultDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  g_autoptr(GtkStringList) tos = gtk_string_list_new (NULL);
  const char * const *names = cl_equipment_fault_reported_tos ();
  GtkWidget *row;

  gtk_window_set_title (GTK_WINDOW (self), _("Report Fault"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  self->machine_row = cl_form_entry_row_add (group, _("Machine"), &self->errors[F_MACHINE]);
  cl_form_row_set_required (GTK_WIDGET (self->machine_row));
  self->location_row = cl_form_entry_row_add (group, _("Location"), &self->errors[F_LOCATION]);
  self->fault_row = cl_form_entry_row_add (group, _("Fault"), &self->errors[F_FAULT]);
  cl_form_row_set_required (GTK_WIDGET (self->fault_row));
  self->at_row = cl_form_entry_row_add (group, _("Reported at (HH:MM or YYYY-MM-DD HH:MM)"),
                                        &self->errors[F_REPORTED_AT]);
  cl_form_row_set_required (GTK_WIDGET (self->at_row));
  for (guint i = 0; names[i]; i++)
    gtk_string_list_append (tos, cl_equipment_fault_reported_to_label (names[i]));
  row = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (tos));
  self->errors[F_REPORTED_TO] = cl_form_row_add (group, row, _("Reported to"));
  self->to_row = ADW_COMBO_ROW (row);
  self->name_row = cl_form_entry_row_add (group, _("Name of whom it was reported to"),
                                          &self->errors[F_REPORTED_TO_NAME]);
  self->note_row = cl_form_entry_row_add (group, _("Note"), &self->errors[F_NOTE]);
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save Fault"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
}

CLFaultDialog *
cl_fault_dialog_new (GtkWindow *parent,
                     CLContext *context)
{
  CLFaultDialog *self;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_FAULT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  now = cl_schedule_format_time (cl_context_get_now (context));
  gtk_editable_set_text (GTK_EDITABLE (self->at_row), now);
  gtk_widget_grab_focus (GTK_WIDGET (self->machine_row));
  return self;
}

GtkWidget *
cl_fault_dialog_get_field (CLFaultDialog *self,
                           const char    *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->machine_row), GTK_WIDGET (self->location_row), GTK_WIDGET (self->fault_row),
    GTK_WIDGET (self->at_row), GTK_WIDGET (self->to_row), GTK_WIDGET (self->name_row),
    GTK_WIDGET (self->note_row),
  };
  int i;

  g_return_val_if_fail (CL_IS_FAULT_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_fault_dialog_get_error (CLFaultDialog *self,
                           const char    *field)
{
  g_return_val_if_fail (CL_IS_FAULT_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
