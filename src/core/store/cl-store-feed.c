/* cl-store-feed.c
 *
 * The statements of the server's change feed and of the answers to
 * pushed changes (cl-store-feed.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-feed"

#include "config.h"

#include "cl-store-feed.h"
#include "cl-store-private.h"

gboolean
cl_store_feed_lookup_answer (CLStore      *store,
                             const char   *key,
                             gboolean     *found,
                             gboolean     *applied,
                             gint64       *rev,
                             const char  **reason,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *found = FALSE;
  *applied = FALSE;
  *rev = 0;
  *reason = NULL;
  if (!(stmt = cl_store_prepare (store, "SELECT status, rev, reason FROM applied_change WHERE key = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      *applied = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "applied") == 0;
      *rev = sqlite3_column_int64 (stmt, 1);
      *reason = g_intern_string ((const char *) sqlite3_column_text (stmt, 2));
    }
  else if (rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

gboolean
cl_store_feed_remember_answer (CLStore     *store,
                               const char  *key,
                               const char  *status,
                               gint64       rev,
                               const char  *reason,
                               gint64       at,
                               GError     **error)
{
  static const char sql[] =
    "INSERT INTO applied_change (key, status, rev, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)";
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!(stmt = cl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  if (rev > 0)
    sqlite3_bind_int64 (stmt, 3, rev);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, at);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  return ok;
}

gint64
cl_store_feed_append (CLStore     *store,
                      const char  *table,
                      const char  *record_id,
                      const char  *op,
                      gint64       at,
                      const char  *username,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), 0);

  if (!(stmt = cl_store_prepare (store,
                                 "INSERT INTO change_log (tbl, record_id, op, data, at, username)"
                                 " VALUES (?1, ?2, ?3, '', ?4, ?5)", error)))
    return 0;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, op, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, at);
  sqlite3_bind_text (stmt, 5, username, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (cl_store_get_db (store));
}

gboolean
cl_store_feed_set_data (CLStore     *store,
                        gint64       rev,
                        const char  *data,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!(stmt = cl_store_prepare (store, "UPDATE change_log SET data = ?1 WHERE rev = ?2", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rev);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  /* @data is the caller's: no binding may outlive the call. */
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

gboolean
cl_store_feed_read (CLStore           *store,
                    gint64             since,
                    guint              limit,
                    CLFeedChangeFunc   func,
                    gpointer           user_data,
                    gint64            *next,
                    gboolean          *more,
                    GError           **error)
{
  static const char sql[] =
    "SELECT rev, tbl, record_id, op, data FROM change_log WHERE rev > ?1 ORDER BY rev LIMIT ?2";
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  *next = since;
  *more = FALSE;
  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, sql, error)))
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CLFeedChange change = {
        sqlite3_column_int64 (stmt, 0),
        (const char *) sqlite3_column_text (stmt, 1),
        (const char *) sqlite3_column_text (stmt, 2),
        (const char *) sqlite3_column_text (stmt, 3),
        (const char *) sqlite3_column_text (stmt, 4),
      };

      *next = change.rev;
      if (!func (&change, user_data, error))
        {
          sqlite3_reset (stmt);
          cl_store_unlock (store);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      cl_store_unlock (store);
      return FALSE;
    }

  if ((stmt = cl_store_prepare (store, "SELECT 1 FROM change_log WHERE rev > ?1 LIMIT 1", error)))
    {
      sqlite3_bind_int64 (stmt, 1, *next);
      *more = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return stmt != NULL;
}

static gboolean
run (CLStore     *store,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *stmt = cl_store_prepare (store, sql, error);

  return stmt != NULL && cl_store_step (store, stmt, error);
}

gboolean
cl_store_feed_begin_change (CLStore  *store,
                            GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  return run (store, "SAVEPOINT change", error);
}

gboolean
cl_store_feed_release_change (CLStore  *store,
                              GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  return run (store, "RELEASE change", error);
}

void
cl_store_feed_rollback_change (CLStore *store)
{
  g_return_if_fail (CL_IS_STORE (store));
  run (store, "ROLLBACK TO change", NULL);
  run (store, "RELEASE change", NULL);
}
