/* test-critical.c
 *
 * The critical-value register's rules: the clock (minutes, on time,
 * late, waiting, alarm) table-driven at a fixed now; saving in a real
 * SQLite file (read-back required, a refusal writes nothing, a report
 * made stays); the alarms follow the administrator's limit; the
 * monthly timeliness report's counts and shares per source,
 * department and kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-critical-report.h"
#include "cl-critical-store.h"
#include "cl-desk-setting.h"
#include "cl-directory-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-critical.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* 2026-11-23 09:00 in Asia/Shanghai */
#define T0 G_GINT64_CONSTANT (1795395600)

static const struct
{
  gint64          ago;        /* received this many seconds before now */
  gint64          reported;   /* seconds after receipt, or -1: unreported */
  gint64          limit;
  gint64          minutes;
  CLCriticalState state;
} clock_cases[] = {
  /* Unreported: waiting up to the limit to the second, then an alarm. */
  { 30 * 60,  -1, 15, 30, CL_CRITICAL_STATE_ALARM },
  { 15 * 60,  -1, 15, 15, CL_CRITICAL_STATE_WAITING },
  { 15 * 60 + 1, -1, 15, 15, CL_CRITICAL_STATE_ALARM },
  { 59,       -1, 15, 0, CL_CRITICAL_STATE_WAITING },
  { 30 * 60,  -1, 60, 30, CL_CRITICAL_STATE_WAITING },
  /* Received "after" now (a desk clock behind another's): 0, waiting. */
  { -90,      -1, 15, 0, CL_CRITICAL_STATE_WAITING },
  /* Reported: within the limit is on time, a second later is late;
   * now does not matter. */
  { 0,        15 * 60, 15, 15, CL_CRITICAL_STATE_ON_TIME },
  { 0,        15 * 60 + 30, 15, 15, CL_CRITICAL_STATE_LATE },
  { 0,        23 * 60, 15, 23, CL_CRITICAL_STATE_LATE },
  { 0,        23 * 60, 30, 23, CL_CRITICAL_STATE_ON_TIME },
  { 0,        0, 1, 0, CL_CRITICAL_STATE_ON_TIME },
};

static void
test_clock (void)
{
  const gint64 now = T0 + 30 * 60;

  for (guint i = 0; i < G_N_ELEMENTS (clock_cases); i++)
    {
      g_autoptr(CLCriticalValue) value = NULL;
      gint64 received = now - clock_cases[i].ago;

      value = cl_critical_value_new (CL_CRITICAL_KIND_CRITICAL, received, "zhao");
      if (clock_cases[i].reported >= 0)
        cl_critical_value_set_reported_at (value, received + clock_cases[i].reported);
      g_test_message ("case %u", i);
      g_assert_cmpint (cl_critical_value_minutes (value, now), ==, clock_cases[i].minutes);
      g_assert_cmpint (cl_critical_value_state (value, now, clock_cases[i].limit), ==,
                       clock_cases[i].state);
    }
}

static char *
save_department (CLStore    *store,
                 const char *name)
{
  g_autoptr(CLDepartment) department = cl_department_new ();
  g_autoptr(GError) error = NULL;

  cl_department_set_name (department, name);
  g_assert_true (cl_directory_store_save_department (store, department, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (cl_record_get_id (CL_RECORD (department)));
}

static char *
save_patient (CLStore *store)
{
  g_autoptr(CLPatient) patient = cl_test_patient_new ("王芳", "11010519900307124", "13800138000");

  cl_test_patient_save (store, patient, NULL);
  return g_strdup (cl_record_get_id (CL_RECORD (patient)));
}

static CLCriticalValue *
new_value (const char     *patient_id,
           const char     *department_id,
           CLCriticalKind  kind,
           const char     *source,
           gint64          at)
{
  CLCriticalValue *value = cl_critical_value_new (kind, at, "zhao");

  cl_critical_value_set_source (value, source);
  cl_critical_value_set_caller_name (value, "检验科李老师");
  cl_critical_value_set_patient_id (value, patient_id);
  cl_critical_value_set_department_id (value, department_id);
  cl_critical_value_set_test_name (value, kind == CL_CRITICAL_KIND_CRITICAL ? "血钾" : "胸片");
  cl_critical_value_set_result (value, kind == CL_CRITICAL_KIND_CRITICAL ? "6.8" : "疑似活动性肺结核");
  cl_critical_value_set_read_back (value, TRUE);
  return value;
}

static void
test_save_and_report (CLTestStoreFixture *f,
                      gconstpointer       data)
{
  g_autofree char *patient = save_patient (f->store);
  g_autofree char *obstetrics = save_department (f->store, "产科门诊");
  g_autoptr(CLCriticalValue) value = new_value (patient, obstetrics, CL_CRITICAL_KIND_CRITICAL, "lab", T0);
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CLRecord) stored = NULL;
  g_autoptr(GPtrArray) alarms = NULL;

  /* Not read back: refused at its field, nothing written. */
  cl_critical_value_set_read_back (value, FALSE);
  g_assert_false (cl_critical_store_save (f->store, value, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (errors, "read_back"), ==,
                   "Read the value back to the caller and confirm it before registering");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM critical_value"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);

  /* A case manager reads the register but does not write it. */
  cl_critical_value_set_read_back (value, TRUE);
  g_assert_false (cl_critical_store_save (f->store, value, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cl_critical_store_save (f->store, value, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);

  /* At 09:15 (CARELINE_NOW) it is 15 minutes old: no alarm yet;
   * at 09:16 it is. */
  alarms = cl_critical_store_alarms (f->store, cl_schedule_now ());
  g_assert_cmpuint (alarms->len, ==, 0);
  g_clear_pointer (&alarms, g_ptr_array_unref);
  alarms = cl_critical_store_alarms (f->store, T0 + 16 * 60);
  g_assert_cmpuint (alarms->len, ==, 1);
  g_clear_pointer (&alarms, g_ptr_array_unref);
  /* The administrator's limit of 20 minutes holds it back again. */
  g_assert_true (cl_desk_settings_set_int (f->store, CL_CRITICAL_LIMIT_KEY, 20, CL_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  alarms = cl_critical_store_alarms (f->store, T0 + 16 * 60);
  g_assert_cmpuint (alarms->len, ==, 0);
  g_clear_pointer (&alarms, g_ptr_array_unref);

  /* An empty report, and one before the receipt, are refused. */
  g_assert_false (cl_critical_store_report (f->store, value, "", "doctor", 0, "", "zhao",
                                            CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_true (g_hash_table_contains (errors, "reported_to"));
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_false (cl_critical_store_report (f->store, value, "张医生", "doctor", T0 - 60, "复查",
                                            "zhao", CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "reported_at"), ==, "It cannot be reported before it was received");
  g_assert_false (cl_critical_value_is_reported (value));
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);

  g_assert_true (cl_critical_store_report (f->store, value, " 张医生 ", "doctor", T0 + 12 * 60,
                                           "复查血钾，已处理", "zhao", CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  stored = cl_store_load_record (f->store, CL_TYPE_CRITICAL_VALUE, cl_record_get_id (CL_RECORD (value)), NULL);
  g_assert_cmpstr (cl_critical_value_get_reported_to (CL_CRITICAL_VALUE (stored)), ==, "张医生");
  g_assert_cmpint (cl_critical_value_state (CL_CRITICAL_VALUE (stored), 0, 15), ==, CL_CRITICAL_STATE_ON_TIME);
  alarms = cl_critical_store_alarms (f->store, T0 + 60 * 60);
  g_assert_cmpuint (alarms->len, ==, 0);

  /* A report made stays: the desk may not rewrite it; an
   * administrator may correct it. */
  g_assert_false (cl_critical_store_report (f->store, value, "李护士", "nurse", T0 + 13 * 60, "已处理",
                                            "zhao", CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "reported_at"), ==,
                   "This value has been reported; only an administrator may change the report");
  g_clear_error (&error);
  g_assert_true (cl_critical_store_report (f->store, value, "李护士", "nurse", T0 + 13 * 60, "已处理",
                                           "admin", CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
}

static void
test_department_and_patient (CLTestStoreFixture *f,
                             gconstpointer       data)
{
  g_autofree char *patient = save_patient (f->store);
  g_autoptr(CLCriticalValue) value = new_value (patient, "e1000000-0000-0000-0000-000000000902",
                                                CL_CRITICAL_KIND_TUBERCULOSIS, "radiology", T0);
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_critical_store_save (f->store, value, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "department_id"), ==, "Choose a department from the hospital’s list");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  cl_critical_value_set_patient_id (value, "e1000000-0000-0000-0000-000000000903");
  cl_critical_value_set_department_id (value, "");
  g_assert_false (cl_critical_store_save (f->store, value, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "patient_id"), ==, "There is no such patient");
  g_assert_cmpstr (g_hash_table_lookup (errors, "department_id"), ==, "Choose the department responsible for her");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM critical_value"), ==, 0);
}

static void
test_report (CLTestStoreFixture *f,
             gconstpointer       data)
{
  g_autofree char *patient = save_patient (f->store);
  g_autofree char *obstetrics = save_department (f->store, "产科门诊");
  g_autofree char *surgery = save_department (f->store, "外科");
  g_autoptr(CLCriticalReport) report = NULL;
  g_autoptr(GPtrArray) tb = NULL;
  g_autofree char *share = NULL;
  /* November: lab on time ×2, lab late, radiology unreported (TB),
   * ECG on time; one in October that the report leaves out. */
  const struct { const char *source, *department; CLCriticalKind kind; gint64 at, after; } entries[] = {
    { "lab", obstetrics, CL_CRITICAL_KIND_CRITICAL, T0 - 86400, 10 * 60 },
    { "lab", obstetrics, CL_CRITICAL_KIND_CRITICAL, T0 - 7200, 15 * 60 },
    { "lab", surgery, CL_CRITICAL_KIND_CRITICAL, T0 - 3600, 16 * 60 },
    { "radiology", surgery, CL_CRITICAL_KIND_TUBERCULOSIS, T0 - 600, -1 },
    { "ecg", obstetrics, CL_CRITICAL_KIND_CRITICAL, T0 - 1800, 60 },
    { "lab", obstetrics, CL_CRITICAL_KIND_CRITICAL, T0 - 40 * 86400, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(CLCriticalValue) value = new_value (patient, entries[i].department, entries[i].kind,
                                                    entries[i].source, entries[i].at);
      g_autoptr(GError) error = NULL;

      if (entries[i].after >= 0)
        {
          cl_critical_value_set_reported_to (value, "张医生");
          cl_critical_value_set_reported_role (value, "doctor");
          cl_critical_value_set_reported_at (value, entries[i].at + entries[i].after);
          cl_critical_value_set_action (value, "已处理");
        }
      g_assert_true (cl_critical_store_save (f->store, value, CL_ROLE_SERVICE_DESK, NULL, &error));
      g_assert_no_error (error);
    }

  report = cl_critical_report_for_month (f->store, "2026-11");
  g_assert_cmpint (report->limit_minutes, ==, 15);
  g_assert_cmpuint (report->all.total, ==, 5);
  g_assert_cmpuint (report->all.on_time, ==, 3);
  g_assert_cmpuint (report->all.late, ==, 1);
  g_assert_cmpuint (report->all.unreported, ==, 1);
  g_assert_cmpint (cl_critical_report_line_permille (&report->all), ==, 600);
  share = cl_critical_report_line_share (&report->all);
  g_assert_cmpstr (share, ==, "60.0%");

  /* Sources in their order: lab, radiology, ECG. */
  g_assert_cmpuint (report->by_source->len, ==, 3);
  {
    CLCriticalReportLine *lab = g_ptr_array_index (report->by_source, 0);
    CLCriticalReportLine *radiology = g_ptr_array_index (report->by_source, 1);
    CLCriticalReportLine *ecg = g_ptr_array_index (report->by_source, 2);

    g_assert_cmpstr (lab->key, ==, "lab");
    g_assert_cmpuint (lab->total, ==, 3);
    g_assert_cmpint (cl_critical_report_line_permille (lab), ==, 667);
    g_assert_cmpstr (radiology->key, ==, "radiology");
    g_assert_cmpint (cl_critical_report_line_permille (radiology), ==, 0);
    g_assert_cmpstr (ecg->label, ==, "ECG");
    g_assert_cmpint (cl_critical_report_line_permille (ecg), ==, 1000);
  }
  /* Departments by name: 产科门诊 (chan) before 外科 (wai). */
  g_assert_cmpuint (report->by_department->len, ==, 2);
  {
    CLCriticalReportLine *first = g_ptr_array_index (report->by_department, 0);
    CLCriticalReportLine *second = g_ptr_array_index (report->by_department, 1);

    g_assert_cmpstr (first->label, ==, "产科门诊");
    g_assert_cmpuint (first->total, ==, 3);
    g_assert_cmpuint (first->on_time, ==, 3);
    g_assert_cmpstr (second->label, ==, "外科");
    g_assert_cmpuint (second->late, ==, 1);
    g_assert_cmpuint (second->unreported, ==, 1);
  }
  g_assert_cmpuint (report->by_kind->len, ==, 2);

  /* The TB list is its own. */
  tb = cl_store_critical_between (f->store, "tuberculosis", 0, G_MAXINT64);
  g_assert_cmpuint (tb->len, ==, 1);
  g_assert_cmpstr (cl_critical_value_get_source (g_ptr_array_index (tb, 0)), ==, "radiology");
}

static void
test_month_range (void)
{
  gint64 from, to;

  g_assert_true (cl_critical_report_month_range ("2026-11", &from, &to));
  g_assert_cmpint (to - from, ==, 30 * 86400);
  g_assert_false (cl_critical_report_month_range ("2026-13", &from, &to));
  g_assert_false (cl_critical_report_month_range ("2026-1", &from, &to));
  g_assert_false (cl_critical_report_month_range ("2026-11x", &from, &to));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/critical/clock", test_clock);
  g_test_add_func ("/critical/month-range", test_month_range);
  cl_test_store_add ("/critical/save-and-report", test_save_and_report);
  cl_test_store_add ("/critical/department-and-patient", test_department_and_patient);
  cl_test_store_add ("/critical/report", test_report);
  return g_test_run ();
}
