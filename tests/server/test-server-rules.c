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
  push_applied ("admin", "staff", "@STAFF_LEFT@",
                "{\"username\":\"zhaoli\",\"display_name\":\"赵丽\",\"role\":\"service_desk\","
                "\"roles\":\"service_desk\",\"phone\":\"13900139005\",\"active\":false}");
  push_applied ("admin", "staff", "@CASE_MANAGER@",
                "{\"username\":\"wang\",\"display_name\":\"王管家\",\"role\":\"case_manager\","
                "\"roles\":\"case_manager\",\"phone\":\"13900139003\",\"active\":true}");
  push_applied ("admin", "department", "@DEPT_CRITICAL@",
                "{\"name\":\"产科门诊\",\"name_en\":\"Obstetrics Clinic\",\"active\":true}");
  /* A second patient, enrolled since 10 November. */
  push_applied ("admin", "patient", "@PATIENT_ENROLLED@",
                "{\"name\":\"李小红\",\"phone\":\"13800138001\",\"birth_date\":\"1994-05-03\"}");
  push_applied ("admin", "pregnancy", "@PREGNANCY_ENROLLED@",
                "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"lmp\":\"2026-06-01\",\"status\":\"ongoing\","
                "\"gravida\":1,\"para\":0,\"risk\":\"green\"}");
  push_applied ("case_manager", "enrolment", "@ENROLMENT_LIVE@",
                "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"package_id\":\"@PACKAGE_WIDE@\",\"price_fen\":298000,"
                "\"agreement_date\":\"2026-11-10\",\"explained_by\":\"王护士\",\"status\":\"active\"}");
  /* Courses, and two events: one full, one over. */
  push_applied ("admin", "course", "@COURSE@",
                "{\"title\":\"母乳喂养\",\"stage\":\"postpartum\",\"duration_min\":45,\"link\":\"https://example.org/a\",\"active\":true}");
  push_applied ("admin", "course", "@COURSE_OFF@",
                "{\"title\":\"旧课程\",\"stage\":\"birth\",\"duration_min\":30,\"link\":\"https://example.org/b\",\"active\":false}");
  push_applied ("case_manager", "health_event", "@EVENT_FULL@",
                "{\"title\":\"孕期营养讲座\",\"kind\":\"lecture\",\"date\":\"2026-11-28\",\"starts\":840,\"ends\":930,\"place\":\"3F\",\"capacity\":1}");
  push_applied ("case_manager", "health_event", "@EVENT_PAST@",
                "{\"title\":\"产后康复沙龙\",\"kind\":\"salon\",\"date\":\"2026-11-20\",\"starts\":840,\"ends\":930,\"place\":\"3F\",\"capacity\":10}");
  push_applied ("case_manager", "event_registration", "@REG_FULL@",
                "{\"event_id\":\"@EVENT_FULL@\",\"patient_id\":\"@PATIENT_ENROLLED@\",\"state\":\"registered\",\"registered_by\":\"wang\",\"registered_at\":1795400000}");
  /* A third, whose package's escort, VIP room visit and breakfast are
   * taken. */
  push_applied ("admin", "package", "@PACKAGE_COUNTED@",
                "{\"code\":\"COUNTED\",\"name\":\"计次套餐\",\"price_fen\":100000,\"enrol_from_day\":0,"
                "\"enrol_to_day\":280,\"postpartum_days\":42,\"active\":true,\"services\":"
                "\"[{\\\"code\\\":\\\"escort\\\",\\\"name\\\":\\\"产检陪诊\\\",\\\"quantity\\\":1},"
                "{\\\"code\\\":\\\"vip-room\\\",\\\"name\\\":\\\"VIP 诊室\\\",\\\"quantity\\\":1},"
                "{\\\"code\\\":\\\"nutrition-breakfast\\\",\\\"name\\\":\\\"营养早餐\\\",\\\"quantity\\\":1}]\"}");
  push_applied ("admin", "patient", "@PATIENT_COUNTED@",
                "{\"name\":\"王小芳\",\"phone\":\"13800138002\",\"birth_date\":\"1995-06-04\"}");
  push_applied ("admin", "pregnancy", "@PREGNANCY_COUNTED@",
                "{\"patient_id\":\"@PATIENT_COUNTED@\",\"lmp\":\"2026-06-01\",\"status\":\"ongoing\","
                "\"gravida\":1,\"para\":0,\"risk\":\"green\"}");
  push_applied ("case_manager", "enrolment", "@ENROLMENT_COUNTED@",
                "{\"patient_id\":\"@PATIENT_COUNTED@\",\"package_id\":\"@PACKAGE_COUNTED@\",\"price_fen\":100000,"
                "\"agreement_date\":\"2026-11-10\",\"explained_by\":\"王护士\",\"status\":\"active\"}");
  push_applied ("case_manager", "escort_task", "@TASK_AHEAD@",
                "{\"patient_id\":\"@PATIENT_COUNTED@\",\"kind\":\"examination\",\"place_from\":\"门诊\","
                "\"place_to\":\"超声科\",\"start_at\":@T2026-11-25T09:00@,\"end_at\":@T2026-11-25T09:30@,"
                "\"escort_id\":\"@ESCORT@\",\"status\":\"planned\"}");
  push_applied ("vip_steward", "vip_booking", "@BOOKING_AHEAD@",
                "{\"room_id\":\"@ROOM@\",\"patient_id\":\"@PATIENT_COUNTED@\",\"purpose\":\"consultation\","
                "\"start_at\":@T2026-11-25T10:00@,\"end_at\":@T2026-11-25T10:30@,"
                "\"booked_by\":\"u-vip_steward\",\"status\":\"booked\"}");
  push_applied ("admin", "department", "@CPL_DEPARTMENT@", "{\"name\":\"投诉测试科\",\"active\":true}");
  push_applied ("case_manager", "handout", "@HANDOUT_GIVEN@",
                "{\"patient_id\":\"@PATIENT_COUNTED@\",\"enrolment_id\":\"@ENROLMENT_COUNTED@\","
                "\"service\":\"nutrition-breakfast\",\"date\":\"2026-11-20\",\"handed_by\":\"wang\"}");
  push_applied ("service_desk", "nursing_assessment", "@ASSESSMENT@", "{\"patient_id\":\"@PATIENT@\",\"version\":1,\"drug_allergies\":\"none\",\"food_allergies\":\"none\",\"recorded_by\":\"u-service_desk\",\"recorded_at\":1795400000}");
  /* A department with one place every morning, taken on 24 November,
   * a closed one, and a referral from a community hospital. */
  push_applied ("admin", "department", "@DEPARTMENT@",
                "{\"name\":\"妇科门诊\",\"active\":true}");
  push_applied ("admin", "department", "@DEPARTMENT_OFF@",
                "{\"name\":\"旧门诊\",\"active\":false}");
  push_applied ("admin", "slot_capacity", "@SLOT_AM@",
                "{\"department_id\":\"@DEPARTMENT@\",\"slot\":\"am\",\"weekday\":0,\"places\":1}");
  push_applied ("service_desk", "appointment", "@APPT_FULL@",
                "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"kind\":\"clinic\",\"department_id\":\"@DEPARTMENT@\",\"date\":\"2026-11-24\",\"slot\":\"am\",\"source\":\"hotline\",\"state\":\"booked\",\"booked_by\":\"u-service_desk\",\"booked_at\":1795400000}");
  push_applied ("admin", "referring_hospital", "@HOSPITAL@",
                "{\"name\":\"湖里社区卫生服务中心\",\"active\":true}");
  push_applied ("service_desk", "referral", "@REFERRAL@",
                "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"hospital_id\":\"@HOSPITAL@\",\"reason\":\"妊娠期高血压\",\"department_id\":\"@DEPARTMENT@\",\"priority\":\"urgent\",\"received_at\":@T2026-11-22T10:00@}");
  push_applied ("admin", "department", "@DEPARTMENT_DIR@",
                "{\"name\":\"规则产科\",\"building\":\"门诊楼\",\"floor\":\"3\",\"active\":true}");
  push_applied ("admin", "doctor", "@DOCTOR_DIR@",
                "{\"name\":\"张丽华\",\"title\":\"chief\",\"department_id\":\"@DEPARTMENT_DIR@\",\"active\":true}");
  push_applied ("admin", "doctor_session", "@SESSION_DIR@",
                "{\"doctor_id\":\"@DOCTOR_DIR@\",\"weekday\":1,\"half_day\":\"morning\",\"room\":\"305\"}");
  push_applied ("service_desk", "session_check", "@CHECK_DIR@",
                "{\"session_id\":\"@SESSION_DIR@\",\"doctor_id\":\"@DOCTOR_DIR@\",\"date\":\"2026-11-23\","
                "\"half_day\":\"morning\",\"marked_at\":1795400000,\"phoned\":\"护士长\",\"phoned_at\":1795400100}");
  push_applied ("admin", "service_price", "@PRICE_DIR@",
                "{\"code\":\"DIR-FY\",\"name\":\"产前检查\",\"unit\":\"次\",\"price_fen\":3550,\"active\":true}");
  /* Survey campaigns: the outpatients' asking @PATIENT@, an anonymous
   * staff survey, and last quarter's, closed. */
  push_applied ("service_desk", "survey_campaign", "@SURVEY_OPEN@",
                "{\"template_id\":\"outpatient\",\"quarter\":\"2026-Q4\",\"title\":\"门急诊满意度\",\"target\":100,\"status\":\"open\",\"people\":\"[{\\\"kind\\\":\\\"patient\\\",\\\"id\\\":\\\"@PATIENT@\\\"}]\"}");
  push_applied ("service_desk", "survey_campaign", "@SURVEY_ANON@",
                "{\"template_id\":\"staff-support\",\"quarter\":\"2026-Q4\",\"title\":\"医技科室评议\",\"target\":50,\"anonymous\":true,\"status\":\"open\",\"people\":\"[]\"}");
  push_applied ("service_desk", "survey_campaign", "@SURVEY_CLOSED@",
                "{\"template_id\":\"outpatient\",\"quarter\":\"2026-Q3\",\"title\":\"三季度门急诊满意度\",\"target\":100,\"status\":\"closed\",\"people\":\"[]\"}");
  push_applied ("admin", "department", "@DEPT_DC@", "{\"name\":\"出院随访科\",\"active\":true}");
  push_applied ("service_desk", "discharge", "@DISCHARGE_DC@",
                "{\"name\":\"林秀英\",\"phone\":\"13800138066\",\"id_number\":\"350203199005120046\","
                "\"department_id\":\"@DEPT_DC@\",\"admitted_on\":\"2026-11-15\",\"discharged_on\":\"2026-11-20\","
                "\"source\":\"csv\",\"call_due_on\":\"2026-11-23\"}");
  push_applied ("service_desk", "discharge", "@DISCHARGE_DC_DONE@",
                "{\"name\":\"陈丽\",\"phone\":\"13800138067\",\"id_number\":\"350203199502200063\","
                "\"department_id\":\"@DEPT_DC@\",\"admitted_on\":\"2026-11-15\",\"discharged_on\":\"2026-11-20\","
                "\"source\":\"csv\",\"call_due_on\":\"2026-11-23\"}");
  push_applied ("service_desk", "discharge_call", "@CALL_DC_DONE@",
                "{\"discharge_id\":\"@DISCHARGE_DC_DONE@\",\"called_at\":@T2026-11-23T08:30@,"
                "\"caller\":\"u-service_desk\",\"outcome\":\"reached\"}");
  /* A failed inspection and a passed one (test-inspections.c). */
  push_applied ("service_desk", "inspection", "@INSPECTION_FAILED@",
                "{\"date\":\"2026-11-20\",\"inspector_id\":\"@CASE_MANAGER@\",\"post\":\"门诊服务中心\","
                "\"items\":\"{\\\"duties\\\":true,\\\"workflows\\\":false,\\\"etiquette\\\":true,\\\"knowledge\\\":true}\","
                "\"findings\":\"未按流程引导\",\"poor_cooperation\":false}");
  push_applied ("service_desk", "inspection", "@INSPECTION_PASSED@",
                "{\"date\":\"2026-11-20\",\"inspector_id\":\"@CASE_MANAGER@\",\"post\":\"住院大厅\","
                "\"items\":\"{\\\"duties\\\":true,\\\"workflows\\\":true,\\\"etiquette\\\":true,\\\"knowledge\\\":true}\","
                "\"findings\":\"\",\"poor_cooperation\":false}");
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
  /* A call answered on the spot, a hand-over due this afternoon, and an
   * administrator closing a contact someone else took. */
  push_applied ("service_desk", "contact", "e1000000-0000-4000-8000-0000000000a4",
                "{\"contact_at\":@T2026-11-23T09:00@,\"channel\":\"hotline\",\"caller_name\":\"王女士\","
                "\"category\":\"consultation\",\"summary\":\"问产检时间\",\"owner_id\":\"u-service_desk\","
                "\"state\":\"answered\"}");
  push_applied ("service_desk", "contact", "e1000000-0000-4000-8000-0000000000a5",
                "{\"contact_at\":@T2026-11-23T09:00@,\"channel\":\"counter\",\"caller_name\":\"王女士\","
                "\"category\":\"records_copy\",\"summary\":\"复印病历\",\"owner_id\":\"@ESCORT@\","
                "\"state\":\"handed_over\",\"handover_to\":\"u-service_desk\","
                "\"handover_due_at\":@T2026-11-23T17:00@}");
  push_applied ("admin", "contact", "e1000000-0000-4000-8000-0000000000a6",
                "{\"contact_at\":@T2026-11-23T09:00@,\"channel\":\"hotline\",\"caller_name\":\"王女士\","
                "\"category\":\"complaint\",\"summary\":\"投诉等候太久\",\"owner_id\":\"@ESCORT@\","
                "\"state\":\"closed\",\"closed_at\":@T2026-11-23T09:05@,\"closed_by\":\"admin\","
                "\"close_note\":\"已道歉\"}");
  /* Her assessment's next version, and a visit's vitals that are
   * possible but abnormal (BP 150/95): kept, for the desk to flag. */
  push_applied ("case_manager", "nursing_assessment", "e1000000-0000-0000-0000-000000000502",
                "{\"patient_id\":\"@PATIENT@\",\"version\":2,\"supersedes_id\":\"@ASSESSMENT@\","
                "\"drug_allergies\":\"penicillin\",\"food_allergies\":\"none\",\"risks\":\"fall\","
                "\"recorded_by\":\"wang\",\"recorded_at\":@T2026-11-23T09:10@}");
  push_applied ("service_desk", "visit_vitals", "e1000000-0000-0000-0000-000000000503",
                "{\"patient_id\":\"@PATIENT@\",\"taken_at\":@T2026-11-23T09:00@,\"taken_by\":\"u-service_desk\","
                "\"pain\":3,\"temperature\":368,\"pulse\":88,\"respiration\":18,\"systolic\":150,\"diastolic\":95}");
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

/* Pushes @data as @role over @base_rev; returns the status, with the
 * message and the new rev in @message and @rev. */
static const char *
push_over (const char  *role,
           const char  *table,
           const char  *id,
           gint64       base_rev,
           const char  *data,
           char       **message,
           gint64      *rev)
{
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *expanded = cl_test_invalid_case_expand (data);
  g_autofree char *change = cl_test_change_json (key, table, id, base_rev, "upsert", expanded);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result = cl_test_push_one (cl_test_token_of (role), change, &holder);

  *message = g_strdup (json_object_get_string_member_with_default (result, "message", ""));
  *rev = json_object_get_int_member_with_default (result, "rev", 0);
  return g_intern_string (cl_test_status_of (result));
}

#define EVENT_TWO "e1000000-0000-4000-8000-0000000000c0"
#define REG(n) "e1000000-0000-4000-8000-0000000000c" #n
#define REG_DATA(patient, state, at) \
  "{\"event_id\":\"" EVENT_TWO "\",\"patient_id\":\"" patient "\",\"state\":\"" state "\"," \
  "\"registered_by\":\"wang\",\"registered_at\":" at "}"

/* Places and the waiting list, pushed as two desks would: the server
 * never lets a place be taken past the capacity or ahead of an earlier
 * waiter, whatever the desk sent, nor the capacity fall below those
 * registered. */
static void
test_event_places (void)
{
  const char *db = cl_test_shared_db ();
  g_autofree char *message = NULL;
  gint64 rev_event = 0, rev1 = 0, rev3 = 0, rev4 = 0, rev = 0;

  push_applied ("admin", "patient", "e1000000-0000-4000-8000-0000000000c8",
                "{\"name\":\"王芳\",\"phone\":\"13800138002\",\"birth_date\":\"1995-01-02\"}");
  push_applied ("admin", "patient", "e1000000-0000-4000-8000-0000000000c9",
                "{\"name\":\"赵敏\",\"phone\":\"13800138003\",\"birth_date\":\"1996-01-02\"}");
  g_assert_cmpstr (push_over ("case_manager", "health_event", EVENT_TWO, 0,
                              "{\"title\":\"分娩课\",\"kind\":\"lecture\",\"date\":\"2026-11-30\","
                              "\"starts\":540,\"ends\":600,\"place\":\"3F\",\"capacity\":2}",
                              &message, &rev_event), ==, "applied");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (push_over ("case_manager", "event_registration", REG (1), 0,
                              REG_DATA ("@PATIENT@", "registered", "1795400000"), &message, &rev1), ==, "applied");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (push_over ("service_desk", "event_registration", REG (2), 0,
                              REG_DATA ("@PATIENT_ENROLLED@", "registered", "1795400010"), &message, &rev), ==, "applied");
  g_clear_pointer (&message, g_free);

  /* The third asks for a place: refused, nothing written; waitlisted,
   * taken. */
  g_assert_cmpstr (push_over ("case_manager", "event_registration", REG (3), 0,
                              REG_DATA ("e1000000-0000-4000-8000-0000000000c8", "registered", "1795400020"),
                              &message, &rev), ==, "rejected");
  g_assert_cmpstr (message, ==, "state: The event is full (2 places); she can join the waiting list");
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM event_registration WHERE id = '" REG (3) "'"), ==, 0);
  g_assert_cmpstr (push_over ("case_manager", "event_registration", REG (3), 0,
                              REG_DATA ("e1000000-0000-4000-8000-0000000000c8", "waitlisted", "1795400020"),
                              &message, &rev3), ==, "applied");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (push_over ("case_manager", "event_registration", REG (4), 0,
                              REG_DATA ("e1000000-0000-4000-8000-0000000000c9", "waitlisted", "1795400030"),
                              &message, &rev4), ==, "applied");
  g_clear_pointer (&message, g_free);

  /* A place is freed; the last waiter may not take it ahead of the
   * first; the first may. */
  g_assert_cmpstr (push_over ("case_manager", "event_registration", REG (1), rev1,
                              REG_DATA ("@PATIENT@", "cancelled", "1795400000"), &message, &rev), ==, "applied");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (push_over ("case_manager", "event_registration", REG (4), rev4,
                              REG_DATA ("e1000000-0000-4000-8000-0000000000c9", "registered", "1795400030"),
                              &message, &rev), ==, "rejected");
  g_assert_cmpstr (message, ==, "state: Others are waiting; the first on the waiting list takes a free place");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (push_over ("case_manager", "event_registration", REG (3), rev3,
                              REG_DATA ("e1000000-0000-4000-8000-0000000000c8", "registered", "1795400020"),
                              &message, &rev), ==, "applied");
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM event_registration WHERE event_id = '" EVENT_TWO "'"
                                         " AND state = 'registered'"), ==, 2);

  /* Nor may the capacity fall below the two registered. */
  g_assert_cmpstr (push_over ("case_manager", "health_event", EVENT_TWO, rev_event,
                              "{\"capacity\":1}", &message, &rev), ==, "rejected");
  g_assert_cmpstr (message, ==, "capacity: 2 patients are already registered; the capacity cannot be less");
  g_assert_cmpint (cl_test_db_count (db, "SELECT capacity FROM health_event WHERE id = '" EVENT_TWO "'"), ==, 2);
}

/* Past her package with a reason: taken, stored with the record, and
 * the audit log keeps the reason. */
static void
test_over_allowance (void)
{
  const char *db = cl_test_shared_db ();

  push_applied ("case_manager", "handout", "e1000000-0000-4000-8000-0000000000d1",
                "{\"patient_id\":\"@PATIENT_COUNTED@\",\"enrolment_id\":\"@ENROLMENT_COUNTED@\","
                "\"service\":\"nutrition-breakfast\",\"date\":\"2026-11-21\",\"handed_by\":\"wang\","
                "\"over_reason\":\"孕吐，换一份\"}");
  push_applied ("case_manager", "escort_task", "e1000000-0000-4000-8000-0000000000d2",
                "{\"patient_id\":\"@PATIENT_COUNTED@\",\"kind\":\"examination\",\"place_from\":\"门诊\","
                "\"place_to\":\"超声科\",\"start_at\":@T2026-11-26T09:00@,\"end_at\":@T2026-11-26T09:30@,"
                "\"escort_id\":\"@ESCORT@\",\"status\":\"planned\",\"over_reason\":\"双胎\"}");
  push_applied ("vip_steward", "vip_booking", "e1000000-0000-4000-8000-0000000000d3",
                "{\"room_id\":\"@ROOM@\",\"patient_id\":\"@PATIENT_COUNTED@\",\"purpose\":\"consultation\","
                "\"start_at\":@T2026-11-26T10:00@,\"end_at\":@T2026-11-26T10:30@,"
                "\"booked_by\":\"u-vip_steward\",\"status\":\"booked\",\"over_reason\":\"医生要求\"}");
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM handout WHERE over_reason = '孕吐，换一份'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE record_id = "
                                         "'e1000000-0000-4000-8000-0000000000d1'"
                                         " AND detail = 'over allowance: 孕吐，换一份'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE record_id = "
                                         "'e1000000-0000-4000-8000-0000000000d2'"
                                         " AND detail = 'over allowance: 双胎'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE record_id = "
                                         "'e1000000-0000-4000-8000-0000000000d3'"
                                         " AND detail = 'over allowance: 医生要求'"), ==, 1);

  /* A later change of that booking keeps the reason and is not audited
   * as going over again. */
  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *data = cl_test_invalid_case_expand (
      "{\"room_id\":\"@ROOM@\",\"patient_id\":\"@PATIENT_COUNTED@\",\"purpose\":\"consultation\","
      "\"start_at\":@T2026-11-26T10:00@,\"end_at\":@T2026-11-26T10:30@,"
      "\"booked_by\":\"u-vip_steward\",\"status\":\"cancelled\",\"over_reason\":\"医生要求\"}");
    gint64 rev = cl_test_db_count (db, "SELECT rev FROM vip_booking WHERE id = 'e1000000-0000-4000-8000-0000000000d3'");
    g_autofree char *change = cl_test_change_json (key, "vip_booking", "e1000000-0000-4000-8000-0000000000d3", rev,
                                                   "upsert", data);
    g_autoptr(JsonNode) holder = NULL;
    JsonObject *result = cl_test_push_one (cl_test_token_of ("vip_steward"), change, &holder);

    g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
    g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE record_id = "
                                           "'e1000000-0000-4000-8000-0000000000d3'"), ==, 2);
    g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE record_id = "
                                           "'e1000000-0000-4000-8000-0000000000d3'"
                                           " AND detail LIKE 'over allowance:%'"), ==, 1);
  }
}

/* A contact's life on the server: handed over by whoever took it, the
 * owner kept, closed by the owner, and not reopened. */
static JsonObject *
push_contact (const char  *role,
              gint64       base_rev,
              const char  *data,
              JsonNode   **holder)
{
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *expanded = cl_test_invalid_case_expand (data);
  g_autofree char *change = cl_test_change_json (key, "contact", "e1000000-0000-4000-8000-0000000000e1",
                                                 base_rev, "upsert", expanded);

  return cl_test_push_one (cl_test_token_of (role), change, holder);
}

static void
test_contact_life (void)
{
  g_autofree char *owner = cl_test_api_staff_id (cl_test_shared_server (), cl_test_token_of ("service_desk"),
                                                 "u-service_desk", NULL);
  g_autofree char *handed = g_strdup_printf (
    "{\"contact_at\":@T2026-11-23T09:00@,\"channel\":\"hotline\",\"caller_name\":\"王女士\","
    "\"category\":\"records_copy\",\"summary\":\"复印病历\",\"owner_id\":\"%s\","
    "\"state\":\"handed_over\",\"handover_to\":\"@ESCORT@\",\"handover_due_at\":@T2026-11-23T17:00@}", owner);
  g_autofree char *taken = g_strdup_printf (
    "{\"owner_id\":\"@ESCORT@\",\"contact_at\":@T2026-11-23T09:00@,\"channel\":\"hotline\","
    "\"caller_name\":\"王女士\",\"category\":\"records_copy\",\"summary\":\"复印病历\","
    "\"state\":\"handed_over\",\"handover_to\":\"%s\",\"handover_due_at\":@T2026-11-23T17:00@}", owner);
  g_autofree char *closed = g_strdup_printf (
    "{\"state\":\"closed\",\"closed_at\":@T2026-11-23T09:10@,\"closed_by\":\"%s\","
    "\"close_note\":\"已复印\"}", owner);
  g_autoptr(JsonNode) h1 = NULL;
  g_autoptr(JsonNode) h2 = NULL;
  g_autoptr(JsonNode) h3 = NULL;
  g_autoptr(JsonNode) h4 = NULL;
  JsonObject *result;
  gint64 rev;

  result = push_contact ("service_desk", 0, handed, &h1);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  rev = json_object_get_int_member (result, "rev");

  /* Someone else's now: refused, the owner stays. */
  result = push_contact ("service_desk", rev, taken, &h2);
  g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (result, "message"), ==,
                   "owner_id: Whoever took the contact stays its owner");

  result = push_contact ("service_desk", rev, closed, &h3);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  rev = json_object_get_int_member (result, "rev");

  /* Closed is closed. */
  result = push_contact ("service_desk", rev, "{\"state\":\"handed_over\"}", &h4);
  g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (result, "message"), ==,
                   "state: A closed contact stays closed");
  g_assert_cmpint (cl_test_db_count (cl_test_shared_db (),
                                     "SELECT count(*) FROM contact WHERE id = 'e1000000-0000-4000-8000-0000000000e1'"
                                     " AND state = 'closed'"), ==, 1);
}

/* The desk's new flag words are accepted, and an aged patient with
 * them, from the service desk. */
static void
test_priority_flags (void)
{
  const char *id = "e1000000-0000-4000-8000-0000000000f1";

  push_applied ("service_desk", "patient", id,
                "{\"name\":\"王秀兰\",\"phone\":\"13800138078\",\"birth_date\":\"1940-03-01\","
                "\"priority\":\"retired-cadre,military,honoured-citizen,mobility-help,language-help\"}");
  g_assert_cmpint (cl_test_db_count (cl_test_shared_db (),
                                     "SELECT count(*) FROM patient WHERE id = 'e1000000-0000-4000-8000-0000000000f1'"
                                     " AND priority LIKE 'retired-cadre,%language-help'"), ==, 1);
}

#define CRITICAL_ID "e1000000-0000-0000-0000-000000000910"
#define CRITICAL_DATA(extra) \
  "{\"received_at\":@T2026-11-23T09:00@,\"source\":\"lab\",\"patient_id\":\"@PATIENT@\"," \
  "\"department_id\":\"@DEPT_CRITICAL@\",\"test_name\":\"血钾\",\"result\":\"6.8\"," \
  "\"kind\":\"critical\",\"taken_by\":\"u-service_desk\",\"read_back\":true" extra "}"
#define CRITICAL_REPORTED(to) \
  CRITICAL_DATA (",\"reported_to\":\"" to "\",\"reported_role\":\"doctor\"," \
                 "\"reported_at\":@T2026-11-23T09:10@,\"action\":\"复查\"")

/* A critical value's life on the server: registered, reported late,
 * and then the report stays: the desk may not rewrite it, a case
 * manager may not write at all, an administrator may correct it. */
static void
test_critical_report_stays (void)
{
  const char *db = cl_test_shared_db ();
  g_autofree char *message = NULL;
  gint64 rev = 0, rev2 = 0;

  g_assert_cmpstr (push_over ("service_desk", "critical_value", CRITICAL_ID, 0, CRITICAL_DATA (""),
                              &message, &rev), ==, "applied");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (push_over ("service_desk", "critical_value", CRITICAL_ID, rev, CRITICAL_REPORTED ("张医生"),
                              &message, &rev2), ==, "applied");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (push_over ("service_desk", "critical_value", CRITICAL_ID, rev2, CRITICAL_REPORTED ("李医生"),
                              &message, &rev), ==, "rejected");
  g_assert_cmpstr (message, ==,
                   "reported_at: This value has been reported; only an administrator may change the report");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (push_over ("case_manager", "critical_value", CRITICAL_ID, rev2, CRITICAL_REPORTED ("李医生"),
                              &message, &rev), ==, "rejected");
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM critical_value WHERE id = '" CRITICAL_ID "'"
                                         " AND reported_to = '张医生'"), ==, 1);
  g_assert_cmpstr (push_over ("admin", "critical_value", CRITICAL_ID, rev2, CRITICAL_REPORTED ("李医生"),
                              &message, &rev), ==, "applied");
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM critical_value WHERE id = '" CRITICAL_ID "'"
                                         " AND reported_to = '李医生'"), ==, 1);
}

#define TO_WARD "e1000000-0000-0000-0000-000000000404"
#define TO_WARD_DATA(status, more) \
  "{\"patient_id\":\"e1000000-0000-0000-0000-000000000401\",\"kind\":\"to-ward\"," \
  "\"place_from\":\"急诊科\",\"place_to\":\"内科二病区\",\"start_at\":@T2026-11-26T15:00@," \
  "\"end_at\":@T2026-11-26T15:30@,\"status\":\"" status "\"" more "}"

/* @data over the stored version of escort task @id. */
static JsonObject *
push_edit (const char  *role,
           const char  *id,
           const char  *data,
           JsonNode   **holder)
{
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM escort_task WHERE id = '%s'", id);
  gint64 rev = cl_test_db_count (cl_test_shared_db (), sql);
  g_autofree char *expanded = cl_test_invalid_case_expand (data);
  g_autofree char *change = cl_test_change_json (key, "escort_task", id, rev, "upsert", expanded);

  return cl_test_push_one (cl_test_token_of (role), change, holder);
}

/* The service desk books the hospital's own escorts for anyone: an
 * outpatient it registered (no pregnancy, no package) and a maternity
 * patient whose package escorts are taken, neither with a reason; her
 * package's own kind still needs one (cl-test-invalid-cases.c).  An
 * escort to a ward is done only with its hand-over. */
static void
test_desk_escort (void)
{
  const char *db = cl_test_shared_db ();
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result;

  push_applied ("service_desk", "patient", "e1000000-0000-0000-0000-000000000401",
                "{\"name\":\"陈阿婆\",\"phone\":\"13800138401\",\"birth_date\":\"1950-03-05\","
                "\"priority\":\"mobility-help\"}");
  push_applied ("service_desk", "escort_task", "e1000000-0000-0000-0000-000000000402",
                "{\"patient_id\":\"e1000000-0000-0000-0000-000000000401\",\"kind\":\"wheelchair\","
                "\"place_from\":\"门诊大厅\",\"place_to\":\"放射科\",\"start_at\":@T2026-11-26T13:00@,"
                "\"end_at\":@T2026-11-26T13:30@,\"status\":\"planned\",\"note\":\"需轮椅，只会说粤语\"}");
  push_applied ("service_desk", "escort_task", "e1000000-0000-0000-0000-000000000403",
                "{\"patient_id\":\"@PATIENT_COUNTED@\",\"kind\":\"to-emergency\",\"place_from\":\"产科门诊\","
                "\"place_to\":\"急诊科\",\"start_at\":@T2026-11-26T14:00@,\"end_at\":@T2026-11-26T14:30@,"
                "\"escort_id\":\"@ESCORT@\",\"status\":\"planned\"}");
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM escort_task WHERE id IN"
                                         " ('e1000000-0000-0000-0000-000000000402', 'e1000000-0000-0000-0000-000000000403')"
                                         " AND over_reason IS NULL"), ==, 2);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM pregnancy WHERE patient_id ="
                                         " 'e1000000-0000-0000-0000-000000000401'"), ==, 0);
  /* A reason sent with one of the desk's kinds is no going over: not
   * audited as one. */
  push_applied ("service_desk", "escort_task", "e1000000-0000-0000-0000-000000000405",
                "{\"patient_id\":\"@PATIENT_COUNTED@\",\"kind\":\"wheelchair\",\"place_from\":\"门诊大厅\","
                "\"place_to\":\"检验科\",\"start_at\":@T2026-11-26T16:00@,\"end_at\":@T2026-11-26T16:30@,"
                "\"status\":\"planned\",\"over_reason\":\"多余\"}");
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE record_id ="
                                         " 'e1000000-0000-0000-0000-000000000405'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM audit WHERE record_id ="
                                         " 'e1000000-0000-0000-0000-000000000405' AND detail LIKE 'over allowance%'"), ==, 0);

  /* To a ward: planned, started, then done only with the hand-over. */
  push_applied ("service_desk", "escort_task", TO_WARD, TO_WARD_DATA ("planned", ""));
  result = push_edit ("service_desk", TO_WARD, TO_WARD_DATA ("in-progress", ""), &holder);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  g_clear_pointer (&holder, json_node_unref);
  result = push_edit ("service_desk", TO_WARD, TO_WARD_DATA ("done", ""), &holder);
  g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (result, "message"), ==,
                   "handover_to: Record the ward and who received her there before marking the transfer done");
  g_clear_pointer (&holder, json_node_unref);
  result = push_edit ("service_desk", TO_WARD,
                      TO_WARD_DATA ("done", ",\"handover_ward\":\"内科二病区\",\"handover_to\":\"刘护士\","
                                    "\"handover_at\":@T2026-11-26T15:20@"), &holder);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
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
  g_test_add_func ("/server-rules/over-allowance", test_over_allowance);
  g_test_add_func ("/server-rules/enrol-again", test_enrol_again);
  g_test_add_func ("/server-rules/event-places", test_event_places);
  g_test_add_func ("/server-rules/contact-life", test_contact_life);
  g_test_add_func ("/server-rules/priority-flags", test_priority_flags);
  g_test_add_func ("/server-rules/critical-report-stays", test_critical_report_stays);
  g_test_add_func ("/server-rules/desk-escort", test_desk_escort);
  status = g_test_run ();
  cl_test_shared_server_finish ();
  return status;
}
