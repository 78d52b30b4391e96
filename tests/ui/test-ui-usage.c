/* Package usage on her page, as real GTK widgets under Xvfb on a real
 * demo store at 1024 × 768, in English and in Chinese: "Package Usage"
 * shows each service of her package as "Escort 5 of 12 used" (counted
 * from the store); "Record Hand-out…" hands out her breakfast, after
 * which the dialog shows the count and asks for a reason; without one
 * nothing is written, with one the hand-out is stored and the page
 * marks the breakfast as over.  A role that may not read enrolments
 * does not see the group.  Once her twelve escorts are done or booked,
 * the escort task dialog asks for the reason in the same way, and so
 * does the VIP booking dialog once her VIP room visits are. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-escort-task-dialog.h"
#include "cl-package-usage.h"
#include "cl-handout-dialog.h"
#include "cl-patient-page.h"
#include "cl-roster-view.h"
#include "cl-schedule-form.h"
#include "cl-schedule.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-usage-list.h"
#include "cl-vip-booking-dialog.h"
#include "cl-vip-store.h"
#include "cl-window.h"

#define WHOLE_PACKAGE "5e1d0a52-6b1f-4c38-9d2e-2f8a00000001"
/* The first live enrolment of the demo in the whole-pregnancy package
 * whose breakfast was not handed out yet. */
#define FIRST_ENROLMENT(column) \
  "SELECT " column " FROM enrolment WHERE package_id = '" WHOLE_PACKAGE "' AND status = 'active'" \
  " AND deleted = 0 AND id NOT IN (SELECT enrolment_id FROM handout WHERE deleted = 0" \
  " AND service = 'nutrition-breakfast') ORDER BY id LIMIT 1"

static char *data_dir;

static gboolean
dialog_gone (gpointer data)
{
  return cl_test_ui_find_toplevel (CL_TYPE_HANDOUT_DIALOG) == NULL;
}

/* "%s %u of %u used" as the user reads it. */
static char *
used_text (const char *service,
           guint       used,
           guint       included)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u of %u used", "%s %u of %u used", included),
                          g_dpgettext2 (GETTEXT_PACKAGE, "package service", service), used, included);
}

static gboolean
list_shows (CLUsageList *list,
            const char  *title)
{
  g_auto(GStrv) titles = cl_usage_list_dup_titles (list);

  return g_strv_contains ((const char * const *) titles, title) && cl_test_ui_find_label (GTK_WIDGET (list), title);
}

static gint64
n_handouts (CLStore    *store,
            const char *enrolment)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM handout WHERE enrolment_id = '%s'"
                                          " AND service = 'nutrition-breakfast' AND deleted = 0", enrolment);

  return cl_test_store_count (store, sql);
}

static CLHandoutDialog *
open_breakfast (CLUsageList *list)
{
  CLHandoutDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (list), "usage.hand-out-service", "s", "nutrition-breakfast");
  dialog = CL_HANDOUT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_HANDOUT_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  return dialog;
}

static void
test_hand_out (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLStore *store = cl_window_get_store (window);
  g_autofree char *patient = NULL;
  g_autofree char *enrolment = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *count = NULL;
  g_autofree char *ask = NULL;
  g_autofree char *over = NULL;
  CLHandoutDialog *dialog;
  CLPatientPage *page;
  CLUsageList *list;
  gint64 escorts_done;
  GDate day;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  /* A patient of the demo in the whole-pregnancy package, which
   * includes one breakfast and twelve escorts. */
  enrolment = cl_test_store_text (store, FIRST_ENROLMENT ("id"));
  g_assert_nonnull (enrolment);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT patient_id FROM enrolment WHERE id = '%s'", enrolment);
    g_autofree char *sql2 = g_strdup_printf ("SELECT agreement_date FROM enrolment WHERE id = '%s'", enrolment);

    patient = cl_test_store_text (store, sql);
    agreed = cl_test_store_text (store, sql2);
  }
  g_assert_true (cl_date_parse (agreed, &day, NULL));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM escort_task WHERE patient_id = '%s'"
                                            " AND status = 'done' AND deleted = 0 AND start_at >= %" G_GINT64_FORMAT,
                                            patient, cl_schedule_day_start (&day));

    escorts_done = cl_test_store_count (store, sql);
  }
  g_assert_cmpint (n_handouts (store, enrolment), ==, 0);

  cl_window_show_patient (window, patient);
  cl_test_ui_settle (400);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  g_assert_nonnull (page);
  list = CL_USAGE_LIST (cl_test_ui_find_widget (GTK_WIDGET (page), CL_TYPE_USAGE_LIST));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (list), _("Package Usage")));
  expected = used_text ("Escort", (guint) escorts_done, 12);
  g_assert_true (list_shows (list, expected));
  if (cl_test_ui_is_chinese ())
    g_assert_true (g_str_has_prefix (expected, "陪诊 已用 "));
  g_free (expected);
  expected = used_text ("Nutrition breakfast", 0, 1);
  g_assert_true (list_shows (list, expected));
  g_free (expected);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM handout WHERE enrolment_id = '%s'"
                                            " AND service = 'gift-pack' AND deleted = 0", enrolment);

    expected = used_text ("Gift pack", (guint) cl_test_store_count (store, sql), 1);
  }
  g_assert_true (list_shows (list, expected));
  g_assert_cmpuint (cl_usage_list_get_n_over (list), ==, 0);

  /* The first breakfast: the count, no reason asked, stored. */
  dialog = open_breakfast (list);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u handed out", "%u of %u handed out", 1), 0, 1);
  g_assert_cmpstr (cl_handout_dialog_get_count (dialog), ==, count);
  g_assert_false (gtk_widget_get_visible (cl_handout_dialog_get_field (dialog, "over-reason")));
  g_assert_true (cl_handout_dialog_save (dialog));
  cl_test_ui_wait_until (dialog_gone, NULL);
  g_assert_cmpint (n_handouts (store, enrolment), ==, 1);
  g_free (expected);
  expected = used_text ("Nutrition breakfast", 1, 1);
  g_assert_true (list_shows (list, expected));

  /* The second: the count says they are all out and the reason is
   * asked; without one nothing is written. */
  dialog = open_breakfast (list);
  g_free (count);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u handed out", "%u of %u handed out", 1), 1, 1);
  g_assert_cmpstr (cl_handout_dialog_get_count (dialog), ==, count);
  g_assert_true (gtk_widget_get_visible (cl_handout_dialog_get_field (dialog, "over-reason")));
  ask = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Her package includes %s × %u; %u handed out so far. "
                                      "Give a reason to hand out another.",
                                      "Her package includes %s × %u; %u handed out so far. "
                                      "Give a reason to hand out another.", 1),
                         g_dpgettext2 (GETTEXT_PACKAGE, "package service", "Nutrition breakfast"), 1, 1);
  g_assert_cmpstr (cl_handout_dialog_get_error (dialog, "over-reason"), ==, ask);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), ask));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (ask));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "handout-over");
  g_assert_false (cl_handout_dialog_save (dialog));
  g_assert_cmpstr (cl_handout_dialog_get_error (dialog, "over-reason"), ==, ask);
  g_assert_cmpint (n_handouts (store, enrolment), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (cl_handout_dialog_get_field (dialog, "over-reason")), "她孕吐，换了一份");
  g_assert_true (cl_handout_dialog_save (dialog));
  cl_test_ui_wait_until (dialog_gone, NULL);
  g_assert_cmpint (n_handouts (store, enrolment), ==, 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM handout WHERE enrolment_id = '%s'"
                                            " AND over_reason = '她孕吐，换了一份'", enrolment);

    g_assert_cmpint (cl_test_store_count (store, sql), ==, 1);
  }

  /* Her page marks it as over. */
  g_free (expected);
  expected = used_text ("Nutrition breakfast", 2, 1);
  g_assert_true (list_shows (list, expected));
  g_assert_cmpuint (cl_usage_list_get_n_over (list), ==, 1);
  over = g_strdup_printf (_("Over by %u"), 1);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (list), over));
  /* When she last had it, and why more than her package. */
  {
    g_autofree char *day = cl_date_format_iso_display ("2026-11-23");
    g_autofree char *last = g_strdup_printf (_("Last handed out on %s"), day);
    g_autofree char *why = g_strdup_printf (_("\nOver the package: %s"), "她孕吐，换了一份");
    g_autofree char *subtitle = g_strconcat (last, why, NULL);

    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (list), subtitle));
  }
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t point;

    cl_test_ui_settle (200);
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (list), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 120);
    cl_test_ui_settle (300);
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "package-usage");

  /* An escort does not read enrolments: no group. */
  cl_context_set_user (cl_window_get_context (window), "li", CL_ROLE_ESCORT);
  cl_test_ui_settle (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
escort_dialog_gone (gpointer data)
{
  return cl_test_ui_find_toplevel (CL_TYPE_ESCORT_TASK_DIALOG) == NULL;
}

static void
test_escort_over (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLStore *store = cl_window_get_store (window);
  g_autofree char *patient = NULL;
  g_autofree char *name = NULL;
  g_autofree char *over = NULL;
  g_autofree char *count_sql = NULL;
  CLEscortTaskDialog *dialog;
  GtkWidget *reason;
  guint done, pending;
  gint64 n_tasks;
  GDate day;

  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  patient = cl_test_store_text (store, FIRST_ENROLMENT ("patient_id"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT name FROM patient WHERE id = '%s'", patient);

    name = cl_test_store_text (store, sql);
  }
  /* Her escorts taken up to the twelve of her package: the rest done
   * in the past, as a busy pregnancy would have them. */
  {
    g_autoptr(CLEnrolment) enrolment = cl_package_usage_find_enrolment (store, patient);
    g_autoptr(GPtrArray) usages = cl_package_usage_of_enrolment (store, enrolment);

    done = pending = 0;
    for (guint i = 0; i < usages->len; i++)
      if (((CLServiceUsage *) g_ptr_array_index (usages, i))->kind == CL_USAGE_ESCORT)
        {
          done = ((CLServiceUsage *) g_ptr_array_index (usages, i))->used;
          pending = ((CLServiceUsage *) g_ptr_array_index (usages, i))->pending;
        }
    g_assert_cmpuint (done + pending, <, 12);
    g_date_set_dmy (&day, 20, 11, 2026);
    for (guint i = done + pending; i < 12; i++)
      {
        g_autoptr(CLEscortTask) task = cl_escort_task_new ();
        g_autoptr(GError) error = NULL;

        cl_escort_task_set_patient_id (task, patient);
        cl_escort_task_set_start_at (task, cl_schedule_at (&day, 8 * 60 + 30 * (gint) i));
        cl_escort_task_set_end_at (task, cl_schedule_at (&day, 8 * 60 + 30 * (gint) i + 30));
        cl_escort_task_set_status (task, CL_ESCORT_STATUS_DONE);
        g_assert_true (cl_store_save_record (store, CL_RECORD (task), &error));
        g_assert_no_error (error);
      }
  }
  over = cl_package_usage_booking_over (store, CL_USAGE_ESCORT, patient, NULL);
  g_assert_nonnull (over);
  count_sql = g_strdup_printf ("SELECT count(*) FROM escort_task WHERE patient_id = '%s'", patient);
  n_tasks = cl_test_store_count (store, count_sql);

  g_date_set_dmy (&day, 26, 11, 2026);
  dialog = cl_escort_task_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), NULL, NULL,
                                      cl_schedule_at (&day, 9 * 60), cl_schedule_at (&day, 9 * 60 + 30));
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  reason = cl_escort_task_dialog_get_field (dialog, "over-reason");
  g_assert_false (gtk_widget_is_visible (reason));

  /* Her allowance taken: the reason is asked as soon as she is
   * chosen, and Save without one writes nothing. */
  cl_test_ui_choose_patient (GTK_WIDGET (dialog), name);
  cl_test_ui_settle (100);
  g_assert_true (gtk_widget_is_visible (reason));
  g_assert_cmpstr (cl_escort_task_dialog_get_error (dialog, "over-reason"), ==, over);
  g_assert_false (cl_escort_task_dialog_save (dialog));
  g_assert_true (gtk_widget_is_visible (reason));
  g_assert_cmpstr (cl_escort_task_dialog_get_error (dialog, "over-reason"), ==, over);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), over));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (over));
  g_assert_cmpint (cl_test_store_count (store, count_sql), ==, n_tasks);
  cl_test_ui_settle (100);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "escort-over");

  /* A wheelchair is the hospital's own escort, not her package's:
   * nothing is asked for it; back to a clinic visit, it is again. */
  cl_schedule_form_combo_set (ADW_COMBO_ROW (cl_escort_task_dialog_get_field (dialog, "kind")),
                              CL_ESCORT_KIND_WHEELCHAIR);
  cl_test_ui_settle (100);
  g_assert_false (gtk_widget_is_visible (reason));
  cl_schedule_form_combo_set (ADW_COMBO_ROW (cl_escort_task_dialog_get_field (dialog, "kind")),
                              CL_ESCORT_KIND_CLINIC_VISIT);
  cl_test_ui_settle (100);
  g_assert_true (gtk_widget_is_visible (reason));
  g_assert_cmpstr (cl_escort_task_dialog_get_error (dialog, "over-reason"), ==, over);

  gtk_editable_set_text (GTK_EDITABLE (reason), "双胎，产检多");
  g_assert_true (cl_escort_task_dialog_save (dialog));
  cl_test_ui_wait_until (escort_dialog_gone, NULL);
  g_assert_cmpint (cl_test_store_count (store, count_sql), ==, n_tasks + 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM escort_task WHERE patient_id = '%s'"
                                            " AND over_reason = '双胎，产检多' AND status = 'planned'", patient);

    g_assert_cmpint (cl_test_store_count (store, sql), ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
vip_dialog_gone (gpointer data)
{
  return cl_test_ui_find_toplevel (CL_TYPE_VIP_BOOKING_DIALOG) == NULL;
}

/* Her twelve VIP room visits taken: the booking dialog asks the same. */
static void
test_vip_over (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLStore *store = cl_window_get_store (window);
  g_autoptr(GListStore) rooms = cl_vip_store_list_rooms (store, FALSE);
  g_autoptr(CLVipRoom) room = NULL;
  g_autofree char *patient = NULL;
  g_autofree char *name = NULL;
  g_autofree char *over = NULL;
  g_autofree char *count_sql = NULL;
  CLVipBookingDialog *dialog;
  GtkWidget *reason;
  gint64 n_bookings;
  guint taken = 0;
  GDate day;

  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rooms)), >, 0);
  room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);
  patient = cl_test_store_text (store, FIRST_ENROLMENT ("patient_id"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT name FROM patient WHERE id = '%s'", patient);
    g_autoptr(CLEnrolment) enrolment = cl_package_usage_find_enrolment (store, patient);
    g_autoptr(GPtrArray) usages = cl_package_usage_of_enrolment (store, enrolment);

    name = cl_test_store_text (store, sql);
    for (guint i = 0; i < usages->len; i++)
      if (((CLServiceUsage *) g_ptr_array_index (usages, i))->kind == CL_USAGE_VIP_ROOM)
        taken = ((CLServiceUsage *) g_ptr_array_index (usages, i))->used +
                ((CLServiceUsage *) g_ptr_array_index (usages, i))->pending;
  }
  g_assert_cmpuint (taken, <, 12);
  g_date_set_dmy (&day, 19, 11, 2026);
  for (guint i = taken; i < 12; i++)
    {
      g_autoptr(CLVipBooking) booking = cl_vip_booking_new ();
      g_autoptr(GError) error = NULL;

      cl_vip_booking_set_patient_id (booking, patient);
      cl_vip_booking_set_room_id (booking, cl_record_get_id (CL_RECORD (room)));
      cl_vip_booking_set_purpose (booking, CL_VIP_PURPOSE_CONSULTATION);
      cl_vip_booking_set_start_at (booking, cl_schedule_at (&day, 9 * 60 + 30 * (gint) i));
      cl_vip_booking_set_end_at (booking, cl_schedule_at (&day, 9 * 60 + 30 * (gint) i + 30));
      cl_vip_booking_set_status (booking, CL_VIP_STATUS_DONE);
      g_assert_true (cl_store_save_record (store, CL_RECORD (booking), &error));
      g_assert_no_error (error);
    }
  over = cl_package_usage_booking_over (store, CL_USAGE_VIP_ROOM, patient, NULL);
  g_assert_nonnull (over);
  count_sql = g_strdup_printf ("SELECT count(*) FROM vip_booking WHERE patient_id = '%s'", patient);
  n_bookings = cl_test_store_count (store, count_sql);

  /* A day the demo's bookings do not reach, so the room is free. */
  g_date_set_dmy (&day, 15, 1, 2027);
  dialog = cl_vip_booking_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), NULL,
                                      cl_record_get_id (CL_RECORD (room)),
                                      cl_schedule_at (&day, cl_vip_room_get_opens (room)),
                                      cl_schedule_at (&day, cl_vip_room_get_opens (room) +
                                                            cl_vip_room_get_slot_minutes (room)));
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  reason = cl_vip_booking_dialog_get_field (dialog, "over-reason");
  g_assert_false (gtk_widget_is_visible (reason));
  cl_test_ui_choose_patient (GTK_WIDGET (dialog), name);
  cl_test_ui_settle (100);
  g_assert_true (gtk_widget_is_visible (reason));
  g_assert_cmpstr (cl_vip_booking_dialog_get_error (dialog, "over-reason"), ==, over);
  g_assert_false (cl_vip_booking_dialog_save (dialog));
  g_assert_cmpstr (cl_vip_booking_dialog_get_error (dialog, "over-reason"), ==, over);
  g_assert_cmpint (cl_test_store_count (store, count_sql), ==, n_bookings);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "vip-over");

  gtk_editable_set_text (GTK_EDITABLE (reason), "医生要求复诊");
  g_assert_true (cl_vip_booking_dialog_save (dialog));
  cl_test_ui_wait_until (vip_dialog_gone, NULL);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM vip_booking WHERE patient_id = '%s'"
                                            " AND over_reason = '医生要求复诊' AND status = 'booked'", patient);

    g_assert_cmpint (cl_test_store_count (store, sql), ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-usage", 60, 11);

  g_test_add_func ("/ui/usage/hand-out", test_hand_out);
  g_test_add_func ("/ui/usage/escort-over", test_escort_over);
  g_test_add_func ("/ui/usage/vip-over", test_vip_over);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
