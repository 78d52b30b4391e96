/* The pregnancy archive as real GTK widgets under Xvfb: PDFs filed
 * through the import dialog from the patient page, a bad file refused
 * with its message, a report opened in the Archive view, page flips,
 * zoom and search highlights.  Run in English and in zh_CN. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-archive-view.h"
#include "cl-demo-data.h"
#include "cl-document-edit-dialog.h"
#include "cl-pregnancy.h"
#include "cl-document-import-dialog.h"
#include "cl-document-list.h"
#include "cl-document-store.h"
#include "cl-patient-page.h"
#include "cl-pdf-viewer.h"
#include "cl-phone.h"
#include "cl-store-private.h"
#include "cl-test-pdf.h"
#include "cl-patient.h"
#include "cl-test-ui.h"
#include "cl-test-store.h"
#include "cl-test-util.h"
#include "cl-window.h"

#define N_PATIENTS 200

static char *data_dir;
static char *patient_id;
static char *other_patient_id;   /* with an archive of her own */
static char *patient_edd;
static char *report_paths[3];   /* 12-page OGTT, 3-page ultrasound, a renamed text file */

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
dialog_idle (gpointer data)
{
  return !cl_document_import_dialog_is_busy (data);
}

static gboolean
viewer_sharp (gpointer data)
{
  return cl_pdf_viewer_is_page_sharp (data);
}

static gboolean
search_done (gpointer data)
{
  return cl_pdf_viewer_get_n_matches (data) >= 0;
}

static CLWindow *
open_window (void)
{
  CLWindow *window = cl_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 860);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_data_dir (window, data_dir);
  cl_test_ui_wait_until (store_open, window);
  return window;
}

static CLDocumentImportDialog *
start_import (CLDocumentList     *list,
              const char * const *paths)
{
  CLDocumentImportDialog *dialog =
    CL_DOCUMENT_IMPORT_DIALOG (cl_document_list_import_files (list, paths));

  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  return dialog;
}

static void
test_import (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLPatientPage *page;
  CLDocumentList *list;
  CLDocumentImportDialog *dialog;
  const char *good[] = { report_paths[0], report_paths[1], NULL };
  const char *bad[] = { report_paths[2], NULL };

  cl_window_show_patient (window, patient_id);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  list = CL_DOCUMENT_LIST (cl_test_ui_find_widget (GTK_WIDGET (page), CL_TYPE_DOCUMENT_LIST));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, list);
  g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 0);

  /* A future check date is refused at its field, nothing filed. */
  dialog = start_import (list, good);
  cl_document_import_dialog_set_kind (dialog, "ogtt");
  gtk_editable_set_text (cl_document_import_dialog_get_entry (dialog, "check_date"), "2026-12-01");
  cl_document_import_dialog_import (dialog);
  g_assert_nonnull (cl_document_import_dialog_get_error (dialog, "check_date"));
  g_assert_false (cl_document_import_dialog_is_busy (dialog));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (cl_document_import_dialog_get_error (dialog, "check_date")));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM document"), ==, 0);

  /* Two real PDFs, one drop: filed with one kind, date and visit. */
  gtk_editable_set_text (cl_document_import_dialog_get_entry (dialog, "check_date"), "2026-11-20");
  gtk_editable_set_text (cl_document_import_dialog_get_entry (dialog, "note"), "75 g, fasting");
  /* The visit follows the check date and her EDD. */
  {
    g_autofree char *expected = cl_document_visit_for_date (patient_edd, "2026-11-20");

    g_assert_nonnull (expected);
    g_assert_cmpstr (cl_document_import_dialog_get_visit (dialog), ==, expected);
  }
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "archive-import");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  cl_document_import_dialog_import (dialog);
  cl_test_ui_wait_until (is_null, &dialog);
  g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 2);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM document WHERE kind = 'ogtt'"), ==, 2);
  {
    /* Scrolled down to the Reports group. */
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    cl_test_ui_settle (200);
    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    cl_test_ui_settle (200);
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "archive-patient-page");

  /* A text file renamed .pdf: its message under it, nothing added. */
  dialog = start_import (list, bad);
  cl_document_import_dialog_import (dialog);
  cl_test_ui_wait_until (dialog_idle, dialog);
  g_assert_nonnull (cl_document_import_dialog_get_file_error (dialog, 0));
  g_test_message ("%s", cl_document_import_dialog_get_file_error (dialog, 0));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (cl_document_import_dialog_get_file_error (dialog, 0)));
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "archive-import-error");
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM document"), ==, 2);
  g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* An encrypted report: asks for its password, says when it is wrong,
   * is filed with the right one. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "encrypted.pdf", NULL);
    const char *locked[] = { path, NULL };
    g_autofree char *needs = NULL;

    dialog = start_import (list, locked);
    cl_document_import_dialog_set_kind (dialog, "ultrasound");
    cl_document_import_dialog_import (dialog);
    cl_test_ui_wait_until (dialog_idle, dialog);
    needs = g_strdup (cl_document_import_dialog_get_file_error (dialog, 0));
    g_assert_nonnull (needs);
    cl_document_import_dialog_set_password (dialog, 0, "wrong");
    cl_document_import_dialog_import (dialog);
    cl_test_ui_wait_until (dialog_idle, dialog);
    g_assert_nonnull (cl_document_import_dialog_get_file_error (dialog, 0));
    g_assert_cmpstr (cl_document_import_dialog_get_file_error (dialog, 0), !=, needs);
    cl_test_ui_settle (200);
    cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "archive-import-password");
    g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM document"), ==, 2);

    cl_document_import_dialog_set_password (dialog, 0, "careline");
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    cl_document_import_dialog_import (dialog);
    cl_test_ui_wait_until (is_null, &dialog);
    g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 3);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
button_label (CLDocumentImportDialog *dialog,
              gboolean                main)
{
  return gtk_button_get_label (cl_document_import_dialog_get_button (dialog, main));
}

/* After a partial failure the dialog counts what is left, offers Try
 * Again only for a file that can be mended (an encrypted one) and Skip
 * for one that can never be a PDF, and its way out says Close since
 * some reports are filed. */
static void
test_import_partial (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  g_autofree char *blood = g_build_filename (data_dir, "blood-count.pdf", NULL);
  g_autofree char *locked = g_test_build_filename (G_TEST_DIST, "data", "encrypted.pdf", NULL);
  g_autofree char *title = NULL;
  const char *paths[] = { blood, locked, report_paths[2], NULL };
  CLDocumentImportDialog *dialog;
  CLDocumentList *list;
  guint before;
  gint64 filed_before;

  cl_test_pdf_write_text (blood, 2, "haemoglobin");
  cl_window_show_patient (window, other_patient_id);
  list = CL_DOCUMENT_LIST (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_DOCUMENT_LIST));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, list);
  before = cl_document_list_get_n_documents (list);
  filed_before = cl_test_store_count (store, "SELECT count(*) FROM document");

  dialog = start_import (list, paths);
  cl_document_import_dialog_set_kind (dialog, "blood");
  gtk_editable_set_text (cl_document_import_dialog_get_entry (dialog, "check_date"), "2026-11-21");
  g_assert_cmpstr (button_label (dialog, FALSE), ==, _("_Cancel"));
  cl_document_import_dialog_import (dialog);
  cl_test_ui_wait_until (dialog_idle, dialog);

  /* The good PDF is filed; the encrypted one can be mended, the text
   * file never. */
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM document"), ==, filed_before + 1);
  g_assert_null (cl_document_import_dialog_get_file_error (dialog, 0));
  g_assert_nonnull (cl_document_import_dialog_get_file_error (dialog, 1));
  g_assert_nonnull (cl_document_import_dialog_get_file_error (dialog, 2));
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Report Left", "%u Reports Left", 2), 2);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, title);
  g_assert_cmpstr (button_label (dialog, TRUE), ==, _("_Try Again"));
  g_assert_cmpstr (button_label (dialog, FALSE), ==, _("_Close"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cl_document_import_dialog_get_button (dialog, FALSE))));
  if (cl_test_ui_is_chinese ())
    {
      g_assert_true (cl_test_ui_has_non_ascii (gtk_window_get_title (GTK_WINDOW (dialog))));
      g_assert_true (cl_test_ui_has_non_ascii (button_label (dialog, TRUE)));
      g_assert_true (cl_test_ui_has_non_ascii (button_label (dialog, FALSE)));
    }
  else
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "2 Reports Left");
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "archive-import-partial");

  /* The password mends the encrypted one; the text file is not tried
   * again, and only Skip is left. */
  cl_document_import_dialog_set_password (dialog, 1, "careline");
  cl_document_import_dialog_import (dialog);
  cl_test_ui_wait_until (dialog_idle, dialog);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM document"), ==, filed_before + 2);
  g_clear_pointer (&title, g_free);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Report Left", "%u Reports Left", 1), 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, title);
  g_assert_cmpstr (button_label (dialog, TRUE), ==, _("_Skip"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cl_document_import_dialog_get_button (dialog, FALSE))));
  if (!cl_test_ui_is_chinese ())
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "1 Report Left");
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "archive-import-skip");

  /* Skip closes, and the list shows both filed reports. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate (GTK_WIDGET (cl_document_import_dialog_get_button (dialog, TRUE)));
  cl_test_ui_wait_until (is_null, &dialog);
  g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, before + 2);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM document"), ==, filed_before + 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_viewer (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLArchiveView *archive;
  CLDocumentList *list;
  CLPdfViewer *viewer;
  CLDocument *ogtt = NULL;
  g_autofree char *ogtt_id = NULL;
  double zoom;

  /* From the patient page's "Open Archive" to a report in the viewer. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, "");
  archive = CL_ARCHIVE_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ARCHIVE_VIEW));
  list = CL_DOCUMENT_LIST (cl_archive_view_get_list (archive));
  viewer = CL_PDF_VIEWER (cl_archive_view_get_viewer (archive));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, list);
  g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    if (cl_document_get_pages (cl_document_list_get_document (list, i)) == 12)
      ogtt = cl_document_list_get_document (list, i);
  g_assert_nonnull (ogtt);
  /* The list's records are replaced when it reloads. */
  ogtt_id = g_strdup (cl_record_get_id (CL_RECORD (ogtt)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, ogtt_id);
  cl_test_ui_wait_until (viewer_sharp, viewer);
  g_assert_cmpint (cl_pdf_viewer_get_n_pages (viewer), ==, 12);
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 0);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "archive");
  /* The opening is recorded for the server's audit log. */
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM document_access"), ==, 1);

  /* Page flips (PgDn / PgUp) and the page number entry. */
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.next-page", NULL);
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 1);
  cl_test_ui_wait_until (viewer_sharp, viewer);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.previous-page", NULL);
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 0);
  cl_pdf_viewer_set_page (viewer, 11);
  cl_test_ui_wait_until (viewer_sharp, viewer);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.next-page", NULL);
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 11);

  /* Zoom: in leaves fit-width, out comes back, fit page fits. */
  zoom = cl_pdf_viewer_get_zoom (viewer);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-in", NULL);
  g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), >, zoom);
  g_assert_cmpint (cl_pdf_viewer_get_fit (viewer), ==, CL_PDF_FIT_NONE);
  cl_test_ui_wait_until (viewer_sharp, viewer);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-out", NULL);
  g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), <, zoom + 0.2);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.fit-page", NULL);
  g_assert_cmpint (cl_pdf_viewer_get_fit (viewer), ==, CL_PDF_FIT_PAGE);
  g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), <, zoom);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.fit-width", NULL);
  g_assert_cmpfloat (cl_pdf_viewer_get_zoom (viewer), ==, zoom);

  /* Search: one match per page, highlighted where it is. */
  cl_pdf_viewer_set_page (viewer, 2);
  cl_pdf_viewer_search (viewer, "glucose");
  cl_test_ui_wait_until (search_done, viewer);
  g_assert_cmpint (cl_pdf_viewer_get_n_matches (viewer), ==, 12);
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 2);
  g_assert_cmpint (cl_pdf_viewer_get_n_highlights (viewer), ==, 1);
  cl_test_ui_wait_until (viewer_sharp, viewer);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "archive-viewer-search");
  cl_pdf_viewer_search (viewer, "no such word");
  cl_test_ui_wait_until (search_done, viewer);
  g_assert_cmpint (cl_pdf_viewer_get_n_matches (viewer), ==, 0);
  g_assert_cmpint (cl_pdf_viewer_get_n_highlights (viewer), ==, 0);

  /* A misfiled report: asked, removed, gone from the list and the
   * viewer; kept in the store as a tombstone. */
  {
    GtkWindow *ask;

    gtk_widget_activate_action (GTK_WIDGET (list), "documents.remove", "s", ogtt_id);
    ask = cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (ask);
    cl_test_ui_wait_until (cl_test_ui_widget_drawn, ask);
    cl_test_ui_save_screenshot (GTK_WIDGET (ask), "archive-remove");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "remove");
    cl_test_ui_settle (100);
    g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 2);
    g_assert_false (cl_pdf_viewer_is_loaded (viewer));
    g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM document WHERE deleted = 1"), ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Is the keyboard focus of @widget's window in @widget? */
static gboolean
has_focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Ctrl+F, Ctrl+G and PgUp/PgDn as real key presses, wherever the
 * focus is in the Archive view. */
static void
test_keys (void)
{
  CLWindow *window = open_window ();
  CLArchiveView *archive = CL_ARCHIVE_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ARCHIVE_VIEW));
  CLDocumentList *list = CL_DOCUMENT_LIST (cl_archive_view_get_list (archive));
  CLPdfViewer *viewer = CL_PDF_VIEWER (cl_archive_view_get_viewer (archive));
  GtkWidget *patient_search = cl_test_ui_find_widget (GTK_WIDGET (archive), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *report_search = cl_test_ui_find_widget (GTK_WIDGET (viewer), GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *scan_id = NULL;

  /* No report open: Ctrl+F is the patient search's, and stays in the
   * Archive rather than going to the roster. */
  cl_window_show_view (window, "archive");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, archive);
  gtk_widget_grab_focus (GTK_WIDGET (list));
  cl_test_ui_press_keys ("ctrl+f");
  g_assert_true (has_focus_in (patient_search));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (archive)));
  /* Also from outside the view, as after a click on its tab above. */
  {
    GtkWidget *title = cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
    GtkWidget *tab = cl_test_ui_find_widget (title, GTK_TYPE_TOGGLE_BUTTON);

    g_assert_true (gtk_widget_grab_focus (tab));
    cl_test_ui_press_keys ("ctrl+f");
    g_assert_true (has_focus_in (patient_search));
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (archive)));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, "");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, list);
  for (guint i = 0; i < cl_document_list_get_n_documents (list); i++)
    if (cl_document_get_pages (cl_document_list_get_document (list, i)) == 3)
      scan_id = g_strdup (cl_record_get_id (CL_RECORD (cl_document_list_get_document (list, i))));
  g_assert_nonnull (scan_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, scan_id);
  cl_test_ui_wait_until (viewer_sharp, viewer);
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 0);

  /* The focus in the patient search: PgDn / PgUp turn the report's
   * pages all the same. */
  gtk_widget_grab_focus (patient_search);
  cl_test_ui_press_keys ("Page_Down Page_Down");
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 2);
  cl_test_ui_press_keys ("Page_Up");
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 1);
  g_assert_true (has_focus_in (patient_search));

  /* The focus on the report list: Ctrl+F opens the report's search. */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  cl_test_ui_press_keys ("ctrl+f");
  g_assert_true (has_focus_in (report_search));
  cl_test_ui_press_keys ("p l a c e n t a");
  cl_test_ui_wait_until (search_done, viewer);
  g_assert_cmpint (cl_pdf_viewer_get_n_matches (viewer), ==, 3);
  /* The search starts at the page in view, the second. */
  g_assert_cmpint (cl_pdf_viewer_get_current_match (viewer), ==, 1);

  /* Ctrl+G / Shift+Ctrl+G from the patient search step the matches,
   * round from the last to the first. */
  gtk_widget_grab_focus (patient_search);
  cl_test_ui_press_keys ("ctrl+g");
  g_assert_cmpint (cl_pdf_viewer_get_current_match (viewer), ==, 2);
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 2);
  cl_test_ui_press_keys ("ctrl+g");
  g_assert_cmpint (cl_pdf_viewer_get_current_match (viewer), ==, 0);
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 0);
  cl_test_ui_press_keys ("ctrl+shift+g");
  g_assert_cmpint (cl_pdf_viewer_get_current_match (viewer), ==, 2);
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 2);
  g_assert_true (has_focus_in (patient_search));
  cl_test_ui_wait_until (viewer_sharp, viewer);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "archive-keys");

  /* Behind the Doctor's Orders tab the pages stay put. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, scan_id);
  cl_test_ui_wait_until (viewer_sharp, viewer);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (cl_test_ui_find_widget (GTK_WIDGET (archive), ADW_TYPE_VIEW_STACK)),
                                         "orders");
  gtk_widget_grab_focus (patient_search);
  cl_test_ui_press_keys ("Page_Down");
  g_assert_cmpint (cl_pdf_viewer_get_page (viewer), ==, 0);

  /* With the report closed, Ctrl+F is the patient search's again. */
  cl_archive_view_show_patient (archive, patient_id, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (list));
  cl_test_ui_press_keys ("ctrl+f");
  g_assert_true (has_focus_in (patient_search));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The report's edit button in @list's row of @id. */
static gboolean
is_edit_button (GtkWidget     *widget,
                gconstpointer  data)
{
  const char *id = data;

  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "documents.edit") == 0 &&
         g_strcmp0 (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), NULL), id) == 0;
}

static GtkWidget *
find_edit_button (GtkWidget  *widget,
                  const char *id)
{
  return cl_test_ui_find_widget_where (widget, is_edit_button, id);
}

static CLDocument *
load_document (CLStore    *store,
               const char *id)
{
  return CL_DOCUMENT (cl_store_load_record (store, CL_TYPE_DOCUMENT, id, NULL));
}

/* "Edit Details…" on a report row, on the patient page and in the
 * Archive: checked as at import, saved through the outbox, the file
 * as it was. */
static void
test_edit_details (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLPatientPage *page;
  CLDocumentList *list;
  CLDocumentEditDialog *dialog;
  CLDocumentForm *form;
  g_autoptr(CLDocument) before = NULL;
  g_autoptr(CLDocument) after = NULL;
  g_autofree char *id = NULL;
  GtkWidget *button;
  gint64 outbox;

  cl_window_show_patient (window, patient_id);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  list = CL_DOCUMENT_LIST (cl_test_ui_find_widget (GTK_WIDGET (page), CL_TYPE_DOCUMENT_LIST));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, list);
  g_assert_cmpuint (cl_document_list_get_n_documents (list), >, 0);
  id = g_strdup (cl_record_get_id (CL_RECORD (cl_document_list_get_document (list, 0))));
  before = load_document (store, id);

  /* The row's button, with its label for screen readers. */
  button = find_edit_button (GTK_WIDGET (list), id);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = CL_DOCUMENT_EDIT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_DOCUMENT_EDIT_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  form = cl_document_edit_dialog_get_form (dialog);
  g_assert_cmpstr (gtk_editable_get_text (cl_document_form_get_entry (form, "check_date")), ==,
                   cl_document_get_check_date (before));

  /* A check date in the future: its message at the field, nothing
   * written. */
  outbox = cl_store_count_outbox (store);
  gtk_editable_set_text (cl_document_form_get_entry (form, "check_date"), "2026-12-01");
  g_assert_false (cl_document_edit_dialog_save (dialog));
  g_test_message ("future check date: %s", cl_document_edit_dialog_get_error (dialog, "check_date"));
  g_assert_nonnull (cl_document_edit_dialog_get_error (dialog, "check_date"));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (cl_document_edit_dialog_get_error (dialog, "check_date")));
  g_assert_cmpint (cl_store_count_outbox (store), ==, outbox);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "archive-edit-details");

  /* Fixed: saved as one change; the visit follows the new date. */
  cl_document_form_set_kind (form, "blood");
  gtk_editable_set_text (cl_document_form_get_entry (form, "check_date"), "2026-11-10");
  gtk_editable_set_text (cl_document_form_get_entry (form, "note"), "复查");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (cl_document_edit_dialog_save (dialog));
  cl_test_ui_wait_until (is_null, &dialog);
  g_assert_cmpint (cl_store_count_outbox (store), ==, outbox + 1);
  after = load_document (store, id);
  g_assert_cmpstr (cl_document_get_kind (after), ==, "blood");
  g_assert_cmpstr (cl_document_get_check_date (after), ==, "2026-11-10");
  g_assert_cmpstr (cl_document_get_note (after), ==, "复查");
  {
    g_autofree char *visit = cl_document_visit_for_date (patient_edd, "2026-11-10");

    g_assert_cmpstr (cl_document_get_visit (after), ==, visit);
  }
  g_assert_cmpstr (cl_document_get_sha256 (after), ==, cl_document_get_sha256 (before));
  g_assert_cmpstr (cl_document_get_filename (after), ==, cl_document_get_filename (before));
  g_assert_cmpint (cl_document_get_pages (after), ==, cl_document_get_pages (before));
  /* The list shows the new date. */
  cl_test_ui_settle (200);
  g_assert_nonnull (find_edit_button (GTK_WIDGET (list), id));
  {
    gboolean shown = FALSE;

    for (guint i = 0; i < cl_document_list_get_n_documents (list); i++)
      {
        CLDocument *doc = cl_document_list_get_document (list, i);

        if (g_str_equal (cl_record_get_id (CL_RECORD (doc)), id))
          shown = g_strcmp0 (cl_document_get_check_date (doc), "2026-11-10") == 0;
      }
    g_assert_true (shown);
  }

  /* In the Archive, beside the open report, which stays open. */
  {
    CLArchiveView *archive;
    CLDocumentList *archive_list;
    CLPdfViewer *viewer;
    g_autoptr(CLDocument) edited = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, id);
    archive = CL_ARCHIVE_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ARCHIVE_VIEW));
    archive_list = CL_DOCUMENT_LIST (cl_archive_view_get_list (archive));
    viewer = CL_PDF_VIEWER (cl_archive_view_get_viewer (archive));
    cl_test_ui_wait_until (viewer_sharp, viewer);
    g_assert_nonnull (find_edit_button (GTK_WIDGET (archive_list), id));
    gtk_widget_activate_action (GTK_WIDGET (archive_list), "documents.edit", "s", id);
    dialog = CL_DOCUMENT_EDIT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_DOCUMENT_EDIT_DIALOG));
    g_assert_nonnull (dialog);
    cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
    gtk_editable_set_text (cl_document_form_get_entry (cl_document_edit_dialog_get_form (dialog), "note"), "");
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_assert_true (cl_document_edit_dialog_save (dialog));
    cl_test_ui_wait_until (is_null, &dialog);
    edited = load_document (store, id);
    g_assert_null (cl_document_get_note (edited));
    g_assert_cmpstr (cl_document_get_kind (edited), ==, "blood");
    cl_test_ui_settle (200);
    g_assert_true (cl_pdf_viewer_is_loaded (viewer));
    cl_test_ui_save_screenshot (GTK_WIDGET (window), "archive-edited");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget      *entry;
  CLDocumentList *list;
} Finding;

/* Enter takes the first match once the search has some: pressed again
 * on every turn, as someone would until the list shows her. */
static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
found_by_search (gpointer data)
{
  Finding *finding = data;

  g_signal_emit_by_name (finding->entry, "activate");
  return g_strcmp0 (cl_document_list_get_patient (finding->list), patient_id) == 0;
}

static void
test_find_patient (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  g_autoptr(CLRecord) patient = cl_store_load_record (store, CL_TYPE_PATIENT, patient_id, NULL);
  CLArchiveView *archive;
  Finding finding;

  g_assert_nonnull (patient);
  cl_window_show_view (window, "archive");
  archive = CL_ARCHIVE_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ARCHIVE_VIEW));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, archive);
  finding.list = CL_DOCUMENT_LIST (cl_archive_view_get_list (archive));
  /* The side panel's search comes before the viewer's in the tree. */
  finding.entry = cl_test_ui_find_widget (GTK_WIDGET (archive), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (finding.entry);
  g_assert_null (cl_document_list_get_patient (finding.list));

  /* Her mobile number finds her (the search is made on this first use). */
  gtk_editable_set_text (GTK_EDITABLE (finding.entry), cl_patient_get_phone (CL_PATIENT (patient)));
  cl_test_ui_wait_until (found_by_search, &finding);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (finding.entry)), ==, "");

  /* Her header shows the phone masked, as the lists do; the full
   * number is nowhere in the Archive. */
  {
    const char *phone = cl_patient_get_phone (CL_PATIENT (patient));
    g_autofree char *masked = cl_phone_mask (phone);
    const char *mrn = cl_patient_get_mrn (CL_PATIENT (patient));
    g_autofree char *details = g_strdup_printf ("%s · %s", mrn ? mrn : "—", masked);

    g_assert_cmpstr (masked, !=, phone);
    cl_test_ui_settle (200);
    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (archive), details));
    g_assert_null (cl_test_ui_find_widget_where (GTK_WIDGET (archive), label_contains, phone));
    cl_test_ui_save_screenshot (GTK_WIDGET (window), "archive-header");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  cl_test_ui_init (&argc, &argv);

  data_dir = cl_test_make_tmp_dir ("ui-archive");
  store = cl_test_store_new_demo (data_dir, "careline.db", N_PATIENTS, 42);
  {
    g_autoptr(GPtrArray) some = cl_store_query_records (store, CL_TYPE_PREGNANCY,
                                                        "deleted = 0 ORDER BY lmp DESC LIMIT 1", NULL);
    g_assert_cmpuint (some->len, ==, 1);
    patient_id = g_strdup (cl_pregnancy_get_patient_id (g_ptr_array_index (some, 0)));
    patient_edd = g_strdup (cl_pregnancy_get_effective_edd (g_ptr_array_index (some, 0)));
  }
  {
    g_autoptr(GPtrArray) some = cl_store_query_records (store, CL_TYPE_PREGNANCY,
                                                        "deleted = 0 ORDER BY lmp DESC LIMIT 1 OFFSET 1", NULL);
    g_assert_cmpuint (some->len, ==, 1);
    other_patient_id = g_strdup (cl_pregnancy_get_patient_id (g_ptr_array_index (some, 0)));
    g_assert_cmpstr (other_patient_id, !=, patient_id);
  }
  g_clear_object (&store);

  report_paths[0] = g_build_filename (data_dir, "ogtt-report.pdf", NULL);
  report_paths[1] = g_build_filename (data_dir, "ultrasound.pdf", NULL);
  report_paths[2] = g_build_filename (data_dir, "notes.pdf", NULL);
  cl_test_pdf_write_text (report_paths[0], 12, "glucose");
  cl_test_pdf_write_text (report_paths[1], 3, "placenta");
  g_assert_true (g_file_set_contents (report_paths[2], "Remember: bring the OGTT form.\n", -1, NULL));

  g_test_add_func ("/ui-archive/import", test_import);
  g_test_add_func ("/ui-archive/import-partial", test_import_partial);
  g_test_add_func ("/ui-archive/viewer", test_viewer);
  g_test_add_func ("/ui-archive/keys", test_keys);
  g_test_add_func ("/ui-archive/edit-details", test_edit_details);
  g_test_add_func ("/ui-archive/find-patient", test_find_patient);

  ret = g_test_run ();

  cl_test_remove_tree (data_dir);
  return ret;
}
