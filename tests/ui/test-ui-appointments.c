/* The Service Desk's Appointments and Referrals pages, as real GTK
 * widgets under Xvfb on a real demo store, in English and in Chinese:
 * an administrator sets a morning's one place and a referring hospital
 * (an empty name refused at the dialog, nothing written); the Book
 * dialog shows the places left, books the last one, and asks the next
 * booking for a reason at its field, writing nothing until it has one;
 * the day's list puts the flagged patient first in her slot and shows
 * each department's places used and left; arrival and a cancellation
 * (with a reason) from the rows.  Then a referral recorded (its reason
 * asked for), the urgent one listed first with its waiting time, booked
 * from the list past the full morning without a reason and listed first
 * of the day, and closed with its outcome.  Screenshots at 1024 × 768
 * and 1280 × 800. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-appoint-settings-dialog.h"
#include "cl-appoint-store.h"
#include "cl-appointment-dialog.h"
#include "cl-appointments-page.h"
#include "cl-desk-view.h"
#include "cl-directory-store.h"
#include "cl-referral-dialog.h"
#include "cl-referrals-page.h"
#include "cl-roster-view.h"
#include "cl-staff.h"
#include "cl-store-appoint.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

#define TODAY "2026-11-23"

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
  cl_test_ui_settle (150);
}

static char *
new_patient (CLStore    *store,
             const char *name,
             const char *first17,
             const char *phone,
             const char *flags)
{
  g_autoptr(CLPatient) patient = cl_test_patient_new (name, first17, phone);

  cl_patient_set_priority (patient, flags);
  cl_test_patient_save (store, patient, NULL);
  return g_strdup (cl_record_get_id (CL_RECORD (patient)));
}

static gint64
count (CLStore    *store,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0", table);

  return cl_test_store_count (store, sql);
}

static void
test_settings (CLWindow *window)
{
  CLStore *store = cl_window_get_store (window);
  CLAppointSettingsDialog *dialog;

  click (GTK_WIDGET (window), _("_Places and Hospitals…"));
  dialog = CL_APPOINT_SETTINGS_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_APPOINT_SETTINGS_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);

  /* Bad input: at the dialog, nothing written. */
  g_assert_false (cl_appoint_settings_dialog_add_hospital (dialog, "   "));
  g_assert_cmpstr (cl_appoint_settings_dialog_get_message (dialog), ==, _("Enter the hospital’s name"));
  g_assert_cmpint (count (store, "referring_hospital"), ==, 0);
  g_assert_false (cl_appoint_settings_dialog_set_places (dialog, 0, 0, 0, 1000));
  g_assert_cmpint (count (store, "slot_capacity"), ==, 0);

  /* The first department (产科门诊 by pinyin): one place every morning. */
  g_assert_true (cl_appoint_settings_dialog_set_places (dialog, 0, 0, 0, 1));
  g_assert_true (cl_appoint_settings_dialog_set_places (dialog, 1, 1, G_DATE_MONDAY, 8));
  g_assert_true (cl_appoint_settings_dialog_add_hospital (dialog, "湖里社区卫生服务中心"));
  g_assert_null (cl_appoint_settings_dialog_get_message (dialog));
  g_assert_cmpint (count (store, "slot_capacity"), ==, 2);
  g_assert_cmpint (count (store, "referring_hospital"), ==, 1);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "appointments-settings");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static CLAppointmentDialog *
open_book (CLWindow *window)
{
  CLAppointmentDialog *dialog;

  click (GTK_WIDGET (window), _("_Book…"));
  dialog = CL_APPOINTMENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_APPOINTMENT_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  return dialog;
}

static void
test_book (CLWindow           *window,
           CLAppointmentsPage *page,
           const char         *department_id,
           char              **patients)
{
  CLStore *store = cl_window_get_store (window);
  CLAppointmentDialog *dialog;
  g_autofree char *full = NULL;
  g_autofree char *places = NULL;
  GPtrArray *rows;

  /* The page's date and department are the dialog's.  Calls come a
   * minute apart. */
  g_setenv ("CARELINE_NOW", TODAY "T07:31:00", TRUE);
  dialog = open_book (window);
  cl_appointment_dialog_set_patient (dialog, patients[0], "张小梅");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_appointment_dialog_get_field (dialog, "date"))), ==, TODAY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_appointment_dialog_get_field (dialog, "department_id")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_appointment_dialog_get_field (dialog, "slot")), 0);
  places = g_strdup_printf (_("%u booked of %d places; %d left"), 0, 1, 1);
  g_assert_cmpstr (cl_appointment_dialog_get_places (dialog), ==, places);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "appointments-book");
  click (GTK_WIDGET (dialog), _("_Book"));
  g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_APPOINTMENT_DIALOG));
  g_assert_cmpint (count (store, "appointment"), ==, 1);

  /* The morning is full: the next booking is asked why, at its field,
   * and nothing is written until it says. */
  g_setenv ("CARELINE_NOW", TODAY "T07:32:00", TRUE);
  dialog = open_book (window);
  cl_appointment_dialog_set_patient (dialog, patients[1], "李小红");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_appointment_dialog_get_field (dialog, "department_id")), 0);
  click (GTK_WIDGET (dialog), _("_Book"));
  full = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: the %d place is booked; give a reason to book over",
                                       "%s: all %d places are booked; give a reason to book over", 1),
                          _("Morning"), 1);
  g_assert_cmpstr (cl_appointment_dialog_get_error (dialog, "overbook_reason"), ==, full);
  g_assert_cmpint (count (store, "appointment"), ==, 1);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "appointments-full");
  gtk_editable_set_text (GTK_EDITABLE (cl_appointment_dialog_get_field (dialog, "overbook_reason")), "产科主任同意加号");
  click (GTK_WIDGET (dialog), _("_Book"));
  g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_APPOINTMENT_DIALOG));
  g_assert_cmpint (count (store, "appointment"), ==, 2);

  /* The flagged patient, booked last, is first in the morning. */
  g_setenv ("CARELINE_NOW", TODAY "T07:33:00", TRUE);
  dialog = open_book (window);
  cl_appointment_dialog_set_patient (dialog, patients[2], "王芳");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_appointment_dialog_get_field (dialog, "department_id")), 0);
  gtk_editable_set_text (GTK_EDITABLE (cl_appointment_dialog_get_field (dialog, "overbook_reason")), "军人优先");
  click (GTK_WIDGET (dialog), _("_Book"));
  g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_APPOINTMENT_DIALOG));
  cl_test_ui_settle (200);

  rows = cl_appointments_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((CLAppointmentRow *) g_ptr_array_index (rows, 0))->patient_name, ==, "王芳");
  g_assert_cmpstr (((CLAppointmentRow *) g_ptr_array_index (rows, 1))->patient_name, ==, "张小梅");
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), cl_patient_priority_label ("military")));
  {
    g_autofree char *line = cl_appointments_page_dup_places (page, department_id);
    g_autofree char *morning = g_strdup_printf (_("%s %u/%d, full"), _("Morning"), 3, 1);

    g_assert_true (g_str_has_prefix (line, morning));
  }

  /* Arrived; a cancellation says why. */
  g_assert_true (cl_appointments_page_set_state (page, 1, CL_APPOINTMENT_ARRIVED, NULL));
  g_assert_false (cl_appointments_page_set_state (page, 2, CL_APPOINTMENT_CANCELLED, " "));
  g_assert_cmpstr (cl_appointments_page_get_message (page), ==, _("Say why the appointment is cancelled"));
  g_assert_true (cl_appointments_page_set_state (page, 2, CL_APPOINTMENT_CANCELLED, "她改约下周"));
  cl_test_ui_settle (200);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), _("Arrived")));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), cl_appointment_state_label (CL_APPOINTMENT_CANCELLED)));
}

static void
test_referrals (CLWindow        *window,
                CLDeskView      *view,
                CLReferralsPage *page,
                char           **patients)
{
  CLStore *store = cl_window_get_store (window);
  CLReferralDialog *dialog;
  GtkWindow *book;
  GPtrArray *rows;
  g_autofree char *waiting = NULL;

  /* One received at 08:00, routine. */
  g_setenv ("CARELINE_NOW", TODAY "T08:00:00", TRUE);
  click (GTK_WIDGET (window), _("_New Referral…"));
  dialog = CL_REFERRAL_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_REFERRAL_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  cl_referral_dialog_set_patient (dialog, patients[3], "赵敏");
  click (GTK_WIDGET (dialog), _("_Save"));
  g_assert_cmpstr (cl_referral_dialog_get_error (dialog, "reason"), ==, _("Enter the reason for the referral"));
  g_assert_cmpint (count (store, "referral"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (cl_referral_dialog_get_field (dialog, "reason")), "妊娠期糖尿病复查");
  click (GTK_WIDGET (dialog), _("_Save"));
  g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_REFERRAL_DIALOG));

  /* An urgent one at 09:30. */
  g_setenv ("CARELINE_NOW", TODAY "T09:30:00", TRUE);
  click (GTK_WIDGET (window), _("_New Referral…"));
  dialog = CL_REFERRAL_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_REFERRAL_DIALOG));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  cl_referral_dialog_set_patient (dialog, patients[4], "钱晓");
  gtk_editable_set_text (GTK_EDITABLE (cl_referral_dialog_get_field (dialog, "reason")), "胎动减少");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_referral_dialog_get_field (dialog, "priority")), 1);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "referrals-new");
  click (GTK_WIDGET (dialog), _("_Save"));
  g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_REFERRAL_DIALOG));
  g_assert_cmpint (count (store, "referral"), ==, 2);

  /* At 10:00: the urgent one first; the other has waited two hours. */
  g_setenv ("CARELINE_NOW", TODAY "T10:00:00", TRUE);
  /* Closed ones shown and hidden again: the list is read at 10:00. */
  {
    GtkCheckButton *closed = GTK_CHECK_BUTTON (cl_test_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON));

    gtk_check_button_set_active (closed, TRUE);
    gtk_check_button_set_active (closed, FALSE);
  }
  cl_test_ui_settle (200);
  rows = cl_referrals_page_get_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (cl_referral_is_urgent (((CLReferralRow *) g_ptr_array_index (rows, 0))->referral));
  waiting = g_strdup_printf (_("%d h"), 2);
  g_assert_cmpstr (cl_referrals_page_get_waiting (page, 1), ==, waiting);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), cl_referral_priority_label (CL_REFERRAL_URGENT)));

  /* Booked from the list: the full morning takes her without a
   * reason, and she is first of the day. */
  book = cl_referrals_page_book (page, 0);
  gtk_window_present (book);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, book);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_appointment_dialog_get_field (CL_APPOINTMENT_DIALOG (book), "slot")), 0);
  {
    g_autofree char *places = g_strdup_printf (_("Full: %u booked of %d places. A referral is booked ahead of others, without a reason."),
                                               2, 1);

    g_assert_cmpstr (cl_appointment_dialog_get_places (CL_APPOINTMENT_DIALOG (book)), ==, places);
    g_assert_false (gtk_widget_get_visible (cl_appointment_dialog_get_field (CL_APPOINTMENT_DIALOG (book),
                                                                             "overbook_reason")));
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (book), "referrals-book");
  click (GTK_WIDGET (book), _("_Book"));
  g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_APPOINTMENT_DIALOG));
  cl_test_ui_settle (200);
  rows = cl_referrals_page_get_rows (page);
  g_assert_nonnull (((CLReferralRow *) g_ptr_array_index (rows, 0))->appointment);
  {
    CLAppointmentsPage *appointments = CL_APPOINTMENTS_PAGE (cl_desk_view_get_widget (view, "appointments"));
    GPtrArray *day = cl_appointments_page_get_rows (appointments);

    g_assert_cmpstr (((CLAppointmentRow *) g_ptr_array_index (day, 0))->patient_name, ==, "钱晓");
  }

  gtk_stack_set_visible_child_name (GTK_STACK (cl_desk_view_get_widget (view, "stack")), "referrals");
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "referrals-1024");

  /* Seen: off the open list. */
  g_assert_true (cl_referrals_page_set_outcome (page, 0, "seen"));
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_referrals_page_get_rows (page)->len, ==, 1);
}

static void
test_appointments (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLStore *store = cl_window_get_store (window);
  GtkStack *stack = GTK_STACK (cl_desk_view_get_widget (view, "stack"));
  CLAppointmentsPage *page = CL_APPOINTMENTS_PAGE (cl_desk_view_get_widget (view, "appointments"));
  g_autoptr(CLDepartment) obstetrics = cl_department_new ();
  g_autoptr(CLDepartment) ultrasound = cl_department_new ();
  g_autoptr(GError) error = NULL;
  char *patients[5];

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_test_departments_close (store);
  cl_department_set_name (obstetrics, "产科门诊");
  cl_department_set_name_en (obstetrics, "Obstetrics Clinic");
  cl_test_department_save (store, obstetrics);
  cl_department_set_name (ultrasound, "超声科");
  cl_department_set_name_en (ultrasound, "Ultrasound");
  cl_test_department_save (store, ultrasound);
  g_assert_no_error (error);
  patients[0] = new_patient (store, "张小梅", "11010519930402001", "13800138101", NULL);
  patients[1] = new_patient (store, "李小红", "11010519940503002", "13800138102", NULL);
  patients[2] = new_patient (store, "王芳", "11010519950604003", "13800138103", "military");
  patients[3] = new_patient (store, "赵敏", "11010519960705004", "13800138104", NULL);
  patients[4] = new_patient (store, "钱晓", "11010519970806005", "13800138105", NULL);

  cl_window_show_view (window, "desk");
  gtk_stack_set_visible_child_name (stack, "appointments");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  cl_test_ui_settle (200);
  /* Nothing booked yet, and no number set: the page says what that
   * means. */
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), _("No Appointments")));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), _("A slot without places set takes any number of bookings.")));

  /* Only an administrator sets the places and the hospitals. */
  g_assert_nonnull (cl_test_ui_find_widget_where (GTK_WIDGET (page), button_labelled, _("_Places and Hospitals…")));
  cl_context_set_user (cl_window_get_context (window), "desk", CL_ROLE_SERVICE_DESK);
  cl_test_ui_settle (200);
  g_assert_null (cl_test_ui_find_widget_where (GTK_WIDGET (page), button_labelled, _("_Places and Hospitals…")));
  g_assert_nonnull (cl_test_ui_find_widget_where (GTK_WIDGET (page), button_labelled, _("_Book…")));
  cl_context_set_user (cl_window_get_context (window), NULL, NULL);
  cl_test_ui_settle (200);

  test_settings (window);
  test_book (window, page, cl_record_get_id (CL_RECORD (obstetrics)), patients);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "appointments-1024");

  gtk_stack_set_visible_child_name (stack, "referrals");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, cl_desk_view_get_widget (view, "referrals"));
  test_referrals (window, view, CL_REFERRALS_PAGE (cl_desk_view_get_widget (view, "referrals")), patients);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cl_test_ui_settle (500);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "referrals-1280");
  gtk_stack_set_visible_child_name (stack, "appointments");
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "appointments-1280");

  for (guint i = 0; i < G_N_ELEMENTS (patients); i++)
    g_free (patients[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", TODAY "T07:30:00", TRUE);
  g_setenv ("CARELINE_TODAY", TODAY, TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-appointments", 20, 16);

  g_test_add_func ("/ui/desk/appointments", test_appointments);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
