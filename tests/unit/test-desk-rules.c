/* test-desk-rules.c
 *
 * The desk's half of tests/lib/cl-test-invalid-cases.c: each invalid
 * record that the server test pushes is refused by the very save
 * function the desk's dialog calls, with the same message at the same
 * field.  A rule added to a form's core function without a case there
 * is not covered; a case there that the desk would take fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-complaint-store.h"
#include "cl-course-store.h"
#include "cl-critical-store.h"
#include "cl-duty-store.h"
#include "cl-fault-store.h"
#include "cl-inspection-store.h"
#include "cl-opinion-store.h"
#include "cl-survey-store.h"
#include "cl-directory-store.h"
#include "cl-discharge-store.h"
#include "cl-desk-setting.h"
#include "cl-desk-store.h"
#include "cl-contract-store.h"
#include "cl-enrolment-store.h"
#include "cl-event-store.h"
#include "cl-escort-store.h"
#include "cl-followup-store.h"
#include "cl-scale-store.h"
#include "cl-nursing-store.h"
#include "cl-order-store.h"
#include "cl-package-usage.h"
#include "cl-patient-store.h"
#include "cl-schedule.h"
#include "cl-tables.h"
#include "cl-staff-store.h"
#include "cl-test-invalid-cases.h"
#include "cl-appoint-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"

static CLRecord *
record_from_case (const char *table,
                  const char *id,
                  const char *data)
{
  g_autofree char *expanded = cl_test_invalid_case_expand (data);
  g_autofree char *record_id = cl_test_invalid_case_expand (id);
  g_autoptr(JsonNode) node = json_from_string (expanded, NULL);
  g_autoptr(GError) error = NULL;
  CLRecord *record;

  g_assert_nonnull (node);
  record = g_object_new (cl_tables_lookup (table), "id", record_id, NULL);
  if (!cl_record_update_from_json (record, json_node_get_object (node), &error))
    g_error ("%s: %s", table, error->message);
  return record;
}

/* The same fixtures as the server test, written directly. */
static void
save_fixtures (CLStore *store)
{
  static const struct { const char *table, *id, *data; } fixtures[] = {
    { "patient", "@PATIENT@", "{\"name\":\"张小梅\",\"phone\":\"13800138000\",\"birth_date\":\"1993-04-02\"}" },
    { "pregnancy", "@PREGNANCY@", "{\"patient_id\":\"@PATIENT@\",\"lmp\":\"2026-08-01\",\"edd\":\"2027-05-08\","
                                  "\"status\":\"ongoing\",\"gravida\":1,\"para\":0,\"risk\":\"green\"}" },
    { "package", "@PACKAGE@", "{\"code\":\"EARLY\",\"name\":\"早孕套餐\",\"price_fen\":98000,\"enrol_from_day\":0,"
                              "\"enrol_to_day\":84,\"postpartum_days\":0,\"services\":\"\",\"active\":true}" },
    { "package", "@PACKAGE_OFF@", "{\"code\":\"OLD\",\"name\":\"旧套餐\",\"price_fen\":1,\"enrol_from_day\":0,"
                                  "\"enrol_to_day\":280,\"postpartum_days\":0,\"services\":\"\",\"active\":false}" },
    { "package", "@PACKAGE_WIDE@", "{\"code\":\"WHOLE\",\"name\":\"孕期全程\",\"price_fen\":298000,\"enrol_from_day\":0,"
                                   "\"enrol_to_day\":280,\"postpartum_days\":42,\"services\":\"\",\"active\":true}" },
    { "vip_room", "@ROOM@", "{\"name\":\"VIP 1\",\"location\":\"3F\",\"opens\":480,\"closes\":1050,"
                            "\"slot_minutes\":30,\"active\":true}" },
    { "vip_room", "@ROOM_OFF@", "{\"name\":\"VIP 停用室\",\"location\":\"3F\",\"opens\":480,\"closes\":1050,"
                                "\"slot_minutes\":30,\"active\":false}" },
    { "staff", "@ESCORT@", "{\"username\":\"li\",\"display_name\":\"李陪诊\",\"role\":\"escort\","
                           "\"phone\":\"13900139000\",\"active\":true}" },
    { "staff", "@STAFF_LEFT@", "{\"username\":\"zhaoli\",\"display_name\":\"赵丽\",\"role\":\"service_desk\","
                               "\"roles\":\"service_desk\",\"phone\":\"13900139005\",\"active\":false}" },
    { "staff", "@CASE_MANAGER@", "{\"username\":\"wang\",\"display_name\":\"王管家\",\"role\":\"case_manager\","
                                 "\"roles\":\"case_manager\",\"phone\":\"13900139003\",\"active\":true}" },
    { "department", "@DEPT_CRITICAL@", "{\"name\":\"产科门诊\",\"name_en\":\"Obstetrics Clinic\",\"active\":true}" },
    { "patient", "@PATIENT_ENROLLED@", "{\"name\":\"李小红\",\"phone\":\"13800138001\",\"birth_date\":\"1994-05-03\"}" },
    { "pregnancy", "@PREGNANCY_ENROLLED@", "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"lmp\":\"2026-06-01\","
                                           "\"edd\":\"2027-03-08\",\"status\":\"ongoing\",\"gravida\":1,"
                                           "\"para\":0,\"risk\":\"green\"}" },
    { "enrolment", "@ENROLMENT_LIVE@", "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"package_id\":\"@PACKAGE_WIDE@\","
                                       "\"price_fen\":298000,\"agreement_date\":\"2026-11-10\","
                                       "\"explained_by\":\"王护士\",\"status\":\"active\"}" },
    { "course", "@COURSE@", "{\"title\":\"母乳喂养\",\"stage\":\"postpartum\",\"duration_min\":45,\"link\":\"https://example.org/a\",\"active\":true}" },
    { "course", "@COURSE_OFF@", "{\"title\":\"旧课程\",\"stage\":\"birth\",\"duration_min\":30,\"link\":\"https://example.org/b\",\"active\":false}" },
    { "health_event", "@EVENT_FULL@", "{\"title\":\"孕期营养讲座\",\"kind\":\"lecture\",\"date\":\"2026-11-28\",\"starts\":840,\"ends\":930,\"place\":\"3F\",\"capacity\":1}" },
    { "health_event", "@EVENT_PAST@", "{\"title\":\"产后康复沙龙\",\"kind\":\"salon\",\"date\":\"2026-11-20\",\"starts\":840,\"ends\":930,\"place\":\"3F\",\"capacity\":10}" },
    { "event_registration", "@REG_FULL@", "{\"event_id\":\"@EVENT_FULL@\",\"patient_id\":\"@PATIENT_ENROLLED@\",\"state\":\"registered\",\"registered_by\":\"wang\",\"registered_at\":1795400000}" },
    { "package", "@PACKAGE_COUNTED@",
      "{\"code\":\"COUNTED\",\"name\":\"计次套餐\",\"price_fen\":100000,\"enrol_from_day\":0,"
        "\"enrol_to_day\":280,\"postpartum_days\":42,\"active\":true,\"services\":"
        "\"[{\\\"code\\\":\\\"escort\\\",\\\"name\\\":\\\"产检陪诊\\\",\\\"quantity\\\":1},"
        "{\\\"code\\\":\\\"vip-room\\\",\\\"name\\\":\\\"VIP 诊室\\\",\\\"quantity\\\":1},"
        "{\\\"code\\\":\\\"nutrition-breakfast\\\",\\\"name\\\":\\\"营养早餐\\\",\\\"quantity\\\":1}]\"}" },
    { "patient", "@PATIENT_COUNTED@",
      "{\"name\":\"王小芳\",\"phone\":\"13800138002\",\"birth_date\":\"1995-06-04\"}" },
    { "pregnancy", "@PREGNANCY_COUNTED@",
      "{\"patient_id\":\"@PATIENT_COUNTED@\",\"lmp\":\"2026-06-01\",\"status\":\"ongoing\","
        "\"gravida\":1,\"para\":0,\"risk\":\"green\"}" },
    { "enrolment", "@ENROLMENT_COUNTED@",
      "{\"patient_id\":\"@PATIENT_COUNTED@\",\"package_id\":\"@PACKAGE_COUNTED@\",\"price_fen\":100000,"
        "\"agreement_date\":\"2026-11-10\",\"explained_by\":\"王护士\",\"status\":\"active\"}" },
    { "escort_task", "@TASK_AHEAD@",
      "{\"patient_id\":\"@PATIENT_COUNTED@\",\"kind\":\"examination\",\"place_from\":\"门诊\","
        "\"place_to\":\"超声科\",\"start_at\":@T2026-11-25T09:00@,\"end_at\":@T2026-11-25T09:30@,"
        "\"escort_id\":\"@ESCORT@\",\"status\":\"planned\"}" },
    { "vip_booking", "@BOOKING_AHEAD@",
      "{\"room_id\":\"@ROOM@\",\"patient_id\":\"@PATIENT_COUNTED@\",\"purpose\":\"consultation\","
        "\"start_at\":@T2026-11-25T10:00@,\"end_at\":@T2026-11-25T10:30@,"
        "\"booked_by\":\"u-vip_steward\",\"status\":\"booked\"}" },
    { "department", "@CPL_DEPARTMENT@", "{\"name\":\"投诉测试科\",\"active\":true}" },
    { "handout", "@HANDOUT_GIVEN@",
      "{\"patient_id\":\"@PATIENT_COUNTED@\",\"enrolment_id\":\"@ENROLMENT_COUNTED@\","
        "\"service\":\"nutrition-breakfast\",\"date\":\"2026-11-20\",\"handed_by\":\"wang\"}" },
    { "nursing_assessment", "@ASSESSMENT@", "{\"patient_id\":\"@PATIENT@\",\"version\":1,\"drug_allergies\":\"none\",\"food_allergies\":\"none\",\"recorded_by\":\"u-service_desk\",\"recorded_at\":1795400000}" },
    { "department", "@DEPARTMENT@", "{\"name\":\"妇科门诊\",\"active\":true}" },
    { "department", "@DEPARTMENT_OFF@", "{\"name\":\"旧门诊\",\"active\":false}" },
    { "slot_capacity", "@SLOT_AM@", "{\"department_id\":\"@DEPARTMENT@\",\"slot\":\"am\",\"weekday\":0,\"places\":1}" },
    { "appointment", "@APPT_FULL@", "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"kind\":\"clinic\",\"department_id\":\"@DEPARTMENT@\",\"date\":\"2026-11-24\",\"slot\":\"am\",\"source\":\"hotline\",\"state\":\"booked\",\"booked_by\":\"u-service_desk\",\"booked_at\":1795400000}" },
    { "referring_hospital", "@HOSPITAL@", "{\"name\":\"湖里社区卫生服务中心\",\"active\":true}" },
    { "referral", "@REFERRAL@", "{\"patient_id\":\"@PATIENT_ENROLLED@\",\"hospital_id\":\"@HOSPITAL@\",\"reason\":\"妊娠期高血压\",\"department_id\":\"@DEPARTMENT@\",\"priority\":\"urgent\",\"received_at\":@T2026-11-22T10:00@}" },
    { "department", "@DEPARTMENT_DIR@", "{\"name\":\"规则产科\",\"building\":\"门诊楼\",\"floor\":\"3\",\"active\":true}" },
    { "doctor", "@DOCTOR_DIR@",
      "{\"name\":\"张丽华\",\"title\":\"chief\",\"department_id\":\"@DEPARTMENT_DIR@\",\"active\":true}" },
    { "doctor_session", "@SESSION_DIR@",
      "{\"doctor_id\":\"@DOCTOR_DIR@\",\"weekday\":1,\"half_day\":\"morning\",\"room\":\"305\"}" },
    { "session_check", "@CHECK_DIR@",
      "{\"session_id\":\"@SESSION_DIR@\",\"doctor_id\":\"@DOCTOR_DIR@\",\"date\":\"2026-11-23\","
        "\"half_day\":\"morning\",\"marked_at\":1795400000,\"phoned\":\"护士长\",\"phoned_at\":1795400100}" },
    { "service_price", "@PRICE_DIR@",
      "{\"code\":\"DIR-FY\",\"name\":\"产前检查\",\"unit\":\"次\",\"price_fen\":3550,\"active\":true}" },
    { "survey_campaign", "@SURVEY_OPEN@", "{\"template_id\":\"outpatient\",\"quarter\":\"2026-Q4\",\"title\":\"门急诊满意度\",\"target\":100,\"status\":\"open\",\"people\":\"[{\\\"kind\\\":\\\"patient\\\",\\\"id\\\":\\\"@PATIENT@\\\"}]\"}" },
    { "survey_campaign", "@SURVEY_ANON@", "{\"template_id\":\"staff-support\",\"quarter\":\"2026-Q4\",\"title\":\"医技科室评议\",\"target\":50,\"anonymous\":true,\"status\":\"open\",\"people\":\"[]\"}" },
    { "survey_campaign", "@SURVEY_CLOSED@", "{\"template_id\":\"outpatient\",\"quarter\":\"2026-Q3\",\"title\":\"三季度门急诊满意度\",\"target\":100,\"status\":\"closed\",\"people\":\"[]\"}" },
    { "department", "@DEPT_DC@", "{\"name\":\"出院随访科\",\"active\":true}" },
    { "discharge", "@DISCHARGE_DC@",
      "{\"name\":\"林秀英\",\"phone\":\"13800138066\",\"id_number\":\"350203199005120046\","
        "\"department_id\":\"@DEPT_DC@\",\"admitted_on\":\"2026-11-15\",\"discharged_on\":\"2026-11-20\","
        "\"source\":\"csv\",\"call_due_on\":\"2026-11-23\"}" },
    { "discharge", "@DISCHARGE_DC_DONE@",
      "{\"name\":\"陈丽\",\"phone\":\"13800138067\",\"id_number\":\"350203199502200063\","
        "\"department_id\":\"@DEPT_DC@\",\"admitted_on\":\"2026-11-15\",\"discharged_on\":\"2026-11-20\","
        "\"source\":\"csv\",\"call_due_on\":\"2026-11-23\"}" },
    { "discharge_call", "@CALL_DC_DONE@",
      "{\"discharge_id\":\"@DISCHARGE_DC_DONE@\",\"called_at\":@T2026-11-23T08:30@,"
        "\"caller\":\"u-service_desk\",\"outcome\":\"reached\"}" },
    { "inspection", "@INSPECTION_FAILED@",
      "{\"date\":\"2026-11-20\",\"inspector_id\":\"@CASE_MANAGER@\",\"post\":\"门诊服务中心\","
        "\"items\":\"{\\\"duties\\\":true,\\\"workflows\\\":false,\\\"etiquette\\\":true,\\\"knowledge\\\":true}\","
        "\"findings\":\"未按流程引导\",\"poor_cooperation\":false}" },
    { "inspection", "@INSPECTION_PASSED@",
      "{\"date\":\"2026-11-20\",\"inspector_id\":\"@CASE_MANAGER@\",\"post\":\"住院大厅\","
        "\"items\":\"{\\\"duties\\\":true,\\\"workflows\\\":true,\\\"etiquette\\\":true,\\\"knowledge\\\":true}\","
        "\"findings\":\"\",\"poor_cooperation\":false}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(CLRecord) record = record_from_case (fixtures[i].table, fixtures[i].id, fixtures[i].data);
      g_autoptr(GError) error = NULL;

      if (!cl_store_save_record (store, record, &error))
        g_error ("%s: %s", fixtures[i].table, error->message);
    }
}

/* Saves @record as its dialog does; returns the message at @field (or
 * the save's one message), or NULL if it was saved. */
static char *
save_as_desk (CLStore    *store,
              CLRecord   *record,
              const char *role,
              const char *field)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *table = cl_record_get_table_name (record);
  gboolean saved;

  if (g_str_equal (table, "enrolment"))
    saved = cl_enrolment_store_save (store, CL_ENROLMENT (record), role, &field_errors, &error);
  else if (g_str_equal (table, "package"))
    saved = cl_enrolment_store_save_package (store, CL_PACKAGE (record), role, &field_errors, &error);
  else if (g_str_equal (table, "doctor_order"))
    {
      /* The order's form names properties. */
      g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');

      saved = cl_order_store_save (store, CL_DOCTOR_ORDER (record), role, &field_errors, &error);
      if (!saved && field_errors && g_hash_table_contains (field_errors, property))
        return g_strdup (g_hash_table_lookup (field_errors, property));
    }
  else if (g_str_equal (table, "deduction"))
    saved = cl_enrolment_store_save_deduction (store, CL_DEDUCTION (record), role, &error);
  else if (g_str_equal (table, "share_rate"))
    saved = cl_enrolment_store_save_rate (store, CL_SHARE_RATE (record), role, &error);
  else if (g_str_equal (table, "contract"))
    saved = cl_contract_store_save (store, CL_CONTRACT (record), role, &field_errors, &error);
  else if (g_str_equal (table, "vip_booking"))
    saved = cl_vip_store_save_booking (store, CL_VIP_BOOKING (record), role, &error);
  else if (g_str_equal (table, "vip_room"))
    saved = cl_vip_store_save_room (store, CL_VIP_ROOM (record), role, &error);
  else if (g_str_equal (table, "escort_task"))
    saved = cl_escort_store_save (store, CL_ESCORT_TASK (record), role, &error);
  else if (g_str_equal (table, "followup_item"))
    saved = cl_followup_store_save (store, CL_FOLLOWUP_RECORD (record), role, &field_errors, &error);
  else if (g_str_equal (table, "scale_result"))
    saved = cl_scale_store_save (store, CL_SCALE_RECORD (record), role, &field_errors, NULL, &error);
  else if (g_str_equal (table, "course"))
    saved = cl_course_store_save (store, CL_COURSE (record), role, &field_errors, &error);
  else if (g_str_equal (table, "course_assignment"))
    saved = cl_course_store_save_assignment (store, CL_COURSE_ASSIGNMENT (record), role, &field_errors, &error);
  else if (g_str_equal (table, "health_event"))
    saved = cl_event_store_save_event (store, CL_HEALTH_EVENT (record), role, &field_errors, &error);
  else if (g_str_equal (table, "event_registration"))
    saved = cl_event_store_save_registration (store, CL_EVENT_REGISTRATION (record), role, &field_errors, &error);
  else if (g_str_equal (table, "handout"))
    saved = cl_package_usage_save_handout (store, CL_HANDOUT (record), role, &field_errors, &error);
  else if (g_str_equal (table, "contact"))
    {
      /* The pusher of the server test, who has no staff row. */
      g_autofree char *actor = g_strconcat ("u-", role, NULL);

      saved = cl_desk_store_save (store, CL_CONTACT (record), role, actor, &field_errors, &error);
    }
  else if (g_str_equal (table, "nursing_assessment"))
    saved = cl_nursing_store_save_assessment (store, CL_NURSING_ASSESSMENT (record), role, "u-service_desk",
                                              &field_errors, &error);
  else if (g_str_equal (table, "visit_vitals"))
    saved = cl_nursing_store_save_vitals (store, CL_VISIT_VITALS (record), role, "u-service_desk",
                                          &field_errors, &error);
  else if (g_str_equal (table, "complaint"))
    {
      g_autofree char *actor = g_strconcat ("u-", role, NULL);

      saved = cl_complaint_store_save (store, CL_COMPLAINT (record), role, actor, &field_errors, &error);
    }
  else if (g_str_equal (table, "critical_value"))
    saved = cl_critical_store_save (store, CL_CRITICAL_VALUE (record), role, &field_errors, &error);
  else if (g_str_equal (table, "equipment_fault"))
    saved = cl_fault_store_save (store, CL_EQUIPMENT_FAULT (record), role, &field_errors, &error);
  else if (g_str_equal (table, "duty_post"))
    saved = cl_duty_store_save_post (store, CL_DUTY_POST (record), role, &field_errors, &error);
  else if (g_str_equal (table, "duty_assignment"))
    saved = cl_duty_store_save_assignment (store, CL_DUTY_ASSIGNMENT (record), role, &field_errors, &error);
  else if (g_str_equal (table, "discharge"))
    saved = cl_discharge_store_save (store, CL_DISCHARGE (record), role, &field_errors, &error);
  else if (g_str_equal (table, "discharge_call"))
    saved = cl_discharge_store_save_call (store, CL_DISCHARGE_CALL (record), role, &field_errors, &error);
  else if (g_str_equal (table, "inspection"))
    saved = cl_inspection_store_save (store, CL_INSPECTION (record), NULL, role, &field_errors, &error);
  else if (g_str_equal (table, "rectification"))
    {
      /* What "Mark Rectified…" saves: the rectification with its fix. */
      CLRectification *r = CL_RECTIFICATION (record);
      g_autofree char *by = g_strdup (cl_rectification_get_done_by (r));

      saved = cl_inspection_store_mark_rectified (store, r, cl_rectification_get_done_at (r), by, NULL, role,
                                                  &field_errors, &error);
    }
  else if (g_str_equal (table, "opinion_entry"))
    saved = cl_opinion_store_save (store, CL_OPINION_ENTRY (record), role, &field_errors, &error);
  else if (g_str_equal (table, "survey_campaign"))
    saved = cl_survey_store_save_campaign (store, CL_SURVEY_CAMPAIGN (record), role, &field_errors, &error);
  else if (g_str_equal (table, "survey_answer"))
    saved = cl_survey_store_save_answer (store, CL_SURVEY_ANSWER (record), role, &field_errors, &error);
  else if (g_str_equal (table, "appointment"))
    {
      g_autofree char *actor = g_strconcat ("u-", role, NULL);

      saved = cl_appoint_store_save_appointment (store, CL_APPOINTMENT (record), role, actor, &field_errors, &error);
    }
  else if (g_str_equal (table, "slot_capacity"))
    saved = cl_appoint_store_save_capacity (store, CL_SLOT_CAPACITY (record), role, &field_errors, &error);
  else if (g_str_equal (table, "referring_hospital"))
    saved = cl_appoint_store_save_hospital (store, CL_REFERRING_HOSPITAL (record), role, &field_errors, &error);
  else if (g_str_equal (table, "referral"))
    saved = cl_appoint_store_save_referral (store, CL_REFERRAL (record), role, &field_errors, &error);
  else if (g_str_equal (table, "patient"))
    saved = cl_patient_store_save (store, CL_PATIENT (record), NULL, &field_errors, &error);
  else if (g_str_equal (table, "staff"))
    saved = cl_staff_store_save (store, CL_STAFF (record), role, &field_errors, &error);
  else if (g_str_equal (table, "doctor"))
    saved = cl_directory_store_save_doctor (store, CL_DOCTOR (record), role, &field_errors, &error);
  else if (g_str_equal (table, "doctor_session"))
    saved = cl_directory_store_save_session (store, CL_DOCTOR_SESSION (record), role, &field_errors, &error);
  else if (g_str_equal (table, "service_price"))
    saved = cl_directory_store_save_price (store, CL_SERVICE_PRICE (record), role, &field_errors, &error);
  else if (g_str_equal (table, "procedure_guide"))
    saved = cl_directory_store_save_guide (store, CL_PROCEDURE_GUIDE (record), role, &field_errors, &error);
  else if (g_str_equal (table, "department"))
    saved = cl_directory_store_save_department (store, CL_DEPARTMENT (record), role, &field_errors, &error);
  else if (g_str_equal (table, "desk_setting"))
    saved = cl_desk_settings_save (store, CL_DESK_SETTING (record), role, &field_errors, &error);
  else if (g_str_equal (table, "session_check"))
    saved = cl_directory_store_save_check (store, CL_SESSION_CHECK (record), role, &field_errors, &error);
  else
    g_error ("no desk save for %s", table);

  if (saved)
    return NULL;
  if (field_errors)
    return g_strdup (g_hash_table_lookup (field_errors, field));
  /* A schedule error names its field itself. */
  if (error->domain == CL_SCHEDULE_ERROR)
    g_assert_cmpstr (cl_schedule_error_field (error), ==, field);
  return g_strdup (error->message);
}

static void
test_desk_refuses_every_case (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-desk-rules");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  guint failures = 0;

  save_fixtures (store);
  for (guint i = 0; i < cl_test_n_invalid_cases; i++)
    {
      const CLTestInvalidCase *c = &cl_test_invalid_cases[i];
      g_autofree char *id = g_uuid_string_random ();
      g_autoptr(CLRecord) record = record_from_case (c->table, id, c->data);
      g_autofree char *message = save_as_desk (store, record, c->role, c->field);

      g_test_message ("%s #%u: %s: %s", c->table, i, c->field, message);
      if (g_strcmp0 (message, c->message) != 0)
        {
          g_printerr ("case %u (%s): expected “%s: %s”, the desk says “%s”\n", i, c->table, c->field,
                      c->message, message);
          failures++;
        }
    }
  g_assert_cmpuint (failures, ==, 0);
  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  /* The clock the cases are written for (cl-test-invalid-cases.h). */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desk-rules/every-case", test_desk_refuses_every_case);
  return g_test_run ();
}
