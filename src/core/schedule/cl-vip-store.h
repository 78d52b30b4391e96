#pragma once

#include <gio/gio.h>

#include "cl-schedule-sheet.h"
#include "cl-schedule.h"
#include "cl-store.h"
#include "cl-vip-booking.h"
#include "cl-vip-room.h"

G_BEGIN_DECLS

/* VIP rooms and their bookings (issue #5) as functions on the store.
 * Same conventions as cl-escort-store.h: one transaction per action
 * with the role check, the rules (cl_schedule_check_booking()) and the
 * record + outbox write; CL_SCHEDULE_ERROR / CL_STORE_ERROR on refusal
 * with nothing written and the record untouched.
 *
 * Lists are GListStore of CLVipRoom / CLVipBooking, fresh on every
 * call; booking lists hold every booking that is not deleted and not
 * cancelled, in start order.  A view refreshes on the store's
 * "changed::vip_booking" and
 * "changed::vip_room" signals, which also fire for changes
 * pulled from the server. */

/* ---- rooms (administrator) ---- */

/* Rooms by name; only active ones unless @include_inactive. */
GListStore *cl_vip_store_list_rooms         (CLStore       *store,
                                             gboolean       include_inactive);

/* Validates (cl_schedule_check_room()) and saves a room; admin only.
 * Changing the hours or the grid leaves existing bookings alone. */
gboolean    cl_vip_store_save_room          (CLStore       *store,
                                             CLVipRoom     *room,
                                             const char    *role,
                                             GError       **error);

/* ---- bookings ---- */

/* Saves a new or edited booking.  A new booking starts booked, and
 * booked_by is the store's actor when left empty. */
gboolean    cl_vip_store_save_booking       (CLStore       *store,
                                             CLVipBooking  *booking,
                                             const char    *role,
                                             GError       **error);

/* Moves @booking to @room_id and [start_at, end_at) (drag to move). */
gboolean    cl_vip_store_move_booking       (CLStore       *store,
                                             CLVipBooking  *booking,
                                             const char    *room_id,
                                             gint64         start_at,
                                             gint64         end_at,
                                             const char    *role,
                                             GError       **error);

/* Changes the status (CL_VIP_STATUS_*) if allowed. */
gboolean    cl_vip_store_set_booking_status (CLStore       *store,
                                             CLVipBooking  *booking,
                                             const char    *status,
                                             const char    *role,
                                             GError       **error);

/* cl_vip_store_set_booking_status() to cancelled: the slot is free
 * again. */
gboolean    cl_vip_store_cancel_booking     (CLStore       *store,
                                             CLVipBooking  *booking,
                                             const char    *role,
                                             GError       **error);

/* Undoes cl_vip_store_cancel_booking(): @booking (as the cancel left
 * it) is booked again, if its slot is still free; else a
 * CL_SCHEDULE_ERROR_OVERLAP that says the slot was taken since.  A
 * normal change, pushed like any other. */
gboolean    cl_vip_store_restore_booking    (CLStore       *store,
                                             CLVipBooking  *booking,
                                             const char    *role,
                                             GError       **error);

/* Who booked @booking, as shown: the display name of the staff member
 * whose user name is its booked_by, else that user name ("" if none). */
char       *cl_vip_store_booked_by_name     (CLStore       *store,
                                             CLVipBooking  *booking);

/* Bookings of @room_id starting on @n_days days from @first_day (the
 * week calendar: 7). */
GListStore *cl_vip_store_bookings_of_room   (CLStore       *store,
                                             const char    *room_id,
                                             const GDate   *first_day,
                                             guint          n_days);

/* Bookings of every room starting on @day (the day view across
 * rooms), by room then start. */
GListStore *cl_vip_store_bookings_of_day    (CLStore       *store,
                                             const GDate   *day);

/* Bookings on @day still to check in at @now (pending and not yet
 * over), by start time, then room: the order the steward meets them
 * in, whatever the day view's order (by room).  At most @max. */
GPtrArray  *cl_vip_store_to_check_in        (CLStore       *store,
                                             const GDate   *day,
                                             gint64         now,
                                             guint          max);

/* Is [start_at, end_at) free in @room_id, ignoring @except_id (the
 * booking being moved)?  When not, @conflict (if given) receives the
 * booking in the way.  Only the overlap is checked here. */
gboolean    cl_vip_store_is_free            (CLStore       *store,
                                             const char    *room_id,
                                             gint64         start_at,
                                             gint64         end_at,
                                             const char    *except_id,
                                             CLVipBooking **conflict);

/* Start instants (UTC seconds, as gint64) of the free slots of @room on
 * @day, one slot long each, within the opening hours; slots already
 * begun (before cl_schedule_now()) are left out.  For a keyboard way
 * to book. */
GArray     *cl_vip_store_free_slots         (CLStore       *store,
                                             CLVipRoom     *room,
                                             const GDate   *day);

/* The printable day list of @room_id on @day (cl-schedule-print.h);
 * NULL @room_id: one section (page) per active room. */
CLScheduleSheet *cl_vip_store_day_sheet     (CLStore       *store,
                                             const GDate   *day,
                                             const char    *room_id);

G_END_DECLS
