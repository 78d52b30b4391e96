/* The Service Desk's Complaints page, as real GTK widgets under Xvfb
 * on a real demo store, in English and in Chinese: a complaint taken at
 * the quick-entry bar (real key presses) opens its ticket, prefilled;
 * the ticket refused without a department and a severity, with the
 * messages at the fields and nothing written; saved with the promised
 * time of its severity; overdue once that time passes (the clock
 * injected), marked with a word as well as red; moved on step by step
 * to closed with the complainant's answer, a reason asked for when she
 * is unsatisfied; one settled on the spot; the filters; "Make
 * Complaint…" on a contact; and the Monthly Report's table and its
 * print, read back with pdftotext.  Screenshots at 1024 × 768 and
 * 1280 × 800. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-complaint-dialog.h"
#include "cl-complaint-print-operation.h"
#include "cl-complaint-report-view.h"
#include "cl-complaints-page.h"
#include "cl-department.h"
#include "cl-desk-view.h"
#include "cl-directory-store.h"
#include "cl-roster-view.h"
#include "cl-staff.h"
#include "cl-store-complaints.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;

static void
type_keys (const char *keys)
{
  g_auto(GStrv) list = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status = 0;

  g_ptr_array_add (argv, "xdotool");
  g_ptr_array_add (argv, "key");
  g_ptr_array_add (argv, "--delay");
  g_ptr_array_add (argv, "20");
  for (guint i = 0; list[i]; i++)
    g_ptr_array_add (argv, list[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, NULL));
  g_assert_cmpint (status, ==, 0);
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWindow *dialog = cl_test_ui_find_toplevel (CL_TYPE_COMPLAINT_DIALOG);

  return dialog && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static CLComplaintDialog *
wait_dialog (void)
{
  CLComplaintDialog *dialog;

  cl_test_ui_wait_until (dialog_shown, NULL);
  dialog = CL_COMPLAINT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_COMPLAINT_DIALOG));
  cl_test_ui_settle (200);
  return dialog;
}

static GtkWidget *
field (CLComplaintDialog *dialog,
       const char        *name)
{
  GtkWidget *widget = cl_complaint_dialog_get_widget (dialog, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
save_ok (CLComplaintDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  if (!cl_complaint_dialog_save (dialog))
    g_error ("not saved: %s", cl_complaint_dialog_get_error (dialog, ""));
  cl_test_ui_settle (300);
  /* Saved, it closes. */
  g_assert_null (dialog);
}

static gint64
count (CLStore    *store,
       const char *sql)
{
  return cl_test_store_count (store, sql);
}

static char *
department (CLStore    *store,
            const char *name,
            const char *name_en)
{
  g_autoptr(CLDepartment) d = cl_department_new ();
  g_autoptr(GError) error = NULL;

  cl_department_set_name (d, name);
  cl_department_set_name_en (d, name_en);
  cl_test_department_save (store, d);
  return g_strdup (cl_record_get_id (CL_RECORD (d)));
}

static gboolean
is_make_complaint (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), _("Make Complaint…")) == 0;
}

/* The bar's complaint becomes a ticket. */
static void
test_from_the_bar (CLWindow         *window,
                   CLDeskView       *view,
                   CLComplaintsPage *page)
{
  CLStore *store = cl_window_get_store (window);
  CLComplaintDialog *dialog;
  g_autoptr(GPtrArray) tickets = NULL;
  CLComplaint *ticket;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (cl_desk_view_get_widget (view, "category")), CL_CONTACT_CATEGORY_COMPLAINT);
  cl_desk_view_focus_entry (view);
  cl_test_ui_settle (200);
  type_keys ("Z h a n g Return w a i t e d space t w o space h o u r s Return");
  dialog = wait_dialog ();
  g_assert_cmpint (count (store, "SELECT count(*) FROM contact WHERE category = 'complaint'"), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "complainant_name"))), ==, "Zhang");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "description"))), ==, "waited two hours");

  /* Without a department and a severity: the messages at the fields,
   * nothing written. */
  g_assert_false (cl_complaint_dialog_save (dialog));
  g_assert_cmpstr (cl_complaint_dialog_get_error (dialog, "department_id"), ==, _("Choose the department complained of"));
  g_assert_cmpstr (cl_complaint_dialog_get_error (dialog, "severity"), ==, _("Choose minor, moderate or serious"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM complaint"), ==, 0);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "complaints-refused");

  /* Obstetrics (产科门诊, first by pinyin), serious: promised a day on. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "department_id")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "severity")), 1 + CL_COMPLAINT_SEVERITY_SERIOUS);
  cl_test_ui_settle (100);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "complaints-new");
  save_ok (dialog);

  tickets = cl_store_complaints_list (store, NULL, NULL, 10);
  g_assert_cmpuint (tickets->len, ==, 1);
  ticket = g_ptr_array_index (tickets, 0);
  g_assert_cmpint (cl_complaint_get_promised_at (ticket), ==, cl_complaint_get_opened_at (ticket) + 24 * 3600);
  g_assert_cmpstr (cl_complaint_get_state (ticket), ==, "open");
  g_assert_nonnull (cl_complaint_get_contact_id (ticket));
  g_assert_cmpuint (cl_complaints_page_get_n_tickets (page), ==, 1);
  g_assert_cmpuint (cl_complaints_page_get_n_overdue (page), ==, 0);

  /* Make Complaint… on that contact opens its ticket, not a second
   * one; cancelled, nothing more is written. */
  {
    GtkWidget *button = cl_test_ui_find_widget_where (GTK_WIDGET (view), is_make_complaint, NULL);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    dialog = wait_dialog ();
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("Complaint"));
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (dialog, "department_id"))), ==, 1);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "description"))), ==, "waited two hours");
    gtk_window_close (GTK_WINDOW (dialog));
    cl_test_ui_settle (200);
    g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_COMPLAINT_DIALOG));
    g_assert_cmpint (count (store, "SELECT count(*) FROM complaint"), ==, 1);
  }
}

/* Past its promise: overdue, in words as well as red. */
static void
test_overdue (CLWindow         *window,
              CLComplaintsPage *page)
{
  GtkWidget *row;

  g_setenv ("CARELINE_NOW", "2026-11-24T10:30:00", TRUE);
  cl_complaints_page_reload (page);
  cl_test_ui_settle (300);
  g_assert_cmpuint (cl_complaints_page_get_n_overdue (page), ==, 1);
  row = cl_complaints_page_get_row (page, 0);
  g_assert_true (gtk_widget_has_css_class (row, "complaint-overdue"));
  g_assert_true (cl_test_ui_find_label (row, _("Overdue")));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "complaints-1024");
}

/* Step by step to closed. */
static void
test_steps (CLWindow         *window,
            CLComplaintsPage *page)
{
  CLStore *store = cl_window_get_store (window);
  CLComplaintDialog *dialog;

  /* Start work. */
  dialog = CL_COMPLAINT_DIALOG (cl_complaints_page_open (page, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_switch_set_active (GTK_SWITCH (field (dialog, "step")), TRUE);
  save_ok (dialog);
  g_assert_cmpint (count (store, "SELECT count(*) FROM complaint WHERE state = 'in_progress'"), ==, 1);

  /* Resolved needs the resolution. */
  g_setenv ("CARELINE_NOW", "2026-11-24T11:00:00", TRUE);
  dialog = CL_COMPLAINT_DIALOG (cl_complaints_page_open (page, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_switch_set_active (GTK_SWITCH (field (dialog, "step")), TRUE);
  g_assert_false (cl_complaint_dialog_save (dialog));
  g_assert_cmpstr (cl_complaint_dialog_get_error (dialog, "resolution"), ==, _("Say how it was resolved"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM complaint WHERE state = 'resolved'"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "resolution")), "apologised; the clinic now calls by number");
  save_ok (dialog);
  g_assert_cmpint (count (store, "SELECT count(*) FROM complaint WHERE state = 'resolved'"), ==, 1);
  g_assert_cmpuint (cl_complaints_page_get_n_overdue (page), ==, 0);

  /* Closed needs her answer, and a reason when she is unsatisfied. */
  dialog = CL_COMPLAINT_DIALOG (cl_complaints_page_open (page, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_switch_set_active (GTK_SWITCH (field (dialog, "step")), TRUE);
  g_assert_false (cl_complaint_dialog_save (dialog));
  g_assert_cmpstr (cl_complaint_dialog_get_error (dialog, "satisfaction"), ==,
                   _("Ask whether the complainant is satisfied with the resolution"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "satisfaction")), 1 + CL_COMPLAINT_UNSATISFIED);
  cl_test_ui_settle (100);
  g_assert_true (gtk_widget_get_visible (field (dialog, "satisfaction_reason")));
  g_assert_false (cl_complaint_dialog_save (dialog));
  g_assert_cmpstr (cl_complaint_dialog_get_error (dialog, "satisfaction_reason"), ==,
                   _("Say why the complainant is unsatisfied"));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "complaints-close");
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "satisfaction_reason")), "wants the doctor to apologise");
  save_ok (dialog);
  g_assert_cmpint (count (store, "SELECT count(*) FROM complaint WHERE state = 'closed'"
                                 " AND satisfaction = 'unsatisfied'"), ==, 1);
}

/* Settled on the spot, from New Complaint…. */
static void
test_on_the_spot (CLWindow         *window,
                  CLComplaintsPage *page)
{
  CLStore *store = cl_window_get_store (window);
  CLComplaintDialog *dialog;

  g_signal_emit_by_name (cl_complaints_page_get_widget (page, "new"), "clicked");
  dialog = wait_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "complainant_name")), "李女士");
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "description")), "收费窗口排队太久");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "department_id")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "severity")), 1 + CL_COMPLAINT_SEVERITY_MINOR);
  gtk_switch_set_active (GTK_SWITCH (field (dialog, "step")), TRUE);
  cl_test_ui_settle (100);
  g_assert_true (gtk_widget_get_visible (field (dialog, "resolution")));
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "resolution")), "当场开通绿色通道");
  save_ok (dialog);
  g_assert_cmpint (count (store, "SELECT count(*) FROM complaint WHERE settled_on_spot = 1"
                                 " AND state = 'resolved' AND resolved_at = opened_at"), ==, 1);
  g_assert_cmpuint (cl_complaints_page_get_n_tickets (page), ==, 2);

  /* The filters: resolved only, then one department. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cl_complaints_page_get_widget (page, "state")),
                              1 + CL_COMPLAINT_STATE_RESOLVED);
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_complaints_page_get_n_tickets (page), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cl_complaints_page_get_widget (page, "state")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cl_complaints_page_get_widget (page, "department")), 1);
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_complaints_page_get_n_tickets (page), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cl_complaints_page_get_widget (page, "department")), 0);
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_complaints_page_get_n_tickets (page), ==, 2);
}

static void
test_report (CLWindow         *window,
             CLComplaintsPage *page)
{
  CLComplaintReportView *report = CL_COMPLAINT_REPORT_VIEW (cl_complaints_page_get_widget (page, "report"));
  GtkStack *stack = GTK_STACK (cl_complaints_page_get_widget (page, "stack"));
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cl_test_make_tmp_dir ("ui-complaints-print");
  g_autofree char *path = g_build_filename (dir, "complaints.pdf", NULL);
  g_autofree char *text = NULL;
  const char *obstetrics = cl_test_ui_is_chinese () ? "产科门诊" : "Obstetrics Clinic";

  gtk_stack_set_visible_child_name (stack, "report");
  cl_complaint_report_view_set_month (report, "2026-11");
  cl_test_ui_settle (300);
  /* Header, 产科门诊, 收费处, then all. */
  g_assert_cmpstr (cl_complaint_report_view_get_cell (report, 1, 0), ==, obstetrics);
  g_assert_cmpstr (cl_complaint_report_view_get_cell (report, 1, 1), ==, "1");
  g_assert_cmpstr (cl_complaint_report_view_get_cell (report, 2, 2), ==, "1");
  g_assert_cmpstr (cl_complaint_report_view_get_cell (report, 3, 1), ==, "2");
  /* Hers was unsatisfied: none of one answer. */
  g_assert_cmpstr (cl_complaint_report_view_get_cell (report, 1, 4), ==, "0.0%");
  /* Resolved 25 hours after a 24-hour promise. */
  g_assert_cmpstr (cl_complaint_report_view_get_cell (report, 1, 5), ==, "1");
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "complaints-report-1024");

  /* Printed as the PDF export draws it. */
  op = cl_complaint_print_operation_new (cl_complaint_report_view_get_report (report));
  gtk_print_operation_set_export_filename (op, path);
  g_assert_cmpint (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  text = cl_test_pdf_text (path, 0, 0);
  cl_test_assert_contains (text, obstetrics);
  cl_test_assert_contains (text, cl_test_ui_is_chinese () ? "全部科室" : "All departments");
  cl_test_remove_tree (dir);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cl_test_ui_settle (500);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "complaints-report-1280");
  gtk_stack_set_visible_child_name (stack, "tickets");
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "complaints-1280");
}

static void
test_complaints (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLStore *store = cl_window_get_store (window);
  CLComplaintsPage *page;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_test_departments_close (store);
  a = department (store, "产科门诊", "Obstetrics Clinic");
  b = department (store, "收费处", "Cashier");
  cl_context_set_user (cl_window_get_context (window), "desk", "service_desk");
  cl_window_show_view (window, "desk");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);
  page = CL_COMPLAINTS_PAGE (cl_test_ui_find_widget (GTK_WIDGET (view), CL_TYPE_COMPLAINTS_PAGE));
  g_assert_nonnull (page);

  test_from_the_bar (window, view, page);
  /* The ticket is on the Complaints page. */
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page))), GTK_WIDGET (page));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  test_overdue (window, page);
  test_steps (window, page);
  test_on_the_spot (window, page);
  test_report (window, page);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T10:00:00", TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-complaints", 30, 17);

  g_test_add_func ("/ui/complaints/page", test_complaints);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
