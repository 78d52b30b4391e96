/* cl-store-usage.c
 *
 * The counts a package's usage is made of (cl-store-usage.h): what she
 * was escorted to, booked in a VIP room for, counselled in and handed
 * out, each one indexed query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-private.h"
#include "cl-store-usage.h"

static void
warn_failed (CLStore    *store,
             const char *what)
{
  g_warning ("usage query (%s) failed: %s", what, sqlite3_errmsg (cl_store_get_db (store)));
}

void
cl_store_usage_bookings (CLStore       *store,
                         CLUsageSource  source,
                         const char    *patient_id,
                         gint64         from,
                         gint64         to,
                         const char    *except_id,
                         guint         *done,
                         guint         *pending)
{
  /* The patient indexes of both tables; statuses and kinds as
   * cl-escort-task.h and cl-vip-booking.h spell them.  The desk's kinds
   * are not her package's (cl_escort_task_kind_is_package()). */
  static const char task_sql[] =
    "SELECT coalesce (sum (status = 'done'), 0),"
    " coalesce (sum (status IN ('planned', 'in-progress')), 0)"
    " FROM escort_task WHERE patient_id = ?1 AND deleted = 0"
    " AND start_at >= ?2 AND start_at < ?3 AND id != ?4"
    " AND kind NOT IN ('wheelchair', 'to-emergency', 'to-ward')";
  static const char booking_sql[] =
    "SELECT coalesce (sum (status = 'done'), 0),"
    " coalesce (sum (status IN ('booked', 'checked-in')), 0)"
    " FROM vip_booking WHERE patient_id = ?1 AND deleted = 0"
    " AND start_at >= ?2 AND start_at < ?3 AND id != ?4";
  sqlite3_stmt *stmt;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (patient_id != NULL);

  *done = *pending = 0;
  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, source == CL_USAGE_SOURCE_ESCORT ? task_sql : booking_sql, NULL)))
    {
      sqlite3_bind_text (stmt, 1, patient_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, from);
      sqlite3_bind_int64 (stmt, 3, to);
      sqlite3_bind_text (stmt, 4, except_id ? except_id : "", -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *done = (guint) sqlite3_column_int64 (stmt, 0);
          *pending = (guint) sqlite3_column_int64 (stmt, 1);
        }
      else
        warn_failed (store, "bookings");
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
}

guint
cl_store_usage_counselling (CLStore    *store,
                            const char *patient_id,
                            gint64      from,
                            gint64      to,
                            const char *from_date)
{
  static const char sql[] =
    "SELECT count(*) FROM followup_item"
    " WHERE patient_id = ?1 AND deleted = 0 AND kind = 'psychological-support' AND state = 'done'"
    " AND CASE WHEN done_at > 0 THEN done_at >= ?2 AND done_at < ?3 ELSE due_date >= ?4 END";
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (CL_IS_STORE (store), 0);
  g_return_val_if_fail (patient_id != NULL, 0);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, sql, NULL)))
    {
      sqlite3_bind_text (stmt, 1, patient_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, from);
      sqlite3_bind_int64 (stmt, 3, to);
      sqlite3_bind_text (stmt, 4, from_date ? from_date : "", -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = (guint) sqlite3_column_int64 (stmt, 0);
      else
        warn_failed (store, "counselling");
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return n;
}

GHashTable *
cl_store_usage_handouts (CLStore    *store,
                         const char *enrolment_id,
                         const char *except_id)
{
  static const char sql[] =
    "SELECT service, count(*) FROM handout"
    " WHERE enrolment_id = ?1 AND deleted = 0 AND id != ?2 GROUP BY service";
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), counts);
  g_return_val_if_fail (enrolment_id != NULL, counts);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, sql, NULL)))
    {
      sqlite3_bind_text (stmt, 1, enrolment_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, except_id ? except_id : "", -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (sqlite3_column_text (stmt, 0))
          g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                               GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
      if (rc != SQLITE_DONE)
        warn_failed (store, "hand-outs");
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return counts;
}

GPtrArray *
cl_store_handouts_of_enrolment (CLStore    *store,
                                const char *enrolment_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (enrolment_id != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_HANDOUT,
                                 "enrolment_id = ?1 AND deleted = 0 ORDER BY date DESC, updated_at DESC, id",
                                 enrolment_id, NULL);
}
