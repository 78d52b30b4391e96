/* The roster, the New Patient dialog and the patient page as real GTK
 * widgets under Xvfb, on a real 10 000-patient store.  Run once in
 * English and once in zh_CN; screenshots go to the build dir. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-application.h"
#include "cl-deduction-dialog.h"
#include "cl-demo-data.h"
#include "cl-enrolment-dialog.h"
#include "cl-enrolment-store.h"
#include "cl-form-message.h"
#include "cl-money.h"
#include "cl-new-patient-dialog.h"
#include "cl-patient-form.h"
#include "cl-patient-page.h"
#include "cl-patient-store.h"
#include "cl-pinyin.h"
#include "cl-roster-view.h"
#include "cl-settlement-view.h"
#include "cl-share-rate-dialog.h"
#include "cl-store-private.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

#define N_PATIENTS 10000

static char *data_dir;


/* The oracle for an initials query, computed from the names alone: the
 * initials of the whole name or of the given name (after a one- or
 * two-character surname) start with the query. */
static guint
count_initials_matches (CLStore    *store,
                        const char *query)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open_v2 (cl_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM patient WHERE deleted = 0", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *ini = cl_pinyin_initials (name);
      gsize len = strlen (ini);
      gboolean match = g_str_has_prefix (ini, query);

      if (g_utf8_strlen (name, -1) >= 3 && len >= 3)
        {
          match |= len - 1 >= 2 && g_str_has_prefix (ini + 1, query);
          match |= len - 2 >= 2 && g_str_has_prefix (ini + 2, query);
        }
      n += match;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gint64
count_patients_sql (CLStore *store)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  sqlite3_open_v2 (cl_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM patient", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static CLWindow *
open_window (void)
{
  return CL_WINDOW (cl_test_ui_open_window (data_dir));
}

typedef struct
{
  CLRosterModel *model;
  const char    *query;
} Search;

/* The search entry waits a moment after the last keystroke before it
 * searches: done when the model has taken the query and loaded it. */
static gboolean
search_applied (gpointer data)
{
  Search *search = data;
  const char *query = cl_roster_model_get_query (search->model);

  return g_strcmp0 (query ? query : "", search->query) == 0 &&
         cl_test_ui_roster_settled (search->model);
}

static void
search_for (GtkEditable   *entry,
            CLRosterModel *model,
            const char    *text)
{
  Search search = { model, text };

  gtk_editable_set_text (entry, text);
  cl_test_ui_wait_until (search_applied, &search);
}

static void
test_roster_search (void)
{
  CLWindow *window = open_window ();
  CLRosterView *view = CL_ROSTER_VIEW (cl_window_get_roster_view (window));
  CLRosterModel *model = cl_roster_view_get_model (view);
  GtkColumnView *column_view = cl_roster_view_get_column_view (view);
  GtkEditable *entry = cl_roster_view_get_search_entry (view);
  const char *typed[] = { "z", "zh", "zha", "zh", "z", "zx", "zxm" };
  guint expected;

  cl_test_ui_wait_until (cl_test_ui_roster_settled, model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PATIENTS);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "roster");

  /* Typing, a character at a time, with a correction on the way. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gtk_editable_set_text (entry, typed[i]);
      if (i % 2 == 0)
        cl_test_ui_wait_until (cl_test_ui_roster_settled, model);
    }
  search_for (entry, model, "zxm");

  expected = count_initials_matches (cl_window_get_store (window), "zxm");
  g_test_message ("query zxm: %u matches", expected);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))),
                    ==, expected);

  /* The rows on screen are those rows. */
  {
    g_autoptr(CLRosterRow) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autofree char *ini = cl_pinyin_initials (cl_roster_row_get_name (first));

    g_assert_true (strstr (ini, "zxm") != NULL);
    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (column_view), cl_roster_row_get_name (first)));
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "roster-search");

  /* Clicking a column header sorts in SQL: by due date, then reversed. */
  search_for (entry, model, "");
  for (int direction = GTK_SORT_ASCENDING; direction <= GTK_SORT_DESCENDING; direction++)
    {
      g_autoptr(GtkColumnViewColumn) edd_column =
        g_list_model_get_item (gtk_column_view_get_columns (column_view), 3);
      g_autofree char *previous = NULL;

      gtk_column_view_sort_by_column (column_view, edd_column, direction);
      cl_test_ui_wait_until (cl_test_ui_roster_settled, model);
      for (guint i = 0; i < 50; i++)
        {
          g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
          const char *edd = cl_roster_row_get_edd (row);

          g_assert_nonnull (edd);
          if (previous)
            g_assert_cmpint (direction == GTK_SORT_ASCENDING ? strcmp (previous, edd) : strcmp (edd, previous), <=, 0);
          g_free (previous);
          previous = g_strdup (edd);
        }
    }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "roster-sorted");

  /* A query nobody matches shows the no-results state. */
  search_for (entry, model, "qqqqqq");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  search_for (entry, model, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PATIENTS);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_new_patient_bad_input (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLNewPatientDialog *dialog;
  CLPatientForm *form;
  gint64 before = count_patients_sql (store);
  const char *message;

  dialog = cl_new_patient_dialog_new (GTK_WINDOW (window), cl_window_get_context (window));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  form = cl_new_patient_dialog_get_form (dialog);

  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "name")), "");
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "id_number")), "110105199003071235");
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "phone")), "1381234567");
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "lmp")), "2026-02-30");
  cl_test_ui_settle (100);

  g_assert_false (cl_new_patient_dialog_add (dialog));
  cl_test_ui_settle (200);
  for (guint i = 0; i < 4; i++)
    {
      const char *field = (const char *[]) { "name", "id_number", "phone", "lmp" }[i];

      message = cl_patient_form_get_error (form, field);
      g_test_message ("%s: %s", field, message);
      g_assert_nonnull (message);
      if (cl_test_ui_is_chinese ())
        g_assert_true (cl_test_ui_has_non_ascii (message));
    }
  g_assert_cmpint (count_patients_sql (store), ==, before);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "new-patient-errors");

  /* Fixing one field takes its message away at once. */
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "name")), "张小梅");
  g_assert_null (cl_patient_form_get_error (form, "name"));

  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "id_number")), "11010519900307123X");
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "phone")), "138 1234 5678");
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "lmp")), "2026-06-01");
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "birth_date")), "");
  {
    /* Compute a valid check digit for the test number. */
    g_autofree char *number = NULL;
    extern char cl_id_card_check_digit (const char *first17);
    number = g_strdup_printf ("11010519900307123%c", cl_id_card_check_digit ("11010519900307123"));
    gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (form, "id_number")), number);
  }

  g_assert_true (cl_new_patient_dialog_add (dialog));
  cl_test_ui_wait_until (dialog_gone, &dialog);
  g_assert_cmpint (count_patients_sql (store), ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_patient_page (void)
{
  CLWindow *window = open_window ();
  CLRosterView *view = CL_ROSTER_VIEW (cl_window_get_roster_view (window));
  CLRosterModel *model = cl_roster_view_get_model (view);
  g_autoptr(CLRosterRow) row = NULL;

  cl_test_ui_wait_until (cl_test_ui_roster_settled, model);
  row = g_list_model_get_item (G_LIST_MODEL (model), 3);
  cl_window_show_patient (window, cl_roster_row_get_patient_id (row));
  cl_test_ui_settle (500);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (window), cl_roster_row_get_name (row)));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "patient");

  gtk_window_destroy (GTK_WINDOW (window));
}


static gint64
count_change_log (const char *db_path,
                  const char *record_id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM change_log WHERE tbl = 'patient' AND record_id = ?1",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Setting a server address asks for a log-in; after it the header says
 * the desk is online, and a patient added here reaches the server. */
static void
test_sync_login (void)
{
  const char *server_binary = g_getenv ("CARELINE_SERVER");
  g_autofree char *server_dir = cl_test_make_tmp_dir ("ui-server");
  g_autofree char *server_db = g_build_filename (server_dir, "server.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  CLWindow *window;
  GtkWindow *dialog;
  CLSyncClient *client;
  GtkWidget *indicator;

  if (server_binary == NULL)
    {
      g_test_skip ("CARELINE_SERVER not set");
      return;
    }

  g_assert_cmpint (cl_test_run_server_cli (server_binary, "s3cret-pw\n", "user", "add", "nurse",
                                           "--role", "case_manager", "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);

  window = open_window ();
  client = cl_window_get_sync_client (window);
  g_assert_cmpint (cl_sync_client_get_state (client), ==, CL_SYNC_STATE_DISABLED);

  g_settings_set_string (settings, "server-url", url);
  cl_test_ui_wait_until (cl_test_ui_login_shown, NULL);
  dialog = cl_test_ui_find_toplevel (g_type_from_name ("CLLoginDialog"));

  /* A wrong password gets a message in the dialog, which stays open. */
  gtk_editable_set_text (GTK_EDITABLE (cl_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), "nurse");
  gtk_editable_set_text (GTK_EDITABLE (cl_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW)), "wrong");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "login.submit", NULL);
  cl_test_ui_settle (1500);
  g_assert_nonnull (cl_test_ui_find_toplevel (g_type_from_name ("CLLoginDialog")));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "login-error");

  /* Four more and the name is locked: the dialog says for how long, in
   * the person's language, until an administrator unlocks it. */
  for (int i = 0; i < 4; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (dialog), "login.submit", NULL);
      cl_test_ui_settle (1200);
    }
  {
    GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                g_type_from_name ("CLLoginDialog"),
                                                                "error_label"));

    cl_test_assert_contains (gtk_label_get_text (label), g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "zh") ? "15 分钟" : "15 minutes");
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "login-locked");
  g_assert_cmpint (cl_test_run_server_cli (server_binary, NULL, "user", "unlock", "nurse", "--db", server_db, NULL), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (cl_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW)), "s3cret-pw");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "login.submit", NULL);
  cl_test_ui_wait_until (cl_test_ui_sync_idle, client);
  g_assert_cmpstr (cl_sync_client_get_username (client), ==, "nurse");

  /* The logged-in role, not the local default, now decides what the
   * settlement view allows. */
  {
    GtkWidget *settlement = cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW);

    g_assert_nonnull (settlement);
    g_assert_cmpstr (cl_context_get_role (cl_window_get_context (window)), ==, "case_manager");
  }

  indicator = cl_test_ui_find_widget (GTK_WIDGET (window), g_type_from_name ("CLSyncIndicator"));
  g_assert_nonnull (indicator);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "sync-online");

  cl_patient_set_name (patient, "同步测试");
  cl_patient_set_phone (patient, "13911112222");
  g_assert_true (cl_patient_store_save (cl_window_get_store (window), patient, NULL, NULL, &error));
  g_assert_no_error (error);
  cl_test_ui_settle (300);
  cl_test_ui_wait_until (cl_test_ui_sync_idle, client);
  g_assert_cmpint (count_change_log (server_db, cl_record_get_id (CL_RECORD (patient))), ==, 1);

  g_settings_reset (settings, "server-url");
  gtk_window_destroy (GTK_WINDOW (window));
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (server_dir);
}

static gint64
count_sql (CLStore    *store,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (cl_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
settlement_pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
string_sql (CLStore    *store,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (cl_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gboolean
enrolment_dialog_gone (gpointer data)
{
  return cl_test_ui_find_toplevel (CL_TYPE_ENROLMENT_DIALOG) == NULL;
}

/* Enrolment from the patient page: a bad amount is refused at its field
 * and nothing is written; a valid one is listed and reaches the roster;
 * a refund above the payment is refused, a valid cancellation saved. */
static void
test_enrolment (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLRosterView *view = CL_ROSTER_VIEW (cl_window_get_roster_view (window));
  CLRosterModel *model = cl_roster_view_get_model (view);
  g_autoptr(GPtrArray) packages = NULL;
  g_autofree char *patient_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *count_sql_text = NULL;
  g_autofree char *active_sql = NULL;
  g_autofree char *cancelled_sql = NULL;
  CLPackage *package = NULL;
  CLPatientPage *page;
  CLEnrolmentDialog *dialog;
  gboolean found = FALSE;
  guint package_index = 0;

  cl_test_ui_wait_until (cl_test_ui_roster_settled, model);

  /* A patient with an ongoing (current) pregnancy, no enrolment, and
   * today inside one of the packages' windows. */
  packages = cl_enrolment_store_list_packages (store, FALSE);
  for (guint i = 0; i < packages->len && patient_id == NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT p.id FROM patient p JOIN pregnancy g ON g.patient_id = p.id AND g.deleted = 0"
        " WHERE p.deleted = 0 AND g.status = 'ongoing' AND g.lmp IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM pregnancy h WHERE h.patient_id = p.id AND h.deleted = 0 AND h.lmp > g.lmp)"
        " AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.patient_id = p.id AND e.deleted = 0)"
        " AND 280 - (julianday (coalesce (g.corrected_edd, g.edd)) - julianday ('2026-11-23'))"
        "     BETWEEN %d AND %d ORDER BY p.name LIMIT 1",
        cl_package_get_enrol_from_day (g_ptr_array_index (packages, i)),
        cl_package_get_enrol_to_day (g_ptr_array_index (packages, i)));

      patient_id = string_sql (store, sql);
      package_index = i;
    }
  g_assert_nonnull (patient_id);
  package = g_ptr_array_index (packages, package_index);
  count_sql_text = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE patient_id = '%s'", patient_id);
  active_sql = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE patient_id = '%s' AND status = 'active'", patient_id);
  cancelled_sql = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE patient_id = '%s' AND status = 'cancelled'"
                                   " AND refund_fen = 100000 AND cancel_date = '2026-11-23'", patient_id);

  cl_window_show_patient (window, patient_id);
  cl_test_ui_settle (300);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  g_assert_nonnull (page);

  /* Enrol: a bad amount is refused at the amount field. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.enrol", NULL);
  dialog = CL_ENROLMENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ENROLMENT_DIALOG));
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (ADW_COMBO_ROW (cl_enrolment_dialog_get_row (dialog, "package_id")), package_index);
  {
    g_autofree char *price = cl_money_format (cl_package_get_price_fen (package));
    g_assert_cmpstr (gtk_editable_get_text (cl_enrolment_dialog_get_entry (dialog, "paid_fen")), ==, price);
  }
  g_assert_cmpstr (gtk_editable_get_text (cl_enrolment_dialog_get_entry (dialog, "agreement_date")), ==, "2026-11-23");
  /* What the core requires is marked; the payment is optional. */
  g_assert_true (cl_form_row_get_required (cl_enrolment_dialog_get_row (dialog, "package_id")));
  g_assert_true (cl_form_row_get_required (cl_enrolment_dialog_get_row (dialog, "explained_by")));
  g_assert_false (cl_form_row_get_required (cl_enrolment_dialog_get_row (dialog, "paid_fen")));
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (dialog, "receipt_no"), "FP2026112301");
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (dialog, "paid_fen"), "abc");
  g_assert_false (cl_enrolment_dialog_save (dialog));
  g_assert_nonnull (cl_enrolment_dialog_get_error (dialog, "paid_fen"));
  g_assert_cmpint (count_sql (store, count_sql_text), ==, 0);
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (dialog, "paid_fen"), "-5");
  g_assert_false (cl_enrolment_dialog_save (dialog));
  g_assert_nonnull (cl_enrolment_dialog_get_error (dialog, "paid_fen"));
  g_assert_cmpint (count_sql (store, count_sql_text), ==, 0);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "enrolment-error");

  /* A valid enrolment: one row, listed on the page, in the roster. */
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (dialog, "paid_fen"), "1,000.00");
  g_assert_true (cl_enrolment_dialog_save (dialog));
  cl_test_ui_wait_until (enrolment_dialog_gone, NULL);
  g_assert_cmpint (count_sql (store, active_sql), ==, 1);
  g_assert_cmpint (count_sql (store, count_sql_text), ==, 1);
  cl_test_ui_settle (300);
  {
    g_autofree char *title = g_strdup_printf (_("%s · %s"), cl_package_get_display_name (package),
                                              C_("enrolment", "Active"));
    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (page), title));
  }

  /* Enrolled: a second enrolment would charge her twice.  For a case
   * manager the button is insensitive and says why; the dialog, reached
   * anyway, says so at the package before Save, offers her no override,
   * and refuses. */
  cl_context_set_user (cl_window_get_context (window), "wangfang", CL_ROLE_CASE_MANAGER);
  cl_test_ui_settle (100);
  {
    GtkWidget *button = cl_test_ui_find_action_button (GTK_WIDGET (page), "page.enrol");

    g_assert_false (gtk_widget_is_sensitive (button));
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), cl_package_get_display_name (package)));
  }
  dialog = cl_enrolment_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), patient_id);
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_nonnull (strstr (cl_enrolment_dialog_get_error (dialog, "package_id"), cl_package_get_display_name (package)));
  g_assert_false (gtk_widget_get_visible (cl_enrolment_dialog_get_row (dialog, "override_reason")));
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (dialog, "receipt_no"), "FP2026112302");
  g_assert_false (cl_enrolment_dialog_save (dialog));
  g_assert_nonnull (strstr (cl_enrolment_dialog_get_error (dialog, "package_id"), cl_package_get_display_name (package)));
  g_assert_cmpint (count_sql (store, count_sql_text), ==, 1);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "enrolment-refused");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cl_context_set_user (cl_window_get_context (window), NULL, NULL);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT name FROM patient WHERE id = '%s'", patient_id);
    name = string_sql (store, sql);
  }
  cl_test_ui_wait_until (cl_test_ui_roster_settled, model);
  cl_roster_model_set_query (model, name);
  cl_test_ui_wait_until (cl_test_ui_roster_settled, model);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (cl_roster_row_get_patient_id (row), patient_id) == 0)
        {
          g_assert_cmpstr (cl_roster_row_get_package (row), ==, cl_package_get_display_name (package));
          found = TRUE;
        }
    }
  g_assert_true (found);
  cl_roster_model_set_query (model, "");

  /* Cancel: a refund above the payment is refused at the refund field. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM enrolment WHERE patient_id = '%s'", patient_id);
    g_autofree char *enrolment_id = string_sql (store, sql);

    gtk_widget_activate_action (GTK_WIDGET (page), "page.cancel-enrolment", "s", enrolment_id);
  }
  dialog = CL_ENROLMENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ENROLMENT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (cl_enrolment_dialog_get_entry (dialog, "refund_fen")), ==, "1,000.00");
  g_assert_cmpstr (gtk_editable_get_text (cl_enrolment_dialog_get_entry (dialog, "cancel_date")), ==, "2026-11-23");
  /* A refund is paid out: the button names it, in red, and is not the
   * default that Enter presses. */
  {
    GtkWidget *save = cl_enrolment_dialog_get_save_button (dialog);

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (save)), ==, _("Cancel Enrolment and _Refund"));
    g_assert_true (gtk_widget_has_css_class (save, "destructive-action"));
    g_assert_false (gtk_widget_has_css_class (save, "suggested-action"));
    g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) != save);
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "enrolment-cancel");
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (dialog, "refund_fen"), "1000.01");
  g_assert_false (cl_enrolment_dialog_save (dialog));
  g_assert_nonnull (cl_enrolment_dialog_get_error (dialog, "refund_fen"));
  g_assert_cmpint (count_sql (store, active_sql), ==, 1);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "enrolment-cancel-error");
  gtk_editable_set_text (cl_enrolment_dialog_get_entry (dialog, "refund_fen"), "1000");
  g_assert_true (cl_enrolment_dialog_save (dialog));
  cl_test_ui_wait_until (enrolment_dialog_gone, NULL);
  g_assert_cmpint (count_sql (store, cancelled_sql), ==, 1);
  g_assert_cmpint (count_sql (store, count_sql_text), ==, 1);
  cl_test_ui_settle (300);

  /* The page scrolled down to the group, for the screenshot. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (cl_patient_page_get_form (page)),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  }
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "enrolment");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Settlement view on the demo store: the figures are the core's,
 * the PDF says the same, a bad deduction is refused at its field and
 * a closed month stays closed. */
static void
test_settlement (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  AdwViewStack *stack = ADW_VIEW_STACK (cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  CLSettlementView *view = CL_SETTLEMENT_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW));
  g_autoptr(CLSettlement) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *payable = NULL;
  g_autofree char *payable_plain = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *month = NULL;
  CLSettlement *shown;
  guint n_lines = 0;

  cl_test_ui_wait_until (cl_test_ui_roster_settled, cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  adw_view_stack_set_visible_child_name (stack, "settlement");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);

  /* It opens on the last complete month (CARELINE_TODAY is 2026-11-23). */
  g_assert_cmpstr (cl_settlement_view_get_month (view), ==, "2026-10");
  shown = cl_settlement_view_get_settlement (view);
  g_assert_nonnull (shown);
  cl_settlement_get_lines (shown, &n_lines);
  for (guint i = 0; i < 12 && n_lines == 0; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "settlement.previous-month", NULL);
      shown = cl_settlement_view_get_settlement (view);
      cl_settlement_get_lines (shown, &n_lines);
    }
  g_assert_cmpuint (n_lines, >, 0);
  month = g_strdup (cl_settlement_view_get_month (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (cl_settlement_view_get_column_view (view)))),
                    ==, n_lines);

  /* The summary shows what the core computes, formatted by the core. */
  expected = cl_enrolment_store_settlement (store, month, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_settlement_get_payable_fen (expected), !=, 0);
  payable = cl_money_format_display (cl_settlement_get_payable_fen (expected));
  g_assert_cmpstr (gtk_label_get_label (cl_settlement_view_get_payable_label (view)), ==, payable);
  g_assert_true (cl_test_ui_has_non_ascii (gtk_label_get_label (cl_settlement_view_get_month_label (view))) ==
                 cl_test_ui_is_chinese ());
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "settlement");

  /* The PDF and CSV exports, as the Export buttons write them. */
  dir = cl_test_make_tmp_dir ("settlement-export");
  pdf = g_build_filename (dir, "statement.pdf", NULL);
  csv = g_build_filename (dir, "statement.csv", NULL);
  g_assert_true (cl_settlement_view_export_pdf (view, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (cl_settlement_view_export_csv (view, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  if (g_find_program_in_path ("pdftotext"))
    {
      text = settlement_pdftotext (pdf);
      payable_plain = cl_money_format (cl_settlement_get_payable_fen (expected));
      g_assert_nonnull (strstr (text, gtk_label_get_label (cl_settlement_view_get_month_label (view))));
      g_assert_nonnull (strstr (text, payable_plain));
    }
  else
    g_test_message ("pdftotext not installed: PDF text not checked");

  /* A deduction with a bad amount: the message is at the amount field
   * and nothing is written. */
  {
    gint64 before = count_sql (store, "SELECT count(*) FROM deduction");
    CLDeductionDialog *dialog = cl_deduction_dialog_new (GTK_WINDOW (window), cl_window_get_context (window),
                                                         month);

    gtk_window_present (GTK_WINDOW (dialog));
    gtk_editable_set_text (cl_deduction_dialog_get_entry (dialog, "amount"), "12.345");
    gtk_editable_set_text (cl_deduction_dialog_get_entry (dialog, "reason"), "导诊台检查未整改");
    g_assert_false (cl_deduction_dialog_save (dialog));
    g_assert_nonnull (cl_deduction_dialog_get_error (dialog, "amount"));
    g_assert_null (cl_deduction_dialog_get_error (dialog, "reason"));
    g_assert_cmpint (count_sql (store, "SELECT count(*) FROM deduction"), ==, before);
    cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "deduction-error");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* A rate with three decimals: refused at the rate field. */
  {
    gint64 before = count_sql (store, "SELECT count(*) FROM share_rate");
    CLShareRateDialog *dialog = cl_share_rate_dialog_new (GTK_WINDOW (window), cl_window_get_context (window));

    gtk_window_present (GTK_WINDOW (dialog));
    gtk_editable_set_text (cl_share_rate_dialog_get_entry (dialog, "from"), "2026-12-01");
    gtk_editable_set_text (cl_share_rate_dialog_get_entry (dialog, "rate"), "35.255");
    g_assert_false (cl_share_rate_dialog_save (dialog));
    g_assert_nonnull (cl_share_rate_dialog_get_error (dialog, "rate"));
    gtk_editable_set_text (cl_share_rate_dialog_get_entry (dialog, "rate"), "120");
    g_assert_false (cl_share_rate_dialog_save (dialog));
    g_assert_nonnull (cl_share_rate_dialog_get_error (dialog, "rate"));
    g_assert_cmpint (count_sql (store, "SELECT count(*) FROM share_rate"), ==, before);
    cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "share-rate-error");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Close the month: the status says so, and the core refuses a new
   * payment dated in it. */
  g_assert_cmpstr (gtk_label_get_label (cl_settlement_view_get_status_label (view)), ==,
                   C_("settlement month", "Open"));
  g_assert_true (cl_settlement_view_close_month (view, &error));
  g_assert_no_error (error);
  g_assert_true (cl_enrolment_store_month_is_closed (store, month));
  g_assert_true (cl_settlement_get_closed (cl_settlement_view_get_settlement (view)));
  {
    const char *status = gtk_label_get_label (cl_settlement_view_get_status_label (view));
    const char *by = cl_settlement_get_closed_by (cl_settlement_view_get_settlement (view));

    g_assert_cmpstr (status, !=, C_("settlement month", "Open"));
    if (by && *by)
      g_assert_nonnull (strstr (status, by));
  }
  {
    g_autoptr(CLEnrolment) late = cl_enrolment_new ();
    g_autoptr(GPtrArray) patients = cl_store_query_records (store, CL_TYPE_PATIENT, "deleted = 0 LIMIT 1", NULL);
    g_autofree char *date = g_strdup_printf ("%s-20", month);
    gint64 before = count_sql (store, "SELECT count(*) FROM enrolment");

    g_assert_cmpuint (patients->len, ==, 1);
    cl_enrolment_set_patient_id (late, cl_record_get_id (g_ptr_array_index (patients, 0)));
    cl_enrolment_set_package_id (late, "5e1d0a52-6b1f-4c38-9d2e-2f8a00000001");
    cl_enrolment_set_agreement_date (late, date);
    cl_enrolment_set_explained_by (late, "健康管家");
    cl_enrolment_set_paid_date (late, date);
    cl_enrolment_set_paid_fen (late, 298000);
    g_assert_false (cl_enrolment_store_save (store, late, "admin", NULL, &error));
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (count_sql (store, "SELECT count(*) FROM enrolment"), ==, before);
  }
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "settlement-closed");

  cl_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui", N_PATIENTS, 42);

  g_test_add_func ("/ui/roster/search", test_roster_search);
  g_test_add_func ("/ui/new-patient/bad-input", test_new_patient_bad_input);
  g_test_add_func ("/ui/patient-page", test_patient_page);
  g_test_add_func ("/ui/sync/login", test_sync_login);
  g_test_add_func ("/ui/settlement", test_settlement);
  g_test_add_func ("/ui/enrolment", test_enrolment);

  ret = g_test_run ();

  cl_test_remove_tree (data_dir);
  return ret;
}
