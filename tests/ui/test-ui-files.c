/* Files and views as the user meets them, under Xvfb: exports and
 * Print to File propose a meaningful name in Documents, the saved
 * toast offers Open, and the Service Desk's tab leads to work, for
 * whoever may do it.  Run in English and in zh_CN. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-desk-view.h"
#include "cl-enrolment-store.h"
#include "cl-patient-page.h"
#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-settlement-view.h"
#include "cl-statement-print-operation.h"
#include "cl-store-private.h"
#include "cl-summary-print-operation.h"
#include "cl-summary-print.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;
static char *documents;
static char *patient_id;

static CLWindow *
open_window (void)
{
  return CL_WINDOW (cl_test_ui_open_window (data_dir));
}

static gboolean
chooser_shown (gpointer data)
{
  return cl_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
is_open_button (GtkWidget     *widget,
                gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
open_button_shown (gpointer window)
{
  return cl_test_ui_find_widget_where (window, is_open_button, _("_Open")) != NULL;
}

/* Answers the chooser the view opened: checks the proposed name and
 * folder, accepts them, and waits for the file and the toast. */
static void
accept_export (CLWindow   *window,
               const char *expected_name,
               const char *screenshot)
{
  GtkWindow *dialog;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = g_build_filename (documents, expected_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *head = NULL;
  GtkWidget *open;
  GVariant *target;

  cl_test_ui_wait_until (chooser_shown, NULL);
  dialog = cl_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));
  g_test_message ("proposed %s in %s", name, g_file_peek_path (folder));
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_cmpstr (g_file_peek_path (folder), ==, documents);
  /* One verb: Export, in the title and on the button. */
  g_assert_nonnull (cl_test_ui_find_widget_where (GTK_WIDGET (dialog), is_open_button, _("_Export")));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  cl_test_ui_wait_until (file_written, path);
  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  /* The toast says so and offers Open, for that very file. */
  cl_test_ui_wait_until (open_button_shown, window);
  open = cl_test_ui_find_widget_where (GTK_WIDGET (window), is_open_button, _("_Open"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "export.open");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
  g_assert_true (gtk_widget_is_sensitive (open));
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), screenshot);
}

static void
test_export_statement (void)
{
  CLWindow *window = open_window ();
  CLSettlementView *view = CL_SETTLEMENT_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW));
  g_autofree char *stem = NULL;
  g_autofree char *expected = NULL;

  cl_window_show_view (window, "settlement");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);
  /* CARELINE_TODAY is 2026-11-23: the last complete month. */
  g_assert_cmpstr (cl_settlement_view_get_month (view), ==, "2026-10");
  stem = g_strdup_printf (_("statement-%s"), "2026-10");
  expected = g_strconcat (stem, ".pdf", NULL);
  if (!cl_test_ui_is_chinese ())
    g_assert_cmpstr (expected, ==, "statement-2026-10.pdf");

  gtk_widget_activate_action (GTK_WIDGET (view), "settlement.export-pdf", NULL);
  accept_export (window, expected, "files-export-statement");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_summary (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  g_autoptr(CLRecord) patient = cl_store_load_record (store, CL_TYPE_PATIENT, patient_id, NULL);
  g_autofree char *expected = NULL;
  CLPatientPage *page;

  g_assert_nonnull (patient);
  cl_window_show_patient (window, patient_id);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);

  /* Her name and the day: not the store's folder, not output.pdf. */
  {
    g_autofree char *stem = g_strdup_printf ("%s %s", cl_patient_get_name (CL_PATIENT (patient)), "2026-11-23");

    expected = g_strdup_printf (_("Summary %s.pdf"), stem);
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "page.export-pdf", NULL);
  accept_export (window, expected, "files-export-summary");

  /* Print to File proposes the same name in Documents. */
  {
    g_autoptr(GError) error = NULL;
    ClPatientSummary *summary = cl_patient_summary_new (store, patient_id, "Careline", &error);
    g_autoptr(GtkPrintOperation) op = NULL;
    g_autofree char *path = g_build_filename (documents, expected, NULL);
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

    g_assert_no_error (error);
    op = cl_summary_print_operation_new (summary);
    g_assert_cmpstr (gtk_print_settings_get (gtk_print_operation_get_print_settings (op),
                                             GTK_PRINT_SETTINGS_OUTPUT_URI), ==, uri);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Print to File of the statement proposes what its export does. */
static void
test_print_to_file (void)
{
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLSettlement) settlement = NULL;
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = g_strdup_printf (_("statement-%s"), "2026-10");
  g_autofree char *name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *path = g_build_filename (documents, name, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *db = g_build_filename (data_dir, "careline.db", NULL);
  const char *proposed;

  store = cl_store_open (db, &error);
  g_assert_no_error (error);
  settlement = cl_enrolment_store_settlement (store, "2026-10", &error);
  g_assert_no_error (error);
  op = cl_statement_print_operation_new (settlement);
  proposed = gtk_print_settings_get (gtk_print_operation_get_print_settings (op), GTK_PRINT_SETTINGS_OUTPUT_URI);
  g_assert_cmpstr (proposed, ==, uri);
  g_assert_null (strstr (proposed, "output.pdf"));
}

/* The Service Desk has landed: its tab leads to a page with work on it
 * (the quick-entry bar), not an empty one, and only for whoever writes
 * the contact log. */
static void
test_service_desk (void)
{
  CLWindow *window = open_window ();
  AdwViewStack *stack = ADW_VIEW_STACK (cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *desk = adw_view_stack_get_child_by_name (stack, "desk");
  AdwViewStackPage *page;

  g_assert_nonnull (desk);
  page = adw_view_stack_get_page (stack, desk);
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, _("Service Desk"));
  g_assert_true (adw_view_stack_page_get_visible (page));
  cl_window_show_view (window, "desk");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, desk);
  g_assert_true (gtk_widget_get_mapped (cl_desk_view_get_widget (CL_DESK_VIEW (desk), "caller")));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "files-views");

  cl_context_set_user (cl_window_get_context (window), "li", "escort");
  cl_test_ui_settle (200);
  g_assert_false (adw_view_stack_page_get_visible (page));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *dirs = NULL;
  g_autofree char *contents = NULL;
  int ret;

  /* A Documents folder of the test's own, as xdg-user-dirs sets one
   * up, before GLib reads it. */
  config = cl_test_make_tmp_dir ("ui-files-config");
  documents = g_build_filename (config, "Documents", NULL);
  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  contents = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents);
  g_assert_true (g_file_set_contents (dirs, contents, -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  cl_test_ui_init (&argc, &argv);

  data_dir = cl_test_ui_make_demo_store ("ui-files", 60, 7);
  {
    g_autofree char *db = g_build_filename (data_dir, "careline.db", NULL);
    g_autoptr(CLStore) store = cl_store_open (db, NULL);

    patient_id = cl_test_store_newest_patient_id (store);
  }

  g_test_add_func ("/ui-files/service-desk", test_service_desk);
  g_test_add_func ("/ui-files/export-statement", test_export_statement);
  g_test_add_func ("/ui-files/export-summary", test_export_summary);
  g_test_add_func ("/ui-files/print-to-file", test_print_to_file);

  ret = g_test_run ();

  cl_test_remove_tree (data_dir);
  cl_test_remove_tree (config);
  return ret;
}
