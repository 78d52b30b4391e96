/* The Service Desk's Discharge Calls page, as real GTK widgets under
 * Xvfb on a real demo store, in English and in Chinese: a CSV export
 * with a wrong row refused whole in Import Discharges…, each wrong row
 * listed and nothing written; the corrected file imported, its calls
 * listed by their due day, the overdue one in red with words and the
 * count of those due above; Record Call… refusing a time that is no
 * time at its field, then three no answers closing a call, which moves
 * below the open ones and takes no further call; a reached call with
 * no follow-up survey open saying so; once one is open, a patient
 * reached and her survey answers recorded next (by phone, naming the
 * discharge), the list saying she answered; another reached without
 * them, answered later with Answer Survey…; a role that may not read the list finds the page off.  The Now page
 * counts the calls due and leads to them.  Screenshots at
 * 1024 × 768. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-desk-view.h"
#include "cl-discharge-call-dialog.h"
#include "cl-discharge-calls-page.h"
#include "cl-discharge-import-dialog.h"
#include "cl-roster-view.h"
#include "cl-survey-answer-dialog.h"
#include "cl-survey-store.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;

#define HEADER "姓名,联系电话,身份证号,出院科室,入院日期,出院日期,出院诊断\n"
#define LIN    "林秀英,13800138066,350203199005120046,产科一病区,2026-11-15,2026-11-18,足月顺产\n"
#define CHEN   "陈芳,13800138010,350203198811030024,产科一病区,2026-11-14,2026-11-20,剖宫产术后\n"
#define WU     "吴敏,13800138011,350203199502200063,产科一病区,2026-11-16,2026-11-22,妊娠期糖尿病\n"
#define WU_BAD "吴敏,13800138011,350203199502200063,产科一病区,2026-11-22,2026-11-16,妊娠期糖尿病\n"

static gint64
count (CLStore    *store,
       const char *sql)
{
  return cl_test_store_count (store, sql);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
record_call (CLDischargeCallsPage *page,
             guint                 row,
             guint                 outcome,
             const char           *at)
{
  CLDischargeCallDialog *dialog = CL_DISCHARGE_CALL_DIALOG (cl_discharge_calls_page_open_call (page, row));
  gpointer weak = dialog;

  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (GTK_EDITABLE (cl_discharge_call_dialog_get_field (dialog, "called_at")), at);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_discharge_call_dialog_get_field (dialog, "outcome")), outcome);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (cl_discharge_call_dialog_save (dialog));
  cl_test_ui_wait_until (window_gone, &weak);
}

static char *
cell (CLDischargeCallsPage *page,
      guint                 row,
      ClDischargeColumn     column,
      gboolean             *flagged)
{
  return cl_discharge_calls_page_dup_cell (page, row, column, flagged);
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static char *
short_date (const char *iso)
{
  GDate today;

  cl_date_today (&today);
  return cl_date_format_iso (iso, CL_DATE_SHORT, &today);
}

static void
test_discharge_calls (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLStore *store = cl_context_get_store (context);
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLDischargeCallsPage *page = CL_DISCHARGE_CALLS_PAGE (cl_desk_view_get_page (view, "discharge-calls"));
  g_autoptr(CLDepartment) ward = cl_department_new ();
  g_autoptr(GBytes) bad = g_bytes_new_static (HEADER LIN CHEN WU_BAD, strlen (HEADER LIN CHEN WU_BAD));
  g_autoptr(GBytes) good = g_bytes_new_static (HEADER LIN CHEN WU, strlen (HEADER LIN CHEN WU));
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  CLDischargeImportDialog *import;
  CLDischargeCallDialog *dialog;
  gpointer weak;
  gboolean flagged = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_department_set_name (ward, "产科一病区");
  cl_test_department_save (store, ward);
  cl_context_set_user (context, "desk", "service_desk");
  cl_window_show_view (window, "desk");
  cl_desk_view_show_page (view, "discharge-calls");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  g_assert_cmpuint (cl_discharge_calls_page_get_n_rows (page), ==, 0);

  /* A discharge before its admission in row 4: nothing imported, the
   * row named. */
  import = CL_DISCHARGE_IMPORT_DIALOG (cl_discharge_calls_page_open_import (page));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, import);
  g_assert_false (cl_discharge_import_dialog_import_bytes (import, bad));
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem in the file; nothing was imported",
                                           "%u problems in the file; nothing was imported", 1), 1);
  g_assert_cmpstr (cl_discharge_import_dialog_get_result (import), ==, expected);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpuint (cl_discharge_import_dialog_get_n_problems (import), ==, 1);
  expected = g_strdup_printf (_("Row %u: %s"), 4, _("The discharge is before the admission"));
  g_assert_cmpstr (cl_discharge_import_dialog_get_problem (import, 0), ==, expected);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (count (store, "SELECT count(*) FROM discharge"), ==, 0);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (import), "discharge-import-problems");

  /* Corrected: all three, in one go. */
  g_assert_true (cl_discharge_import_dialog_import_bytes (import, good));
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u discharge imported; its call is on the list",
                                           "%u discharges imported; their calls are on the list", 3), 3);
  g_assert_cmpstr (cl_discharge_import_dialog_get_result (import), ==, expected);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpuint (cl_discharge_import_dialog_get_n_problems (import), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM discharge WHERE source = 'csv'"), ==, 3);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (import), "discharge-import-done");
  weak = import;
  g_object_add_weak_pointer (G_OBJECT (import), &weak);
  gtk_window_close (GTK_WINDOW (import));
  cl_test_ui_wait_until (window_gone, &weak);

  /* Today is 23 November: 林秀英's call (due the 21st) overdue, 陈芳's
   * due today, 吴敏's on the 25th. */
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_discharge_calls_page_get_n_rows (page), ==, 3);
  text = cell (page, 0, CL_DISCHARGE_COL_NAME, NULL);
  g_assert_cmpstr (text, ==, "林秀英");
  g_clear_pointer (&text, g_free);
  day = short_date ("2026-11-21");
  expected = g_strdup_printf (_("%s, overdue"), day);
  text = cell (page, 0, CL_DISCHARGE_COL_DUE, &flagged);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (flagged);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&day, g_free);
  day = short_date ("2026-11-23");
  expected = g_strdup_printf (_("%s, due today"), day);
  text = cell (page, 1, CL_DISCHARGE_COL_DUE, &flagged);
  g_assert_cmpstr (text, ==, expected);
  g_assert_false (flagged);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&day, g_free);
  text = cell (page, 2, CL_DISCHARGE_COL_DEPARTMENT, NULL);
  g_assert_cmpstr (text, ==, "产科一病区");
  g_clear_pointer (&text, g_free);
  text = cell (page, 2, CL_DISCHARGE_COL_CALLS, NULL);
  g_assert_cmpstr (text, ==, _("Not yet called"));
  g_clear_pointer (&text, g_free);
  expected = g_strdup_printf (_("Due now: %u · Open: %u"), 2, 3);
  g_assert_cmpstr (cl_discharge_calls_page_get_summary (page), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* The Now page counts the calls due and leads to them. */
  cl_desk_view_show_page (view, "now");
  cl_test_ui_settle (200);
  expected = g_strdup_printf (_("Discharge calls due now: %u"), 2);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), expected));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "discharge-now-1024");
  {
    GtkWidget *label = cl_test_ui_find_widget_where (GTK_WIDGET (view), label_is, expected);
    GtkWidget *button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  g_clear_pointer (&expected, g_free);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* Record Call…: a time that is no time is refused at its field. */
  dialog = CL_DISCHARGE_CALL_DIALOG (cl_discharge_calls_page_open_call (page, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (GTK_EDITABLE (cl_discharge_call_dialog_get_field (dialog, "called_at")), "刚才");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_discharge_call_dialog_get_field (dialog, "outcome")), 1);
  g_assert_false (cl_discharge_call_dialog_save (dialog));
  g_assert_cmpstr (cl_discharge_call_dialog_get_error (dialog, "called_at"), ==,
                   _("Enter the time as HH:MM or YYYY-MM-DD HH:MM"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM discharge_call"), ==, 0);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "discharge-call");
  gtk_window_close (GTK_WINDOW (dialog));

  /* Three no answers close 林秀英's call; it moves below the open ones. */
  record_call (page, 0, 1, "08:30");
  record_call (page, 0, 1, "09:10");
  g_assert_cmpint (count (store, "SELECT count(*) FROM discharge_call WHERE caller = 'desk' AND outcome = 'no_answer'"),
                   ==, 2);
  text = cell (page, 0, CL_DISCHARGE_COL_CALLS, NULL);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No answer once", "No answer %u times", 2), 2);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  record_call (page, 0, 1, "09:40");
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_discharge_calls_page_get_n_rows (page), ==, 3);
  text = cell (page, 2, CL_DISCHARGE_COL_NAME, NULL);
  g_assert_cmpstr (text, ==, "林秀英");
  g_clear_pointer (&text, g_free);
  text = cell (page, 2, CL_DISCHARGE_COL_CALLS, NULL);
  g_assert_cmpstr (text, ==, _("Closed after three calls unanswered"));
  g_clear_pointer (&text, g_free);
  text = cell (page, 2, CL_DISCHARGE_COL_DUE, &flagged);
  g_assert_false (flagged);
  g_clear_pointer (&text, g_free);
  g_assert_null (cl_discharge_calls_page_open_call (page, 2));

  /* Reached, with no follow-up survey open this quarter: said in words,
   * no check to tick. */
  dialog = CL_DISCHARGE_CALL_DIALOG (cl_discharge_calls_page_open_call (page, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_discharge_call_dialog_get_field (dialog, "outcome")), 0);
  g_assert_true (gtk_widget_get_visible (cl_discharge_call_dialog_get_survey_row (dialog, FALSE)));
  g_assert_false (gtk_widget_get_visible (cl_discharge_call_dialog_get_survey_row (dialog, TRUE)));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog),
                                        _("No discharge follow-up survey is open this quarter: start one under Quality → Surveys")));
  g_assert_null (cl_discharge_call_dialog_get_survey (dialog));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "discharge-call-no-survey");
  gtk_window_close (GTK_WINDOW (dialog));

  /* The quality office opens this quarter's follow-up survey. */
  {
    g_autoptr(CLSurveyCampaign) campaign = cl_survey_campaign_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *quarter = cl_survey_quarter_of (cl_context_get_now (context));

    cl_survey_campaign_set_template_id (campaign, CL_SURVEY_DISCHARGE_TEMPLATE);
    cl_survey_campaign_set_quarter (campaign, quarter);
    cl_survey_campaign_set_title (campaign, "出院回访");
    cl_survey_campaign_set_target (campaign, 50);
    cl_survey_campaign_set_people (campaign, "[]");
    g_assert_true (cl_survey_store_save_campaign (store, campaign, "service_desk", NULL, &error));
    g_assert_no_error (error);
  }

  /* 陈芳 reached, her answers recorded next. */
  dialog = CL_DISCHARGE_CALL_DIALOG (cl_discharge_calls_page_open_call (page, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (GTK_EDITABLE (cl_discharge_call_dialog_get_field (dialog, "called_at")), "09:50");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_discharge_call_dialog_get_field (dialog, "outcome")), 1);
  g_assert_false (gtk_widget_get_visible (cl_discharge_call_dialog_get_survey_row (dialog, TRUE)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_discharge_call_dialog_get_field (dialog, "outcome")), 0);
  g_assert_true (gtk_widget_get_visible (cl_discharge_call_dialog_get_survey_row (dialog, TRUE)));
  g_assert_false (gtk_widget_get_visible (cl_discharge_call_dialog_get_survey_row (dialog, FALSE)));
  g_assert_nonnull (cl_discharge_call_dialog_get_survey (dialog));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "discharge-call-survey");
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (cl_discharge_call_dialog_save (dialog));
  cl_test_ui_wait_until (window_gone, &weak);
  {
    CLSurveyAnswerDialog *survey = CL_SURVEY_ANSWER_DIALOG (cl_discharge_calls_page_get_survey_dialog (page));
    const char *yes_no[] = { "recovery", "education", "followup" };
    const char *marks[] = { "education-clear", "doctors", "nurses", "ward", "meals", "discharge", "overall" };

    g_assert_nonnull (survey);
    cl_test_ui_wait_until (cl_test_ui_widget_drawn, survey);
    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (survey), "陈芳"));
    for (guint i = 0; i < G_N_ELEMENTS (yes_no); i++)
      cl_survey_answer_dialog_set_mark (survey, yes_no[i], 1);
    for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
      cl_survey_answer_dialog_set_mark (survey, marks[i], 4);
    cl_test_ui_settle (300);
    cl_test_ui_save_screenshot (GTK_WIDGET (survey), "discharge-survey");
    weak = survey;
    g_object_add_weak_pointer (G_OBJECT (survey), &weak);
    g_assert_true (cl_survey_answer_dialog_save (survey));
    cl_test_ui_wait_until (window_gone, &weak);
  }
  g_assert_cmpint (count (store, "SELECT count(*) FROM survey_answer a JOIN discharge d ON d.id = a.person_id"
                          " WHERE a.person_kind = 'discharge' AND a.channel = 'phone' AND d.name = '陈芳'"
                          " AND a.department_id = d.department_id"), ==, 1);
  cl_test_ui_settle (200);
  text = cell (page, 0, CL_DISCHARGE_COL_NAME, NULL);
  g_assert_cmpstr (text, ==, "吴敏");
  g_clear_pointer (&text, g_free);
  text = cell (page, 1, CL_DISCHARGE_COL_CALLS, NULL);
  expected = g_strdup_printf (_("%s · %s"), _("Reached"), _("survey answered"));
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (count (store, "SELECT count(*) FROM discharge_call WHERE outcome = 'reached'"), ==, 1);
  expected = g_strdup_printf (_("Due now: %u · Open: %u"), 0, 1);
  g_assert_cmpstr (cl_discharge_calls_page_get_summary (page), ==, expected);
  g_clear_pointer (&expected, g_free);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "discharge-1024");

  /* 吴敏 reached but her answers not taken on the call: Answer Survey…
   * takes them later; 陈芳, who answered, is not asked again. */
  dialog = CL_DISCHARGE_CALL_DIALOG (cl_discharge_calls_page_open_call (page, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (GTK_EDITABLE (cl_discharge_call_dialog_get_field (dialog, "called_at")), "09:55");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_discharge_call_dialog_get_field (dialog, "outcome")), 0);
  adw_action_row_activate (ADW_ACTION_ROW (cl_discharge_call_dialog_get_survey_row (dialog, TRUE)));
  g_assert_null (cl_discharge_call_dialog_get_survey (dialog));
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (cl_discharge_call_dialog_save (dialog));
  cl_test_ui_wait_until (window_gone, &weak);
  cl_test_ui_settle (200);
  text = cell (page, 0, CL_DISCHARGE_COL_NAME, NULL);
  g_assert_cmpstr (text, ==, "吴敏");
  g_clear_pointer (&text, g_free);
  text = cell (page, 0, CL_DISCHARGE_COL_CALLS, NULL);
  expected = g_strdup_printf (_("%s · %s"), _("Reached"), _("no survey answers"));
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&text, g_free);
  g_assert_null (cl_discharge_calls_page_open_survey (page, 1));
  {
    CLSurveyAnswerDialog *survey = CL_SURVEY_ANSWER_DIALOG (cl_discharge_calls_page_open_survey (page, 0));
    const char *yes_no[] = { "recovery", "education", "followup" };
    const char *marks[] = { "education-clear", "doctors", "nurses", "ward", "meals", "discharge", "overall" };

    g_assert_nonnull (survey);
    cl_test_ui_wait_until (cl_test_ui_widget_drawn, survey);
    for (guint i = 0; i < G_N_ELEMENTS (yes_no); i++)
      cl_survey_answer_dialog_set_mark (survey, yes_no[i], 0);
    for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
      cl_survey_answer_dialog_set_mark (survey, marks[i], 2);
    weak = survey;
    g_object_add_weak_pointer (G_OBJECT (survey), &weak);
    g_assert_true (cl_survey_answer_dialog_save (survey));
    cl_test_ui_wait_until (window_gone, &weak);
  }
  g_assert_cmpint (count (store, "SELECT count(*) FROM survey_answer a JOIN discharge d ON d.id = a.person_id"
                          " WHERE a.person_kind = 'discharge' AND a.channel = 'phone' AND d.name = '吴敏'"), ==, 1);
  cl_test_ui_settle (200);
  text = cell (page, 0, CL_DISCHARGE_COL_CALLS, NULL);
  expected = g_strdup_printf (_("%s · %s"), _("Reached"), _("survey answered"));
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&text, g_free);
  g_assert_null (cl_discharge_calls_page_open_survey (page, 0));

  /* A case manager may not read the list: the page is off. */
  cl_context_set_user (context, "cm", "case_manager");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page)));
  g_assert_cmpuint (cl_discharge_calls_page_get_n_rows (page), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T10:00:00", TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-discharge", 30, 17);

  g_test_add_func ("/ui/discharge/import-and-calls", test_discharge_calls);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
