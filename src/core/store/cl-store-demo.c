/* cl-store-demo.c
 *
 * Bulk writes for the demo-data generators (cl-store-demo.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-demo"

#include "config.h"

#include "cl-store-demo.h"
#include "cl-store-private.h"

gboolean
cl_store_demo_insert_visit_mark (CLStore     *store,
                                 const char  *id,
                                 gint64       updated_at,
                                 const char  *patient_id,
                                 const char  *pregnancy_id,
                                 const char  *visit,
                                 const char  *done_date,
                                 const char  *done_by,
                                 GError     **error)
{
  static const char sql[] =
    "INSERT INTO visit_mark (id, updated_at, updated_by, patient_id, pregnancy_id,"
    " visit, done_date, done_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!(stmt = cl_store_prepare (store, sql, error)))
    return FALSE;
  /* Static: the statement runs and is reset before the call returns. */
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, updated_at);
  sqlite3_bind_text (stmt, 3, cl_store_get_actor (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, patient_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, pregnancy_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, visit, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, done_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, done_by, -1, SQLITE_STATIC);
  return cl_store_step (store, stmt, error);
}

gint64
cl_store_demo_get_cache_size (CLStore *store)
{
  sqlite3_stmt *stmt;
  gint64 size = 0;

  g_return_val_if_fail (CL_IS_STORE (store), 0);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "PRAGMA cache_size", NULL)))
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        size = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return size;
}

gboolean
cl_store_demo_set_cache_size (CLStore  *store,
                              gint64    size,
                              GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  return cl_store_exec (store, sql, error);
}
