#define G_LOG_DOMAIN "cl-new-patient-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-new-patient-dialog.h"
#include "cl-patient-store.h"

struct _CLNewPatientDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  CLPatientForm *form;

  /* owned */
  CLStore       *store;
};

G_DEFINE_FINAL_TYPE (CLNewPatientDialog, cl_new_patient_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
cl_new_patient_dialog_add (CLNewPatientDialog *self)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLPregnancy) pregnancy = NULL;

  g_return_val_if_fail (CL_IS_NEW_PATIENT_DIALOG (self), FALSE);

  if (cl_patient_form_has_pregnancy (self->form))
    pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));
  if (!cl_patient_form_save (self->form, patient, pregnancy))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, cl_record_get_id (CL_RECORD (patient)));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  cl_new_patient_dialog_add (CL_NEW_PATIENT_DIALOG (widget));
}

static void
cl_new_patient_dialog_dispose (GObject *object)
{
  CLNewPatientDialog *self = CL_NEW_PATIENT_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (cl_new_patient_dialog_parent_class)->dispose (object);
}

static void
cl_new_patient_dialog_class_init (CLNewPatientDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_new_patient_dialog_dispose;

  /**
   * CLNewPatientDialog::saved:
   * @patient_id: the new patient's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CL_TYPE_PATIENT_FORM);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/patient/cl-new-patient-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CLNewPatientDialog, form);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_new_patient_dialog_init (CLNewPatientDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CLNewPatientDialog *
cl_new_patient_dialog_new (GtkWindow *parent,
                           CLContext *context)
{
  CLNewPatientDialog *self;
  g_autoptr(CLPatient) blank = cl_patient_new ();

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_NEW_PATIENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (cl_context_get_store (context));
  cl_patient_form_set_context (self->form, context);
  cl_patient_form_load (self->form, blank, NULL);
  cl_patient_form_focus_first (self->form);
  return self;
}

CLPatientForm *
cl_new_patient_dialog_get_form (CLNewPatientDialog *self)
{
  g_return_val_if_fail (CL_IS_NEW_PATIENT_DIALOG (self), NULL);
  return self->form;
}
