/* cl-command-user.c
 *
 * `careline-server user add|list|disable|unlock`: the log-in
 * accounts, and the staff rows they log in as (README, "Staff").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cl-accounts.h"
#include "cl-commands.h"
#include "cl-one-time-password.h"
#include "cl-login-throttle.h"
#include "cl-staff.h"
#include "cl-store-passwords.h"
#include "cl-store-staff.h"
#include "cl-sync-server.h"

/* One line from stdin, without its line end; NULL at end of input.
 * The echo is turned off when a person types it. */
static char *
read_password (void)
{
  char buffer[2048];
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char *line;

  if (tty)
    {
      g_printerr (_("Password: "));
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  line = fgets (buffer, sizeof buffer, stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  if (line == NULL)
    return NULL;
  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);
  return line;
}

/* A refused staff row's message as the error. */
static gboolean
staff_applied (JsonObject  *result,
               GError     **error)
{
  if (!g_str_equal (json_object_get_string_member (result, "status"), "applied"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           json_object_get_string_member_with_default (result, "message", ""));
      return FALSE;
    }
  return TRUE;
}

/* Writes @staff (based on @base_rev, 0 if new) through the server's
 * own push path, as an administrator at the command line: desks hear
 * of it in the feed, the staff rules hold (the last administrator…)
 * and a change of roles is audited, as if made in the Staff window. */
static gboolean
push_staff_then (CLStore              *store,
                 CLStaff              *staff,
                 gint64                base_rev,
                 CLSyncServerThenFunc  then,
                 gpointer              then_data,
                 GError              **error)
{
  g_autoptr(JsonArray) changes = json_array_new ();
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonNode) data = cl_record_to_json (CL_RECORD (staff));
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *actor = g_strdup_printf ("command-line:%s", g_get_user_name ());
  JsonObject *change = json_object_new ();
  JsonObject *result;
  gint64 max_rev = 0;

  /* The server sets these. */
  json_object_remove_member (json_node_get_object (data), "rev");
  json_object_remove_member (json_node_get_object (data), "updated_at");
  json_object_remove_member (json_node_get_object (data), "updated_by");
  json_object_set_string_member (change, "key", key);
  json_object_set_string_member (change, "table", "staff");
  json_object_set_string_member (change, "id", cl_record_get_id (CL_RECORD (staff)));
  json_object_set_int_member (change, "base_rev", base_rev);
  json_object_set_string_member (change, "op", "upsert");
  json_object_set_member (change, "data", g_steal_pointer (&data));
  json_array_add_object_element (changes, change);

  results = cl_sync_server_apply_changes_then (store, changes, actor, CL_ROLE_ADMIN, then, then_data,
                                               &max_rev, error);
  if (results == NULL)
    return FALSE;
  result = json_array_get_object_element (results, 0);
  return staff_applied (result, error);
}

static gboolean
push_staff (CLStore  *store,
            CLStaff  *staff,
            gint64    base_rev,
            GError  **error)
{
  return push_staff_then (store, staff, base_rev, NULL, NULL, error);
}

typedef struct
{
  const char *username;
  const char *hash;
  const char *role;
  gboolean    must_change;
} NewAccount;

/* Inside the staff row's transaction: the account is written only with
 * its staff row, and the staff row only with its account. */
static gboolean
insert_account_cb (CLStore    *store,
                   JsonArray  *results,
                   gpointer    user_data,
                   GError    **error)
{
  NewAccount *account = user_data;
  g_autoptr(GError) local_error = NULL;

  if (!staff_applied (json_array_get_object_element (results, 0), error))
    return FALSE;
  if (!cl_store_insert_account (store, account->username, account->hash, account->role,
                                g_get_real_time () / G_USEC_PER_SEC, account->must_change, &local_error))
    {
      if (g_error_matches (local_error, CL_STORE_ERROR, CL_STORE_ERROR_CONFLICT))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("There is already a user “%s”"), account->username);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The live staff row of @username, or NULL. */
static CLStaff *
find_staff (CLStore    *store,
            const char *username)
{
  g_autofree char *id = cl_store_staff_find_username (store, username);

  return id ? (CLStaff *) cl_store_load_record (store, CL_TYPE_STAFF, id, NULL) : NULL;
}

/* A new account's staff row: made, or, when one already logs in as
 * @username, given @role and made active.  The account's role is the
 * row's log-in role (README, "Roles"), set in @login_role: an
 * administrator given another role stays one. */
static gboolean
add_staff (CLStore     *store,
           const char  *username,
           const char  *name,
           const char  *role,
           const char  *hash,
           gboolean     must_change,
           char       **login_role,
           GError     **error)
{
  NewAccount account = { username, hash, role, must_change };
  g_autoptr(CLStaff) staff = find_staff (store, username);
  gint64 base_rev = 0;

  if (staff == NULL)
    staff = cl_staff_new (username, name ? name : username, role);
  else
    {
      g_auto(GStrv) roles = cl_staff_dup_roles (staff);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) more = NULL;

      base_rev = cl_record_get_rev (CL_RECORD (staff));
      g_strv_builder_addv (builder, (const char **) roles);
      g_strv_builder_add (builder, role);
      more = g_strv_builder_end (builder);
      cl_staff_set_roles (staff, (const char * const *) more);
      cl_staff_set_active (staff, TRUE);
      if (name)
        g_object_set (staff, "display-name", name, NULL);
    }
  *login_role = cl_staff_dup_login_role (staff);
  account.role = *login_role;
  return push_staff_then (store, staff, base_rev, insert_account_cb, &account, error);
}

int
cl_command_user (int    argc,
                 char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *role = NULL;
  g_autofree char *name = NULL;
  gboolean one_time = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The data file"), N_("PATH") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("Role of a new user: admin, case_manager, escort, vip_steward, service_desk or finance"),
      N_("ROLE") },
    { "one-time", 0, 0, G_OPTION_ARG_NONE, &one_time,
      N_("Make a one-time password for a new user instead of reading one, print it once; they must replace it at their first log-in"),
      NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("A new user’s name as the staff list shows it (default: the user name)"),
      N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;

  context = g_option_context_new (_("add NAME --role ROLE | list | disable NAME | unlock NAME"));
  g_option_context_set_summary (context, _(cl_command_find ("user")->summary));
  g_option_context_set_description (context,
                                    _("“user add” reads the password from the first line of standard input,\n"
                                      "or with --one-time makes one and prints it once.\n"
                                      "Example:\n"
                                      "  echo 'secret' | careline-server user add wang --role case_manager --db careline.db"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cl_command_parse_options (context, "user", &argc, &argv))
    return CL_EXIT_USAGE;

  action = argc > 1 ? argv[1] : NULL;
  if (action == NULL ||
      !(g_str_equal (action, "add") || g_str_equal (action, "list") || g_str_equal (action, "disable") ||
        g_str_equal (action, "unlock")) ||
      argc != (g_str_equal (action, "list") ? 2 : 3))
    {
      g_printerr (_("careline-server user: use “user add NAME --role ROLE”, “user list”, “user disable NAME” or “user unlock NAME”"));
      g_printerr ("\n");
      return CL_EXIT_USAGE;
    }
  if (db == NULL)
    return cl_command_missing_db ("user");

  if (g_str_equal (action, "add"))
    {
      g_autofree char *password = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *login_role = NULL;

      if (!cl_accounts_role_valid (role))
        {
          g_autofree char *roles = g_strjoinv (", ", (char **) cl_staff_roles ());

          g_printerr (_("careline-server user add: give a role with --role (%s)"), roles);
          g_printerr ("\n");
          return CL_EXIT_USAGE;
        }
      password = one_time ? cl_one_time_password_new () : read_password ();
      if (password == NULL || *password == '\0')
        {
          g_printerr (_("careline-server user add: the password (one line on standard input) must not be empty"));
          g_printerr ("\n");
          return CL_EXIT_USAGE;
        }
      if (!cl_accounts_username_valid (argv[2]))
        {
          g_printerr ("careline-server user add: ");
          g_printerr (_("A user name has 1 to %d letters, digits, dots, dashes or underscores"), 64);
          g_printerr ("\n");
          return EXIT_FAILURE;
        }
      hash = cl_accounts_hash_password (password, &error);
      if (!one_time)
        memset (password, 0, strlen (password));
      store = hash ? cl_store_open (db, &error) : NULL;
      /* The person who logs in is on the staff, so the escort lanes and
       * pickers offer them; account and staff row in one transaction,
       * so neither is ever there without the other. */
      if (store == NULL || !add_staff (store, argv[2], name, role, hash, one_time, &login_role, &error))
        {
          g_printerr ("careline-server user add: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print (_("Added user “%s” (%s)"), argv[2], login_role);
      g_print ("\n");
      if (one_time)
        {
          /* Shown once; only its hash is kept. */
          g_print (_("One-time password (shown only once; it must be replaced at the first log-in): %s"), password);
          g_print ("\n");
          memset (password, 0, strlen (password));
        }
    }
  else if (g_str_equal (action, "list"))
    {
      g_autoptr(GPtrArray) accounts = NULL;

      if (!(store = cl_command_open_existing_store ("user list", db)))
        return EXIT_FAILURE;
      accounts = cl_accounts_list (store, &error);
      if (accounts == NULL)
        {
          g_printerr ("careline-server user list: %s\n", error->message);
          return EXIT_FAILURE;
        }
      for (guint i = 0; i < accounts->len; i++)
        {
          ClAccount *account = g_ptr_array_index (accounts, i);
          g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (account->created_at);
          g_autofree char *when = g_date_time_format (created, "%Y-%m-%d %H:%M");

          g_autofree char *locked = NULL;

          if (account->locked_until > 0)
            {
              g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (account->locked_until);
              g_autofree char *time = g_date_time_format (until, "%H:%M");

              /* Translators: an account refused after too many failed log-ins */
              locked = g_strdup_printf (C_("account", "locked until %s"), time);
            }
          g_print ("%-20s %-14s %-9s %s%s%s\n", account->username, account->role,
                   account->disabled ? C_("account", "disabled") : C_("account", "active"), when,
                   locked ? "  " : "", locked ? locked : "");
        }
    }
  else if (g_str_equal (action, "unlock"))
    {
      gboolean was_locked = FALSE;

      if (!(store = cl_command_open_existing_store ("user unlock", db)))
        return EXIT_FAILURE;
      if (!cl_login_throttle_clear (store, argv[2], g_get_real_time () / G_USEC_PER_SEC, &was_locked, &error))
        {
          g_printerr ("careline-server user unlock: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print (was_locked ? _("Unlocked user “%s”") : _("User “%s” was not locked; their failed log-ins are forgotten"),
               argv[2]);
      g_print ("\n");
    }
  else
    {
      g_autoptr(CLStaff) staff = NULL;
      g_autofree char *actor = g_strdup_printf ("command-line:%s", g_get_user_name ());

      if (!(store = cl_command_open_existing_store ("user disable", db)))
        return EXIT_FAILURE;
      /* Their staff row first: the last administrator is refused here
       * as in the Staff window, before anything changes.  Its hook
       * disables the account as well. */
      staff = find_staff (store, argv[2]);
      if (staff && cl_staff_get_active (staff))
        {
          gint64 base_rev = cl_record_get_rev (CL_RECORD (staff));

          cl_staff_set_active (staff, FALSE);
          if (!push_staff (store, staff, base_rev, &error))
            {
              g_printerr ("careline-server user disable: %s\n", error->message);
              return EXIT_FAILURE;
            }
        }
      if (!cl_accounts_disable (store, argv[2], actor, &error) &&
          !(staff && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)))
        {
          g_printerr ("careline-server user disable: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print (_("Disabled user “%s” and ended their sessions"), argv[2]);
      g_print ("\n");
    }

  return EXIT_SUCCESS;
}
