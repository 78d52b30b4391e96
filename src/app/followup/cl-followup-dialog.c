#define G_LOG_DOMAIN "cl-followup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-followup-dialog.h"
#include "cl-followup-store.h"
#include "cl-form-message.h"
#include "cl-patient-chooser.h"
#include "cl-patient-store.h"
#include "cl-patient.h"
#include "cl-staff.h"
#include "cl-store-staff.h"

/* The record's columns, so the rules' messages land under the fields. */
enum { F_PATIENT, F_KIND, F_DUE, F_CHANNEL, F_CONTENT, F_OWNER, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "patient_id", "kind", "due_date", "channel", "content", "owner_id",
};

struct _CLFollowupDialog
{
  AdwWindow parent_instance;

  /* widgets */
  CLPatientChooser *chooser;      /* NULL when the patient is given */
  AdwActionRow     *patient_row;  /* NULL when she is chosen here */
  AdwComboRow      *kind_row;
  AdwEntryRow      *due_row;
  AdwComboRow      *channel_row;
  AdwEntryRow      *content_row;
  AdwComboRow      *owner_row;
  GtkLabel         *errors[N_FIELDS];
  GtkLabel         *form_error;

  /* owned */
  CLContext        *context;
  CLStore          *store;
  char             *patient_id;   /* the given patient */
  GPtrArray        *owner_ids;    /* staff ids, parallel to owner_row */
};

G_DEFINE_FINAL_TYPE (CLFollowupDialog, cl_followup_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
chosen_patient (CLFollowupDialog *self)
{
  return self->chooser ? cl_patient_chooser_get_patient_id (self->chooser) : self->patient_id;
}

/* Her case manager owns it unless an administrator picks another. */
static void
select_default_owner (CLFollowupDialog *self)
{
  g_autoptr(CLPatient) patient = NULL;
  g_autofree char *own_id = NULL;
  const char *owner_id = NULL;
  const char *patient_id = chosen_patient (self);
  guint index;

  if (patient_id)
    patient = CL_PATIENT (cl_store_load_record (self->store, CL_TYPE_PATIENT, patient_id, NULL));
  if (patient)
    owner_id = cl_patient_get_case_manager_id (patient);
  /* No case manager yet: whoever adds it. */
  if ((owner_id == NULL || *owner_id == '\0') && cl_context_get_username (self->context))
    owner_id = own_id = cl_store_staff_find_username (self->store, cl_context_get_username (self->context));
  if (owner_id && g_ptr_array_find_with_equal_func (self->owner_ids, owner_id, g_str_equal, &index))
    adw_combo_row_set_selected (self->owner_row, index);
  else
    adw_combo_row_set_selected (self->owner_row, GTK_INVALID_LIST_POSITION);
  /* Only an administrator reassigns; anyone may fill in a missing owner. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_row),
                            cl_followup_role_may_assign (cl_context_get_role (self->context)) ||
                            adw_combo_row_get_selected (self->owner_row) == GTK_INVALID_LIST_POSITION);
}

static void
fill_owners (CLFollowupDialog *self)
{
  g_autoptr(GPtrArray) managers = cl_store_staff_list_active (self->store, CL_ROLE_CASE_MANAGER);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->owner_ids, 0);
  for (guint i = 0; i < managers->len; i++)
    {
      CLStaff *staff = g_ptr_array_index (managers, i);

      g_ptr_array_add (self->owner_ids, g_strdup (cl_record_get_id (CL_RECORD (staff))));
      gtk_string_list_append (names, cl_staff_get_display_name (staff));
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
}

gboolean
cl_followup_dialog_save (CLFollowupDialog *self)
{
  g_autoptr(CLFollowupRecord) item = NULL;
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  const char *patient_id = chosen_patient (self);
  const CLFollowupKind *kinds;
  guint n_kinds, kind, channel, owner;

  g_return_val_if_fail (CL_IS_FOLLOWUP_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  if (patient_id)
    pregnancy = cl_patient_store_current_pregnancy (self->store, patient_id);
  item = cl_followup_record_new_by_hand (patient_id, pregnancy ? cl_record_get_id (CL_RECORD (pregnancy)) : NULL);

  kinds = cl_followup_kinds_by_hand (&n_kinds);
  kind = adw_combo_row_get_selected (self->kind_row);
  cl_followup_record_set_kind (item, cl_followup_kind_to_string (kinds[kind < n_kinds ? kind : 0]));
  channel = adw_combo_row_get_selected (self->channel_row);
  cl_followup_record_set_channel (item, cl_followup_channel_to_string (channel <= CL_FOLLOWUP_CHANNEL_IN_PERSON
                                                                       ? channel : CL_FOLLOWUP_CHANNEL_PHONE));
  cl_followup_record_set_due_date (item, gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  content = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->content_row))));
  cl_followup_record_set_content (item, content);
  owner = adw_combo_row_get_selected (self->owner_row);
  cl_followup_record_set_owner_id (item, owner < self->owner_ids->len ? g_ptr_array_index (self->owner_ids, owner) : NULL);

  if (!cl_followup_store_save (self->store, item, cl_context_get_role (self->context), &field_errors, &error))
    {
      if (cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (item)));
  return TRUE;
}

static void
save_clicked_cb (CLFollowupDialog *self)
{
  cl_followup_dialog_save (self);
}

static void
patient_chosen_cb (CLFollowupDialog *self)
{
  select_default_owner (self);
}

static void
cl_followup_dialog_finalize (GObject *object)
{
  CLFollowupDialog *self = CL_FOLLOWUP_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_free (self->patient_id);
  g_ptr_array_unref (self->owner_ids);
  G_OBJECT_CLASS (cl_followup_dialog_parent_class)->finalize (object);
}

static void
cl_followup_dialog_class_init (CLFollowupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_followup_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_followup_dialog_init (CLFollowupDialog *self)
{
  self->owner_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);
  gtk_window_set_title (GTK_WINDOW (self), _("Add Follow-up"));
}

static void
build (CLFollowupDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  GtkWidget *whom = adw_preferences_group_new ();
  GtkWidget *who = adw_preferences_group_new ();
  GtkWidget *what = adw_preferences_group_new ();
  GtkWidget *groups[] = { whom, who, what, NULL };
  const CLFollowupKind *kind_values;
  g_autofree char *today_iso = NULL;
  guint n_kinds;
  GDate today;

  if (self->patient_id)
    {
      g_autoptr(CLPatient) patient = CL_PATIENT (cl_store_load_record (self->store, CL_TYPE_PATIENT,
                                                                       self->patient_id, NULL));

      self->patient_row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->patient_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->patient_row), C_("follow-up", "Patient"));
      adw_action_row_set_subtitle (self->patient_row, patient ? cl_patient_get_name (patient) : "");
      gtk_widget_add_css_class (GTK_WIDGET (self->patient_row), "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (whom), GTK_WIDGET (self->patient_row));
      self->errors[F_PATIENT] = cl_form_message_attach (GTK_WIDGET (self->patient_row));
    }
  else
    {
      /* The chooser is no list row: a group of its own, so it shows
       * above the owner, not under it. */
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (whom), C_("follow-up", "Patient"));
      self->chooser = CL_PATIENT_CHOOSER (cl_patient_chooser_new (self->store));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (whom), GTK_WIDGET (self->chooser));
      self->errors[F_PATIENT] = GTK_LABEL (cl_form_message_new ());
      gtk_widget_set_visible (GTK_WIDGET (self->errors[F_PATIENT]), FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (whom), GTK_WIDGET (self->errors[F_PATIENT]));
      cl_form_message_clear_on (self->chooser, "patient-id", self->errors[F_PATIENT]);
      g_signal_connect_object (self->chooser, "notify::patient-id", G_CALLBACK (patient_chosen_cb),
                               self, G_CONNECT_SWAPPED);
    }
  self->owner_row = ADW_COMBO_ROW (adw_combo_row_new ());
  self->errors[F_OWNER] = cl_form_row_add (who, GTK_WIDGET (self->owner_row), _("Done by"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (who),
                                         cl_followup_role_may_assign (cl_context_get_role (self->context))
                                         ? _("Her case manager, unless you choose another.")
                                         : _("Her case manager; an administrator may choose another."));

  kind_values = cl_followup_kinds_by_hand (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    gtk_string_list_append (kinds, cl_followup_kind_label (cl_followup_kind_to_string (kind_values[i])));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->errors[F_KIND] = cl_form_row_add (what, GTK_WIDGET (self->kind_row), _("Kind"));

  self->due_row = cl_form_entry_row_add (what, C_("follow-up", "Due date"), &self->errors[F_DUE]);
  gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "numeric");
  cl_context_get_today (self->context, &today);
  today_iso = cl_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), today_iso);

  for (guint i = CL_FOLLOWUP_CHANNEL_SMS; i <= CL_FOLLOWUP_CHANNEL_IN_PERSON; i++)
    gtk_string_list_append (channels, cl_followup_channel_label (cl_followup_channel_to_string (i)));
  self->channel_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_selected (self->channel_row, CL_FOLLOWUP_CHANNEL_PHONE);
  self->errors[F_CHANNEL] = cl_form_row_add (what, GTK_WIDGET (self->channel_row), _("Channel"));

  self->content_row = cl_form_entry_row_add (what, _("What to do or tell her"), &self->errors[F_CONTENT]);
  cl_form_row_set_required (GTK_WIDGET (self->due_row));
  cl_form_row_set_required (GTK_WIDGET (self->content_row));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (what),
                                         _("The due date as 2026-11-23, today or later."));

  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Add"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 18, groups);
  fill_owners (self);
  select_default_owner (self);
}

CLFollowupDialog *
cl_followup_dialog_new (GtkWindow  *parent,
                        CLContext  *context,
                        const char *patient_id)
{
  CLFollowupDialog *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_FOLLOWUP_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->patient_id = g_strdup (patient_id);
  build (self);
  if (self->chooser)
    gtk_widget_grab_focus (GTK_WIDGET (cl_patient_chooser_get_entry (self->chooser)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->content_row));
  return self;
}

GtkWidget *
cl_followup_dialog_get_field (CLFollowupDialog *self,
                              const char       *field)
{
  GtkWidget *fields[N_FIELDS] = {
    self->chooser ? GTK_WIDGET (cl_patient_chooser_get_entry (self->chooser)) : GTK_WIDGET (self->patient_row),
    GTK_WIDGET (self->kind_row), GTK_WIDGET (self->due_row), GTK_WIDGET (self->channel_row),
    GTK_WIDGET (self->content_row), GTK_WIDGET (self->owner_row),
  };
  int i;

  g_return_val_if_fail (CL_IS_FOLLOWUP_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_followup_dialog_get_error (CLFollowupDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}

void
cl_followup_dialog_set_kind (CLFollowupDialog *self,
                             const char       *kind)
{
  const CLFollowupKind *kinds;
  guint n_kinds;

  g_return_if_fail (CL_IS_FOLLOWUP_DIALOG (self));
  kinds = cl_followup_kinds_by_hand (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    if (g_strcmp0 (cl_followup_kind_to_string (kinds[i]), kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

gboolean
cl_followup_dialog_set_owner (CLFollowupDialog *self,
                              const char       *owner_id)
{
  guint index;

  g_return_val_if_fail (CL_IS_FOLLOWUP_DIALOG (self), FALSE);
  if (!g_ptr_array_find_with_equal_func (self->owner_ids, owner_id, g_str_equal, &index))
    return FALSE;
  adw_combo_row_set_selected (self->owner_row, index);
  return TRUE;
}
