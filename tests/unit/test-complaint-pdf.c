/* test-complaint-pdf.c
 *
 * The monthly complaint report exported to PDF and read back with
 * pdftotext, in English and in Chinese: the title and month, each
 * department by name (not by id) with its figures, the total, and the
 * chart's legend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-complaint-print.h"
#include "cl-complaint-store.h"
#include "cl-department.h"
#include "cl-directory-store.h"
#include "cl-staff.h"
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
complaint (CLStore    *store,
           const char *department_id,
           const char *opened,
           gboolean    on_spot)
{
  g_autoptr(CLComplaint) c = cl_complaint_new (at (opened), "staff-me");
  g_autoptr(GError) error = NULL;

  cl_complaint_set_complainant_name (c, "王女士");
  cl_complaint_set_department_id (c, department_id);
  cl_complaint_set_description (c, "候诊时间太长");
  cl_complaint_set_severity (c, "moderate");
  cl_complaint_store_promise (store, c);
  if (on_spot)
    {
      cl_complaint_set_resolution (c, "当场解释并致歉");
      cl_complaint_settle_on_spot (c, "staff-me");
    }
  if (!cl_complaint_store_save (store, c, CL_ROLE_SERVICE_DESK, "staff-me", NULL, &error))
    g_error ("%s", error->message);
}

static char *
report_text (const char *name)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-complaint-pdf");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLDepartment) obstetrics = cl_department_new ();
  g_autoptr(CLDepartment) lab = cl_department_new ();
  g_autoptr(CLComplaintReport) report = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text;

  cl_department_set_name (obstetrics, "产科门诊");
  cl_department_set_name_en (obstetrics, "Obstetrics Clinic");
  cl_department_set_name (lab, "检验科");
  g_assert_true (cl_directory_store_save_department (store, obstetrics, CL_ROLE_ADMIN, NULL, &error));
  g_assert_true (cl_directory_store_save_department (store, lab, CL_ROLE_ADMIN, NULL, &error));
  complaint (store, cl_record_get_id (CL_RECORD (obstetrics)), "2026-11-02T09:00:00", TRUE);
  complaint (store, cl_record_get_id (CL_RECORD (obstetrics)), "2026-11-03T09:00:00", FALSE);
  complaint (store, cl_record_get_id (CL_RECORD (obstetrics)), "2026-11-04T09:00:00", FALSE);
  complaint (store, cl_record_get_id (CL_RECORD (lab)), "2026-11-05T09:00:00", TRUE);

  report = cl_complaint_report_new (store, "2026-11", at ("2026-11-23T09:15:00"), &error);
  g_assert_no_error (error);
  g_assert_true (cl_complaint_print_export_pdf (report, path, &error));
  g_assert_no_error (error);
  text = cl_test_pdf_text (path, 0, 0);
  /* No department is named by its id. */
  g_assert_null (strstr (text, cl_record_get_id (CL_RECORD (obstetrics))));
  g_clear_object (&store);
  cl_test_remove_tree (dir);
  return text;
}

static void
test_report_english (void)
{
  g_autofree char *text = report_text ("complaints-en.pdf");

  cl_test_assert_contains (text, "Complaints by department — Nov 2026");
  cl_test_assert_contains (text, "Obstetrics Clinic");
  cl_test_assert_contains (text, "检验科");
  /* The column headings wrap within their columns. */
  cl_test_assert_contains (text, "Settled on");
  cl_test_assert_contains (text, "Median hours to");
  cl_test_assert_contains (text, "Satisfaction");
  cl_test_assert_contains (text, "All departments");
  cl_test_assert_contains (text, "Overdue");
  cl_test_assert_contains (text, "Page 1 of 1");
}

static void
test_report_chinese (void)
{
  const char *localedir = g_getenv ("CARELINE_LOCALEDIR");
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *text = NULL;

  g_assert_nonnull (localedir);
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  text = report_text ("complaints-zh.pdf");
  setlocale (LC_ALL, saved);
  g_unsetenv ("LANGUAGE");

  cl_test_assert_contains (text, "各科室投诉 — 2026年11月");
  cl_test_assert_contains (text, "产科门诊");
  cl_test_assert_contains (text, "当场解决");
  cl_test_assert_contains (text, "全部科室");
  cl_test_assert_contains (text, "超时");
  cl_test_assert_contains (text, "满意度");
  g_assert_null (strstr (text, "Settled on"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/complaint-pdf/english", test_report_english);
  g_test_add_func ("/complaint-pdf/chinese", test_report_chinese);
  return g_test_run ();
}
