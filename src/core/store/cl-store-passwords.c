/* cl-store-passwords.c
 *
 * The statements of one-time passwords (cl-store-passwords.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-passwords"

#include "config.h"

#include "cl-store-passwords.h"
#include "cl-store-private.h"

/* cl_store_find_session() is in cl-store-accounts.c, beside the
 * session check it shares its statement with. */

gboolean
cl_store_insert_account (CLStore     *store,
                         const char  *username,
                         const char  *password_hash,
                         const char  *role,
                         gint64       created_at,
                         gboolean     must_change,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "INSERT INTO account (username, password_hash, role, created_at, must_change)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, password_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, created_at);
  sqlite3_bind_int (stmt, 5, must_change ? 1 : 0);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONFLICT,
                     "account “%s” exists", username);
      else
        cl_store_set_sqlite_error (store, error);
    }
  sqlite3_reset (stmt);
  /* The hash stays in the statement's copy until the next bind. */
  sqlite3_clear_bindings (stmt);
  cl_store_unlock (store);
  return rc == SQLITE_DONE;
}

gboolean
cl_store_set_account_password (CLStore     *store,
                               const char  *username,
                               const char  *password_hash,
                               gboolean     must_change,
                               gboolean    *found,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "UPDATE account SET password_hash = ?2, must_change = ?3 WHERE username = ?1",
                           error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, password_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, must_change ? 1 : 0);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    cl_store_set_sqlite_error (store, error);
  else if (found)
    *found = sqlite3_changes (cl_store_get_db (store)) > 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  cl_store_unlock (store);
  return ok;
}

gboolean
cl_store_account_must_change (CLStore    *store,
                              const char *username)
{
  sqlite3_stmt *stmt;
  gboolean must_change = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "SELECT must_change FROM account WHERE username = ?1", NULL)))
    {
      sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        must_change = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return must_change;
}
