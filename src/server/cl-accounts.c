#define G_LOG_DOMAIN "cl-accounts"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "cl-accounts.h"
#include "cl-login-throttle.h"
#include "cl-staff.h"
#include "cl-store-passwords.h"
#include "cl-store-private.h"

#define MAX_USERNAME_LENGTH 64
/* argon2id hashes what it is given; a megabyte "password" is an attack
 * on the CPU, not a password. */
#define MAX_PASSWORD_LENGTH 1024

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
cl_accounts_username_valid (const char *username)
{
  return username_valid (username);
}

char *
cl_accounts_hash_password (const char  *password,
                           GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  ensure_sodium ();
  if (password == NULL || *password == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The password must not be empty"));
      return NULL;
    }
  if (strlen (password) > MAX_PASSWORD_LENGTH)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The password is too long (at most %d bytes)"), MAX_PASSWORD_LENGTH);
      return NULL;
    }
  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("Not enough memory to protect the password"));
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
cl_accounts_verify_password (const char *hash,
                             const char *password)
{
  ensure_sodium ();
  return hash != NULL && password != NULL && strlen (password) <= MAX_PASSWORD_LENGTH &&
         crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

GPtrArray *
cl_accounts_list (CLStore  *store,
                  GError  **error)
{
  GPtrArray *accounts;
  gint64 now = now_seconds ();

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (!(accounts = cl_store_list_accounts (store, error)))
    return NULL;
  /* A lock that ran out is no lock. */
  for (guint i = 0; i < accounts->len; i++)
    {
      ClAccount *account = g_ptr_array_index (accounts, i);

      if (account->locked_until <= now)
        account->locked_until = 0;
    }
  return accounts;
}

gboolean
cl_accounts_disable (CLStore     *store,
                     const char  *username,
                     const char  *actor,
                     GError     **error)
{
  gboolean found = FALSE;
  gboolean was_disabled = TRUE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!cl_store_begin (store, error))
    return FALSE;

  /* The staff rules keep an administrator on the staff; this keeps one
   * who can log in, for an account with no staff row. */
  {
    g_autofree char *hash = NULL;
    g_autofree char *role = NULL;
    gboolean disabled = TRUE;
    guint admins = 0;

    if (cl_store_get_account (store, username, &hash, &role, &disabled, NULL))
      was_disabled = disabled;
    if (!was_disabled && g_str_equal (role, CL_ROLE_ADMIN))
      {
        if (!cl_store_count_enabled_accounts (store, CL_ROLE_ADMIN, username, &admins, error))
          goto failed;
        if (admins == 0)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                         _("%s is the last administrator who can log in to the server; give another administrator a log-in first"),
                         username);
            goto failed;
          }
      }
  }

  if (!cl_store_disable_account (store, username, &found, error))
    goto failed;
  if (!found)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no user “%s”"), username);
      goto failed;
    }

  /* A disabled account must not keep working through a token it got
   * before. */
  if (!cl_store_remove_sessions_of (store, username, error))
    goto failed;

  if (!was_disabled &&
      !cl_store_audit_account (store, actor, CL_ROLE_ADMIN, "account-disable", NULL, username, error))
    goto failed;

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
      g_autoptr(GError) local_error = NULL;

      if (!cl_store_get_account (store, username, &stored_hash, &stored_role, &disabled, &local_error) &&
          local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
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

  /* Expired sessions are of no use to anyone; clearing them here keeps
   * the table small without a timer. */
  if (!cl_store_prune_sessions (store, now, error) ||
      !cl_store_add_session (store, hashed, username, stored_role, now, expires, error))
    return NULL;

  if (role)
    *role = g_steal_pointer (&stored_role);
  if (expires_at)
    *expires_at = expires;
  return g_strdup (hex);
}

gboolean
cl_accounts_check_token (CLStore     *store,
                         const char  *token,
                         char       **username,
                         char       **role)
{
  g_autofree char *hashed = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (token == NULL || strlen (token) != 64)
    return FALSE;
  hashed = token_hash (token);
  return cl_store_check_session (store, hashed, now_seconds (), username, role);
}

gboolean
cl_accounts_check_token_on (CLStoreReader  *reader,
                            const char     *token,
                            char          **username,
                            char          **role)
{
  g_autofree char *hashed = NULL;

  g_return_val_if_fail (reader != NULL, FALSE);

  if (token == NULL || strlen (token) != 64)
    return FALSE;
  hashed = token_hash (token);
  return cl_store_reader_check_session (reader, hashed, now_seconds (), username, role);
}

gboolean
cl_accounts_check_token_any (CLStore     *store,
                             const char  *token,
                             char       **username,
                             char       **role,
                             gboolean    *must_change)
{
  g_autofree char *hashed = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (token == NULL || strlen (token) != 64)
    return FALSE;
  hashed = token_hash (token);
  return cl_store_find_session (store, hashed, now_seconds (), username, role, must_change);
}

void
cl_accounts_logout (CLStore    *store,
                    const char *token)
{
  g_autofree char *hashed = NULL;

  g_return_if_fail (CL_IS_STORE (store));

  if (token == NULL)
    return;
  hashed = token_hash (token);
  cl_store_remove_session (store, hashed);
}
