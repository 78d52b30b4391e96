#define G_LOG_DOMAIN "cl-registration-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-event-store.h"
#include "cl-register-dialog.h"
#include "cl-registration-list.h"
#include "cl-store-events.h"

struct _CLRegistrationList
{
  CLPatientSection     parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  GtkListBox          *list;

  guint                n_rows;
};

G_DEFINE_FINAL_TYPE (CLRegistrationList, cl_registration_list, CL_TYPE_PATIENT_SECTION)

/* Her place in the line: 1 for the first waiter. */
static guint
waiting_position (CLStore             *store,
                  CLEventRegistration *mine)
{
  g_autoptr(GPtrArray) all = cl_store_event_registrations (store, cl_event_registration_get_event_id (mine));
  guint position = 0;

  for (guint i = 0; i < all->len; i++)
    {
      CLEventRegistration *one = g_ptr_array_index (all, i);

      if (cl_event_registration_is_waitlisted (one))
        position++;
      if (g_str_equal (cl_record_get_id (CL_RECORD (one)), cl_record_get_id (CL_RECORD (mine))))
        break;
    }
  return position;
}

static GtkWidget *
registration_row (CLStore             *store,
                  CLEventRegistration *one,
                  CLHealthEvent       *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = event ? cl_date_format_iso (cl_health_event_get_date (event), CL_DATE_SHORT, NULL) : NULL;
  g_autofree char *hours = event ? cl_health_event_format_hours (event) : NULL;
  g_autofree char *state = NULL;
  g_autofree char *subtitle = NULL;

  if (cl_event_registration_is_waitlisted (one))
    /* Translators: she is on an event's waiting list, at this place in the line */
    state = g_strdup_printf (_("Waiting list, number %u"), waiting_position (store, one));
  else if (cl_event_registration_get_attended (one))
    state = g_strdup (_("Attended"));
  else
    state = g_strdup (cl_event_registration_state_label (cl_event_registration_get_state (one)));
  /* Translators: an event's day and hours, and her registration's state */
  subtitle = g_strdup_printf (_("%s %s · %s"), date ? date : "", hours ? hours : "", state);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event ? cl_health_event_get_title (event) : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!cl_event_registration_is_live (one))
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

void
cl_registration_list_reload (CLRegistrationList *self)
{
  CLContext *context = cl_patient_section_get_context (CL_PATIENT_SECTION (self));
  CLStore *store = cl_patient_section_get_store (CL_PATIENT_SECTION (self));
  const char *patient_id = cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self));
  g_autoptr(GPtrArray) registrations = NULL;
  GtkWidget *child;

  g_return_if_fail (CL_IS_REGISTRATION_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient-events.register",
                                 store && patient_id &&
                                 cl_context_may (context, CL_WRITE, "event_registration"));
  gtk_widget_set_visible (GTK_WIDGET (self), context && cl_context_may (context, CL_READ, "event_registration"));
  if (store == NULL || patient_id == NULL)
    return;

  registrations = cl_store_event_registrations_for_patient (store, patient_id);
  for (guint i = 0; i < registrations->len; i++)
    {
      CLEventRegistration *one = g_ptr_array_index (registrations, i);
      g_autoptr(CLRecord) event = cl_store_load_record (store, CL_TYPE_HEALTH_EVENT,
                                                        cl_event_registration_get_event_id (one), NULL);

      gtk_list_box_append (self->list, registration_row (store, one, event ? CL_HEALTH_EVENT (event) : NULL));
    }
  self->n_rows = registrations->len;
  if (registrations->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not registered for any event"));
      gtk_list_box_append (self->list, row);
    }
}

guint
cl_registration_list_get_n_rows (CLRegistrationList *self)
{
  g_return_val_if_fail (CL_IS_REGISTRATION_LIST (self), 0);
  return self->n_rows;
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CLRegistrationList *self = CL_REGISTRATION_LIST (widget);
  CLRegisterDialog *dialog;

  dialog = cl_register_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   cl_patient_section_get_context (CL_PATIENT_SECTION (self)),
                                   NULL, cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self)));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_registration_list_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cl_registration_list_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CL_TYPE_REGISTRATION_LIST);
  G_OBJECT_CLASS (cl_registration_list_parent_class)->dispose (object);
}

static void
cl_registration_list_class_init (CLRegistrationListClass *klass)
{
  static const char * const tables[] = { "health_event", "event_registration", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CLPatientSectionClass *section_class = CL_PATIENT_SECTION_CLASS (klass);

  object_class->dispose = cl_registration_list_dispose;
  section_class->reload = (void (*) (CLPatientSection *)) cl_registration_list_reload;
  /* Health Events, the catalogue or a pull may change what she has. */
  section_class->tables = tables;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/followup/cl-registration-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CLRegistrationList, group);
  gtk_widget_class_bind_template_child (widget_class, CLRegistrationList, list);
  gtk_widget_class_install_action (widget_class, "patient-events.register", NULL, register_action);
}

static void
cl_registration_list_init (CLRegistrationList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "patient-events.register", FALSE);
}
