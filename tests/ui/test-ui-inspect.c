/* The Service Desk's Inspections page and the Faults page's monthly
 * report, as real GTK widgets under Xvfb on a real demo store, in
 * English and in Chinese: New Inspection… refusing a post left empty
 * and a failed item without findings or a rectification at their
 * fields (nothing written), then a failed inspection through poor
 * cooperation whose rectification is past its deadline (flagged in
 * red with words, the contract's two deductions shown) and a passed
 * one; a photo and a PDF attached and opened in the viewer, a file
 * that is neither refused; Mark Rectified… refusing a fix without
 * anyone named, then recording it; finance reads the page but may not
 * write it, and its settlement view makes the two deductions once.
 * The Faults page reports a month as CSV through its own export.
 * Screenshots at 1024 × 768. */

#include "config.h"

#include <adwaita.h>
#include <cairo.h>
#include <glib/gi18n.h>

#include "cl-desk-view.h"
#include "cl-quality-view.h"
#include "cl-faults-page.h"
#include "cl-inspection-dialog.h"
#include "cl-inspection-rules.h"
#include "cl-inspections-page.h"
#include "cl-money.h"
#include "cl-pdf-viewer.h"
#include "cl-rectify-dialog.h"
#include "cl-roster-view.h"
#include "cl-test-pdf.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

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

static gint64
count (CLStore    *store,
       const char *sql)
{
  return cl_test_store_count (store, sql);
}

static gboolean
viewer_loaded (gpointer data)
{
  return cl_pdf_viewer_is_loaded (data);
}

static void
test_inspections (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLStore *store = cl_context_get_store (context);
  CLQualityView *view = CL_QUALITY_VIEW (cl_window_get_quality_view (window));
  CLInspectionsPage *page = CL_INSPECTIONS_PAGE (cl_quality_view_get_page (view, "inspections"));
  g_autofree char *dir = cl_test_make_tmp_dir ("ui-inspect-files");
  g_autofree char *photo = g_build_filename (dir, "现场照片.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "整改通知.pdf", NULL);
  g_autofree char *text_file = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *cell = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  CLInspectionDialog *dialog;
  CLRectifyDialog *rectify;
  GtkWindow *viewer_window;
  GtkWidget *viewer;
  gboolean flagged = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_context_set_user (context, "desk", "service_desk");
  cl_window_show_view (window, "quality");
  cl_quality_view_show_page (view, "inspections");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  g_assert_cmpstr (cl_inspections_page_get_month (page), ==, "2026-11");
  g_assert_cmpuint (cl_inspections_page_get_n_rows (page), ==, 0);

  /* No post: refused at its field, nothing written. */
  dialog = CL_INSPECTION_DIALOG (cl_inspections_page_open_new (page));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_inspection_dialog_get_field (dialog, "date"))), ==,
                   "2026-11-23");
  g_assert_false (cl_inspection_dialog_save (dialog));
  g_assert_cmpstr (cl_inspection_dialog_get_error (dialog, "post"), ==, _("Enter the post inspected"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM inspection"), ==, 0);

  /* Etiquette failed: findings and what is to be put right are needed. */
  set_text (cl_inspection_dialog_get_field (dialog, "post"), "门诊服务中心");
  gtk_switch_set_active (GTK_SWITCH (cl_inspection_dialog_get_field (dialog, "etiquette")), FALSE);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (cl_inspection_dialog_get_field (dialog, "task"),
                                                                  ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_false (cl_inspection_dialog_save (dialog));
  g_assert_cmpstr (cl_inspection_dialog_get_error (dialog, "findings"), ==, _("Describe what failed"));
  g_assert_cmpstr (cl_inspection_dialog_get_error (dialog, "task"), ==, _("Enter what is to be put right"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM inspection"), ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "inspect-new");

  /* Held on the 10th, to be put right by the 17th, through poor
   * cooperation. */
  set_text (cl_inspection_dialog_get_field (dialog, "date"), "2026-11-10");
  set_text (cl_inspection_dialog_get_field (dialog, "findings"), "导诊员未使用规范用语");
  set_text (cl_inspection_dialog_get_field (dialog, "task"), "全员礼仪培训");
  set_text (cl_inspection_dialog_get_field (dialog, "deadline"), "2026-11-17");
  gtk_switch_set_active (GTK_SWITCH (cl_inspection_dialog_get_field (dialog, "poor_cooperation")), TRUE);
  save_and_wait (dialog, (gpointer) cl_inspection_dialog_save);
  g_assert_cmpint (count (store, "SELECT count(*) FROM inspection i JOIN rectification r ON r.inspection_id = i.id"
                                 " WHERE i.post = '门诊服务中心' AND i.poor_cooperation = 1"
                                 " AND r.deadline = '2026-11-17' AND r.done_at = 0"), ==, 1);

  /* A passed one today. */
  dialog = CL_INSPECTION_DIALOG (cl_inspections_page_open_new (page));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  set_text (cl_inspection_dialog_get_field (dialog, "post"), "住院大厅");
  save_and_wait (dialog, (gpointer) cl_inspection_dialog_save);
  g_assert_cmpint (count (store, "SELECT count(*) FROM rectification"), ==, 1);

  /* The latest first; the failed one's rectification overdue in red
   * with words, and the contract's deductions for it. */
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_inspections_page_get_n_rows (page), ==, 2);
  cell = cl_inspections_page_dup_cell (page, 0, "result", NULL);
  g_assert_cmpstr (cell, ==, _("Passed"));
  g_clear_pointer (&cell, g_free);
  cell = cl_inspections_page_dup_cell (page, 1, "result", NULL);
  expected = g_strdup_printf (_("Failed: %s (poor cooperation)"), _("Etiquette"));
  g_assert_cmpstr (cell, ==, expected);
  g_clear_pointer (&cell, g_free);
  g_clear_pointer (&expected, g_free);
  cell = cl_inspections_page_dup_cell (page, 1, "rectification", &flagged);
  g_assert_true (flagged);
  g_assert_nonnull (strstr (cell, "全员礼仪培训"));
  g_clear_pointer (&cell, g_free);
  cell = cl_inspections_page_dup_cell (page, 1, "deductions", NULL);
  first = cl_money_format_display (100000);
  second = cl_money_format_display (200000);
  expected = g_strdup_printf ("%s + %s", first, second);
  g_assert_cmpstr (cell, ==, expected);
  g_clear_pointer (&cell, g_free);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (_("Inspections: %u · Failed: %u · Rectifications overdue: %u"), 2, 1, 1);
  g_assert_cmpstr (cl_inspections_page_get_summary (page), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* A photo and a PDF kept with it; a text file is neither. */
  {
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 240);
    cairo_t *cr = cairo_create (image);

    cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
    cairo_paint (cr);
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (image, photo), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (image);
  }
  cl_test_pdf_write_text (pdf, 1, "整改");
  g_assert_true (g_file_set_contents (text_file, "not a pdf", -1, NULL));
  g_assert_false (cl_inspections_page_attach_path (page, 1, text_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM inspection_attachment"), ==, 0);
  g_assert_true (cl_inspections_page_attach_path (page, 1, photo, &error));
  g_assert_no_error (error);
  g_assert_true (cl_inspections_page_attach_path (page, 1, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM inspection_attachment WHERE kind = 'photo'"
                                 " AND filename = '现场照片.png' AND pages = 1"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM outbox WHERE tbl = 'inspection_attachment'"), ==, 2);
  cell = cl_inspections_page_dup_cell (page, 1, "attachments", NULL);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", 2), 2);
  g_assert_cmpstr (cell, ==, expected);
  g_clear_pointer (&cell, g_free);
  g_clear_pointer (&expected, g_free);

  /* The photo opens in the archive's viewer. */
  viewer_window = cl_inspections_page_open_attachment (page, 1);
  g_assert_nonnull (viewer_window);
  viewer = cl_test_ui_find_widget (GTK_WIDGET (viewer_window), CL_TYPE_PDF_VIEWER);
  g_assert_nonnull (viewer);
  cl_test_ui_wait_until (viewer_loaded, viewer);
  g_assert_cmpint (cl_pdf_viewer_get_n_pages (CL_PDF_VIEWER (viewer)), ==, 1);
  gtk_window_destroy (viewer_window);

  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "inspect-1024");

  /* Mark Rectified…: who put it right is needed; then it is done,
   * late. */
  rectify = CL_RECTIFY_DIALOG (cl_inspections_page_open_rectify (page, 1));
  g_assert_nonnull (rectify);
  g_assert_null (cl_inspections_page_open_rectify (page, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, rectify);
  set_text (cl_rectify_dialog_get_field (rectify, "done_at"), "2026-11-20 16:00");
  g_assert_false (cl_rectify_dialog_save (rectify));
  g_assert_cmpstr (cl_rectify_dialog_get_error (rectify, "done_by"), ==, _("Enter who put it right"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM rectification WHERE done_at <> 0"), ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (rectify), "inspect-rectify");
  set_text (cl_rectify_dialog_get_field (rectify, "done_by"), "王导诊");
  save_and_wait (rectify, (gpointer) cl_rectify_dialog_save);
  cl_test_ui_settle (200);
  cell = cl_inspections_page_dup_cell (page, 1, "rectification", &flagged);
  g_assert_true (flagged);
  g_assert_nonnull (strstr (cell, "王导诊"));
  g_clear_pointer (&cell, g_free);

  /* Finance reads the page but does not write it; its settlement view
   * makes the contract's two deductions, once. */
  cl_context_set_user (context, "money", "finance");
  cl_test_ui_settle (100);
  g_assert_cmpuint (cl_inspections_page_get_n_rows (page), ==, 2);
  g_assert_null (cl_inspections_page_open_new (page));
  cl_window_show_view (window, "settlement");
  cl_test_ui_settle (300);
  g_assert_cmpint (count (store, "SELECT count(*) FROM deduction WHERE deleted = 0 AND inspection_id IS NOT NULL"),
                   ==, 2);
  g_assert_cmpint (count (store, "SELECT sum(amount_fen) FROM deduction WHERE deleted = 0"
                                 " AND inspection_id IS NOT NULL"), ==, 300000);
  cl_window_show_view (window, "quality");
  cl_window_show_view (window, "settlement");
  cl_test_ui_settle (200);
  g_assert_cmpint (count (store, "SELECT count(*) FROM deduction WHERE inspection_id IS NOT NULL"), ==, 2);

  /* Corrected at the desk: no poor cooperation after all.  Finance's
   * next look takes that deduction back, not the overdue one. */
  cl_context_set_user (context, "desk", "service_desk");
  cl_window_show_view (window, "quality");
  cl_test_ui_settle (100);
  g_assert_null (cl_inspections_page_open_correct (page, 5));
  dialog = CL_INSPECTION_DIALOG (cl_inspections_page_open_correct (page, 1));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_inspection_dialog_get_field (dialog, "post"))), ==,
                   "门诊服务中心");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_inspection_dialog_get_field (dialog, "deadline"))), ==,
                   "2026-11-17");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (cl_inspection_dialog_get_field (dialog, "etiquette"))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (cl_inspection_dialog_get_field (dialog, "poor_cooperation"))));
  gtk_switch_set_active (GTK_SWITCH (cl_inspection_dialog_get_field (dialog, "poor_cooperation")), FALSE);
  save_and_wait (dialog, (gpointer) cl_inspection_dialog_save);
  g_assert_cmpint (count (store, "SELECT count(*) FROM inspection"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM rectification WHERE deleted = 0 AND done_at <> 0"), ==, 1);
  cl_test_ui_settle (100);
  cell = cl_inspections_page_dup_cell (page, 1, "deductions", NULL);
  g_assert_cmpstr (cell, ==, second);
  g_clear_pointer (&cell, g_free);
  cl_context_set_user (context, "money", "finance");
  cl_window_show_view (window, "settlement");
  cl_test_ui_settle (200);
  g_assert_cmpint (count (store, "SELECT sum(amount_fen) FROM deduction WHERE deleted = 0"
                                 " AND inspection_id IS NOT NULL"), ==, 200000);

  /* A role that may not read inspections finds the page off. */
  cl_context_set_user (context, "escort", "escort");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page)));

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_remove_tree (dir);
}

static void
test_fault_report (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLFaultsPage *page = CL_FAULTS_PAGE (cl_desk_view_get_page (view, "faults"));
  g_autoptr(CLFaultReport) report = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_context_set_user (context, "desk", "service_desk");
  cl_window_show_view (window, "desk");
  cl_desk_view_show_page (view, "faults");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  /* This month first, then the ones before. */
  g_assert_cmpstr (cl_faults_page_get_report_month (page), ==, "2026-11");
  cl_faults_page_set_report_month (page, "2026-10");
  g_assert_cmpstr (cl_faults_page_get_report_month (page), ==, "2026-10");
  report = cl_faults_page_make_report (page);
  g_assert_nonnull (report);
  g_assert_cmpstr (report->month, ==, "2026-10");
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "inspect-faults-1024");
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
  data_dir = cl_test_ui_make_demo_store ("ui-inspect", 30, 17);

  g_test_add_func ("/ui/inspect/inspections", test_inspections);
  g_test_add_func ("/ui/inspect/fault-report", test_fault_report);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
