/* test-inspection-pdf.c
 *
 * Issue #17 §3's printed documents read back with pdftotext: the
 * monthly equipment fault log (each fault, whom it was reported to,
 * reported and fixed, hours open, one open over a day marked) in
 * English and Chinese, with its CSV; and the settlement statement
 * listing the deductions the inspection rules made, each with its
 * reference naming the inspection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-contract-store.h"
#include "cl-contract.h"
#include "cl-date.h"
#include "cl-enrolment-store.h"
#include "cl-fault-print.h"
#include "cl-fault-report.h"
#include "cl-fault-store.h"
#include "cl-inspection-rules.h"
#include "cl-inspection-store.h"
#include "cl-staff-store.h"
#include "cl-staff.h"
#include "cl-statement-print.h"
#include "cl-test-settlement.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static gint64
at (const char *iso)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (iso, local);

  return g_date_time_to_unix (t);
}

static void
fault (CLStore    *store,
       const char *machine,
       const char *what,
       const char *to,
       const char *name,
       const char *reported,
       const char *fixed)
{
  g_autoptr(CLEquipmentFault) f = cl_equipment_fault_new ();
  g_autoptr(GError) error = NULL;

  cl_equipment_fault_set_machine (f, machine);
  cl_equipment_fault_set_location (f, "门诊大厅");
  cl_equipment_fault_set_fault (f, what);
  cl_equipment_fault_set_reported_to (f, to);
  cl_equipment_fault_set_reported_to_name (f, name);
  cl_equipment_fault_set_reported_at (f, at (reported));
  if (fixed)
    cl_equipment_fault_set_fixed_at (f, at (fixed));
  if (!cl_fault_store_save (store, f, CL_ROLE_SERVICE_DESK, NULL, &error))
    g_error ("%s", error->message);
}

/* The fault log of November 2026 as PDF text; its CSV in @csv. */
static char *
fault_log_text (const char *name,
                char      **csv)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-inspection-pdf");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLFaultReport) report = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *csv_path = g_build_filename (dir, "faults.csv", NULL);
  g_autoptr(GError) error = NULL;
  char *text;

  fault (store, "门诊大厅自助机 3号", "不出凭条", "vendor", "王工", "2026-11-02T09:00:00", "2026-11-02T11:30:00");
  fault (store, "住院部挂号机", "黑屏", "it", "", "2026-11-10T08:00:00", "2026-11-12T08:00:00");
  fault (store, "门诊大厅自助机 5号", "卡纸", "other", "李师傅", "2026-11-22T08:15:00", NULL);
  /* October's is not November's. */
  fault (store, "旧机器", "十月的故障", "it", "", "2026-10-30T09:00:00", "2026-10-30T10:00:00");

  report = cl_fault_report_new (store, "2026-11", at ("2026-11-23T09:15:00"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows->len, ==, 3);
  g_assert_cmpuint (report->n_open, ==, 1);
  g_assert_cmpuint (report->n_overdue, ==, 2);
  g_assert_true (cl_fault_print_export_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (cl_fault_report_export_csv (report, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, csv, NULL, &error));
  text = cl_test_pdf_text (path, 0, 0);
  g_assert_null (strstr (text, "十月的故障"));
  g_clear_object (&store);
  cl_test_remove_tree (dir);
  return text;
}

static void
test_fault_log_english (void)
{
  g_autofree char *csv = NULL;
  g_autofree char *text = fault_log_text ("faults-en.pdf", &csv);

  cl_test_assert_contains (text, "Equipment Fault Log, Nov 2026");
  cl_test_assert_contains (text, "Reported: 3 · Still open: 1 · Open more than a day: 2");
  cl_test_assert_contains (text, "门诊大厅自助机 3号");
  cl_test_assert_contains (text, "不出凭条");
  cl_test_assert_contains (text, "Kiosk vendor · 王工");
  cl_test_assert_contains (text, "IT room");
  cl_test_assert_contains (text, "Other · 李师傅");
  cl_test_assert_contains (text, "2 Nov 09:00");
  cl_test_assert_contains (text, "2 Nov 11:30");
  cl_test_assert_contains (text, "2.5");
  cl_test_assert_contains (text, "▲ 48.0");
  /* Still open: its hours to when the report was made. */
  cl_test_assert_contains (text, "Not fixed");
  cl_test_assert_contains (text, "▲ 25.0");
  cl_test_assert_contains (text, "Hours open");
  cl_test_assert_contains (text, "Page 1 of 1");

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Machine,Location,Fault,Reported to,Reported at,Fixed at,"
                                        "Hours open\r\n"));
  cl_test_assert_contains (csv, "门诊大厅自助机 3号,门诊大厅,不出凭条,Kiosk vendor · 王工,2026-11-02 09:00,"
                                "2026-11-02 11:30,2.5\r\n");
  cl_test_assert_contains (csv, "门诊大厅自助机 5号,门诊大厅,卡纸,Other · 李师傅,2026-11-22 08:15,,25.0\r\n");
}

static void
use_chinese (gboolean on)
{
  static char *saved;

  if (on)
    {
      const char *localedir = g_getenv ("CARELINE_LOCALEDIR");

      g_assert_nonnull (localedir);
      saved = g_strdup (setlocale (LC_ALL, NULL));
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  else
    {
      setlocale (LC_ALL, saved);
      g_clear_pointer (&saved, g_free);
      g_unsetenv ("LANGUAGE");
    }
}

static void
test_fault_log_chinese (void)
{
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  use_chinese (TRUE);
  text = fault_log_text ("faults-zh.pdf", &csv);
  use_chinese (FALSE);
  cl_test_assert_contains (text, "设备故障登记，2026年11月");
  cl_test_assert_contains (text, "自助机厂家 · 王工");
  cl_test_assert_contains (text, "故障时长（小时）");
  cl_test_assert_contains (text, "未修复");
  g_assert_null (strstr (text, "Hours open"));
  cl_test_assert_contains (csv, "设备,位置,故障,报修对象,报修时间,修复时间,故障时长（小时）\r\n");
}

static void
test_statement_lists_inspection_deductions (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-inspection-pdf");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLStaff) inspector = cl_staff_new ("zhou", "周质控", CL_ROLE_SERVICE_DESK);
  g_autoptr(CLInspection) inspection = cl_inspection_new ();
  g_autoptr(CLRectification) r = cl_rectification_new ();
  g_autoptr(CLSettlement) statement = NULL;
  g_autofree char *path = g_build_filename (dir, "statement.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const gboolean results[] = { TRUE, FALSE, TRUE, TRUE };
  GDate today;

  cl_staff_set_active (inspector, TRUE);
  g_assert_true (cl_staff_store_save (store, inspector, CL_ROLE_ADMIN, NULL, &error));
  cl_inspection_set_date (inspection, "2026-11-05");
  cl_inspection_set_inspector_id (inspection, cl_record_get_id (CL_RECORD (inspector)));
  cl_inspection_set_post (inspection, "门诊服务中心");
  cl_inspection_set_results (inspection, results);
  cl_inspection_set_findings (inspection, "未按流程引导");
  cl_inspection_set_poor_cooperation (inspection, TRUE);
  cl_rectification_set_task (r, "重新培训导诊流程");
  cl_rectification_set_deadline (r, "2026-11-12");
  g_assert_true (cl_inspection_store_save (store, inspection, r, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_date_parse ("2026-11-23", &today, NULL));
  g_assert_true (cl_inspection_rules_apply (store, CL_ROLE_FINANCE, &today, NULL, NULL, &error));
  g_assert_no_error (error);

  /* On the guide desk's statement, where the fee they reduce is. */
  cl_test_settlement_add_fee (store, CL_CONTRACT_GUIDE_DESK_ID, "2026-01-01", 5000000);
  statement = cl_contract_store_settlement (store, CL_CONTRACT_GUIDE_DESK_ID, "2026-11", &error);
  g_assert_no_error (error);
  g_assert_true (cl_statement_export_pdf (statement, path, &error));
  g_assert_no_error (error);
  text = cl_test_pdf_text (path, 0, 0);
  /* The reasons and references wrap within their columns, each row
   * as tall as its longest cell. */
  cl_test_assert_contains (text, "Monthly Management Fee Statement");
  cl_test_assert_contains (text, "Inspection failed through poor");
  cl_test_assert_contains (text, "Rectification not done by");
  cl_test_assert_contains (text, "重新培训导诊流程");
  cl_test_assert_contains (text, "Inspection 2026-11-05");
  cl_test_assert_contains (text, "门诊服务中心");
  cl_test_assert_contains (text, "1,000.00");
  cl_test_assert_contains (text, "2,000.00");
  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/inspection-pdf/fault-log-english", test_fault_log_english);
  g_test_add_func ("/inspection-pdf/fault-log-chinese", test_fault_log_chinese);
  g_test_add_func ("/inspection-pdf/statement", test_statement_lists_inspection_deductions);
  return g_test_run ();
}
