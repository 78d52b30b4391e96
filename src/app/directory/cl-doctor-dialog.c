#define G_LOG_DOMAIN "cl-doctor-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-directory-store.h"
#include "cl-directory-text.h"
#include "cl-doctor-dialog.h"
#include "cl-form-message.h"
#include "cl-schedule-form.h"
#include "cl-store-directory.h"

enum { F_NAME, F_TITLE, F_DEPARTMENT, F_SPECIALTY, F_WEEKDAY, F_HALF_DAY, F_ROOM, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "name", "title", "department_id", "specialty", "weekday", "half_day", "room",
};

static const char * const weekdays[] = { "1", "2", "3", "4", "5", "6", "7", NULL };

struct _CLDoctorDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *name;
  AdwComboRow *title;
  AdwComboRow *department;
  AdwEntryRow *specialty;
  GtkSwitch   *active;
  GtkListBox  *sessions_list;
  AdwComboRow *weekday;
  AdwComboRow *half_day;
  AdwEntryRow *room;
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLStore     *store;
  CLContext   *context;
  CLDoctor    *doctor;     /* the one edited (a copy), or a new one */
  gboolean     is_new;
  GPtrArray   *sessions;   /* CLDoctorSession, as listed: stored, or added here */
  GPtrArray   *removed;    /* CLDoctorSession stored and removed here */
  GPtrArray   *dept_ids;   /* parallel to the department combo */
};

G_DEFINE_FINAL_TYPE (CLDoctorDialog, cl_doctor_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void remove_clicked_cb (GtkButton *button, CLDoctorDialog *self);

static void
fill_sessions (CLDoctorDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_list))))
    gtk_list_box_remove (self->sessions_list, child);
  for (guint i = 0; i < self->sessions->len; i++)
    {
      g_autofree char *label = cl_directory_session_label (g_ptr_array_index (self->sessions, i));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this session"));
      g_object_set_data (G_OBJECT (remove), "session", g_ptr_array_index (self->sessions, i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->sessions_list, row);
    }
  if (self->sessions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No weekly session yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->sessions_list, row);
    }
}

static void
remove_clicked_cb (GtkButton      *button,
                   CLDoctorDialog *self)
{
  CLDoctorSession *session = g_object_get_data (G_OBJECT (button), "session");

  if (cl_record_get_rev (CL_RECORD (session)) > 0 || cl_record_get_updated_at (CL_RECORD (session)) > 0)
    g_ptr_array_add (self->removed, g_object_ref (session));
  g_ptr_array_remove (self->sessions, session);
  fill_sessions (self);
}

gboolean
cl_doctor_dialog_add_session (CLDoctorDialog *self)
{
  g_autoptr(CLDoctorSession) session = cl_doctor_session_new ();
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *room = NULL;
  const char *weekday;

  g_return_val_if_fail (CL_IS_DOCTOR_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  weekday = cl_schedule_form_combo_get (self->weekday);
  room = cl_schedule_form_text (self->room);
  cl_doctor_session_set_doctor_id (session, cl_record_get_id (CL_RECORD (self->doctor)));
  cl_doctor_session_set_weekday (session, weekday ? atoi (weekday) : 0);
  cl_doctor_session_set_half_day (session, cl_schedule_form_combo_get (self->half_day));
  cl_doctor_session_set_room (session, room);
  errors = cl_doctor_session_validate (session);
  if (cl_form_show_field_errors (errors, field_names, self->errors, N_FIELDS) > 0)
    return FALSE;
  g_ptr_array_add (self->sessions, g_steal_pointer (&session));
  gtk_editable_set_text (GTK_EDITABLE (self->room), "");
  fill_sessions (self);
  return TRUE;
}

static void
add_clicked_cb (CLDoctorDialog *self)
{
  cl_doctor_dialog_add_session (self);
}

gboolean
cl_doctor_dialog_save (CLDoctorDialog *self)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *specialty = NULL;
  const char *role;
  guint dept;

  g_return_val_if_fail (CL_IS_DOCTOR_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  role = cl_context_get_role (self->context);
  name = cl_schedule_form_text (self->name);
  specialty = cl_schedule_form_text (self->specialty);
  dept = adw_combo_row_get_selected (self->department);
  cl_doctor_set_name (self->doctor, name);
  cl_doctor_set_title (self->doctor, cl_schedule_form_combo_get (self->title));
  cl_doctor_set_department_id (self->doctor, dept < self->dept_ids->len ? g_ptr_array_index (self->dept_ids, dept) : NULL);
  cl_doctor_set_specialty (self->doctor, specialty);
  cl_doctor_set_active (self->doctor, gtk_switch_get_active (self->active));
  if (!cl_directory_store_save_doctor (self->store, self->doctor, role, &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  /* The doctor is in the directory now; the sessions follow, each a
   * record of its own. */
  for (guint i = 0; i < self->sessions->len; i++)
    {
      CLDoctorSession *session = g_ptr_array_index (self->sessions, i);

      if (cl_record_get_updated_at (CL_RECORD (session)) > 0)
        continue;
      if (!cl_directory_store_save_session (self->store, session, role, NULL, &error))
        {
          cl_form_message_set (self->form_error, error->message);
          return FALSE;
        }
    }
  for (guint i = 0; i < self->removed->len; i++)
    {
      CLDoctorSession *session = g_ptr_array_index (self->removed, i);

      cl_record_set_deleted (CL_RECORD (session), TRUE);
      if (!cl_directory_store_save_session (self->store, session, role, NULL, &error))
        {
          cl_form_message_set (self->form_error, error->message);
          return FALSE;
        }
    }
  g_ptr_array_set_size (self->removed, 0);

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (self->doctor)));
  return TRUE;
}

static void
save_clicked_cb (CLDoctorDialog *self)
{
  cl_doctor_dialog_save (self);
}

static void
cl_doctor_dialog_finalize (GObject *object)
{
  CLDoctorDialog *self = CL_DOCTOR_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->doctor);
  g_clear_object (&self->context);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->dept_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_doctor_dialog_parent_class)->finalize (object);
}

static void
cl_doctor_dialog_class_init (CLDoctorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_doctor_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_doctor_dialog_init (CLDoctorDialog *self)
{
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed = g_ptr_array_new_with_free_func (g_object_unref);
  self->dept_ids = g_ptr_array_new_with_free_func (g_free);
}

static const char *
weekday_label (const char *code)
{
  return cl_doctor_session_weekday_label (atoi (code));
}

CLDoctorDialog *
cl_doctor_dialog_new (GtkWindow *parent,
                      CLContext *context,
                      CLDoctor  *doctor)
{
  CLDoctorDialog *self;
  GtkWidget *groups[4] = { adw_preferences_group_new (), adw_preferences_group_new (),
                           adw_preferences_group_new (), NULL };
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GtkStringList) department_names = NULL;
  GtkWidget *add;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_DOCTOR_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->is_new = doctor == NULL;
  self->doctor = doctor ? CL_DOCTOR (cl_record_dup (CL_RECORD (doctor))) : cl_doctor_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);

  departments = cl_store_departments (self->store, TRUE);
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);

      g_ptr_array_add (self->dept_ids, g_strdup (cl_record_get_id (CL_RECORD (department))));
      g_ptr_array_add (names, (gpointer) cl_department_get_display_name (department));
    }
  g_ptr_array_add (names, NULL);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[0]), cl_form_required_note ());
  self->name = cl_form_entry_row_add (groups[0], _("Name"), &self->errors[F_NAME]);
  cl_form_row_set_required (GTK_WIDGET (self->name));
  self->title = cl_schedule_form_combo (ADW_PREFERENCES_GROUP (groups[0]), _("Professional title"), cl_doctor_titles (), NULL,
                                        cl_doctor_title_label, NULL, &self->errors[F_TITLE]);
  cl_form_row_set_required (GTK_WIDGET (self->title));
  department_names = gtk_string_list_new ((const char * const *) names->pdata);
  self->department = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_combo_row_set_model (self->department, G_LIST_MODEL (department_names));
  self->errors[F_DEPARTMENT] = cl_form_row_add (groups[0], GTK_WIDGET (self->department), _("Department"));
  cl_form_row_set_required (GTK_WIDGET (self->department));
  self->specialty = cl_form_entry_row_add (groups[0], _("Specialty"), &self->errors[F_SPECIALTY]);
  self->active = cl_form_switch_row_add (groups[0], _("Sees patients"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[1]), _("Weekly Sessions"));
  self->sessions_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->sessions_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->sessions_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sessions_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Weekly sessions"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[1]), GTK_WIDGET (self->sessions_list));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[2]), _("New Session"));
  self->weekday = cl_schedule_form_combo (ADW_PREFERENCES_GROUP (groups[2]), _("Day of the week"), weekdays, NULL,
                                          weekday_label, NULL, &self->errors[F_WEEKDAY]);
  self->half_day = cl_schedule_form_combo (ADW_PREFERENCES_GROUP (groups[2]), _("Half of the day"),
                                           cl_doctor_session_half_days (), NULL,
                                           cl_doctor_session_half_day_label, NULL, &self->errors[F_HALF_DAY]);
  self->room = cl_form_entry_row_add (groups[2], _("Room"), &self->errors[F_ROOM]);
  add = gtk_button_new_with_mnemonic (_("_Add Session"));
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add, 6);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[2]), add);

  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_SCROLLED, 18, groups);
  gtk_window_set_title (GTK_WINDOW (self), doctor ? _("Edit Doctor") : _("New Doctor"));

  if (doctor)
    {
      g_autoptr(GPtrArray) stored = cl_store_doctor_sessions (self->store, cl_record_get_id (CL_RECORD (doctor)));
      guint dept;

      gtk_editable_set_text (GTK_EDITABLE (self->name), cl_doctor_get_name (doctor) ? cl_doctor_get_name (doctor) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->specialty),
                             cl_doctor_get_specialty (doctor) ? cl_doctor_get_specialty (doctor) : "");
      cl_schedule_form_combo_set (self->title, cl_doctor_get_title (doctor));
      if (g_ptr_array_find_with_equal_func (self->dept_ids, cl_doctor_get_department_id (doctor), g_str_equal, &dept))
        adw_combo_row_set_selected (self->department, dept);
      for (guint i = 0; i < stored->len; i++)
        g_ptr_array_add (self->sessions, g_object_ref (g_ptr_array_index (stored, i)));
    }
  gtk_switch_set_active (self->active, doctor ? cl_doctor_get_active (doctor) : TRUE);
  fill_sessions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name));
  return self;
}

guint
cl_doctor_dialog_get_n_sessions (CLDoctorDialog *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_DIALOG (self), 0);
  return self->sessions->len;
}

GtkWidget *
cl_doctor_dialog_get_field (CLDoctorDialog *self,
                            const char     *field)
{
  const struct { const char *name; gpointer widget; } fields[] = {
    { "name", self->name }, { "title", self->title }, { "department_id", self->department },
    { "specialty", self->specialty }, { "weekday", self->weekday }, { "half_day", self->half_day },
    { "room", self->room }, { "active", self->active },
  };

  g_return_val_if_fail (CL_IS_DOCTOR_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, field) == 0)
      return GTK_WIDGET (fields[i].widget);
  return NULL;
}

const char *
cl_doctor_dialog_get_error (CLDoctorDialog *self,
                            const char     *field)
{
  g_return_val_if_fail (CL_IS_DOCTOR_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
