/* Filling a scale at the desk, as real GTK widgets under Xvfb on a real
 * demo store at 1024 × 768, in English and in Chinese: "Fill Scale…" on
 * her page opens the EPDS in the interface language, Save waits until
 * every item is answered (the hint counts what is left), and an answer
 * of self-harm is stored, shown on her page with its flag, and puts an
 * urgent item due today on her case manager's Today list. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-followup-record.h"
#include "cl-patient-page.h"
#include "cl-roster-view.h"
#include "cl-scale-dialog.h"
#include "cl-scale-list.h"
#include "cl-scale-record.h"
#include "cl-store-followup.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-today-view.h"
#include "cl-window.h"

static char *data_dir;

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_results (gpointer data)
{
  return cl_scale_list_get_n_results (data) > 0;
}

static char *
left_hint (guint left)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item left to answer", "%u items left to answer", left),
                          left);
}

static void
test_fill_epds (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLTodayView *view = CL_TODAY_VIEW (cl_window_get_today_view (window));
  CLStore *store = cl_window_get_store (window);
  CLScale *epds = cl_scale_lookup ("epds");
  /* Calm answers to items 1-9, and "Hardly ever" to item 10 ("The
   * thought of harming myself has occurred to me"). */
  static const guint answers[10] = { 0, 0, 3, 0, 3, 3, 3, 3, 3, 2 };
  g_autofree char *owner = NULL;
  g_autofree char *patient = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *today_iso = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) open = NULL;
  CLFollowupRecord *urgent = NULL;
  CLPatientPage *page;
  CLScaleList *list;
  CLScaleDialog *dialog;
  GtkWidget *save;
  GDate today;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  owner = g_strdup (cl_today_view_get_owner_id (view));
  g_assert_nonnull (owner);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM patient WHERE case_manager_id = '%s'"
                                            " AND deleted = 0 LIMIT 1", owner);

    patient = cl_test_store_text (store, sql);
  }
  g_assert_nonnull (patient);

  cl_window_show_patient (window, patient);
  cl_test_ui_settle (400);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  g_assert_nonnull (page);
  list = CL_SCALE_LIST (cl_test_ui_find_widget (GTK_WIDGET (page), CL_TYPE_SCALE_LIST));
  g_assert_nonnull (list);
  g_assert_cmpuint (cl_scale_list_get_n_results (list), ==, 0);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (list), _("No scale filled yet")));

  /* Fill Scale… opens the EPDS, its items in the interface language. */
  gtk_widget_activate_action (GTK_WIDGET (list), "scales.fill", NULL);
  dialog = CL_SCALE_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_SCALE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 700);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  save = cl_test_ui_find_widget_where (GTK_WIDGET (dialog), button_labelled, _("_Save"));
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_sensitive (save));
  hint = left_hint (10);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), hint));
  {
    const CLScaleItem *item = cl_scale_get_item (epds, 0);
    g_autofree char *title = g_strdup_printf ("1. %s", cl_local_text_get (item->text, NULL));

    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), title));
    if (cl_test_ui_is_chinese ())
      g_assert_true (cl_test_ui_has_non_ascii (title));
  }

  /* Nine answered: one left, Save still waits. */
  for (guint i = 0; i < 9; i++)
    cl_scale_dialog_answer (dialog, i, answers[i]);
  g_free (hint);
  hint = left_hint (1);
  cl_test_ui_settle (100);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), hint));
  g_assert_false (gtk_widget_get_sensitive (save));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "scale-dialog");

  cl_scale_dialog_answer (dialog, 9, answers[9]);
  cl_test_ui_settle (100);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), _("Every item is answered")));
  g_signal_emit_by_name (save, "clicked");
  cl_test_ui_wait_until (has_results, list);

  /* Stored as answered, scored in core, shown with its flag. */
  results = cl_store_scale_results_for_patient (store, patient);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (cl_scale_record_get_scale_id (g_ptr_array_index (results, 0)), ==, "epds");
  g_assert_cmpstr (cl_scale_record_get_answers (g_ptr_array_index (results, 0)), ==, "[0,0,3,0,3,3,3,3,3,2]");
  g_assert_cmpint (cl_scale_record_get_total (g_ptr_array_index (results, 0)), ==, 1);
  g_assert_cmpstr (cl_scale_record_get_flags (g_ptr_array_index (results, 0)), ==, "self-harm");
  g_assert_cmpstr (cl_scale_record_get_source (g_ptr_array_index (results, 0)), ==, "desk");
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (list),
                                        cl_local_text_get (cl_scale_get_flag_rule (epds, 0)->label, NULL)));
  /* Scrolled to her results, as a user would. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t point;

    cl_test_ui_settle (200);
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (list), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 200);
    cl_test_ui_settle (300);
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "scale-results");

  /* The urgent item, due today, on her case manager's Today list. */
  cl_context_get_today (cl_window_get_context (window), &today);
  today_iso = cl_date_to_iso (&today);
  open = cl_store_followup_open_for_owner (store, owner, today_iso);
  for (guint i = 0; i < open->len; i++)
    if (g_strcmp0 (cl_followup_record_get_kind (g_ptr_array_index (open, i)), "psychological-support") == 0)
      urgent = g_ptr_array_index (open, i);
  g_assert_nonnull (urgent);
  g_assert_cmpstr (cl_followup_record_get_due_date (urgent), ==, today_iso);
  g_assert_cmpstr (cl_followup_record_get_patient_id (urgent), ==, patient);
  cl_window_show_view (window, "today");
  cl_today_view_reload (view);
  cl_test_ui_settle (400);
  {
    g_autofree char *due = cl_date_format_iso (today_iso, CL_DATE_SHORT, NULL);
    g_autofree char *subtitle = g_markup_printf_escaped (_("%s · %s · %s — %s"), _("Psychological support"),
                                                         cl_followup_channel_label ("phone"), due,
                                                         cl_followup_record_get_content (urgent));

    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), subtitle));
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "scale-today");

  /* The service desk is not offered the form. */
  cl_window_show_patient (window, patient);
  cl_test_ui_settle (200);
  g_assert_true (gtk_widget_is_sensitive (cl_test_ui_find_widget_where (GTK_WIDGET (list), button_labelled,
                                                                        _("_Fill Scale…"))));
  cl_context_set_user (cl_window_get_context (window), "desk", CL_ROLE_SERVICE_DESK);
  cl_test_ui_settle (100);
  g_assert_false (gtk_widget_is_sensitive (cl_test_ui_find_widget_where (GTK_WIDGET (list), button_labelled,
                                                                         _("_Fill Scale…"))));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-scales", 60, 11);

  g_test_add_func ("/ui/scales/fill-epds", test_fill_epds);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
