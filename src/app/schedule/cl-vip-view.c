#define G_LOG_DOMAIN "cl-vip-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date-nav.h"
#include "cl-date.h"
#include "cl-schedule-view-util.h"
#include "cl-vip-booking-dialog.h"
#include "cl-vip-room-dialog.h"
#include "cl-vip-store.h"
#include "cl-vip-view-private.h"

G_DEFINE_FINAL_TYPE (CLVipView, cl_vip_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_MODE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
show_message (CLVipView  *self,
              const char *message)
{
  cl_schedule_view_show_message (self->toast_overlay, &self->last_message, message);
}

gboolean
cl_vip_view_is_week (CLVipView *self)
{
  return g_strcmp0 (self->mode, "week") == 0;
}

CLVipRoom *
cl_vip_view_find_room (CLVipView  *self,
                       const char *id)
{
  for (guint i = 0; i < self->rooms->len; i++)
    if (g_strcmp0 (cl_record_get_id (g_ptr_array_index (self->rooms, i)), id) == 0)
      return g_ptr_array_index (self->rooms, i);
  return NULL;
}

static const char *
patient_name (CLVipView    *self,
              CLVipBooking *booking)
{
  const char *name = self->names ? g_hash_table_lookup (self->names, cl_vip_booking_get_patient_id (booking)) : NULL;

  return name ? name : _("Unknown patient");
}

static ClTimeGridState
grid_state (const char *status)
{
  if (g_strcmp0 (status, CL_VIP_STATUS_CHECKED_IN) == 0)
    return CL_TIME_GRID_ACTIVE;
  if (g_strcmp0 (status, CL_VIP_STATUS_DONE) == 0)
    return CL_TIME_GRID_DONE;
  if (g_strcmp0 (status, CL_VIP_STATUS_CANCELLED) == 0)
    return CL_TIME_GRID_CANCELLED;
  return CL_TIME_GRID_SCHEDULED;
}

static char *
booking_subtitle (CLVipBooking *booking)
{
  return g_strdup_printf ("%s · %s", cl_vip_booking_purpose_label (cl_vip_booking_get_purpose (booking)),
                          cl_vip_booking_status_label (cl_vip_booking_get_status (booking)));
}

/* The room list, and the chooser that shows it. */
static void
load_rooms (CLVipView *self)
{
  g_autoptr(GListStore) rooms = cl_vip_store_list_rooms (self->store, FALSE);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->rooms, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rooms)); i++)
    {
      CLVipRoom *room = g_list_model_get_item (G_LIST_MODEL (rooms), i);

      g_ptr_array_add (self->rooms, room);
      gtk_string_list_append (names, cl_vip_room_get_name (room));
      if (g_strcmp0 (cl_record_get_id (CL_RECORD (room)), self->room_id) == 0)
        selected = i;
    }
  if (self->rooms->len > 0 && cl_vip_view_find_room (self, self->room_id) == NULL)
    {
      g_free (self->room_id);
      self->room_id = g_strdup (cl_record_get_id (g_ptr_array_index (self->rooms, 0)));
    }
  self->syncing_rooms = TRUE;
  gtk_drop_down_set_model (self->room_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->room_dropdown, selected);
  self->syncing_rooms = FALSE;
}

static void
add_room_hours (CLVipView *self,
                guint      column,
                CLVipRoom *room)
{
  cl_time_grid_add_unavailable (self->grid, column, 0, cl_vip_room_get_opens (room));
  cl_time_grid_add_unavailable (self->grid, column, cl_vip_room_get_closes (room), 24 * 60);
}

static void
set_grid_hours (CLVipView *self)
{
  int opens = 8 * 60, closes = 18 * 60, slot = 30;

  /* From the earliest opening to the latest closing, in whole hours;
   * drags snap to the finest slot of the rooms shown. */
  for (guint i = 0; i < self->rooms->len; i++)
    {
      CLVipRoom *room = g_ptr_array_index (self->rooms, i);

      if (cl_vip_view_is_week (self) && g_strcmp0 (cl_record_get_id (CL_RECORD (room)), self->room_id) != 0)
        continue;
      opens = i == 0 || cl_vip_view_is_week (self) ? cl_vip_room_get_opens (room) : MIN (opens, cl_vip_room_get_opens (room));
      closes = i == 0 || cl_vip_view_is_week (self) ? cl_vip_room_get_closes (room) : MAX (closes, cl_vip_room_get_closes (room));
      slot = i == 0 || cl_vip_view_is_week (self) ? cl_vip_room_get_slot_minutes (room) : MIN (slot, cl_vip_room_get_slot_minutes (room));
    }
  cl_time_grid_set_range (self->grid, opens / 60 * 60, MIN ((closes + 59) / 60 * 60, 24 * 60));
  cl_time_grid_set_slot_minutes (self->grid, slot);
}

static void
checkin_clicked_cb (GtkButton *button,
                    CLVipView *self)
{
  CLVipBooking *booking = g_hash_table_lookup (self->bookings, g_object_get_data (G_OBJECT (button), "booking-id"));
  g_autoptr(GError) error = NULL;

  if (booking && !cl_vip_store_set_booking_status (self->store, booking, CL_VIP_STATUS_CHECKED_IN, cl_context_get_role (self->context), &error))
    show_message (self, error->message);
  cl_vip_view_reload (self);
}

/* The arrows show only when the bar overflows, and each is live only
 * while there is more on its side. */
static void
update_checkin_arrows (CLVipView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (self->checkin_scroller);
  double value = gtk_adjustment_get_value (adj);
  double lower = gtk_adjustment_get_lower (adj);
  double upper = gtk_adjustment_get_upper (adj);
  double page = gtk_adjustment_get_page_size (adj);
  gboolean overflows = page > 0 && upper - lower > page + 0.5;

  gtk_widget_set_visible (self->checkin_earlier, overflows);
  gtk_widget_set_visible (self->checkin_later, overflows);
  gtk_widget_set_sensitive (self->checkin_earlier, value > lower + 0.5);
  gtk_widget_set_sensitive (self->checkin_later, value < upper - page - 0.5);
}

static gboolean
arrows_idle_cb (gpointer data)
{
  CLVipView *self = data;

  self->arrows_idle = 0;
  update_checkin_arrows (self);
  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the bar is laid out, when showing or
 * hiding a sibling must wait for the next frame. */
static void
queue_checkin_arrows (CLVipView *self)
{
  if (self->arrows_idle == 0)
    self->arrows_idle = g_idle_add (arrows_idle_cb, self);
}

static void
scroll_checkin_bar (CLVipView *self,
                    int        direction)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (self->checkin_scroller);

  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) +
                                 direction * gtk_adjustment_get_page_size (adj) * 0.8);
}

static void
checkin_earlier_cb (CLVipView *self)
{
  scroll_checkin_bar (self, -1);
}

static void
checkin_later_cb (CLVipView *self)
{
  scroll_checkin_bar (self, 1);
}

/* Today's bookings still to check in, each one click away, in the
 * order of their start (core's). */
static void
fill_checkin_bar (CLVipView *self)
{
  GtkWidget *child;
  GDate today;
  g_autoptr(GPtrArray) due = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checkin_box))))
    gtk_box_remove (self->checkin_box, child);
  cl_context_get_today (self->context, &today);
  if (!cl_vip_view_is_week (self) && g_date_compare (cl_date_nav_get_date (self->date_nav), &today) == 0)
    due = cl_vip_store_to_check_in (self->store, &today, cl_context_get_now (self->context), 8);
  for (guint i = 0; due && i < due->len; i++)
    {
      CLVipBooking *booking = g_ptr_array_index (due, i);
      CLVipRoom *room = cl_vip_view_find_room (self, cl_vip_booking_get_room_id (booking));
      g_autofree char *time = cl_schedule_format_time (cl_vip_booking_get_start_at (booking));
      g_autofree char *text = g_strdup_printf ("%s %s · %s", time, patient_name (self, booking),
                                               room ? cl_vip_room_get_name (room) : "");
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_widget_set_size_request (button, -1, 40);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_set_tooltip_text (button, _("Check in"));
      g_object_set_data_full (G_OBJECT (button), "booking-id", g_strdup (cl_record_get_id (CL_RECORD (booking))), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (checkin_clicked_cb), self);
      gtk_box_append (self->checkin_box, button);
    }
  gtk_widget_set_visible (self->checkin_bar, due && due->len > 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->checkin_scroller), 0);
  queue_checkin_arrows (self);
}

void
cl_vip_view_reload (CLVipView *self)
{
  const GDate *day;
  g_autoptr(GListStore) bookings = NULL;
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  GDate first, today;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->store == NULL)
    return;
  load_rooms (self);
  day = cl_date_nav_get_date (self->date_nav);
  cl_context_get_today (self->context, &today);
  gtk_widget_set_visible (GTK_WIDGET (self->room_dropdown), cl_vip_view_is_week (self));

  cl_time_grid_clear (self->grid);
  set_grid_hours (self);
  if (cl_vip_view_is_week (self))
    {
      CLVipRoom *room = cl_vip_view_find_room (self, self->room_id);

      cl_time_grid_set_place (self->grid, room ? cl_vip_room_get_name (room) : NULL);
      cl_date_nav_week_start (day, &first);
      bookings = room ? cl_vip_store_bookings_of_room (self->store, self->room_id, &first, 7) : g_list_store_new (CL_TYPE_VIP_BOOKING);
      for (guint d = 0; d < 7; d++)
        {
          GDate date = first;
          g_autofree char *weekday = NULL;
          g_autofree char *short_date = NULL;
          g_autofree char *iso = NULL;
          guint column;

          g_date_add_days (&date, d);
          weekday = cl_date_nav_weekday (&date, FALSE);
          short_date = cl_date_format_short (&date, &today);
          iso = cl_date_to_iso (&date);
          column = cl_time_grid_add_column (self->grid, iso, weekday, short_date, cl_schedule_day_start (&date));
          if (room)
            add_room_hours (self, column, room);
        }
    }
  else
    {
      gint64 day_start = cl_schedule_day_start (day);

      cl_time_grid_set_place (self->grid, NULL);
      bookings = cl_vip_store_bookings_of_day (self->store, day);
      for (guint i = 0; i < self->rooms->len; i++)
        {
          CLVipRoom *room = g_ptr_array_index (self->rooms, i);
          guint column = cl_time_grid_add_column (self->grid, cl_record_get_id (CL_RECORD (room)), cl_vip_room_get_name (room),
                                                  cl_vip_room_get_location (room), day_start);

          add_room_hours (self, column, room);
          g_hash_table_insert (columns, (char *) cl_record_get_id (CL_RECORD (room)), GUINT_TO_POINTER (column));
        }
    }

  g_hash_table_remove_all (self->bookings);
  g_clear_pointer (&self->names, g_hash_table_unref);
  self->names = cl_schedule_patient_names (self->store, G_LIST_MODEL (bookings));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bookings)); i++)
    {
      CLVipBooking *booking = g_list_model_get_item (G_LIST_MODEL (bookings), i);
      g_autofree char *subtitle = booking_subtitle (booking);
      gpointer column = NULL;

      g_hash_table_replace (self->bookings, (char *) cl_record_get_id (CL_RECORD (booking)), booking);
      if (cl_vip_view_is_week (self))
        {
          GDate date;

          cl_schedule_day_of (cl_vip_booking_get_start_at (booking), &date);
          column = GUINT_TO_POINTER (g_date_days_between (&first, &date));
        }
      else if (!g_hash_table_lookup_extended (columns, cl_vip_booking_get_room_id (booking), NULL, &column))
        continue;  /* a room closed for bookings */
      cl_time_grid_add_block (self->grid, cl_record_get_id (CL_RECORD (booking)), GPOINTER_TO_UINT (column),
                              cl_vip_booking_get_start_at (booking), cl_vip_booking_get_end_at (booking),
                              patient_name (self, booking), subtitle,
                              grid_state (cl_vip_booking_get_status (booking)),
                              cl_vip_booking_is_pending (booking));
    }
  cl_time_grid_set_now (self->grid, cl_context_get_now (self->context));
  fill_checkin_bar (self);
}

static const char *
room_of_column (CLVipView *self,
                guint      column)
{
  return cl_vip_view_is_week (self) ? self->room_id : cl_time_grid_get_column_id (self->grid, column);
}

/* The toast's Show: the day (or week) of booking @id, with it focused. */
static void
show_booking (GtkWidget  *widget,
              const char *id)
{
  CLVipView *self = CL_VIP_VIEW (widget);
  g_autoptr(CLVipBooking) booking = NULL;
  g_autofree char *keep = g_strdup (id);
  GDate day;

  if (self->store == NULL)
    return;
  booking = (CLVipBooking *) cl_store_load_record (self->store, CL_TYPE_VIP_BOOKING, id, NULL);
  if (booking == NULL)
    return;
  cl_schedule_day_of (cl_vip_booking_get_start_at (booking), &day);
  if (cl_vip_view_is_week (self))
    {
      g_free (self->room_id);
      self->room_id = g_strdup (cl_vip_booking_get_room_id (booking));
    }
  cl_date_nav_set_date (self->date_nav, &day);
  cl_vip_view_reload (self);
  cl_time_grid_focus_block (self->grid, keep);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

/* Is the booking on what the view shows: its day, or in the week view
 * its room's week. */
static gboolean
view_shows (CLVipView    *self,
            CLVipBooking *booking)
{
  GDate day, first;
  const GDate *shown = cl_date_nav_get_date (self->date_nav);
  int offset;

  cl_schedule_day_of (cl_vip_booking_get_start_at (booking), &day);
  if (!cl_vip_view_is_week (self))
    return g_date_compare (&day, shown) == 0;
  cl_date_nav_week_start (shown, &first);
  offset = g_date_days_between (&first, &day);
  return offset >= 0 && offset < 7 && g_strcmp0 (cl_vip_booking_get_room_id (booking), self->room_id) == 0;
}

static void
booking_saved_cb (CLVipView  *self,
                  const char *id)
{
  g_autoptr(CLVipBooking) booking = NULL;
  g_autofree char *keep = g_strdup (id);

  cl_vip_view_reload (self);
  booking = (CLVipBooking *) cl_store_load_record (self->store, CL_TYPE_VIP_BOOKING, keep, NULL);
  if (booking == NULL)
    return;
  /* Translators: a toast after booking for a day not on screen; %s is
   * the day, "Tue 8 Dec 2026" */
  if (!cl_schedule_view_toast_elsewhere (self->toast_overlay, GTK_WIDGET (self), &self->last_message,
                                         _("Booked for %s"), view_shows (self, booking),
                                         cl_vip_booking_get_start_at (booking), keep, show_booking))
    cl_time_grid_focus_block (self->grid, keep);
}

void
cl_vip_view_create (CLVipView *self,
                    guint      column,
                    gint64     start,
                    gint64     end)
{
  CLVipBookingDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cl_vip_booking_dialog_new (cl_schedule_view_parent (GTK_WIDGET (self)), self->context, NULL,
                                      column == G_MAXUINT ? self->room_id : room_of_column (self, column), start, end);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (booking_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
block_moved_cb (CLVipView  *self,
                const char *id,
                guint       column,
                gint64      start,
                gint64      end)
{
  CLVipBooking *booking = g_hash_table_lookup (self->bookings, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = g_strdup (id);

  if (booking == NULL)
    return;
  if (!cl_vip_store_move_booking (self->store, booking, room_of_column (self, column), start, end, cl_context_get_role (self->context), &error))
    show_message (self, error->message);
  cl_vip_view_reload (self);
  cl_time_grid_focus_block (self->grid, keep);
}

static void
column_activated_cb (CLVipView *self,
                     guint      column)
{
  /* A day's header opens the day across rooms; a room's, its week. */
  if (cl_vip_view_is_week (self))
    {
      GDate date;

      cl_schedule_day_of (cl_time_grid_get_column_day (self->grid, column) + 12 * 3600, &date);
      cl_date_nav_set_date (self->date_nav, &date);
      cl_vip_view_set_mode (self, "day");
    }
  else
    {
      cl_vip_view_set_room (self, cl_time_grid_get_column_id (self->grid, column));
      cl_vip_view_set_mode (self, "week");
    }
}

/* The toast's Undo: booked again, or why not. */
static void
undo_cancel (GtkWidget  *widget,
             CLRecord   *record,
             const char *status)
{
  CLVipView *self = CL_VIP_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!cl_vip_store_restore_booking (self->store, CL_VIP_BOOKING (record), cl_context_get_role (self->context), &error))
    {
      show_message (self, error->message);
      return;
    }
  cl_vip_view_reload (self);
  cl_time_grid_focus_block (self->grid, cl_record_get_id (record));
}

static void
booking_action_cb (CLSchedulePopover *popover,
                   const char        *action,
                   CLVipView         *self)
{
  CLVipBooking *booking = g_hash_table_lookup (self->bookings, g_object_get_data (G_OBJECT (popover), "booking-id"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (booking == NULL)
    return;
  g_object_ref (booking);
  if (g_str_equal (action, "edit"))
    {
      CLVipBookingDialog *dialog = cl_vip_booking_dialog_new (cl_schedule_view_parent (GTK_WIDGET (self)), self->context,
                                                              booking, NULL, 0, 0);

      gtk_popover_popdown (GTK_POPOVER (popover));
      g_signal_connect_object (dialog, "saved", G_CALLBACK (booking_saved_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      g_object_unref (booking);
      return;
    }
  if (g_str_equal (action, CL_VIP_STATUS_CANCELLED))
    ok = cl_vip_store_cancel_booking (self->store, booking, cl_context_get_role (self->context), &error);
  else
    ok = cl_vip_store_set_booking_status (self->store, booking, action, cl_context_get_role (self->context), &error);
  if (ok)
    {
      gtk_popover_popdown (GTK_POPOVER (popover));
      cl_vip_view_reload (self);
      if (g_str_equal (action, CL_VIP_STATUS_CANCELLED))
        cl_schedule_view_toast_undo (self->toast_overlay, GTK_WIDGET (self), _("Booking cancelled"),
                                     CL_RECORD (booking), CL_VIP_STATUS_BOOKED, undo_cancel);
    }
  else
    cl_schedule_popover_set_message (popover, error->message);
  g_object_unref (booking);
}

CLSchedulePopover *
cl_vip_view_open_booking (CLVipView  *self,
                          const char *id)
{
  CLVipBooking *booking;
  CLVipRoom *room;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *by = NULL;

  g_return_val_if_fail (CL_IS_VIP_VIEW (self), NULL);

  booking = g_hash_table_lookup (self->bookings, id);
  if (booking == NULL)
    return NULL;
  if (self->popover)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  room = cl_vip_view_find_room (self, cl_vip_booking_get_room_id (booking));
  when = cl_schedule_format_interval (cl_vip_booking_get_start_at (booking), cl_vip_booking_get_end_at (booking));
  subtitle = booking_subtitle (booking);
  {
    g_autofree char *name = cl_vip_store_booked_by_name (self->store, booking);

    by = g_strdup_printf (_("Booked by %s"), name);
  }

  self->popover = cl_schedule_popover_new (patient_name (self, booking));
  cl_schedule_popover_add_line (self->popover, when, "heading");
  cl_schedule_popover_add_line (self->popover, room ? cl_vip_room_get_name (room) : NULL, NULL);
  cl_schedule_popover_add_line (self->popover, subtitle, NULL);
  cl_schedule_popover_add_line (self->popover, by, "dim-label");
  cl_schedule_popover_add_line (self->popover, cl_vip_booking_get_note (booking), "dim-label");
  g_object_set_data_full (G_OBJECT (self->popover), "booking-id", g_strdup (id), g_free);
  if (cl_vip_booking_is_pending (booking))
    {
      /* Not days ahead: only from the booking's day. */
      if (cl_vip_booking_may_check_in (booking, cl_context_get_now (self->context)))
        cl_schedule_popover_add_action (self->popover, CL_VIP_STATUS_CHECKED_IN, _("_Check In"), CL_SCHEDULE_ACTION_SUGGESTED);
      cl_schedule_popover_add_action (self->popover, "edit", _("_Edit…"), CL_SCHEDULE_ACTION_NORMAL);
      cl_schedule_popover_add_action (self->popover, CL_VIP_STATUS_CANCELLED, _("Cancel _Booking"), CL_SCHEDULE_ACTION_DESTRUCTIVE);
    }
  else if (cl_vip_booking_is_in_room (booking))
    cl_schedule_popover_add_action (self->popover, CL_VIP_STATUS_DONE, _("_Done"), CL_SCHEDULE_ACTION_SUGGESTED);
  g_signal_connect_object (self->popover, "action", G_CALLBACK (booking_action_cb), self, 0);

  cl_schedule_view_point_popover (self->popover, self->grid, id);
  g_object_add_weak_pointer (G_OBJECT (self->popover), (gpointer *) &self->popover);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  return self->popover;
}

static void
block_activated_cb (CLVipView  *self,
                    const char *id)
{
  cl_vip_view_open_booking (self, id);
}

static gboolean
reload_idle_cb (gpointer data)
{
  CLVipView *self = data;

  self->reload_idle = 0;
  cl_vip_view_reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CLVipView  *self,
                  const char *table)
{
  static const char * const tables[] = { "vip_booking", "vip_room", "patient", NULL };

  /* A booking made at another desk shows as soon as the pull lands. */
  cl_schedule_view_queue_reload (GTK_WIDGET (self), table, tables, &self->reload_idle, reload_idle_cb);
}

static void
room_selected_cb (CLVipView *self)
{
  guint selected = gtk_drop_down_get_selected (self->room_dropdown);

  if (self->syncing_rooms || selected >= self->rooms->len)
    return;
  cl_vip_view_set_room (self, cl_record_get_id (g_ptr_array_index (self->rooms, selected)));
}

/* ---- the context ---------------------------------------------------- */

static void
context_store_cb (CLVipView *self)
{
  if (!cl_schedule_view_follow_store (GTK_WIDGET (self), self->context, &self->store,
                                      G_CALLBACK (store_changed_cb)))
    return;
  cl_vip_view_reload (self);
  /* Open on the coming hours, with the last one for context. */
  cl_time_grid_scroll_to_minute (self->grid, cl_schedule_minutes_of_day (cl_context_get_now (self->context)) - 60);
}

static void
context_role_cb (CLVipView *self)
{
  /* Rooms are configured by whoever may write them. */
  gtk_widget_set_visible (self->rooms_button, cl_context_may (self->context, CL_WRITE, "vip_room"));
}

static void
cl_vip_view_constructed (GObject *object)
{
  CLVipView *self = CL_VIP_VIEW (object);

  G_OBJECT_CLASS (cl_vip_view_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (context_role_cb), self, G_CONNECT_SWAPPED);
  context_store_cb (self);
  context_role_cb (self);
}

/* ---- GObject -------------------------------------------------------- */

static void
cl_vip_view_dispose (GObject *object)
{
  CLVipView *self = CL_VIP_VIEW (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_handle_id (&self->arrows_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VIP_VIEW);
  G_OBJECT_CLASS (cl_vip_view_parent_class)->dispose (object);
}

static void
cl_vip_view_finalize (GObject *object)
{
  CLVipView *self = CL_VIP_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_ptr_array_unref (self->rooms);
  g_hash_table_unref (self->bookings);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_free (self->mode);
  g_free (self->room_id);
  g_free (self->last_message);
  G_OBJECT_CLASS (cl_vip_view_parent_class)->finalize (object);
}

static void
cl_vip_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, CL_VIP_VIEW (object)->context);
      break;
    case PROP_MODE:
      g_value_set_string (value, CL_VIP_VIEW (object)->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vip_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      CL_VIP_VIEW (object)->context = g_value_dup_object (value);
      break;
    case PROP_MODE:
      cl_vip_view_set_mode (CL_VIP_VIEW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vip_view_class_init (CLVipViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_vip_view_dispose;
  object_class->finalize = cl_vip_view_finalize;
  object_class->get_property = cl_vip_view_get_property;
  object_class->set_property = cl_vip_view_set_property;
  object_class->constructed = cl_vip_view_constructed;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] = g_param_spec_string ("mode", NULL, NULL, "day",
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_DATE_NAV);
  g_type_ensure (CL_TYPE_TIME_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/schedule/cl-vip-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLVipView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLVipView, date_nav);
  gtk_widget_class_bind_template_child (widget_class, CLVipView, room_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLVipView, rooms_button);
  gtk_widget_class_bind_template_child (widget_class, CLVipView, checkin_bar);
  gtk_widget_class_bind_template_child (widget_class, CLVipView, checkin_box);
  gtk_widget_class_bind_template_child (widget_class, CLVipView, checkin_scroller);
  gtk_widget_class_bind_template_child (widget_class, CLVipView, checkin_earlier);
  gtk_widget_class_bind_template_child (widget_class, CLVipView, checkin_later);
  gtk_widget_class_bind_template_child (widget_class, CLVipView, grid);

  cl_vip_view_install_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_vip_view_init (CLVipView *self)
{
  self->rooms = g_ptr_array_new_with_free_func (g_object_unref);
  self->bookings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->mode = g_strdup ("day");
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->date_nav, "notify::date", G_CALLBACK (cl_vip_view_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->room_dropdown, "notify::selected", G_CALLBACK (room_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "create-requested", G_CALLBACK (cl_vip_view_create), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "block-moved", G_CALLBACK (block_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "block-activated", G_CALLBACK (block_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "column-activated", G_CALLBACK (column_activated_cb), self, G_CONNECT_SWAPPED);
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (self->checkin_scroller);

    g_signal_connect_object (adj, "changed", G_CALLBACK (queue_checkin_arrows), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (adj, "value-changed", G_CALLBACK (queue_checkin_arrows), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->checkin_earlier, "clicked", G_CALLBACK (checkin_earlier_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->checkin_later, "clicked", G_CALLBACK (checkin_later_cb), self, G_CONNECT_SWAPPED);
  }
}

void
cl_vip_view_set_date (CLVipView   *self,
                      const GDate *date)
{
  g_return_if_fail (CL_IS_VIP_VIEW (self));
  cl_date_nav_set_date (self->date_nav, date);
}

void
cl_vip_view_set_mode (CLVipView  *self,
                      const char *mode)
{
  g_return_if_fail (CL_IS_VIP_VIEW (self));

  if (g_strcmp0 (mode, "week") != 0)
    mode = "day";
  if (g_strcmp0 (mode, self->mode) != 0)
    {
      g_free (self->mode);
      self->mode = g_strdup (mode);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
  cl_date_nav_set_step (self->date_nav, cl_vip_view_is_week (self) ? 7 : 1);
  cl_vip_view_reload (self);
}

void
cl_vip_view_set_room (CLVipView  *self,
                      const char *room_id)
{
  g_return_if_fail (CL_IS_VIP_VIEW (self));
  if (g_strcmp0 (room_id, self->room_id) == 0)
    return;
  g_free (self->room_id);
  self->room_id = g_strdup (room_id);
  cl_vip_view_reload (self);
}

CLTimeGrid *
cl_vip_view_get_grid (CLVipView *self)
{
  g_return_val_if_fail (CL_IS_VIP_VIEW (self), NULL);
  return self->grid;
}

const char *
cl_vip_view_get_last_message (CLVipView *self)
{
  g_return_val_if_fail (CL_IS_VIP_VIEW (self), NULL);
  return self->last_message;
}
