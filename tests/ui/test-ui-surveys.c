/* The Service Desk's Surveys page, as real GTK widgets under Xvfb on a
 * real demo store, in English and in Chinese: New Campaign… refusing a
 * target that is no number at its field (nothing written), then
 * starting the outpatients' survey of the quarter asking a patient of
 * the roster; Record Answer… built from the survey's questions,
 * refusing a required question left blank and a missing department,
 * then saving, the progress counting it; the results pane per
 * department with the trend chart and its spoken summary; an anonymous
 * staff survey with too few answers showing no result for the
 * department; Close Campaign stopping answers.  Screenshots at
 * 1024 × 768. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-quality-view.h"
#include "cl-roster-view.h"
#include "cl-store-directory.h"
#include "cl-survey-answer-dialog.h"
#include "cl-survey-campaign-dialog.h"
#include "cl-survey-catalog.h"
#include "cl-survey-chart.h"
#include "cl-survey-link-dialog.h"
#include "cl-survey-store.h"
#include "cl-surveys-page.h"
#include "cl-patient-store.h"
#include "cl-test-server.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

#define PASSWORD "a long enough password"

static char *data_dir;

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
link_made (gpointer data)
{
  return !cl_survey_link_dialog_is_busy (data);
}

static gboolean
server_has_campaign (gpointer data)
{
  return cl_test_db_count (data, "SELECT count(*) FROM survey_campaign") == 1;
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
save_and_wait (gpointer   dialog,
               gboolean (*save) (gpointer))
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (save (dialog));
  cl_test_ui_wait_until (window_gone, &weak);
}

static const char *
question_text (const char *template_id,
               const char *question_id)
{
  CLSurveyTemplate *template = cl_survey_catalog_lookup (template_id);

  return cl_local_text_get (cl_survey_template_lookup_question (template, question_id)->text, NULL);
}

static void
test_surveys (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLStore *store = cl_context_get_store (context);
  CLQualityView *view = CL_QUALITY_VIEW (cl_window_get_quality_view (window));
  CLSurveysPage *page = CL_SURVEYS_PAGE (cl_quality_view_get_page (view, "surveys"));
  g_autofree char *patient = cl_test_store_newest_patient_id (store);
  g_autofree char *patient_name = cl_survey_store_person_name (store, "patient", patient);
  g_autoptr(GPtrArray) departments = cl_store_departments (store, TRUE);
  const char *department = cl_record_get_id (g_ptr_array_index (departments, 0));
  g_autofree char *expected = NULL;
  CLSurveyCampaignDialog *campaign_dialog;
  CLSurveyAnswerDialog *answer_dialog;
  CLSurveyResults *results;
  static const char * const marks[] = { "guide", "registration", "wait", "doctor", "nurse", "tests", "clean" };

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_context_set_user (context, "desk", "service_desk");
  cl_window_show_view (window, "quality");
  cl_quality_view_show_page (view, "surveys");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  g_assert_cmpstr (cl_surveys_page_get_quarter (page), ==, "2026-Q4");
  g_assert_cmpuint (cl_surveys_page_get_n_rows (page), ==, 0);

  /* A target that is no number: refused at its field, nothing written. */
  campaign_dialog = CL_SURVEY_CAMPAIGN_DIALOG (cl_surveys_page_open_new (page));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, campaign_dialog);
  cl_survey_campaign_dialog_set_template (campaign_dialog, "outpatient");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_survey_campaign_dialog_get_field (campaign_dialog, "title"))),
                   ==, cl_survey_template_get_title (cl_survey_catalog_lookup ("outpatient"), NULL));
  /* The outpatients' survey names who answered: not anonymous. */
  g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_ancestor (
                    cl_survey_campaign_dialog_get_field (campaign_dialog, "anonymous"), ADW_TYPE_ACTION_ROW)));
  gtk_editable_set_text (GTK_EDITABLE (cl_survey_campaign_dialog_get_field (campaign_dialog, "target")), "很多");
  g_assert_false (cl_survey_campaign_dialog_save (campaign_dialog));
  g_assert_cmpstr (cl_survey_campaign_dialog_get_error (campaign_dialog, "target"), ==,
                   _("Enter how many answers are wanted, at least 1"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM survey_campaign"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (cl_survey_campaign_dialog_get_field (campaign_dialog, "target")), "50");
  cl_survey_campaign_dialog_add_person (campaign_dialog, "patient", patient, patient_name);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (campaign_dialog), "surveys-campaign");
  save_and_wait (campaign_dialog, (gpointer) cl_survey_campaign_dialog_save);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM survey_campaign WHERE template_id = 'outpatient'"
                                               " AND quarter = '2026-Q4' AND target = 50 AND anonymous = 0"
                                               " AND status = 'open'"), ==, 1);
  g_assert_cmpuint (cl_surveys_page_get_n_rows (page), ==, 1);
  g_assert_cmpuint (cl_surveys_page_get_n_answers (page, 0), ==, 0);

  /* Record Answer…: the first question left blank, then no department. */
  cl_surveys_page_select (page, 0);
  answer_dialog = CL_SURVEY_ANSWER_DIALOG (cl_surveys_page_open_answer (page));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, answer_dialog);
  for (guint i = 1; i < G_N_ELEMENTS (marks); i++)
    cl_survey_answer_dialog_set_mark (answer_dialog, marks[i], 4);
  cl_survey_answer_dialog_set_mark (answer_dialog, "overall", 5);
  cl_survey_answer_dialog_set_mark (answer_dialog, "privacy", 1);
  cl_survey_answer_dialog_set_mark (answer_dialog, "gift", 0);
  cl_survey_answer_dialog_set_mark (answer_dialog, "recommend", 1);
  cl_survey_answer_dialog_set_text (answer_dialog, "opinion", "候诊区座位再多一些");
  g_assert_false (cl_survey_answer_dialog_save (answer_dialog));
  expected = g_strdup_printf (_("Answer “%s”"), question_text ("outpatient", "guide"));
  g_assert_cmpstr (cl_survey_answer_dialog_get_error (answer_dialog, "answers"), ==, expected);
  g_assert_cmpstr (cl_survey_answer_dialog_get_error (answer_dialog, "department_id"), ==,
                   _("Choose the department the answers are about"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM survey_answer"), ==, 0);
  cl_survey_answer_dialog_set_mark (answer_dialog, "guide", 5);
  cl_survey_answer_dialog_set_department (answer_dialog, department);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (answer_dialog), "surveys-answer");
  save_and_wait (answer_dialog, (gpointer) cl_survey_answer_dialog_save);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM survey_answer WHERE channel = 'desk'"
                                               " AND person_kind = 'patient'"
                                               " AND answers LIKE '%\"guide\":5%'"
                                               " AND answers LIKE '%\"privacy\":true%'"
                                               " AND answers LIKE '%候诊区座位再多一些%'"), ==, 1);
  g_assert_cmpuint (cl_surveys_page_get_n_answers (page, 0), ==, 1);
  g_free (expected);
  expected = g_strdup_printf (_("%u of %u (%u%%)"), 1, 50, 2);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), expected));

  /* The results of the quarter: the whole hospital and the department,
   * and the department's trend, read out in words. */
  results = cl_surveys_page_get_results (page);
  g_assert_nonnull (results);
  g_assert_cmpuint (cl_survey_results_lookup (results, "")->n_answers, ==, 1);
  /* Marks: guide 5, six of 4, overall 5: 34 / 8 = 4.25 → 4.3. */
  g_assert_cmpint (cl_survey_results_lookup (results, department)->mean_tenths, ==, 43);
  cl_surveys_page_select_department (page, department);
  cl_test_ui_settle (200);
  g_free (expected);
  {
    g_autofree char *quarter = cl_survey_quarter_label ("2026-Q4");

    expected = g_strdup_printf (_("; %s: %s"), quarter, "4.3");
  }
  cl_test_assert_contains (cl_survey_chart_get_summary (CL_SURVEY_CHART (cl_surveys_page_get_chart (page))), expected);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), "4.3"));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "surveys");

  /* An anonymous staff survey with two answers for a department: no
   * result for it. */
  {
    g_autoptr(CLSurveyCampaign) staff = cl_survey_campaign_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *withheld = g_strdup_printf (_("Fewer than %d answers"), CL_SURVEY_MIN_ANONYMOUS);

    cl_survey_campaign_set_template_id (staff, "staff-support");
    cl_survey_campaign_set_quarter (staff, "2026-Q4");
    cl_survey_campaign_set_title (staff, "医技科室评议");
    cl_survey_campaign_set_target (staff, 40);
    cl_survey_campaign_set_anonymous (staff, TRUE);
    g_assert_true (cl_survey_store_save_campaign (store, staff, "service_desk", NULL, &error));
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(CLSurveyAnswer) answer = cl_survey_answer_new ();

        cl_survey_answer_set_campaign_id (answer, cl_record_get_id (CL_RECORD (staff)));
        cl_survey_answer_set_channel (answer, "desk");
        cl_survey_answer_set_answered_at (answer, cl_context_get_now (context) - 60);
        cl_survey_answer_set_department_id (answer, department);
        cl_survey_answer_set_answers (answer, "{\"attitude\":4,\"timely\":4,\"quality\":4,\"communication\":4,"
                                              "\"critical\":true,\"rules\":4,\"overall\":4}");
        g_assert_true (cl_survey_store_save_answer (store, answer, "service_desk", NULL, &error));
      }
    g_assert_no_error (error);
    g_assert_cmpuint (cl_surveys_page_get_n_rows (page), ==, 2);
    for (guint i = 0; i < 2; i++)
      if (g_str_equal (cl_survey_campaign_get_template_id (cl_surveys_page_get_campaign (page, i)), "staff-support"))
        cl_surveys_page_select (page, i);
    cl_test_ui_settle (300);
    g_assert_true (cl_survey_results_lookup (cl_surveys_page_get_results (page), department)->withheld);
    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), withheld));
    cl_test_ui_save_screenshot (GTK_WIDGET (window), "surveys-anonymous");
  }

  /* Closed, the outpatients' campaign takes no more answers. */
  for (guint i = 0; i < 2; i++)
    if (g_str_equal (cl_survey_campaign_get_template_id (cl_surveys_page_get_campaign (page, i)), "outpatient"))
      cl_surveys_page_select (page, i);
  g_assert_true (cl_surveys_page_close_selected (page));
  cl_test_ui_settle (200);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM survey_campaign WHERE template_id = 'outpatient'"
                                               " AND status = 'closed'"), ==, 1);
  /* Open ones first: the closed one is now second, and selected it offers no Record Answer…. */
  g_assert_true (cl_survey_campaign_is_open (cl_surveys_page_get_campaign (page, 0)));
  cl_surveys_page_select (page, 1);
  g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_SURVEY_ANSWER_DIALOG));

  /* A role that may not read the surveys finds the page off. */
  cl_context_set_user (context, "li", "escort");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page)));
  cl_context_set_user (context, "desk", "service_desk");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Send Link… against the real careline-server: not offered on a desk
 * without a server; logged in, the link for the campaign's patient is
 * made by the server and shown, and her page there is the survey. */
static void
test_link (void)
{
  const char *server_binary = cl_test_server_binary ();
  g_autofree char *link_dir = cl_test_make_tmp_dir ("ui-surveys-link");
  g_autofree char *server_dir = cl_test_make_tmp_dir ("ui-surveys-link-server");
  g_autofree char *server_db = g_build_filename (server_dir, "careline.db", NULL);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLSurveyCampaign) campaign = cl_survey_campaign_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *kinds[] = { "patient" };
  const char *ids[1];
  CLSurveyLinkDialog *dialog;
  CLSurveysPage *page;
  CLQualityView *view;
  CLWindow *window;
  CLStore *store;

  g_assert_nonnull (server_binary);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "desk",
                                           "--role", "service_desk", "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);
  window = CL_WINDOW (cl_test_ui_open_window (link_dir));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  store = cl_window_get_store (window);
  cl_patient_set_name (patient, "张小梅");
  cl_patient_set_phone (patient, "13800138000");
  g_assert_true (cl_patient_store_save (store, patient, NULL, NULL, &error));
  ids[0] = cl_record_get_id (CL_RECORD (patient));
  cl_survey_campaign_set_template_id (campaign, "discharge-call");
  cl_survey_campaign_set_quarter (campaign, "2026-Q4");
  cl_survey_campaign_set_title (campaign, "出院回访");
  cl_survey_campaign_set_target (campaign, 30);
  cl_survey_campaign_set_people_list (campaign, kinds, ids, 1);
  g_assert_true (cl_survey_store_save_campaign (store, campaign, "service_desk", NULL, &error));
  g_assert_no_error (error);

  view = CL_QUALITY_VIEW (cl_window_get_quality_view (window));
  page = CL_SURVEYS_PAGE (cl_quality_view_get_page (view, "surveys"));
  cl_context_set_user (cl_window_get_context (window), "desk", "service_desk");
  cl_window_show_view (window, "quality");
  cl_quality_view_show_page (view, "surveys");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  cl_surveys_page_select (page, 0);
  /* No server: no link. */
  g_assert_false (gtk_widget_get_sensitive (cl_test_ui_find_widget_where (GTK_WIDGET (page), button_labelled,
                                                                          _("Send _Link…"))));

  cl_test_ui_log_in (GTK_WIDGET (window), url, "desk", PASSWORD);
  cl_test_ui_wait_until (server_has_campaign, server_db);
  cl_surveys_page_select (page, 0);
  dialog = CL_SURVEY_LINK_DIALOG (cl_surveys_page_open_link (page));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_cmpuint (cl_survey_link_dialog_get_n_patients (dialog), ==, 1);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), "张小梅"));
  cl_survey_link_dialog_create (dialog);
  cl_test_ui_wait_until (link_made, dialog);
  g_assert_nonnull (cl_survey_link_dialog_get_url (dialog));
  g_assert_true (g_str_has_prefix (cl_survey_link_dialog_get_url (dialog), url));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), cl_survey_link_dialog_get_url (dialog)));
  g_assert_cmpint (cl_test_db_count (server_db, "SELECT count(*) FROM patient_link WHERE form_kind = 'survey'"), ==, 1);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "surveys-link");
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", cl_survey_link_dialog_get_url (dialog));
    g_autoptr(GBytes) body = NULL;
    g_autofree char *html = NULL;
    guint status = 0;

    body = cl_test_api_send (msg, &status);
    g_assert_cmpuint (status, ==, 200);
    html = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    /* Her page, in Chinese: the survey's title and her given name only. */
    cl_test_assert_contains (html, "出院患者电话回访");
    cl_test_assert_contains (html, "小梅");
    g_assert_null (strstr (html, "张小梅"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_stop_server (&server);
  cl_test_remove_tree (link_dir);
  cl_test_remove_tree (server_dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T10:00:00", TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-surveys", 30, 17);

  g_test_add_func ("/ui/surveys/campaign-answer-results", test_surveys);
  g_test_add_func ("/ui/surveys/link", test_link);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
