/* Log-ins made by an administrator on the real careline-server
 * (README, "Log-ins"): a staff member's log-in with a one-time password
 * answered once and never again, a session of it that may only change
 * it (403 elsewhere), the change with its rules, the one-time password
 * then refused, a reset that ends the account's sessions; other roles
 * refused; the audit log says who did what to whom and never holds a
 * password; `user add` writes account and staff row together or not
 * at all, and its change of roles is audited with who made it. */

#include "config.h"

#include <string.h>

#include "cl-test-server.h"
#include "cl-test-util.h"

#define PASSWORD "correct horse battery staple"

/* POST /session: the status, the token (if 200) and whether its
 * password must be changed. */
static guint
login (CLTestServer  *server,
       const char    *username,
       const char    *password,
       char         **token,
       gboolean      *change_required)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = cl_test_api_try_login (server, username, password, &reply);

  if (status == 200)
    {
      JsonObject *object = json_node_get_object (reply);

      *token = g_strdup (json_object_get_string_member (object, "token"));
      *change_required = json_object_get_boolean_member (object, "password_change_required");
    }
  return status;
}

static void
assert_readable (const char *password)
{
  g_assert_cmpint (strlen (password), ==, 12);
  for (const char *p = password; *p; p++)
    {
      g_assert_true (g_ascii_isalnum (*p));
      g_assert_null (strchr ("0Oo1lI", *p));
    }
}

static char *
create_login (CLTestServer *server,
              const char   *token,
              const char   *staff_id,
              guint         expected)
{
  g_autofree char *body = g_strdup_printf ("{\"staff_id\":\"%s\"}", staff_id);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = cl_test_api_request (server, "POST", "/accounts", token, body, &status);
  g_assert_cmpuint (status, ==, expected);
  if (status != 201)
    return NULL;
  g_assert_true (json_object_get_boolean_member (json_node_get_object (reply), "password_change_required"));
  return g_strdup (json_object_get_string_member (json_node_get_object (reply), "password"));
}

static guint
change_password (CLTestServer *server,
                 const char   *token,
                 const char   *current,
                 const char   *chosen,
                 char        **message)
{
  g_autofree char *body = g_strdup_printf ("{\"current_password\":\"%s\",\"new_password\":\"%s\"}",
                                           current, chosen);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = cl_test_api_request (server, "POST", "/session/password", token, body, &status);
  if (message && reply)
    {
      JsonObject *error = json_object_get_object_member (json_node_get_object (reply), "error");

      *message = g_strdup (json_object_get_string_member (error, "message"));
      if (status == 422)
        g_assert_cmpstr (json_object_get_string_member (error, "field"), ==, "new_password");
    }
  return status;
}

static void
test_accounts (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-server-accounts");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  CLTestServer server = { 0 };
  g_autofree char *boss = NULL;
  g_autofree char *escort = NULL;
  g_autofree char *one_time = NULL;
  g_autofree char *second = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *full = NULL;
  g_autofree char *message = NULL;
  g_autofree char *audit = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) reply = NULL;
  gboolean required = FALSE;
  guint status = 0;

  g_assert_cmpint (cl_test_server_cli (PASSWORD "\n", NULL, "user", "add", "boss", "--role", "admin",
                                       "--db", db, NULL), ==, 0);
  g_assert_cmpint (cl_test_server_cli (PASSWORD "\n", NULL, "user", "add", "wangfang", "--role", "escort",
                                       "--db", db, NULL), ==, 0);
  cl_test_server_start (&server, db);
  boss = cl_test_api_login (&server, "boss", PASSWORD);
  escort = cl_test_api_login (&server, "wangfang", PASSWORD);

  /* A person made at a desk, without a log-in yet. */
  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *change = cl_test_change_json (key, "staff", "staff-lina", 0, "upsert",
                                                   "{\"username\":\"lina\",\"display_name\":\"李娜\","
                                                   "\"roles\":\"case_manager\",\"role\":\"case_manager\","
                                                   "\"active\":true}");
    JsonObject *result = cl_test_api_push_one (&server, boss, change, &holder);

    g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  }

  /* Only an administrator makes log-ins or resets passwords. */
  g_assert_null (create_login (&server, escort, "staff-lina", 403));
  reply = cl_test_api_request (&server, "POST", "/accounts/boss/password", escort, NULL, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&reply, json_node_unref);
  reply = cl_test_api_request (&server, "GET", "/accounts/lina", escort, NULL, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&reply, json_node_unref);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM account WHERE username = 'lina'"), ==, 0);

  /* The administrator makes it: the password comes once. */
  reply = cl_test_api_request (&server, "GET", "/accounts/lina", boss, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&reply, json_node_unref);
  one_time = create_login (&server, boss, "staff-lina", 201);
  assert_readable (one_time);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM account WHERE username = 'lina' AND must_change = 1"
                              " AND role = 'case_manager' AND password_hash LIKE '$argon2id$%'"), ==, 1);
  /* Not again, and not by looking it up. */
  g_assert_null (create_login (&server, boss, "staff-lina", 409));
  g_assert_null (create_login (&server, boss, "staff-nobody", 404));
  reply = cl_test_api_request (&server, "GET", "/accounts/lina", boss, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_false (json_object_has_member (json_node_get_object (reply), "password"));
  g_assert_true (json_object_get_boolean_member (json_node_get_object (reply), "password_change_required"));
  g_clear_pointer (&reply, json_node_unref);

  /* Its session may only change it. */
  g_assert_cmpuint (login (&server, "lina", one_time, &pending, &required), ==, 200);
  g_assert_true (required);
  reply = cl_test_api_request (&server, "GET", "/changes?since=0", pending, NULL, &status);
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (cl_test_error_code (reply), ==, "password_change_required");
  g_clear_pointer (&reply, json_node_unref);
  reply = cl_test_api_request (&server, "GET", "/patients", pending, NULL, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&reply, json_node_unref);
  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *change = cl_test_change_json (key, "staff", "staff-x", 0, "upsert",
                                                   "{\"username\":\"x\",\"display_name\":\"X\","
                                                   "\"roles\":\"admin\",\"role\":\"admin\",\"active\":true}");
    g_autofree char *body = g_strdup_printf ("{\"changes\":[%s]}", change);

    reply = cl_test_api_request (&server, "POST", "/changes", pending, body, &status);
    g_assert_cmpuint (status, ==, 403);
    g_assert_cmpstr (cl_test_error_code (reply), ==, "password_change_required");
    g_clear_pointer (&reply, json_node_unref);
  }

  /* The rules, with the field's message; nothing changes. */
  g_assert_cmpuint (change_password (&server, pending, one_time, "short", &message), ==, 422);
  g_assert_nonnull (strstr (message, "10"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpuint (change_password (&server, pending, one_time, one_time, &message), ==, 422);
  g_clear_pointer (&message, g_free);
  g_assert_cmpuint (change_password (&server, pending, "not the password", "a brand new password", &message), ==, 403);
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (cl_test_db_count (db, "SELECT must_change FROM account WHERE username = 'lina'"), ==, 1);

  /* The change: the same session becomes a full one. */
  g_assert_cmpuint (change_password (&server, pending, one_time, "a brand new password", NULL), ==, 204);
  reply = cl_test_api_request (&server, "GET", "/changes?since=0", pending, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&reply, json_node_unref);
  /* The one-time password is no more. */
  g_assert_cmpuint (login (&server, "lina", one_time, &full, &required), ==, 401);
  g_assert_cmpuint (login (&server, "lina", "a brand new password", &full, &required), ==, 200);
  g_assert_false (required);

  /* A reset: a new one-time password, every session of the account
   * ended. */
  reply = cl_test_api_request (&server, "POST", "/accounts/lina/password", boss, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  second = g_strdup (json_object_get_string_member (json_node_get_object (reply), "password"));
  g_clear_pointer (&reply, json_node_unref);
  assert_readable (second);
  g_assert_cmpstr (second, !=, one_time);
  reply = cl_test_api_request (&server, "GET", "/changes?since=0", full, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
  g_clear_pointer (&reply, json_node_unref);
  reply = cl_test_api_request (&server, "GET", "/changes?since=0", pending, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
  g_clear_pointer (&reply, json_node_unref);
  g_assert_cmpuint (login (&server, "lina", "a brand new password", &full, &required), ==, 401);
  g_clear_pointer (&pending, g_free);
  g_assert_cmpuint (login (&server, "lina", second, &pending, &required), ==, 200);
  g_assert_true (required);
  reply = cl_test_api_request (&server, "POST", "/accounts/nobody/password", boss, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&reply, json_node_unref);
  /* A one-time password's session may end itself. */
  reply = cl_test_api_request (&server, "DELETE", "/session", pending, NULL, &status);
  g_assert_cmpuint (status, ==, 204);
  g_clear_pointer (&reply, json_node_unref);
  reply = cl_test_api_request (&server, "POST", "/session/password", pending,
                               "{\"current_password\":\"x\",\"new_password\":\"y\"}", &status);
  g_assert_cmpuint (status, ==, 401);
  g_clear_pointer (&reply, json_node_unref);

  cl_test_server_stop (&server);

  /* The audit log, as careline-server audit reads it back: who, whom,
   * and never a password. */
  g_assert_cmpint (cl_test_server_cli (NULL, &audit, "audit", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (audit, "\tboss\tadmin\taccount-create\taccount\tstaff-lina\t-\t200\tlina\n"));
  g_assert_nonnull (strstr (audit, "\tboss\tadmin\taccount-reset\taccount\t-\t-\t200\tlina\n"));
  g_assert_nonnull (strstr (audit, "\tlina\tcase_manager\tpassword-change\taccount\t-\t-\t200\tlina\n"));
  g_assert_nonnull (strstr (audit, "\twangfang\tescort\tforbidden\t"));
  g_assert_null (strstr (audit, one_time));
  g_assert_null (strstr (audit, second));
  g_assert_null (strstr (audit, "a brand new password"));
  /* user add's roles, by whom. */
  g_assert_nonnull (strstr (audit, "\tadmin\tstaff-roles\tstaff\t"));
  g_assert_nonnull (strstr (audit, "\twangfang: - → escort\n"));
  {
    g_autofree char *by = g_strdup_printf ("\tcommand-line:%s\tadmin\tstaff-roles\t", g_get_user_name ());

    g_assert_nonnull (strstr (audit, by));
  }
  cl_test_remove_tree (dir);
}

/* user add: the account and the staff row in one transaction.  Adding
 * an existing account for a person adds a role to their row; when the
 * account part fails, the row keeps its roles and the feed has
 * nothing new. */
static void
test_user_add_atomic (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-server-accounts-add");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  gint64 changes;

  g_assert_cmpint (cl_test_server_cli (PASSWORD "\n", NULL, "user", "add", "boss", "--role", "admin",
                                       "--db", db, NULL), ==, 0);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM account WHERE username = 'boss'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE username = 'boss'"), ==, 1);
  changes = cl_test_db_count (db, "SELECT count(*) FROM change_log");

  g_assert_cmpint (cl_test_server_cli (PASSWORD "\n", NULL, "user", "add", "boss", "--role", "finance",
                                       "--db", db, NULL), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE username = 'boss' AND roles = 'admin'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM change_log"), ==, changes);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE action = 'staff-roles'"), ==, 1);
  cl_test_remove_tree (dir);
}

/* user add --one-time: the password printed once, only its hash kept,
 * and it must be replaced at the first log-in. */
static void
test_user_add_one_time (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-server-accounts-cli");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("(\\w{12})\n$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *password = NULL;
  CLTestServer server = { 0 };
  gboolean required = FALSE;

  g_assert_cmpint (cl_test_server_cli (NULL, &out, "user", "add", "night", "--role", "escort", "--one-time",
                                       "--db", db, NULL), ==, 0);
  g_assert_true (g_regex_match (regex, out, 0, &match));
  password = g_match_info_fetch (match, 1);
  assert_readable (password);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM account WHERE username = 'night' AND must_change = 1"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE username = 'night' AND roles = 'escort'"), ==, 1);

  cl_test_server_start (&server, db);
  g_assert_cmpuint (login (&server, "night", password, &token, &required), ==, 200);
  g_assert_true (required);
  cl_test_server_stop (&server);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/accounts/one-time", test_accounts);
  g_test_add_func ("/server/accounts/user-add-atomic", test_user_add_atomic);
  g_test_add_func ("/server/accounts/user-add-one-time", test_user_add_one_time);

  return g_test_run ();
}
