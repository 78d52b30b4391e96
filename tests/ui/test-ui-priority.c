/* Priority patients on screen, as real GTK widgets under Xvfb on a
 * real demo store at 1024 × 768, in English and in Chinese: a woman of
 * 70 registered through the New Patient form (no flag ticked) and one
 * ticked "Military" in it come first in the roster's search, ahead of
 * an unflagged one whose name sorts first, each with her badge; the
 * Service Desk's patient search lists them the same way, and Today
 * shows her badge. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-desk-view.h"
#include "cl-followup-store.h"
#include "cl-new-patient-dialog.h"
#include "cl-patient-chooser.h"
#include "cl-patient-form.h"
#include "cl-patient.h"
#include "cl-roster-model.h"
#include "cl-roster-view.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-today-view.h"
#include "cl-window.h"

static char *data_dir;

static gboolean
gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* Registers her through the New Patient dialog, as the desk does,
 * ticking @flag (or none). */
static void
register_patient (CLWindow   *window,
                  const char *name,
                  const char *phone,
                  const char *birth,
                  const char *flag)
{
  CLNewPatientDialog *dialog = cl_new_patient_dialog_new (GTK_WINDOW (window), cl_window_get_context (window));
  CLPatientForm *form = cl_new_patient_dialog_get_form (dialog);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "name")), name);
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "phone")), phone);
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "birth_date")), birth);
  if (flag)
    {
      GtkWidget *expander = cl_patient_form_get_field (form, "priority");
      GtkWidget *row = cl_test_ui_find_widget_where (expander, row_titled, cl_patient_priority_label (flag));
      GtkWidget *check;

      g_assert_nonnull (row);
      check = cl_test_ui_find_widget (row, GTK_TYPE_CHECK_BUTTON);
      g_assert_nonnull (check);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      cl_test_ui_settle (200);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      /* Focus scrolls the form to it, for the screenshot. */
      gtk_widget_grab_focus (check);
      cl_test_ui_settle (300);
      cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "priority-form");
    }
  g_assert_true (cl_new_patient_dialog_add (dialog));
  cl_test_ui_wait_until (gone, &dialog);
}

typedef struct
{
  CLRosterModel *model;
  const char    *query;
} Search;

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The roster shows @text whole: as wide as it asks, not cut to "…". */
static void
assert_whole (GtkWidget  *view,
              const char *text)
{
  GtkWidget *label = cl_test_ui_find_widget_where (view, is_mapped_label, text);
  graphene_rect_t bounds;
  int natural = 0;

  g_assert_nonnull (label);
  /* The badge's own padding counts on both sides: its box, as measured. */
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_true (gtk_widget_compute_bounds (label, label, &bounds));
  g_test_message ("“%s”: %.0f px of %d", text, bounds.size.width, natural);
  g_assert_cmpfloat (bounds.size.width, >=, natural);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
}

static gboolean
search_applied (gpointer data)
{
  Search *search = data;
  const char *query = cl_roster_model_get_query (search->model);

  return g_strcmp0 (query ? query : "", search->query) == 0 &&
         cl_test_ui_roster_settled (search->model);
}

static char *
row_name (CLRosterModel *model,
          guint          i)
{
  g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

  return g_strdup (cl_roster_row_get_name (row));
}

static gboolean
chooser_listed (gpointer data)
{
  GtkWidget *chooser = data;
  GtkWidget *list = cl_test_ui_find_widget (chooser, GTK_TYPE_LIST_VIEW);

  return list && gtk_widget_get_mapped (list) &&
         cl_test_ui_find_label (chooser, cl_patient_priority_label ("military"));
}

typedef struct
{
  CLTodayView *view;
  guint        count;
} CountWait;

static gboolean
count_reached (gpointer data)
{
  CountWait *wait = data;

  return cl_today_view_get_count (wait->view) >= wait->count;
}

/* Today: a call due for the woman of 70 comes before the others of the
 * day, with her badge. */
static void
test_today (CLWindow *window)
{
  CLTodayView *view = CL_TODAY_VIEW (cl_window_get_today_view (window));
  CLStore *store = cl_window_get_store (window);
  g_autoptr(CLFollowupRecord) item = cl_followup_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *patient = NULL;
  CountWait wait = { view, 0 };

  cl_window_show_view (window, "today");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);
  wait.count = cl_today_view_get_count (view) + 1;
  patient = cl_test_store_text (store, "SELECT id FROM patient WHERE name = '欧阳秀兰'");
  cl_followup_record_set_patient_id (item, patient);
  cl_followup_record_set_kind (item, "other");
  cl_followup_record_set_channel (item, "phone");
  cl_followup_record_set_due_date (item, "2026-11-23");
  cl_followup_record_set_content (item, cl_test_ui_is_chinese () ? "提醒她明天复诊" : "Remind her of tomorrow's visit");
  cl_followup_record_set_owner_id (item, cl_today_view_get_owner_id (view));
  g_assert_true (cl_followup_store_save (store, item, "case_manager", NULL, &error));
  g_assert_no_error (error);
  cl_test_ui_wait_until (count_reached, &wait);
  cl_test_ui_settle (300);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), cl_patient_priority_label (CL_PATIENT_FLAG_AGED)));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "priority-today");
}

static void
test_priority (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLRosterView *view = CL_ROSTER_VIEW (cl_window_get_roster_view (window));
  CLRosterModel *model = cl_roster_view_get_model (view);
  CLDeskView *desk = CL_DESK_VIEW (cl_window_get_desk_view (window));
  const char *aged = cl_patient_priority_label (CL_PATIENT_FLAG_AGED);
  const char *military = cl_patient_priority_label ("military");
  Search search = { model, "欧阳" };
  GtkWidget *chooser;
  g_autofree char *first = NULL, *second = NULL, *third = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled, model);
  if (cl_test_ui_is_chinese ())
    {
      g_assert_cmpstr (aged, ==, "70岁以上");
      g_assert_cmpstr (military, ==, "军人");
    }

  /* By name 欧阳丽 (li) comes before 欧阳小红 (xiao) and 欧阳秀兰 (xiu).
   * CARELINE_TODAY is 2026-11-23: 欧阳秀兰 turned 70 that day. */
  register_patient (window, "欧阳丽", "13900139301", "1990-03-01", NULL);
  register_patient (window, "欧阳秀兰", "13900139302", "1956-11-23", NULL);
  register_patient (window, "欧阳小红", "13900139303", "1992-06-01", "military");
  g_assert_cmpint (cl_test_store_count (cl_window_get_store (window),
                                        "SELECT count(*) FROM patient WHERE name = '欧阳小红' AND priority = 'military'"),
                   ==, 1);
  /* Aged 70+ is never stored. */
  g_assert_cmpint (cl_test_store_count (cl_window_get_store (window),
                                        "SELECT count(*) FROM patient WHERE name = '欧阳秀兰'"
                                        " AND coalesce(priority, '') = ''"), ==, 1);

  gtk_editable_set_text (cl_roster_view_get_search_entry (view), "欧阳");
  cl_test_ui_wait_until (search_applied, &search);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  first = row_name (model, 0);
  second = row_name (model, 1);
  third = row_name (model, 2);
  g_assert_cmpstr (first, ==, "欧阳小红");
  g_assert_cmpstr (second, ==, "欧阳秀兰");
  g_assert_cmpstr (third, ==, "欧阳丽");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);
  cl_test_ui_settle (300);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), military));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), aged));
  /* Her name and her badge are read whole at 1024 as at 1280: the
   * other columns give way first. */
  assert_whole (GTK_WIDGET (view), military);
  assert_whole (GTK_WIDGET (view), aged);
  assert_whole (GTK_WIDGET (view), "欧阳秀兰");
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "priority-roster");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cl_test_ui_settle (500);
  assert_whole (GTK_WIDGET (view), military);
  assert_whole (GTK_WIDGET (view), aged);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "priority-roster-1280");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);

  /* The Service Desk's patient search: the same order, the same badges. */
  cl_window_show_view (window, "desk");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, desk);
  chooser = cl_desk_view_get_widget (desk, "patient");
  gtk_editable_set_text (cl_patient_chooser_get_entry (CL_PATIENT_CHOOSER (chooser)), "欧阳");
  cl_test_ui_wait_until (chooser_listed, chooser);
  cl_test_ui_settle (300);
  g_assert_true (cl_test_ui_find_label (chooser, aged));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "priority-desk");
  /* Enter takes the first: the flagged one. */
  g_signal_emit_by_name (cl_patient_chooser_get_entry (CL_PATIENT_CHOOSER (chooser)), "activate");
  cl_test_ui_settle (200);
  g_assert_cmpstr (gtk_editable_get_text (cl_patient_chooser_get_entry (CL_PATIENT_CHOOSER (chooser))), ==,
                   "欧阳小红");

  test_today (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-priority", 30, 17);

  g_test_add_func ("/ui/priority/first", test_priority);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
