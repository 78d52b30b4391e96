/* cl-store-accounts.c
 *
 * The statements of the server's account tables (cl-store-accounts.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-accounts"

#include "config.h"

#include <string.h>

#include "cl-store-accounts.h"
#include "cl-store-passwords.h"
#include "cl-store-private.h"
#include "cl-store-reader-private.h"

void
cl_account_free (ClAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->username);
  g_free (account->role);
  g_free (account);
}

GPtrArray *
cl_store_list_accounts (CLStore  *store,
                        GError  **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_account_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "SELECT a.username, a.role, a.disabled, a.created_at, coalesce(f.locked_until, 0)"
                           " FROM account a LEFT JOIN login_failure f USING (username) ORDER BY a.username",
                           error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClAccount *account = g_new0 (ClAccount, 1);

      account->username = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      account->role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      account->disabled = sqlite3_column_int (stmt, 2) != 0;
      account->created_at = sqlite3_column_int64 (stmt, 3);
      account->locked_until = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (accounts, account);
    }
  if (rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  cl_store_unlock (store);

  return rc == SQLITE_DONE ? g_steal_pointer (&accounts) : NULL;
}

/* Runs @stmt (bound to @text as ?1) to the end; @changed says whether
 * it changed a row. */
static gboolean
run_for (CLStore       *store,
         const char    *sql,
         const char    *text,
         gboolean      *changed,
         GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = cl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (changed)
    *changed = sqlite3_changes (cl_store_get_db (store)) > 0;
  return TRUE;
}

gboolean
cl_store_disable_account (CLStore     *store,
                          const char  *username,
                          gboolean    *found,
                          GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  return run_for (store, "UPDATE account SET disabled = 1 WHERE username = ?1", username, found, error);
}

gboolean
cl_store_enable_account (CLStore     *store,
                         const char  *username,
                         gboolean    *found,
                         GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  return run_for (store, "UPDATE account SET disabled = 0 WHERE username = ?1", username, found, error);
}

gboolean
cl_store_set_account_role (CLStore     *store,
                           const char  *username,
                           const char  *role,
                           gboolean    *found,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, "UPDATE account SET role = ?2 WHERE username = ?1", error)))
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    cl_store_set_sqlite_error (store, error);
  else if (found)
    *found = sqlite3_changes (cl_store_get_db (store)) > 0;
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return ok;
}

gboolean
cl_store_count_enabled_accounts (CLStore    *store,
                                 const char *role,
                                 const char *except_username,
                                 guint      *count,
                                 GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *count = 0;
  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store,
                                 "SELECT count(*) FROM account WHERE role = ?1 AND disabled = 0"
                                 " AND username <> coalesce(?2, '')", error)))
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, except_username, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int (stmt, 0);
  else
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return rc == SQLITE_ROW;
}

gboolean
cl_store_remove_sessions_of (CLStore     *store,
                             const char  *username,
                             GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  return run_for (store, "DELETE FROM session WHERE username = ?1", username, NULL, error);
}

gboolean
cl_store_get_account (CLStore     *store,
                      const char  *username,
                      char       **password_hash,
                      char       **role,
                      gboolean    *disabled,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "SELECT password_hash, role, disabled FROM account WHERE username = ?1",
                           error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *password_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *disabled = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return found;
}

gboolean
cl_store_prune_sessions (CLStore  *store,
                         gint64    now,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "DELETE FROM session WHERE expires_at <= ?1", error)))
    {
      sqlite3_bind_int64 (stmt, 1, now);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return stmt != NULL;
}

gboolean
cl_store_add_session (CLStore     *store,
                      const char  *token_hash,
                      const char  *username,
                      const char  *role,
                      gint64       created_at,
                      gint64       expires_at,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "INSERT INTO session (token_hash, username, role, created_at, expires_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, created_at);
  sqlite3_bind_int64 (stmt, 5, expires_at);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  cl_store_unlock (store);
  return ok;
}

static gboolean
check_session (sqlite3_stmt  *stmt,
               const char    *token_hash,
               gint64         now,
               char         **username,
               char         **role,
               gboolean      *must_change)
{
  gboolean found = FALSE;

  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (username)
        *username = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (role)
        *role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (must_change)
        *must_change = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return found;
}

/* The account's role now, not at log-in: a changed role takes effect
 * at once. */
#define SESSION_SQL \
  "SELECT a.username, a.role, a.must_change FROM session s" \
  " JOIN account a ON a.username = s.username" \
  " WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND a.disabled = 0"

/* A one-time password's session may only change it
 * (cl_store_find_session()). */
static const char check_session_sql[] = SESSION_SQL " AND a.must_change = 0";

gboolean
cl_store_check_session (CLStore     *store,
                        const char  *token_hash,
                        gint64       now,
                        char       **username,
                        char       **role)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  stmt = cl_store_prepare (store, check_session_sql, NULL);
  if (stmt)
    found = check_session (stmt, token_hash, now, username, role, NULL);
  cl_store_unlock (store);
  return found;
}

gboolean
cl_store_reader_check_session (CLStoreReader  *reader,
                               const char     *token_hash,
                               gint64          now,
                               char          **username,
                               char          **role)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (reader != NULL, FALSE);

  if (!(stmt = cl_store_reader_prepare (reader, check_session_sql, NULL)))
    return FALSE;
  return check_session (stmt, token_hash, now, username, role, NULL);
}

/* See cl-store-passwords.h. */
gboolean
cl_store_find_session (CLStore     *store,
                       const char  *token_hash,
                       gint64       now,
                       char       **username,
                       char       **role,
                       gboolean    *must_change)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  stmt = cl_store_prepare (store, SESSION_SQL, NULL);
  if (stmt)
    found = check_session (stmt, token_hash, now, username, role, must_change);
  cl_store_unlock (store);
  return found;
}

void
cl_store_remove_session (CLStore    *store,
                         const char *token_hash)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (CL_IS_STORE (store));

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "DELETE FROM session WHERE token_hash = ?1", NULL)))
    {
      sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  cl_store_unlock (store);
}

/* Failed log-ins */

gboolean
cl_store_login_locked_until (CLStore     *store,
                             const char  *username,
                             gint64      *locked_until,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *locked_until = 0;
  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, "SELECT locked_until FROM login_failure WHERE username = ?1", error)))
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *locked_until = sqlite3_column_int64 (stmt, 0);
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
cl_store_login_failed (CLStore     *store,
                       const char  *username,
                       gint64       now,
                       gint64       window_seconds,
                       gint64       lock_seconds,
                       gint         max_failures,
                       gint64      *until,
                       GError     **error)
{
  /* A failure after the window (or after a lock ran out) starts a new
   * count; the one that makes @max_failures locks. */
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
  sqlite3_bind_int64 (stmt, 2, window_seconds);
  if (!cl_store_step (store, stmt, error))
    goto failed;

  if (!(stmt = cl_store_prepare (store, upsert_sql, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, window_seconds);
  if (!cl_store_step (store, stmt, error))
    goto failed;

  if (!(stmt = cl_store_prepare (store, lock_sql, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, lock_seconds);
  sqlite3_bind_int (stmt, 4, max_failures);
  if (!step_returning (store, stmt, until, error))
    goto failed;

  return cl_store_commit (store, error);

failed:
  cl_store_rollback (store);
  return FALSE;
}

gboolean
cl_store_login_clear (CLStore     *store,
                      const char  *username,
                      gint64      *locked_until,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *locked_until = 0;
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!(stmt = cl_store_prepare (store, "DELETE FROM login_failure WHERE username = ?1"
                                 " RETURNING locked_until", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  if (!step_returning (store, stmt, locked_until, error))
    goto failed;
  return cl_store_commit (store, error);

failed:
  cl_store_rollback (store);
  return FALSE;
}

/* The audit log */

gboolean
cl_store_append_audit (CLStore            *store,
                       const CLAuditLine  *line,
                       GError            **error)
{
  static const char sql[] =
    "INSERT INTO audit (at, username, role, action, tbl, record_id, patient_id, status, detail)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  /* One INSERT is atomic on its own; inside a caller's transaction (the
   * lock is recursive) it becomes part of it. */
  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, sql, error)))
    goto out;
  sqlite3_bind_int64 (stmt, 1, line->at);
  sqlite3_bind_text (stmt, 2, line->username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, line->role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, line->action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, line->table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, line->record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, line->patient_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, line->status);
  sqlite3_bind_text (stmt, 9, line->detail, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  else
    ok = TRUE;
  sqlite3_reset (stmt);
out:
  cl_store_unlock (store);
  return ok;
}

gboolean
cl_store_audit_account (CLStore     *store,
                        const char  *actor,
                        const char  *actor_role,
                        const char  *action,
                        const char  *record_id,
                        const char  *detail,
                        GError     **error)
{
  CLAuditLine line = { 0 };

  line.at = g_get_real_time () / G_USEC_PER_SEC;
  line.username = actor;
  line.role = actor_role;
  line.action = action;
  line.table = "account";
  line.record_id = record_id;
  line.status = 200;
  line.detail = detail;
  return cl_store_append_audit (store, &line, error);
}

gboolean
cl_store_read_audit (CLStore          *store,
                     const char       *patient_id,
                     CLAuditLineFunc   func,
                     gpointer          user_data,
                     GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "SELECT at, username, role, action, tbl, record_id, patient_id, status, detail"
                           " FROM audit WHERE ?1 IS NULL OR patient_id = ?1 ORDER BY seq",
                           error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, patient_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CLAuditLine line = {
        sqlite3_column_int64 (stmt, 0),
        (const char *) sqlite3_column_text (stmt, 1),
        (const char *) sqlite3_column_text (stmt, 2),
        (const char *) sqlite3_column_text (stmt, 3),
        (const char *) sqlite3_column_text (stmt, 4),
        (const char *) sqlite3_column_text (stmt, 5),
        (const char *) sqlite3_column_text (stmt, 6),
        sqlite3_column_int (stmt, 7),
        (const char *) sqlite3_column_text (stmt, 8),
      };

      func (&line, user_data);
    }
  if (rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return rc == SQLITE_DONE;
}
