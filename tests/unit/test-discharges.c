/* test-discharges.c
 *
 * The discharged-patient call list in a real SQLite file: a
 * discharge's rules (phone and ID number by the desk's checks, the
 * dates, a department of the list, no discharge twice), its call due N
 * days later by the desk setting and linked to the desk's patient of
 * the same ID number; the call's outcomes (reached or refused closes
 * it, the third no answer closes it, nothing after); the CSV import of
 * the HIS's export with bad files, table-driven, each refused whole
 * with the rows named, and good ones in UTF-8, with a BOM, in GBK and
 * with Chinese headers; the HL7 v2 ADT^A03 parser, its ACKs, and the
 * MLLP reader over split, joined and garbage reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cl-desk-setting.h"
#include "cl-directory-store.h"
#include "cl-discharge-import.h"
#include "cl-discharge-store.h"
#include "cl-hl7.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-discharges.h"
#include "cl-tables.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* Valid resident ID numbers. */
#define ID_LIN   "350203199005120046"
#define ID_CHEN  "350203198811030024"
#define ID_WU    "350203199502200063"
#define ID_ZHENG "350203199207150083"

static char *
save_department (CLStore    *store,
                 const char *name,
                 const char *name_en)
{
  g_autoptr(CLDepartment) department = cl_department_new ();

  cl_department_set_name (department, name);
  cl_department_set_name_en (department, name_en);
  cl_test_department_save (store, department);
  return g_strdup (cl_record_get_id (CL_RECORD (department)));
}

static CLDischarge *
new_discharge (CLStore    *store,
               const char *id_number,
               const char *department_id,
               const char *discharged_on)
{
  CLDischarge *discharge = cl_discharge_new ();

  cl_discharge_set_name (discharge, "林秀英");
  cl_discharge_set_phone (discharge, "13800138066");
  cl_discharge_set_id_number (discharge, id_number);
  cl_discharge_set_department_id (discharge, department_id);
  cl_discharge_set_admitted_on (discharge, "2026-11-15");
  cl_discharge_set_discharged_on (discharge, discharged_on);
  cl_discharge_set_diagnosis (discharge, "足月顺产");
  cl_discharge_set_source (discharge, "csv");
  cl_discharge_store_prepare (store, discharge);
  return discharge;
}

static void
refused_at (CLStore     *store,
            CLDischarge *discharge,
            const char  *field,
            const char  *message)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = cl_test_store_count (store, "SELECT count(*) FROM discharge");

  g_assert_false (cl_discharge_store_save (store, discharge, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (errors);
  g_assert_cmpstr (g_hash_table_lookup (errors, field), ==, message);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM discharge"), ==, before);
}

static void
test_rules (CLTestStoreFixture *f,
            gconstpointer       data)
{
  g_autofree char *ward = save_department (f->store, "产科一病区", "Obstetrics Ward 1");
  g_autoptr(CLDischarge) discharge = new_discharge (f->store, ID_LIN, ward, "2026-11-20");
  g_autoptr(CLDischarge) again = NULL;
  g_autoptr(CLPatient) patient = cl_test_patient_new ("陈芳", "35020319881103002", "13800138010");
  g_autoptr(CLDischarge) linked = NULL;
  g_autoptr(GError) error = NULL;

  /* Due three days after by default. */
  g_assert_cmpstr (cl_discharge_get_call_due_on (discharge), ==, "2026-11-23");
  g_assert_null (cl_discharge_get_patient_id (discharge));

  cl_discharge_set_phone (discharge, "1380013");
  refused_at (f->store, discharge, "phone", "A mobile number must have 11 digits (7 entered)");
  cl_discharge_set_phone (discharge, "13800138066");
  cl_discharge_set_id_number (discharge, "350203199005120047");
  refused_at (f->store, discharge, "id_number", "The check digit does not match; please re-check the number");
  cl_discharge_set_id_number (discharge, ID_LIN);
  cl_discharge_set_discharged_on (discharge, "2026-11-14");
  refused_at (f->store, discharge, "discharged_on", "The discharge is before the admission");
  /* Now is 2026-11-23 09:15 in Asia/Shanghai. */
  cl_discharge_set_discharged_on (discharge, "2026-11-24");
  cl_discharge_set_call_due_on (discharge, "2026-11-27");
  refused_at (f->store, discharge, "discharged_on", "The discharge date lies in the future");
  cl_discharge_set_discharged_on (discharge, "2026-11-20");
  cl_discharge_set_call_due_on (discharge, "2026-11-19");
  refused_at (f->store, discharge, "call_due_on", "The call is due before the discharge");
  cl_discharge_set_call_due_on (discharge, "2026-11-23");
  cl_discharge_set_department_id (discharge, "e1000000-0000-0000-0000-000000000c90");
  refused_at (f->store, discharge, "department_id", "Choose a department from the hospital’s list");
  cl_discharge_set_department_id (discharge, ward);
  cl_discharge_set_name (discharge, " ");
  refused_at (f->store, discharge, "name", "Enter the patient’s name");
  cl_discharge_set_name (discharge, "林秀英");

  /* A case manager may not write the list. */
  g_assert_false (cl_discharge_store_save (f->store, discharge, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cl_discharge_store_save (f->store, discharge, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);

  /* The same person and day again is a duplicate. */
  again = new_discharge (f->store, ID_LIN, ward, "2026-11-20");
  refused_at (f->store, again, "discharged_on",
              "This discharge is already on the list: the same ID number and discharge date");

  /* Her ID number on the desk links her; the setting moves the due day. */
  cl_test_patient_save (f->store, patient, NULL);
  g_assert_true (cl_desk_settings_set_int (f->store, CL_DISCHARGE_CALL_DAYS_KEY, 7, CL_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  linked = new_discharge (f->store, ID_CHEN, ward, "2026-11-21");
  g_assert_cmpstr (cl_discharge_get_patient_id (linked), ==, cl_record_get_id (CL_RECORD (patient)));
  g_assert_cmpstr (cl_discharge_get_call_due_on (linked), ==, "2026-11-28");
  g_assert_true (cl_discharge_store_save (f->store, linked, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM discharge"), ==, 2);
}

static void
call (CLStore     *store,
      CLDischarge *discharge,
      const char  *outcome,
      gint64       at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_discharge_store_record_call (store, discharge, outcome, "", at, "u-desk",
                                                 CL_ROLE_SERVICE_DESK, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
call_refused (CLStore     *store,
              CLDischarge *discharge,
              const char  *outcome,
              gint64       at,
              const char  *field,
              const char  *message)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = cl_test_store_count (store, "SELECT count(*) FROM discharge_call");

  g_assert_false (cl_discharge_store_record_call (store, discharge, outcome, "", at, "u-desk",
                                                  CL_ROLE_SERVICE_DESK, NULL, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (errors, field), ==, message);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM discharge_call"), ==, before);
}

static ClDischargeCallState
state_of (CLStore      *store,
          CLDischarge  *discharge,
          guint        *no_answers)
{
  g_autoptr(GPtrArray) attempts = cl_store_discharge_calls_of (store, cl_record_get_id (CL_RECORD (discharge)));

  return cl_discharge_call_state (attempts, NULL, no_answers);
}

static void
test_calls (CLTestStoreFixture *f,
            gconstpointer       data)
{
  g_autofree char *ward = save_department (f->store, "产科一病区", "Obstetrics Ward 1");
  g_autoptr(CLDischarge) lin = new_discharge (f->store, ID_LIN, ward, "2026-11-20");
  g_autoptr(CLDischarge) chen = new_discharge (f->store, ID_CHEN, ward, "2026-11-18");
  g_autoptr(CLDischarge) wu = new_discharge (f->store, ID_WU, ward, "2026-11-22");
  g_autoptr(CLDischarge) zheng = new_discharge (f->store, ID_ZHENG, ward, "2026-11-19");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = cl_schedule_now ();
  guint no_answers = 0;
  g_autofree char *label = NULL;

  g_assert_true (cl_discharge_store_save (f->store, lin, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_discharge_store_save (f->store, chen, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_discharge_store_save (f->store, wu, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_discharge_store_save (f->store, zheng, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);

  /* Open ones, the earliest due first; two due by today (the 21st and
   * the 22nd; the 23rd's too). */
  list = cl_store_discharge_worklist (f->store, now - 86400);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (cl_discharge_get_id_number (g_ptr_array_index (list, 0)), ==, ID_CHEN);
  g_assert_cmpstr (cl_discharge_get_id_number (g_ptr_array_index (list, 3)), ==, ID_WU);
  g_assert_cmpint (cl_store_discharge_due_count (f->store, "2026-11-23"), ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Three no answers close a call; a fourth is refused. */
  call (f->store, chen, "no_answer", now - 7200);
  call (f->store, chen, "no_answer", now - 3600);
  g_assert_cmpint (state_of (f->store, chen, &no_answers), ==, CL_DISCHARGE_CALL_OPEN);
  g_assert_cmpuint (no_answers, ==, 2);
  label = cl_discharge_call_state_label (CL_DISCHARGE_CALL_OPEN, no_answers);
  g_assert_cmpstr (label, ==, "No answer 2 times");
  call (f->store, chen, "no_answer", now - 60);
  g_assert_cmpint (state_of (f->store, chen, NULL), ==, CL_DISCHARGE_CALL_UNREACHABLE);
  call_refused (f->store, chen, "no_answer", now, "outcome", "Three calls went unanswered; this call is closed");

  /* Reached closes it at once, and so does a refusal. */
  call (f->store, lin, "no_answer", now - 600);
  call (f->store, lin, "reached", now - 300);
  g_assert_cmpint (state_of (f->store, lin, NULL), ==, CL_DISCHARGE_CALL_REACHED);
  call_refused (f->store, lin, "reached", now, "outcome", "She was already reached; this call is closed");
  call (f->store, zheng, "refused", now - 100);
  g_assert_cmpint (state_of (f->store, zheng, NULL), ==, CL_DISCHARGE_CALL_REFUSED);
  call_refused (f->store, zheng, "no_answer", now, "outcome", "She refused the call; it is closed");

  /* An outcome not on the list, a call in the future, none by nobody. */
  call_refused (f->store, wu, "busy", now, "outcome", "Choose reached, no answer or refused");
  call_refused (f->store, wu, "no_answer", now + 3600, "called_at", "The call lies in the future");
  g_assert_false (cl_discharge_store_record_call (f->store, wu, "no_answer", "", now, "", CL_ROLE_SERVICE_DESK,
                                                  NULL, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_discharge_store_record_call (f->store, wu, "no_answer", "", now, "u-cm",
                                                  CL_ROLE_CASE_MANAGER, NULL, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The server takes a new attempt only from its caller (or an
   * administrator), by the table's hook. */
  {
    g_autoptr(CLDischargeCall) attempt = cl_discharge_call_new ();

    cl_discharge_call_set_discharge_id (attempt, cl_record_get_id (CL_RECORD (wu)));
    cl_discharge_call_set_called_at (attempt, now - 30);
    cl_discharge_call_set_caller (attempt, "u-other");
    cl_discharge_call_set_outcome (attempt, "no_answer");
    g_assert_false (cl_tables_check_change (f->store, CL_RECORD (attempt), NULL, "u-desk", CL_ROLE_SERVICE_DESK,
                                            NULL, &error));
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "caller: A call is recorded by whoever made it, as logged in");
    g_clear_error (&error);
    g_assert_true (cl_tables_check_change (f->store, CL_RECORD (attempt), NULL, "u-other", CL_ROLE_SERVICE_DESK,
                                           NULL, &error));
    g_assert_true (cl_tables_check_change (f->store, CL_RECORD (attempt), NULL, "root", CL_ROLE_ADMIN,
                                           NULL, &error));
    g_assert_no_error (error);
  }

  /* Each attempt keeps who and when. */
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM discharge_call WHERE caller = 'u-desk'"), ==, 6);

  /* The open one first, then those closed today, the latest first. */
  list = cl_store_discharge_worklist (f->store, now - 86400);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (cl_discharge_get_id_number (g_ptr_array_index (list, 0)), ==, ID_WU);
  g_assert_cmpstr (cl_discharge_get_id_number (g_ptr_array_index (list, 1)), ==, ID_CHEN);
  g_assert_cmpstr (cl_discharge_get_id_number (g_ptr_array_index (list, 2)), ==, ID_ZHENG);
  g_assert_cmpstr (cl_discharge_get_id_number (g_ptr_array_index (list, 3)), ==, ID_LIN);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cl_store_discharge_worklist (f->store, 0);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (cl_store_discharge_due_count (f->store, "2026-11-23"), ==, 0);
}

/* ---- the CSV import -------------------------------------------------- */

#define HEADER "name,phone,ID number,department,admission date,discharge date,diagnosis\n"
#define ROW(name, phone, id, dept, in, out) name "," phone "," id "," dept "," in "," out ",足月顺产\n"
#define GOOD_LIN  ROW ("林秀英", "13800138066", ID_LIN, "产科一病区", "2026-11-15", "2026-11-20")
#define GOOD_CHEN ROW ("陈芳", "138 0013 8010", ID_CHEN, "Obstetrics Ward 1", "2026/11/14", "2026-11-19 10:30:00")

static const struct
{
  const char *name;
  const char *csv;
  const char *problems[4];   /* each line expected, in order */
} bad_files[] = {
  { "unknown-column", "name,phone,ID number,department,admission date,discharge date,diagnosis,病区\n" GOOD_LIN,
    { "Row 1: “病区” is not a column of the discharge list" } },
  { "missing-column", "name,phone,ID number,department,admission date,diagnosis\n林秀英,13800138066," ID_LIN ",产科一病区,2026-11-15,足月顺产\n",
    { "Row 1: The discharge date column is missing" } },
  { "twice-column", "name,phone,电话,ID number,department,admission date,discharge date,diagnosis\n",
    { "Row 1: The phone column comes twice" } },
  { "bad-phone", HEADER GOOD_LIN ROW ("陈芳", "1380013", ID_CHEN, "产科一病区", "2026-11-15", "2026-11-20"),
    { "Row 3: A mobile number must have 11 digits (7 entered)" } },
  { "bad-id", HEADER ROW ("陈芳", "13800138010", "350203198811030025", "产科一病区", "2026-11-15", "2026-11-20") GOOD_LIN,
    { "Row 2: The check digit does not match; please re-check the number" } },
  { "bad-date", HEADER GOOD_LIN ROW ("陈芳", "13800138010", ID_CHEN, "产科一病区", "2026-11-31", "2026-13-01"),
    { "Row 3: The admission date is not a date such as 2026-11-20",
      "Row 3: The discharge date is not a date such as 2026-11-20" } },
  { "before-admission", HEADER ROW ("陈芳", "13800138010", ID_CHEN, "产科一病区", "2026-11-20", "2026-11-15"),
    { "Row 2: The discharge is before the admission" } },
  { "future", HEADER ROW ("陈芳", "13800138010", ID_CHEN, "产科一病区", "2026-11-20", "2026-11-24"),
    { "Row 2: The discharge date lies in the future" } },
  { "unknown-department", HEADER ROW ("陈芳", "13800138010", ID_CHEN, "外星科", "2026-11-15", "2026-11-20"),
    { "Row 2: “外星科” is not a department on the hospital’s list" } },
  { "duplicate-in-file", HEADER GOOD_LIN GOOD_CHEN GOOD_LIN,
    { "Row 4: The same ID number and discharge date as row 2" } },
  { "duplicate-stored", HEADER GOOD_CHEN ROW ("吴敏", "13800138011", ID_WU, "产科一病区", "2026-11-15", "2026-11-21"),
    { "Row 3: This discharge is already on the list: the same ID number and discharge date" } },
  { "short-row", HEADER GOOD_LIN "陈芳,13800138010\n",
    { "Row 3: The row has 2 fields; the header has 7" } },
  { "quoted-line-break", HEADER "\"林\n秀英\",1380013,"  ID_LIN ",产科一病区,2026-11-15,2026-11-20,\"足月, 顺产\"\n" GOOD_CHEN,
    { "Row 2: A mobile number must have 11 digits (7 entered)" } },
};

static void
stored_wu (CLStore    *store,
           const char *ward)
{
  g_autoptr(CLDischarge) wu = new_discharge (store, ID_WU, ward, "2026-11-21");
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_discharge_store_save (store, wu, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
}

static void
test_import_bad_files (CLTestStoreFixture *f,
                       gconstpointer       data)
{
  g_autofree char *ward = save_department (f->store, "产科一病区", "Obstetrics Ward 1");

  stored_wu (f->store, ward);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      guint n = 99, expected = 0;

      g_test_message ("%s", bad_files[i].name);
      g_assert_false (cl_discharge_import_csv (f->store, bad_files[i].csv, strlen (bad_files[i].csv),
                                               CL_ROLE_SERVICE_DESK, &n, &problems, &error));
      g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
      g_assert_cmpuint (n, ==, 0);
      g_assert_nonnull (problems);
      while (expected < G_N_ELEMENTS (bad_files[i].problems) && bad_files[i].problems[expected])
        expected++;
      for (guint j = 0; j < problems->len; j++)
        g_test_message ("  %s", (const char *) g_ptr_array_index (problems, j));
      g_assert_cmpuint (problems->len, ==, expected);
      for (guint j = 0; j < expected; j++)
        g_assert_cmpstr (g_ptr_array_index (problems, j), ==, bad_files[i].problems[j]);
      /* Nothing half imported: only the one stored before. */
      g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM discharge"), ==, 1);
    }
}

static void
test_import_good_files (CLTestStoreFixture *f,
                        gconstpointer       data)
{
  g_autofree char *ward = save_department (f->store, "产科一病区", "Obstetrics Ward 1");
  const char *utf8 = "\xEF\xBB\xBF" "姓名,联系电话,身份证号,出院科室,入院日期,出院日期,出院诊断,住院号\r\n"
                     "林秀英,13800138066," ID_LIN ",产科一病区,2026-11-15,2026-11-20,足月顺产,ZY001\r\n"
                     "\r\n"
                     "陈芳,\"138-0013-8010\"," ID_CHEN ",Obstetrics Ward 1,2026/11/14,2026-11-19 10:30:00,\"剖宫产, 术后\",ZY002\r\n";
  g_autofree char *gbk = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gsize gbk_length = 0;
  char *text;
  guint n = 0;

  g_assert_true (cl_discharge_import_csv (f->store, utf8, strlen (utf8), CL_ROLE_SERVICE_DESK, &n, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  text = cl_test_store_text (f->store, "SELECT phone || '|' || his_id || '|' || diagnosis || '|' || call_due_on"
                             " FROM discharge WHERE id_number = '" ID_CHEN "'");
  g_assert_cmpstr (text, ==, "13800138010|ZY002|剖宫产, 术后|2026-11-22");
  g_free (text);
  text = cl_test_store_text (f->store, "SELECT name FROM discharge WHERE id_number = '" ID_LIN "'");
  g_assert_cmpstr (text, ==, "林秀英");
  g_free (text);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM discharge WHERE source = 'csv'"), ==, 2);

  /* The same export from a Chinese HIS in GBK. */
  {
    const char *wu = "姓名,电话,身份证号码,科室,入院日期,出院日期,诊断\n"
                     "吴敏,13800138011," ID_WU ",产科一病区,2026-11-15,2026-11-21,妊娠期糖尿病\n";

    gbk = g_convert (wu, -1, "GBK", "UTF-8", NULL, &gbk_length, &error);
    g_assert_no_error (error);
    g_assert_false (g_utf8_validate (gbk, gbk_length, NULL));
    g_assert_true (cl_discharge_import_csv (f->store, gbk, gbk_length, CL_ROLE_SERVICE_DESK, &n, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
    text = cl_test_store_text (f->store, "SELECT name || diagnosis FROM discharge WHERE id_number = '" ID_WU "'");
    g_assert_cmpstr (text, ==, "吴敏妊娠期糖尿病");
    g_free (text);
  }

  /* Bytes that are no text, and a role that may not. */
  g_assert_false (cl_discharge_import_csv (f->store, "\x00\x01\xff", 3, CL_ROLE_SERVICE_DESK, &n, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_discharge_import_csv (f->store, utf8, strlen (utf8), CL_ROLE_CASE_MANAGER, &n, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM discharge"), ==, 3);
}

/* ---- HL7 ------------------------------------------------------------- */

/* An ADT^A03 as v2.5 lays it out: MSH, EVN, PID, PV1, then DG1. */
#define A03(control, pid3, name, phone, idno, location, admit, discharge) \
  "MSH|^~\\&|HIS|XMFY|CARELINE|XMFY|20261123090000||ADT^A03^ADT_A03|" control "|P|2.5\r" \
  "EVN|A03|20261123090000\r" \
  "PID|1||" pid3 "||" name "||19900512|F|||厦门市思明区^^厦门^福建^361000||" phone "||||||" idno "\r" \
  "PV1|1|I|" location "^302^2|||||||OBS||||||||I|ZY20261115001|||||||||||||||||01||||||||" admit "|" discharge "\r" \
  "DG1|1||O80^单胎顺产^I10|足月顺产|20261120|F\r"

static void
test_hl7_parse (void)
{
  const char *good = A03 ("MSG0001", "ZY001^^^XMFY^MR~" ID_LIN "^^^CHN^NNCHN", "林^秀英", "^PRN^CP^^^^^^^^^13800138066",
                          "", "产科一病区", "20261115", "20261120");
  g_autoptr(ClHl7Discharge) message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = cl_hl7_parse_discharge (good, strlen (good), &message, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (message->control_id, ==, "MSG0001");
  g_assert_cmpstr (message->sending_app, ==, "HIS");
  g_assert_cmpstr (message->message_type, ==, "ADT");
  g_assert_cmpstr (message->trigger, ==, "A03");
  g_assert_cmpstr (message->version, ==, "2.5");
  g_assert_cmpstr (message->his_id, ==, "ZY001");
  g_assert_cmpstr (message->id_number, ==, ID_LIN);
  g_assert_cmpstr (message->name, ==, "林秀英");
  g_assert_cmpstr (message->phone, ==, "13800138066");
  g_assert_cmpstr (message->department, ==, "产科一病区");
  g_assert_cmpstr (message->admitted_on, ==, "2026-11-15");
  g_assert_cmpstr (message->discharged_on, ==, "2026-11-20");
  g_assert_cmpstr (message->diagnosis, ==, "足月顺产");
  g_clear_pointer (&message, cl_hl7_discharge_free);

  /* Other delimiters (MSH-1, MSH-2), LF line ends, an escaped
   * separator, PID-19 for the ID number and a Latin name. */
  {
    const char *other = "MSH#$*/%#HIS#XMFY#####ADT$A03#MSG0002#P#2.5.1\n"
                        "EVN#A03\n"
                        "PID#1##ZY002##Chen$Fang Mei########13800138010######" ID_CHEN "\n"
                        "PV1#1#I#产科/F/一病区$302#########################################20261114#20261119\n";

    ok = cl_hl7_parse_discharge (other, strlen (other), &message, &error);
    g_assert_no_error (error);
    g_assert_true (ok);
    g_assert_cmpstr (message->control_id, ==, "MSG0002");
    g_assert_cmpstr (message->name, ==, "Fang Mei Chen");
    g_assert_cmpstr (message->id_number, ==, ID_CHEN);
    g_assert_cmpstr (message->department, ==, "产科#一病区");
    g_assert_cmpstr (message->discharged_on, ==, "2026-11-19");
    g_assert_null (message->diagnosis);
    g_clear_pointer (&message, cl_hl7_discharge_free);
  }
}

static void
test_hl7_refused (void)
{
  static const struct
  {
    const char *text;
    ClHl7Error  code;
    const char *control_id;   /* read back for the NAK, or NULL */
    const char *message;
  } cases[] = {
    { "hello", CL_HL7_ERROR_MALFORMED, NULL, "not HL7 v2 text in UTF-8" },
    { "PID|1||ZY001\rMSH|^~\\&|HIS", CL_HL7_ERROR_MALFORMED, NULL, "the message does not start with an MSH segment" },
    { "MSH|^~\\&|HIS|XMFY|||20261123||ADT^A01|M1|P|2.5\rEVN|A01\r", CL_HL7_ERROR_UNSUPPORTED, "M1",
      "MSH-9: only the A03 (discharge) event is taken" },
    { "MSH|^~\\&|HIS|XMFY|||20261123||ORU^R01|M2|P|2.5\r", CL_HL7_ERROR_UNSUPPORTED, "M2",
      "MSH-9: only ADT^A03 (discharge) messages are taken" },
    { "MSH|^~\\&|HIS|XMFY|||20261123||ADT^A03|M3|P|3.0\r", CL_HL7_ERROR_UNSUPPORTED, "M3",
      "MSH-12: only HL7 version 2 is taken" },
    { "MSH|^~\\&|HIS|XMFY|||20261123||ADT^A03||P|2.5\r", CL_HL7_ERROR_MISSING, NULL,
      "MSH-10: the message control id is missing" },
    { "MSH|^~\\&|HIS|XMFY|||20261123||ADT^A03|M4|P|2.5\rPID|1||ZY1\rPV1|1\r", CL_HL7_ERROR_MALFORMED, "M4",
      "EVN: the event segment is missing" },
    { "MSH|^~\\&|HIS|XMFY|||20261123||ADT^A03|M5|P|2.5\rEVN|A03\rPV1|1\rPID|1\r", CL_HL7_ERROR_MALFORMED, "M5",
      "the segments are not in the order MSH, EVN, PID, PV1" },
    { "MSH|^~\\&|HIS|XMFY|||20261123||ADT^A03|M6|P|2.5\rEVN|A03\rgarbage here\r", CL_HL7_ERROR_MALFORMED, "M6",
      "segment 3 is not a segment" },
    { A03 ("M7", "ZY001", "林^秀英", "13800138066", ID_LIN, "产科一病区", "20261115", ""), CL_HL7_ERROR_MISSING, "M7",
      "PV1-45: the discharge date/time is missing" },
    { A03 ("M8", "ZY001", "林^秀英", "13800138066", ID_LIN, "产科一病区", "20261115", "20261131"),
      CL_HL7_ERROR_INVALID, "M8", "PV1-45: the discharge date/time is not a date" },
    { A03 ("M9", "ZY001", "", "13800138066", ID_LIN, "产科一病区", "20261115", "20261120"), CL_HL7_ERROR_MISSING, "M9",
      "PID-5: the patient's name is missing" },
    { A03 ("M10", "ZY001", "林^秀英", "13800138066", "", "产科一病区", "20261115", "20261120"), CL_HL7_ERROR_MISSING,
      "M10", "PID-19: the resident ID number is missing (or a PID-3 identifier of type NNCHN)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ClHl7Discharge) message = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (cl_hl7_parse_discharge (cases[i].text, strlen (cases[i].text), &message, &error));
      g_assert_error (error, CL_HL7_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpstr (message ? message->control_id : NULL, ==, cases[i].control_id);
    }
}

static void
test_hl7_ack (void)
{
  const char *text = A03 ("MSG0001", "ZY001", "林^秀英", "13800138066", ID_LIN, "产科一病区", "20261115", "20261120");
  g_autoptr(ClHl7Discharge) message = NULL;
  g_autoptr(ClHl7Discharge) ack_read = NULL;
  g_autofree char *ack = NULL;
  g_autofree char *nak = NULL;
  g_auto(GStrv) segments = NULL;

  g_assert_true (cl_hl7_parse_discharge (text, strlen (text), &message, NULL));
  ack = cl_hl7_ack (message, "AA", NULL, NULL, cl_schedule_now ());
  segments = g_strsplit (ack, "\r", -1);
  g_assert_cmpuint (g_strv_length (segments), ==, 3);
  g_assert_true (g_str_has_prefix (segments[0], "MSH|^~\\&|CARELINE|CARELINE|HIS|XMFY|20261123091500||ACK^A03^ACK|"));
  g_assert_true (g_str_has_suffix (segments[0], "|P|2.5"));
  g_assert_cmpstr (segments[1], ==, "MSA|AA|MSG0001");
  g_assert_cmpstr (segments[2], ==, "");

  nak = cl_hl7_ack (message, "AE", "101", "phone: A mobile number | must ^ have", cl_schedule_now ());
  g_assert_nonnull (strstr (nak, "\rMSA|AE|MSG0001\rERR|||101^^HL70357|E||||phone: A mobile number \\F\\ must \\S\\ have\r"));
  g_assert_cmpstr (cl_hl7_ack_code (CL_HL7_ERROR_MALFORMED), ==, "AR");
  g_assert_cmpstr (cl_hl7_ack_code (CL_HL7_ERROR_MISSING), ==, "AE");
  g_assert_cmpstr (cl_hl7_error_code (CL_HL7_ERROR_UNSUPPORTED), ==, "200");
}

static void
test_mllp (void)
{
  g_autoptr(ClMllpReader) reader = cl_mllp_reader_new (64);
  g_autoptr(GBytes) one = cl_mllp_frame ("MSH|first");
  g_autoptr(GBytes) two = cl_mllp_frame ("MSH|second");
  g_autoptr(GByteArray) both = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  GBytes *got;
  gsize n;
  const guint8 *bytes = g_bytes_get_data (one, &n);

  /* One byte a read, the end split between reads. */
  for (gsize i = 0; i < n; i++)
    {
      g_assert_null (cl_mllp_reader_next (reader));
      g_assert_true (cl_mllp_reader_feed (reader, bytes + i, 1, &error));
    }
  got = cl_mllp_reader_next (reader);
  g_assert_nonnull (got);
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), "MSH|first", 9);
  g_bytes_unref (got);

  /* Two in one read, with garbage between. */
  g_byte_array_append (both, g_bytes_get_data (one, NULL), g_bytes_get_size (one));
  g_byte_array_append (both, (const guint8 *) "noise\r\n", 7);
  g_byte_array_append (both, g_bytes_get_data (two, NULL), g_bytes_get_size (two));
  g_assert_true (cl_mllp_reader_feed (reader, both->data, both->len, &error));
  got = cl_mllp_reader_next (reader);
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), "MSH|first", 9);
  g_bytes_unref (got);
  got = cl_mllp_reader_next (reader);
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), "MSH|second", 10);
  g_bytes_unref (got);
  g_assert_null (cl_mllp_reader_next (reader));

  /* A 0x1C without its 0x0D is part of the message. */
  g_assert_true (cl_mllp_reader_feed (reader, "\x0b" "a\x1c" "b\x1c\r", 6, &error));
  got = cl_mllp_reader_next (reader);
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), "a\x1c" "b", 3);
  g_bytes_unref (got);

  /* Past the size cap, in a frame or outside one. */
  {
    char big[100];

    memset (big, 'x', sizeof big);
    g_assert_true (cl_mllp_reader_feed (reader, "\x0b", 1, &error));
    g_assert_false (cl_mllp_reader_feed (reader, big, sizeof big, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
    g_clear_error (&error);
    g_clear_pointer (&reader, cl_mllp_reader_free);
    reader = cl_mllp_reader_new (64);
    g_assert_false (cl_mllp_reader_feed (reader, big, sizeof big, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  }
}

static void
test_from_hl7 (CLTestStoreFixture *f,
               gconstpointer       data)
{
  g_autofree char *ward = save_department (f->store, "产科一病区", "Obstetrics Ward 1");
  const char *text = A03 ("MSG0100", "ZY001", "林^秀英", "+86 138 0013 8066", ID_LIN, "产科一病区", "20261115", "20261120");
  const char *again = A03 ("MSG0101", "ZY001", "林^秀英", "13800138066", ID_LIN, "产科一病区", "20261115", "20261120");
  const char *nowhere = A03 ("MSG0102", "ZY002", "陈^芳", "13800138010", ID_CHEN, "外星科", "20261115", "20261120");
  const char *bad_phone = A03 ("MSG0103", "ZY002", "陈^芳", "1380013", ID_CHEN, "产科一病区", "20261115", "20261120");
  g_autoptr(ClHl7Discharge) message = NULL;
  g_autoptr(CLDischarge) discharge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *existing = NULL;

  g_assert_true (cl_hl7_parse_discharge (text, strlen (text), &message, NULL));
  discharge = cl_discharge_store_from_hl7 (f->store, message, &existing, &error);
  g_assert_no_error (error);
  g_assert_nonnull (discharge);
  g_assert_cmpstr (cl_discharge_get_phone (discharge), ==, "13800138066");
  g_assert_cmpstr (cl_discharge_get_department_id (discharge), ==, ward);
  g_assert_cmpstr (cl_discharge_get_source (discharge), ==, "hl7");
  g_assert_cmpstr (cl_discharge_get_source_id (discharge), ==, "MSG0100");
  g_assert_cmpstr (cl_discharge_get_call_due_on (discharge), ==, "2026-11-23");
  g_assert_true (cl_discharge_store_save (f->store, discharge, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&discharge);

  /* Sent twice: by its control id, and as another message of the same
   * person and day. */
  discharge = cl_discharge_store_from_hl7 (f->store, message, &existing, &error);
  g_assert_null (discharge);
  g_assert_no_error (error);
  g_assert_nonnull (existing);
  g_clear_pointer (&existing, g_free);
  g_clear_pointer (&message, cl_hl7_discharge_free);
  g_assert_true (cl_hl7_parse_discharge (again, strlen (again), &message, NULL));
  g_assert_null (cl_discharge_store_from_hl7 (f->store, message, &existing, &error));
  g_assert_no_error (error);
  g_assert_nonnull (existing);
  g_clear_pointer (&existing, g_free);
  g_clear_pointer (&message, cl_hl7_discharge_free);

  /* A department not on the list, a phone the desk refuses. */
  g_assert_true (cl_hl7_parse_discharge (nowhere, strlen (nowhere), &message, NULL));
  g_assert_null (cl_discharge_store_from_hl7 (f->store, message, &existing, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“外星科” is not a department on the hospital’s list");
  g_clear_error (&error);
  g_clear_pointer (&message, cl_hl7_discharge_free);
  g_assert_true (cl_hl7_parse_discharge (bad_phone, strlen (bad_phone), &message, NULL));
  g_assert_null (cl_discharge_store_from_hl7 (f->store, message, &existing, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "phone: A mobile number must have 11 digits (7 entered)");
  g_assert_null (existing);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM discharge"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  cl_test_store_add ("/discharges/rules", test_rules);
  cl_test_store_add ("/discharges/calls", test_calls);
  cl_test_store_add ("/discharges/import-bad-files", test_import_bad_files);
  cl_test_store_add ("/discharges/import-good-files", test_import_good_files);
  g_test_add_func ("/discharges/hl7-parse", test_hl7_parse);
  g_test_add_func ("/discharges/hl7-refused", test_hl7_refused);
  g_test_add_func ("/discharges/hl7-ack", test_hl7_ack);
  g_test_add_func ("/discharges/mllp", test_mllp);
  cl_test_store_add ("/discharges/from-hl7", test_from_hl7);
  return g_test_run ();
}
