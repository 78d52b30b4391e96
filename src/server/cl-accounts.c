#define G_LOG_DOMAIN "cl-accounts"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "cl-accounts.h"
#include "cl-login-throttle.h"
#include "cl-staff.h"
#include "cl-store-private.h"

#define MAX_USERNAME_LENGTH 64
/* argon2id hashes what it is given; a megabyte "password" is an attack
 * on the CPU, not a password. */
#define MAX_PASSWORD_LENGTH 1024

void
cl_account_free (ClAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->username);
  g_free (account->role);
  g_free (account);
}

static void
ensure_sodium (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&done, 1);
    }
}

gboolean
cl_accounts_role_valid (const char *role)
{
  return role != NULL && g_strv_contains (cl_staff_roles (), role);
}

static gboolean
username_valid (const char *username)
{
  gsize len;

  if (username == NULL)
    return FALSE;
  len = strlen (username);
  if (len == 0 || len > MAX_USERNAME_LENGTH)
    return FALSE;
  for (const char *p = username; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
cl_accounts_add (CLStore     *store,
                 const char  *username,
                 const char  *password,
                 const char  *role,
                 GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  ensure_sodium ();

  if (!username_valid (username))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A user name has 1 to %d letters, digits, dots, dashes or underscores"),
                   MAX_USERNAME_LENGTH);
      return FALSE;
    }
  if (!cl_accounts_role_valid (role))
    {
      g_autofree char *roles = g_strjoinv (", ", (char **) cl_staff_roles ());

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown role “%s”; the roles are: %s"), role ? role : "", roles);
      return FALSE;
    }
  if (password == NULL || *password == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The password must not be empty"));
      return FALSE;
    }
  if (strlen (password) > MAX_PASSWORD_LENGTH)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The password is too long (at most %d bytes)"), MAX_PASSWORD_LENGTH);
      return FALSE;
    }

  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("Not enough memory to protect the password"));
      return FALSE;
    }

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "INSERT INTO account (username, password_hash, role, created_at)"
                           " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now_seconds ());
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("There is already a user “%s”"), username);
      else
        cl_store_set_sqlite_error (store, error);
    }
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  sodium_memzero (hash, sizeof hash);
  return rc == SQLITE_DONE;
}

GPtrArray *
cl_accounts_list (CLStore  *store,
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
      if (account->locked_until <= now_seconds ())
        account->locked_until = 0;
      g_ptr_array_add (accounts, account);
    }
  if (rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  cl_store_unlock (store);

  return rc == SQLITE_DONE ? g_steal_pointer (&accounts) : NULL;
}

gboolean
cl_accounts_disable (CLStore     *store,
                     const char  *username,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!cl_store_begin (store, error))
    return FALSE;

  if (!(stmt = cl_store_prepare (store, "UPDATE account SET disabled = 1 WHERE username = ?1", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);
  found = sqlite3_changes (cl_store_get_db (store)) > 0;
  if (!found)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no user “%s”"), username);
      goto failed;
    }

  /* A disabled account must not keep working through a token it got
   * before. */
  if (!(stmt = cl_store_prepare (store, "DELETE FROM session WHERE username = ?1", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      goto failed;
    }
  sqlite3_reset (stmt);

  return cl_store_commit (store, error);

failed:
  cl_store_rollback (store);
  return FALSE;
}

/* A hash to verify against when the account does not exist, so that an
 * unknown name takes as long as a wrong password. */
static const char *
dummy_hash (void)
{
  static char hash[crypto_pwhash_STRBYTES];
  static gsize done;

  if (g_once_init_enter (&done))
    {
      if (crypto_pwhash_str (hash, "careline", 8,
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        hash[0] = '\0';
      g_once_init_leave (&done, 1);
    }
  return hash;
}

static char *
token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

char *
cl_accounts_login (CLStore     *store,
                   const char  *username,
                   const char  *password,
                   char       **role,
                   gint64      *expires_at,
                   GError     **error)
{
  g_autofree char *stored_hash = NULL;
  g_autofree char *stored_role = NULL;
  g_autofree char *hashed = NULL;
  guint8 bytes[32];
  char hex[sizeof bytes * 2 + 1];
  gboolean disabled = TRUE;
  gboolean was_locked;
  gboolean ok;
  sqlite3_stmt *stmt;
  gint64 now, expires;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  ensure_sodium ();
  now = now_seconds ();

  /* A locked name is refused before its password is even looked at:
   * guessing on gets nowhere. */
  if (username_valid (username))
    {
      gint64 until;

      if (!cl_login_throttle_locked_until (store, username, now, &until, error))
        return NULL;
      if (until > 0)
        {
          cl_login_set_locked_error (until - now, error);
          return NULL;
        }
    }

  if (username_valid (username))
    {
      cl_store_lock (store);
      stmt = cl_store_prepare (store,
                               "SELECT password_hash, role, disabled FROM account WHERE username = ?1",
                               error);
      if (stmt == NULL)
        {
          cl_store_unlock (store);
          return NULL;
        }
      sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          stored_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          stored_role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          disabled = sqlite3_column_int (stmt, 2) != 0;
        }
      sqlite3_reset (stmt);
      cl_store_unlock (store);
    }

  ok = password != NULL && strlen (password) <= MAX_PASSWORD_LENGTH &&
       crypto_pwhash_str_verify (stored_hash ? stored_hash : dummy_hash (),
                                 password, strlen (password)) == 0;
  if (!ok || stored_hash == NULL || disabled)
    {
      gint64 until = 0;

      if (username_valid (username) &&
          !cl_login_throttle_failed (store, username, now, &until, error))
        return NULL;
      if (until > 0)
        cl_login_set_locked_error (until - now, error);
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("The user name or the password is wrong, or the account is disabled"));
      return NULL;
    }
  if (!cl_login_throttle_clear (store, username, now, &was_locked, error))
    return NULL;

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2hex (hex, sizeof hex, bytes, sizeof bytes);
  sodium_memzero (bytes, sizeof bytes);
  hashed = token_hash (hex);
  expires = now + CL_SESSION_SECONDS;

  cl_store_lock (store);
  /* Expired sessions are of no use to anyone; clearing them here keeps
   * the table small without a timer. */
  if ((stmt = cl_store_prepare (store, "DELETE FROM session WHERE expires_at <= ?1", error)))
    {
      sqlite3_bind_int64 (stmt, 1, now);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  stmt = stmt ? cl_store_prepare (store,
                                  "INSERT INTO session (token_hash, username, role, created_at, expires_at)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5)", error) : NULL;
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, hashed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stored_role, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, expires);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  if (!ok)
    return NULL;

  if (role)
    *role = g_steal_pointer (&stored_role);
  if (expires_at)
    *expires_at = expires;
  return g_strdup (hex);
}

static gboolean
check_token (sqlite3_stmt  *stmt,
             const char    *token,
             char         **username,
             char         **role)
{
  g_autofree char *hashed = token_hash (token);
  gboolean found = FALSE;

  sqlite3_bind_text (stmt, 1, hashed, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (username)
        *username = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (role)
        *role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return found;
}

/* The account's role now, not at log-in: a changed role takes effect
 * at once. */
#define CHECK_TOKEN_SQL \
  "SELECT a.username, a.role FROM session s" \
  " JOIN account a ON a.username = s.username" \
  " WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND a.disabled = 0"

gboolean
cl_accounts_check_token (CLStore     *store,
                         const char  *token,
                         char       **username,
                         char       **role)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (token == NULL || strlen (token) != 64)
    return FALSE;

  cl_store_lock (store);
  stmt = cl_store_prepare (store, CHECK_TOKEN_SQL, NULL);
  if (stmt)
    found = check_token (stmt, token, username, role);
  cl_store_unlock (store);
  return found;
}

gboolean
cl_accounts_check_token_on (sqlite3       *db,
                            sqlite3_stmt **cache,
                            const char    *token,
                            char         **username,
                            char         **role)
{
  g_return_val_if_fail (db != NULL && cache != NULL, FALSE);

  if (token == NULL || strlen (token) != 64)
    return FALSE;
  if (*cache == NULL &&
      sqlite3_prepare_v3 (db, CHECK_TOKEN_SQL, -1, SQLITE_PREPARE_PERSISTENT, cache, NULL) != SQLITE_OK)
    return FALSE;
  return check_token (*cache, token, username, role);
}

void
cl_accounts_logout (CLStore    *store,
                    const char *token)
{
  g_autofree char *hashed = NULL;
  sqlite3_stmt *stmt;

  g_return_if_fail (CL_IS_STORE (store));

  if (token == NULL)
    return;
  hashed = token_hash (token);
  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "DELETE FROM session WHERE token_hash = ?1", NULL)))
    {
      sqlite3_bind_text (stmt, 1, hashed, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
}
