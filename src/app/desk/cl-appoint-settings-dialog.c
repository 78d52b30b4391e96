#define G_LOG_DOMAIN "cl-appoint-settings-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-appoint-settings-dialog.h"
#include "cl-appoint-store.h"
#include "cl-form-message.h"
#include "cl-store-appoint.h"
#include "cl-store-directory.h"

struct _CLAppointSettingsDialog
{
  AdwWindow parent_instance;

  GtkWidget   *places_group;
  GtkWidget   *hospitals_group;
  GtkDropDown *department_dropdown;
  GtkDropDown *slot_dropdown;
  GtkDropDown *weekday_dropdown;
  GtkSpinButton *places_spin;
  GtkEntry    *hospital_entry;
  GtkLabel    *message;
  GPtrArray   *shown;            /* the rows added to the groups */

  CLContext   *context;
  GPtrArray   *department_ids;
  GHashTable  *department_names;
};

G_DEFINE_FINAL_TYPE (CLAppointSettingsDialog, cl_appoint_settings_dialog, ADW_TYPE_WINDOW)

static void reload (CLAppointSettingsDialog *self);

static CLStore *
store_of (CLAppointSettingsDialog *self)
{
  return cl_context_get_store (self->context);
}

static gboolean
report (CLAppointSettingsDialog *self,
        gboolean                 ok,
        GError                  *error)
{
  cl_form_message_set (self->message, ok ? NULL : error->message);
  if (ok)
    reload (self);
  return ok;
}

static void
remove_capacity_cb (GtkButton               *button,
                    CLAppointSettingsDialog *self)
{
  CLSlotCapacity *capacity = g_object_get_data (G_OBJECT (button), "capacity");
  g_autoptr(CLRecord) copy = cl_record_dup (CL_RECORD (capacity));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* Removed, a slot takes any number of bookings again. */
  cl_record_set_deleted (copy, TRUE);
  ok = cl_appoint_store_save_capacity (store_of (self), CL_SLOT_CAPACITY (copy),
                                       cl_context_get_role (self->context), NULL, &error);
  report (self, ok, error);
}

static void
hospital_active_cb (GtkSwitch               *on,
                    GParamSpec              *pspec,
                    CLAppointSettingsDialog *self)
{
  CLReferringHospital *hospital = g_object_get_data (G_OBJECT (on), "hospital");
  g_autoptr(CLRecord) copy = cl_record_dup (CL_RECORD (hospital));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (gtk_switch_get_active (on) == cl_referring_hospital_get_active (hospital))
    return;
  cl_referring_hospital_set_active (CL_REFERRING_HOSPITAL (copy), gtk_switch_get_active (on));
  ok = cl_appoint_store_save_hospital (store_of (self), CL_REFERRING_HOSPITAL (copy),
                                       cl_context_get_role (self->context), NULL, &error);
  report (self, ok, error);
}

static void
reload (CLAppointSettingsDialog *self)
{
  g_autoptr(GPtrArray) capacities = cl_store_slot_capacities (store_of (self));
  g_autoptr(GPtrArray) hospitals = cl_store_referring_hospitals (store_of (self), FALSE);

  for (guint i = 0; i < self->shown->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->shown, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->shown, 0);

  for (guint i = 0; i < capacities->len; i++)
    {
      CLSlotCapacity *capacity = g_ptr_array_index (capacities, i);
      const char *name = g_hash_table_lookup (self->department_names, cl_slot_capacity_get_department_id (capacity));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = g_strdup_printf ("%s · %s", name ? name : "",
                                                cl_appointment_slot_label (cl_slot_capacity_get_slot (capacity)));
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d place", "%s: %d places",
                                                                cl_slot_capacity_get_places (capacity)),
                                                   cl_slot_capacity_weekday_label (cl_slot_capacity_get_weekday (capacity)),
                                                   cl_slot_capacity_get_places (capacity));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove: no limit for this slot"));
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "capacity", g_object_ref (capacity), g_object_unref);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_capacity_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->places_group), row);
      g_ptr_array_add (self->shown, row);
    }
  for (guint i = 0; i < hospitals->len; i++)
    {
      CLReferringHospital *hospital = g_ptr_array_index (hospitals, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *on = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_referring_hospital_get_name (hospital));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_switch_set_active (GTK_SWITCH (on), cl_referring_hospital_get_active (hospital));
      gtk_widget_set_valign (on, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (on, _("Still referring"));
      g_object_set_data_full (G_OBJECT (on), "hospital", g_object_ref (hospital), g_object_unref);
      g_signal_connect (on, "notify::active", G_CALLBACK (hospital_active_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), on);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->hospitals_group), row);
      g_ptr_array_add (self->shown, row);
    }
}

gboolean
cl_appoint_settings_dialog_set_places (CLAppointSettingsDialog *self,
                                       guint                    department,
                                       guint                    slot,
                                       gint                     weekday,
                                       gint                     places)
{
  g_autoptr(GPtrArray) capacities = NULL;
  g_autoptr(CLSlotCapacity) capacity = NULL;
  g_autoptr(GError) error = NULL;
  const char *department_id;
  const char *slot_word;
  gboolean ok;

  g_return_val_if_fail (CL_IS_APPOINT_SETTINGS_DIALOG (self), FALSE);

  department_id = department < self->department_ids->len ? g_ptr_array_index (self->department_ids, department) : NULL;
  slot_word = slot < 2 ? cl_appointment_slots ()[slot] : NULL;
  /* The number for that department, slot and day is changed where it
   * is set already. */
  capacities = cl_store_slot_capacities (store_of (self));
  for (guint i = 0; i < capacities->len && capacity == NULL; i++)
    {
      CLSlotCapacity *one = g_ptr_array_index (capacities, i);

      if (g_strcmp0 (cl_slot_capacity_get_department_id (one), department_id) == 0 &&
          g_strcmp0 (cl_slot_capacity_get_slot (one), slot_word) == 0 &&
          cl_slot_capacity_get_weekday (one) == weekday)
        capacity = g_object_ref (one);
    }
  if (capacity == NULL)
    capacity = cl_slot_capacity_new ();
  cl_slot_capacity_set_department_id (capacity, department_id);
  cl_slot_capacity_set_slot (capacity, slot_word);
  cl_slot_capacity_set_weekday (capacity, weekday);
  cl_slot_capacity_set_places (capacity, places);
  ok = cl_appoint_store_save_capacity (store_of (self), capacity, cl_context_get_role (self->context), NULL, &error);
  return report (self, ok, error);
}

static void
set_places_clicked_cb (CLAppointSettingsDialog *self)
{
  cl_appoint_settings_dialog_set_places (self, gtk_drop_down_get_selected (self->department_dropdown),
                                         gtk_drop_down_get_selected (self->slot_dropdown),
                                         gtk_drop_down_get_selected (self->weekday_dropdown),
                                         gtk_spin_button_get_value_as_int (self->places_spin));
}

gboolean
cl_appoint_settings_dialog_add_hospital (CLAppointSettingsDialog *self,
                                         const char              *name)
{
  g_autoptr(CLReferringHospital) hospital = cl_referring_hospital_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (CL_IS_APPOINT_SETTINGS_DIALOG (self), FALSE);

  cl_referring_hospital_set_name (hospital, name);
  ok = cl_appoint_store_save_hospital (store_of (self), hospital, cl_context_get_role (self->context), NULL, &error);
  if (!report (self, ok, error))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->hospital_entry), "");
  return TRUE;
}

static void
add_hospital_cb (CLAppointSettingsDialog *self)
{
  cl_appoint_settings_dialog_add_hospital (self, gtk_editable_get_text (GTK_EDITABLE (self->hospital_entry)));
}

const char *
cl_appoint_settings_dialog_get_message (CLAppointSettingsDialog *self)
{
  g_return_val_if_fail (CL_IS_APPOINT_SETTINGS_DIALOG (self), NULL);
  return cl_form_message_get (self->message);
}

static void
cl_appoint_settings_dialog_finalize (GObject *object)
{
  CLAppointSettingsDialog *self = CL_APPOINT_SETTINGS_DIALOG (object);

  g_clear_object (&self->context);
  g_ptr_array_unref (self->department_ids);
  g_hash_table_unref (self->department_names);
  g_ptr_array_unref (self->shown);
  G_OBJECT_CLASS (cl_appoint_settings_dialog_parent_class)->finalize (object);
}

static void
cl_appoint_settings_dialog_class_init (CLAppointSettingsDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_appoint_settings_dialog_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_appoint_settings_dialog_init (CLAppointSettingsDialog *self)
{
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
  self->department_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->shown = g_ptr_array_new ();
}

GtkWidget *
cl_appoint_settings_dialog_new (GtkWindow *parent,
                                CLContext *context)
{
  CLAppointSettingsDialog *self;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) slots = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) days = gtk_string_list_new (NULL);
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box, *scrolled, *add_box, *set_button, *add_button, *hospital_box;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_APPOINT_SETTINGS_DIALOG, "transient-for", parent, "modal", TRUE,
                       "title", _("Places and Referring Hospitals"), "default-width", 640, "default-height", 600,
                       NULL);
  self->context = g_object_ref (context);
  departments = cl_store_departments (cl_context_get_store (context), TRUE);
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);

      g_ptr_array_add (self->department_ids, g_strdup (cl_record_get_id (CL_RECORD (department))));
      g_hash_table_insert (self->department_names, g_strdup (cl_record_get_id (CL_RECORD (department))),
                           g_strdup (cl_department_get_display_name (department)));
      gtk_string_list_append (names, cl_department_get_display_name (department));
    }
  for (guint i = 0; cl_appointment_slots ()[i]; i++)
    gtk_string_list_append (slots, cl_appointment_slot_name (cl_appointment_slots ()[i]));
  for (gint i = 0; i <= 7; i++)
    gtk_string_list_append (days, cl_slot_capacity_weekday_label (i));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  self->places_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->places_group), _("Places per Slot"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->places_group),
                                         _("How many appointments a department takes in the morning (08:00–12:00) "
                                           "or the afternoon (14:00–17:30). A weekday’s number overrides the "
                                           "every-day one. A slot without a number takes any number of bookings. "
                                           "Past the number, the desk gives a reason; a community referral needs none."));
  add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->department_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  self->slot_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (slots)), NULL));
  self->weekday_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (days)), NULL));
  self->places_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, CL_SLOT_CAPACITY_MAX, 1));
  gtk_spin_button_set_value (self->places_spin, 20);
  set_button = gtk_button_new_with_mnemonic (_("_Set"));
  g_signal_connect_swapped (set_button, "clicked", G_CALLBACK (set_places_clicked_cb), self);
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (self->department_dropdown));
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (self->slot_dropdown));
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (self->weekday_dropdown));
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (self->places_spin));
  gtk_box_append (GTK_BOX (add_box), set_button);
  gtk_box_append (GTK_BOX (box), self->places_group);
  gtk_box_append (GTK_BOX (box), add_box);

  self->hospitals_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->hospitals_group), _("Referring Hospitals"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->hospitals_group),
                                         _("The community hospitals the desk receives referrals from. One that no "
                                           "longer refers is switched off; its referrals stay."));
  hospital_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->hospital_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->hospital_entry, _("Hospital name"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->hospital_entry), TRUE);
  add_button = gtk_button_new_with_mnemonic (_("_Add"));
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (add_hospital_cb), self);
  g_signal_connect_swapped (self->hospital_entry, "activate", G_CALLBACK (add_hospital_cb), self);
  gtk_box_append (GTK_BOX (hospital_box), GTK_WIDGET (self->hospital_entry));
  gtk_box_append (GTK_BOX (hospital_box), add_button);
  gtk_box_append (GTK_BOX (box), self->hospitals_group);
  gtk_box_append (GTK_BOX (box), hospital_box);

  self->message = GTK_LABEL (cl_form_message_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (view), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (view), scrolled);
  adw_window_set_content (ADW_WINDOW (self), view);
  reload (self);
  return GTK_WIDGET (self);
}
