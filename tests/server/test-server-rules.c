/* test-server-rules.c
 *
 * The server enforces every rule the desk's forms enforce (README,
 * "Pushing changes"): each invalid record of cl-test-invalid-cases.c,
 * pushed through POST /changes by a role that may write its table, is
 * rejected as "invalid" with the form's message at its field, and
 * nothing of it is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cl-test-invalid-cases.h"
#include "cl-test-server.h"
#include "cl-test-util.h"

static JsonObject *
push (const char  *role,
      const char  *table,
      const char  *id,
      const char  *data,
      JsonNode   **holder)
{
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *expanded = cl_test_invalid_case_expand (data);
  g_autofree char *change = cl_test_change_json (key, table, id, 0, "upsert", expanded);

  return cl_test_push_one (cl_test_token_of (role), change, holder);
}

static void
push_applied (const char *role,
              const char *table,
              const char *id,
              const char *data)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *expanded = cl_test_invalid_case_expand (id);
  JsonObject *result = push (role, table, expanded, data, &holder);

  if (g_strcmp0 (cl_test_status_of (result), "applied") != 0)
    g_error ("%s %s: %s %s", table, id, cl_test_status_of (result),
             json_object_get_string_member_with_default (result, "message", ""));
}

/* What every case builds on: a patient at 15+6 weeks on 20 November,
 * packages, rooms and an escort. */
static void
push_fixtures (void)
{
  push_applied ("admin", "patient", "@PATIENT@",
                "{\"name\":\"张小梅\",\"phone\":\"13800138000\",\"birth_date\":\"1993-04-02\"}");
  push_applied ("admin", "pregnancy", "@PREGNANCY@",
                "{\"patient_id\":\"@PATIENT@\",\"lmp\":\"2026-08-01\",\"status\":\"ongoing\","
                "\"gravida\":1,\"para\":0,\"risk\":\"green\"}");
  push_applied ("admin", "package", "@PACKAGE@",
                "{\"code\":\"EARLY\",\"name\":\"早孕套餐\",\"price_fen\":98000,\"enrol_from_day\":0,"
                "\"enrol_to_day\":84,\"postpartum_days\":0,\"services\":\"\",\"active\":true}");
  push_applied ("admin", "package", "@PACKAGE_OFF@",
                "{\"code\":\"OLD\",\"name\":\"旧套餐\",\"price_fen\":1,\"enrol_from_day\":0,"
                "\"enrol_to_day\":280,\"postpartum_days\":0,\"services\":\"\",\"active\":false}");
  push_applied ("admin", "package", "@PACKAGE_WIDE@",
                "{\"code\":\"WHOLE\",\"name\":\"孕期全程\",\"price_fen\":298000,\"enrol_from_day\":0,"
                "\"enrol_to_day\":280,\"postpartum_days\":42,\"services\":\"\",\"active\":true}");
  push_applied ("admin", "vip_room", "@ROOM@",
                "{\"name\":\"VIP 1\",\"location\":\"3F\",\"opens\":480,\"closes\":1050,"
                "\"slot_minutes\":30,\"active\":true}");
  push_applied ("admin", "vip_room", "@ROOM_OFF@",
                "{\"name\":\"VIP 停用室\",\"location\":\"3F\",\"opens\":480,\"closes\":1050,"
                "\"slot_minutes\":30,\"active\":false}");
  push_applied ("admin", "staff", "@ESCORT@",
                "{\"username\":\"li\",\"display_name\":\"李陪诊\",\"role\":\"escort\","
                "\"phone\":\"13900139000\",\"active\":true}");
  push_applied ("admin", "staff", "@CASE_MANAGER@",
                "{\"username\":\"wang\",\"display_name\":\"王管家\",\"role\":\"case_manager\","
                "\"roles\":\"case_manager\",\"phone\":\"13900139003\",\"active\":true}");
  /* A second patient, enrolled since 10 November. */
  push_applied ("admin", "patient", "@PATIENT_ENROLLED@",
                "{\"name\":\"李小红\",\"phone\":\"13800138001\",\"birth_date\":\"1994-05-03\"}");
  push_applied ("admin", "pregnancy", "@PREGNANCY_ENROLLED@",
                "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"lmp\":\"2026-06-01\",\"status\":\"ongoing\","
                "\"gravida\":1,\"para\":0,\"risk\":\"green\"}");
  push_applied ("case_manager", "enrolment", "@ENROLMENT_LIVE@",
                "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"package_id\":\"@PACKAGE_WIDE@\",\"price_fen\":298000,"
                "\"agreement_date\":\"2026-11-10\",\"explained_by\":\"王护士\",\"status\":\"active\"}");
}

static void
test_invalid_cases (void)
{
  const char *db = cl_test_shared_db ();
  gint64 feed = cl_test_db_count (db, "SELECT count(*) FROM change_log");
  guint failures = 0;

  for (guint i = 0; i < cl_test_n_invalid_cases; i++)
    {
      const CLTestInvalidCase *c = &cl_test_invalid_cases[i];
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *expected = g_strdup_printf ("%s: %s", c->field, c->message);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = '%s'", c->table, id);
      g_autoptr(JsonNode) holder = NULL;
      JsonObject *result = push (c->role, c->table, id, c->data, &holder);
      const char *message = json_object_get_string_member_with_default (result, "message", "");

      g_test_message ("%s #%u: %s %s “%s”", c->table, i, cl_test_status_of (result),
                      cl_test_reason_of (result), message);
      if (g_strcmp0 (cl_test_status_of (result), "rejected") != 0 ||
          g_strcmp0 (cl_test_reason_of (result), "invalid") != 0 ||
          g_strcmp0 (message, expected) != 0)
        {
          g_printerr ("case %u (%s): expected “%s”, got %s %s “%s”\n", i, c->table, expected,
                      cl_test_status_of (result), cl_test_reason_of (result), message);
          failures++;
        }
      g_assert_cmpint (cl_test_db_count (db, sql), ==, 0);
    }
  g_assert_cmpuint (failures, ==, 0);
  /* Nothing went to the feed. */
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM change_log"), ==, feed);
}

/* The administrator may enrol her outside the window with a reason,
 * as at the desk. */
static void
test_override (void)
{
  push_applied ("admin", "enrolment", "e1000000-0000-4000-8000-0000000000a1",
                "{\"patient_id\":\"@PATIENT@\",\"package_id\":\"@PACKAGE@\",\"price_fen\":98000,"
                "\"agreement_date\":\"2026-11-20\",\"explained_by\":\"王护士\",\"status\":\"active\","
                "\"override_reason\":\"她坚持早签\"}");
  /* And a booking the desk would take is taken. */
  push_applied ("vip_steward", "vip_booking", "e1000000-0000-4000-8000-0000000000a2",
                "{\"room_id\":\"@ROOM@\",\"patient_id\":\"@PATIENT@\",\"purpose\":\"consultation\","
                "\"start_at\":@T2026-11-24T10:00@,\"end_at\":@T2026-11-24T10:30@,"
                "\"booked_by\":\"u-vip_steward\",\"status\":\"booked\"}");
  push_applied ("case_manager", "escort_task", "e1000000-0000-4000-8000-0000000000a3",
                "{\"patient_id\":\"@PATIENT@\",\"kind\":\"examination\",\"place_from\":\"门诊\","
                "\"place_to\":\"超声科\",\"start_at\":@T2026-11-24T07:30@,\"end_at\":@T2026-11-24T08:00@,"
                "\"escort_id\":\"@ESCORT@\",\"status\":\"planned\"}");
}

/* A second enrolment while one is live: an administrator may, with a
 * reason, and the audit log keeps it; without a reason even she may
 * not; a case manager may not with one (cl-test-invalid-cases.c). */
static void
test_enrol_again (void)
{
  const char *db = cl_test_shared_db ();
  const char *again = "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"package_id\":\"@PACKAGE_WIDE@\","
                      "\"price_fen\":298000,\"agreement_date\":\"2026-11-21\",\"explained_by\":\"王护士\","
                      "\"status\":\"active\"%s}";
  g_autofree char *bare = g_strdup_printf (again, "");
  g_autofree char *with_reason = g_strdup_printf (again, ",\"override_reason\":\"双胎，另购一份\"");
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) holder2 = NULL;
  JsonObject *result;

  result = push ("admin", "enrolment", "e1000000-0000-4000-8000-0000000000b1", bare, &holder);
  g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
  g_assert_cmpstr (cl_test_reason_of (result), ==, "invalid");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "message"),
                                   "package_id: She is already enrolled in 孕期全程 (signed 2026-11-10)"));
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM enrolment WHERE id = "
                                         "'e1000000-0000-4000-8000-0000000000b1'"), ==, 0);

  result = push ("case_manager", "enrolment", "e1000000-0000-4000-8000-0000000000b2", with_reason, &holder2);
  g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (result, "message"), ==,
                   "override_reason: Only an administrator may enrol a patient who is already enrolled");

  push_applied ("admin", "enrolment", "e1000000-0000-4000-8000-0000000000b3", with_reason);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM enrolment WHERE patient_id = "
                                         "'e1000000-0000-4000-8000-000000000009' AND status = 'active'"
                                         " AND deleted = 0"), ==, 2);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE record_id = "
                                         "'e1000000-0000-4000-8000-0000000000b3'"
                                         " AND detail = 'override: 双胎，另购一份'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (g_getenv ("CARELINE_SERVER") == NULL)
    {
      g_printerr ("CARELINE_SERVER is not set\n");
      return 77;
    }
  /* The clock the cases are written for; the server inherits it. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  cl_test_shared_server_init ("server-rules");
  push_fixtures ();
  g_test_add_func ("/server-rules/invalid-cases", test_invalid_cases);
  g_test_add_func ("/server-rules/valid", test_override);
  g_test_add_func ("/server-rules/enrol-again", test_enrol_again);
  status = g_test_run ();
  cl_test_shared_server_finish ();
  return status;
}
