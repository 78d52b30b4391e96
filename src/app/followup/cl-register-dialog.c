#define G_LOG_DOMAIN "cl-register-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-event-store.h"
#include "cl-form-message.h"
#include "cl-patient-chooser.h"
#include "cl-register-dialog.h"
#include "cl-schedule-form.h"
#include "cl-store-events.h"

struct _CLRegisterDialog
{
  AdwWindow         parent_instance;

  CLPatientChooser *patient;       /* from an event's page */
  AdwComboRow      *event;         /* from her page */
  GtkLabel         *patient_error;
  GtkLabel         *event_error;
  GtkLabel         *form_error;

  CLStore          *store;
  CLContext        *context;
  char             *event_id;
  char             *patient_id;
  GStrv             event_ids;     /* offered, in the combo's order */
};

G_DEFINE_FINAL_TYPE (CLRegisterDialog, cl_register_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_register_dialog_save (CLRegisterDialog *self)
{
  g_autoptr(CLEventRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  const char *event_id = self->event_id;
  const char *patient_id = self->patient_id;

  g_return_val_if_fail (CL_IS_REGISTER_DIALOG (self), FALSE);

  cl_form_message_set (self->form_error, NULL);
  if (self->patient)
    patient_id = cl_patient_chooser_get_patient_id (self->patient);
  if (self->event)
    event_id = cl_schedule_form_combo_get (self->event);
  if (patient_id == NULL)
    {
      cl_form_message_set (self->patient_error, _("Choose the patient"));
      return FALSE;
    }
  if (event_id == NULL)
    {
      cl_form_message_set (self->event_error, _("Choose the event"));
      return FALSE;
    }
  registration = cl_event_store_register (self->store, event_id, patient_id,
                                          cl_context_get_role (self->context), &error);
  if (registration == NULL)
    {
      cl_form_message_set (self->patient ? self->patient_error : self->event_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (registration)));
  return TRUE;
}

static void
save_clicked_cb (CLRegisterDialog *self)
{
  cl_register_dialog_save (self);
}

static void
cl_register_dialog_finalize (GObject *object)
{
  CLRegisterDialog *self = CL_REGISTER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_free (self->event_id);
  g_free (self->patient_id);
  g_strfreev (self->event_ids);
  G_OBJECT_CLASS (cl_register_dialog_parent_class)->finalize (object);
}

static void
cl_register_dialog_class_init (CLRegisterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_register_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_register_dialog_init (CLRegisterDialog *self)
{
}

/* "28 Nov 14:00–15:30 · 1 place left": what the chosen event's row
 * says under it; the row itself shows the title. */
static char *
event_details (CLStore       *store,
               CLHealthEvent *event)
{
  g_autoptr(GPtrArray) registrations = cl_store_event_registrations (store, cl_record_get_id (CL_RECORD (event)));
  g_autofree char *date = cl_date_format_iso (cl_health_event_get_date (event), CL_DATE_SHORT, NULL);
  g_autofree char *hours = cl_health_event_format_hours (event);
  g_autofree char *places = NULL;
  guint registered, waiting;
  gint left;

  cl_event_store_count (registrations, &registered, &waiting);
  left = cl_health_event_get_capacity (event) - (gint) registered;
  if (left > 0 && waiting == 0)
    places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d place left", "%d places left", left), left);
  else
    places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "full, %u waiting", "full, %u waiting", waiting), waiting);
  /* Translators: an event offered for registration: its day and hours, and its places */
  return g_strdup_printf (_("%s %s · %s"), date, hours, places);
}

static void
event_selected_cb (CLRegisterDialog *self)
{
  GPtrArray *details = g_object_get_data (G_OBJECT (self->event), "details");
  guint selected = adw_combo_row_get_selected (self->event);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->event),
                               details && selected < details->len ? g_ptr_array_index (details, selected) : "");
}

CLRegisterDialog *
cl_register_dialog_new (GtkWindow  *parent,
                        CLContext  *context,
                        const char *event_id,
                        const char *patient_id)
{
  CLRegisterDialog *self;
  GtkWidget *groups[2] = { NULL, NULL };

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail ((event_id == NULL) != (patient_id == NULL), NULL);

  self = g_object_new (CL_TYPE_REGISTER_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->event_id = g_strdup (event_id);
  self->patient_id = g_strdup (patient_id);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);

  if (event_id)
    groups[0] = cl_schedule_form_patient_group (self->store, &self->patient, &self->patient_error);
  else
    {
      GDate today;
      g_autofree char *from = NULL;
      g_autoptr(GPtrArray) events = NULL;
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      GPtrArray *details = g_ptr_array_new_with_free_func (g_free);

      cl_date_today (&today);
      from = cl_date_to_iso (&today);
      events = cl_store_health_events_from (self->store, from);
      for (guint i = 0; i < events->len; i++)
        {
          g_strv_builder_add (ids, cl_record_get_id (g_ptr_array_index (events, i)));
          g_ptr_array_add (labels, (gpointer) cl_health_event_get_title (g_ptr_array_index (events, i)));
          g_ptr_array_add (details, event_details (self->store, g_ptr_array_index (events, i)));
        }
      g_ptr_array_add (labels, NULL);
      self->event_ids = g_strv_builder_end (ids);
      groups[0] = adw_preferences_group_new ();
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[0]),
                                             events->len > 0
                                             ? _("A full event takes her on its waiting list; she gets the first place freed.")
                                             : _("No upcoming event. Events are added in Health Events."));
      self->event = cl_schedule_form_combo (ADW_PREFERENCES_GROUP (groups[0]), _("Event"),
                                            (const char * const *) self->event_ids,
                                            (const char * const *) labels->pdata, NULL, NULL, &self->event_error);
      gtk_widget_set_sensitive (GTK_WIDGET (self->event), events->len > 0);
      g_object_set_data_full (G_OBJECT (self->event), "details", details, (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (self->event, "notify::selected", G_CALLBACK (event_selected_cb), self,
                               G_CONNECT_SWAPPED);
      event_selected_cb (self);
    }
  self->form_error = cl_schedule_form_build_window (ADW_WINDOW (self), _("Register for an Event"), _("_Register"),
                                                    G_CALLBACK (save_clicked_cb), groups);
  if (self->patient)
    gtk_widget_grab_focus (GTK_WIDGET (cl_patient_chooser_get_entry (self->patient)));
  return self;
}

const char *
cl_register_dialog_get_error (CLRegisterDialog *self,
                              const char       *field)
{
  g_return_val_if_fail (CL_IS_REGISTER_DIALOG (self), NULL);

  if (g_strcmp0 (field, "patient") == 0)
    return cl_form_message_get (self->patient_error);
  if (g_strcmp0 (field, "event") == 0)
    return cl_form_message_get (self->event_error);
  return cl_form_message_get (self->form_error);
}

guint
cl_register_dialog_get_n_events (CLRegisterDialog *self)
{
  g_return_val_if_fail (CL_IS_REGISTER_DIALOG (self), 0);
  return self->event_ids ? g_strv_length (self->event_ids) : 0;
}

void
cl_register_dialog_choose_event (CLRegisterDialog *self,
                                 const char       *event_id)
{
  g_return_if_fail (CL_IS_REGISTER_DIALOG (self));
  g_return_if_fail (self->event != NULL);
  cl_schedule_form_combo_set (self->event, event_id);
}
