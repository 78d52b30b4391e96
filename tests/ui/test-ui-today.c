/* The Today view, as real GTK widgets under Xvfb on a real demo store
 * at 1024 × 768, in English and in Chinese: a case manager's planned
 * items appear grouped Overdue / Due Today with the count on the
 * switcher's badge; recording an outcome takes the item off the list
 * and stores it; rescheduling asks for a date, refuses one in the past
 * at the calendar, and moves the item; the arrow opens her page; a
 * case manager logged in gets her own list and no other. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-followup-store.h"
#include "cl-followup-worklist.h"
#include "cl-patient-page.h"
#include "cl-staff.h"
#include "cl-roster-view.h"
#include "cl-store-followup.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-today-view.h"
#include "cl-window.h"

static char *data_dir;

static gboolean
has_items (gpointer data)
{
  return cl_today_view_get_count (data) > 0;
}

typedef struct
{
  CLTodayView *view;
  guint        count;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return cl_today_view_get_count (wait->view) == wait->count;
}

/* A mapped button whose label is @label; with @label NULL, the
 * "Open Patient" arrow (an icon, no label). */
static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  if (label == NULL)
    return g_strcmp0 (gtk_widget_get_tooltip_text (widget), _("Open Patient")) == 0;
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The first row's button @label. */
static GtkWidget *
first_button (CLTodayView *view,
              const char  *label)
{
  GtkWidget *button = cl_test_ui_find_widget_where (GTK_WIDGET (view), button_labelled, label);

  g_assert_nonnull (button);
  return button;
}

static char *
first_item_id (CLWindow *window,
               CLTodayView *view)
{
  GDate today;
  g_autoptr(GPtrArray) rows = NULL;

  cl_context_get_today (cl_window_get_context (window), &today);
  rows = cl_followup_worklist_load (cl_window_get_store (window), cl_today_view_get_owner_id (view), &today);
  g_assert_cmpuint (rows->len, >, 0);
  return g_strdup (cl_record_get_id (CL_RECORD (((CLFollowupRow *) g_ptr_array_index (rows, 0))->item)));
}

static CLFollowupRecord *
load_item (CLWindow   *window,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  CLRecord *record = cl_store_load_record (cl_window_get_store (window), CL_TYPE_FOLLOWUP_RECORD, id, &error);

  g_assert_no_error (error);
  return CL_FOLLOWUP_RECORD (record);
}

static void
test_today (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLTodayView *view = CL_TODAY_VIEW (cl_window_get_today_view (window));
  CLStore *store = cl_window_get_store (window);
  AdwViewStack *stack;
  AdwViewStackPage *page;
  g_autoptr(GPtrArray) pregnancies = NULL;
  g_autoptr(CLFollowupRecord) by_hand = cl_followup_record_new ();
  g_autoptr(CLFollowupRecord) done = NULL;
  g_autoptr(CLFollowupRecord) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *patient = NULL;
  g_autofree char *first = NULL;
  g_autofree char *overdue_title = NULL;
  g_autofree char *today_title = NULL;
  AdwMessageDialog *dialog;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) past = NULL;
  g_autoptr(GDateTime) later = NULL;
  CountWait wait = { view, 0 };
  guint count, overdue = 0;
  GDate today;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_window_show_view (window, "today");
  /* A local desk: the first case manager's list, and nothing planned
   * yet (demo data is loaded in bulk). */
  owner = g_strdup (cl_today_view_get_owner_id (view));
  g_assert_nonnull (owner);
  g_assert_cmpuint (cl_today_view_get_count (view), ==, 0);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), _("Nothing Due")));

  /* Plan every pregnancy, as saving each at a desk would, and add one
   * item by hand due today for one of hers. */
  pregnancies = cl_test_store_rows (store, "SELECT id FROM pregnancy WHERE deleted = 0");
  for (guint i = 0; i < pregnancies->len; i++)
    g_assert_true (cl_followup_store_replan (store, g_ptr_array_index (pregnancies, i), &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM patient WHERE case_manager_id = '%s' LIMIT 1", owner);

    patient = cl_test_store_text (store, sql);
  }
  g_assert_nonnull (patient);
  cl_context_get_today (cl_window_get_context (window), &today);
  cl_followup_record_set_patient_id (by_hand, patient);
  cl_followup_record_set_kind (by_hand, "other");
  cl_followup_record_set_channel (by_hand, "phone");
  cl_followup_record_set_due_date (by_hand, "2026-11-23");
  cl_followup_record_set_content (by_hand, cl_test_ui_is_chinese () ? "问一下她的睡眠" : "Ask how she sleeps");
  cl_followup_record_set_owner_id (by_hand, owner);
  g_assert_true (cl_followup_store_save (store, by_hand, "case_manager", NULL, &error));
  g_assert_no_error (error);

  cl_test_ui_wait_until (has_items, view);
  count = cl_today_view_get_count (view);
  {
    g_autoptr(GPtrArray) rows = cl_followup_worklist_load (store, owner, &today);

    g_assert_cmpuint (rows->len, ==, count);
    for (guint i = 0; i < rows->len; i++)
      overdue += ((CLFollowupRow *) g_ptr_array_index (rows, i))->overdue;
  }
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (overdue, <, count);
  overdue_title = g_strdup_printf ("%s (%u)", C_("follow-up", "Overdue"), overdue);
  today_title = g_strdup_printf ("%s (%u)", C_("follow-up", "Due Today"), count - overdue);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), overdue_title));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), today_title));

  /* The switcher's badge. */
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK));
  page = adw_view_stack_get_page (stack, GTK_WIDGET (view));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, count);
  g_assert_true (adw_view_stack_page_get_needs_attention (page));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "today");

  /* Reached, with a note: off the list and stored. */
  first = first_item_id (window, view);
  {
    GtkWidget *button = first_button (view, _("_Reached"));
    GtkEditable *note = g_object_get_data (G_OBJECT (button), "note");

    gtk_editable_set_text (note, cl_test_ui_is_chinese () ? "已确认下次产检" : "Confirmed her next visit");
    g_signal_emit_by_name (button, "clicked");
  }
  wait.count = count - 1;
  cl_test_ui_wait_until (count_is, &wait);
  done = load_item (window, first);
  g_assert_cmpstr (cl_followup_record_get_state (done), ==, "done");
  g_assert_cmpstr (cl_followup_record_get_outcome (done), ==, "reached");
  g_assert_cmpstr (cl_followup_record_get_outcome_note (done), ==,
                   cl_test_ui_is_chinese () ? "已确认下次产检" : "Confirmed her next visit");
  g_assert_cmpint (cl_followup_record_get_done_at (done), >, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, count - 1);

  /* Reschedule… asks for a date; one in the past cannot be chosen. */
  g_free (first);
  first = first_item_id (window, view);
  g_signal_emit_by_name (first_button (view, _("Re_schedule…")), "clicked");
  dialog = ADW_MESSAGE_DIALOG (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  calendar = GTK_CALENDAR (cl_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CALENDAR));
  past = g_date_time_new_local (2026, 11, 20, 0, 0, 0);
  gtk_calendar_select_day (calendar, past);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reschedule"));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), _("The new date cannot be in the past")));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "today-reschedule-past");
  later = g_date_time_new_local (2026, 11, 27, 0, 0, 0);
  gtk_calendar_select_day (calendar, later);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reschedule"));
  cl_test_ui_settle (100);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "today-reschedule");
  adw_message_dialog_response (dialog, "reschedule");
  wait.count = count - 2;
  cl_test_ui_wait_until (count_is, &wait);
  moved = load_item (window, first);
  g_assert_cmpstr (cl_followup_record_get_state (moved), ==, "rescheduled");
  g_assert_cmpstr (cl_followup_record_get_due_date (moved), ==, "2026-11-27");
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "today-after");

  /* The arrow opens her page. */
  {
    g_autofree char *patient_id = NULL;
    CLPatientPage *patient_page;
    GDate now;

    cl_context_get_today (cl_window_get_context (window), &now);
    {
      g_autoptr(GPtrArray) rows = cl_followup_worklist_load (store, owner, &now);

      patient_id = g_strdup (cl_followup_record_get_patient_id (((CLFollowupRow *) g_ptr_array_index (rows, 0))->item));
    }
    g_signal_emit_by_name (cl_test_ui_find_widget_where (GTK_WIDGET (view), button_labelled, NULL), "clicked");
    cl_test_ui_settle (400);
    patient_page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
    g_assert_nonnull (patient_page);
    g_assert_cmpstr (cl_patient_page_get_patient_id (patient_page), ==, patient_id);
  }

  /* A case manager logged in sees her own list only; another one's
   * items are not hers to pick. */
  {
    g_autofree char *other_sql = g_strdup_printf ("SELECT username FROM staff WHERE role = 'case_manager'"
                                                  " AND id <> '%s' AND active = 1 AND deleted = 0 LIMIT 1", owner);
    g_autofree char *username = cl_test_store_text (store, other_sql);
    g_autofree char *id_sql = g_strdup_printf ("SELECT id FROM staff WHERE username = '%s'", username);
    g_autofree char *other_id = cl_test_store_text (store, id_sql);
    GtkWidget *dropdown = cl_test_ui_find_widget (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN);

    g_assert_nonnull (username);
    cl_context_set_user (cl_window_get_context (window), username, CL_ROLE_CASE_MANAGER);
    cl_test_ui_settle (100);
    g_assert_cmpstr (cl_today_view_get_owner_id (view), ==, other_id);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), ==, 1);
    g_assert_false (gtk_widget_get_sensitive (dropdown));
    cl_today_view_set_owner_id (view, owner);
    g_assert_cmpstr (cl_today_view_get_owner_id (view), ==, other_id);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *rules = NULL;
  int ret;

  cl_test_ui_init (&argc, &argv);
  /* The shipped pathway rules, not the empty ones other tests use. */
  rules = g_test_build_filename (G_TEST_DIST, "..", "data", "followup-rules.ini", NULL);
  g_setenv ("CARELINE_FOLLOWUP_RULES", rules, TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-today", 60, 11);

  g_test_add_func ("/ui/today/worklist", test_today);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
