#define G_LOG_DOMAIN "cl-appointment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-appoint-store.h"
#include "cl-appointment-dialog.h"
#include "cl-date.h"
#include "cl-desk-patient-dialog.h"
#include "cl-desk-store.h"
#include "cl-form-message.h"
#include "cl-patient-chooser.h"
#include "cl-store-directory.h"
#include "cl-store-patients.h"

enum { F_PATIENT, F_KIND, F_DEPARTMENT, F_DATE, F_SLOT, F_SOURCE, F_OVERBOOK, F_REFERRAL, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "patient_id", "kind", "department_id", "date", "slot", "source", "overbook_reason", "referral_id",
};

struct _CLAppointmentDialog
{
  AdwWindow parent_instance;

  GtkWidget        *rows[N_FIELDS];
  GtkLabel         *errors[N_FIELDS];
  GtkLabel         *form_error;
  GtkLabel         *places_label;
  CLPatientChooser *chooser;

  CLContext        *context;
  CLReferral       *referral;
  GPtrArray        *department_ids;   /* parallel to the department row */
};

G_DEFINE_FINAL_TYPE (CLAppointmentDialog, cl_appointment_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
chosen (GtkWidget          *row,
        const char * const *words)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return i < g_strv_length ((char **) words) ? words[i] : NULL;
}

static const char *
chosen_department (CLAppointmentDialog *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[F_DEPARTMENT]));

  return i < self->department_ids->len ? g_ptr_array_index (self->department_ids, i) : NULL;
}

/* The slot's places as the desk sees them now; the save judges them
 * again in its transaction. */
static void
update_places (CLAppointmentDialog *self)
{
  CLStore *store = cl_context_get_store (self->context);
  const char *department = chosen_department (self);
  const char *slot = chosen (self->rows[F_SLOT], cl_appointment_slots ());
  g_autofree char *text = NULL;
  GDate day;
  g_autofree char *iso = NULL;
  guint used;
  gint places;

  g_date_clear (&day, 1);
  if (store == NULL || department == NULL || slot == NULL ||
      !cl_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_DATE])), &day, NULL))
    {
      gtk_label_set_label (self->places_label, "");
      return;
    }
  iso = cl_date_to_iso (&day);
  cl_appoint_store_slot_usage (store, department, iso, slot, &used, &places);
  if (places < 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booked; no limit is set for this slot",
                                         "%u booked; no limit is set for this slot", used), used);
  else if ((gint) used >= places && self->referral)
    text = g_strdup_printf (_("Full: %u booked of %d places. A referral is booked ahead of others, without a reason."),
                            used, places);
  else if ((gint) used >= places)
    text = g_strdup_printf (_("Full: %u booked of %d places. Give a reason to book over."), used, places);
  else
    text = g_strdup_printf (_("%u booked of %d places; %d left"), used, places, places - (gint) used);
  gtk_label_set_label (self->places_label, text);
}

gboolean
cl_appointment_dialog_save (CLAppointmentDialog *self)
{
  g_autoptr(CLAppointment) appointment = cl_appointment_new ();
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *date = NULL;
  CLStore *store;
  GDate day;
  gboolean saved;

  g_return_val_if_fail (CL_IS_APPOINTMENT_DIALOG (self), FALSE);

  store = cl_context_get_store (self->context);
  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  g_date_clear (&day, 1);
  if (!cl_form_message_check (self->errors[F_DATE],
                              cl_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_DATE])), &day, &error),
                              &error))
    return FALSE;
  date = cl_date_to_iso (&day);
  actor = cl_desk_store_actor_id (store, cl_context_get_username (self->context));
  cl_appointment_set_patient_id (appointment, cl_patient_chooser_get_patient_id (self->chooser));
  cl_appointment_set_kind (appointment, chosen (self->rows[F_KIND], cl_appointment_kinds ()));
  cl_appointment_set_department_id (appointment, chosen_department (self));
  cl_appointment_set_date (appointment, date);
  cl_appointment_set_slot (appointment, chosen (self->rows[F_SLOT], cl_appointment_slots ()));
  {
    g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_OVERBOOK]))));

    cl_appointment_set_overbook_reason (appointment, *reason ? reason : NULL);
  }
  if (self->referral)
    saved = cl_appoint_store_book_referral (store, appointment, self->referral, cl_context_get_role (self->context),
                                            actor, &field_errors, &error);
  else
    {
      cl_appointment_set_source (appointment, chosen (self->rows[F_SOURCE], cl_appointment_sources ()));
      saved = cl_appoint_store_save_appointment (store, appointment, cl_context_get_role (self->context),
                                                 actor, &field_errors, &error);
    }
  if (!saved)
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      update_places (self);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (appointment)));
  return TRUE;
}

static void
save_clicked_cb (CLAppointmentDialog *self)
{
  cl_appointment_dialog_save (self);
}

static void
patient_registered_cb (CLDeskPatientDialog *dialog,
                       const char          *patient_id,
                       CLAppointmentDialog *self)
{
  cl_patient_chooser_set_patient (self->chooser, patient_id, cl_desk_patient_dialog_get_name (dialog));
}

static void
new_patient_clicked_cb (CLAppointmentDialog *self)
{
  CLDeskPatientDialog *dialog;

  dialog = cl_desk_patient_dialog_new (GTK_WINDOW (self), self->context,
                                       gtk_editable_get_text (cl_patient_chooser_get_entry (self->chooser)), NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (patient_registered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
combo_row (const char * const *words,
           const char *(*label) (const char *))
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; words[i]; i++)
    gtk_string_list_append (labels, label (words[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  return row;
}

static void
cl_appointment_dialog_finalize (GObject *object)
{
  CLAppointmentDialog *self = CL_APPOINTMENT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->referral);
  g_clear_pointer (&self->department_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_appointment_dialog_parent_class)->finalize (object);
}

static void
cl_appointment_dialog_class_init (CLAppointmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_appointment_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_appointment_dialog_init (CLAppointmentDialog *self)
{
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_title (GTK_WINDOW (self), _("Book Appointment"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
}

CLAppointmentDialog *
cl_appointment_dialog_new (GtkWindow  *parent,
                           CLContext  *context,
                           const char *date,
                           const char *department_id,
                           CLReferral *referral)
{
  CLAppointmentDialog *self;
  CLStore *store;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  GtkWidget *patient_row = adw_action_row_new ();
  GtkWidget *new_patient = gtk_button_new_with_mnemonic (_("_New Patient…"));
  GtkWidget *places_row = adw_action_row_new ();
  g_autoptr(GtkStringList) department_labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) departments = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  store = cl_context_get_store (context);
  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CL_TYPE_APPOINTMENT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  if (referral)
    self->referral = CL_REFERRAL (cl_record_dup (CL_RECORD (referral)));

  description = g_strdup_printf ("%s %s", _("Flagged patients are listed first, with their badge."),
                                 cl_form_required_note ());
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  /* The patient: the roster's search, or a new registration. */
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

  self->rows[F_KIND] = combo_row (cl_appointment_kinds (), cl_appointment_kind_label);
  self->errors[F_KIND] = cl_form_row_add (group, self->rows[F_KIND], _("Booked for"));

  departments = cl_store_departments (store, TRUE);
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);

      g_ptr_array_add (self->department_ids, g_strdup (cl_record_get_id (CL_RECORD (department))));
      gtk_string_list_append (department_labels, cl_department_get_display_name (department));
      if (g_strcmp0 (cl_record_get_id (CL_RECORD (department)), department_id) == 0 ||
          (referral && g_strcmp0 (cl_record_get_id (CL_RECORD (department)),
                                  cl_referral_get_department_id (referral)) == 0))
        department_id = cl_record_get_id (CL_RECORD (department));
    }
  self->rows[F_DEPARTMENT] = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[F_DEPARTMENT]), G_LIST_MODEL (department_labels));
  self->errors[F_DEPARTMENT] = cl_form_row_add (group, self->rows[F_DEPARTMENT], _("Department"));
  for (guint i = 0; i < self->department_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->department_ids, i),
                   referral ? cl_referral_get_department_id (referral) : department_id) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[F_DEPARTMENT]), i);

  self->rows[F_DATE] = adw_entry_row_new ();
  self->errors[F_DATE] = cl_form_row_add (group, self->rows[F_DATE], _("Date (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_DATE]), date ? date : "");
  gtk_widget_add_css_class (self->rows[F_DATE], "numeric");

  self->rows[F_SLOT] = combo_row (cl_appointment_slots (), cl_appointment_slot_label);
  self->errors[F_SLOT] = cl_form_row_add (group, self->rows[F_SLOT], _("Time"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (places_row), _("Places"));
  self->places_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->places_label, TRUE);
  gtk_label_set_xalign (self->places_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->places_label), "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (places_row), GTK_WIDGET (self->places_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), places_row);

  self->rows[F_SOURCE] = combo_row (cl_appointment_sources (), cl_appointment_source_label);
  self->errors[F_SOURCE] = cl_form_row_add (group, self->rows[F_SOURCE], _("Came in by"));
  self->rows[F_OVERBOOK] = adw_entry_row_new ();
  self->errors[F_OVERBOOK] = cl_form_row_add (group, self->rows[F_OVERBOOK], _("Reason to book over (only when full)"));
  self->errors[F_REFERRAL] = NULL;

  for (guint i = 0; i < N_FIELDS; i++)
    if (i != F_PATIENT && i != F_OVERBOOK && i != F_REFERRAL && i != F_DATE)
      cl_form_row_set_required (self->rows[i]);
  cl_form_row_set_required (self->rows[F_PATIENT]);
  cl_form_row_set_required (self->rows[F_DATE]);

  if (referral)
    {
      g_autoptr(GHashTable) names = NULL;
      const char *ids[] = { cl_referral_get_patient_id (referral), NULL };

      /* Booked for the referral: hers, from its hospital. */
      names = cl_store_patients_names (store, ids);
      cl_patient_chooser_set_patient (self->chooser, ids[0], g_hash_table_lookup (names, ids[0]));
      gtk_widget_set_sensitive (patient_row, FALSE);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[F_SOURCE]),
                                  g_strv_length ((char **) cl_appointment_sources ()) - 1);
      gtk_widget_set_sensitive (self->rows[F_SOURCE], FALSE);
      /* The referral is the reason (cl_appoint_store_validate_appointment()). */
      gtk_widget_set_visible (self->rows[F_OVERBOOK], FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Book for Referral"));
    }
  else
    {
      /* A desk books community referrals from the Referrals page. */
      g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
      const char * const *words = cl_appointment_sources ();

      for (guint i = 0; words[i]; i++)
        if (g_strcmp0 (words[i], CL_APPOINTMENT_SOURCE_REFERRAL) != 0)
          gtk_string_list_append (sources, cl_appointment_source_label (words[i]));
      adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[F_SOURCE]), G_LIST_MODEL (sources));
    }

  g_signal_connect_object (self->rows[F_DEPARTMENT], "notify::selected", G_CALLBACK (update_places), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rows[F_SLOT], "notify::selected", G_CALLBACK (update_places), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rows[F_DATE], "notify::text", G_CALLBACK (update_places), self, G_CONNECT_SWAPPED);
  update_places (self);

  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Book"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_SCROLLED_NATURAL, 12, groups);
  gtk_widget_grab_focus (referral ? self->rows[F_KIND] : GTK_WIDGET (cl_patient_chooser_get_entry (self->chooser)));
  return self;
}

void
cl_appointment_dialog_set_patient (CLAppointmentDialog *self,
                                   const char          *patient_id,
                                   const char          *name)
{
  g_return_if_fail (CL_IS_APPOINTMENT_DIALOG (self));
  cl_patient_chooser_set_patient (self->chooser, patient_id, name);
}

GtkWidget *
cl_appointment_dialog_get_field (CLAppointmentDialog *self,
                                 const char          *field)
{
  int i = cl_form_field_find (field_names, N_FIELDS, field);

  g_return_val_if_fail (CL_IS_APPOINTMENT_DIALOG (self), NULL);
  if (i == F_PATIENT)
    return GTK_WIDGET (cl_patient_chooser_get_entry (self->chooser));
  return i < 0 ? NULL : self->rows[i];
}

const char *
cl_appointment_dialog_get_error (CLAppointmentDialog *self,
                                 const char          *field)
{
  g_return_val_if_fail (CL_IS_APPOINTMENT_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}

const char *
cl_appointment_dialog_get_places (CLAppointmentDialog *self)
{
  g_return_val_if_fail (CL_IS_APPOINTMENT_DIALOG (self), NULL);
  return gtk_label_get_label (self->places_label);
}
