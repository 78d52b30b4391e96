/* test-survey-results.c
 *
 * A quarter's survey results from a real SQLite file: per department
 * the answer count, each question's mean mark in tenths and its share of
 * satisfied marks and of yes answers per mille, rounded half up; a
 * question about a named department counts for it; an anonymous
 * campaign withholds a department with fewer than 5 answers; and the
 * trend over the last four quarters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cl-directory-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-survey-results.h"
#include "cl-survey-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

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

static CLSurveyCampaign *
save_campaign (CLStore    *store,
               const char *template_id,
               const char *quarter,
               gboolean    anonymous)
{
  CLSurveyCampaign *campaign = cl_survey_campaign_new ();
  g_autoptr(GError) error = NULL;

  cl_survey_campaign_set_template_id (campaign, template_id);
  cl_survey_campaign_set_quarter (campaign, quarter);
  cl_survey_campaign_set_title (campaign, "满意度调查");
  cl_survey_campaign_set_target (campaign, 50);
  cl_survey_campaign_set_anonymous (campaign, anonymous);
  g_assert_true (cl_survey_store_save_campaign (store, campaign, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  return campaign;
}

static void
save_answer (CLStore          *store,
             CLSurveyCampaign *campaign,
             const char       *patient,
             const char       *department,
             const char       *answers)
{
  g_autoptr(CLSurveyAnswer) answer = cl_survey_answer_new ();
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  cl_survey_answer_set_campaign_id (answer, cl_record_get_id (CL_RECORD (campaign)));
  if (patient)
    {
      cl_survey_answer_set_person_kind (answer, "patient");
      cl_survey_answer_set_person_id (answer, patient);
    }
  cl_survey_answer_set_channel (answer, "desk");
  cl_survey_answer_set_answered_at (answer, cl_schedule_now () - 3600);
  cl_survey_answer_set_department_id (answer, department);
  cl_survey_answer_set_answers (answer, answers);
  if (!cl_survey_store_save_answer (store, answer, CL_ROLE_SERVICE_DESK, &errors, &error))
    g_error ("answer refused: %s", error->message);
}

/* The outpatients' answers: @mark for every 1–5 question but the wait
 * (@wait), and yes to privacy and @recommend. */
static char *
outpatient (gint     mark,
            gint     wait,
            gboolean recommend)
{
  return g_strdup_printf ("{\"guide\":%d,\"registration\":%d,\"wait\":%d,\"doctor\":%d,\"nurse\":%d,"
                          "\"tests\":%d,\"clean\":%d,\"privacy\":true,\"gift\":false,\"recommend\":%s,"
                          "\"overall\":%d}", mark, mark, wait, mark, mark, mark, mark,
                          recommend ? "true" : "false", mark);
}

static const CLSurveyQuestionResult *
question (const CLSurveyDepartmentResult *department,
          const char                     *id)
{
  for (guint i = 0; i < department->questions->len; i++)
    {
      const CLSurveyQuestionResult *result = g_ptr_array_index (department->questions, i);

      if (g_str_equal (result->question->id, id))
        return result;
    }
  g_assert_not_reached ();
}

static void
test_departments (CLTestStoreFixture *f,
                  gconstpointer       data)
{
  g_autofree char *obstetrics = save_department (f->store, "产科门诊");
  g_autofree char *gynaecology = save_department (f->store, "妇科门诊");
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", "35020319930402002", "13800138000");
  g_autoptr(CLSurveyCampaign) campaign = NULL;
  g_autoptr(CLSurveyResults) results = NULL;
  const CLSurveyDepartmentResult *all, *a, *b;
  const char *id;
  g_autofree char *a1 = outpatient (5, 5, TRUE);
  g_autofree char *a2 = outpatient (4, 3, FALSE);
  g_autofree char *a3 = outpatient (3, 3, FALSE);

  cl_test_patient_save (f->store, patient, NULL);
  id = cl_record_get_id (CL_RECORD (patient));
  campaign = save_campaign (f->store, "outpatient", "2026-Q4", FALSE);
  save_answer (f->store, campaign, id, obstetrics, a1);
  save_answer (f->store, campaign, id, obstetrics, a2);
  save_answer (f->store, campaign, id, gynaecology, a3);

  results = cl_survey_results_compute (f->store, "outpatient", "2026-Q4");
  g_assert_false (cl_survey_results_get_anonymous (results));
  g_assert_cmpuint (cl_survey_results_get_n_departments (results), ==, 3);
  all = cl_survey_results_get_department (results, 0);
  g_assert_cmpstr (all->key, ==, "");
  g_assert_cmpstr (all->label, ==, "All departments");
  g_assert_cmpuint (all->n_answers, ==, 3);
  /* 71 + 24 marks of 5, 4 and 3 over 24: 3.958 → 4.0; 15 of 24 are 4 or 5. */
  g_assert_cmpint (all->mean_tenths, ==, 40);
  g_assert_cmpint (all->satisfied_permille, ==, 625);

  a = cl_survey_results_lookup (results, obstetrics);
  g_assert_cmpstr (a->label, ==, "产科门诊");
  g_assert_cmpuint (a->n_answers, ==, 2);
  g_assert_false (a->withheld);
  /* 40 + 31 over 16 marks: 4.4375 → 4.4; 15 of 16 satisfied: 937.5 → 938. */
  g_assert_cmpint (a->mean_tenths, ==, 44);
  g_assert_cmpint (a->satisfied_permille, ==, 938);
  g_assert_cmpint (question (a, "wait")->mean_tenths, ==, 40);
  g_assert_cmpint (question (a, "wait")->satisfied_permille, ==, 500);
  g_assert_cmpint (question (a, "guide")->mean_tenths, ==, 45);
  g_assert_cmpint (question (a, "recommend")->yes_permille, ==, 500);
  g_assert_cmpint (question (a, "privacy")->yes_permille, ==, 1000);
  g_assert_cmpint (question (a, "gift")->yes_permille, ==, 0);
  g_assert_cmpint (question (a, "privacy")->mean_tenths, ==, CL_SURVEY_NONE);
  /* Yes: 2 privacy + 1 recommend of 6 yes/no answers. */
  g_assert_cmpint (a->yes_permille, ==, 500);

  b = cl_survey_results_lookup (results, gynaecology);
  g_assert_cmpuint (b->n_answers, ==, 1);
  g_assert_cmpint (b->mean_tenths, ==, 30);
  g_assert_cmpint (b->satisfied_permille, ==, 0);
  /* By name after the whole hospital: 产科 (chǎn) before 妇科 (fù). */
  g_assert_true (cl_survey_results_get_department (results, 1) == a ||
                 cl_survey_results_get_department (results, 2) == a);

  /* Another quarter, another survey: nothing. */
  {
    g_autoptr(CLSurveyResults) none = cl_survey_results_compute (f->store, "outpatient", "2026-Q3");
    g_autoptr(CLSurveyResults) other = cl_survey_results_compute (f->store, "communication", "2026-Q4");

    g_assert_cmpuint (cl_survey_results_lookup (none, "")->n_answers, ==, 0);
    g_assert_cmpint (cl_survey_results_lookup (none, "")->mean_tenths, ==, CL_SURVEY_NONE);
    g_assert_cmpuint (cl_survey_results_get_n_departments (other), ==, 1);
  }
}

/* Questions about a named department count for it: the laboratory of
 * the directory by its id, a department not in it by its name. */
static void
test_question_departments (CLTestStoreFixture *f,
                           gconstpointer       data)
{
  g_autofree char *lab = save_department (f->store, "检验科");
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", "35020319930402002", "13800138000");
  g_autoptr(CLSurveyCampaign) campaign = NULL;
  g_autoptr(CLSurveyResults) results = NULL;
  const CLSurveyDepartmentResult *laboratory, *support;

  cl_test_patient_save (f->store, patient, NULL);
  campaign = save_campaign (f->store, "inpatient-support", "2026-Q4", FALSE);
  save_answer (f->store, campaign, cl_record_get_id (CL_RECORD (patient)), NULL,
               "{\"lab\":2,\"ultrasound\":5,\"radiology\":5,\"pharmacy\":5,\"meals\":4,\"escort\":5,"
               "\"cleaning\":3,\"repairs\":false}");
  results = cl_survey_results_compute (f->store, "inpatient-support", "2026-Q4");
  laboratory = cl_survey_results_lookup (results, lab);
  g_assert_nonnull (laboratory);
  g_assert_cmpstr (laboratory->label, ==, "检验科");
  g_assert_cmpint (laboratory->mean_tenths, ==, 20);
  g_assert_cmpint (question (laboratory, "lab")->n, ==, 1);
  g_assert_cmpint (question (laboratory, "ultrasound")->n, ==, 0);
  support = cl_survey_results_lookup (results, "后勤保障部");
  g_assert_nonnull (support);
  g_assert_cmpint (support->mean_tenths, ==, 30);
  g_assert_cmpint (support->yes_permille, ==, 0);
  g_assert_cmpint (cl_survey_results_lookup (results, "")->mean_tenths, ==, 41);
}

/* An anonymous staff survey: a department with 4 answers shows
 * nothing, one with 5 shows its means; the whole hospital's 9 show. */
static void
test_anonymous_threshold (CLTestStoreFixture *f,
                          gconstpointer       data)
{
  g_autofree char *few = save_department (f->store, "超声科");
  g_autofree char *enough = save_department (f->store, "检验科");
  g_autoptr(CLSurveyCampaign) campaign = save_campaign (f->store, "staff-support", "2026-Q4", TRUE);
  g_autoptr(CLSurveyResults) results = NULL;
  const CLSurveyDepartmentResult *withheld, *shown;
  static const char answers[] =
    "{\"attitude\":4,\"timely\":4,\"quality\":4,\"communication\":4,\"critical\":true,\"rules\":4,\"overall\":4}";

  for (guint i = 0; i < 4; i++)
    save_answer (f->store, campaign, NULL, few, answers);
  for (guint i = 0; i < 5; i++)
    save_answer (f->store, campaign, NULL, enough, answers);
  results = cl_survey_results_compute (f->store, "staff-support", "2026-Q4");
  g_assert_true (cl_survey_results_get_anonymous (results));
  withheld = cl_survey_results_lookup (results, few);
  g_assert_true (withheld->withheld);
  g_assert_cmpuint (withheld->n_answers, ==, 4);
  g_assert_cmpint (withheld->mean_tenths, ==, CL_SURVEY_NONE);
  g_assert_cmpint (withheld->satisfied_permille, ==, CL_SURVEY_NONE);
  g_assert_cmpuint (withheld->questions->len, ==, 0);
  shown = cl_survey_results_lookup (results, enough);
  g_assert_false (shown->withheld);
  g_assert_cmpint (shown->mean_tenths, ==, 40);
  g_assert_cmpint (question (shown, "critical")->yes_permille, ==, 1000);
  g_assert_false (cl_survey_results_lookup (results, "")->withheld);
  g_assert_cmpuint (cl_survey_results_lookup (results, "")->n_answers, ==, 9);

  /* The trend of a withheld department has nothing to show. */
  {
    gint means[4];

    cl_survey_results_trend (f->store, "staff-support", "2026-Q4", few, means, NULL);
    g_assert_cmpint (means[3], ==, CL_SURVEY_NONE);
  }
}

static void
test_trend (CLTestStoreFixture *f,
            gconstpointer       data)
{
  g_autofree char *obstetrics = save_department (f->store, "产科门诊");
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", "35020319930402002", "13800138000");
  g_autoptr(CLSurveyCampaign) spring = NULL;
  g_autoptr(CLSurveyCampaign) autumn = NULL;
  g_autoptr(CLSurveyCampaign) last_year = NULL;
  g_autofree char *low = outpatient (2, 2, FALSE);
  g_autofree char *high = outpatient (5, 4, TRUE);
  g_auto(GStrv) quarters = NULL;
  gint means[4];

  cl_test_patient_save (f->store, patient, NULL);
  spring = save_campaign (f->store, "outpatient", "2026-Q2", FALSE);
  autumn = save_campaign (f->store, "outpatient", "2026-Q4", FALSE);
  last_year = save_campaign (f->store, "outpatient", "2025-Q4", FALSE);
  save_answer (f->store, spring, cl_record_get_id (CL_RECORD (patient)), obstetrics, low);
  save_answer (f->store, autumn, cl_record_get_id (CL_RECORD (patient)), obstetrics, high);
  save_answer (f->store, last_year, cl_record_get_id (CL_RECORD (patient)), obstetrics, high);

  cl_survey_results_trend (f->store, "outpatient", "2026-Q4", obstetrics, means, &quarters);
  g_assert_cmpstr (quarters[0], ==, "2026-Q1");
  g_assert_cmpstr (quarters[3], ==, "2026-Q4");
  g_assert_null (quarters[4]);
  g_assert_cmpint (means[0], ==, CL_SURVEY_NONE);
  g_assert_cmpint (means[1], ==, 20);
  g_assert_cmpint (means[2], ==, CL_SURVEY_NONE);
  /* 7 fives and a four: 39 / 8 = 4.875 → 4.9. */
  g_assert_cmpint (means[3], ==, 49);

  /* Across a year's end. */
  g_clear_pointer (&quarters, g_strfreev);
  cl_survey_results_trend (f->store, "outpatient", "2026-Q2", "", means, &quarters);
  g_assert_cmpstr (quarters[0], ==, "2025-Q3");
  g_assert_cmpint (means[0], ==, CL_SURVEY_NONE);
  g_assert_cmpint (means[1], ==, 49);
  g_assert_cmpint (means[3], ==, 20);
}

/* The CSV: a byte-order mark, a header, a line per department and
 * question, a withheld department's figures not given. */
static void
test_csv (CLTestStoreFixture *f,
          gconstpointer       data)
{
  g_autofree char *shown = save_department (f->store, "检验科");
  g_autofree char *few = save_department (f->store, "超声科");
  g_autoptr(CLSurveyCampaign) campaign = save_campaign (f->store, "staff-support", "2026-Q4", TRUE);
  g_autoptr(CLSurveyResults) results = NULL;
  g_autofree char *csv = NULL;
  static const char answers[] =
    "{\"attitude\":5,\"timely\":4,\"quality\":4,\"communication\":4,\"critical\":false,\"rules\":4,"
    "\"overall\":4,\"opinion\":\"报告再快些, 谢谢\"}";

  for (guint i = 0; i < 5; i++)
    save_answer (f->store, campaign, NULL, shown, answers);
  save_answer (f->store, campaign, NULL, few, answers);
  results = cl_survey_results_compute (f->store, "staff-support", "2026-Q4");
  csv = cl_survey_results_to_csv (results);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"
                                        "Quarter,Survey,Department,Question,Answers,Mean mark (1–5),"
                                        "Satisfied (4–5),Yes\r\n"));
  cl_test_assert_contains (csv, "2026-Q4,Medical staff satisfaction with the support and technical departments,"
                                "All departments,All questions,6,4.2,100.0%,0.0%\r\n");
  cl_test_assert_contains (csv, ",检验科,All questions,5,4.2,100.0%,0.0%\r\n");
  cl_test_assert_contains (csv, ",检验科,The department's attitude to the clinical departments,5,5.0,100.0%,\r\n");
  cl_test_assert_contains (csv, ",检验科,Are critical values and urgent requests reported or handled at once?,5,,,0.0%\r\n");
  cl_test_assert_contains (csv, ",超声科,All questions,1,Fewer than 5 answers: not shown,,\r\n");
  g_assert_null (strstr (csv, ",超声科,The department"));
  /* Free text stays out of the figures. */
  g_assert_null (strstr (csv, "报告再快些"));
}

static void
test_format (void)
{
  g_autofree char *a = cl_survey_format_tenths (43);
  g_autofree char *b = cl_survey_format_tenths (CL_SURVEY_NONE);
  g_autofree char *c = cl_survey_format_permille (875);
  g_autofree char *d = cl_survey_format_permille (1000);

  g_assert_cmpstr (a, ==, "4.3");
  g_assert_cmpstr (b, ==, "—");
  g_assert_cmpstr (c, ==, "87.5%");
  g_assert_cmpstr (d, ==, "100.0%");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey-results/format", test_format);
  cl_test_store_add ("/survey-results/departments", test_departments);
  cl_test_store_add ("/survey-results/question-departments", test_question_departments);
  cl_test_store_add ("/survey-results/anonymous-threshold", test_anonymous_threshold);
  cl_test_store_add ("/survey-results/trend", test_trend);
  cl_test_store_add ("/survey-results/csv", test_csv);
  return g_test_run ();
}
