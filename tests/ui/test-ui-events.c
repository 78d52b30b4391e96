/* Courses and health events as a case manager works them, with real
 * GTK widgets under Xvfb on a real demo store, in English and in
 * Chinese: the Course Catalogue refuses a link that is not a web
 * address at its field and saves nothing, then takes the course; a
 * new event with two places takes two patients and puts the third on
 * the waiting list; cancelling the first gives her place to the
 * waiter at once; attendance is recorded; on the patient's page a
 * course is assigned and completed, and registering her again is
 * refused with the reason.  Screenshots at 1024 × 768. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-assign-course-dialog.h"
#include "cl-course-dialog.h"
#include "cl-course-list.h"
#include "cl-event-store.h"
#include "cl-courses-window.h"
#include "cl-event-dialog.h"
#include "cl-event-page.h"
#include "cl-events-window.h"
#include "cl-patient-page.h"
#include "cl-register-dialog.h"
#include "cl-registration-list.h"
#include "cl-roster-view.h"
#include "cl-staff.h"
#include "cl-store-events.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
click (GtkWidget  *window,
       const char *label)
{
  GtkWidget *button = cl_test_ui_find_widget_where (window, button_labelled, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  cl_test_ui_settle (100);
}

static void
type (GtkWidget  *row,
      const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWindow *
open_toplevel (GtkWidget  *widget,
               const char *action,
               GType       type)
{
  GtkWindow *window;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  window = cl_test_ui_find_toplevel (type);
  g_assert_nonnull (window);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, window);
  return window;
}

static void
make_course (CLWindow *window,
             CLStore  *store)
{
  CLCoursesWindow *courses = CL_COURSES_WINDOW (open_toplevel (GTK_WIDGET (window), "win.courses",
                                                               CL_TYPE_COURSES_WINDOW));
  CLCourseDialog *dialog;

  g_assert_cmpuint (cl_courses_window_get_n_courses (courses), ==, 0);
  dialog = CL_COURSE_DIALOG (open_toplevel (GTK_WIDGET (courses), "courses.new", CL_TYPE_COURSE_DIALOG));
  type (cl_course_dialog_get_field (dialog, "title"), "母乳喂养");
  type (cl_course_dialog_get_field (dialog, "title_en"), "Breastfeeding");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_course_dialog_get_field (dialog, "stage")), 2);
  type (cl_course_dialog_get_field (dialog, "duration_min"), "45");
  type (cl_course_dialog_get_field (dialog, "link"), "www.example.org/breastfeeding");
  click (GTK_WIDGET (dialog), _("_Save"));
  /* Refused at the link, in the desk's language; nothing written. */
  g_assert_cmpstr (cl_course_dialog_get_error (dialog, "link"), ==,
                   _("Enter a web address starting with http:// or https://"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM course"), ==, 0);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "course-dialog");

  type (cl_course_dialog_get_field (dialog, "link"), "https://example.org/breastfeeding");
  click (GTK_WIDGET (dialog), _("_Save"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM course WHERE stage = 'postpartum'"
                                               " AND duration_min = 45 AND active = 1"), ==, 1);
  g_assert_cmpuint (cl_courses_window_get_n_courses (courses), ==, 1);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (courses), cl_test_ui_is_chinese () ? "母乳喂养" : "Breastfeeding"));
  gtk_window_destroy (GTK_WINDOW (courses));
}

static gboolean
page_counts (gpointer data)
{
  CLEventPage *page = data;
  guint *expected = g_object_get_data (G_OBJECT (page), "expected");

  return cl_event_page_get_n_registered (page) == expected[0] && cl_event_page_get_n_waiting (page) == expected[1];
}

static void
wait_counts (CLEventPage *page,
             guint        registered,
             guint        waiting)
{
  guint expected[2] = { registered, waiting };

  g_object_set_data (G_OBJECT (page), "expected", expected);
  cl_test_ui_wait_until (page_counts, page);
  g_object_set_data (G_OBJECT (page), "expected", NULL);
}

static gboolean
two_rows (gpointer data)
{
  return cl_registration_list_get_n_rows (data) == 2;
}

static char *
registration_state (CLStore    *store,
                    const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT state FROM event_registration WHERE id = '%s'", id);

  return cl_test_store_text (store, sql);
}

static void
test_courses_and_events (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLStore *store = cl_window_get_store (window);
  g_autoptr(GPtrArray) names = cl_test_store_rows (store, "SELECT name FROM patient WHERE deleted = 0"
                                                          " GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 3");
  g_autoptr(GPtrArray) registrations = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *waiter = NULL;
  g_autofree char *state = NULL;
  CLEventsWindow *events;
  CLEventDialog *event_dialog;
  CLEventPage *page;
  CLPatientPage *patient_page;
  CLCourseList *course_list;
  CLRegistrationList *registration_list;
  CLAssignCourseDialog *assign;
  CLRegisterDialog *again;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  g_assert_cmpuint (names->len, ==, 3);

  make_course (window, store);

  /* A lecture with two places. */
  events = CL_EVENTS_WINDOW (open_toplevel (GTK_WIDGET (window), "win.events", CL_TYPE_EVENTS_WINDOW));
  gtk_window_set_default_size (GTK_WINDOW (events), 1024, 768);
  g_assert_cmpuint (cl_events_window_get_n_events (events), ==, 0);
  event_dialog = CL_EVENT_DIALOG (open_toplevel (GTK_WIDGET (events), "events.new", CL_TYPE_EVENT_DIALOG));
  type (cl_event_dialog_get_field (event_dialog, "title"), "孕期营养讲座");
  type (cl_event_dialog_get_field (event_dialog, "date"), "2026-11-28");
  type (cl_event_dialog_get_field (event_dialog, "starts"), "14:00");
  type (cl_event_dialog_get_field (event_dialog, "ends"), "15:30");
  type (cl_event_dialog_get_field (event_dialog, "place"), "门诊楼 3 楼会议室");
  type (cl_event_dialog_get_field (event_dialog, "capacity"), "0");
  click (GTK_WIDGET (event_dialog), _("_Save"));
  g_assert_nonnull (cl_event_dialog_get_error (event_dialog, "capacity"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM health_event"), ==, 0);
  cl_test_ui_save_screenshot (GTK_WIDGET (event_dialog), "event-dialog");
  type (cl_event_dialog_get_field (event_dialog, "capacity"), "2");
  click (GTK_WIDGET (event_dialog), _("_Save"));
  event_id = cl_test_store_text (store, "SELECT id FROM health_event WHERE capacity = 2 AND starts = 840"
                                        " AND ends = 930 AND date = '2026-11-28' AND kind = 'lecture'");
  g_assert_nonnull (event_id);
  cl_test_ui_settle (300);
  g_assert_cmpuint (cl_events_window_get_n_events (events), ==, 1);
  page = CL_EVENT_PAGE (cl_events_window_get_page (events));
  g_assert_cmpstr (cl_event_page_get_event_id (page), ==, event_id);

  /* Three register: two places, one waits. */
  for (guint i = 0; i < 3; i++)
    {
      CLRegisterDialog *dialog = CL_REGISTER_DIALOG (open_toplevel (GTK_WIDGET (page), "event.register",
                                                                    CL_TYPE_REGISTER_DIALOG));

      cl_test_ui_choose_patient (GTK_WIDGET (dialog), g_ptr_array_index (names, i));
      click (GTK_WIDGET (dialog), _("_Register"));
      wait_counts (page, MIN (i + 1, 2), i < 2 ? 0 : 1);
    }
  registrations = cl_store_event_registrations (store, event_id);
  g_assert_cmpuint (registrations->len, ==, 3);
  g_assert_true (cl_event_registration_is_registered (g_ptr_array_index (registrations, 0)));
  g_assert_true (cl_event_registration_is_registered (g_ptr_array_index (registrations, 1)));
  g_assert_true (cl_event_registration_is_waitlisted (g_ptr_array_index (registrations, 2)));
  waiter = g_strdup (cl_record_get_id (g_ptr_array_index (registrations, 2)));
  {
    g_autofree char *heading = g_strdup_printf (_("Waiting List (%u)"), 1);

    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), heading));
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (events), "events-waiting");

  /* The first cancels: asked first, saying who gets the place; then
   * the waiter has it at once. */
  gtk_widget_activate_action (GTK_WIDGET (page), "event.cancel", "s",
                              cl_record_get_id (g_ptr_array_index (registrations, 0)));
  {
    AdwMessageDialog *confirm = ADW_MESSAGE_DIALOG (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_autofree char *body = g_strdup_printf (_("Her place goes to %s, first on the waiting list."),
                                             (const char *) g_ptr_array_index (names, 2));

    g_assert_nonnull (confirm);
    g_assert_cmpstr (adw_message_dialog_get_body (confirm), ==, body);
    cl_test_ui_wait_until (cl_test_ui_widget_drawn, confirm);
    cl_test_ui_save_screenshot (GTK_WIDGET (confirm), "event-cancel");
    adw_message_dialog_response (confirm, "cancel-registration");
  }
  wait_counts (page, 2, 0);
  state = registration_state (store, cl_record_get_id (g_ptr_array_index (registrations, 0)));
  g_assert_cmpstr (state, ==, "cancelled");
  g_free (state);
  state = registration_state (store, waiter);
  g_assert_cmpstr (state, ==, "registered");

  /* Attendance of the second. */
  {
    const char *second = cl_record_get_id (g_ptr_array_index (registrations, 1));
    GtkWidget *check = cl_event_page_get_attended_check (page, second);
    g_autofree char *sql = g_strdup_printf ("SELECT attended FROM event_registration WHERE id = '%s'", second);

    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    cl_test_ui_settle (300);
    g_assert_cmpint (cl_test_store_count (store, sql), ==, 1);
  }
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (events), "events-promoted");
  gtk_window_destroy (GTK_WINDOW (events));

  /* Her page (the promoted one): her registration, a course assigned
   * and completed. */
  cl_window_show_patient (window, cl_event_registration_get_patient_id (g_ptr_array_index (registrations, 2)));
  cl_test_ui_settle (400);
  patient_page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  course_list = CL_COURSE_LIST (cl_test_ui_find_widget (GTK_WIDGET (patient_page), CL_TYPE_COURSE_LIST));
  registration_list = CL_REGISTRATION_LIST (cl_test_ui_find_widget (GTK_WIDGET (patient_page), CL_TYPE_REGISTRATION_LIST));
  g_assert_cmpuint (cl_registration_list_get_n_rows (registration_list), ==, 1);
  g_assert_cmpuint (cl_course_list_get_n_assigned (course_list), ==, 0);

  assign = CL_ASSIGN_COURSE_DIALOG (open_toplevel (GTK_WIDGET (course_list), "patient-courses.assign",
                                                   CL_TYPE_ASSIGN_COURSE_DIALOG));
  g_assert_cmpuint (cl_assign_course_dialog_get_n_courses (assign), ==, 1);
  click (GTK_WIDGET (assign), _("_Assign"));
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_course_list_get_n_assigned (course_list), ==, 1);
  g_assert_cmpuint (cl_course_list_get_n_completed (course_list), ==, 0);
  /* Her course's link, copied to paste into her message. */
  {
    GtkWidget *copy = cl_test_ui_find_action_button (GTK_WIDGET (course_list), "patient-courses.copy-link");
    GdkContentProvider *content;
    GValue value = G_VALUE_INIT;

    g_assert_nonnull (copy);
    g_signal_emit_by_name (copy, "clicked");
    content = gdk_clipboard_get_content (gtk_widget_get_clipboard (copy));
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, "https://example.org/breastfeeding");
    g_value_unset (&value);
  }
  click (GTK_WIDGET (course_list), _("_Mark Completed"));
  g_assert_cmpuint (cl_course_list_get_n_completed (course_list), ==, 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM course_assignment WHERE completed_at > 0"
                                               " AND completed_at >= assigned_at AND assigned_by IS NOT NULL"), ==, 1);

  /* Registering her again from her page: refused with the reason. */
  again = CL_REGISTER_DIALOG (open_toplevel (GTK_WIDGET (registration_list), "patient-events.register",
                                             CL_TYPE_REGISTER_DIALOG));
  g_assert_cmpuint (cl_register_dialog_get_n_events (again), ==, 1);
  cl_register_dialog_choose_event (again, event_id);
  click (GTK_WIDGET (again), _("_Register"));
  g_assert_cmpstr (cl_register_dialog_get_error (again, "event"), ==, _("She is already registered for this event"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM event_registration"), ==, 3);
  cl_test_ui_save_screenshot (GTK_WIDGET (again), "register-again");
  gtk_window_destroy (GTK_WINDOW (again));

  /* Scrolled to her courses and events, as a user would. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (course_list), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t point;

    cl_test_ui_settle (200);
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (course_list),
                                             gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 200);
    cl_test_ui_settle (300);
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "patient-courses-events");

  /* A registration made elsewhere (another window, a pull) shows on
   * her page by itself. */
  {
    g_autoptr(CLHealthEvent) salon = cl_health_event_new ();
    g_autoptr(CLEventRegistration) hers = NULL;
    g_autoptr(GError) error = NULL;

    cl_health_event_set_title (salon, "产后康复沙龙");
    cl_health_event_set_kind (salon, "salon");
    cl_health_event_set_date (salon, "2026-12-05");
    cl_health_event_set_starts (salon, 9 * 60);
    cl_health_event_set_ends (salon, 10 * 60);
    cl_health_event_set_place (salon, "产科 2 楼活动室");
    cl_health_event_set_capacity (salon, 10);
    g_assert_true (cl_event_store_save_event (store, salon, CL_ROLE_ADMIN, NULL, &error));
    hers = cl_event_store_register (store, cl_record_get_id (CL_RECORD (salon)),
                                    cl_event_registration_get_patient_id (g_ptr_array_index (registrations, 2)),
                                    CL_ROLE_ADMIN, &error);
    g_assert_no_error (error);
    cl_test_ui_wait_until (two_rows, registration_list);
  }

  /* The service desk registers callers but assigns no course. */
  g_assert_true (gtk_widget_is_sensitive (cl_test_ui_find_widget_where (GTK_WIDGET (course_list), button_labelled,
                                                                        _("Assign _Course…"))));
  cl_context_set_user (cl_window_get_context (window), "desk", CL_ROLE_SERVICE_DESK);
  cl_test_ui_settle (100);
  g_assert_false (gtk_widget_is_sensitive (cl_test_ui_find_widget_where (GTK_WIDGET (course_list), button_labelled,
                                                                         _("Assign _Course…"))));
  g_assert_true (gtk_widget_is_sensitive (cl_test_ui_find_widget_where (GTK_WIDGET (registration_list), button_labelled,
                                                                        _("_Register…"))));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-events", 60, 12);
  g_test_add_func ("/ui/events/courses-and-events", test_courses_and_events);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
