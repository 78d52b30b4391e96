/* The pregnancy archive's visit plan, timeline, doctor's orders and
 * printed summary on the patient page, as real widgets under Xvfb.
 * Run in English and in zh_CN; screenshots go to the build dir. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-date.h"
#include "cl-demo-data.h"
#include "cl-order-dialog.h"
#include "cl-order-store.h"
#include "cl-patient-page.h"
#include "cl-patient-store.h"
#include "cl-preferences-dialog.h"
#include "cl-roster-view.h"
#include "cl-store-private.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-visit-mark.h"
#include "cl-visit-store.h"
#include "cl-window.h"

#define ID_NUMBER "110105199103070022"

static char *data_dir;
static char *patient_id;

static const char *
patient_name (void)
{
  return cl_test_ui_is_chinese () ? "王小红" : "Maria Lopez";
}

static gboolean
store_open (gpointer data)
{
  return cl_window_get_store (data) != NULL;
}

static gboolean
model_settled (gpointer data)
{
  CLRosterModel *model = data;

  return cl_roster_model_get_loaded (model) && !cl_roster_model_get_loading (model);
}

static void
exec_sql (CLStore    *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  cl_store_lock (store);
  cl_store_exec (store, sql, &error);
  cl_store_unlock (store);
  g_assert_no_error (error);
}

/* Her archive: two risk assessments, reports for the first two visits
 * and an NT scan, and two orders. */
static void
make_patient (CLStore *store)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  const char *pid, *gid;

  cl_patient_set_name (patient, patient_name ());
  cl_patient_set_id_number (patient, ID_NUMBER);
  cl_patient_set_phone (patient, "13812345678");
  cl_patient_set_mrn (patient, "MRN-20260504");
  cl_patient_set_birth_date (patient, "1991-03-07");
  pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));
  cl_pregnancy_set_lmp (pregnancy, "2026-05-04");
  cl_pregnancy_set_risk (pregnancy, "green");
  cl_patient_store_save (store, patient, pregnancy, &field_errors, &error);
  g_assert_no_error (error);
  cl_pregnancy_set_risk (pregnancy, "yellow");
  cl_patient_store_save (store, patient, pregnancy, &field_errors, &error);
  g_assert_no_error (error);
  /* The history is dated by when it was saved: spread it out. */
  pid = cl_record_get_id (CL_RECORD (patient));
  gid = cl_record_get_id (CL_RECORD (pregnancy));
  sql = g_strdup_printf ("UPDATE risk_event SET date = CASE risk WHEN 'green' THEN '2026-06-20' ELSE '2026-09-14' END"
                         " WHERE pregnancy_id = '%s';"
                         "INSERT INTO document (id, patient_id, pregnancy_id, title, kind, check_date, visit) VALUES"
                         " ('d1', '%s', '%s', 'Early ultrasound', 'ultrasound', '2026-06-20', 'v06'),"
                         " ('d2', '%s', '%s', 'NT scan', 'ultrasound', '2026-07-28', NULL),"
                         " ('d3', '%s', '%s', 'NIPT', 'screening', '2026-08-24', 'v14');",
                         gid, pid, gid, pid, gid, pid, gid);
  exec_sql (store, sql);

  {
    g_autoptr(CLDoctorOrder) order = cl_doctor_order_new ();

    cl_doctor_order_set_patient_id (order, pid);
    cl_doctor_order_set_pregnancy_id (order, gid);
    cl_doctor_order_set_date (order, "2026-09-14");
    cl_doctor_order_set_category (order, "medication");
    cl_doctor_order_set_text (order, cl_test_ui_is_chinese () ? "多糖铁复合物胶囊 150 mg，每日一次" : "Iron 150 mg once a day");
    cl_doctor_order_set_doctor (order, cl_test_ui_is_chinese () ? "周敏" : "Dr Zhou");
    cl_doctor_order_set_reminder_date (order, "2026-12-14");
    g_assert_true (cl_order_store_save (store, order, "case_manager", NULL, &error));
  }
  patient_id = g_strdup (pid);
}

static CLWindow *
open_window (void)
{
  CLWindow *window = cl_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 860);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_data_dir (window, data_dir);
  cl_test_ui_wait_until (store_open, window);
  return window;
}

static CLPatientPage *
open_patient (CLWindow *window)
{
  CLPatientPage *page;

  cl_window_show_patient (window, patient_id);
  cl_test_ui_settle (400);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpstr (cl_patient_page_get_patient_id (page), ==, patient_id);
  return page;
}

/* Scrolls the page so @widget is at the top, for a screenshot. */
static void
scroll_to (CLPatientPage *page,
           GtkWidget     *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, child, 0, 0, &x, &y));
  gtk_adjustment_set_value (adj, y - 12);
  cl_test_ui_settle (300);
}

static gboolean
is_visit_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  const char *key = data;

  return GTK_IS_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "visit-key"), key) == 0;
}

static GtkWidget *
find_visit_button (GtkWidget  *widget,
                   const char *key)
{
  return cl_test_ui_find_widget_where (widget, is_visit_button, key);
}

static gboolean
is_tick_button (GtkWidget     *widget,
                gconstpointer  data)
{
  const char *key = data;

  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "visit-key"), key) == 0;
}

static GtkWidget *
find_tick_button (GtkWidget  *widget,
                  const char *key)
{
  return cl_test_ui_find_widget_where (widget, is_tick_button, key);
}

/* Ticks visit @key through its Mark Done… popover, seen on @date;
 * returns the message shown, or NULL when it was written. */
static char *
tick (CLVisitPlanView *plan,
      const char      *key,
      const char      *date)
{
  GtkWidget *menu_button = find_tick_button (GTK_WIDGET (plan), key);
  GtkWidget *save;
  GtkLabel *message;

  g_assert_nonnull (menu_button);
  save = g_object_get_data (G_OBJECT (menu_button), "tick-save");
  /* The popover's own widgets, without popping it up: Xvfb has no
   * RandR monitor for GTK to place a popover on. */
  gtk_editable_set_text (g_object_get_data (G_OBJECT (save), "tick-date"), date);
  g_signal_emit_by_name (save, "clicked");
  cl_test_ui_settle (300);
  if (find_tick_button (GTK_WIDGET (plan), key) != menu_button)
    return NULL;
  message = g_object_get_data (G_OBJECT (save), "tick-message");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  return g_strdup (gtk_label_get_label (message));
}

static gint64
count_marks (CLStore *store)
{
  g_autoptr(GPtrArray) marks = cl_store_query_records (store, CL_TYPE_VISIT_MARK, "deleted = 0", NULL);

  return marks->len;
}

static char *
roster_text (const char *key,
             const char *format,
             gboolean    from_start)
{
  ClVisitGuideline *schedule = cl_visit_guideline_get_default ();
  const ClVisitWindow *window = cl_visit_guideline_lookup (schedule, key);
  g_autofree char *date = NULL;
  GDate edd, today, start, end;

  cl_date_parse ("2027-02-08", &edd, NULL);
  cl_date_today (&today);
  cl_visit_window_dates (window, &edd, NULL, &start, &end);
  date = cl_date_format_short (from_start ? &start : &end, &today);
  return g_strdup_printf (format, window->short_label, date);
}

/* The roster's short cell for visit @key missed. */
static char *
overdue_text (const char *key)
{
  const ClVisitWindow *window = cl_visit_guideline_lookup (cl_visit_guideline_get_default (), key);

  return g_strdup_printf (C_("roster", "Overdue: %s"), window->short_label);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return cl_test_ui_find_label (wait->root, wait->text);
}

/* The roster, filtered to her, shows @text in its next-visit column. */
static void
assert_roster_shows (CLWindow   *window,
                     const char *text)
{
  CLRosterView *view = CL_ROSTER_VIEW (cl_window_get_roster_view (window));
  LabelWait wait = { GTK_WIDGET (view), text };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gtk_editable_set_text (cl_roster_view_get_search_entry (view), "MRN-20260504");
  cl_test_ui_wait_until (model_settled, cl_roster_view_get_model (view));
  cl_test_ui_wait_until (label_shown, &wait);
}

static void
test_tick (void)
{
  CLWindow *window = open_window ();
  CLPatientPage *page = NULL;
  CLVisitPlanView *plan;
  g_autofree char *overdue = overdue_text ("v20");
  g_autofree char *due = roster_text ("v29", C_("roster", "%s, due by %s"), FALSE);
  GtkWidget *button;

  /* v06 and v14 have their reports; v20 is the first one missed. */
  assert_roster_shows (window, overdue);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "visits-roster-before");

  page = open_patient (window);
  plan = cl_patient_page_get_visit_plan (page);
  g_assert_cmpstr (cl_visit_plan_view_get_state_text (plan, "v06"), ==, C_("visit", "Done"));
  g_assert_cmpstr (cl_visit_plan_view_get_state_text (plan, "v20"), ==, C_("visit", "Overdue"));
  g_assert_cmpstr (cl_visit_plan_view_get_state_text (plan, "v29"), ==, C_("visit", "Due now"));
  g_assert_cmpstr (cl_visit_plan_view_get_state_text (plan, "v33"), ==, C_("visit", "Upcoming"));
  g_assert_cmpuint (cl_pregnancy_timeline_get_n_marks (cl_patient_page_get_timeline (page), TRUE), ==, 3);

  /* A visit done by a report has nothing to tick or untick; one
   * missed has.  A day still to come or not a date: a message in the
   * popover, nothing written. */
  g_assert_null (find_visit_button (GTK_WIDGET (plan), "v06"));
  g_assert_null (find_tick_button (GTK_WIDGET (plan), "v06"));
  {
    CLStore *store = cl_window_get_store (window);
    gint64 before = count_marks (store);
    g_autofree char *future = tick (plan, "v20", "2026-12-01");
    g_autofree char *garbage = tick (plan, "v20", "2026-02-30");
    g_autofree char *good = NULL;

    g_assert_nonnull (future);
    g_assert_nonnull (garbage);
    if (cl_test_ui_is_chinese ())
      g_assert_true (cl_test_ui_has_non_ascii (future));
    g_assert_cmpint (count_marks (store), ==, before);
    g_assert_cmpstr (cl_visit_plan_view_get_state_text (plan, "v20"), ==, C_("visit", "Overdue"));

    good = tick (plan, "v20", "2026-10-20");
    g_assert_null (good);
    g_assert_cmpint (count_marks (store), ==, before + 1);
  }
  g_assert_cmpstr (cl_visit_plan_view_get_state_text (plan, "v20"), ==, C_("visit", "Done"));
  button = find_visit_button (GTK_WIDGET (plan), "v20");
  g_assert_nonnull (button);   /* now it can be undone */
  g_assert_null (tick (plan, "v25", "2026-11-23"));
  g_assert_cmpstr (cl_visit_plan_view_get_state_text (plan, "v25"), ==, C_("visit", "Done"));

  /* Screenshots: the top with the timeline, then the visits. */
  scroll_to (page, gtk_widget_get_ancestor (GTK_WIDGET (cl_patient_page_get_timeline (page)),
                                            ADW_TYPE_PREFERENCES_GROUP));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "visits-page");
  {
    GtkWidget *row = gtk_widget_get_ancestor (find_visit_button (GTK_WIDGET (plan), "v29"), ADW_TYPE_EXPANDER_ROW);

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    scroll_to (page, GTK_WIDGET (plan));
    cl_test_ui_save_screenshot (GTK_WIDGET (window), "visits-plan");
  }

  /* Everything drawn on the timeline answers with a tooltip: the visit
   * due now, a report, the due date. */
  {
    CLPregnancyTimeline *timeline = cl_patient_page_get_timeline (page);
    const ClVisitWindow *v29 = cl_visit_guideline_lookup (cl_visit_guideline_get_default (), "v29");
    int width = gtk_widget_get_width (GTK_WIDGET (timeline));
    int height = gtk_widget_get_height (GTK_WIDGET (timeline));
    g_autofree char *edd = NULL;
    gboolean seen_visit = FALSE, seen_report = FALSE, seen_edd = FALSE;
    GDate date;

    cl_date_parse ("2027-02-08", &date, NULL);
    edd = cl_date_format_display (&date);
    for (int y = 0; y < height; y += 2)
      for (int x = 0; x < width; x += 2)
        {
          g_autofree char *tip = cl_pregnancy_timeline_tooltip_at (timeline, x, y);

          seen_visit |= tip && strstr (tip, v29->label) && strstr (tip, C_("visit", "Due now"));
          seen_report |= tip && strstr (tip, "NIPT");
          seen_edd |= tip && strstr (tip, edd);
        }
    g_assert_true (seen_visit);
    g_assert_true (seen_report);
    g_assert_true (seen_edd);
  }

  /* The roster skips the done visits: v29 is open now. */
  assert_roster_shows (window, due);

  /* Undo: the tick is a tombstone and v25 is overdue again. */
  page = open_patient (window);
  plan = cl_patient_page_get_visit_plan (page);
  g_signal_emit_by_name (find_visit_button (GTK_WIDGET (plan), "v25"), "clicked");
  cl_test_ui_settle (200);
  g_assert_cmpstr (cl_visit_plan_view_get_state_text (plan, "v25"), ==, C_("visit", "Overdue"));
  {
    g_autofree char *again = overdue_text ("v25");

    assert_roster_shows (window, again);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
order_dialog_shown (gpointer data)
{
  return cl_test_ui_find_toplevel (CL_TYPE_ORDER_DIALOG) != NULL;
}

static gboolean
order_dialog_gone (gpointer data)
{
  return cl_test_ui_find_toplevel (CL_TYPE_ORDER_DIALOG) == NULL;
}

static guint
count_orders (CLStore *store)
{
  g_autoptr(GPtrArray) orders = cl_order_store_list_for_patient (store, patient_id, FALSE);

  return orders->len;
}

static void
test_orders (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLPatientPage *page = open_patient (window);
  CLOrderList *list = cl_patient_page_get_order_list (page);
  CLOrderDialog *dialog;
  guint before = count_orders (store);
  const char *text = cl_test_ui_is_chinese () ? "低盐饮食，每日食盐少于 5 克" : "Low-salt diet, under 5 g a day";

  g_assert_cmpuint (cl_order_list_get_n_orders (list), ==, before);
  gtk_widget_activate_action (GTK_WIDGET (list), "orders.add", NULL);
  cl_test_ui_wait_until (order_dialog_shown, NULL);
  dialog = CL_ORDER_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ORDER_DIALOG));

  /* Empty order, no doctor: messages at both fields, nothing written. */
  g_assert_false (cl_order_dialog_save (dialog));
  g_assert_nonnull (cl_order_dialog_get_error (dialog, "text"));
  g_assert_nonnull (cl_order_dialog_get_error (dialog, "doctor"));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (cl_order_dialog_get_error (dialog, "text")));
  g_assert_cmpuint (count_orders (store), ==, before);

  /* A reminder before the order's date. */
  cl_order_dialog_set_category (dialog, "nutrition");
  gtk_editable_set_text (cl_order_dialog_get_entry (dialog, "text"), text);
  gtk_editable_set_text (cl_order_dialog_get_entry (dialog, "doctor"), cl_test_ui_is_chinese () ? "周敏" : "Dr Zhou");
  gtk_editable_set_text (cl_order_dialog_get_entry (dialog, "date"), "2026-11-20");
  gtk_editable_set_text (cl_order_dialog_get_entry (dialog, "reminder-date"), "2026-11-19");
  g_assert_false (cl_order_dialog_save (dialog));
  g_assert_null (cl_order_dialog_get_error (dialog, "text"));
  g_assert_nonnull (cl_order_dialog_get_error (dialog, "reminder-date"));
  g_assert_cmpuint (count_orders (store), ==, before);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "order-error");

  gtk_editable_set_text (cl_order_dialog_get_entry (dialog, "reminder-date"), "2026-12-20");
  g_assert_true (cl_order_dialog_save (dialog));
  cl_test_ui_wait_until (order_dialog_gone, NULL);
  g_assert_cmpuint (count_orders (store), ==, before + 1);
  g_assert_cmpuint (cl_order_list_get_n_orders (list), ==, before + 1);
  cl_test_ui_settle (200);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (list), text));

  scroll_to (page, GTK_WIDGET (list));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "orders");

  /* Stopping it cannot be undone: it is confirmed first, the stop in
   * red and not the default; Cancel leaves it active. */
  {
    g_autoptr(GPtrArray) orders = cl_order_store_list_for_patient (store, patient_id, FALSE);
    CLDoctorOrder *order = NULL;
    AdwMessageDialog *confirm;
    g_autoptr(CLRecord) after = NULL;

    for (guint i = 0; i < orders->len; i++)
      if (g_strcmp0 (cl_doctor_order_get_text (g_ptr_array_index (orders, i)), text) == 0)
        order = g_ptr_array_index (orders, i);
    g_assert_nonnull (order);
    for (guint round = 0; round < 2; round++)
      {
        gtk_widget_activate_action (GTK_WIDGET (list), "orders.stop", "s", cl_record_get_id (CL_RECORD (order)));
        confirm = ADW_MESSAGE_DIALOG (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
        g_assert_nonnull (confirm);
        g_assert_cmpstr (adw_message_dialog_get_default_response (confirm), ==, "cancel");
        g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "stop"), ==, ADW_RESPONSE_DESTRUCTIVE);
        if (round == 0)
          cl_test_ui_save_screenshot (GTK_WIDGET (confirm), "order-stop");
        adw_message_dialog_response (confirm, round == 0 ? "cancel" : "stop");
        gtk_window_destroy (GTK_WINDOW (confirm));
        cl_test_ui_settle (100);
        g_clear_object (&after);
        after = cl_store_load_record (store, CL_TYPE_DOCTOR_ORDER, cl_record_get_id (CL_RECORD (order)), NULL);
        g_assert_cmpstr (cl_doctor_order_get_status (CL_DOCTOR_ORDER (after)), ==, round == 0 ? "active" : "stopped");
      }
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_entry_row (GtkWidget     *widget,
              gconstpointer  data)
{
  const char *title = data;

  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static AdwEntryRow *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  return ADW_ENTRY_ROW (cl_test_ui_find_widget_where (widget, is_entry_row, title));
}

static void
test_summary_pdf (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *hospital = cl_test_ui_is_chinese () ? "上海市第一妇婴保健院" : "Shanghai First Maternity Hospital";
  CLWindow *window;
  CLPatientPage *page;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (data_dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  const ClVisitWindow *v29 = cl_visit_guideline_lookup (cl_visit_guideline_get_default (), "v29");

  window = open_window ();

  /* The hospital name is typed in Preferences, Printing. */
  {
    CLPreferencesDialog *prefs = cl_preferences_dialog_new (GTK_WINDOW (window));
    AdwEntryRow *row = find_entry_row (GTK_WIDGET (prefs), _("Hospital"));

    g_assert_nonnull (row);
    gtk_editable_set_text (GTK_EDITABLE (row), hospital);
    g_signal_emit_by_name (row, "apply");
    gtk_window_destroy (GTK_WINDOW (prefs));
  }
  {
    g_autofree char *stored = g_settings_get_string (settings, "hospital-name");

    g_assert_cmpstr (stored, ==, hospital);
  }
  page = open_patient (window);
  g_assert_true (cl_patient_page_export_pdf (page, path, &error));
  g_assert_no_error (error);

  text = cl_test_pdf_text (path, 0, 0);
  cl_test_assert_contains (text, hospital);
  cl_test_assert_contains (text, patient_name ());
  cl_test_assert_contains (text, "110105********0022");
  g_assert_null (strstr (text, ID_NUMBER));
  cl_test_assert_contains (text, "MRN-20260504");
  cl_test_assert_contains (text, "29+0");
  cl_test_assert_contains (text, v29->label);
  cl_test_assert_contains (text, C_("visit", "Due now"));
  cl_test_assert_contains (text, cl_test_ui_is_chinese () ? "多糖铁复合物胶囊" : "Iron 150 mg once a day");
  cl_test_assert_contains (text, "NIPT");
  cl_test_assert_contains (text, cl_test_ui_is_chinese () ? "黄色" : "Yellow");
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "hospital-name");
}

static char *
first_patient_where (CLStore    *store,
                     const char *condition)
{
  g_autofree char *sql = g_strdup_printf ("SELECT patient_id FROM roster WHERE %s ORDER BY patient_id LIMIT 1", condition);
  sqlite3_stmt *stmt;
  char *id = NULL;

  cl_store_lock (store);
  stmt = cl_store_prepare (store, sql, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return id;
}

/* A delivered pregnancy asks only for the 42-day revisit; a patient
 * without a pregnancy has no plan.  Neither breaks the page. */
static void
test_other_stages (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  g_autofree char *delivered = first_patient_where (store, "status = 'delivered' AND delivery_date IS NOT NULL");
  g_autofree char *none = first_patient_where (store, "pregnancy_id IS NULL");
  CLPatientPage *page;

  g_assert_nonnull (delivered);
  cl_window_show_patient (window, delivered);
  cl_test_ui_settle (400);
  page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE));
  g_assert_cmpstr (cl_visit_plan_view_get_state_text (cl_patient_page_get_visit_plan (page), "v41"), ==,
                   C_("visit", "Not needed"));
  g_assert_nonnull (cl_visit_plan_view_get_state_text (cl_patient_page_get_visit_plan (page), "pp42"));
  g_assert_cmpstr (cl_visit_plan_view_get_state_text (cl_patient_page_get_visit_plan (page), "pp42"), !=,
                   C_("visit", "Not needed"));

  if (none)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
      cl_test_ui_settle (200);
      cl_window_show_patient (window, none);
      cl_test_ui_settle (400);
      g_assert_null (cl_visit_plan_view_get_state_text (cl_patient_page_get_visit_plan (page), "v06"));
      g_assert_cmpuint (cl_pregnancy_timeline_get_n_marks (cl_patient_page_get_timeline (page), FALSE), ==, 0);
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

  data_dir = cl_test_make_tmp_dir ("ui-visits");
  store = cl_test_store_new_demo (data_dir, "careline.db", 300, 7);
  make_patient (store);
  g_clear_object (&store);

  g_test_add_func ("/ui-visits/tick", test_tick);
  g_test_add_func ("/ui-visits/orders", test_orders);
  g_test_add_func ("/ui-visits/summary-pdf", test_summary_pdf);
  g_test_add_func ("/ui-visits/other-stages", test_other_stages);

  ret = g_test_run ();

  cl_test_remove_tree (data_dir);
  g_free (patient_id);
  return ret;
}
