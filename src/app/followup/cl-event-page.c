#define G_LOG_DOMAIN "cl-event-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-event-dialog.h"
#include "cl-event-page.h"
#include "cl-event-sheet.h"
#include "cl-event-store.h"
#include "cl-register-dialog.h"
#include "cl-sheet-print-operation.h"
#include "cl-staff-store.h"
#include "cl-store-events.h"
#include "cl-store-patients.h"

struct _CLEventPage
{
  GtkWidget            parent_instance;

  /* built in init */
  GtkStack            *stack;
  AdwPreferencesGroup *details;
  GtkListBox          *details_list;
  AdwPreferencesGroup *registered_group;
  GtkListBox          *registered_list;
  AdwPreferencesGroup *waiting_group;
  GtkListBox          *waiting_list;

  /* owned */
  CLContext           *context;
  char                *event_id;
  CLHealthEvent       *event;
  GHashTable          *checks;     /* registration id → its attended check (borrowed) */
  guint                n_registered;
  guint                n_waiting;
};

G_DEFINE_FINAL_TYPE (CLEventPage, cl_event_page, GTK_TYPE_WIDGET)

static CLStore *
store_of (CLEventPage *self)
{
  return self->context ? cl_context_get_store (self->context) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
detail_row (const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value ? value : "");
  /* The value is what a person reads; the title says what it is. */
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
show_error (CLEventPage  *self,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Not Saved"),
                                                                          error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
attended_toggled_cb (GtkCheckButton *check,
                     CLEventPage    *self)
{
  CLEventRegistration *registration = g_object_get_data (G_OBJECT (check), "registration");
  g_autoptr(GError) error = NULL;

  if (cl_event_registration_get_attended (registration) == gtk_check_button_get_active (check))
    return;
  if (!cl_event_store_set_attended (store_of (self), registration, gtk_check_button_get_active (check),
                                    cl_context_get_role (self->context), &error))
    {
      show_error (self, error);
      cl_event_page_reload (self);
    }
}

/* "Registered 23 Nov 09:15 by 王护士" */
static char *
registered_when (CLStore             *store,
                 CLEventRegistration *one)
{
  g_autofree char *when = cl_date_format_time (cl_event_registration_get_registered_at (one), CL_DATE_SHORT, NULL);
  g_autofree char *who = cl_staff_store_name_of_user (store, cl_event_registration_get_registered_by (one));

  /* Translators: when a patient was registered for an event, and by whom */
  return g_strdup_printf (_("Registered %s by %s"), when, who ? who : "");
}

static GtkWidget *
registration_row (CLEventPage         *self,
                  CLEventRegistration *one,
                  const char          *name,
                  guint                position,
                  gboolean             may_write)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *cancel = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *when = registered_when (store_of (self), one);
  g_autofree char *title = NULL;

  if (cl_event_registration_is_waitlisted (one))
    /* Translators: a patient's place on an event's waiting list, and her name */
    title = g_strdup_printf (_("%u. %s"), position, name);
  else
    title = g_strdup (name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);

  if (cl_event_registration_is_registered (one))
    {
      GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Attended"));

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), cl_event_registration_get_attended (one));
      gtk_widget_set_sensitive (check, may_write);
      g_object_set_data_full (G_OBJECT (check), "registration", g_object_ref (one), g_object_unref);
      g_signal_connect_object (check, "toggled", G_CALLBACK (attended_toggled_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      g_hash_table_insert (self->checks, g_strdup (cl_record_get_id (CL_RECORD (one))), check);
    }
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "flat");
  gtk_widget_set_tooltip_text (cancel, _("Cancel Registration"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cancel Registration"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "event.cancel");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (cancel), "s", cl_record_get_id (CL_RECORD (one)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cancel);
  return row;
}

static void
empty_row (GtkListBox *list,
           const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

void
cl_event_page_reload (CLEventPage *self)
{
  CLStore *store;
  g_autoptr(GPtrArray) registrations = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *date = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *when = NULL;
  g_autofree char *places = NULL;
  g_autofree char *registered_title = NULL;
  g_autofree char *waiting_title = NULL;
  gboolean may_write, may_edit;
  guint position = 0;

  g_return_if_fail (CL_IS_EVENT_PAGE (self));

  store = store_of (self);
  g_clear_object (&self->event);
  g_hash_table_remove_all (self->checks);
  self->n_registered = self->n_waiting = 0;
  if (store && self->event_id)
    self->event = CL_HEALTH_EVENT (cl_store_load_record (store, CL_TYPE_HEALTH_EVENT, self->event_id, NULL));
  may_write = self->event && cl_context_may (self->context, CL_WRITE, "event_registration");
  may_edit = self->event && cl_context_may (self->context, CL_WRITE, "health_event");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.register", may_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.cancel", may_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.edit", may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.print", self->event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.export", self->event != NULL);
  gtk_stack_set_visible_child_name (self->stack, self->event ? "event" : "none");
  if (self->event == NULL)
    return;

  clear_list (self->details_list);
  clear_list (self->registered_list);
  clear_list (self->waiting_list);
  adw_preferences_group_set_title (self->details, cl_health_event_get_title (self->event));
  date = cl_date_format_iso (cl_health_event_get_date (self->event), CL_DATE_FULL, NULL);
  hours = cl_health_event_format_hours (self->event);
  /* Translators: an event's day and its hours */
  when = g_strdup_printf (_("%s, %s"), date, hours);
  gtk_list_box_append (self->details_list, detail_row (_("Kind"),
                                                       cl_health_event_kind_label (cl_health_event_get_kind (self->event))));
  gtk_list_box_append (self->details_list, detail_row (_("When"), when));
  if (cl_health_event_get_place (self->event) && *cl_health_event_get_place (self->event))
    gtk_list_box_append (self->details_list, detail_row (_("Place"), cl_health_event_get_place (self->event)));
  if (cl_health_event_get_link (self->event) && *cl_health_event_get_link (self->event))
    gtk_list_box_append (self->details_list, detail_row (_("Link"), cl_health_event_get_link (self->event)));

  registrations = cl_store_event_registrations (store, self->event_id);
  for (guint i = 0; i < registrations->len; i++)
    g_ptr_array_add (ids, (gpointer) cl_event_registration_get_patient_id (g_ptr_array_index (registrations, i)));
  g_ptr_array_add (ids, NULL);
  names = cl_store_patients_names (store, (const char * const *) ids->pdata);
  for (guint i = 0; i < registrations->len; i++)
    {
      CLEventRegistration *one = g_ptr_array_index (registrations, i);
      const char *name = g_hash_table_lookup (names, cl_event_registration_get_patient_id (one));

      if (cl_event_registration_is_registered (one))
        {
          gtk_list_box_append (self->registered_list, registration_row (self, one, name ? name : "", 0, may_write));
          self->n_registered++;
        }
      else if (cl_event_registration_is_waitlisted (one))
        {
          gtk_list_box_append (self->waiting_list, registration_row (self, one, name ? name : "", ++position, may_write));
          self->n_waiting++;
        }
    }
  if (self->n_registered == 0)
    empty_row (self->registered_list, _("Nobody is registered yet"));
  if (self->n_waiting == 0)
    empty_row (self->waiting_list, _("Nobody is waiting"));
  places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %d place taken", "%u of %d places taken",
                                         cl_health_event_get_capacity (self->event)),
                            self->n_registered, cl_health_event_get_capacity (self->event));
  gtk_list_box_append (self->details_list, detail_row (_("Places"), places));
  /* Translators: the heading of an event's registered patients, with how many */
  registered_title = g_strdup_printf (_("Registered (%u)"), self->n_registered);
  /* Translators: the heading of an event's waiting list, with how many */
  waiting_title = g_strdup_printf (_("Waiting List (%u)"), self->n_waiting);
  adw_preferences_group_set_title (self->registered_group, registered_title);
  adw_preferences_group_set_title (self->waiting_group, waiting_title);
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CLEventPage *self = CL_EVENT_PAGE (widget);
  CLRegisterDialog *dialog = cl_register_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                                     self->event_id, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_event_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CLEventPage *self = CL_EVENT_PAGE (widget);
  CLEventDialog *dialog = cl_event_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, self->event);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_event_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CLEventPage      *self)
{
  CLEventRegistration *registration = g_object_get_data (G_OBJECT (dialog), "registration");
  g_autoptr(CLEventRegistration) promoted = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "cancel-registration") != 0)
    return;
  if (!cl_event_store_cancel (store_of (self), registration, cl_context_get_role (self->context), &promoted, &error))
    show_error (self, error);
  cl_event_page_reload (self);
}

/* A cancelled place goes to the first waiter at once and cannot be
 * given back, so it is asked first, saying who gets it. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLEventPage *self = CL_EVENT_PAGE (widget);
  g_autoptr(CLEventRegistration) registration = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *ids[3] = { NULL, NULL, NULL };
  const char *name, *next = NULL;
  AdwMessageDialog *dialog;

  registration = CL_EVENT_REGISTRATION (cl_store_load_record (store_of (self), CL_TYPE_EVENT_REGISTRATION,
                                                              g_variant_get_string (param, NULL), NULL));
  if (registration == NULL)
    return;
  ids[0] = cl_event_registration_get_patient_id (registration);
  all = cl_store_event_registrations (store_of (self), cl_event_registration_get_event_id (registration));
  for (guint i = 0; i < all->len && ids[1] == NULL; i++)
    if (cl_event_registration_is_waitlisted (g_ptr_array_index (all, i)))
      ids[1] = cl_event_registration_get_patient_id (g_ptr_array_index (all, i));
  names = cl_store_patients_names (store_of (self), ids);
  name = g_hash_table_lookup (names, ids[0]);
  if (ids[1] && cl_event_registration_is_registered (registration))
    next = g_hash_table_lookup (names, ids[1]);
  /* Translators: asked before a patient's registration for an event is cancelled */
  heading = g_strdup_printf (_("Cancel %s’s Registration?"), name ? name : "");
  if (next)
    /* Translators: who gets the place a cancelled registration frees */
    body = g_strdup_printf (_("Her place goes to %s, first on the waiting list."), next);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep"), "cancel-registration", _("_Cancel Registration"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-registration", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data_full (G_OBJECT (dialog), "registration", g_steal_pointer (&registration), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLEventPage *self = CL_EVENT_PAGE (widget);
  g_autoptr(CLScheduleSheet) sheet = cl_event_sheet_new (store_of (self), self->event);
  g_autoptr(GError) error = NULL;

  if (!cl_sheet_print_run (sheet, GTK_WINDOW (gtk_widget_get_root (widget)), &error))
    show_error (self, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLEventPage *self = CL_EVENT_PAGE (widget);
  g_autoptr(CLScheduleSheet) sheet = cl_event_sheet_new (store_of (self), self->event);
  /* Translators: the file name proposed for a sign-in sheet; %s is the event's date */
  g_autofree char *file_name = g_strdup_printf (_("sign-in-%s.pdf"), cl_health_event_get_date (self->event));

  cl_sheet_export_pdf_run (sheet, widget, file_name);
}

static GtkWidget *
boxed_list (const char *label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return list;
}

static GtkWidget *
action_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
cl_event_page_dispose (GObject *object)
{
  CLEventPage *self = CL_EVENT_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->event);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_event_page_parent_class)->dispose (object);
}

static void
cl_event_page_finalize (GObject *object)
{
  CLEventPage *self = CL_EVENT_PAGE (object);

  g_free (self->event_id);
  g_hash_table_unref (self->checks);
  G_OBJECT_CLASS (cl_event_page_parent_class)->finalize (object);
}

static void
cl_event_page_class_init (CLEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_event_page_dispose;
  object_class->finalize = cl_event_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "event.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "event.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "event.cancel", "s", cancel_action);
  gtk_widget_class_install_action (widget_class, "event.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "event.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "event.print", NULL);
}

static void
cl_event_page_init (CLEventPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Event Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Choose an event from the list, or add one with New Event."));
  gtk_stack_add_named (self->stack, none, "none");

  self->details = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->details_list = GTK_LIST_BOX (boxed_list (_("Event details")));
  adw_preferences_group_add (self->details, GTK_WIDGET (self->details_list));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Edit…"), "event.edit"));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Print Sign-in Sheet…"), "event.print"));
  gtk_box_append (GTK_BOX (buttons), action_button (_("E_xport PDF…"), "event.export"));
  adw_preferences_group_set_header_suffix (self->details, buttons);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->details);

  self->registered_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->registered_list = GTK_LIST_BOX (boxed_list (_("Registered patients")));
  adw_preferences_group_add (self->registered_group, GTK_WIDGET (self->registered_list));
  adw_preferences_group_set_header_suffix (self->registered_group, action_button (_("_Register…"), "event.register"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->registered_group);

  self->waiting_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->waiting_group,
                                         _("In the order they registered. A cancelled place goes to the first at once."));
  self->waiting_list = GTK_LIST_BOX (boxed_list (_("Waiting list")));
  adw_preferences_group_add (self->waiting_group, GTK_WIDGET (self->waiting_list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->waiting_group);
  gtk_stack_add_named (self->stack, page, "event");
  gtk_stack_set_visible_child_name (self->stack, "none");
  for (guint i = 0; i < 5; i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self),
                                   (const char *[]) { "event.register", "event.edit", "event.cancel", "event.print",
                                                      "event.export" }[i], FALSE);
}

GtkWidget *
cl_event_page_new (CLContext *context)
{
  CLEventPage *self = g_object_new (CL_TYPE_EVENT_PAGE, NULL);

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::role", G_CALLBACK (cl_event_page_reload), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
cl_event_page_set_event_id (CLEventPage *self,
                            const char  *event_id)
{
  g_return_if_fail (CL_IS_EVENT_PAGE (self));

  g_free (self->event_id);
  self->event_id = g_strdup (event_id);
  cl_event_page_reload (self);
}

const char *
cl_event_page_get_event_id (CLEventPage *self)
{
  g_return_val_if_fail (CL_IS_EVENT_PAGE (self), NULL);
  return self->event_id;
}

guint
cl_event_page_get_n_registered (CLEventPage *self)
{
  g_return_val_if_fail (CL_IS_EVENT_PAGE (self), 0);
  return self->n_registered;
}

guint
cl_event_page_get_n_waiting (CLEventPage *self)
{
  g_return_val_if_fail (CL_IS_EVENT_PAGE (self), 0);
  return self->n_waiting;
}

GtkWidget *
cl_event_page_get_attended_check (CLEventPage *self,
                                  const char  *registration_id)
{
  g_return_val_if_fail (CL_IS_EVENT_PAGE (self), NULL);
  return g_hash_table_lookup (self->checks, registration_id);
}
