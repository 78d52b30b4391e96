/* A log-in follows its staff row on the real careline-server (README,
 * "Roles"): an administrator demoted through POST /changes loses the
 * sessions they had (401) and logs in again with the new role (403 on
 * an administrator's endpoint); a promotion gives the new rights at
 * once; a deactivated person's session and log-in are refused, and an
 * open desk is told to log in again; the last administrator who can
 * log in cannot be demoted, deactivated or disabled; `user disable`
 * deactivates the row and the row's deactivation disables the account;
 * each account change is in the audit log with who made it. */

#include "config.h"

#include <string.h>

#include "cl-accounts.h"
#include "cl-store-passwords.h"
#include "cl-test-desk.h"
#include "cl-test-server.h"
#include "cl-test-util.h"

#define PASSWORD "correct horse battery staple"

static void
user (const char *db,
      int         expected,
      const char *action,
      const char *name,
      const char *arg1,
      const char *arg2)
{
  g_assert_cmpint (cl_test_server_cli (PASSWORD "\n", NULL, "user", action, name, "--db", db,
                                       arg1, arg2, NULL), ==, expected);
}

/* POST /session: the status, and the role it answers with (if 200). */
static guint
login (CLTestServer  *server,
       const char    *username,
       char         **token,
       char         **role)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = cl_test_api_try_login (server, username, PASSWORD, &reply);

  if (status == 200)
    {
      *token = g_strdup (json_object_get_string_member (json_node_get_object (reply), "token"));
      *role = g_strdup (json_object_get_string_member (json_node_get_object (reply), "role"));
    }
  return status;
}

/* The status of @method @path with @token. */
static guint
call (CLTestServer *server,
      const char   *method,
      const char   *path,
      const char   *token)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = cl_test_api_request (server, method, path, token, NULL, &status);
  return status;
}

/* An administrator's endpoint. */
static guint
admin_call (CLTestServer *server,
            const char   *token)
{
  return call (server, "GET", "/accounts/boss", token);
}

/* Pushes @data over @username's staff row as @token; the result's
 * status, and its message in @message. */
static char *
push_staff (CLTestServer  *server,
            const char    *token,
            const char    *admin_token,
            const char    *username,
            const char    *data,
            char         **message)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *key = cl_test_new_key ();
  gint64 rev = 0;
  g_autofree char *id = cl_test_api_staff_id (server, admin_token, username, &rev);
  g_autofree char *change = cl_test_change_json (key, "staff", id, rev, "upsert", data);
  JsonObject *result = cl_test_api_push_one (server, token, change, &holder);

  if (message)
    *message = g_strdup (json_object_get_string_member_with_default (result, "message", ""));
  return g_strdup (cl_test_status_of (result));
}

static void
test_account_follows_staff (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-server-account-roles");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *desk_dir = g_build_filename (dir, "desk", NULL);
  CLTestServer server = { 0 };
  g_autofree char *boss = NULL;
  g_autofree char *chen = NULL;
  g_autofree char *lina = NULL;
  g_autofree char *token = NULL;
  g_autofree char *role = NULL;
  g_autofree char *status = NULL;
  g_autofree char *message = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *chen_id = NULL;
  g_autofree char *lina_id = NULL;
  g_autofree char *boss_id = NULL;
  g_autofree char *by = NULL;
  gint64 rev = 0;

  user (db, 0, "add", "boss", "--role", "admin");
  user (db, 0, "add", "chen", "--role", "admin");
  user (db, 0, "add", "lina", "--role", "case_manager");
  cl_test_server_start (&server, db);
  boss = cl_test_api_login (&server, "boss", PASSWORD);
  chen = cl_test_api_login (&server, "chen", PASSWORD);
  lina = cl_test_api_login (&server, "lina", PASSWORD);
  chen_id = cl_test_api_staff_id (&server, boss, "chen", &rev);
  lina_id = cl_test_api_staff_id (&server, boss, "lina", &rev);
  boss_id = cl_test_api_staff_id (&server, boss, "boss", &rev);
  g_assert_cmpuint (admin_call (&server, chen), ==, 200);
  g_assert_cmpuint (admin_call (&server, lina), ==, 403);

  /* Chen at a desk of her own, in step with the server. */
  {
    g_autoptr(CLStore) store = cl_test_desk_open_store (desk_dir, "chen");
    g_autoptr(CLSyncClient) desk = cl_test_desk_login (store, server.url, "chen", PASSWORD);
    g_autoptr(GError) error = NULL;
    GAsyncResult **slot;

    cl_test_desk_sync (desk);
    g_assert_cmpint (cl_sync_client_get_state (desk), ==, CL_SYNC_STATE_ONLINE);

    /* Demoted to case manager by boss: her sessions end at once, the
     * desk's too, which is told to log in again. */
    status = push_staff (&server, boss, boss, "chen", "{\"roles\":\"case_manager\",\"role\":\"case_manager\"}", NULL);
    g_assert_cmpstr (status, ==, "applied");
    g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM account WHERE username = 'chen' AND role = 'case_manager'"
                                " AND disabled = 0"), ==, 1);
    g_assert_cmpuint (admin_call (&server, chen), ==, 401);
    g_assert_cmpuint (call (&server, "GET", "/changes?since=0", chen), ==, 401);

    /* The server's nudge may have made the desk find out already;
     * either way it now waits for a log-in, and says why. */
    slot = cl_test_desk_sync_start (desk);
    g_assert_false (cl_test_desk_sync_finish (desk, slot, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
    g_assert_cmpint (cl_sync_client_get_state (desk), ==, CL_SYNC_STATE_AUTH_NEEDED);
    g_assert_cmpstr (cl_sync_client_get_last_error (desk), ==, "Your session has ended; log in again");

    /* Logged in again, with a case manager's rights. */
    cl_test_desk_login_client (desk, server.url, "chen", PASSWORD);
    cl_test_desk_sync (desk);
    g_assert_cmpint (cl_sync_client_get_state (desk), ==, CL_SYNC_STATE_ONLINE);
  }
  g_clear_pointer (&status, g_free);
  g_clear_pointer (&chen, g_free);
  g_assert_cmpuint (login (&server, "chen", &chen, &role), ==, 200);
  g_assert_cmpstr (role, ==, "case_manager");
  g_assert_cmpuint (admin_call (&server, chen), ==, 403);
  g_assert_cmpuint (call (&server, "GET", "/changes?since=0", chen), ==, 200);

  /* Lina promoted (her roles in any order): the administrator's rights
   * at once, in the session she has, and at her next log-in. */
  status = push_staff (&server, boss, boss, "lina", "{\"roles\":\"case_manager admin\",\"role\":\"case_manager\"}",
                       NULL);
  g_assert_cmpstr (status, ==, "applied");
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM account WHERE username = 'lina' AND role = 'admin'"), ==, 1);
  g_assert_cmpuint (admin_call (&server, lina), ==, 200);
  g_clear_pointer (&role, g_free);
  g_assert_cmpuint (login (&server, "lina", &token, &role), ==, 200);
  g_assert_cmpstr (role, ==, "admin");
  g_clear_pointer (&token, g_free);

  /* Deactivated by lina: her session and log-in are refused. */
  g_clear_pointer (&status, g_free);
  status = push_staff (&server, lina, boss, "chen", "{\"active\":false}", NULL);
  g_assert_cmpstr (status, ==, "applied");
  g_assert_cmpint (cl_test_db_count (db, "SELECT disabled FROM account WHERE username = 'chen'"), ==, 1);
  g_assert_cmpuint (call (&server, "GET", "/changes?since=0", chen), ==, 401);
  g_assert_cmpuint (login (&server, "chen", &token, &role), ==, 401);

  /* The last administrator who can log in: zhao is an active
   * administrator on the staff but has no log-in, so the staff rule
   * lets boss and lina go, the account's does not let both. */
  {
    g_autoptr(JsonNode) holder = NULL;
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *change = cl_test_change_json (key, "staff", "staff-zhao", 0, "upsert",
                                                   "{\"username\":\"zhao\",\"display_name\":\"赵敏\","
                                                   "\"roles\":\"admin\",\"role\":\"admin\",\"active\":true}");

    g_assert_cmpstr (cl_test_status_of (cl_test_api_push_one (&server, boss, change, &holder)), ==, "applied");
  }
  g_clear_pointer (&status, g_free);
  status = push_staff (&server, boss, boss, "lina", "{\"roles\":\"case_manager\",\"role\":\"case_manager\"}",
                       NULL);
  g_assert_cmpstr (status, ==, "applied");
  g_assert_cmpuint (admin_call (&server, lina), ==, 401);
  g_clear_pointer (&status, g_free);
  status = push_staff (&server, boss, boss, "boss", "{\"roles\":\"escort\",\"role\":\"escort\"}", &message);
  g_assert_cmpstr (status, ==, "rejected");
  g_assert_cmpstr (message, ==, "roles: boss is the last administrator who can log in to the server;"
                                " give another administrator a log-in first");
  g_clear_pointer (&status, g_free);
  g_clear_pointer (&message, g_free);
  status = push_staff (&server, boss, boss, "boss", "{\"active\":false}", &message);
  g_assert_cmpstr (status, ==, "rejected");
  g_assert_true (g_str_has_prefix (message, "active: boss is the last administrator who can log in"));
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM account WHERE username = 'boss' AND role = 'admin'"
                              " AND disabled = 0"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE username = 'boss' AND roles = 'admin'"
                              " AND active = 1"), ==, 1);
  g_assert_cmpuint (admin_call (&server, boss), ==, 200);
  cl_test_server_stop (&server);

  /* Nor at the command line. */
  user (db, 1, "disable", "boss", NULL, NULL);
  g_assert_cmpint (cl_test_db_count (db, "SELECT disabled FROM account WHERE username = 'boss'"), ==, 0);
  g_assert_cmpint (cl_test_db_count (db, "SELECT active FROM staff WHERE username = 'boss'"), ==, 1);

  /* user disable deactivates the row as well. */
  user (db, 0, "disable", "lina", NULL, NULL);
  g_assert_cmpint (cl_test_db_count (db, "SELECT disabled FROM account WHERE username = 'lina'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT active FROM staff WHERE username = 'lina'"), ==, 0);

  /* A log-in for zhao, an administrator on the staff, asked for as an
   * escort: the row gains the role, the account is an administrator's. */
  user (db, 0, "add", "zhao", "--role", "escort");
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE username = 'zhao' AND roles = 'admin escort'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM account WHERE username = 'zhao' AND role = 'admin'"), ==, 1);

  /* The audit log, read back: each account change, by whom. */
  g_assert_cmpint (cl_test_server_cli (NULL, &audit, "audit", "--db", db, NULL), ==, 0);
  {
    g_autofree char *demoted = g_strdup_printf ("\tboss\tadmin\taccount-role\taccount\t%s\t-\t200\t"
                                                "chen: admin → case_manager\n", chen_id);
    g_autofree char *promoted = g_strdup_printf ("\tboss\tadmin\taccount-role\taccount\t%s\t-\t200\t"
                                                 "lina: case_manager → admin\n", lina_id);
    g_autofree char *disabled = g_strdup_printf ("\tlina\tadmin\taccount-disable\taccount\t%s\t-\t200\tchen\n",
                                                 chen_id);
    g_autofree char *again = g_strdup_printf ("\tboss\tadmin\taccount-role\taccount\t%s\t-\t200\t"
                                              "lina: admin → case_manager\n", lina_id);

    g_assert_nonnull (strstr (audit, demoted));
    g_assert_nonnull (strstr (audit, promoted));
    g_assert_nonnull (strstr (audit, disabled));
    g_assert_nonnull (strstr (audit, again));
  }
  by = g_strdup_printf ("\tcommand-line:%s\tadmin\taccount-disable\taccount\t%s\t-\t200\tlina\n",
                        g_get_user_name (), lina_id);
  g_assert_nonnull (strstr (audit, by));
  /* Boss's refused demotion wrote nothing but its refusal. */
  g_assert_null (strstr (audit, "boss: admin →"));
  {
    g_autofree char *refused = g_strdup_printf ("\tboss\tadmin\tupsert\tstaff\t%s\t-\t422\tinvalid\n", boss_id);

    g_assert_nonnull (strstr (audit, refused));
  }

  cl_test_remove_tree (dir);
}

/* An account from before staff rows (none logs in as it): `user
 * disable` keeps the last administrator who can log in, and audits
 * what it disables. */
static void
test_account_without_staff (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-server-account-alone");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *audit = NULL;
  g_autofree char *by = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CLStore) store = cl_store_open (db, &error);
    g_autofree char *hash = cl_accounts_hash_password (PASSWORD, &error);

    g_assert_no_error (error);
    g_assert_true (cl_store_insert_account (store, "root", hash, "admin", 1, FALSE, &error));
    g_assert_no_error (error);
  }
  user (db, 1, "disable", "root", NULL, NULL);
  g_assert_cmpint (cl_test_db_count (db, "SELECT disabled FROM account WHERE username = 'root'"), ==, 0);

  user (db, 0, "add", "boss", "--role", "admin");
  user (db, 0, "disable", "root", NULL, NULL);
  g_assert_cmpint (cl_test_db_count (db, "SELECT disabled FROM account WHERE username = 'root'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT disabled FROM account WHERE username = 'boss'"), ==, 0);

  g_assert_cmpint (cl_test_server_cli (NULL, &audit, "audit", "--db", db, NULL), ==, 0);
  by = g_strdup_printf ("\tcommand-line:%s\tadmin\taccount-disable\taccount\t-\t-\t200\troot\n",
                        g_get_user_name ());
  g_assert_nonnull (strstr (audit, by));
  cl_test_remove_tree (dir);
}

/* The other way round: a row deactivated at a desk disables the log-in
 * (above), and one made active again lets it log in again with the
 * row's role. */
static void
test_account_enabled_again (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-server-account-again");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  CLTestServer server = { 0 };
  g_autofree char *boss = NULL;
  g_autofree char *token = NULL;
  g_autofree char *role = NULL;
  g_autofree char *status = NULL;

  user (db, 0, "add", "boss", "--role", "admin");
  user (db, 0, "add", "wang", "--role", "escort");
  user (db, 0, "disable", "wang", NULL, NULL);
  g_assert_cmpint (cl_test_db_count (db, "SELECT active FROM staff WHERE username = 'wang'"), ==, 0);

  cl_test_server_start (&server, db);
  boss = cl_test_api_login (&server, "boss", PASSWORD);
  g_assert_cmpuint (login (&server, "wang", &token, &role), ==, 401);
  status = push_staff (&server, boss, boss, "wang",
                       "{\"active\":true,\"roles\":\"escort vip_steward\",\"role\":\"escort\"}", NULL);
  g_assert_cmpstr (status, ==, "applied");
  g_assert_cmpuint (login (&server, "wang", &token, &role), ==, 200);
  g_assert_cmpstr (role, ==, "escort");
  cl_test_server_stop (&server);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/account-roles/follow-staff", test_account_follows_staff);
  g_test_add_func ("/server/account-roles/enabled-again", test_account_enabled_again);
  g_test_add_func ("/server/account-roles/without-staff", test_account_without_staff);
  return g_test_run ();
}
