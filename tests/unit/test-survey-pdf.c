/* test-survey-pdf.c
 *
 * A department's survey report exported to PDF and read back with
 * pdftotext, in English and in Chinese: the title with the department
 * by name, the survey and quarter, the key figures, a line per
 * question, the trend's quarters; and an anonymous department with too
 * few answers, whose report says why it shows no figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-directory-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-survey-print.h"
#include "cl-survey-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static CLSurveyCampaign *
campaign (CLStore    *store,
          const char *template_id,
          gboolean    anonymous)
{
  CLSurveyCampaign *campaign = cl_survey_campaign_new ();
  g_autoptr(GError) error = NULL;

  cl_survey_campaign_set_template_id (campaign, template_id);
  cl_survey_campaign_set_quarter (campaign, "2026-Q4");
  cl_survey_campaign_set_title (campaign, "四季度满意度调查");
  cl_survey_campaign_set_target (campaign, 50);
  cl_survey_campaign_set_anonymous (campaign, anonymous);
  g_assert_true (cl_survey_store_save_campaign (store, campaign, CL_ROLE_SERVICE_DESK, NULL, &error));
  return campaign;
}

static void
answer (CLStore          *store,
        CLSurveyCampaign *campaign,
        const char       *patient,
        const char       *department,
        const char       *answers)
{
  g_autoptr(CLSurveyAnswer) answer = cl_survey_answer_new ();
  g_autoptr(GError) error = NULL;

  cl_survey_answer_set_campaign_id (answer, cl_record_get_id (CL_RECORD (campaign)));
  if (patient)
    {
      cl_survey_answer_set_person_kind (answer, "patient");
      cl_survey_answer_set_person_id (answer, patient);
    }
  cl_survey_answer_set_channel (answer, "phone");
  cl_survey_answer_set_answered_at (answer, cl_schedule_now () - 3600);
  cl_survey_answer_set_department_id (answer, department);
  cl_survey_answer_set_answers (answer, answers);
  if (!cl_survey_store_save_answer (store, answer, CL_ROLE_SERVICE_DESK, NULL, &error))
    g_error ("%s", error->message);
}

/* The PDF text of 产科门诊's outpatient report (or, if @withheld, of the
 * anonymous staff survey's). */
static char *
report_text (const char *name,
             gboolean    withheld)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-survey-pdf");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLDepartment) obstetrics = cl_department_new ();
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", "35020319930402002", "13800138000");
  g_autoptr(CLSurveyCampaign) outpatients = NULL;
  g_autoptr(CLSurveyCampaign) staff = NULL;
  g_autoptr(CLSurveyReport) report = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  const char *department;
  char *text;

  cl_department_set_name (obstetrics, "产科门诊");
  cl_department_set_name_en (obstetrics, "Obstetrics Clinic");
  g_assert_true (cl_directory_store_save_department (store, obstetrics, CL_ROLE_ADMIN, NULL, &error));
  department = cl_record_get_id (CL_RECORD (obstetrics));
  cl_test_patient_save (store, patient, NULL);
  outpatients = campaign (store, "outpatient", FALSE);
  answer (store, outpatients, cl_record_get_id (CL_RECORD (patient)), department,
          "{\"guide\":5,\"registration\":5,\"wait\":5,\"doctor\":5,\"nurse\":5,\"tests\":5,\"clean\":5,"
          "\"privacy\":true,\"gift\":false,\"recommend\":true,\"overall\":5}");
  answer (store, outpatients, cl_record_get_id (CL_RECORD (patient)), department,
          "{\"guide\":4,\"registration\":4,\"wait\":3,\"doctor\":4,\"nurse\":4,\"tests\":4,\"clean\":4,"
          "\"privacy\":true,\"gift\":false,\"recommend\":false,\"overall\":4}");
  staff = campaign (store, "staff-support", TRUE);
  answer (store, staff, NULL, department,
          "{\"attitude\":4,\"timely\":4,\"quality\":4,\"communication\":4,\"critical\":true,\"rules\":4,\"overall\":4}");

  report = cl_survey_report_new (store, withheld ? "staff-support" : "outpatient", "2026-Q4", department,
                                 cl_schedule_now ());
  g_assert_true (cl_survey_print_export_pdf (report, path, &error));
  g_assert_no_error (error);
  text = cl_test_pdf_text (path, 0, 0);
  /* No department is named by its id. */
  g_assert_null (strstr (text, department));
  g_clear_object (&store);
  cl_test_remove_tree (dir);
  return text;
}

static void
test_report_english (void)
{
  g_autofree char *text = report_text ("survey-en.pdf", FALSE);
  g_autofree char *withheld = report_text ("survey-withheld-en.pdf", TRUE);

  cl_test_assert_contains (text, "Satisfaction survey report — Obstetrics Clinic");
  cl_test_assert_contains (text, "Outpatient and emergency patient satisfaction · 2026 Q4");
  /* 71 marks over 16: 4.4; 15 of 16 satisfied; yes 3 of 6. */
  cl_test_assert_contains (text, "Answers: 2 · Mean mark: 4.4 · Satisfied (4–5): 93.8% · Yes: 50.0%");
  cl_test_assert_contains (text, "How long you waited to see the doctor");
  cl_test_assert_contains (text, "4.0");
  cl_test_assert_contains (text, "Would you recommend our hospital to family and friends?");
  cl_test_assert_contains (text, "2026 Q1");
  cl_test_assert_contains (text, "No result");
  cl_test_assert_contains (text, "Page 1 of 1");
  /* Free text is not a figure. */
  g_assert_null (strstr (text, "What should we do better?"));

  cl_test_assert_contains (withheld, "fewer than 5 people answered for this department");
  g_assert_null (strstr (withheld, "Mean mark"));
  g_assert_null (strstr (withheld, "4.0"));
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
  text = report_text ("survey-zh.pdf", FALSE);
  setlocale (LC_ALL, saved);
  g_unsetenv ("LANGUAGE");

  cl_test_assert_contains (text, "满意度调查报告 — 产科门诊");
  cl_test_assert_contains (text, "门急诊患者满意度调查 · 2026年第4季度");
  cl_test_assert_contains (text, "平均分：4.4");
  cl_test_assert_contains (text, "候诊时间");
  cl_test_assert_contains (text, "2026年第1季度");
  cl_test_assert_contains (text, "无结果");
  g_assert_null (strstr (text, "Mean mark"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey-pdf/english", test_report_english);
  g_test_add_func ("/survey-pdf/chinese", test_report_chinese);
  return g_test_run ();
}
