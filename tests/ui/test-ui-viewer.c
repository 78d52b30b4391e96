/* The Archive's report viewer as a case manager meets it, with the
 * real Poppler on real PDFs under Xvfb at 1024 × 768: the empty state
 * fits the case (no patient, no reports yet with a way to import,
 * reports to choose from), the page and zoom controls show only with
 * a report open, and zoom and find keys work wherever the focus is in
 * the Archive.  Run in English and in zh_CN. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-archive-view.h"
#include "cl-document-import-dialog.h"
#include "cl-document-list.h"
#include "cl-pdf-viewer.h"
#include "cl-pregnancy.h"
#include "cl-store-private.h"
#include "cl-test-pdf.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;
static char *patient_id;
static char *report_paths[2];   /* 4-page OGTT, 3-page ultrasound */

static gboolean
store_open (gpointer data)
{
  return cl_window_get_store (data) != NULL;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
viewer_sharp (gpointer data)
{
  return cl_pdf_viewer_is_page_sharp (data);
}

static gboolean
chooser_shown (gpointer data)
{
  return cl_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
has_focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
is_import_pill (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "archive.import") == 0;
}

/* The toolbar of page and zoom controls fits beside the report list
 * at the window's width: its minimum is no wider than the viewer. */
static void
assert_controls_fit (CLPdfViewer *viewer)
{
  GtkWidget *toolbar = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (viewer)));
  int min = 0;

  g_assert_true (gtk_widget_get_mapped (toolbar));
  gtk_widget_measure (toolbar, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("viewer %d px, its controls need %d px", gtk_widget_get_width (GTK_WIDGET (viewer)), min);
  g_assert_cmpint (min + 12, <=, gtk_widget_get_width (GTK_WIDGET (viewer)));
}

static void
test_states (void)
{
  CLWindow *window = cl_window_new (NULL);
  CLArchiveView *archive;
  CLDocumentList *list;
  CLPdfViewer *viewer;
  GtkWidget *patient_search;
  CLDocumentImportDialog *dialog;
  const char *reports[] = { report_paths[0], report_paths[1], NULL };
  g_autofree char *ogtt_id = NULL;
  double zoom;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_data_dir (window, data_dir);
  cl_test_ui_wait_until (store_open, window);
  archive = CL_ARCHIVE_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ARCHIVE_VIEW));
  list = CL_DOCUMENT_LIST (cl_archive_view_get_list (archive));
  viewer = CL_PDF_VIEWER (cl_archive_view_get_viewer (archive));
  patient_search = cl_test_ui_find_widget (GTK_WIDGET (archive), GTK_TYPE_SEARCH_ENTRY);

  /* No patient yet: nothing to page or zoom, and no import. */
  cl_window_show_view (window, "archive");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, viewer);
  g_assert_false (cl_pdf_viewer_get_controls_visible (viewer));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (viewer), _("No Patient Chosen")));
  g_assert_null (cl_test_ui_find_widget_where (GTK_WIDGET (viewer), is_import_pill, NULL));

  /* Her archive with no report filed: says so, and how to file one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, "");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, list);
  cl_test_ui_settle (200);
  g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 0);
  g_assert_false (cl_pdf_viewer_get_controls_visible (viewer));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (viewer), _("No Reports Yet")));
  g_assert_false (cl_test_ui_find_label (GTK_WIDGET (viewer), _("Choose a Report")));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "viewer-no-reports");
  /* Its button opens the file chooser for her reports. */
  {
    GtkWidget *pill = cl_test_ui_find_widget_where (GTK_WIDGET (viewer), is_import_pill, NULL);
    GtkWindow *chooser;

    g_assert_nonnull (pill);
    g_assert_true (gtk_widget_is_sensitive (pill));
    gtk_widget_activate (pill);
    cl_test_ui_wait_until (chooser_shown, NULL);
    chooser = cl_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    cl_test_ui_wait_until (is_null, &chooser);
  }

  /* Two reports filed: the viewer asks to choose one, still without
   * controls. */
  dialog = CL_DOCUMENT_IMPORT_DIALOG (cl_document_list_import_files (list, reports));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  cl_document_import_dialog_set_kind (dialog, "ogtt");
  gtk_editable_set_text (cl_document_import_dialog_get_entry (dialog, "check_date"), "2026-11-20");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  cl_document_import_dialog_import (dialog);
  cl_test_ui_wait_until (is_null, &dialog);
  g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 2);
  cl_test_ui_settle (200);
  g_assert_false (cl_pdf_viewer_get_controls_visible (viewer));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (viewer), _("Choose a Report")));
  g_assert_false (cl_test_ui_find_label (GTK_WIDGET (viewer), _("No Reports Yet")));
  g_assert_null (cl_test_ui_find_widget_where (GTK_WIDGET (viewer), is_import_pill, NULL));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "viewer-choose-report");

  /* One open: its controls show, and fit at 1024 px. */
  for (guint i = 0; i < cl_document_list_get_n_documents (list); i++)
    if (cl_document_get_pages (cl_document_list_get_document (list, i)) == 4)
      ogtt_id = g_strdup (cl_record_get_id (CL_RECORD (cl_document_list_get_document (list, i))));
  g_assert_nonnull (ogtt_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, ogtt_id);
  cl_test_ui_wait_until (viewer_sharp, viewer);
  g_assert_true (cl_pdf_viewer_get_controls_visible (viewer));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  assert_controls_fit (viewer);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "viewer-report-open");

  /* Zoom keys with the focus in the patient search, not the viewer. */
  zoom = cl_pdf_viewer_get_zoom (viewer);
  gtk_widget_grab_focus (patient_search);
  cl_test_ui_press_keys ("ctrl+plus");
  g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), >, zoom);
  g_assert_cmpint (cl_pdf_viewer_get_fit (viewer), ==, CL_PDF_FIT_NONE);
  cl_test_ui_press_keys ("ctrl+minus ctrl+minus");
  g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), <, zoom);
  cl_test_ui_press_keys ("ctrl+0");
  g_assert_cmpint (cl_pdf_viewer_get_fit (viewer), ==, CL_PDF_FIT_WIDTH);
  g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), ==, zoom);
  g_assert_true (has_focus_in (patient_search));
  /* ... and on the report list; Ctrl+F there finds in the report. */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  cl_test_ui_press_keys ("ctrl+equal");
  g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), >, zoom);
  cl_test_ui_press_keys ("ctrl+0 ctrl+f");
  g_assert_true (has_focus_in (cl_test_ui_find_widget (GTK_WIDGET (viewer), GTK_TYPE_SEARCH_ENTRY)));
  /* ... and on the Archive's tab in the header, outside the view. */
  {
    GtkWidget *title = cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
    GtkWidget *tab = cl_test_ui_find_widget (title, GTK_TYPE_TOGGLE_BUTTON);

    g_assert_true (gtk_widget_grab_focus (tab));
    cl_test_ui_press_keys ("ctrl+plus");
    g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), >, zoom);
    cl_test_ui_press_keys ("ctrl+0");
    g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), ==, zoom);
    g_assert_true (has_focus_in (tab));
  }

  /* Closed again: back to choosing, the controls gone. */
  cl_archive_view_show_patient (archive, patient_id, NULL);
  cl_test_ui_settle (200);
  g_assert_false (cl_pdf_viewer_get_controls_visible (viewer));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (viewer), _("Choose a Report")));
  /* Without a report the zoom keys do nothing and harm nothing. */
  gtk_widget_grab_focus (patient_search);
  cl_test_ui_press_keys ("ctrl+plus");
  g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), ==, zoom);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CLStore) store = NULL;
  int ret;

  cl_test_ui_init (&argc, &argv);

  data_dir = cl_test_make_tmp_dir ("ui-viewer");
  store = cl_test_store_new_demo (data_dir, "careline.db", 60, 7);
  patient_id = cl_test_store_newest_patient_id (store);
  g_clear_object (&store);

  report_paths[0] = g_build_filename (data_dir, "ogtt-report.pdf", NULL);
  report_paths[1] = g_build_filename (data_dir, "ultrasound.pdf", NULL);
  cl_test_pdf_write_text (report_paths[0], 4, "glucose");
  cl_test_pdf_write_text (report_paths[1], 3, "placenta");

  g_test_add_func ("/ui-viewer/states", test_states);

  ret = g_test_run ();

  cl_test_remove_tree (data_dir);
  return ret;
}
