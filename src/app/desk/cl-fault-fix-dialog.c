#define G_LOG_DOMAIN "cl-fault-fix-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-fault-fix-dialog.h"
#include "cl-fault-store.h"
#include "cl-form-message.h"
#include "cl-schedule.h"

enum { F_FIXED_AT, F_NOTE, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "fixed_at", "note" };

struct _CLFaultFixDialog
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *group;
  AdwEntryRow         *at_row;
  AdwEntryRow         *note_row;
  GtkLabel            *errors[N_FIELDS];
  GtkLabel            *form_error;

  CLContext           *context;
  CLEquipmentFault    *fault;
};

G_DEFINE_FINAL_TYPE (CLFaultFixDialog, cl_fault_fix_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_fault_fix_dialog_save (CLFaultFixDialog *self)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 at = 0;

  g_return_val_if_fail (CL_IS_FAULT_FIX_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  if (!cl_equipment_fault_time_parse (gtk_editable_get_text (GTK_EDITABLE (self->at_row)),
                                      cl_context_get_now (self->context), &at))
    {
      cl_form_message_set (self->errors[F_FIXED_AT], _("Enter the time as HH:MM or YYYY-MM-DD HH:MM"));
      gtk_widget_grab_focus (GTK_WIDGET (self->at_row));
      return FALSE;
    }
  if (!cl_fault_store_mark_fixed (cl_context_get_store (self->context), self->fault, at,
                                  gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                  cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (self->fault)));
  return TRUE;
}

static void
save_clicked_cb (CLFaultFixDialog *self)
{
  cl_fault_fix_dialog_save (self);
}

static void
cl_fault_fix_dialog_finalize (GObject *object)
{
  CLFaultFixDialog *self = CL_FAULT_FIX_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->fault);
  G_OBJECT_CLASS (cl_fault_fix_dialog_parent_class)->finalize (object);
}

static void
cl_fault_fix_dialog_class_init (CLFaultFixDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_fault_fix_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_fault_fix_dialog_init (CLFaultFixDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };

  self->group = ADW_PREFERENCES_GROUP (group);
  gtk_window_set_title (GTK_WINDOW (self), _("Mark Fault Fixed"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  self->at_row = cl_form_entry_row_add (group, _("Fixed at (HH:MM or YYYY-MM-DD HH:MM)"), &self->errors[F_FIXED_AT]);
  cl_form_row_set_required (GTK_WIDGET (self->at_row));
  self->note_row = cl_form_entry_row_add (group, _("Note"), &self->errors[F_NOTE]);
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Mark Fixed"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
}

CLFaultFixDialog *
cl_fault_fix_dialog_new (GtkWindow        *parent,
                         CLContext        *context,
                         CLEquipmentFault *fault)
{
  CLFaultFixDialog *self;
  g_autofree char *now = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CL_IS_EQUIPMENT_FAULT (fault), NULL);

  self = g_object_new (CL_TYPE_FAULT_FIX_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  /* Its own copy: a refused save leaves the list's as it was. */
  self->fault = CL_EQUIPMENT_FAULT (cl_record_dup (CL_RECORD (fault)));
  /* TRANSLATORS: the fault being marked fixed: the machine and what is wrong, "门诊大厅自助机 3号 · 不出凭条" */
  description = g_strdup_printf (_("%s · %s"), cl_equipment_fault_get_machine (fault),
                                 cl_equipment_fault_get_fault (fault));
  adw_preferences_group_set_description (self->group, description);
  now = cl_schedule_format_time (cl_context_get_now (context));
  gtk_editable_set_text (GTK_EDITABLE (self->at_row), now);
  gtk_widget_grab_focus (GTK_WIDGET (self->at_row));
  return self;
}

GtkWidget *
cl_fault_fix_dialog_get_field (CLFaultFixDialog *self,
                               const char       *field)
{
  GtkWidget *fields[N_FIELDS] = { GTK_WIDGET (self->at_row), GTK_WIDGET (self->note_row) };
  int i;

  g_return_val_if_fail (CL_IS_FAULT_FIX_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_fault_fix_dialog_get_error (CLFaultFixDialog *self,
                               const char       *field)
{
  g_return_val_if_fail (CL_IS_FAULT_FIX_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
