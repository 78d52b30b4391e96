/* A link for her phone from the desk, as real GTK widgets under Xvfb
 * against the real careline-server, at 1024 × 768, in English and in
 * Chinese: on a desk without a server "Send Scale Link…" is not
 * offered and says why; logged in as a case manager it opens the
 * dialog, Create Link shows the server's address for her with Copy (the
 * clipboard holds it) and the day it stops working, and the address
 * opens her page on the server, where her answer shows on the desk's
 * open page.  Screenshots: scale-link-local, scale-link-dialog,
 * scale-link-made, scale-link-answered. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-patient-page.h"
#include "cl-patient-store.h"
#include "cl-scale-link-dialog.h"
#include "cl-scale-list.h"
#include "cl-scale-record.h"
#include "cl-test-server.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

#define PASSWORD "a long enough password"

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_results (gpointer data)
{
  return cl_scale_list_get_n_results (data) > 0;
}

static gboolean
not_busy (gpointer data)
{
  return !cl_scale_link_dialog_is_busy (data);
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* Scrolled to her scales, as a user would. */
static void
scroll_to (CLScaleList *list)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (list), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 200);
  cl_test_ui_settle (300);
}

static CLScaleList *
open_scales (CLWindow   *window,
             const char *patient_id)
{
  CLPatientPage *page;
  CLScaleList *list;

  cl_window_show_patient (window, patient_id);
  cl_test_ui_settle (400);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  g_assert_nonnull (page);
  list = CL_SCALE_LIST (cl_test_ui_find_widget (GTK_WIDGET (page), CL_TYPE_SCALE_LIST));
  g_assert_nonnull (list);
  scroll_to (list);
  return list;
}

static void
test_send_link (void)
{
  const char *server_binary = cl_test_server_binary ();
  g_autofree char *data_dir = cl_test_make_tmp_dir ("ui-scale-link");
  g_autofree char *server_dir = cl_test_make_tmp_dir ("ui-scale-link-server");
  g_autofree char *server_db = g_build_filename (server_dir, "careline.db", NULL);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *prefix = NULL;
  ClipboardRead read = { 0 };
  CLScaleLinkDialog *dialog;
  CLScaleList *list;
  GtkWidget *button;
  CLWindow *window;

  g_assert_nonnull (server_binary);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "chen",
                                           "--role", "case_manager", "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);

  window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);

  /* Registered at this desk before it had a server. */
  cl_patient_set_name (patient, "张小梅");
  cl_patient_set_phone (patient, "13800138000");
  g_assert_true (cl_patient_store_save (cl_window_get_store (window), patient, NULL, NULL, &error));
  g_assert_no_error (error);

  list = open_scales (window, cl_record_get_id (CL_RECORD (patient)));
  button = cl_test_ui_find_widget_where (GTK_WIDGET (list), button_labelled, _("Send Scale Lin_k…"));
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   _("Links for her phone come from a server, and this desk works without one"));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "scale-link-local");

  /* Logged in, the desk pushes her, and the link is offered. */
  cl_test_ui_log_in (GTK_WIDGET (window), url, "chen", PASSWORD);
  g_assert_cmpint (cl_test_db_count (server_db, "SELECT count(*) FROM patient"), ==, 1);
  list = open_scales (window, cl_record_get_id (CL_RECORD (patient)));
  button = cl_test_ui_find_widget_where (GTK_WIDGET (list), button_labelled, _("Send Scale Lin_k…"));
  g_assert_true (gtk_widget_is_sensitive (button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "scales.send-link", NULL));
  cl_test_ui_settle (100);
  dialog = CL_SCALE_LINK_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_SCALE_LINK_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog),
                                        _("A link she opens on her own phone to fill in the scale herself, "
                                          "with no app and no log-in. It works once, and her answers appear on her page.")));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), cl_scale_get_title (cl_scale_lookup ("epds"), NULL)));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (gtk_window_get_title (GTK_WINDOW (dialog))));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "scale-link-dialog");

  g_signal_emit_by_name (cl_test_ui_find_widget_where (GTK_WIDGET (dialog), button_labelled, _("C_reate Link")),
                         "clicked");
  g_assert_true (cl_scale_link_dialog_is_busy (dialog));
  cl_test_ui_wait_until (not_busy, dialog);
  g_assert_nonnull (cl_scale_link_dialog_get_url (dialog));

  /* The server's address for her page, shown whole, and when it stops
   * working. */
  prefix = g_strconcat (url, "p/", NULL);
  g_assert_true (g_str_has_prefix (cl_scale_link_dialog_get_url (dialog), prefix));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), cl_scale_link_dialog_get_url (dialog)));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), _("Works Until")));
  g_assert_cmpint (cl_test_db_count (server_db, "SELECT count(*) FROM patient_link WHERE form_id = 'epds'"
                                                " AND created_by = 'chen' AND expires_at > strftime('%s','now') + 6 * 86400"),
                   ==, 1);

  /* Copy puts it on the clipboard. */
  g_signal_emit_by_name (cl_test_ui_find_widget_where (GTK_WIDGET (dialog), button_labelled, _("C_opy")), "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL, clipboard_read_cb, &read);
  cl_test_ui_wait_until (clipboard_done, &read);
  g_assert_cmpstr (read.text, ==, cl_scale_link_dialog_get_url (dialog));
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "scale-link-made");

  /* It opens her page on the server; she answers there (item 10:
   * "Sometimes"), and her result appears on the page the desk has
   * open, from the server's feed. */
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", cl_scale_link_dialog_get_url (dialog));
    g_autoptr(SoupMessage) post = soup_message_new ("POST", cl_scale_link_dialog_get_url (dialog));
    const char *form = "q1=0&q2=0&q3=3&q4=0&q5=3&q6=3&q7=3&q8=3&q9=3&q10=1";
    g_autoptr(GBytes) form_bytes = g_bytes_new_static (form, strlen (form));
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GBytes) answer = NULL;
    guint status = 0;

    body = cl_test_api_send (msg, &status);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpuint (cl_scale_list_get_n_results (list), ==, 0);
    soup_message_set_request_body_from_bytes (post, "application/x-www-form-urlencoded", form_bytes);
    answer = cl_test_api_send (post, &status);
    g_assert_cmpuint (status, ==, 200);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (has_results, list);
  {
    g_autofree char *title = g_strdup_printf (_("%s: %d"), cl_scale_get_title (cl_scale_lookup ("epds"), NULL), 2);

    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (list), title));
  }
  scroll_to (list);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "scale-link-answered");

  g_free (read.text);
  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_stop_server (&server);
  cl_test_remove_tree (data_dir);
  cl_test_remove_tree (server_dir);
}

int
main (int   argc,
      char *argv[])
{
  cl_test_ui_init (&argc, &argv);
  g_test_add_func ("/ui/scale-link/send", test_send_link);
  return g_test_run ();
}
