/* cl-one-time-password.c
 *
 * Log-ins made by an administrator, their one-time passwords and the
 * change at the first log-in (cl-one-time-password.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-accounts"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "cl-accounts.h"
#include "cl-one-time-password.h"
#include "cl-password.h"
#include "cl-staff.h"
#include "cl-store-accounts.h"
#include "cl-store-passwords.h"

/* Read aloud or copied by hand from a screen: nothing that looks like
 * something else. */
static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

char *
cl_one_time_password_new (void)
{
  char *password = g_malloc (CL_ONE_TIME_PASSWORD_LENGTH + 1);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
  for (guint i = 0; i < CL_ONE_TIME_PASSWORD_LENGTH; i++)
    password[i] = alphabet[randombytes_uniform (sizeof alphabet - 1)];
  password[CL_ONE_TIME_PASSWORD_LENGTH] = '\0';
  return password;
}

static void
wipe (char *text)
{
  if (text)
    {
      sodium_memzero (text, strlen (text));
      g_free (text);
    }
}

gboolean
cl_one_time_create_login (CLStore     *store,
                          const char  *staff_id,
                          const char  *actor,
                          const char  *actor_role,
                          char       **username,
                          char       **password,
                          GError     **error)
{
  g_autoptr(CLStaff) staff = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *role = NULL;
  char *secret = NULL;
  char *hash = NULL;
  const char *name;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (staff_id)
    staff = (CLStaff *) cl_store_load_record (store, CL_TYPE_STAFF, staff_id, NULL);
  if (staff == NULL || cl_record_get_deleted (CL_RECORD (staff)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no such member of staff"));
      return FALSE;
    }
  name = cl_staff_get_username (staff);
  if (!cl_accounts_username_valid (name))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give them a user name of letters, digits, dots, dashes or underscores first"));
      return FALSE;
    }
  if (!cl_staff_get_active (staff))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A deactivated person cannot have a log-in; make them active first"));
      return FALSE;
    }
  role = cl_staff_dup_login_role (staff);
  if (role == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give them a role first"));
      return FALSE;
    }

  /* Hashed before the transaction: argon2id takes a while on purpose,
   * and the store's writers need not wait for it. */
  secret = cl_one_time_password_new ();
  if (!(hash = cl_accounts_hash_password (secret, error)))
    {
      wipe (secret);
      return FALSE;
    }

  if (!cl_store_begin (store, &local_error))
    goto failed;
  if (!cl_store_insert_account (store, name, hash, role, g_get_real_time () / G_USEC_PER_SEC,
                                TRUE, &local_error) ||
      !cl_store_audit_account (store, actor, actor_role, "account-create", staff_id, name, &local_error))
    {
      cl_store_rollback (store);
      goto failed;
    }
  if (!cl_store_commit (store, &local_error))
    goto failed;

  wipe (hash);
  *username = g_strdup (name);
  *password = secret;
  return TRUE;

failed:
  wipe (hash);
  wipe (secret);
  if (g_error_matches (local_error, CL_STORE_ERROR, CL_STORE_ERROR_CONFLICT))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("“%s” already has a log-in; reset its password instead"), name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cl_one_time_reset_password (CLStore     *store,
                            const char  *username,
                            const char  *actor,
                            const char  *actor_role,
                            char       **password,
                            GError     **error)
{
  char *secret = cl_one_time_password_new ();
  char *hash = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!(hash = cl_accounts_hash_password (secret, error)))
    {
      wipe (secret);
      return FALSE;
    }
  if (!cl_store_begin (store, error))
    goto failed;
  if (!cl_store_set_account_password (store, username, hash, TRUE, &found, error))
    goto rollback;
  if (!found)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no user “%s”"), username);
      goto rollback;
    }
  /* Whoever had the old password (or its sessions) is out. */
  if (!cl_store_remove_sessions_of (store, username, error) ||
      !cl_store_audit_account (store, actor, actor_role, "account-reset", NULL, username, error))
    goto rollback;
  if (!cl_store_commit (store, error))
    goto failed;
  wipe (hash);
  *password = secret;
  return TRUE;

rollback:
  cl_store_rollback (store);
failed:
  wipe (hash);
  wipe (secret);
  return FALSE;
}

gboolean
cl_one_time_change_password (CLStore      *store,
                             const char   *username,
                             const char   *role,
                             const char   *current_password,
                             const char   *new_password,
                             GHashTable  **field_errors,
                             GError      **error)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *stored_hash = NULL;
  g_autofree char *stored_role = NULL;
  char *hash = NULL;
  gboolean disabled = TRUE;
  gboolean found = FALSE;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!cl_store_get_account (store, username, &stored_hash, &stored_role, &disabled, NULL) ||
      disabled || !cl_accounts_verify_password (stored_hash, current_password))
    {
      cl_store_append_audit (store, &(CLAuditLine) {
                               .at = g_get_real_time () / G_USEC_PER_SEC, .username = username,
                               .role = role, .action = "password-change", .table = "account",
                               .status = 403, .detail = "wrong current password" }, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("The current password is wrong"));
      return FALSE;
    }
  if (!cl_password_check_new (new_password, NULL, current_password, errors))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           g_hash_table_lookup (errors, "new_password"));
      if (field_errors)
        *field_errors = g_steal_pointer (&errors);
      return FALSE;
    }
  if (!(hash = cl_accounts_hash_password (new_password, error)))
    return FALSE;

  if (!cl_store_begin (store, error))
    {
      wipe (hash);
      return FALSE;
    }
  if (!cl_store_set_account_password (store, username, hash, FALSE, &found, error) ||
      !cl_store_audit_account (store, username, role, "password-change", NULL, username, error))
    {
      cl_store_rollback (store);
      wipe (hash);
      return FALSE;
    }
  wipe (hash);
  return cl_store_commit (store, error);
}
