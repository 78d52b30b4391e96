#define G_LOG_DOMAIN "cl-vip-room-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-form-message.h"
#include "cl-schedule-form.h"
#include "cl-vip-room-dialog.h"
#include "cl-vip-store.h"

enum { F_NAME, F_LOCATION, F_OPENS, F_CLOSES, F_SLOT, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "name", "location", "opens", "closes", "slot" };
/* The columns core names in its errors, by field. */
static const char * const field_columns[N_FIELDS] = { "name", "location", "opens", "closes", "slot_minutes" };

struct _CLVipRoomDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *rows[N_FIELDS];
  GtkLabel    *errors[N_FIELDS];
  GtkSwitch   *active;
  GtkLabel    *form_error;

  CLStore     *store;
  CLContext   *context;
  CLVipRoom   *room;   /* the one edited, or NULL */
};

G_DEFINE_FINAL_TYPE (CLVipRoomDialog, cl_vip_room_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_vip_room_dialog_save (CLVipRoomDialog *self)
{
  g_autoptr(CLVipRoom) room = NULL;
  g_autoptr(GError) error = NULL;
  gboolean parsed = TRUE;
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autofree char *slot_text = NULL;
  int opens = 0, closes = 0;
  char *end = NULL;
  long slot;

  g_return_val_if_fail (CL_IS_VIP_ROOM_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);

  parsed &= cl_form_message_check (self->errors[F_OPENS],
                                   cl_schedule_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_OPENS])),
                                                                &opens, &error), &error);
  parsed &= cl_form_message_check (self->errors[F_CLOSES],
                                   cl_schedule_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_CLOSES])),
                                                                &closes, &error), &error);
  slot_text = cl_schedule_form_text (self->rows[F_SLOT]);
  slot = slot_text ? strtol (slot_text, &end, 10) : 0;
  if (slot_text == NULL || *end != '\0')
    {
      cl_form_message_set (self->errors[F_SLOT], _("Enter the slot length in minutes, like 30."));
      parsed = FALSE;
    }
  if (!parsed)
    return FALSE;

  room = self->room ? CL_VIP_ROOM (cl_record_dup (CL_RECORD (self->room))) : cl_vip_room_new ();
  name = cl_schedule_form_text (self->rows[F_NAME]);
  location = cl_schedule_form_text (self->rows[F_LOCATION]);
  cl_vip_room_set_name (room, name);
  cl_vip_room_set_location (room, location);
  cl_vip_room_set_opens (room, opens);
  cl_vip_room_set_closes (room, closes);
  cl_vip_room_set_slot_minutes (room, (int) CLAMP (slot, 0, 24 * 60));
  cl_vip_room_set_active (room, gtk_switch_get_active (self->active));
  if (!cl_vip_store_save_room (self->store, room, cl_context_get_role (self->context), &error))
    {
      cl_schedule_form_show_error (error, field_columns, self->errors, N_FIELDS, self->form_error);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (room)));
  return TRUE;
}

static void
save_clicked_cb (CLVipRoomDialog *self)
{
  cl_vip_room_dialog_save (self);
}

static void
cl_vip_room_dialog_finalize (GObject *object)
{
  CLVipRoomDialog *self = CL_VIP_ROOM_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->room);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_vip_room_dialog_parent_class)->finalize (object);
}

static void
cl_vip_room_dialog_class_init (CLVipRoomDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_vip_room_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_vip_room_dialog_init (CLVipRoomDialog *self)
{
}

CLVipRoomDialog *
cl_vip_room_dialog_new (GtkWindow  *parent,
                        CLContext  *context,
                        CLVipRoom  *room)
{
  const char *titles[N_FIELDS] = { _("Room name"), _("Location"), _("Opens"), _("Closes"), _("Slot length (minutes)") };
  CLVipRoomDialog *self;
  GtkWidget *groups[2] = { adw_preferences_group_new (), NULL };
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;
  g_autofree char *slot = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_VIP_ROOM_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->room = room ? g_object_ref (room) : NULL;

  for (guint i = 0; i < N_FIELDS; i++)
    self->rows[i] = cl_form_entry_row_add (groups[0], titles[i], &self->errors[i]);
  self->active = cl_form_switch_row_add (groups[0], _("Takes bookings"));
  self->form_error = cl_schedule_form_build_window (ADW_WINDOW (self), room ? _("Room Settings") : _("New Room"), _("_Save"),
                                                    G_CALLBACK (save_clicked_cb), groups);

  /* A new room opens 08:00–17:30 in 30-minute slots, like most. */
  opens = g_strdup_printf ("%02d:%02d", (room ? cl_vip_room_get_opens (room) : 8 * 60) / 60,
                           (room ? cl_vip_room_get_opens (room) : 8 * 60) % 60);
  closes = g_strdup_printf ("%02d:%02d", (room ? cl_vip_room_get_closes (room) : 17 * 60 + 30) / 60,
                            (room ? cl_vip_room_get_closes (room) : 17 * 60 + 30) % 60);
  slot = g_strdup_printf ("%d", room ? cl_vip_room_get_slot_minutes (room) : 30);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_NAME]), room && cl_vip_room_get_name (room) ? cl_vip_room_get_name (room) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_LOCATION]), room && cl_vip_room_get_location (room) ? cl_vip_room_get_location (room) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_OPENS]), opens);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_CLOSES]), closes);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_SLOT]), slot);
  gtk_switch_set_active (self->active, room ? cl_vip_room_get_active (room) : TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[F_NAME]));
  return self;
}

GtkWidget *
cl_vip_room_dialog_get_field (CLVipRoomDialog *self,
                              const char      *field)
{
  int i;

  g_return_val_if_fail (CL_IS_VIP_ROOM_DIALOG (self), NULL);

  if (g_strcmp0 (field, "active") == 0)
    return GTK_WIDGET (self->active);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : GTK_WIDGET (self->rows[i]);
}

const char *
cl_vip_room_dialog_get_error (CLVipRoomDialog *self,
                              const char      *field)
{
  g_return_val_if_fail (CL_IS_VIP_ROOM_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
