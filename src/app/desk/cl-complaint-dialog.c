#define G_LOG_DOMAIN "cl-complaint-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-complaint-dialog.h"
#include "cl-complaint-store.h"
#include "cl-date.h"
#include "cl-department.h"
#include "cl-desk-store.h"
#include "cl-form-message.h"
#include "cl-staff.h"
#include "cl-store-directory.h"
#include "cl-store-staff.h"
#include "cl-util.h"

/* The fields with a message of their own, in the order of errors[]. */
static const char * const field_names[] = {
  "complainant_name", "complainant_phone", "department_id", "severity", "description",
  "owner_id", "promised_at", "resolution", "satisfaction", "satisfaction_reason", "settled_on_spot",
};
enum {
  E_NAME, E_PHONE, E_DEPARTMENT, E_SEVERITY, E_DESCRIPTION, E_OWNER, E_PROMISED,
  E_RESOLUTION, E_SATISFACTION, E_REASON, E_ON_SPOT, N_ERRORS
};
G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == N_ERRORS);

struct _CLComplaintDialog
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *progress_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *phone_row;
  AdwComboRow         *department_row;
  AdwComboRow         *severity_row;
  AdwEntryRow         *description_row;
  AdwActionRow        *promised_row;
  AdwComboRow         *owner_row;
  GtkSwitch           *step_switch;
  GtkWidget           *step_row;
  AdwEntryRow         *resolution_row;
  AdwComboRow         *satisfaction_row;
  AdwEntryRow         *reason_row;
  GtkWidget           *save_button;
  GtkLabel            *errors[N_ERRORS];
  GtkLabel            *form_error;

  CLContext           *context;
  CLComplaint         *complaint;     /* as stored, or the new one */
  GPtrArray           *department_ids; /* parallel to department_row, [0] none */
  GPtrArray           *owner_ids;      /* parallel to owner_row */
  char                *actor_id;
  gboolean             is_new;
};

G_DEFINE_FINAL_TYPE (CLComplaintDialog, cl_complaint_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static CLComplaintState
current_state (CLComplaintDialog *self)
{
  CLComplaintState state = CL_COMPLAINT_STATE_OPEN;

  cl_complaint_state_from_string (cl_complaint_get_state (self->complaint), &state);
  return state;
}

/* The state the ticket will have when saved: the next one when the
 * step's switch is on. */
static CLComplaintState
target_state (CLComplaintDialog *self)
{
  CLComplaintState state = current_state (self);

  if (gtk_switch_get_active (self->step_switch) && state < CL_COMPLAINT_STATE_CLOSED)
    return self->is_new ? CL_COMPLAINT_STATE_RESOLVED : state + 1;
  return state;
}

static const char *
selected_severity (CLComplaintDialog *self)
{
  guint i = adw_combo_row_get_selected (self->severity_row);

  return i >= 1 && i <= CL_COMPLAINT_N_SEVERITIES ? cl_complaint_severity_to_string (i - 1) : NULL;
}

/* The rows the next step needs, and the promise the severity makes. */
static void
update (CLComplaintDialog *self)
{
  CLComplaintState target = target_state (self);
  gboolean closed = current_state (self) == CL_COMPLAINT_STATE_CLOSED;
  guint satisfaction = adw_combo_row_get_selected (self->satisfaction_row);
  g_autoptr(CLComplaint) probe = CL_COMPLAINT (cl_record_dup (CL_RECORD (self->complaint)));
  const char *severity = selected_severity (self);
  g_autofree char *promised = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->resolution_row), target >= CL_COMPLAINT_STATE_RESOLVED ||
                                                             current_state (self) == CL_COMPLAINT_STATE_IN_PROGRESS);
  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_row), target == CL_COMPLAINT_STATE_CLOSED);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                          target == CL_COMPLAINT_STATE_CLOSED && satisfaction == 1 + CL_COMPLAINT_UNSATISFIED);
  gtk_widget_set_visible (self->step_row, !closed);

  /* The promise is core's: from the severity's hours when it is made
   * or the severity changes, else the one already made. */
  if (severity && (self->is_new || g_strcmp0 (severity, cl_complaint_get_severity (self->complaint)) != 0))
    {
      cl_complaint_set_severity (probe, severity);
      cl_complaint_store_promise (cl_context_get_store (self->context), probe);
    }
  if (severity == NULL)
    adw_action_row_set_subtitle (self->promised_row, _("Choose the severity"));
  else
    {
      g_autofree char *time = cl_date_format_time (cl_complaint_get_promised_at (probe), CL_DATE_FULL, NULL);
      gint64 hours = (cl_complaint_get_promised_at (probe) - cl_complaint_get_opened_at (probe)) / 3600;

      /* TRANSLATORS: a complaint's promised resolution time and how many hours after it was made */
      promised = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "By %s (%d hour)", "By %s (%d hours)", hours),
                                  time, (int) hours);
      adw_action_row_set_subtitle (self->promised_row, promised);
    }
}

gboolean
cl_complaint_dialog_save (CLComplaintDialog *self)
{
  g_autoptr(CLComplaint) edited = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  CLStore *store;
  CLComplaintState target;
  guint i;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;

  g_return_val_if_fail (CL_IS_COMPLAINT_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_ERRORS, self->form_error);
  store = cl_context_get_store (self->context);
  edited = CL_COMPLAINT (cl_record_dup (CL_RECORD (self->complaint)));
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));
  cl_complaint_set_complainant_name (edited, *name ? name : NULL);
  cl_complaint_set_complainant_phone (edited, *phone ? phone : NULL);
  i = adw_combo_row_get_selected (self->department_row);
  cl_complaint_set_department_id (edited, i < self->department_ids->len ? g_ptr_array_index (self->department_ids, i) : NULL);
  cl_complaint_set_description (edited, gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  i = adw_combo_row_get_selected (self->owner_row);
  if (i < self->owner_ids->len)
    cl_complaint_set_owner_id (edited, g_ptr_array_index (self->owner_ids, i));
  if (g_strcmp0 (selected_severity (self), cl_complaint_get_severity (edited)) != 0 || self->is_new)
    {
      cl_complaint_set_severity (edited, selected_severity (self));
      cl_complaint_store_promise (store, edited);
    }
  target = target_state (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->resolution_row)))
    cl_complaint_set_resolution (edited, gtk_editable_get_text (GTK_EDITABLE (self->resolution_row)));
  if (target == CL_COMPLAINT_STATE_CLOSED && current_state (self) != CL_COMPLAINT_STATE_CLOSED)
    {
      i = adw_combo_row_get_selected (self->satisfaction_row);
      cl_complaint_set_satisfaction (edited, i >= 1 && i <= CL_COMPLAINT_N_SATISFACTIONS
                                             ? cl_complaint_satisfaction_to_string (i - 1) : NULL);
      cl_complaint_set_satisfaction_reason (edited, gtk_widget_get_visible (GTK_WIDGET (self->reason_row))
                                                    ? gtk_editable_get_text (GTK_EDITABLE (self->reason_row)) : NULL);
    }
  if (self->is_new && target != CL_COMPLAINT_STATE_OPEN)
    cl_complaint_settle_on_spot (edited, self->actor_id);
  else if (target != current_state (self))
    cl_complaint_step (edited, target, cl_context_get_now (self->context), self->actor_id);

  if (!cl_complaint_store_save (store, edited, cl_context_get_role (self->context), self->actor_id,
                                &field_errors, &error))
    {
      guint placed = field_errors ? cl_form_show_field_errors (field_errors, field_names, self->errors, N_ERRORS) : 0;

      if (field_errors == NULL || placed < g_hash_table_size (field_errors))
        cl_form_message_set (self->form_error, placed ? _("Some fields need attention before saving") : error->message);
      /* A message about a step's timestamps or state has no row: the
       * form says it. */
      if (field_errors && placed < g_hash_table_size (field_errors))
        {
          GHashTableIter iter;
          gpointer column, message;

          g_hash_table_iter_init (&iter, field_errors);
          while (g_hash_table_iter_next (&iter, &column, &message))
            if (cl_form_field_find (field_names, N_ERRORS, column) < 0)
              cl_form_message_set (self->form_error, message);
        }
      return FALSE;
    }
  cl_record_assign (CL_RECORD (self->complaint), CL_RECORD (edited));
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (self->complaint)));
  return TRUE;
}

static void
save_clicked_cb (CLComplaintDialog *self)
{
  cl_complaint_dialog_save (self);
}

static void
cl_complaint_dialog_finalize (GObject *object)
{
  CLComplaintDialog *self = CL_COMPLAINT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->complaint);
  g_clear_pointer (&self->department_ids, g_ptr_array_unref);
  g_clear_pointer (&self->owner_ids, g_ptr_array_unref);
  g_free (self->actor_id);
  G_OBJECT_CLASS (cl_complaint_dialog_parent_class)->finalize (object);
}

static void
cl_complaint_dialog_class_init (CLComplaintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_complaint_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static AdwComboRow *
combo_row_add (GtkWidget   *group,
               const char  *title,
               GtkLabel   **message)
{
  GtkWidget *row = adw_combo_row_new ();

  *message = cl_form_row_add (group, row, title);
  return ADW_COMBO_ROW (row);
}

static void
cl_complaint_dialog_init (CLComplaintDialog *self)
{
  GtkWidget *who = adw_preferences_group_new ();
  GtkWidget *what = adw_preferences_group_new ();
  GtkWidget *progress = adw_preferences_group_new ();
  GtkWidget *groups[] = { who, what, progress, NULL };
  GtkWidget *row;
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) satisfactions = gtk_string_list_new (NULL);

  self->progress_group = ADW_PREFERENCES_GROUP (progress);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (who), _("Complainant"));
  self->name_row = cl_form_entry_row_add (who, _("Name"), &self->errors[E_NAME]);
  self->phone_row = cl_form_entry_row_add (who, _("Phone"), &self->errors[E_PHONE]);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->phone_row), 30);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (what), _("Complaint"));
  self->department_row = combo_row_add (what, _("Department complained of"), &self->errors[E_DEPARTMENT]);
  cl_form_row_set_required (GTK_WIDGET (self->department_row));
  self->severity_row = combo_row_add (what, _("Severity"), &self->errors[E_SEVERITY]);
  cl_form_row_set_required (GTK_WIDGET (self->severity_row));
  gtk_string_list_append (severities, _("Choose…"));
  for (guint i = 0; i < CL_COMPLAINT_N_SEVERITIES; i++)
    gtk_string_list_append (severities, cl_complaint_severity_label (cl_complaint_severity_to_string (i)));
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));
  self->description_row = cl_form_entry_row_add (what, _("What happened"), &self->errors[E_DESCRIPTION]);
  cl_form_row_set_required (GTK_WIDGET (self->description_row));
  row = adw_action_row_new ();
  self->promised_row = ADW_ACTION_ROW (row);
  self->errors[E_PROMISED] = cl_form_row_add (what, row, _("Promised resolution"));
  self->owner_row = combo_row_add (what, _("Owner"), &self->errors[E_OWNER]);
  adw_combo_row_set_use_subtitle (self->owner_row, FALSE);

  self->step_switch = cl_form_switch_row_add (progress, "");
  self->step_row = gtk_widget_get_ancestor (GTK_WIDGET (self->step_switch), ADW_TYPE_ACTION_ROW);
  self->errors[E_ON_SPOT] = cl_form_message_attach (self->step_row);
  self->resolution_row = cl_form_entry_row_add (progress, _("Resolution"), &self->errors[E_RESOLUTION]);
  cl_form_row_set_required (GTK_WIDGET (self->resolution_row));
  self->satisfaction_row = combo_row_add (progress, _("Complainant’s satisfaction"), &self->errors[E_SATISFACTION]);
  cl_form_row_set_required (GTK_WIDGET (self->satisfaction_row));
  gtk_string_list_append (satisfactions, _("Choose…"));
  for (guint i = 0; i < CL_COMPLAINT_N_SATISFACTIONS; i++)
    gtk_string_list_append (satisfactions, cl_complaint_satisfaction_label (cl_complaint_satisfaction_to_string (i)));
  adw_combo_row_set_model (self->satisfaction_row, G_LIST_MODEL (satisfactions));
  self->reason_row = cl_form_entry_row_add (progress, _("Why unsatisfied"), &self->errors[E_REASON]);
  cl_form_row_set_required (GTK_WIDGET (self->reason_row));

  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb),
                                           &self->save_button, CL_FORM_SCROLLED, 12, groups);
  g_signal_connect_object (self->step_switch, "notify::active", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->severity_row, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->satisfaction_row, "notify::selected", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

static void
fill_departments (CLComplaintDialog *self,
                  CLStore           *store)
{
  g_autoptr(GPtrArray) departments = cl_store_departments (store, FALSE);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = cl_complaint_get_department_id (self->complaint);
  guint selected = 0;

  g_ptr_array_add (self->department_ids, NULL);
  gtk_string_list_append (names, _("Choose…"));
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *d = g_ptr_array_index (departments, i);
      const char *id = cl_record_get_id (CL_RECORD (d));

      /* One switched off is offered only to the ticket that names it. */
      if (!cl_department_get_active (d) && g_strcmp0 (id, current) != 0)
        continue;
      if (g_strcmp0 (id, current) == 0)
        selected = self->department_ids->len;
      g_ptr_array_add (self->department_ids, g_strdup (id));
      gtk_string_list_append (names, cl_department_get_display_name (d));
    }
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->department_row, selected);
}

static void
fill_owners (CLComplaintDialog *self,
             CLStore           *store)
{
  g_autoptr(GPtrArray) staff = cl_store_staff_list_all (store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *owner = cl_complaint_get_owner_id (self->complaint);
  const char *owner_name = owner;

  /* The owner first; the others at work are whom it may be handed
   * over to. */
  for (guint i = 0; i < staff->len; i++)
    if (g_strcmp0 (cl_record_get_id (g_ptr_array_index (staff, i)), owner) == 0)
      owner_name = cl_staff_get_display_name (g_ptr_array_index (staff, i));
  g_ptr_array_add (self->owner_ids, g_strdup (owner));
  gtk_string_list_append (names, owner_name ? owner_name : "");
  for (guint i = 0; i < staff->len && !self->is_new; i++)
    {
      CLStaff *person = g_ptr_array_index (staff, i);
      const char *id = cl_record_get_id (CL_RECORD (person));

      if (!cl_staff_get_active (person) || g_strcmp0 (id, owner) == 0)
        continue;
      g_ptr_array_add (self->owner_ids, g_strdup (id));
      gtk_string_list_append (names, cl_staff_get_display_name (person));
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  /* A new ticket is whoever takes it; hand it over once it is saved. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_row), !self->is_new);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

CLComplaintDialog *
cl_complaint_dialog_new (GtkWindow   *parent,
                         CLContext   *context,
                         CLComplaint *complaint,
                         CLContact   *contact)
{
  CLComplaintDialog *self;
  CLStore *store;
  CLComplaintSeverity severity;
  CLComplaintSatisfaction satisfaction;
  CLComplaintState state;
  static const char *step_titles[] = {
    N_("Start work on it now"), N_("Resolved"), N_("Close with the complainant’s answer"),
  };

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (complaint == NULL || CL_IS_COMPLAINT (complaint), NULL);

  self = g_object_new (CL_TYPE_COMPLAINT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
  self->owner_ids = g_ptr_array_new_with_free_func (g_free);
  store = cl_context_get_store (context);
  self->actor_id = cl_desk_store_actor_id (store, cl_context_get_username (context));
  /* A complaint not yet stored is a new ticket drafted elsewhere (an
   * opinion-log entry's), shown as new. */
  if (complaint == NULL)
    self->is_new = TRUE;
  else
    {
      g_autoptr(CLRecord) stored = cl_store_load_record (store, CL_TYPE_COMPLAINT,
                                                         cl_record_get_id (CL_RECORD (complaint)), NULL);

      self->is_new = stored == NULL;
    }
  if (complaint)
    self->complaint = CL_COMPLAINT (cl_record_dup (CL_RECORD (complaint)));
  else if (contact)
    self->complaint = cl_complaint_new_from_contact (contact, cl_context_get_now (context), self->actor_id);
  else
    self->complaint = cl_complaint_new (cl_context_get_now (context), self->actor_id);

  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Complaint") : _("Complaint"));
  set_text (self->name_row, cl_complaint_get_complainant_name (self->complaint));
  set_text (self->phone_row, cl_complaint_get_complainant_phone (self->complaint));
  set_text (self->description_row, cl_complaint_get_description (self->complaint));
  set_text (self->resolution_row, cl_complaint_get_resolution (self->complaint));
  set_text (self->reason_row, cl_complaint_get_satisfaction_reason (self->complaint));
  if (cl_complaint_severity_from_string (cl_complaint_get_severity (self->complaint), &severity))
    adw_combo_row_set_selected (self->severity_row, severity + 1);
  if (cl_complaint_satisfaction_from_string (cl_complaint_get_satisfaction (self->complaint), &satisfaction))
    adw_combo_row_set_selected (self->satisfaction_row, satisfaction + 1);
  fill_departments (self, store);
  fill_owners (self, store);

  state = current_state (self);
  {
    g_autofree char *title = g_strdup_printf (_("State: %s"), cl_complaint_state_label (cl_complaint_get_state (self->complaint)));

    adw_preferences_group_set_title (self->progress_group, title);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->step_row),
                                 self->is_new ? _("Settled on the spot")
                                 : state < CL_COMPLAINT_STATE_CLOSED ? _(step_titles[state]) : "");
  if (self->is_new)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->step_row),
                                 _("Resolved as it is recorded; say how below"));
  else
    {
      GtkWidget *body = gtk_widget_get_parent (GTK_WIDGET (self->progress_group));

      /* A ticket under way opens on where it stands and its next step,
       * the rest below. */
      if (GTK_IS_BOX (body))
        gtk_box_reorder_child_after (GTK_BOX (body), GTK_WIDGET (self->progress_group), NULL);
    }
  if (state == CL_COMPLAINT_STATE_CLOSED)
    {
      /* History: shown, not edited. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->phone_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->department_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->severity_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->description_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->owner_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->resolution_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->satisfaction_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row), FALSE);
      gtk_widget_set_sensitive (self->save_button, FALSE);
    }
  update (self);
  if (state == CL_COMPLAINT_STATE_CLOSED)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->resolution_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                              !cl_str_empty (cl_complaint_get_satisfaction_reason (self->complaint)));
    }
  /* A new one starts with who complains (or, from a contact, what
   * about); one under way with its next step, scrolled to. */
  if (self->is_new)
    gtk_widget_grab_focus (contact == NULL ? GTK_WIDGET (self->name_row) : GTK_WIDGET (self->department_row));
  else if (state < CL_COMPLAINT_STATE_CLOSED)
    gtk_widget_grab_focus (GTK_WIDGET (self->step_switch));
  return self;
}

GtkWidget *
cl_complaint_dialog_get_widget (CLComplaintDialog *self,
                                const char        *field)
{
  const struct { const char *name; gpointer widget; } widgets[] = {
    { "complainant_name", self->name_row }, { "complainant_phone", self->phone_row },
    { "department_id", self->department_row }, { "severity", self->severity_row },
    { "description", self->description_row }, { "owner_id", self->owner_row },
    { "promised_at", self->promised_row }, { "step", self->step_switch },
    { "resolution", self->resolution_row }, { "satisfaction", self->satisfaction_row },
    { "satisfaction_reason", self->reason_row }, { "save", self->save_button },
  };

  g_return_val_if_fail (CL_IS_COMPLAINT_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, field))
      return GTK_WIDGET (widgets[i].widget);
  return NULL;
}

const char *
cl_complaint_dialog_get_error (CLComplaintDialog *self,
                               const char        *field)
{
  g_return_val_if_fail (CL_IS_COMPLAINT_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_ERRORS, self->form_error, field);
}
