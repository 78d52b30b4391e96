/* cl-vip-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-vip-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-schedule-private.h"
#include "cl-staff-store.h"
#include "cl-store-schedule.h"
#include "cl-util.h"
#include "cl-vip-store.h"

/* ---- rooms --------------------------------------------------------- */

GListStore *
cl_vip_store_list_rooms (CLStore  *store,
                         gboolean  include_inactive)
{
  g_autoptr(GPtrArray) rows = NULL;
  GListStore *list = g_list_store_new (CL_TYPE_VIP_ROOM);

  g_return_val_if_fail (CL_IS_STORE (store), list);

  rows = cl_store_schedule_rooms (store, include_inactive);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return list;
}

static gboolean
check_room (CLStore     *store,
            CLRecord    *record,
            CLRecord    *stored,
            const char  *role,
            GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (cl_vip_room_get_name (CL_VIP_ROOM (record)) ?
                                                cl_vip_room_get_name (CL_VIP_ROOM (record)) : ""));

  cl_vip_room_set_name (CL_VIP_ROOM (record), name);
  return cl_schedule_check_room (CL_VIP_ROOM (record), error);
}

gboolean
cl_vip_store_save_room (CLStore     *store,
                        CLVipRoom   *room,
                        const char  *role,
                        GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_VIP_ROOM (room), FALSE);

  return cl_schedule_save_record (store, CL_RECORD (room), NULL, role, check_room, error);
}

/* ---- bookings ------------------------------------------------------ */

static gboolean
check_booking (CLStore     *store,
               CLRecord    *record,
               CLRecord    *stored,
               const char  *role,
               GError     **error)
{
  CLVipBooking *booking = CL_VIP_BOOKING (record);

  if (stored == NULL && cl_str_empty (cl_vip_booking_get_status (booking)))
    cl_vip_booking_set_status (booking, CL_VIP_STATUS_BOOKED);
  if (cl_str_empty (cl_vip_booking_get_booked_by (booking)))
    cl_vip_booking_set_booked_by (booking, cl_store_get_actor (store));

  return cl_schedule_check_booking (store, booking, (CLVipBooking *) stored,
                                    cl_schedule_now (), CL_SCHEDULE_CHECK_ALL, NULL, error);
}

gboolean
cl_vip_store_save_booking (CLStore       *store,
                           CLVipBooking  *booking,
                           const char    *role,
                           GError       **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_VIP_BOOKING (booking), FALSE);

  return cl_schedule_save_record (store, CL_RECORD (booking), NULL, role, check_booking, error);
}

gboolean
cl_vip_store_move_booking (CLStore       *store,
                           CLVipBooking  *booking,
                           const char    *room_id,
                           gint64         start_at,
                           gint64         end_at,
                           const char    *role,
                           GError       **error)
{
  g_autoptr(CLVipBooking) copy = NULL;

  g_return_val_if_fail (CL_IS_VIP_BOOKING (booking), FALSE);

  copy = CL_VIP_BOOKING (cl_record_dup (CL_RECORD (booking)));
  cl_vip_booking_set_room_id (copy, room_id);
  cl_vip_booking_set_start_at (copy, start_at);
  cl_vip_booking_set_end_at (copy, end_at);
  return cl_schedule_save_record (store, CL_RECORD (booking), CL_RECORD (copy), role, check_booking, error);
}

gboolean
cl_vip_store_set_booking_status (CLStore       *store,
                                 CLVipBooking  *booking,
                                 const char    *status,
                                 const char    *role,
                                 GError       **error)
{
  g_autoptr(CLVipBooking) copy = NULL;

  g_return_val_if_fail (CL_IS_VIP_BOOKING (booking), FALSE);

  copy = CL_VIP_BOOKING (cl_record_dup (CL_RECORD (booking)));
  cl_vip_booking_set_status (copy, status);
  return cl_schedule_save_record (store, CL_RECORD (booking), CL_RECORD (copy), role, check_booking, error);
}

gboolean
cl_vip_store_cancel_booking (CLStore       *store,
                             CLVipBooking  *booking,
                             const char    *role,
                             GError       **error)
{
  return cl_vip_store_set_booking_status (store, booking, CL_VIP_STATUS_CANCELLED, role, error);
}

gboolean
cl_vip_store_restore_booking (CLStore       *store,
                              CLVipBooking  *booking,
                              const char    *role,
                              GError       **error)
{
  return cl_vip_store_set_booking_status (store, booking, CL_VIP_STATUS_BOOKED, role, error);
}

static GListStore *
bookings_between (CLStore     *store,
                  const GDate *day,
                  guint        n_days,
                  const char  *room_id)
{
  GDate end = *day;
  gint64 from, to;

  g_date_add_days (&end, n_days);
  from = cl_schedule_day_start (day);
  to = cl_schedule_day_start (&end);
  if (room_id)
    return cl_store_schedule_bookings_of_room (store, from, to, room_id);
  return cl_store_schedule_bookings (store, from, to);
}

char *
cl_vip_store_booked_by_name (CLStore      *store,
                             CLVipBooking *booking)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (CL_IS_VIP_BOOKING (booking), NULL);

  return cl_staff_store_name_of_user (store, cl_vip_booking_get_booked_by (booking));
}

GListStore *
cl_vip_store_bookings_of_room (CLStore     *store,
                               const char  *room_id,
                               const GDate *first_day,
                               guint        n_days)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (room_id != NULL, NULL);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), NULL);

  return bookings_between (store, first_day, n_days, room_id);
}

GListStore *
cl_vip_store_bookings_of_day (CLStore     *store,
                              const GDate *day)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  return bookings_between (store, day, 1, NULL);
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  CLVipBooking *x = *(CLVipBooking **) a;
  CLVipBooking *y = *(CLVipBooking **) b;
  gint64 sx = cl_vip_booking_get_start_at (x), sy = cl_vip_booking_get_start_at (y);

  if (sx != sy)
    return sx < sy ? -1 : 1;
  return g_strcmp0 (cl_vip_booking_get_room_id (x), cl_vip_booking_get_room_id (y));
}

GPtrArray *
cl_vip_store_to_check_in (CLStore     *store,
                          const GDate *day,
                          gint64       now,
                          guint        max)
{
  g_autoptr(GListStore) bookings = NULL;
  GPtrArray *due = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CL_IS_STORE (store), due);
  g_return_val_if_fail (day != NULL && g_date_valid (day), due);

  bookings = bookings_between (store, day, 1, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bookings)); i++)
    {
      g_autoptr(CLVipBooking) booking = g_list_model_get_item (G_LIST_MODEL (bookings), i);

      if (cl_vip_booking_is_pending (booking) && cl_vip_booking_get_end_at (booking) > now)
        g_ptr_array_add (due, g_steal_pointer (&booking));
    }
  /* g_ptr_array_sort is not stable, hence the room as a second key. */
  g_ptr_array_sort (due, compare_start);
  if (due->len > max)
    g_ptr_array_set_size (due, max);
  return due;
}

gboolean
cl_vip_store_is_free (CLStore       *store,
                      const char    *room_id,
                      gint64         start_at,
                      gint64         end_at,
                      const char    *except_id,
                      CLVipBooking **conflict)
{
  g_autoptr(CLVipBooking) other = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  other = cl_schedule_find_booking_overlap (store, room_id, start_at, end_at, except_id, NULL);
  if (other && conflict)
    *conflict = g_object_ref (other);
  return other == NULL;
}

GArray *
cl_vip_store_free_slots (CLStore     *store,
                         CLVipRoom   *room,
                         const GDate *day)
{
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListStore) bookings = NULL;
  gint64 now = cl_schedule_now ();
  gint slot;

  g_return_val_if_fail (CL_IS_STORE (store), slots);
  g_return_val_if_fail (CL_IS_VIP_ROOM (room), slots);
  g_return_val_if_fail (day != NULL && g_date_valid (day), slots);

  slot = cl_vip_room_get_slot_minutes (room);
  if (slot <= 0)
    return slots;

  /* The room's bookings of the day once, rather than a query a slot. */
  bookings = bookings_between (store, day, 1, cl_record_get_id (CL_RECORD (room)));
  for (gint m = cl_vip_room_get_opens (room); m + slot <= cl_vip_room_get_closes (room); m += slot)
    {
      gint64 start = cl_schedule_at (day, m);
      gint64 end = cl_schedule_at (day, m + slot);
      gboolean free = start >= now;

      for (guint i = 0; free && i < g_list_model_get_n_items (G_LIST_MODEL (bookings)); i++)
        {
          g_autoptr(CLVipBooking) b = g_list_model_get_item (G_LIST_MODEL (bookings), i);

          free = !cl_schedule_overlaps (start, end, cl_vip_booking_get_start_at (b),
                                        cl_vip_booking_get_end_at (b));
        }
      if (free)
        g_array_append_val (slots, start);
    }
  return slots;
}

/* ---- the printed day list ------------------------------------------ */

CLScheduleSheet *
cl_vip_store_day_sheet (CLStore     *store,
                        const GDate *day,
                        const char  *room_id)
{
  const char *headers[] = {
    C_("room sheet", "Time"), C_("room sheet", "Patient"), C_("room sheet", "Purpose"),
    C_("room sheet", "Status"), C_("room sheet", "Booked by"), C_("room sheet", "Note"), NULL
  };
  static const double widths[] = { 1.6, 1.6, 1.4, 1.2, 1.3, 3.0 };
  g_autoptr(GListStore) rooms = NULL;
  g_autofree char *date = NULL;
  CLScheduleSheet *sheet;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  date = cl_date_format_display (day);
  sheet = cl_schedule_sheet_new (_("VIP room day list"), date, headers, widths);
  cl_schedule_sheet_set_empty_text (sheet, _("No bookings on this day."));

  rooms = cl_vip_store_list_rooms (store, room_id != NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rooms)); i++)
    {
      g_autoptr(CLVipRoom) room = g_list_model_get_item (G_LIST_MODEL (rooms), i);
      g_autoptr(GListStore) bookings = NULL;
      g_autoptr(GHashTable) names = NULL;
      g_autofree char *opens = NULL;
      g_autofree char *heading = NULL;

      if (room_id && g_strcmp0 (room_id, cl_record_get_id (CL_RECORD (room))) != 0)
        continue;
      bookings = bookings_between (store, day, 1, cl_record_get_id (CL_RECORD (room)));
      names = cl_schedule_patient_names (store, G_LIST_MODEL (bookings));
      opens = cl_schedule_format_interval (cl_schedule_at (day, cl_vip_room_get_opens (room)),
                                           cl_schedule_at (day, cl_vip_room_get_closes (room)));
      heading = g_strdup_printf ("%s · %s · %s", cl_vip_room_get_name (room),
                                 cl_vip_room_get_location (room) ? cl_vip_room_get_location (room) : "",
                                 opens);
      cl_schedule_sheet_add_section (sheet, heading);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (bookings)); j++)
        {
          g_autoptr(CLVipBooking) b = g_list_model_get_item (G_LIST_MODEL (bookings), j);
          g_autofree char *when = cl_schedule_format_interval (cl_vip_booking_get_start_at (b),
                                                               cl_vip_booking_get_end_at (b));
          const char *name = g_hash_table_lookup (names, cl_vip_booking_get_patient_id (b) ? cl_vip_booking_get_patient_id (b) : "");
          const char *purpose = cl_vip_booking_purpose_label (cl_vip_booking_get_purpose (b));
          const char *status = cl_vip_booking_status_label (cl_vip_booking_get_status (b));
          /* By name, as the popover shows it. */
          g_autofree char *by = cl_vip_store_booked_by_name (store, b);
          const char *cells[] = {
            when, name ? name : "", purpose ? purpose : "", status ? status : "", by,
            cl_vip_booking_get_note (b) ? cl_vip_booking_get_note (b) : "", NULL
          };

          cl_schedule_sheet_add_row (sheet, cells, NULL);
        }
    }
  return sheet;
}
