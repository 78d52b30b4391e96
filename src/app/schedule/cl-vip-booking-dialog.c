#define G_LOG_DOMAIN "cl-vip-booking-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-form-message.h"
#include "cl-package-usage.h"
#include "cl-patient-chooser.h"
#include "cl-schedule-form.h"
#include "cl-schedule-times.h"
#include "cl-vip-booking-dialog.h"
#include "cl-vip-store.h"

enum { F_PATIENT, F_ROOM, F_PURPOSE, F_DAY, F_START, F_END, F_NOTE, F_OVER_REASON, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "patient", "room", "purpose", "day", "start", "end", "note", "over-reason",
};
/* The columns core names in its errors, by field. */
static const char * const field_columns[N_FIELDS] = {
  "patient_id", "room_id", "purpose", NULL, "start_at", "end_at", "note", "over_reason",
};

struct _CLVipBookingDialog
{
  AdwWindow         parent_instance;

  CLPatientChooser *patient;
  AdwComboRow      *room;
  AdwComboRow      *purpose;
  AdwEntryRow      *note;
  AdwEntryRow      *over_reason;
  GtkLabel         *errors[N_FIELDS];
  GtkLabel         *form_error;

  CLScheduleTimes  *times;
  CLStore          *store;
  CLContext        *context;
  GListStore       *rooms;
  CLVipBooking     *booking;   /* the one edited, or NULL */
};

G_DEFINE_FINAL_TYPE (CLVipBookingDialog, cl_vip_booking_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_vip_booking_dialog_save (CLVipBookingDialog *self)
{
  g_autoptr(CLVipBooking) booking = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *over_reason = NULL;
  gint64 start_at, end_at;

  g_return_val_if_fail (CL_IS_VIP_BOOKING_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  if (!cl_schedule_times_get (self->times, &start_at, &end_at))
    return FALSE;

  booking = self->booking ? CL_VIP_BOOKING (cl_record_dup (CL_RECORD (self->booking))) : cl_vip_booking_new ();
  cl_vip_booking_set_patient_id (booking, cl_patient_chooser_get_patient_id (self->patient));
  cl_vip_booking_set_room_id (booking, cl_schedule_form_combo_get (self->room));
  cl_vip_booking_set_purpose (booking, cl_schedule_form_combo_get (self->purpose));
  cl_vip_booking_set_start_at (booking, start_at);
  cl_vip_booking_set_end_at (booking, end_at);
  note = cl_schedule_form_text (self->note);
  cl_vip_booking_set_note (booking, note);
  over_reason = cl_schedule_form_text (self->over_reason);
  cl_vip_booking_set_over_reason (booking, over_reason);

  if (!cl_vip_store_save_booking (self->store, booking, cl_context_get_role (self->context), &error))
    {
      cl_schedule_form_ask_over_reason (self->over_reason, error);
      cl_schedule_form_show_error (error, field_columns, self->errors, N_FIELDS, self->form_error);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (booking)));
  return TRUE;
}

static void
save_clicked_cb (CLVipBookingDialog *self)
{
  cl_vip_booking_dialog_save (self);
}

static void
cl_vip_booking_dialog_finalize (GObject *object)
{
  CLVipBookingDialog *self = CL_VIP_BOOKING_DIALOG (object);

  g_clear_object (&self->times);
  g_clear_object (&self->rooms);
  g_clear_object (&self->store);
  g_clear_object (&self->booking);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_vip_booking_dialog_parent_class)->finalize (object);
}

static void
cl_vip_booking_dialog_class_init (CLVipBookingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_vip_booking_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_vip_booking_dialog_init (CLVipBookingDialog *self)
{
}

static CLVipRoom *
chosen_room (CLVipBookingDialog *self)
{
  const char *id = cl_schedule_form_combo_get (self->room);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rooms)); i++)
    {
      g_autoptr(CLVipRoom) room = g_list_model_get_item (G_LIST_MODEL (self->rooms), i);

      if (g_strcmp0 (cl_record_get_id (CL_RECORD (room)), id) == 0)
        return room;   /* the list keeps it */
    }
  return NULL;
}

/* The chosen room's grid, as core has it. */
static GArray *
room_times (gpointer     data,
            const GDate *day,
            gboolean     ends,
            char       **hint)
{
  CLVipBookingDialog *self = data;
  CLVipRoom *room = chosen_room (self);

  if (room == NULL)
    return g_array_new (FALSE, FALSE, sizeof (int));
  if (hint)
    {
      int opens = cl_vip_room_get_opens (room), closes = cl_vip_room_get_closes (room);

      /* Translators: under a booking's Start: the room's grid, e.g.
       * "60-minute slots, 08:30–17:30" */
      *hint = g_strdup_printf (_("%d-minute slots, %02d:%02d–%02d:%02d"), cl_vip_room_get_slot_minutes (room),
                               opens / 60, opens % 60, closes / 60, closes % 60);
    }
  return cl_schedule_room_times (room, ends);
}

static void
build (CLVipBookingDialog *self)
{
  GtkWidget *groups[4] = { NULL, NULL, adw_preferences_group_new (), NULL };
  AdwPreferencesGroup *what = ADW_PREFERENCES_GROUP (groups[2]);
  GListStore *rooms = self->rooms = cl_vip_store_list_rooms (self->store, FALSE);
  guint n_rooms = g_list_model_get_n_items (G_LIST_MODEL (rooms));
  g_autofree const char **room_ids = g_new0 (const char *, n_rooms + 1);
  g_autofree const char **room_names = g_new0 (const char *, n_rooms + 1);

  groups[0] = cl_schedule_form_patient_group (self->store, &self->patient, &self->errors[F_PATIENT]);
  /* Right under her: it is about her package. */
  groups[1] = cl_schedule_form_over_reason_group (self->patient, self->store, CL_USAGE_VIP_ROOM, self->booking != NULL,
                                                  self->booking ? cl_vip_booking_get_over_reason (self->booking) : NULL,
                                                  &self->over_reason, &self->errors[F_OVER_REASON]);
  for (guint i = 0; i < n_rooms; i++)
    {
      CLVipRoom *room = g_list_model_get_item (G_LIST_MODEL (rooms), i);

      room_ids[i] = cl_record_get_id (CL_RECORD (room));
      room_names[i] = cl_vip_room_get_name (room);
      g_object_unref (room);  /* the list keeps it */
    }
  self->room = cl_schedule_form_combo (what, _("Room"), room_ids, room_names, NULL, NULL, &self->errors[F_ROOM]);
  self->purpose = cl_schedule_form_combo (what, _("Purpose"), cl_vip_booking_purposes (), NULL,
                                          cl_vip_booking_purpose_label, NULL, &self->errors[F_PURPOSE]);
  self->times = cl_schedule_times_new (what, room_times, self, &self->errors[F_DAY],
                                       &self->errors[F_START], &self->errors[F_END]);
  g_signal_connect_object (self->room, "notify::selected", G_CALLBACK (cl_schedule_times_refresh),
                           self->times, G_CONNECT_SWAPPED);
  self->note = cl_form_entry_row_add (groups[2], _("Note"), &self->errors[F_NOTE]);
  self->form_error = cl_schedule_form_build_window (ADW_WINDOW (self), self->booking ? _("Edit Booking") : _("New Booking"),
                                                    self->booking ? _("_Save") : _("_Book"), G_CALLBACK (save_clicked_cb),
                                                    groups);
}

CLVipBookingDialog *
cl_vip_booking_dialog_new (GtkWindow    *parent,
                           CLContext    *context,
                           CLVipBooking *booking,
                           const char   *room_id,
                           gint64        start_at,
                           gint64        end_at)
{
  CLVipBookingDialog *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_VIP_BOOKING_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->booking = booking ? g_object_ref (booking) : NULL;
  build (self);

  if (booking)
    {
      const char *note = cl_vip_booking_get_note (booking);

      cl_schedule_form_show_patient (self->patient, self->store, CL_RECORD (booking),
                                     cl_vip_booking_get_patient_id (booking));
      room_id = cl_vip_booking_get_room_id (booking);
      start_at = cl_vip_booking_get_start_at (booking);
      end_at = cl_vip_booking_get_end_at (booking);
      cl_schedule_form_combo_set (self->purpose, cl_vip_booking_get_purpose (booking));
      gtk_editable_set_text (GTK_EDITABLE (self->note), note ? note : "");
    }
  cl_schedule_form_combo_set (self->room, room_id);
  if (start_at == 0)
    {
      /* Nothing chosen on screen: the next slot from now. */
      start_at = cl_context_get_now (self->context);
      end_at = 0;
    }
  cl_schedule_times_set (self->times, start_at, end_at, booking != NULL);
  gtk_widget_grab_focus (GTK_WIDGET (cl_patient_chooser_get_entry (self->patient)));
  return self;
}

GtkWidget *
cl_vip_booking_dialog_get_field (CLVipBookingDialog *self,
                                 const char         *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (cl_patient_chooser_get_entry (self->patient)), GTK_WIDGET (self->room),
    GTK_WIDGET (self->purpose), cl_schedule_times_get_day (self->times), cl_schedule_times_get_start (self->times),
    cl_schedule_times_get_end (self->times), GTK_WIDGET (self->note), GTK_WIDGET (self->over_reason),
  };
  int i;

  g_return_val_if_fail (CL_IS_VIP_BOOKING_DIALOG (self), NULL);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_vip_booking_dialog_get_error (CLVipBookingDialog *self,
                                 const char         *field)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
