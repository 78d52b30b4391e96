#define G_LOG_DOMAIN "cl-appointments-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-appoint-settings-dialog.h"
#include "cl-appoint-store.h"
#include "cl-appointment-dialog.h"
#include "cl-appointments-page.h"
#include "cl-date-nav.h"
#include "cl-date.h"
#include "cl-desk-store.h"
#include "cl-patient.h"
#include "cl-store-directory.h"

struct _CLAppointmentsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  CLDateNav     *date_nav;
  GtkDropDown   *department_dropdown;
  GtkWidget     *settings_button;
  GtkWidget     *book_button;
  GtkGrid       *places_grid;
  GtkStack      *list_stack;
  GtkListBox    *list;

  /* owned */
  CLContext     *context;
  CLStore       *store;
  GPtrArray     *department_ids;   /* parallel to the dropdown after "All" */
  GHashTable    *department_names; /* id → name */
  GPtrArray     *rows;             /* CLAppointmentRow shown */
  GHashTable    *places;           /* department id → places line */
  char          *message;
};

G_DEFINE_FINAL_TYPE (CLAppointmentsPage, cl_appointments_page, GTK_TYPE_WIDGET)

static char *
shown_date (CLAppointmentsPage *self)
{
  return cl_date_to_iso (cl_date_nav_get_date (self->date_nav));
}

static const char *
shown_department (CLAppointmentsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->department_dropdown);

  return i >= 1 && i - 1 < self->department_ids->len ? g_ptr_array_index (self->department_ids, i - 1) : NULL;
}

/* "Morning 3/10, 7 left", "Afternoon 2, no limit" */
static char *
format_places (guint used,
               gint  places,
               const char *slot)
{
  if (places < 0)
    /* TRANSLATORS: slot, how many booked; no capacity is set */
    return g_strdup_printf (_("%s %u, no limit"), cl_appointment_slot_name (slot), used);
  if ((gint) used >= places)
    /* TRANSLATORS: slot, booked / places */
    return g_strdup_printf (_("%s %u/%d, full"), cl_appointment_slot_name (slot), used, places);
  /* TRANSLATORS: slot, booked / places, places left */
  return g_strdup_printf (_("%s %u/%d, %d left"), cl_appointment_slot_name (slot), used, places, places - (gint) used);
}

static void
fill_places (CLAppointmentsPage *self)
{
  g_autofree char *date = shown_date (self);
  const char *only = shown_department (self);
  GtkWidget *child;
  guint line = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->places_grid))))
    gtk_grid_remove (self->places_grid, child);
  g_hash_table_remove_all (self->places);
  for (guint i = 0; i < self->department_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->department_ids, i);
      GtkWidget *name;
      g_autoptr(GString) all = g_string_new (NULL);
      const char * const *slots = cl_appointment_slots ();

      if (only && g_strcmp0 (only, id) != 0)
        continue;
      name = gtk_label_new (g_hash_table_lookup (self->department_names, id));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (self->places_grid, name, 0, line, 1, 1);
      for (guint s = 0; slots[s]; s++)
        {
          g_autofree char *text = NULL;
          GtkWidget *label;
          guint used;
          gint places;

          cl_appoint_store_slot_usage (self->store, id, date, slots[s], &used, &places);
          text = format_places (used, places, slots[s]);
          label = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "numeric");
          if (places >= 0 && (gint) used >= places)
            gtk_widget_add_css_class (label, "warning");
          else
            gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (self->places_grid, label, 1 + s, line, 1, 1);
          g_string_append_printf (all, "%s%s", all->len ? " · " : "", text);
        }
      g_hash_table_insert (self->places, g_strdup (id), g_string_free (g_steal_pointer (&all), FALSE));
      line++;
    }
}

static void set_state_clicked_cb (GtkButton *button, CLAppointmentsPage *self);

static GtkWidget *
state_button (CLAppointmentsPage *self,
              const char         *label,
              const char         *state,
              guint               index)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "state", (gpointer) state);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (set_state_clicked_cb), self);
  return button;
}

static GtkWidget *
make_row (CLAppointmentsPage *self,
          CLAppointmentRow   *line,
          guint               index)
{
  CLAppointment *appointment = line->appointment;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *state = cl_appointment_get_state (appointment);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->patient_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_string_append_printf (subtitle, "%s · %s · %s",
                          cl_appointment_slot_name (cl_appointment_get_slot (appointment)),
                          cl_appointment_kind_label (cl_appointment_get_kind (appointment)),
                          cl_appointment_source_label (cl_appointment_get_source (appointment)));
  if (shown_department (self) == NULL)
    g_string_append_printf (subtitle, " · %s",
                            (const char *) g_hash_table_lookup (self->department_names,
                                                                cl_appointment_get_department_id (appointment)) ?: "");
  if (cl_appointment_get_overbook_reason (appointment))
    g_string_append_printf (subtitle, " · %s %s", _("Over capacity:"), cl_appointment_get_overbook_reason (appointment));
  if (cl_appointment_get_cancel_reason (appointment))
    g_string_append_printf (subtitle, " · %s %s", _("Cancelled because:"), cl_appointment_get_cancel_reason (appointment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  /* Why she is first: referred, then her priority badge. */
  if (cl_appointment_is_referral (appointment))
    {
      GtkWidget *tag = gtk_label_new (_("Referral"));

      gtk_widget_add_css_class (tag, "priority-badge");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag);
    }
  if (*line->flags)
    {
      g_auto(GStrv) codes = g_strsplit (line->flags, ",", 2);
      g_autofree char *all = cl_patient_flags_describe (line->flags);
      GtkWidget *badge = gtk_label_new (cl_patient_priority_label (codes[0]));

      gtk_widget_add_css_class (badge, "priority-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, all);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
    }

  if (g_strcmp0 (state, CL_APPOINTMENT_BOOKED) == 0)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_button (self, _("Arrived"), CL_APPOINTMENT_ARRIVED, index));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_button (self, _("No-show"), CL_APPOINTMENT_NO_SHOW, index));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_button (self, _("Cancel…"), CL_APPOINTMENT_CANCELLED, index));
    }
  else
    {
      GtkWidget *label = gtk_label_new (cl_appointment_state_label (state));

      gtk_widget_add_css_class (label, g_strcmp0 (state, CL_APPOINTMENT_ARRIVED) == 0 ? "success" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
reload (CLAppointmentsPage *self)
{
  g_autofree char *date = NULL;
  GtkWidget *child;
  GDate today;

  if (self->store == NULL)
    return;
  date = shown_date (self);
  cl_context_get_today (self->context, &today);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = cl_appoint_store_day (self->store, date, shown_department (self), &today);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (self->rows, i), i));
  gtk_stack_set_visible_child_name (self->list_stack, self->rows->len ? "list" : "empty");
  fill_places (self);
  gtk_widget_set_visible (self->settings_button, cl_context_may (self->context, CL_WRITE, "slot_capacity"));
  gtk_widget_set_sensitive (self->book_button, cl_context_may (self->context, CL_WRITE, "appointment"));
}

static void
fill_departments (CLAppointmentsPage *self)
{
  g_autoptr(GPtrArray) departments = cl_store_departments (self->store, TRUE);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *kept = g_strdup (shown_department (self));
  guint selected = 0;

  g_ptr_array_set_size (self->department_ids, 0);
  g_hash_table_remove_all (self->department_names);
  gtk_string_list_append (names, _("All departments"));
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);
      const char *id = cl_record_get_id (CL_RECORD (department));

      g_ptr_array_add (self->department_ids, g_strdup (id));
      g_hash_table_insert (self->department_names, g_strdup (id), g_strdup (cl_department_get_display_name (department)));
      gtk_string_list_append (names, cl_department_get_display_name (department));
      if (g_strcmp0 (id, kept) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->department_dropdown, selected);
}

static void
departments_changed_cb (CLAppointmentsPage *self)
{
  fill_departments (self);
  reload (self);
}

gboolean
cl_appointments_page_set_state (CLAppointmentsPage *self,
                                guint               index,
                                const char         *state,
                                const char         *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(CLAppointment) appointment = NULL;
  g_autofree char *actor = NULL;
  CLAppointmentRow *row;

  g_return_val_if_fail (CL_IS_APPOINTMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (self->rows && index < self->rows->len, FALSE);

  row = g_ptr_array_index (self->rows, index);
  appointment = g_object_ref (row->appointment);
  actor = cl_desk_store_actor_id (self->store, cl_context_get_username (self->context));
  g_clear_pointer (&self->message, g_free);
  if (!cl_appoint_store_set_state (self->store, appointment, state, reason, cl_context_get_role (self->context),
                                   actor, &field_errors, &error))
    {
      GtkWidget *toast_root = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      self->message = g_strdup (error->message);
      if (toast_root)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (toast_root), adw_toast_new (error->message));
      return FALSE;
    }
  return TRUE;
}

static void
cancel_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    CLAppointmentsPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));

  if (g_strcmp0 (response, "cancel-booking") == 0)
    cl_appointments_page_set_state (self, index, CL_APPOINTMENT_CANCELLED, gtk_editable_get_text (entry));
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  /* A cancellation says why: the button waits for a reason. */
  adw_message_dialog_set_response_enabled (dialog, "cancel-booking", *reason != '\0');
}

static void
set_state_clicked_cb (GtkButton          *button,
                      CLAppointmentsPage *self)
{
  const char *state = g_object_get_data (G_OBJECT (button), "state");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (g_strcmp0 (state, CL_APPOINTMENT_CANCELLED) != 0)
    {
      cl_appointments_page_set_state (self, index, state, NULL);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Cancel Appointment?"),
                                                       _("The place is given back. Say why it is cancelled.")));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), C_("cancel appointment", "Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep"), "cancel-booking", _("_Cancel Appointment"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-booking", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "cancel-booking", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel-booking");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
book_clicked_cb (CLAppointmentsPage *self)
{
  g_autofree char *date = shown_date (self);
  CLAppointmentDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cl_appointment_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                      date, shown_department (self), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
settings_clicked_cb (CLAppointmentsPage *self)
{
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = cl_appoint_settings_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
context_changed_cb (CLAppointmentsPage *self)
{
  CLStore *store = self->context ? cl_context_get_store (self->context) : NULL;

  if (store != self->store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store)
        {
          g_signal_connect_object (store, "changed::appointment", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (store, "changed::slot_capacity", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (store, "changed::patient", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (store, "changed::department", G_CALLBACK (departments_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  if (self->store)
    departments_changed_cb (self);
}

void
cl_appointments_page_set_context (CLAppointmentsPage *self,
                                  CLContext          *context)
{
  g_return_if_fail (CL_IS_APPOINTMENTS_PAGE (self));

  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context)
    {
      GDate today;

      cl_context_get_today (context, &today);
      cl_date_nav_set_date (self->date_nav, &today);
      g_signal_connect_object (context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::role", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
    }
  context_changed_cb (self);
}

static void
cl_appointments_page_dispose (GObject *object)
{
  GtkWidget *child;
  CLAppointmentsPage *self = CL_APPOINTMENTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_APPOINTMENTS_PAGE);
  /* The template's outer box has no id: unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_appointments_page_parent_class)->dispose (object);
}

static void
cl_appointments_page_finalize (GObject *object)
{
  CLAppointmentsPage *self = CL_APPOINTMENTS_PAGE (object);

  g_ptr_array_unref (self->department_ids);
  g_hash_table_unref (self->department_names);
  g_hash_table_unref (self->places);
  g_free (self->message);
  G_OBJECT_CLASS (cl_appointments_page_parent_class)->finalize (object);
}

static void
cl_appointments_page_class_init (CLAppointmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_appointments_page_dispose;
  object_class->finalize = cl_appointments_page_finalize;

  g_type_ensure (CL_TYPE_DATE_NAV);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/desk/cl-appointments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLAppointmentsPage, date_nav);
  gtk_widget_class_bind_template_child (widget_class, CLAppointmentsPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLAppointmentsPage, settings_button);
  gtk_widget_class_bind_template_child (widget_class, CLAppointmentsPage, book_button);
  gtk_widget_class_bind_template_child (widget_class, CLAppointmentsPage, places_grid);
  gtk_widget_class_bind_template_child (widget_class, CLAppointmentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLAppointmentsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, book_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, settings_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_appointments_page_init (CLAppointmentsPage *self)
{
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
  self->department_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->date_nav, "notify::date", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->department_dropdown, "notify::selected", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
}

void
cl_appointments_page_set_date (CLAppointmentsPage *self,
                               const GDate        *date)
{
  g_return_if_fail (CL_IS_APPOINTMENTS_PAGE (self));
  cl_date_nav_set_date (self->date_nav, date);
}

GPtrArray *
cl_appointments_page_get_rows (CLAppointmentsPage *self)
{
  g_return_val_if_fail (CL_IS_APPOINTMENTS_PAGE (self), NULL);
  return self->rows;
}

char *
cl_appointments_page_dup_places (CLAppointmentsPage *self,
                                 const char         *department_id)
{
  g_return_val_if_fail (CL_IS_APPOINTMENTS_PAGE (self), NULL);
  return g_strdup (g_hash_table_lookup (self->places, department_id));
}

const char *
cl_appointments_page_get_message (CLAppointmentsPage *self)
{
  g_return_val_if_fail (CL_IS_APPOINTMENTS_PAGE (self), NULL);
  return self->message;
}
