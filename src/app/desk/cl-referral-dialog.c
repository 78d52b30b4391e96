#define G_LOG_DOMAIN "cl-referral-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-appoint-store.h"
#include "cl-desk-patient-dialog.h"
#include "cl-desk-store.h"
#include "cl-form-message.h"
#include "cl-patient-chooser.h"
#include "cl-referral-dialog.h"
#include "cl-store-appoint.h"
#include "cl-store-directory.h"

enum { F_PATIENT, F_HOSPITAL, F_REASON, F_DEPARTMENT, F_PRIORITY, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "patient_id", "hospital_id", "reason", "department_id", "priority",
};

struct _CLReferralDialog
{
  AdwWindow parent_instance;

  GtkWidget        *rows[N_FIELDS];
  GtkLabel         *errors[N_FIELDS];
  GtkLabel         *form_error;
  CLPatientChooser *chooser;

  CLContext        *context;
  GPtrArray        *hospital_ids;
  GPtrArray        *department_ids;
};

G_DEFINE_FINAL_TYPE (CLReferralDialog, cl_referral_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
chosen_id (GtkWidget *row,
           GPtrArray *ids)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return i < ids->len ? g_ptr_array_index (ids, i) : NULL;
}

gboolean
cl_referral_dialog_save (CLReferralDialog *self)
{
  g_autoptr(CLReferral) referral = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  CLStore *store;
  guint priority;

  g_return_val_if_fail (CL_IS_REFERRAL_DIALOG (self), FALSE);

  store = cl_context_get_store (self->context);
  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  referral = cl_referral_new (cl_context_get_now (self->context));
  actor = cl_desk_store_actor_id (store, cl_context_get_username (self->context));
  priority = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[F_PRIORITY]));
  cl_referral_set_patient_id (referral, cl_patient_chooser_get_patient_id (self->chooser));
  cl_referral_set_hospital_id (referral, chosen_id (self->rows[F_HOSPITAL], self->hospital_ids));
  cl_referral_set_reason (referral, gtk_editable_get_text (GTK_EDITABLE (self->rows[F_REASON])));
  cl_referral_set_department_id (referral, chosen_id (self->rows[F_DEPARTMENT], self->department_ids));
  cl_referral_set_priority (referral, priority < 2 ? cl_referral_priorities ()[priority] : NULL);
  cl_referral_set_received_by (referral, actor);
  if (!cl_appoint_store_save_referral (store, referral, cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (referral)));
  return TRUE;
}

static void
save_clicked_cb (CLReferralDialog *self)
{
  cl_referral_dialog_save (self);
}

static void
patient_registered_cb (CLDeskPatientDialog *dialog,
                       const char          *patient_id,
                       CLReferralDialog    *self)
{
  cl_patient_chooser_set_patient (self->chooser, patient_id, cl_desk_patient_dialog_get_name (dialog));
}

static void
new_patient_clicked_cb (CLReferralDialog *self)
{
  CLDeskPatientDialog *dialog;

  dialog = cl_desk_patient_dialog_new (GTK_WINDOW (self), self->context,
                                       gtk_editable_get_text (cl_patient_chooser_get_entry (self->chooser)), NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (patient_registered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cl_referral_dialog_finalize (GObject *object)
{
  CLReferralDialog *self = CL_REFERRAL_DIALOG (object);

  g_clear_object (&self->context);
  g_ptr_array_unref (self->hospital_ids);
  g_ptr_array_unref (self->department_ids);
  G_OBJECT_CLASS (cl_referral_dialog_parent_class)->finalize (object);
}

static void
cl_referral_dialog_class_init (CLReferralDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_referral_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_referral_dialog_init (CLReferralDialog *self)
{
  self->hospital_ids = g_ptr_array_new_with_free_func (g_free);
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_title (GTK_WINDOW (self), _("New Referral"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
}

CLReferralDialog *
cl_referral_dialog_new (GtkWindow *parent,
                        CLContext *context)
{
  CLReferralDialog *self;
  CLStore *store;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  GtkWidget *patient_row = adw_action_row_new ();
  GtkWidget *new_patient = gtk_button_new_with_mnemonic (_("_New Patient…"));
  g_autoptr(GtkStringList) hospital_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) department_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) hospitals = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  store = cl_context_get_store (context);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CL_TYPE_REFERRAL_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  description = g_strdup_printf ("%s %s", _("Received now. Referred patients are booked ahead of others."),
                                 cl_form_required_note ());
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  self->chooser = CL_PATIENT_CHOOSER (cl_patient_chooser_new (store));
  /* Room for the row's title beside it. */
  gtk_widget_set_size_request (GTK_WIDGET (self->chooser), 240, -1);
  gtk_widget_set_valign (GTK_WIDGET (self->chooser), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (new_patient, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (patient_row), GTK_WIDGET (self->chooser));
  adw_action_row_add_suffix (ADW_ACTION_ROW (patient_row), new_patient);
  g_signal_connect_object (new_patient, "clicked", G_CALLBACK (new_patient_clicked_cb), self, G_CONNECT_SWAPPED);
  self->rows[F_PATIENT] = patient_row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (patient_row), _("Patient"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), patient_row);
  self->errors[F_PATIENT] = cl_form_message_attach (patient_row);
  cl_form_message_clear_on (self->chooser, "patient-id", self->errors[F_PATIENT]);

  hospitals = cl_store_referring_hospitals (store, TRUE);
  for (guint i = 0; i < hospitals->len; i++)
    {
      CLReferringHospital *hospital = g_ptr_array_index (hospitals, i);

      g_ptr_array_add (self->hospital_ids, g_strdup (cl_record_get_id (CL_RECORD (hospital))));
      gtk_string_list_append (hospital_names, cl_referring_hospital_get_name (hospital));
    }
  self->rows[F_HOSPITAL] = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[F_HOSPITAL]), G_LIST_MODEL (hospital_names));
  self->errors[F_HOSPITAL] = cl_form_row_add (group, self->rows[F_HOSPITAL], _("Referring hospital"));

  self->rows[F_REASON] = adw_entry_row_new ();
  self->errors[F_REASON] = cl_form_row_add (group, self->rows[F_REASON], C_("referral", "Reason"));

  departments = cl_store_departments (store, TRUE);
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);

      g_ptr_array_add (self->department_ids, g_strdup (cl_record_get_id (CL_RECORD (department))));
      gtk_string_list_append (department_names, cl_department_get_display_name (department));
    }
  self->rows[F_DEPARTMENT] = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[F_DEPARTMENT]), G_LIST_MODEL (department_names));
  self->errors[F_DEPARTMENT] = cl_form_row_add (group, self->rows[F_DEPARTMENT], _("Service asked for"));

  for (guint i = 0; cl_referral_priorities ()[i]; i++)
    gtk_string_list_append (priorities, cl_referral_priority_label (cl_referral_priorities ()[i]));
  self->rows[F_PRIORITY] = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[F_PRIORITY]), G_LIST_MODEL (priorities));
  self->errors[F_PRIORITY] = cl_form_row_add (group, self->rows[F_PRIORITY], _("Priority"));

  for (guint i = 0; i < N_FIELDS; i++)
    cl_form_row_set_required (self->rows[i]);
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
  gtk_widget_grab_focus (GTK_WIDGET (cl_patient_chooser_get_entry (self->chooser)));
  return self;
}

void
cl_referral_dialog_set_patient (CLReferralDialog *self,
                                const char       *patient_id,
                                const char       *name)
{
  g_return_if_fail (CL_IS_REFERRAL_DIALOG (self));
  cl_patient_chooser_set_patient (self->chooser, patient_id, name);
}

GtkWidget *
cl_referral_dialog_get_field (CLReferralDialog *self,
                              const char       *field)
{
  int i = cl_form_field_find (field_names, N_FIELDS, field);

  g_return_val_if_fail (CL_IS_REFERRAL_DIALOG (self), NULL);
  return i < 0 ? NULL : self->rows[i];
}

const char *
cl_referral_dialog_get_error (CLReferralDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (CL_IS_REFERRAL_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
