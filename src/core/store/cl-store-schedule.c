/* cl-store-schedule.c
 *
 * The timetable's reads (cl-store-schedule.h): escort tasks and VIP
 * bookings by time range, read fast enough for a busy day's views, and
 * the overlap lookups of the booking rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-schedule"

#include "config.h"

#include "cl-schedule.h"
#include "cl-store-private.h"
#include "cl-store-schedule.h"
#include "cl-util.h"

/* The views load hundreds of entries at a time (a day of 40 escorts
 * is 800 tasks): rows are read with the setters rather than through
 * GObject property lookups, which is several times faster. */

#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))

static void
record_from_row (CLRecord     *record,
                 sqlite3_stmt *stmt)
{
  cl_record_set_id (record, TEXT (0));
  cl_record_set_rev (record, sqlite3_column_int64 (stmt, 1));
  cl_record_set_updated_at (record, sqlite3_column_int64 (stmt, 2));
  cl_record_set_updated_by (record, TEXT (3));
}

static gpointer
task_from_row (sqlite3_stmt *stmt)
{
  CLEscortTask *task = g_object_new (CL_TYPE_ESCORT_TASK, NULL);

  record_from_row (CL_RECORD (task), stmt);
  cl_escort_task_set_patient_id (task, TEXT (4));
  cl_escort_task_set_kind (task, TEXT (5));
  cl_escort_task_set_place_from (task, TEXT (6));
  cl_escort_task_set_place_to (task, TEXT (7));
  cl_escort_task_set_start_at (task, sqlite3_column_int64 (stmt, 8));
  cl_escort_task_set_end_at (task, sqlite3_column_int64 (stmt, 9));
  cl_escort_task_set_escort_id (task, TEXT (10));
  cl_escort_task_set_status (task, TEXT (11));
  cl_escort_task_set_handover_ward (task, TEXT (12));
  cl_escort_task_set_handover_to (task, TEXT (13));
  cl_escort_task_set_handover_at (task, sqlite3_column_int64 (stmt, 14));
  cl_escort_task_set_note (task, TEXT (15));
  cl_escort_task_set_over_reason (task, TEXT (16));
  return task;
}

static gpointer
booking_from_row (sqlite3_stmt *stmt)
{
  CLVipBooking *booking = g_object_new (CL_TYPE_VIP_BOOKING, NULL);

  record_from_row (CL_RECORD (booking), stmt);
  cl_vip_booking_set_room_id (booking, TEXT (4));
  cl_vip_booking_set_patient_id (booking, TEXT (5));
  cl_vip_booking_set_purpose (booking, TEXT (6));
  cl_vip_booking_set_start_at (booking, sqlite3_column_int64 (stmt, 7));
  cl_vip_booking_set_end_at (booking, sqlite3_column_int64 (stmt, 8));
  cl_vip_booking_set_booked_by (booking, TEXT (9));
  cl_vip_booking_set_note (booking, TEXT (10));
  cl_vip_booking_set_status (booking, TEXT (11));
  cl_vip_booking_set_over_reason (booking, TEXT (12));
  return booking;
}

#undef TEXT

/* Records of @type starting in [@from, @to) (UTC seconds), not deleted
 * and not cancelled, with an extra SQL condition on ?3 (may be NULL)
 * and an order (NULL: by start). */
static GListStore *
query_range (CLStore    *store,
             GType       type,
             gint64      from,
             gint64      to,
             const char *condition,
             const char *param,
             const char *order)
{
  static const char task_sql[] =
    "SELECT id, rev, updated_at, updated_by, patient_id, kind, place_from, place_to,"
    " start_at, end_at, escort_id, status, handover_ward, handover_to, handover_at, note,"
    " over_reason"
    " FROM escort_task";
  static const char booking_sql[] =
    "SELECT id, rev, updated_at, updated_by, room_id, patient_id, purpose,"
    " start_at, end_at, booked_by, note, status, over_reason FROM vip_booking";
  gboolean tasks = type == CL_TYPE_ESCORT_TASK;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  GListStore *list = g_list_store_new (type);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (type == CL_TYPE_ESCORT_TASK || type == CL_TYPE_VIP_BOOKING, list);

  sql = g_strdup_printf ("%s WHERE deleted = 0 AND start_at >= ?1 AND start_at < ?2"
                         " AND coalesce (status, '') != 'cancelled'%s%s ORDER BY %s",
                         tasks ? task_sql : booking_sql,
                         condition ? " AND " : "", condition ? condition : "",
                         order ? order : "start_at, id");
  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, sql, NULL)))
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      if (param)
        sqlite3_bind_text (stmt, 3, param, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (rows, tasks ? task_from_row (stmt) : booking_from_row (stmt));
      if (rc != SQLITE_DONE)
        g_warning ("schedule query failed: %s", sqlite3_errmsg (cl_store_get_db (store)));
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return list;
}

GListStore *
cl_store_schedule_tasks (CLStore *store,
                         gint64   from,
                         gint64   to)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return query_range (store, CL_TYPE_ESCORT_TASK, from, to, NULL, NULL, NULL);
}

GListStore *
cl_store_schedule_tasks_of_escort (CLStore    *store,
                                   gint64      from,
                                   gint64      to,
                                   const char *escort_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (escort_id))
    return query_range (store, CL_TYPE_ESCORT_TASK, from, to,
                        "coalesce (escort_id, '') = ''", NULL, NULL);
  return query_range (store, CL_TYPE_ESCORT_TASK, from, to, "escort_id = ?3", escort_id, NULL);
}

void
cl_store_schedule_foreach_task_start (CLStore  *store,
                                      gint64    from,
                                      gint64    to,
                                      void    (*func) (const char *escort_id,
                                                       gint64      start_at,
                                                       gpointer    user_data),
                                      gpointer  user_data)
{
  static const char sql[] =
    "SELECT coalesce (escort_id, ''), start_at FROM escort_task"
    " WHERE deleted = 0 AND start_at >= ?1 AND start_at < ?2"
    " AND coalesce (status, '') != 'cancelled'";
  sqlite3_stmt *stmt;

  g_return_if_fail (CL_IS_STORE (store));

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, sql, NULL)))
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        func ((const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1), user_data);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
}

GListStore *
cl_store_schedule_bookings (CLStore *store,
                            gint64   from,
                            gint64   to)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return query_range (store, CL_TYPE_VIP_BOOKING, from, to, NULL, NULL,
                      "(SELECT name FROM vip_room WHERE vip_room.id = room_id),"
                      " room_id, start_at, id");
}

GListStore *
cl_store_schedule_bookings_of_room (CLStore    *store,
                                    gint64      from,
                                    gint64      to,
                                    const char *room_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return query_range (store, CL_TYPE_VIP_BOOKING, from, to, "room_id = ?3", room_id, NULL);
}

static gpointer
find_overlap (CLStore     *store,
              GType        type,
              const char  *owner_column,
              const char  *owner,
              gint64       start_at,
              gint64       end_at,
              const char  *except_id,
              const char  *dead_statuses)
{
  g_autofree char *condition = NULL;
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, start_at);
  g_autofree char *end = g_strdup_printf ("%" G_GINT64_FORMAT, end_at);
  g_autoptr(GPtrArray) rows = NULL;

  /* Nothing lasts longer than a day (cl_schedule_check_interval()), so
   * only entries starting in the day before can reach into ours: the
   * (owner, start_at) index gives a short range. */
  condition = g_strdup_printf ("deleted = 0 AND %s = ?1 AND start_at < ?3"
                               " AND start_at > ?2 - %d AND end_at > ?2"
                               " AND coalesce (status, '') NOT IN (%s) AND id != ?4"
                               " ORDER BY start_at LIMIT 1",
                               owner_column, CL_SCHEDULE_DAY_SECONDS, dead_statuses);
  rows = cl_store_query_records (store, type, condition, owner, start, end,
                                 except_id ? except_id : "", NULL);
  return rows->len > 0 ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

CLEscortTask *
cl_store_schedule_task_overlap (CLStore    *store,
                                const char *escort_id,
                                gint64      start_at,
                                gint64      end_at,
                                const char *except_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return find_overlap (store, CL_TYPE_ESCORT_TASK, "escort_id", escort_id,
                       start_at, end_at, except_id, "'cancelled', 'no-show'");
}

CLVipBooking *
cl_store_schedule_booking_overlap (CLStore    *store,
                                   const char *room_id,
                                   gint64      start_at,
                                   gint64      end_at,
                                   const char *except_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return find_overlap (store, CL_TYPE_VIP_BOOKING, "room_id", room_id,
                       start_at, end_at, except_id, "'cancelled'");
}

GPtrArray *
cl_store_schedule_rooms (CLStore  *store,
                         gboolean  include_inactive)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_VIP_ROOM,
                                 include_inactive ? "deleted = 0 ORDER BY name, id"
                                                  : "deleted = 0 AND active = 1 ORDER BY name, id",
                                 NULL);
}
