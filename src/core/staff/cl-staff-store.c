/* cl-staff-store.c
 *
 * The staff rules against the store, and saving (cl-staff-store.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-staff"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-phone.h"
#include "cl-staff-store.h"
#include "cl-store-accounts.h"
#include "cl-store-staff.h"
#include "cl-tables.h"
#include "cl-util.h"

static gboolean
is_active_admin (CLStaff *staff)
{
  return staff && !cl_record_get_deleted (CL_RECORD (staff)) &&
         cl_staff_get_active (staff) && cl_staff_has_role (staff, CL_ROLE_ADMIN);
}

void
cl_staff_store_check (CLStore    *store,
                      CLStaff    *staff,
                      CLStaff    *stored,
                      GHashTable *errors)
{
  const char *id = cl_record_get_id (CL_RECORD (staff));
  g_autofree char *other = NULL;

  g_return_if_fail (CL_IS_STORE (store));
  g_return_if_fail (CL_IS_STAFF (staff));

  if (!cl_record_get_deleted (CL_RECORD (staff)) &&
      !g_hash_table_contains (errors, "username"))
    {
      other = cl_store_staff_find_other_username (store, cl_staff_get_username (staff), id);
      if (other)
        g_hash_table_insert (errors, g_strdup ("username"),
                             g_strdup_printf (_("Someone else already logs in as “%s”"),
                                              cl_staff_get_username (staff)));
    }

  /* Somebody must be left to manage the staff. */
  if (is_active_admin (stored) && !is_active_admin (staff) &&
      cl_store_staff_count_admins (store, id) == 0)
    {
      const char *field = cl_staff_has_role (staff, CL_ROLE_ADMIN) ? "active" : "roles";

      if (!g_hash_table_contains (errors, field))
        g_hash_table_insert (errors, g_strdup (field),
                             g_strdup_printf (_("%s is the last active administrator; make someone else administrator first"),
                                              cl_staff_get_display_name (staff)));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
cl_staff_store_name_of_user (CLStore    *store,
                             const char *username)
{
  g_autofree char *id = NULL;
  g_autoptr(CLStaff) staff = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (cl_str_empty (username))
    return g_strdup ("");
  id = cl_store_staff_find_username (store, username);
  if (id)
    staff = (CLStaff *) cl_store_load_record (store, CL_TYPE_STAFF, id, NULL);
  if (staff && !cl_str_empty (cl_staff_get_display_name (staff)))
    return g_strdup (cl_staff_get_display_name (staff));
  return g_strdup (username);
}

char *
cl_staff_store_first_error (GHashTable *errors)
{
  g_autofree gpointer *fields = NULL;
  guint n;

  if (errors == NULL || g_hash_table_size (errors) == 0)
    return NULL;
  fields = g_hash_table_get_keys_as_array (errors, &n);
  qsort (fields, n, sizeof (gpointer), compare_strings);
  return g_strdup_printf ("%s: %s", (const char *) fields[0],
                          (const char *) g_hash_table_lookup (errors, fields[0]));
}

gboolean
cl_staff_store_save (CLStore     *store,
                     CLStaff     *staff,
                     const char  *role,
                     GHashTable **field_errors,
                     GError     **error)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(CLStaff) stored = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (CL_IS_STAFF (staff), FALSE);

  if (!cl_tables_can_write (role, "staff"))
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                           _("Your role may not make this change; nothing was saved"));
      return FALSE;
    }

  /* A phone typed with blanks or +86 is kept as its 11 digits, as a
   * patient's is. */
  {
    g_autofree char *phone = NULL;

    if (cl_staff_get_phone (staff) && cl_phone_validate (cl_staff_get_phone (staff), &phone, NULL))
      g_object_set (staff, "phone", phone, NULL);
  }

  stored = (CLStaff *) cl_store_load_record (store, CL_TYPE_STAFF,
                                             cl_record_get_id (CL_RECORD (staff)), NULL);
  errors = cl_staff_validate (staff);
  cl_staff_store_check (store, staff, stored, errors);
  if (g_hash_table_size (errors) > 0)
    {
      if (g_hash_table_size (errors) == 1)
        {
          GHashTableIter iter;
          gpointer message;

          g_hash_table_iter_init (&iter, errors);
          g_hash_table_iter_next (&iter, NULL, &message);
          g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, message);
        }
      else
        g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                             _("Some fields need attention before saving"));
      if (field_errors)
        *field_errors = g_steal_pointer (&errors);
      return FALSE;
    }
  return cl_store_save_record (store, CL_RECORD (staff), error);
}

gboolean
cl_staff_store_audit_roles (CLStore     *store,
                            CLStaff     *staff,
                            CLStaff     *stored,
                            const char  *username,
                            const char  *role,
                            GError     **error)
{
  g_auto(GStrv) before = stored ? cl_staff_dup_roles (stored) : g_new0 (char *, 1);
  g_auto(GStrv) after = cl_staff_dup_roles (staff);
  g_autofree char *old_text = g_strjoinv (" ", before);
  g_autofree char *new_text = g_strjoinv (" ", after);
  g_autofree char *detail = NULL;
  CLAuditLine line = { 0 };

  if (g_str_equal (old_text, new_text))
    return TRUE;

  detail = g_strdup_printf ("%s: %s → %s", cl_staff_get_username (staff),
                            *old_text ? old_text : "-", *new_text ? new_text : "-");
  line.at = g_get_real_time () / G_USEC_PER_SEC;
  line.username = username;
  line.role = role;
  line.action = "staff-roles";
  line.table = "staff";
  line.record_id = cl_record_get_id (CL_RECORD (staff));
  line.detail = detail;
  return cl_store_append_audit (store, &line, error);
}

/* What a pushed staff row does to the log-in account of its user name
 * (account_plan()), written by account_follow(). */
typedef struct
{
  char     *name;
  char     *old_role;
  char     *new_role;
  gboolean  was_disabled;
  gboolean  disabled;
} AccountPlan;

static void
account_plan_clear (AccountPlan *plan)
{
  g_clear_pointer (&plan->name, g_free);
  g_clear_pointer (&plan->old_role, g_free);
  g_clear_pointer (&plan->new_role, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AccountPlan, account_plan_clear)

/* The server's permission checks read the account, so the account
 * follows the staff row it logs in as, in the push's own transaction:
 * its role is the row's log-in role (cl_staff_dup_login_role()), it is
 * disabled while the row is inactive or deleted.  The last
 * administrator who can log in stays one: refused here, before the
 * push writes anything (a refused push is answered, not rolled back).
 * @plan->name stays NULL when there is nothing to change. */
static gboolean
account_plan (CLStore      *store,
              CLStaff      *staff,
              CLStaff      *stored,
              gboolean      deleted,
              AccountPlan  *plan,
              GError      **error)
{
  const char *name = stored && !cl_str_empty (cl_staff_get_username (stored))
                     ? cl_staff_get_username (stored) : cl_staff_get_username (staff);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *old_role = NULL;
  g_autofree char *new_role = NULL;
  gboolean was_disabled = FALSE;
  gboolean disabled;
  guint admins = 0;

  /* A row already deleted is no one's: its user name may be a live
   * row's now. */
  if (cl_str_empty (name) ||
      (deleted && (stored == NULL || cl_record_get_deleted (CL_RECORD (stored)))))
    return TRUE;
  if (!cl_store_get_account (store, name, &hash, &old_role, &was_disabled, &local_error))
    {
      if (local_error == NULL)
        return TRUE;    /* no log-in */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  disabled = deleted || !cl_staff_get_active (staff);
  /* A tombstone may carry no roles: the account keeps its own. */
  new_role = cl_staff_dup_login_role (staff);
  if (new_role == NULL)
    new_role = g_strdup (old_role);
  if (disabled == was_disabled && g_str_equal (new_role, old_role))
    return TRUE;

  if (!was_disabled && g_str_equal (old_role, CL_ROLE_ADMIN) &&
      (disabled || !g_str_equal (new_role, CL_ROLE_ADMIN)))
    {
      if (!cl_store_count_enabled_accounts (store, CL_ROLE_ADMIN, name, &admins, error))
        return FALSE;
      if (admins == 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s is the last administrator who can log in to the server; give another administrator a log-in first"),
                             cl_staff_get_display_name (staff));

          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "%s: %s",
                       disabled ? "active" : "roles", message);
          return FALSE;
        }
    }

  plan->name = g_strdup (name);
  plan->old_role = g_steal_pointer (&old_role);
  plan->new_role = g_steal_pointer (&new_role);
  plan->was_disabled = was_disabled;
  plan->disabled = disabled;
  return TRUE;
}

/* Writes @plan, audited as @username with @role; a session whose
 * rights shrink ends at once, so its desk is asked to log in again
 * rather than keep showing what it may no longer do. */
static gboolean
account_follow (CLStore      *store,
                CLStaff      *staff,
                AccountPlan  *plan,
                const char   *username,
                const char   *role,
                GError      **error)
{
  gboolean role_changed;

  if (plan->name == NULL)
    return TRUE;
  role_changed = !g_str_equal (plan->new_role, plan->old_role);
  if (role_changed)
    {
      g_autofree char *detail = g_strdup_printf ("%s: %s → %s", plan->name, plan->old_role, plan->new_role);

      if (!cl_store_set_account_role (store, plan->name, plan->new_role, NULL, error) ||
          !cl_store_audit_account (store, username, role, "account-role",
                                   cl_record_get_id (CL_RECORD (staff)), detail, error))
        return FALSE;
    }
  if (plan->disabled != plan->was_disabled)
    {
      if (!(plan->disabled ? cl_store_disable_account (store, plan->name, NULL, error)
                           : cl_store_enable_account (store, plan->name, NULL, error)) ||
          !cl_store_audit_account (store, username, role,
                                   plan->disabled ? "account-disable" : "account-enable",
                                   cl_record_get_id (CL_RECORD (staff)), plan->name, error))
        return FALSE;
    }

  /* Only an administrator's rights hold every other role's; any other
   * change of role takes some away. */
  if (plan->disabled || (role_changed && !g_str_equal (plan->new_role, CL_ROLE_ADMIN)))
    return cl_store_remove_sessions_of (store, plan->name, error);
  return TRUE;
}

gboolean
cl_staff_store_check_change (CLStore     *store,
                             CLRecord    *incoming,
                             CLRecord    *current,
                             const char  *username,
                             const char  *role,
                             CLRecord   **conflict,
                             GError     **error)
{
  CLStaff *staff = CL_STAFF (incoming);
  CLStaff *stored = current ? CL_STAFF (current) : NULL;
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *message = NULL;
  g_auto(AccountPlan) plan = { 0 };

  g_return_val_if_fail (CL_IS_STAFF (incoming), FALSE);

  /* A tombstone needs no valid fields, but may not take the last
   * administrator away. */
  if (cl_record_get_deleted (incoming))
    errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  else
    errors = cl_staff_validate (staff);
  cl_staff_store_check (store, staff, stored, errors);
  message = cl_staff_store_first_error (errors);
  if (message)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, message);
      return FALSE;
    }
  if (!account_plan (store, staff, stored, cl_record_get_deleted (incoming), &plan, error))
    return FALSE;

  return cl_staff_store_audit_roles (store, staff, stored, username, role, error) &&
         account_follow (store, staff, &plan, username, role, error);
}
