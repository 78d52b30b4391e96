#pragma once

#include "cl-escort-task.h"
#include "cl-store.h"
#include "cl-vip-booking.h"
#include "cl-vip-room.h"

G_BEGIN_DECLS

/* The timetable's reads (cl-store-schedule.c): escort tasks and VIP
 * bookings by time range, the overlaps the rules refuse, rooms.  Times
 * are UTC seconds; a range is [@from, @to).  Cancelled entries are left
 * out of every list. */

/* Tasks starting in the range, by start. */
GListStore   *cl_store_schedule_tasks             (CLStore      *store,
                                                   gint64        from,
                                                   gint64        to);
/* The same for one escort's tasks, or (@escort_id NULL or "") the
 * tasks nobody is given yet. */
GListStore   *cl_store_schedule_tasks_of_escort   (CLStore      *store,
                                                   gint64        from,
                                                   gint64        to,
                                                   const char   *escort_id);
/* Calls @func with the escort ("" for none) and the start of every
 * task starting in the range, in no order. */
void          cl_store_schedule_foreach_task_start (CLStore     *store,
                                                   gint64        from,
                                                   gint64        to,
                                                   void        (*func) (const char *escort_id,
                                                                        gint64      start_at,
                                                                        gpointer    user_data),
                                                   gpointer      user_data);

/* Bookings starting in the range, by room name, room, then start. */
GListStore   *cl_store_schedule_bookings          (CLStore      *store,
                                                   gint64        from,
                                                   gint64        to);
/* One room's bookings starting in the range, by start. */
GListStore   *cl_store_schedule_bookings_of_room  (CLStore      *store,
                                                   gint64        from,
                                                   gint64        to,
                                                   const char   *room_id);

/* The first live task of @escort_id (other than @except_id, may be
 * NULL) that overlaps [@start_at, @end_at) and is neither cancelled
 * nor a no-show, or NULL.  No entry lasts longer than
 * CL_SCHEDULE_DAY_SECONDS. */
CLEscortTask *cl_store_schedule_task_overlap      (CLStore      *store,
                                                   const char   *escort_id,
                                                   gint64        start_at,
                                                   gint64        end_at,
                                                   const char   *except_id);
/* The same for a room's bookings that are not cancelled. */
CLVipBooking *cl_store_schedule_booking_overlap   (CLStore      *store,
                                                   const char   *room_id,
                                                   gint64        start_at,
                                                   gint64        end_at,
                                                   const char   *except_id);

/* Live rooms (only the active ones unless @include_inactive), by name. */
GPtrArray    *cl_store_schedule_rooms             (CLStore      *store,
                                                   gboolean      include_inactive);

G_END_DECLS
