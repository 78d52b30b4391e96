/* The Service Desk's Opinions and Faults pages, as real GTK widgets under Xvfb on a
 * real demo store, in English and in Chinese: a fault reported in the
 * dialog (no machine and a time that is no time refused at their
 * fields, nothing written), one reported two days ago flagged in red
 * with words and listed first, Mark Fixed… refusing a fix before the
 * report and then closing it, the open one first again; a role that
 * may not read the log finds the page off.  The opinion log: an entry
 * without content or dated tomorrow refused at its field, entries of
 * the day with complaints first, the day navigator, and Make
 * Complaint… opening a new ticket prefilled from the entry, which the
 * entry then names.  Screenshots at 1024 × 768. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-complaint-dialog.h"
#include "cl-desk-view.h"
#include "cl-directory-store.h"
#include "cl-fault-dialog.h"
#include "cl-fault-fix-dialog.h"
#include "cl-faults-page.h"
#include "cl-opinion-dialog.h"
#include "cl-opinions-page.h"
#include "cl-roster-view.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;

static gint64
count (CLStore    *store,
       const char *where)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM equipment_fault WHERE deleted = 0", where, NULL);

  return cl_test_store_count (store, sql);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Saves @dialog with @save and waits for it to close. */
static void
save_and_wait (gpointer   dialog,
               gboolean (*save) (gpointer))
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (save (dialog));
  cl_test_ui_wait_until (window_gone, &weak);
}

static void
set_text (GtkWidget  *field,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static void
test_faults (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLStore *store = cl_context_get_store (context);
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLFaultsPage *page = CL_FAULTS_PAGE (cl_desk_view_get_page (view, "faults"));
  g_autofree char *state = NULL;
  g_autofree char *expected = NULL;
  CLFaultDialog *dialog;
  CLFaultFixDialog *fix;
  gboolean overdue = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_context_set_user (context, "desk", "service_desk");
  cl_window_show_view (window, "desk");
  cl_desk_view_show_page (view, "faults");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  g_assert_cmpuint (cl_faults_page_get_n_rows (page), ==, 0);

  /* No machine, and a time that is no time: refused at the fields,
   * nothing written. */
  dialog = CL_FAULT_DIALOG (cl_faults_page_open_report (page));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  set_text (cl_fault_dialog_get_field (dialog, "fault"), "不出凭条");
  g_assert_false (cl_fault_dialog_save (dialog));
  g_assert_cmpstr (cl_fault_dialog_get_error (dialog, "machine"), ==, _("Enter the machine"));
  g_assert_cmpint (count (store, ""), ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "faults-report");
  set_text (cl_fault_dialog_get_field (dialog, "machine"), "门诊大厅自助机 3号");
  set_text (cl_fault_dialog_get_field (dialog, "reported_at"), "前天");
  g_assert_false (cl_fault_dialog_save (dialog));
  g_assert_cmpstr (cl_fault_dialog_get_error (dialog, "reported_at"), ==,
                   _("Enter the time as HH:MM or YYYY-MM-DD HH:MM"));
  g_assert_null (cl_fault_dialog_get_error (dialog, "machine"));
  g_assert_cmpint (count (store, ""), ==, 0);
  /* Reported to the vendor's engineer two days ago. */
  set_text (cl_fault_dialog_get_field (dialog, "reported_at"), "2026-11-21 09:00");
  set_text (cl_fault_dialog_get_field (dialog, "location"), "门诊大厅");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_fault_dialog_get_field (dialog, "reported_to")), 1);
  set_text (cl_fault_dialog_get_field (dialog, "reported_to_name"), "王工");
  save_and_wait (dialog, (gpointer) cl_fault_dialog_save);
  g_assert_cmpint (count (store, " AND machine = '门诊大厅自助机 3号' AND reported_to = 'vendor'"
                                 " AND reported_to_name = '王工' AND fixed_at = 0"), ==, 1);

  /* A second, half an hour ago, to the IT room (the default). */
  dialog = CL_FAULT_DIALOG (cl_faults_page_open_report (page));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  set_text (cl_fault_dialog_get_field (dialog, "machine"), "住院部自助机 1号");
  set_text (cl_fault_dialog_get_field (dialog, "location"), "住院部一楼");
  set_text (cl_fault_dialog_get_field (dialog, "fault"), "屏幕无响应");
  set_text (cl_fault_dialog_get_field (dialog, "reported_at"), "09:30");
  save_and_wait (dialog, (gpointer) cl_fault_dialog_save);
  g_assert_cmpint (count (store, " AND reported_to = 'it'"), ==, 1);

  /* The older one first, overdue in red with words; the other not. */
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_faults_page_get_n_rows (page), ==, 2);
  state = cl_faults_page_dup_state (page, 0, &overdue);
  expected = g_strdup_printf (_("Open %d d %d h, overdue"), 2, 1);
  g_assert_cmpstr (state, ==, expected);
  g_assert_true (overdue);
  g_clear_pointer (&state, g_free);
  g_clear_pointer (&expected, g_free);
  state = cl_faults_page_dup_state (page, 1, &overdue);
  expected = g_strdup_printf (_("Open %d min"), 30);
  g_assert_cmpstr (state, ==, expected);
  g_assert_false (overdue);
  g_clear_pointer (&state, g_free);
  g_clear_pointer (&expected, g_free);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "faults-1024");

  /* Mark Fixed…: a fix before the report is refused at its field and
   * the fault stays open; at 09:50 it is fixed. */
  fix = CL_FAULT_FIX_DIALOG (cl_faults_page_open_fix (page, 0));
  g_assert_nonnull (fix);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, fix);
  set_text (cl_fault_fix_dialog_get_field (fix, "fixed_at"), "2026-11-20 18:00");
  g_assert_false (cl_fault_fix_dialog_save (fix));
  g_assert_cmpstr (cl_fault_fix_dialog_get_error (fix, "fixed_at"), ==, _("The fix is before the report"));
  g_assert_cmpint (count (store, " AND fixed_at <> 0"), ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (fix), "faults-fix");
  set_text (cl_fault_fix_dialog_get_field (fix, "fixed_at"), "09:50");
  set_text (cl_fault_fix_dialog_get_field (fix, "note"), "更换打印机");
  save_and_wait (fix, (gpointer) cl_fault_fix_dialog_save);
  g_assert_cmpint (count (store, " AND fixed_at <> 0 AND machine = '门诊大厅自助机 3号' AND note = '更换打印机'"), ==, 1);

  /* The open one first now; the fixed one follows, no longer red. */
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_faults_page_get_n_rows (page), ==, 2);
  state = cl_faults_page_dup_state (page, 1, &overdue);
  g_assert_false (overdue);
  g_assert_null (cl_faults_page_open_fix (page, 1));
  g_clear_pointer (&state, g_free);
  state = cl_faults_page_dup_state (page, 0, &overdue);
  expected = g_strdup_printf (_("Open %d min"), 30);
  g_assert_cmpstr (state, ==, expected);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "faults-fixed-1024");

  /* A case manager may not read the log: the page is off. */
  cl_context_set_user (context, "cm", "case_manager");
  cl_test_ui_settle (100);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page)));
  cl_context_set_user (context, "desk", "service_desk");
  cl_test_ui_settle (100);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_entry (CLOpinionsPage *page,
           guint           source,
           guint           kind,
           const char     *content)
{
  CLOpinionDialog *dialog = CL_OPINION_DIALOG (cl_opinions_page_open_add (page));

  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_opinion_dialog_get_field (dialog, "source")), source);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_opinion_dialog_get_field (dialog, "department_id")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_opinion_dialog_get_field (dialog, "kind")), kind);
  set_text (cl_opinion_dialog_get_field (dialog, "content"), content);
  save_and_wait (dialog, (gpointer) cl_opinion_dialog_save);
}

static void
test_opinions (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLStore *store = cl_context_get_store (context);
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLOpinionsPage *page = CL_OPINIONS_PAGE (cl_desk_view_get_page (view, "opinions"));
  g_autoptr(CLDepartment) department = cl_department_new ();
  CLOpinionDialog *dialog;
  CLComplaintDialog *ticket;
  CLOpinionEntry *entry;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_test_departments_close (store);
  cl_department_set_name (department, "产科门诊");
  cl_department_set_name_en (department, "Obstetrics Clinic");
  cl_test_department_save (store, department);
  cl_context_set_user (context, "desk", "service_desk");
  cl_window_show_view (window, "desk");
  cl_desk_view_show_page (view, "opinions");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  g_assert_cmpstr (cl_opinions_page_get_date (page), ==, "2026-11-23");
  g_assert_cmpuint (cl_opinions_page_get_n_rows (page), ==, 0);

  /* No content, then tomorrow: refused at the fields, nothing written. */
  dialog = CL_OPINION_DIALOG (cl_opinions_page_open_add (page));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_opinion_dialog_get_field (dialog, "date"))), ==,
                   "2026-11-23");
  g_assert_false (cl_opinion_dialog_save (dialog));
  g_assert_cmpstr (cl_opinion_dialog_get_error (dialog, "content"), ==, _("Enter what was written"));
  set_text (cl_opinion_dialog_get_field (dialog, "content"), "候诊时间太长");
  set_text (cl_opinion_dialog_get_field (dialog, "date"), "2026-11-24");
  g_assert_false (cl_opinion_dialog_save (dialog));
  g_assert_cmpstr (cl_opinion_dialog_get_error (dialog, "date"), ==, _("The date lies in the future"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM opinion_entry"), ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "opinions-add");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A commendation from the book, then a complaint from the box: the
   * complaint is listed first. */
  add_entry (page, 1, 1, "李护士很耐心，谢谢");
  add_entry (page, 0, 2, "候诊两小时无人解释");
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_opinions_page_get_n_rows (page), ==, 2);
  g_assert_cmpstr (cl_opinion_entry_get_kind (cl_opinions_page_get_entry (page, 0)), ==, "complaint");
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM opinion_entry WHERE date = '2026-11-23'"
                                               " AND source = 'book' AND kind = 'commendation'"), ==, 1);

  /* Make Complaint…: a new ticket with the entry's department and
   * content; once saved, the entry names it. */
  ticket = CL_COMPLAINT_DIALOG (cl_opinions_page_open_complaint (page, 0));
  g_assert_nonnull (ticket);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, ticket);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_complaint_dialog_get_widget (ticket, "description"))), ==,
                   "候诊两小时无人解释");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (cl_complaint_dialog_get_widget (ticket, "department_id"))),
                    >, 0);
  set_text (cl_complaint_dialog_get_widget (ticket, "complainant_name"), "匿名");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_complaint_dialog_get_widget (ticket, "severity")), 2);
  save_and_wait (ticket, (gpointer) cl_complaint_dialog_save);
  cl_test_ui_settle (200);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM opinion_entry o JOIN complaint c"
                                               " ON c.id = o.complaint_id WHERE c.description = '候诊两小时无人解释'"
                                               " AND c.department_id = o.department_id"), ==, 1);
  entry = cl_opinions_page_get_entry (page, 0);
  g_assert_nonnull (entry);
  g_assert_false (cl_opinion_entry_get_complaint_id (entry) == NULL);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "opinions-1024");

  /* The day before holds nothing; tomorrow is out of reach. */
  cl_opinions_page_set_date (page, "2026-11-22");
  g_assert_cmpuint (cl_opinions_page_get_n_rows (page), ==, 0);
  cl_opinions_page_set_date (page, "2026-11-30");
  g_assert_cmpstr (cl_opinions_page_get_date (page), ==, "2026-11-23");
  g_assert_cmpuint (cl_opinions_page_get_n_rows (page), ==, 2);

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
  data_dir = cl_test_ui_make_demo_store ("ui-faults", 30, 17);

  g_test_add_func ("/ui/faults/report-flag-fix", test_faults);
  g_test_add_func ("/ui/faults/opinions", test_opinions);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
