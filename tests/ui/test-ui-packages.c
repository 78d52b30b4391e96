/* Service packages and the logged-in role, as real GTK widgets under
 * Xvfb on a real demo store: the Packages window from the main menu
 * (read-only without an administrator; an administrator's edits with
 * bad input refused at the field and nothing saved; a new price for
 * new enrolments only), and the patient page following the logged-in
 * role, so an administrator's window override is entered from the UI.
 * The administrator logs in to a real careline-server. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "cl-enrolment-dialog.h"
#include "cl-enrolment-store.h"
#include "cl-form-message.h"
#include "cl-money.h"
#include "cl-package-dialog.h"
#include "cl-packages-dialog.h"
#include "cl-patient-page.h"
#include "cl-preferences-dialog.h"
#include "cl-roster-view.h"
#include "cl-settlement-view.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

#define N_PATIENTS 400

static char *data_dir;


static gboolean
enrolment_dialog_gone (gpointer data)
{
  return cl_test_ui_find_toplevel (CL_TYPE_ENROLMENT_DIALOG) == NULL;
}

static gboolean
package_dialog_gone (gpointer data)
{
  return cl_test_ui_find_toplevel (CL_TYPE_PACKAGE_DIALOG) == NULL;
}

static CLWindow *
open_window (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));

  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  return window;
}

/* First column of the first row of @sql on @db, as text (NULL if none);
 * a connection of its own, as another program would read the file. */
static char *
query_text (const char *db,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return text;
}

static gint64
query_int (const char *db,
           const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  return text ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static const char *
store_path (CLWindow *window)
{
  return cl_store_get_path (cl_window_get_store (window));
}

static CLPackagesDialog *
open_packages (CLWindow *window)
{
  CLPackagesDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.packages", NULL));
  dialog = CL_PACKAGES_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_PACKAGES_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  return dialog;
}

/* Whoever is not an administrator (here a case manager) can look at
 * the packages, not change them.  A desk without a server is its own
 * administrator, until someone else is said to be working. */
static void
test_read_only (void)
{
  CLWindow *window = open_window ();
  const char *db = store_path (window);
  CLContext *context = cl_window_get_context (window);
  g_autofree char *before = query_text (db, "SELECT group_concat (price_fen || services) FROM package");
  CLPackagesDialog *list;

  g_assert_cmpstr (cl_context_get_role (context), ==, CL_CONTEXT_LOCAL_ROLE);
  g_assert_true (cl_context_may (context, CL_WRITE, "package"));
  cl_context_set_user (context, NULL, CL_ROLE_CASE_MANAGER);
  list = open_packages (window);
  CLPackageDialog *dialog;

  g_assert_cmpuint (cl_packages_dialog_get_n_rows (list), ==, 3);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (list), _("Only an administrator can change packages; you can look at them.")));
  g_assert_false (cl_test_ui_find_label (GTK_WIDGET (list), _("_New Package")));
  cl_test_ui_save_screenshot (GTK_WIDGET (list), "packages-read-only");

  dialog = CL_PACKAGE_DIALOG (cl_packages_dialog_open (list, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_false (cl_package_dialog_get_editable (dialog));
  g_assert_false (gtk_editable_get_editable (cl_package_dialog_get_entry (dialog, "price")));
  /* Eight services and the gift pack (schema 15). */
  g_assert_cmpuint (cl_package_dialog_get_n_services (dialog), ==, 9);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "package-read-only");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "price"), "1.00");
  g_assert_false (cl_package_dialog_save (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (list));
  {
    g_autofree char *after = query_text (db, "SELECT group_concat (price_fen || services) FROM package");
    g_assert_cmpstr (after, ==, before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A patient with a dated, ongoing pregnancy, no enrolment, and today
 * outside @package's window. */
static char *
patient_outside (const char *db,
                 CLPackage  *package)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT p.id FROM patient p JOIN pregnancy g ON g.patient_id = p.id AND g.deleted = 0"
    " WHERE p.deleted = 0 AND g.status = 'ongoing' AND g.lmp IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM pregnancy h WHERE h.patient_id = p.id AND h.deleted = 0 AND h.lmp > g.lmp)"
    " AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.patient_id = p.id AND e.deleted = 0)"
    " AND 280 - (julianday (coalesce (g.corrected_edd, g.edd)) - julianday ('2026-11-23'))"
    "     BETWEEN %d AND 260 ORDER BY p.name LIMIT 1",
    cl_package_get_enrol_to_day (package) + 14);

  return query_text (db, sql);
}

static gboolean
label_ends_with (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

/* An administrator logged in to the server: the patient page takes her
 * role and she enrols a patient outside the window with a reason; in
 * Packages she edits the price, the window and the services, bad input
 * is refused at its field, and the new price reaches new enrolments
 * only. */
static void
test_admin (void)
{
  const char *server_binary = g_getenv ("CARELINE_SERVER");
  g_autofree char *server_dir = cl_test_make_tmp_dir ("ui-packages-server");
  g_autofree char *server_db = g_build_filename (server_dir, "server.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autofree char *url = NULL;
  g_autofree char *patient_id = NULL;
  g_autofree char *enrolment_sql = NULL;
  g_autofree char *enrolment_sql_live = NULL;
  g_autofree char *package_id = NULL;
  CLWindow *window;
  CLSyncClient *client;
  CLPatientPage *page;
  CLEnrolmentDialog *enrol;
  CLPackagesDialog *list;
  CLPackageDialog *dialog;
  const char *db;

  if (server_binary == NULL)
    {
      g_test_skip ("CARELINE_SERVER not set");
      return;
    }
  g_assert_cmpint (cl_test_run_server_cli (server_binary, "director-pw\n", "user", "add", "director",
                                           "--role", "admin", "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);

  window = open_window ();
  db = store_path (window);
  client = cl_window_get_sync_client (window);
  cl_test_ui_log_in (GTK_WIDGET (window), url, "director", "director-pw");
  g_assert_cmpstr (cl_sync_client_get_role (client), ==, "admin");

  /* The patient page acts as the administrator: the override is there,
   * and without a reason she is still refused. */
  packages = cl_enrolment_store_list_packages (cl_window_get_store (window), FALSE);
  patient_id = patient_outside (db, g_ptr_array_index (packages, 0));
  g_assert_nonnull (patient_id);
  enrolment_sql = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE patient_id = '%s'", patient_id);
  enrolment_sql_live = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE patient_id = '%s'"
                                        " AND deleted = 0 AND status = 'active'", patient_id);
  cl_window_show_patient (window, patient_id);
  cl_test_ui_settle (300);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  g_assert_cmpstr (cl_context_get_role (cl_window_get_context (window)), ==, "admin");
  gtk_widget_activate_action (GTK_WIDGET (page), "page.enrol", NULL);
  enrol = CL_ENROLMENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ENROLMENT_DIALOG));
  g_assert_nonnull (enrol);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, enrol);
  /* She is first offered a package she may be enrolled in. */
  {
    guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (cl_enrolment_dialog_get_row (enrol, "package_id")));
    GDate today;
    gboolean any = FALSE;

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, 23, 11, 2026);
    for (guint i = 0; i < packages->len; i++)
      {
        g_autofree char *problem = cl_enrolment_store_window_problem (cl_window_get_store (window), patient_id,
                                                                      g_ptr_array_index (packages, i), &today);
        any |= problem == NULL;
      }
    if (any)
      {
        g_autofree char *problem = cl_enrolment_store_window_problem (cl_window_get_store (window), patient_id,
                                                                      g_ptr_array_index (packages, selected), &today);
        g_assert_null (problem);
        g_assert_null (cl_enrolment_dialog_get_error (enrol, "package_id"));
        g_assert_false (gtk_widget_get_visible (cl_enrolment_dialog_get_row (enrol, "override_reason")));
      }
  }
  /* She is outside the first package's window: choosing it says why
   * before Save, and the administrator's reason row appears. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_enrolment_dialog_get_row (enrol, "package_id")), 0);
  g_assert_nonnull (cl_enrolment_dialog_get_error (enrol, "package_id"));
  g_assert_true (gtk_widget_get_visible (cl_enrolment_dialog_get_row (enrol, "override_reason")));
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (enrol, "receipt_no"), "FP2026112388");
  g_assert_false (cl_enrolment_dialog_save (enrol));
  g_assert_cmpint (query_int (db, enrolment_sql), ==, 0);
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (enrol, "override_reason"), "院长特批：高危转诊");
  cl_test_ui_save_screenshot (GTK_WIDGET (enrol), "enrolment-override");
  g_assert_true (cl_enrolment_dialog_save (enrol));
  cl_test_ui_wait_until (enrolment_dialog_gone, NULL);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT override_reason || '/' || price_fen FROM enrolment WHERE patient_id = '%s'",
                                            patient_id);
    g_autofree char *row = query_text (db, sql);
    g_autofree char *expected = g_strdup_printf ("院长特批：高危转诊/%" G_GINT64_FORMAT,
                                                 cl_package_get_price_fen (g_ptr_array_index (packages, 0)));

    g_assert_cmpstr (row, ==, expected);
  }

  /* Enrolled: the administrator is offered "Enrol Again (Override)…"
   * by name; the dialog says she is enrolled, asks for the reason,
   * refuses without one and takes one with it.  (This server does not
   * know the demo patients and turns the pushed enrolment back, so her
   * live enrolment is written as if pulled.) */
  cl_test_ui_wait_until (cl_test_ui_sync_idle, client);
  {
    g_autoptr(CLEnrolment) live = cl_enrolment_new ();
    g_autoptr(GError) error = NULL;

    cl_enrolment_set_patient_id (live, patient_id);
    cl_enrolment_set_package_id (live, cl_record_get_id (g_ptr_array_index (packages, 0)));
    cl_enrolment_set_agreement_date (live, "2026-11-20");
    cl_enrolment_set_explained_by (live, "王护士");
    cl_enrolment_set_override_reason (live, "院长特批：高危转诊");
    g_assert_true (cl_store_begin (cl_window_get_store (window), &error));
    g_assert_true (cl_store_write_record (cl_window_get_store (window), CL_RECORD (live), CL_WRITE_NO_OUTBOX, &error));
    g_assert_true (cl_store_commit (cl_window_get_store (window), &error));
    g_assert_no_error (error);
  }
  cl_window_show_patient (window, patient_id);
  cl_test_ui_settle (300);
  /* Her enrolment's details show why it was allowed. */
  {
    g_autofree char *line = g_strdup_printf (_("%s\nOverride: %s"), "", "院长特批：高危转诊");

    g_assert_nonnull (cl_test_ui_find_widget_where (GTK_WIDGET (page), label_ends_with, line));
  }
  {
    GtkWidget *button = cl_test_ui_find_action_button (GTK_WIDGET (page), "page.enrol");

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("Enrol _Again (Override)…"));
    g_assert_true (gtk_widget_is_sensitive (button));
    g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.enrol", NULL));
  enrol = CL_ENROLMENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ENROLMENT_DIALOG));
  g_assert_nonnull (enrol);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, enrol);
  g_assert_nonnull (cl_enrolment_dialog_get_error (enrol, "package_id"));
  g_assert_true (gtk_widget_get_visible (cl_enrolment_dialog_get_row (enrol, "override_reason")));
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (enrol, "receipt_no"), "FP2026112389");
  cl_test_ui_save_screenshot (GTK_WIDGET (enrol), "enrolment-again");
  g_assert_false (cl_enrolment_dialog_save (enrol));
  g_assert_cmpint (query_int (db, enrolment_sql_live), ==, 1);
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (enrol, "override_reason"), "双胎，另购一份");
  g_assert_true (cl_enrolment_dialog_save (enrol));
  /* The desk took it (this server, which does not know the demo
   * patients, turns the push back at once: the row may be undone). */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE patient_id = '%s'"
                                            " AND override_reason = '双胎，另购一份'", patient_id);

    g_assert_cmpint (query_int (db, sql), ==, 1);
  }
  cl_test_ui_wait_until (enrolment_dialog_gone, NULL);

  /* Packages: the administrator may add and change. */
  list = open_packages (window);
  g_assert_cmpuint (cl_packages_dialog_get_n_rows (list), ==, 3);
  cl_test_ui_save_screenshot (GTK_WIDGET (list), "packages");
  dialog = CL_PACKAGE_DIALOG (cl_packages_dialog_open (list, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_true (cl_package_dialog_get_editable (dialog));
  package_id = g_strdup (cl_record_get_id (g_ptr_array_index (packages, 0)));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT name || price_fen || enrol_to_day || services FROM package WHERE id = '%s'",
                                            package_id);
    g_autofree char *before = query_text (db, sql);
    gint64 outbox = query_int (db, "SELECT count(*) FROM outbox");
    struct { const char *field, *text, *error_at; } bad[] = {
      { "price", "-5", "price" },
      { "price", "两千九", "price" },
      { "price", "2980.001", "price" },
      { "enrol-to", "4+0", "enrol-to" },        /* before 6+0 */
      { "enrol-to", "13+9", "enrol-to" },
      { "name", "  ", "name" },
      { "postpartum", "四十二", "postpartum" },
      { "service-quantity.1", "0", "service.1" },
      { "service-quantity.1", "x", "service.1" },
      { "service-name.2", "", "service.2" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        GtkEditable *entry = cl_package_dialog_get_entry (dialog, bad[i].field);
        g_autofree char *good = g_strdup (gtk_editable_get_text (entry));

        gtk_editable_set_text (entry, bad[i].text);
        g_assert_false (cl_package_dialog_save (dialog));
        if (cl_package_dialog_get_error (dialog, bad[i].error_at) == NULL)
          g_error ("no message at %s for %s = “%s”", bad[i].error_at, bad[i].field, bad[i].text);
        /* Translated in the Chinese run */
        if (cl_test_ui_is_chinese ())
          g_assert_true (cl_test_ui_has_non_ascii (cl_package_dialog_get_error (dialog, bad[i].error_at)));
        if (i == 3)
          cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "package-error");
        gtk_editable_set_text (entry, good);
        {
          g_autofree char *after = query_text (db, sql);
          g_assert_cmpstr (after, ==, before);
        }
        g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox"), ==, outbox);
      }
  }

  /* Both names are offered, the English one filled in for the seeded
   * packages, and the required fields are marked. */
  g_assert_cmpstr (gtk_editable_get_text (cl_package_dialog_get_entry (dialog, "name")), ==, "全孕期");
  g_assert_cmpstr (gtk_editable_get_text (cl_package_dialog_get_entry (dialog, "name-en")), ==, "Whole Pregnancy");
  g_assert_true (cl_form_row_get_required (GTK_WIDGET (cl_package_dialog_get_entry (dialog, "name"))));
  g_assert_false (cl_form_row_get_required (GTK_WIDGET (cl_package_dialog_get_entry (dialog, "name-en"))));

  /* A good edit: a new English name, price and window end, a service
   * more, one less. */
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "name-en"), "  Whole Pregnancy Care ");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "price"), "3,280.00");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "enrol-to"), "14+6");
  g_assert_cmpstr (gtk_editable_get_text (cl_package_dialog_get_entry (dialog, "service-name.8")), ==, "孕期礼包");
  cl_package_dialog_remove_service (dialog, 7);
  cl_package_dialog_add_service (dialog);
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "service-name.8"), "孕期瑜伽");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "service-quantity.8"), "4");
  g_assert_cmpuint (cl_package_dialog_get_n_services (dialog), ==, 9);
  g_assert_true (cl_package_dialog_save (dialog));
  cl_test_ui_wait_until (package_dialog_gone, NULL);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT price_fen || '/' || enrol_to_day || '/' || json_array_length (services)"
                                            " || '/' || json_extract (services, '$[8].name') || json_extract (services, '$[8].quantity')"
                                            " FROM package WHERE id = '%s'", package_id);
    g_autofree char *row = query_text (db, sql);

    g_assert_cmpstr (row, ==, "328000/104/9/孕期瑜伽4");
  }
  /* The list names it in the interface's language. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT name_en FROM package WHERE id = '%s'", package_id);
    g_autofree char *name_en = query_text (db, sql);

    g_assert_cmpstr (name_en, ==, "Whole Pregnancy Care");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (cl_packages_dialog_get_row (list, 0))), ==,
                     cl_test_ui_is_chinese () ? "全孕期" : "Whole Pregnancy Care");
  }
  /* The list shows the new price. */
  {
    g_autofree char *price = cl_money_format_display (328000);
    const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (cl_packages_dialog_get_row (list, 0)));

    g_assert_nonnull (strstr (subtitle, price));
  }

  /* A new package, listed once saved. */
  dialog = CL_PACKAGE_DIALOG (cl_packages_dialog_open_new (list));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_cmpuint (cl_package_dialog_get_n_services (dialog), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (cl_package_dialog_get_entry (dialog, "postpartum")), ==, "42");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "name"), "产后康复");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "code"), "postpartum-care");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "price"), "880");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "enrol-from"), "36+0");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "enrol-to"), "41+6");
  cl_package_dialog_add_service (dialog);
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "service-name.0"), "产后康复指导");
  gtk_editable_set_text (cl_package_dialog_get_entry (dialog, "service-quantity.0"), "２");
  g_assert_true (cl_package_dialog_save (dialog));
  cl_test_ui_wait_until (package_dialog_gone, NULL);
  g_assert_cmpuint (cl_packages_dialog_get_n_rows (list), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT price_fen FROM package WHERE code = 'postpartum-care' AND enrol_from_day = 252"
                                  " AND enrol_to_day = 293 AND postpartum_days = 42"
                                  " AND json_extract (services, '$[0].quantity') = 2"), ==, 88000);
  gtk_window_destroy (GTK_WINDOW (list));

  /* New enrolments get the new price; the one made before keeps its. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT price_fen FROM enrolment WHERE patient_id = '%s'", patient_id);
    g_autofree char *price = cl_money_format (328000);

    g_assert_cmpint (query_int (db, sql), ==, cl_package_get_price_fen (g_ptr_array_index (packages, 0)));
    gtk_widget_activate_action (GTK_WIDGET (page), "page.enrol", NULL);
    enrol = CL_ENROLMENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ENROLMENT_DIALOG));
    g_assert_nonnull (enrol);
    adw_combo_row_set_selected (ADW_COMBO_ROW (cl_enrolment_dialog_get_row (enrol, "package_id")), 0);
    g_assert_cmpstr (gtk_editable_get_text (cl_enrolment_dialog_get_entry (enrol, "paid_fen")), ==, price);
    gtk_window_destroy (GTK_WINDOW (enrol));
  }

  /* The server has the administrator's package change. */
  cl_test_ui_wait_until (cl_test_ui_sync_idle, client);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT price_fen FROM package WHERE id = '%s'", package_id);

    g_assert_cmpint (query_int (server_db, sql), ==, 328000);
  }

  g_settings_reset (settings, "server-url");
  gtk_window_destroy (GTK_WINDOW (window));
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (server_dir);
}

static gboolean
view_shows_hospital (gpointer data)
{
  CLSettlement *s = cl_settlement_view_get_settlement (data);

  return s && g_strcmp0 (cl_settlement_get_hospital (s), "孕护通市妇幼保健院") == 0;
}

/* The statement's head and signature lines carry the hospital's and
 * the vendor's names from Preferences, in the view and the PDF. */
static void
test_statement_parties (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = cl_test_make_tmp_dir ("ui-parties");
  g_autofree char *pdf = g_build_filename (dir, "statement.pdf", NULL);
  g_autoptr(GError) error = NULL;
  CLWindow *window = open_window ();
  AdwViewStack *stack = ADW_VIEW_STACK (cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  CLSettlementView *view = CL_SETTLEMENT_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW));
  CLPreferencesDialog *prefs;

  adw_view_stack_set_visible_child_name (stack, "settlement");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);

  /* Typed in Preferences → Statements, the names reach the shown
   * statement at once. */
  prefs = cl_preferences_dialog_new (GTK_WINDOW (window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "statements");
  gtk_window_present (GTK_WINDOW (prefs));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, prefs);
  {
    GtkWidget *page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
    GtkWidget *hospital = cl_test_ui_find_widget (page, ADW_TYPE_ENTRY_ROW);
    GtkWidget *vendor = gtk_widget_get_next_sibling (hospital);

    g_assert_true (ADW_IS_ENTRY_ROW (vendor));
    gtk_editable_set_text (GTK_EDITABLE (hospital), "孕护通市妇幼保健院");
    gtk_editable_set_text (GTK_EDITABLE (vendor), "安护健康管理有限公司");
  }
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (prefs), "preferences-statements");
  gtk_window_destroy (GTK_WINDOW (prefs));
  cl_test_ui_wait_until (view_shows_hospital, view);
  g_assert_cmpstr (cl_settlement_get_vendor (cl_settlement_view_get_settlement (view)), ==, "安护健康管理有限公司");

  g_assert_true (cl_settlement_view_export_pdf (view, pdf, &error));
  g_assert_no_error (error);
  if (g_find_program_in_path ("pdftotext"))
    {
      const char *argv[] = { "pdftotext", pdf, "-", NULL };
      g_autofree char *text = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &text, NULL, &status, &error));
      g_assert_no_error (error);
      /* The head, and once more at the hospital's signature line; the
       * vendor in the subtitle and at its signature line. */
      g_assert_nonnull (strstr (text, "孕护通市妇幼保健院"));
      g_assert_nonnull (strstr (strstr (text, "孕护通市妇幼保健院") + 1, "孕护通市妇幼保健院"));
      g_assert_nonnull (strstr (strstr (text, "安护健康管理有限公司") + 1, "安护健康管理有限公司"));
    }
  else
    g_test_message ("pdftotext not installed: PDF text not checked");

  g_settings_reset (settings, "hospital-name");
  g_settings_reset (settings, "vendor-name");
  cl_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
view_has_settlement (gpointer data)
{
  return cl_settlement_view_get_settlement (data) != NULL
         && gtk_widget_get_mapped (GTK_WIDGET (cl_settlement_view_get_column_view (data)));
}

/* The seeded packages' names as entered and in English (the admin
 * test renamed one), each a list of three. */
static void
seeded_names (CLStore    *store,
              GPtrArray **names_zh,
              GPtrArray **names_en)
{
  g_autoptr(GPtrArray) packages = cl_enrolment_store_list_packages (store, TRUE);

  *names_zh = g_ptr_array_new_with_free_func (g_free);
  *names_en = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < packages->len; i++)
    {
      CLPackage *package = g_ptr_array_index (packages, i);

      if (!g_str_has_prefix (cl_record_get_id (CL_RECORD (package)), "5e1d0a52-6b1f-4c38-9d2e-2f8a0000000"))
        continue;
      g_assert_true (cl_test_ui_has_non_ascii (cl_package_get_name (package)));
      g_assert_false (cl_test_ui_has_non_ascii (cl_package_get_name_en (package)));
      g_ptr_array_add (*names_zh, g_strdup (cl_package_get_name (package)));
      g_ptr_array_add (*names_en, g_strdup (cl_package_get_name_en (package)));
    }
  g_assert_cmpuint ((*names_zh)->len, ==, 3);
}

/* How many of @names the view (its lines on screen and its subtotals
 * by package) shows. */
static guint
count_shown (GtkWidget *view,
             GPtrArray *names)
{
  guint n = 0;

  for (guint i = 0; i < 3; i++)
    n += cl_test_ui_find_label (view, g_ptr_array_index (names, i));
  return n;
}

/* How many of @names @pdf's text holds. */
static guint
count_printed (const char *pdf,
               GPtrArray  *names)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status = 0;
  guint n = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    n += strstr (text, g_ptr_array_index (names, i)) != NULL;
  return n;
}

/* Settlement and its printed statement name the packages in the
 * interface's language: "Whole Pregnancy", never a Chinese-only 全孕期,
 * in English; as entered in Chinese.  A closed month froze the names
 * it was closed with and still shows them in English, found through
 * the package's id. */
static void
test_settlement_package_names (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("ui-package-names");
  g_autofree char *pdf = g_build_filename (dir, "statement.pdf", NULL);
  g_autoptr(GError) error = NULL;
  CLWindow *window = open_window ();
  AdwViewStack *stack = ADW_VIEW_STACK (cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  CLSettlementView *view = CL_SETTLEMENT_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW));
  g_autoptr(GPtrArray) names_zh = NULL;
  g_autoptr(GPtrArray) names_en = NULL;
  GPtrArray *shown, *hidden;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  seeded_names (cl_window_get_store (window), &names_zh, &names_en);
  shown = cl_test_ui_is_chinese () ? names_zh : names_en;
  hidden = cl_test_ui_is_chinese () ? names_en : names_zh;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  adw_view_stack_set_visible_child_name (stack, "settlement");
  cl_test_ui_wait_until (view_has_settlement, view);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "settlement-package-names");

  /* The demo month sells every seeded package. */
  g_assert_cmpuint (count_shown (GTK_WIDGET (view), shown), ==, 3);
  g_assert_cmpuint (count_shown (GTK_WIDGET (view), hidden), ==, 0);
  g_assert_true (cl_settlement_view_export_pdf (view, pdf, &error));
  g_assert_no_error (error);
  if (pdftotext)
    {
      g_assert_cmpuint (count_printed (pdf, shown), ==, 3);
      g_assert_cmpuint (count_printed (pdf, hidden), ==, 0);
    }

  /* Closed, the month is read back from its snapshot. */
  g_assert_true (cl_settlement_view_close_month (view, &error));
  g_assert_no_error (error);
  cl_settlement_view_reload (view);
  g_assert_true (cl_settlement_get_closed (cl_settlement_view_get_settlement (view)));
  cl_test_ui_settle (200);
  g_assert_cmpuint (count_shown (GTK_WIDGET (view), shown), ==, 3);
  g_assert_cmpuint (count_shown (GTK_WIDGET (view), hidden), ==, 0);
  g_assert_true (cl_settlement_view_export_pdf (view, pdf, &error));
  g_assert_no_error (error);
  if (pdftotext)
    {
      g_assert_cmpuint (count_printed (pdf, shown), ==, 3);
      g_assert_cmpuint (count_printed (pdf, hidden), ==, 0);
    }
  else
    g_test_message ("pdftotext not installed: PDF text not checked");

  cl_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-packages", N_PATIENTS, 7);

  g_test_add_func ("/ui/packages/read-only", test_read_only);
  g_test_add_func ("/ui/packages/admin", test_admin);
  g_test_add_func ("/ui/settlement/parties", test_statement_parties);
  g_test_add_func ("/ui/settlement/package-names", test_settlement_package_names);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
