/* Staff and log-ins on the real careline-server (README, "Staff"):
 * `user add` makes or links the staff row and `user disable`
 * deactivates it, through the server's push path, so desks hear of it,
 * and the Staff window's (de)activation does the same to the log-in;
 * the last administrator is kept; a change of roles is audited with
 * who made it; and an escort task outside the escort's working hours,
 * or for a deactivated escort, is refused by the server itself.
 * TZ=Asia/Shanghai; 2026-11-24 is a Tuesday. */

#include "config.h"

#include <string.h>

#include "cl-escort-task.h"
#include "cl-schedule.h"
#include "cl-test-desk.h"
#include "cl-test-server.h"
#include "cl-test-util.h"

#define PASSWORD "correct horse battery staple\n"

/* `careline-server user ACTION NAME --db DB [ARG…]` (up to four
 * more arguments, the first NULL ends them), with a password on stdin. */
static void
user (const char *db,
      int         expected,
      const char *action,
      const char *name,
      const char *arg1,
      const char *arg2,
      const char *arg3,
      const char *arg4)
{
  g_assert_cmpint (cl_test_server_cli (PASSWORD, NULL, "user", action, name, "--db", db,
                                       arg1, arg2, arg3, arg4, NULL), ==, expected);
}

static gint64
rev_of (const char *db,
        const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM staff WHERE id = '%s'", id);

  return cl_test_db_count (db, sql);
}

static char *
task_change (const char *escort_id,
             gint64      start_at,
             gint64      end_at)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *data = g_strdup_printf ("{\"patient_id\":\"p-1\",\"kind\":\"%s\",\"escort_id\":\"%s\","
                                           "\"start_at\":%" G_GINT64_FORMAT ",\"end_at\":%" G_GINT64_FORMAT ","
                                           "\"status\":\"%s\"}",
                                           CL_ESCORT_KIND_EXAMINATION, escort_id, start_at, end_at,
                                           CL_ESCORT_STATUS_PLANNED);

  return cl_test_change_json (key, "escort_task", id, 0, "upsert", data);
}

static void
test_staff (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-server-staff");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  CLTestServer server = { 0 };
  g_autofree char *boss = NULL;
  g_autofree char *escort_id = NULL;
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result;

  /* user add: an account and a staff row, through the feed. */
  user (db, 0, "add", "boss", "--role", "admin", NULL, NULL);
  user (db, 0, "add", "wangfang", "--role", "escort", "--name", "王芳");
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE username = 'boss' AND roles = 'admin' AND active = 1"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE username = 'wangfang' AND display_name = '王芳'"
                              " AND roles = 'escort' AND active = 1"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM change_log WHERE tbl = 'staff'"), ==, 2);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE action = 'staff-roles'"
                              " AND username LIKE 'command-line:%' AND detail = 'wangfang: - → escort'"), ==, 1);

  /* A second account for an existing person links to their row. */
  user (db, 0, "add", "wangfang2", "--role", "escort", NULL, NULL);
  user (db, 1, "add", "wangfang", "--role", "escort", NULL, NULL);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE username = 'wangfang'"), ==, 1);

  /* The last administrator cannot be disabled. */
  user (db, 1, "disable", "boss", NULL, NULL, NULL, NULL);
  g_assert_cmpint (cl_test_db_count (db, "SELECT active FROM staff WHERE username = 'boss'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT disabled FROM account WHERE username = 'boss'"), ==, 0);

  cl_test_server_start (&server, db);
  boss = cl_test_api_login (&server, "boss", "correct horse battery staple");
  escort_id = cl_test_api_staff_id (&server, boss, "wangfang", NULL);
  g_assert_nonnull (escort_id);

  /* Tuesdays 09:00–12:00: a push of her roles and hours, audited. */
  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *fixed = cl_test_change_json (key, "staff", escort_id, rev_of (db, escort_id), "upsert",
                                                  "{\"roles\":\"case_manager escort\",\"role\":\"case_manager\","
                                                  "\"hours\":\"07:30-17:30 09:00-12:00 07:30-17:30 07:30-17:30 07:30-17:30 off off\"}");

    result = cl_test_api_push_one (&server, boss, fixed, &holder);
    g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
    g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE action = 'staff-roles' AND username = 'boss'"
                                " AND detail = 'wangfang: escort → case_manager escort'"), ==, 1);
  }

  /* The patient the tasks are for: the server checks she is there. */
  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *patient = cl_test_change_json (key, "patient", "p-1", 0, "upsert",
                                                    "{\"name\":\"张小梅\",\"phone\":\"13800138000\","
                                                    "\"birth_date\":\"1993-04-02\"}");

    g_clear_pointer (&holder, json_node_unref);
    result = cl_test_api_push_one (&server, boss, patient, &holder);
    g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  }

  /* Outside her hours: refused by the server, with the hours. */
  {
    g_autofree char *change = task_change (escort_id, cl_test_nov_2026 (24, 14, 0), cl_test_nov_2026 (24, 15, 0));

    g_clear_pointer (&holder, json_node_unref);
    result = cl_test_api_push_one (&server, boss, change, &holder);
    g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
    g_assert_cmpstr (cl_test_reason_of (result), ==, "invalid");
    g_assert_nonnull (strstr (json_object_get_string_member (result, "message"), "09:00"));
  }
  /* A day off. */
  {
    g_autofree char *change = task_change (escort_id, cl_test_nov_2026 (28, 10, 0), cl_test_nov_2026 (28, 11, 0));

    g_clear_pointer (&holder, json_node_unref);
    result = cl_test_api_push_one (&server, boss, change, &holder);
    g_assert_cmpstr (cl_test_reason_of (result), ==, "invalid");
  }
  /* Within them: applied. */
  {
    g_autofree char *change = task_change (escort_id, cl_test_nov_2026 (24, 10, 0), cl_test_nov_2026 (24, 11, 0));

    g_clear_pointer (&holder, json_node_unref);
    result = cl_test_api_push_one (&server, boss, change, &holder);
    g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  }

  /* The last administrator, demoted by a push: refused at the field. */
  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *boss_id = cl_test_api_staff_id (&server, boss, "boss", NULL);
    gint64 rev = rev_of (db, boss_id);

    {
      g_autofree char *change = cl_test_change_json (key, "staff", boss_id, rev, "upsert", "{\"active\":false}");

      g_clear_pointer (&holder, json_node_unref);
      result = cl_test_api_push_one (&server, boss, change, &holder);
      g_assert_cmpstr (cl_test_reason_of (result), ==, "invalid");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "message"), "active: "));
    }
  }
  cl_test_server_stop (&server);

  /* user disable: deactivated; no new task for her. */
  user (db, 0, "disable", "wangfang", NULL, NULL, NULL, NULL);
  g_assert_cmpint (cl_test_db_count (db, "SELECT active FROM staff WHERE username = 'wangfang'"), ==, 0);
  g_assert_cmpint (cl_test_db_count (db, "SELECT disabled FROM account WHERE username = 'wangfang'"), ==, 1);
  cl_test_server_start (&server, db);
  g_free (boss);
  boss = cl_test_api_login (&server, "boss", "correct horse battery staple");
  {
    g_autofree char *change = task_change (escort_id, cl_test_nov_2026 (24, 10, 0), cl_test_nov_2026 (24, 11, 0));

    g_clear_pointer (&holder, json_node_unref);
    result = cl_test_api_push_one (&server, boss, change, &holder);
    g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
  }
  /* Made active again in the Staff window: she can log in again. */
  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *change = cl_test_change_json (key, "staff", escort_id, rev_of (db, escort_id), "upsert",
                                                   "{\"active\":true}");

    g_clear_pointer (&holder, json_node_unref);
    result = cl_test_api_push_one (&server, boss, change, &holder);
    g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
    g_assert_cmpint (cl_test_db_count (db, "SELECT disabled FROM account WHERE username = 'wangfang'"), ==, 0);
    g_free (cl_test_api_login (&server, "wangfang", "correct horse battery staple"));
  }
  cl_test_server_stop (&server);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/staff", test_staff);
  return g_test_run ();
}
