/* The Service Desk's Critical Values page and the alarm, as real GTK
 * widgets under Xvfb on a real demo store, in English and in Chinese:
 * a value registered in the dialog (refused at the read-back until it
 * is confirmed, nothing written), its clock past the limit raising the
 * alarm under the header bar, reported from the alarm (an empty report
 * refused at its field) and the alarm gone, the clock red and "late";
 * the administrator's limit changed in Service Desk Settings; the TB
 * list of its own; the monthly report on screen and as a PDF read back
 * with pdftotext; no alarm for a role that cannot report.  Screenshots
 * at 1024 × 768 and 1280 × 800. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>

#include "cl-critical-alarm.h"
#include "cl-critical-dialog.h"
#include "cl-critical-month-dialog.h"
#include "cl-critical-page.h"
#include "cl-critical-print.h"
#include "cl-critical-report-dialog.h"
#include "cl-critical-store.h"
#include "cl-desk-patient-dialog.h"
#include "cl-desk-settings-dialog.h"
#include "cl-desk-view.h"
#include "cl-directory-store.h"
#include "cl-patient-chooser.h"
#include "cl-patient.h"
#include "cl-roster-view.h"
#include "cl-staff.h"
#include "cl-store-critical.h"
#include "cl-sync-client.h"
#include "cl-test-desk.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window-desk.h"
#include "cl-window.h"

static char *data_dir;

static gint64
count_values (CLStore *store)
{
  return cl_test_store_count (store, "SELECT count(*) FROM critical_value WHERE deleted = 0");
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Watches @window, so a test can wait for it to go. */
static gpointer *
watch (gpointer window)
{
  gpointer *weak = g_new (gpointer, 1);

  *weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), weak);
  return weak;
}

static void
wait_closed (gpointer *weak)
{
  cl_test_ui_wait_until (window_gone, weak);
  g_free (weak);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
patient_dialog_shown (gpointer data)
{
  return cl_test_ui_find_toplevel (CL_TYPE_DESK_PATIENT_DIALOG) != NULL;
}

/* A caller not on the roster: registered from the register's own
 * dialog, and the value registered for her. */
static void
test_register_new_patient (CLWindow       *window,
                           CLCriticalPage *page)
{
  CLStore *store = cl_context_get_store (cl_window_get_context (window));
  CLCriticalDialog *dialog = CL_CRITICAL_DIALOG (cl_critical_page_open_register (page));
  CLDeskPatientDialog *patient;
  GtkWidget *button;
  gint64 before = count_values (store);
  gpointer *weak;

  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (cl_patient_chooser_get_entry (CL_PATIENT_CHOOSER (cl_critical_dialog_get_field (dialog, "patient_id"))),
                         "韩梅梅");
  button = cl_test_ui_find_widget_where (GTK_WIDGET (dialog), is_button_labelled, _("_New Patient…"));
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  cl_test_ui_wait_until (patient_dialog_shown, NULL);
  patient = CL_DESK_PATIENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_DESK_PATIENT_DIALOG));
  g_assert_nonnull (patient);
  g_assert_cmpstr (gtk_editable_get_text (cl_desk_patient_dialog_get_entry (patient, "name")), ==, "韩梅梅");
  gtk_editable_set_text (cl_desk_patient_dialog_get_entry (patient, "phone"), "13900139555");
  weak = watch (patient);
  g_assert_true (cl_desk_patient_dialog_save (patient));
  wait_closed (weak);
  g_assert_nonnull (cl_patient_chooser_get_patient_id (CL_PATIENT_CHOOSER (cl_critical_dialog_get_field (dialog, "patient_id"))));
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_critical_dialog_get_field (dialog, "department_id")), 1);
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_dialog_get_field (dialog, "test_name")), "血小板");
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_dialog_get_field (dialog, "result")), "18");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cl_critical_dialog_get_field (dialog, "read_back")), TRUE);
  weak = watch (dialog);
  g_assert_true (cl_critical_dialog_save (dialog));
  wait_closed (weak);
  g_assert_cmpint (count_values (store), ==, before + 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM critical_value c JOIN patient p ON p.id = c.patient_id"
                                               " WHERE p.name = '韩梅梅' AND c.test_name = '血小板'"), ==, 1);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -layout %s -", path);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
test_critical (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLStore *store = cl_context_get_store (context);
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLCriticalPage *page = CL_CRITICAL_PAGE (cl_desk_view_get_page (view, "critical"));
  CLCriticalAlarm *alarm = cl_window_desk_get_alarm (window);
  g_autoptr(CLDepartment) department = cl_department_new ();
  g_autofree char *patient_id = cl_test_store_newest_patient_id (store);
  g_autoptr(CLRecord) patient = cl_store_load_record (store, CL_TYPE_PATIENT, patient_id, NULL);
  const char *name = cl_patient_get_name (CL_PATIENT (patient));
  g_autoptr(GError) error = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tmp = NULL;
  CLCriticalDialog *dialog;
  GtkWindow *report;
  GtkWindow *month;
  CLCriticalReport *summary;
  CLDeskSettingsDialog *settings;
  gboolean problem = FALSE;
  gpointer *weak;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_test_departments_close (store);
  cl_department_set_name (department, "产科门诊");
  cl_department_set_name_en (department, "Obstetrics Clinic");
  cl_test_department_save (store, department);
  g_assert_no_error (error);

  cl_window_show_view (window, "desk");
  cl_desk_view_show_page (view, "critical");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  g_assert_cmpuint (cl_critical_page_get_n_rows (page), ==, 0);
  g_assert_false (cl_critical_alarm_get_active (alarm));

  /* Registered at 09:40 (now is 10:00), not yet read back: refused at
   * the read-back, nothing written. */
  dialog = CL_CRITICAL_DIALOG (cl_critical_page_open_register (page));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_dialog_get_field (dialog, "received_at")), "09:40");
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_dialog_get_field (dialog, "caller_name")), "检验科李老师");
  cl_test_ui_choose_patient (GTK_WIDGET (dialog), name);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_critical_dialog_get_field (dialog, "department_id")), 1);
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_dialog_get_field (dialog, "test_name")), "血钾");
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_dialog_get_field (dialog, "result")), "6.8");
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_dialog_get_field (dialog, "unit")), "mmol/L");
  g_assert_false (cl_critical_dialog_save (dialog));
  g_assert_cmpstr (cl_critical_dialog_get_error (dialog, "read_back"), ==,
                   _("Read the value back to the caller and confirm it before registering"));
  g_assert_cmpint (count_values (store), ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "critical-register");
  /* A time that is no time. */
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_dialog_get_field (dialog, "received_at")), "9点40");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cl_critical_dialog_get_field (dialog, "read_back")), TRUE);
  g_assert_false (cl_critical_dialog_save (dialog));
  g_assert_cmpstr (cl_critical_dialog_get_error (dialog, "received_at"), ==, _("Enter the time as HH:MM"));
  g_assert_cmpint (count_values (store), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_dialog_get_field (dialog, "received_at")), "09:40");
  weak = watch (dialog);
  g_assert_true (cl_critical_dialog_save (dialog));
  wait_closed (weak);
  g_assert_cmpint (count_values (store), ==, 1);

  /* 20 minutes unreported, past the limit of 15: the alarm, on every
   * view, and the clock in red with words. */
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_critical_page_get_n_rows (page), ==, 1);
  clock = cl_critical_page_dup_clock (page, 0, &problem);
  g_assert_true (problem);
  g_assert_true (g_str_has_prefix (clock, cl_test_ui_is_chinese () ? "20 分钟未报告" : "Unreported 20 min"));
  g_clear_pointer (&clock, g_free);
  g_assert_true (cl_critical_alarm_get_active (alarm));
  g_assert_nonnull (strstr (cl_critical_alarm_get_text (alarm), name));
  g_assert_nonnull (strstr (cl_critical_alarm_get_text (alarm), "20"));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "critical-alarm-1024");
  cl_window_show_view (window, "roster");
  cl_test_ui_settle (200);
  g_assert_true (cl_critical_alarm_get_active (alarm));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (alarm)));
  /* Her page slides over the views: it has the alarm too. */
  cl_window_show_patient (window, patient_id);
  cl_test_ui_settle (600);
  g_assert_nonnull (cl_window_desk_get_patient_alarm (window));
  g_assert_true (cl_critical_alarm_get_active (cl_window_desk_get_patient_alarm (window)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cl_window_desk_get_patient_alarm (window))));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "critical-alarm-patient");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  cl_test_ui_settle (400);
  cl_window_show_view (window, "desk");

  /* A case manager reads the register but cannot report: no alarm. */
  cl_context_set_user (context, "cm", "case_manager");
  cl_test_ui_settle (200);
  g_assert_false (cl_critical_alarm_get_active (alarm));
  cl_context_set_user (context, "desk", "service_desk");
  cl_test_ui_settle (200);
  g_assert_true (cl_critical_alarm_get_active (alarm));

  /* Reported from the alarm: an empty report is refused at its field;
   * then to 张医生 at 10:00, and the alarm goes. */
  report = cl_critical_alarm_open_report (alarm);
  g_assert_nonnull (report);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, report);
  g_assert_false (cl_critical_report_dialog_save (CL_CRITICAL_REPORT_DIALOG (report)));
  g_assert_cmpstr (cl_critical_report_dialog_get_error (CL_CRITICAL_REPORT_DIALOG (report), "reported_to"), ==,
                   _("Enter whom it was reported to"));
  g_assert_true (cl_critical_alarm_get_active (alarm));
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_report_dialog_get_field (CL_CRITICAL_REPORT_DIALOG (report),
                                                                            "reported_to")), "张医生");
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_report_dialog_get_field (CL_CRITICAL_REPORT_DIALOG (report),
                                                                            "action")), "复查血钾，已处理");
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (report), "critical-report");
  weak = watch (report);
  g_assert_true (cl_critical_report_dialog_save (CL_CRITICAL_REPORT_DIALOG (report)));
  wait_closed (weak);
  cl_test_ui_settle (200);
  g_assert_false (cl_critical_alarm_get_active (alarm));
  clock = cl_critical_page_dup_clock (page, 0, &problem);
  g_assert_true (problem);
  g_assert_cmpstr (clock, ==, cl_test_ui_is_chinese () ? "20 分钟，超时" : "20 min, late");
  g_clear_pointer (&clock, g_free);

  /* A TB result, on time, in its own list. */
  {
    g_autoptr(CLCriticalValue) tb = cl_critical_value_new (CL_CRITICAL_KIND_TUBERCULOSIS,
                                                           cl_context_get_now (context) - 600, "desk");

    cl_critical_value_set_source (tb, "radiology");
    cl_critical_value_set_patient_id (tb, patient_id);
    cl_critical_value_set_department_id (tb, cl_record_get_id (CL_RECORD (department)));
    cl_critical_value_set_test_name (tb, "胸部 CT");
    cl_critical_value_set_result (tb, "疑似活动性肺结核");
    cl_critical_value_set_read_back (tb, TRUE);
    cl_critical_value_set_reported_to (tb, "王医生");
    cl_critical_value_set_reported_role (tb, "doctor");
    cl_critical_value_set_reported_at (tb, cl_context_get_now (context) - 300);
    cl_critical_value_set_action (tb, "转感染科");
    g_assert_true (cl_critical_store_save (store, tb, CL_ROLE_SERVICE_DESK, NULL, &error));
    g_assert_no_error (error);
  }
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_critical_page_get_n_rows (page), ==, 1);
  cl_critical_page_set_kind (page, CL_CRITICAL_KIND_TUBERCULOSIS);
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_critical_page_get_n_rows (page), ==, 1);
  clock = cl_critical_page_dup_clock (page, 0, &problem);
  g_assert_false (problem);
  g_assert_cmpstr (clock, ==, cl_test_ui_is_chinese () ? "5 分钟" : "5 min");
  g_clear_pointer (&clock, g_free);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "critical-tb-1024");
  cl_critical_page_set_kind (page, CL_CRITICAL_KIND_CRITICAL);

  /* The monthly report: one of two within the limit; its PDF says so. */
  month = cl_critical_page_open_month (page);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, month);
  g_assert_true (cl_critical_month_dialog_set_month (CL_CRITICAL_MONTH_DIALOG (month), "2026-11"));
  summary = cl_critical_month_dialog_get_report (CL_CRITICAL_MONTH_DIALOG (month));
  g_assert_cmpuint (summary->all.total, ==, 2);
  g_assert_cmpuint (summary->all.on_time, ==, 1);
  g_assert_cmpuint (summary->all.late, ==, 1);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (month), "50.0%"));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (month), cl_test_ui_is_chinese () ? "产科门诊" : "Obstetrics Clinic"));
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (month), "critical-month");
  tmp = cl_test_make_tmp_dir ("ui-critical-pdf");
  pdf = g_build_filename (tmp, "report.pdf", NULL);
  g_assert_true (cl_critical_print_export_pdf (summary, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, cl_test_ui_is_chinese () ? "危急值报告及时率" : "Critical Value Timeliness"));
  g_assert_nonnull (strstr (text, cl_test_ui_is_chinese () ? "2026年11月" : "Nov 2026"));
  g_assert_nonnull (strstr (text, "50.0%"));
  g_assert_nonnull (strstr (text, cl_test_ui_is_chinese () ? "检验科" : "Laboratory"));
  g_assert_nonnull (strstr (text, cl_test_ui_is_chinese () ? "放射科" : "Radiology"));
  g_assert_nonnull (strstr (text, cl_test_ui_is_chinese () ? "产科门诊" : "Obstetrics Clinic"));
  g_assert_nonnull (strstr (text, cl_test_ui_is_chinese () ? "15 分钟" : "15 minutes"));
  weak = watch (month);
  gtk_window_close (month);
  wait_closed (weak);
  cl_test_remove_tree (tmp);

  /* The administrator's limit: 30 minutes make the first one on time;
   * out of range is said at the field. */
  cl_context_set_user (context, "admin", CL_ROLE_ADMIN);
  settings = cl_desk_settings_dialog_new (GTK_WINDOW (window), context);
  gtk_window_present (GTK_WINDOW (settings));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, settings);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cl_desk_settings_dialog_get_spin (settings, CL_CRITICAL_LIMIT_KEY)),
                   ==, 15);
  gtk_spin_button_set_value (cl_desk_settings_dialog_get_spin (settings, CL_CRITICAL_LIMIT_KEY), 30);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (settings), "critical-settings");
  weak = watch (settings);
  g_assert_true (cl_desk_settings_dialog_save (settings));
  wait_closed (weak);
  cl_test_ui_settle (200);
  g_assert_cmpint (cl_critical_store_limit (store), ==, 30);
  clock = cl_critical_page_dup_clock (page, 0, &problem);
  g_assert_false (problem);
  g_clear_pointer (&clock, g_free);
  cl_context_set_user (context, "desk", "service_desk");
  test_register_new_patient (window, page);

  cl_window_show_view (window, "desk");
  cl_desk_view_show_page (view, "critical");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cl_test_ui_settle (500);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "critical-1280");
  gtk_window_destroy (GTK_WINDOW (window));
}

#define PASSWORD "correct horse battery staple"

static gboolean
alarm_on (gpointer alarm)
{
  return cl_critical_alarm_get_active (alarm);
}

static gboolean
alarm_off (gpointer alarm)
{
  return !cl_critical_alarm_get_active (alarm);
}

typedef struct
{
  CLStore         *store;
  CLSyncClient    *client;
  CLContext       *context;
  GtkWindow       *window;
  CLCriticalAlarm *alarm;
} Desk;

/* A service desk of its own: a store, logged in to @url as @user, and a
 * window with the alarm strip on its context. */
static void
desk_open (Desk       *desk,
           const char *dir,
           const char *user,
           const char *url)
{
  desk->store = cl_test_desk_open_store (dir, user);
  desk->client = cl_test_desk_login (desk->store, url, user, PASSWORD);
  desk->context = cl_context_new ();
  cl_context_set_store (desk->context, desk->store);
  cl_context_set_user (desk->context, user, CL_ROLE_SERVICE_DESK);
  desk->alarm = CL_CRITICAL_ALARM (cl_critical_alarm_new (desk->context));
  desk->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (desk->window, 640, 120);
  gtk_window_set_child (desk->window, GTK_WIDGET (desk->alarm));
  gtk_window_present (desk->window);
}

static void
desk_close (Desk *desk)
{
  cl_sync_client_set_server_url (desk->client, "");
  gtk_window_destroy (desk->window);
  g_clear_object (&desk->context);
  g_clear_object (&desk->client);
  g_clear_object (&desk->store);
}

/* Desk A registers a value that is already past the limit; desk B
 * shows the alarm once it has synced; B reports it; A's alarm goes
 * when the report reaches it.  Through a real careline-server. */
static void
test_two_desks (void)
{
  const char *server_binary = g_getenv ("CARELINE_SERVER");
  g_autofree char *dir = cl_test_make_tmp_dir ("ui-critical-desks");
  g_autofree char *server_db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLStore) office = NULL;
  g_autoptr(CLSyncClient) office_client = NULL;
  g_autoptr(CLDepartment) department = cl_department_new ();
  g_autoptr(CLPatient) patient = cl_test_patient_new ("王芳", "11010519900307124", "13800138000");
  g_autoptr(CLCriticalValue) value = NULL;
  g_autoptr(GError) error = NULL;
  const char * const users[][2] = { { "desk_a", "service_desk" }, { "desk_b", "service_desk" }, { "admin", "admin" } };
  Desk a = { 0 }, b = { 0 };
  GtkWindow *report;
  gpointer *weak;

  g_assert_nonnull (server_binary);
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", users[i][0],
                                             "--role", users[i][1], "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);

  /* The administrator's department list. */
  office = cl_test_desk_open_store (dir, "office");
  office_client = cl_test_desk_login (office, url, "admin", PASSWORD);
  cl_department_set_name (department, "产科门诊");
  g_assert_true (cl_directory_store_save_department (office, department, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  cl_test_desk_sync (office_client);

  desk_open (&a, dir, "desk_a", url);
  desk_open (&b, dir, "desk_b", url);
  cl_test_desk_sync (a.client);
  cl_test_desk_sync (b.client);
  g_assert_false (cl_critical_alarm_get_active (a.alarm));
  g_assert_false (cl_critical_alarm_get_active (b.alarm));

  /* A registers her (inline) and a value received 20 minutes ago. */
  cl_test_patient_save (a.store, patient, NULL);
  value = cl_critical_value_new (CL_CRITICAL_KIND_CRITICAL, cl_context_get_now (a.context) - 20 * 60, "desk_a");
  cl_critical_value_set_source (value, "lab");
  cl_critical_value_set_patient_id (value, cl_record_get_id (CL_RECORD (patient)));
  cl_critical_value_set_department_id (value, cl_record_get_id (CL_RECORD (department)));
  cl_critical_value_set_test_name (value, "血钾");
  cl_critical_value_set_result (value, "6.8");
  cl_critical_value_set_read_back (value, TRUE);
  g_assert_true (cl_critical_store_save (a.store, value, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  cl_test_ui_wait_until (alarm_on, a.alarm);
  /* (B may hear of it at once through the server's nudge; the syncs
   * here make sure it has.) */
  cl_test_desk_sync (a.client);

  /* B pulls it: the alarm, with her name. */
  cl_test_desk_sync (b.client);
  cl_test_ui_wait_until (alarm_on, b.alarm);
  g_assert_nonnull (strstr (cl_critical_alarm_get_text (b.alarm), "王芳"));
  cl_test_ui_save_screenshot (GTK_WIDGET (b.window), "critical-desk-b");

  /* B reports it from its alarm; B's goes at once. */
  report = cl_critical_alarm_open_report (b.alarm);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, report);
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_report_dialog_get_field (CL_CRITICAL_REPORT_DIALOG (report),
                                                                            "reported_to")), "李医生");
  gtk_editable_set_text (GTK_EDITABLE (cl_critical_report_dialog_get_field (CL_CRITICAL_REPORT_DIALOG (report),
                                                                            "action")), "已复查");
  weak = watch (report);
  g_assert_true (cl_critical_report_dialog_save (CL_CRITICAL_REPORT_DIALOG (report)));
  wait_closed (weak);
  g_assert_false (cl_critical_alarm_get_active (b.alarm));
  cl_test_desk_sync (b.client);

  /* The report reaches A: its alarm goes too. */
  cl_test_desk_sync (a.client);
  cl_test_ui_wait_until (alarm_off, a.alarm);
  g_assert_cmpint (cl_test_store_count (a.store, "SELECT count(*) FROM critical_value WHERE reported_at > 0"
                                        " AND reported_to = '李医生'"), ==, 1);

  desk_close (&a);
  desk_close (&b);
  cl_sync_client_set_server_url (office_client, "");
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T10:00:00", TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-critical", 30, 17);

  g_test_add_func ("/ui/critical/register-alarm-report", test_critical);
  g_test_add_func ("/ui/critical/two-desks", test_two_desks);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
