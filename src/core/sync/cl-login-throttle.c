/* cl-login-throttle.c
 *
 * Failed log-ins per user name (cl-login-throttle.h), in the server's
 * login_failure table, so a restart does not reset a lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-login-throttle.h"
#include "cl-store-private.h"

G_DEFINE_QUARK (cl-login-error-quark, cl_login_error)

void
cl_login_set_locked_error (gint64   seconds,
                           GError **error)
{
  int minutes = (int) CLAMP ((seconds + 59) / 60, 1, CL_LOGIN_LOCK_SECONDS / 60);

  g_set_error (error, CL_LOGIN_ERROR, CL_LOGIN_ERROR_LOCKED,
               g_dngettext (GETTEXT_PACKAGE,
                            "Too many failed log-ins with this user name: try again in %d minute, or ask an administrator to unlock it",
                            "Too many failed log-ins with this user name: try again in %d minutes, or ask an administrator to unlock it",
                            minutes), minutes);
}

gboolean
cl_login_throttle_locked_until (CLStore     *store,
                                const char  *username,
                                gint64       now,
                                gint64      *until,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *until = 0;
  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, "SELECT locked_until FROM login_failure WHERE username = ?1", error)))
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > now)
    *until = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  cl_store_unlock (store);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Steps a statement that returns at most one row of one integer
 * (RETURNING), to the end; @value is left alone without a row. */
static gboolean
step_returning (CLStore       *store,
                sqlite3_stmt  *stmt,
                gint64        *value,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_login_throttle_failed (CLStore     *store,
                          const char  *username,
                          gint64       now,
                          gint64      *until,
                          GError     **error)
{
  /* A failure after the window (or after a lock ran out) starts a new
   * count; the one that makes it CL_LOGIN_MAX_FAILURES locks. */
  static const char upsert_sql[] =
    "INSERT INTO login_failure (username, failures, first_at, locked_until) VALUES (?1, 1, ?2, 0)"
    " ON CONFLICT (username) DO UPDATE SET"
    "  failures = CASE WHEN first_at <= ?2 - ?3 OR (locked_until > 0 AND locked_until <= ?2)"
    "             THEN 1 ELSE failures + 1 END,"
    "  first_at = CASE WHEN first_at <= ?2 - ?3 OR (locked_until > 0 AND locked_until <= ?2)"
    "             THEN ?2 ELSE first_at END,"
    "  locked_until = CASE WHEN locked_until > ?2 THEN locked_until ELSE 0 END";
  static const char lock_sql[] =
    "UPDATE login_failure SET locked_until = ?2 + ?3"
    " WHERE username = ?1 AND failures >= ?4 AND locked_until <= ?2"
    " RETURNING locked_until";
  /* Names nobody has tried for a while are of no use: keeps the table
   * small even when someone tries many names. */
  static const char prune_sql[] =
    "DELETE FROM login_failure WHERE first_at <= ?1 - ?2 AND locked_until <= ?1";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *until = 0;
  if (!cl_store_begin (store, error))
    return FALSE;

  if (!(stmt = cl_store_prepare (store, prune_sql, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, CL_LOGIN_WINDOW_SECONDS);
  if (!cl_store_step (store, stmt, error))
    goto failed;

  if (!(stmt = cl_store_prepare (store, upsert_sql, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, CL_LOGIN_WINDOW_SECONDS);
  if (!cl_store_step (store, stmt, error))
    goto failed;

  if (!(stmt = cl_store_prepare (store, lock_sql, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, CL_LOGIN_LOCK_SECONDS);
  sqlite3_bind_int (stmt, 4, CL_LOGIN_MAX_FAILURES);
  if (!step_returning (store, stmt, until, error))
    goto failed;

  return cl_store_commit (store, error);

failed:
  cl_store_rollback (store);
  return FALSE;
}

gboolean
cl_login_throttle_clear (CLStore     *store,
                         const char  *username,
                         gint64       now,
                         gboolean    *was_locked,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 until = 0;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *was_locked = FALSE;
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!(stmt = cl_store_prepare (store, "DELETE FROM login_failure WHERE username = ?1"
                                 " RETURNING locked_until", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  if (!step_returning (store, stmt, &until, error))
    goto failed;
  *was_locked = until > now;
  return cl_store_commit (store, error);

failed:
  cl_store_rollback (store);
  return FALSE;
}
