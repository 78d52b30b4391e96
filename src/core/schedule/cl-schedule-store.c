/* cl-schedule-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-schedule-private.h"
#include "cl-store-private.h"
#include "cl-tables.h"
#include "cl-util.h"

/* What cl-escort-store.c and cl-vip-store.c share (cl-schedule-private.h). */

gboolean
cl_schedule_save_record (CLStore          *store,
                         CLRecord         *record,
                         CLRecord         *edited,
                         const char       *role,
                         ClScheduleCheck   check,
                         GError          **error)
{
  g_autoptr(CLRecord) copy = NULL;
  g_autoptr(CLRecord) stored = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_RECORD (record), FALSE);

  if (!cl_tables_can_write (role, cl_record_get_table_name (record)))
    {
      g_set_error_literal (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN,
                           _("Your role may not change this"));
      return FALSE;
    }

  copy = cl_record_dup (edited ? edited : record);
  if (!cl_store_begin (store, error))
    return FALSE;

  stored = cl_store_load_record (store, G_OBJECT_TYPE (record), cl_record_get_id (record), &local_error);
  if (stored == NULL && !g_error_matches (local_error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
    goto failed;
  g_clear_error (&local_error);

  /* A view's copy may carry the rev its own change had before the
   * server acknowledged it; the write must be based on the stored one
   * when it is the same version. */
  if (stored)
    cl_store_adopt_acknowledged_rev (store, copy);

  if (!check (store, copy, stored, role, &local_error) ||
      !cl_store_write_record (store, copy, CL_WRITE_DEFAULT, &local_error))
    goto failed;
  if (!cl_store_commit (store, error))
    return FALSE;

  cl_record_assign (record, copy);
  return TRUE;

failed:
  cl_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

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
  return booking;
}

#undef TEXT

GListStore *
cl_schedule_query_range (CLStore    *store,
                         GType       type,
                         gint64      from,
                         gint64      to,
                         const char *condition,
                         const char *param,
                         const char *order)
{
  static const char task_sql[] =
    "SELECT id, rev, updated_at, updated_by, patient_id, kind, place_from, place_to,"
    " start_at, end_at, escort_id, status, handover_ward, handover_to, handover_at, note"
    " FROM escort_task";
  static const char booking_sql[] =
    "SELECT id, rev, updated_at, updated_by, room_id, patient_id, purpose,"
    " start_at, end_at, booked_by, note, status FROM vip_booking";
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
