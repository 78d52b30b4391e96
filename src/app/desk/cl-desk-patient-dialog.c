#define G_LOG_DOMAIN "cl-desk-patient-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-desk-patient-dialog.h"
#include "cl-form-message.h"
#include "cl-patient-store.h"

enum { F_NAME, F_PHONE, F_ID_NUMBER, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "name", "phone", "id_number" };

struct _CLDeskPatientDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *rows[N_FIELDS];
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLContext   *context;
  char        *saved_name;
};

G_DEFINE_FINAL_TYPE (CLDeskPatientDialog, cl_desk_patient_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_desk_patient_dialog_save (CLDeskPatientDialog *self)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *id_number;

  g_return_val_if_fail (CL_IS_DESK_PATIENT_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  id_number = gtk_editable_get_text (GTK_EDITABLE (self->rows[F_ID_NUMBER]));
  cl_patient_set_name (patient, gtk_editable_get_text (GTK_EDITABLE (self->rows[F_NAME])));
  cl_patient_set_phone (patient, gtk_editable_get_text (GTK_EDITABLE (self->rows[F_PHONE])));
  cl_patient_set_id_number (patient, *id_number ? id_number : NULL);

  /* No pregnancy: an outpatient, registered with the patient's own
   * rules, which the server checks again. */
  if (!cl_patient_store_save (cl_context_get_store (self->context), patient, NULL, &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }

  g_free (self->saved_name);
  self->saved_name = g_strdup (cl_patient_get_name (patient));
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (patient)));
  return TRUE;
}

static void
save_clicked_cb (CLDeskPatientDialog *self)
{
  cl_desk_patient_dialog_save (self);
}

static void
cl_desk_patient_dialog_finalize (GObject *object)
{
  CLDeskPatientDialog *self = CL_DESK_PATIENT_DIALOG (object);

  g_clear_object (&self->context);
  g_free (self->saved_name);
  G_OBJECT_CLASS (cl_desk_patient_dialog_parent_class)->finalize (object);
}

static void
cl_desk_patient_dialog_class_init (CLDeskPatientDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_desk_patient_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_desk_patient_dialog_init (CLDeskPatientDialog *self)
{
  const char *titles[N_FIELDS] = { _("Name"), _("Mobile phone"), _("ID number (optional)") };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  g_autofree char *description = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Register Patient"));
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  description = g_strdup_printf ("%s %s", _("A patient of any clinic, not only maternity; the roster finds her at once."),
                                 cl_form_required_note ());
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i < N_FIELDS; i++)
    self->rows[i] = cl_form_entry_row_add (group, titles[i], &self->errors[i]);
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_NAME]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_PHONE]));
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_PHONE]), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_ID_NUMBER]), "numeric");
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), C_("register a new patient", "_Register"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
}

CLDeskPatientDialog *
cl_desk_patient_dialog_new (GtkWindow  *parent,
                            CLContext  *context,
                            const char *name,
                            const char *phone)
{
  CLDeskPatientDialog *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_DESK_PATIENT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_NAME]), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_PHONE]), phone ? phone : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[name && *name ? F_PHONE : F_NAME]));
  return self;
}

GtkEditable *
cl_desk_patient_dialog_get_entry (CLDeskPatientDialog *self,
                                  const char          *field)
{
  int i = cl_form_field_find (field_names, N_FIELDS, field);

  g_return_val_if_fail (CL_IS_DESK_PATIENT_DIALOG (self), NULL);
  return i < 0 ? NULL : GTK_EDITABLE (self->rows[i]);
}

const char *
cl_desk_patient_dialog_get_error (CLDeskPatientDialog *self,
                                  const char          *field)
{
  g_return_val_if_fail (CL_IS_DESK_PATIENT_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}

const char *
cl_desk_patient_dialog_get_name (CLDeskPatientDialog *self)
{
  g_return_val_if_fail (CL_IS_DESK_PATIENT_DIALOG (self), NULL);
  return self->saved_name;
}
