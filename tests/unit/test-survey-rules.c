/* test-survey-rules.c
 *
 * Survey campaigns and answers in a real SQLite file: a campaign needs a
 * template in force, a quarter, a target and people of the kind the
 * template asks, and is anonymous only where the template allows; an
 * answer names no one in an anonymous campaign, someone otherwise, marks
 * 1-5, every required question, a department where asked, and none is
 * taken by a closed campaign.  A refused save writes nothing; the
 * service desk runs campaigns, a case manager may record answers.  A
 * discharge reached by the desk's call answers a patients' survey (not
 * a staff one), and the open discharge follow-up campaign of a call's
 * quarter is found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-directory-store.h"
#include "cl-discharge-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-surveys.h"
#include "cl-survey-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

#define OUTPATIENT_ANSWERS \
  "{\"guide\":5,\"registration\":4,\"wait\":3,\"doctor\":5,\"nurse\":5,\"tests\":4,\"clean\":4," \
  "\"privacy\":true,\"gift\":false,\"recommend\":true,\"overall\":5,\"opinion\":\"候诊再短些\"}"
#define STAFF_ANSWERS \
  "{\"attitude\":4,\"timely\":4,\"quality\":5,\"communication\":3,\"critical\":true,\"rules\":4,\"overall\":4}"

typedef struct
{
  char *department;
  char *patient;
  char *staff;
} People;

static void
people_clear (People *people)
{
  g_free (people->department);
  g_free (people->patient);
  g_free (people->staff);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (People, people_clear)

static void
make_people (CLStore *store,
             People  *people)
{
  g_autoptr(CLDepartment) department = cl_department_new ();
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", "35020319930402002", "13800138000");
  g_autoptr(CLStaff) staff = cl_staff_new ("li", "李护士", "case_manager");
  g_autoptr(GError) error = NULL;

  cl_department_set_name (department, "检验科");
  g_assert_true (cl_directory_store_save_department (store, department, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  cl_test_patient_save (store, patient, NULL);
  g_assert_true (cl_store_save_record (store, CL_RECORD (staff), &error));
  g_assert_no_error (error);
  people->department = g_strdup (cl_record_get_id (CL_RECORD (department)));
  people->patient = g_strdup (cl_record_get_id (CL_RECORD (patient)));
  people->staff = g_strdup (cl_record_get_id (CL_RECORD (staff)));
}

static CLSurveyCampaign *
new_campaign (const char *template_id,
              const char *kind,
              const char *person)
{
  CLSurveyCampaign *campaign = cl_survey_campaign_new ();
  const char *kinds[] = { kind };
  const char *ids[] = { person };

  cl_survey_campaign_set_template_id (campaign, template_id);
  cl_survey_campaign_set_quarter (campaign, "2026-Q4");
  cl_survey_campaign_set_title (campaign, "四季度满意度调查");
  cl_survey_campaign_set_target (campaign, 100);
  cl_survey_campaign_set_people_list (campaign, kinds, ids, person ? 1 : 0);
  return campaign;
}

static CLSurveyAnswer *
new_answer (CLSurveyCampaign *campaign,
            const char       *kind,
            const char       *person,
            const char       *department,
            const char       *answers)
{
  CLSurveyAnswer *answer = cl_survey_answer_new ();

  cl_survey_answer_set_campaign_id (answer, cl_record_get_id (CL_RECORD (campaign)));
  cl_survey_answer_set_person_kind (answer, kind);
  cl_survey_answer_set_person_id (answer, person);
  cl_survey_answer_set_channel (answer, "phone");
  cl_survey_answer_set_answered_at (answer, cl_schedule_now () - 600);
  cl_survey_answer_set_department_id (answer, department);
  cl_survey_answer_set_answers (answer, answers);
  return answer;
}

static void
campaign_refused_at (CLStore          *store,
                     CLSurveyCampaign *campaign,
                     const char       *field,
                     const char       *message)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = cl_test_store_count (store, "SELECT count(*) FROM survey_campaign");

  g_assert_false (cl_survey_store_save_campaign (store, campaign, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (errors);
  g_assert_cmpstr (g_hash_table_lookup (errors, field), ==, message);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM survey_campaign"), ==, before);
}

static void
answer_refused_at (CLStore        *store,
                   CLSurveyAnswer *answer,
                   const char     *field,
                   const char     *message)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_survey_store_save_answer (store, answer, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (errors);
  g_assert_cmpstr (g_hash_table_lookup (errors, field), ==, message);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM survey_answer"), ==, 0);
}

static void
test_quarters (void)
{
  g_autofree char *back = cl_survey_quarter_add ("2026-Q1", -1);
  g_autofree char *on = cl_survey_quarter_add ("2026-Q4", 1);
  g_autofree char *same = cl_survey_quarter_add ("2026-Q2", 0);
  gint year, quarter;

  g_assert_cmpstr (back, ==, "2025-Q4");
  g_assert_cmpstr (on, ==, "2027-Q1");
  g_assert_cmpstr (same, ==, "2026-Q2");
  g_assert_true (cl_survey_quarter_parse ("2026-Q3", &year, &quarter));
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (quarter, ==, 3);
  g_assert_false (cl_survey_quarter_parse ("2026-Q0", NULL, NULL));
  g_assert_false (cl_survey_quarter_parse ("2026Q3", NULL, NULL));
  g_assert_false (cl_survey_quarter_parse ("2026-Q3 ", NULL, NULL));
  g_assert_false (cl_survey_quarter_parse (NULL, NULL, NULL));
}

static void
test_campaign_rules (CLTestStoreFixture *f,
                     gconstpointer       data)
{
  g_auto(People) people = { 0 };
  g_autoptr(CLSurveyCampaign) campaign = NULL;
  g_autoptr(CLSurveyCampaign) staff = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  make_people (f->store, &people);
  campaign = new_campaign ("outpatient", "staff", people.staff);
  campaign_refused_at (f->store, campaign, "people", "This survey is for patients: ask patients only");
  cl_survey_campaign_set_people (campaign, "[{\"kind\":\"patient\",\"id\":\"e1000000-0000-0000-0000-000000000b90\"}]");
  campaign_refused_at (f->store, campaign, "people",
                       "Someone on the list is not a patient or staff member of this hospital");
  cl_survey_campaign_set_people (campaign, "{}");
  campaign_refused_at (f->store, campaign, "people", "The list of people to ask is damaged");
  {
    const char *kinds[] = { "patient", "patient" };
    const char *ids[] = { people.patient, people.patient };

    cl_survey_campaign_set_people_list (campaign, kinds, ids, 2);
    campaign_refused_at (f->store, campaign, "people", "A person is on the list twice");
    cl_survey_campaign_set_people_list (campaign, kinds, ids, 1);
  }
  cl_survey_campaign_set_anonymous (campaign, TRUE);
  campaign_refused_at (f->store, campaign, "anonymous",
                       "This survey is not anonymous: its answers name who gave them");
  cl_survey_campaign_set_anonymous (campaign, FALSE);
  cl_survey_campaign_set_target (campaign, 0);
  campaign_refused_at (f->store, campaign, "target", "Enter how many answers are wanted, at least 1");
  cl_survey_campaign_set_target (campaign, 100);
  cl_survey_campaign_set_quarter (campaign, "2026-4");
  campaign_refused_at (f->store, campaign, "quarter", "Enter the quarter as YYYY-Q1 … YYYY-Q4");
  cl_survey_campaign_set_quarter (campaign, "2026-Q4");
  cl_survey_campaign_set_title (campaign, "  ");
  campaign_refused_at (f->store, campaign, "title", "Enter a title");
  cl_survey_campaign_set_title (campaign, "四季度门急诊满意度");
  cl_survey_campaign_set_template_id (campaign, "nonesuch");
  campaign_refused_at (f->store, campaign, "template_id", "Choose a survey");
  cl_survey_campaign_set_template_id (campaign, "outpatient");

  /* A case manager may not run one; the service desk may. */
  g_assert_false (cl_survey_store_save_campaign (f->store, campaign, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cl_survey_store_save_campaign (f->store, campaign, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);

  /* A staff survey may be anonymous and ask staff. */
  staff = new_campaign ("staff-support", "staff", people.staff);
  cl_survey_campaign_set_anonymous (staff, TRUE);
  cl_survey_campaign_set_status (staff, "closed");
  g_assert_true (cl_survey_store_save_campaign (f->store, staff, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);

  /* The quarter's campaigns, open ones first. */
  listed = cl_store_survey_campaigns_of_quarter (f->store, "2026-Q4");
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (listed, 0)), ==, cl_record_get_id (CL_RECORD (campaign)));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = cl_store_survey_campaigns_of_quarter (f->store, "2026-Q3");
  g_assert_cmpuint (listed->len, ==, 0);
}

static void
test_answer_rules (CLTestStoreFixture *f,
                   gconstpointer       data)
{
  g_auto(People) people = { 0 };
  g_autoptr(CLSurveyCampaign) campaign = NULL;
  g_autoptr(CLSurveyCampaign) anonymous = NULL;
  g_autoptr(CLSurveyAnswer) answer = NULL;
  g_autoptr(CLSurveyAnswer) staff_answer = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;

  make_people (f->store, &people);
  campaign = new_campaign ("outpatient", "patient", people.patient);
  g_assert_true (cl_survey_store_save_campaign (f->store, campaign, CL_ROLE_SERVICE_DESK, NULL, &error));
  anonymous = new_campaign ("staff-support", NULL, NULL);
  cl_survey_campaign_set_anonymous (anonymous, TRUE);
  g_assert_true (cl_survey_store_save_campaign (f->store, anonymous, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);

  answer = new_answer (campaign, "patient", people.patient, people.department,
                       "{\"guide\":6,\"registration\":4,\"wait\":3,\"doctor\":5,\"nurse\":5,\"tests\":4,\"clean\":4,"
                       "\"privacy\":true,\"gift\":false,\"recommend\":true,\"overall\":5}");
  answer_refused_at (f->store, answer, "answers",
                     "Answer “The guides' attitude and the help they gave” with a mark from 1 to 5");
  cl_survey_answer_set_answers (answer, "{\"guide\":5}");
  answer_refused_at (f->store, answer, "answers", "Answer “Registering and paying (queues, kiosks, windows)”");
  cl_survey_answer_set_answers (answer, "{\"guide\":5,\"privacy\":\"yes\"}");
  answer_refused_at (f->store, answer, "answers",
                     "Answer “Was your privacy protected during the examination?” with yes or no");
  cl_survey_answer_set_answers (answer, "{\"colour\":5}");
  answer_refused_at (f->store, answer, "answers", "The answers name a question the survey does not have");
  cl_survey_answer_set_answers (answer, "[5]");
  answer_refused_at (f->store, answer, "answers", "The answers are damaged");
  cl_survey_answer_set_answers (answer, OUTPATIENT_ANSWERS);
  cl_survey_answer_set_department_id (answer, NULL);
  answer_refused_at (f->store, answer, "department_id", "Choose the department the answers are about");
  cl_survey_answer_set_department_id (answer, "e1000000-0000-0000-0000-000000000b91");
  answer_refused_at (f->store, answer, "department_id", "Choose a department from the hospital’s list");
  cl_survey_answer_set_department_id (answer, people.department);
  cl_survey_answer_set_person_id (answer, NULL);
  answer_refused_at (f->store, answer, "person_id", "Choose who answered");
  cl_survey_answer_set_person_id (answer, people.staff);
  cl_survey_answer_set_person_kind (answer, "staff");
  answer_refused_at (f->store, answer, "person_id", "This survey is for patients: ask patients only");
  cl_survey_answer_set_person_kind (answer, "patient");
  cl_survey_answer_set_person_id (answer, people.patient);
  cl_survey_answer_set_channel (answer, "fax");
  answer_refused_at (f->store, answer, "channel",
                     "Choose how the answers were given: at the desk, by phone or through the link");
  cl_survey_answer_set_channel (answer, "desk");
  cl_survey_answer_set_answered_at (answer, cl_schedule_now () + 3600);
  answer_refused_at (f->store, answer, "answered_at", "The answers cannot be given in the future");
  cl_survey_answer_set_answered_at (answer, cl_schedule_now ());

  /* A case manager may record one (an escort may not). */
  g_assert_false (cl_survey_store_save_answer (f->store, answer, CL_ROLE_ESCORT, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cl_survey_store_save_answer (f->store, answer, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_no_error (error);

  /* An anonymous campaign's answer names no one. */
  staff_answer = new_answer (anonymous, "staff", people.staff, people.department, STAFF_ANSWERS);
  {
    g_autoptr(GHashTable) errors = NULL;

    g_assert_false (cl_survey_store_save_answer (f->store, staff_answer, CL_ROLE_SERVICE_DESK, &errors, &error));
    g_assert_cmpstr (g_hash_table_lookup (errors, "person_id"), ==,
                     "This survey is anonymous: its answers name no one");
    g_clear_error (&error);
  }
  cl_survey_answer_set_person_kind (staff_answer, NULL);
  cl_survey_answer_set_person_id (staff_answer, NULL);
  g_assert_true (cl_survey_store_save_answer (f->store, staff_answer, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);

  /* Once closed, the campaign takes no more. */
  cl_survey_campaign_set_status (anonymous, "closed");
  g_assert_true (cl_survey_store_save_campaign (f->store, anonymous, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_clear_object (&staff_answer);
  staff_answer = new_answer (anonymous, NULL, NULL, people.department, STAFF_ANSWERS);
  {
    g_autoptr(GHashTable) errors = NULL;

    g_assert_false (cl_survey_store_save_answer (f->store, staff_answer, CL_ROLE_SERVICE_DESK, &errors, &error));
    g_assert_cmpstr (g_hash_table_lookup (errors, "campaign_id"), ==,
                     "This campaign is closed and takes no more answers");
  }
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM survey_answer"), ==, 2);
  answers = cl_store_survey_answers_of_campaign (f->store, cl_record_get_id (CL_RECORD (campaign)));
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (cl_survey_answer_get_channel (g_ptr_array_index (answers, 0)), ==, "desk");
}

#define DISCHARGE_ANSWERS \
  "{\"recovery\":true,\"education\":true,\"education-clear\":5,\"followup\":true,\"doctors\":4," \
  "\"nurses\":5,\"ward\":4,\"meals\":3,\"discharge\":5,\"overall\":5}"

static void
test_discharge_answers (CLTestStoreFixture *f,
                        gconstpointer       data)
{
  g_auto(People) people = { NULL, };
  g_autoptr(CLDischarge) discharge = cl_discharge_new ();
  g_autoptr(CLSurveyCampaign) call_campaign = NULL;
  g_autoptr(CLSurveyCampaign) staff_campaign = NULL;
  g_autoptr(CLSurveyCampaign) found = NULL;
  g_autoptr(CLSurveyAnswer) answer = NULL;
  g_autoptr(GPtrArray) given = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 now = cl_schedule_now ();

  make_people (f->store, &people);
  cl_discharge_set_name (discharge, "林秀英");
  cl_discharge_set_phone (discharge, "13800138066");
  cl_discharge_set_id_number (discharge, "350203199005120046");
  cl_discharge_set_department_id (discharge, people.department);
  cl_discharge_set_admitted_on (discharge, "2026-11-15");
  cl_discharge_set_discharged_on (discharge, "2026-11-20");
  cl_discharge_set_diagnosis (discharge, "足月顺产");
  cl_discharge_set_source (discharge, "csv");
  cl_discharge_store_prepare (f->store, discharge);
  g_assert_true (cl_discharge_store_save (f->store, discharge, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  name = cl_survey_store_person_name (f->store, CL_SURVEY_KIND_DISCHARGE, cl_record_get_id (CL_RECORD (discharge)));
  g_assert_cmpstr (name, ==, "林秀英");

  /* No campaign of the follow-up yet: none is found. */
  g_assert_null (cl_survey_store_discharge_campaign (f->store, now));
  call_campaign = new_campaign (CL_SURVEY_DISCHARGE_TEMPLATE, "patient", people.patient);
  g_assert_true (cl_survey_store_save_campaign (f->store, call_campaign, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  found = cl_survey_store_discharge_campaign (f->store, now);
  g_assert_nonnull (found);
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (found)), ==, cl_record_get_id (CL_RECORD (call_campaign)));
  /* The next quarter has none. */
  g_assert_null (cl_survey_store_discharge_campaign (f->store, now + 60 * 86400));

  /* A discharge that does not exist is refused, one that does is taken. */
  answer = new_answer (call_campaign, CL_SURVEY_KIND_DISCHARGE, "e1000000-0000-0000-0000-000000000298",
                       people.department, DISCHARGE_ANSWERS);
  answer_refused_at (f->store, answer, "person_id", "There is no such discharge");
  cl_survey_answer_set_person_id (answer, cl_record_get_id (CL_RECORD (discharge)));
  g_assert_true (cl_survey_store_save_answer (f->store, answer, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  given = cl_store_survey_answers_by (f->store, CL_SURVEY_KIND_DISCHARGE, cl_record_get_id (CL_RECORD (discharge)));
  g_assert_cmpuint (given->len, ==, 1);

  /* Not in a staff survey. */
  staff_campaign = new_campaign ("staff-support", "staff", people.staff);
  g_assert_true (cl_survey_store_save_campaign (f->store, staff_campaign, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&answer);
  answer = new_answer (staff_campaign, CL_SURVEY_KIND_DISCHARGE, cl_record_get_id (CL_RECORD (discharge)),
                       people.department, STAFF_ANSWERS);
  {
    g_autoptr(GHashTable) errors = NULL;

    g_assert_false (cl_survey_store_save_answer (f->store, answer, CL_ROLE_SERVICE_DESK, &errors, &error));
    g_clear_error (&error);
    g_assert_cmpstr (g_hash_table_lookup (errors, "person_id"), ==, "This survey is for staff: ask staff members only");
  }
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM survey_answer"), ==, 1);

  /* A closed campaign is not the one to answer. */
  cl_survey_campaign_set_status (call_campaign, "closed");
  g_assert_true (cl_survey_store_save_campaign (f->store, call_campaign, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (cl_survey_store_discharge_campaign (f->store, now));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey-rules/quarters", test_quarters);
  cl_test_store_add ("/survey-rules/campaign", test_campaign_rules);
  cl_test_store_add ("/survey-rules/answer", test_answer_rules);
  cl_test_store_add ("/survey-rules/discharge", test_discharge_answers);
  return g_test_run ();
}
