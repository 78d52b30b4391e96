/* Her follow-up on her page, as real GTK widgets under Xvfb on a real
 * demo store at 1024 × 768, in English and in Chinese: her plan (open
 * items first, the first few then "Show All"), an item added by hand
 * from her page and from Today (refused at the field with nothing
 * written until it is valid), and the warning in her header while a
 * flagged scale waits, gone once the action is recorded. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-date.h"
#include "cl-followup-alert-bar.h"
#include "cl-followup-dialog.h"
#include "cl-followup-list.h"
#include "cl-followup-outcome.h"
#include "cl-followup-record.h"
#include "cl-followup-store.h"
#include "cl-patient-page.h"
#include "cl-patient.h"
#include "cl-roster-view.h"
#include "cl-scale-dialog.h"
#include "cl-scale-list.h"
#include "cl-scale-record.h"
#include "cl-scale-trend.h"
#include "cl-pregnancy-timeline.h"
#include "cl-scale-store.h"
#include "cl-store-followup.h"
#include "cl-store-roster.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-today-view.h"
#include "cl-window.h"

static char *data_dir;

typedef struct
{
  CLWindow       *window;
  CLStore        *store;
  CLTodayView    *today;
  char           *owner;     /* the case manager whose list Today shows */
  char           *patient;   /* hers with the most follow-up items */
  CLPatientPage  *page;
  CLFollowupList *list;
} Desk;

static void
desk_open (Desk *desk)
{
  g_autofree char *sql = NULL;

  desk->window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  desk->store = cl_window_get_store (desk->window);
  desk->today = CL_TODAY_VIEW (cl_window_get_today_view (desk->window));
  gtk_window_set_default_size (GTK_WINDOW (desk->window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (desk->window))));
  desk->owner = g_strdup (cl_today_view_get_owner_id (desk->today));
  g_assert_nonnull (desk->owner);
  /* Demo data is loaded in bulk: plan every pregnancy once, as saving
   * each at a desk would. */
  if (cl_test_store_count (desk->store, "SELECT count(*) FROM followup_item") == 0)
    {
      g_autoptr(GPtrArray) pregnancies = cl_test_store_rows (desk->store, "SELECT id FROM pregnancy WHERE deleted = 0");
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < pregnancies->len; i++)
        g_assert_true (cl_followup_store_replan (desk->store, g_ptr_array_index (pregnancies, i), &error));
      g_assert_no_error (error);
    }
  sql = g_strdup_printf ("SELECT f.patient_id FROM followup_item f JOIN patient p ON p.id = f.patient_id"
                         " WHERE p.case_manager_id = '%s' AND f.deleted = 0"
                         " GROUP BY f.patient_id ORDER BY count(*) DESC, f.patient_id LIMIT 1", desk->owner);
  desk->patient = cl_test_store_text (desk->store, sql);
  g_assert_nonnull (desk->patient);
}

static void
desk_show_patient (Desk *desk)
{
  cl_window_show_patient (desk->window, desk->patient);
  cl_test_ui_settle (400);
  desk->page = CL_PATIENT_PAGE (cl_test_ui_find_widget (GTK_WIDGET (desk->window), CL_TYPE_PATIENT_PAGE));
  g_assert_nonnull (desk->page);
  desk->list = CL_FOLLOWUP_LIST (cl_test_ui_find_widget (GTK_WIDGET (desk->page), CL_TYPE_FOLLOWUP_LIST));
  g_assert_nonnull (desk->list);
}

static void
desk_close (Desk *desk)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  g_free (desk->owner);
  g_free (desk->patient);
}

/* Scrolls her page so that @widget is near the top, as a user would. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  cl_test_ui_settle (200);
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 60);
  cl_test_ui_settle (300);
}

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gint64
count_items (Desk *desk)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM followup_item WHERE patient_id = '%s'",
                                          desk->patient);

  return cl_test_store_count (desk->store, sql);
}

static CLFollowupDialog *
open_dialog (GtkWidget  *widget,
             const char *action)
{
  CLFollowupDialog *dialog;

  gtk_widget_activate_action (widget, action, NULL);
  dialog = CL_FOLLOWUP_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_FOLLOWUP_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  return dialog;
}

static void
type_into (CLFollowupDialog *dialog,
           const char       *field,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (cl_followup_dialog_get_field (dialog, field)), text);
}

static void
test_her_plan (void)
{
  Desk desk = { 0 };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(CLPatient) patient = NULL;
  CLFollowupDialog *dialog;
  CLFollowupRecord *added = NULL;
  gint64 before;

  desk_open (&desk);
  desk_show_patient (&desk);
  items = cl_store_followup_for_patient (desk.store, desk.patient);
  g_assert_cmpuint (items->len, >, CL_FOLLOWUP_LIST_CAP);
  g_assert_cmpuint (cl_followup_list_get_n_items (desk.list), ==, items->len);
  g_assert_cmpuint (cl_followup_list_get_n_shown (desk.list), ==, CL_FOLLOWUP_LIST_CAP);

  /* The first row is her soonest open item, in words. */
  {
    CLFollowupRecord *first = g_ptr_array_index (items, 0);
    g_autofree char *show_all = g_strdup_printf (_("Show All (%u)"), items->len);

    g_assert_true (cl_followup_record_is_open (first));
    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (desk.list),
                                          cl_followup_kind_label (cl_followup_record_get_kind (first))));
    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (desk.list), show_all));
    scroll_to (GTK_WIDGET (desk.list));
    cl_test_ui_save_screenshot (GTK_WIDGET (desk.window), "followup-plan");
    gtk_widget_activate_action (GTK_WIDGET (desk.list), "followup.show-all", NULL);
    cl_test_ui_settle (100);
    g_assert_cmpuint (cl_followup_list_get_n_shown (desk.list), ==, items->len);
    g_assert_false (cl_test_ui_find_label (GTK_WIDGET (desk.list), show_all));
  }

  /* Add Follow-up…, as her case manager logged in: nothing written
   * until the fields are right. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT username FROM staff WHERE id = '%s'", desk.owner);
    g_autofree char *username = cl_test_store_text (desk.store, sql);

    cl_context_set_user (cl_window_get_context (desk.window), username, CL_ROLE_CASE_MANAGER);
  }
  before = count_items (&desk);
  dialog = open_dialog (GTK_WIDGET (desk.list), "followup.add");
  cl_followup_dialog_set_kind (dialog, "psychological-support");
  type_into (dialog, "due_date", "2026-11-20");
  g_assert_false (cl_followup_dialog_save (dialog));
  g_assert_cmpstr (cl_followup_dialog_get_error (dialog, "content"), ==, _("Say what to do or to tell her"));
  g_assert_cmpint (count_items (&desk), ==, before);
  type_into (dialog, "content", "问问她这周的情绪和睡眠");
  g_assert_false (cl_followup_dialog_save (dialog));
  g_assert_cmpstr (cl_followup_dialog_get_error (dialog, "due_date"), ==,
                   _("The due date has passed; choose today or a later day"));
  g_assert_cmpint (count_items (&desk), ==, before);
  cl_test_ui_settle (100);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "followup-add-refused");
  /* A case manager gives it to her case manager; only an
   * administrator chooses another. */
  g_assert_false (gtk_widget_get_sensitive (cl_followup_dialog_get_field (dialog, "owner_id")));
  type_into (dialog, "due_date", "2026-11-26");
  g_assert_true (cl_followup_dialog_save (dialog));
  cl_test_ui_settle (200);
  g_assert_cmpint (count_items (&desk), ==, before + 1);

  g_clear_pointer (&items, g_ptr_array_unref);
  items = cl_store_followup_for_patient (desk.store, desk.patient);
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (cl_followup_record_get_content (g_ptr_array_index (items, i)), "问问她这周的情绪和睡眠") == 0)
      added = g_ptr_array_index (items, i);
  g_assert_nonnull (added);
  patient = CL_PATIENT (cl_store_load_record (desk.store, CL_TYPE_PATIENT, desk.patient, NULL));
  g_assert_cmpstr (cl_followup_record_get_owner_id (added), ==, cl_patient_get_case_manager_id (patient));
  g_assert_cmpstr (cl_followup_record_get_kind (added), ==, "psychological-support");
  g_assert_cmpstr (cl_followup_record_get_due_date (added), ==, "2026-11-26");
  g_assert_true (cl_followup_record_is_by_hand (added));
  g_assert_cmpuint (cl_followup_list_get_n_items (desk.list), ==, items->len);

  /* Record Outcome… on its row: done, with the note, after the open ones. */
  {
    g_autoptr(CLFollowupRecord) stored = NULL;
    AdwMessageDialog *asked;
    guint index = 0;

    g_assert_true (g_ptr_array_find (items, added, &index));
    gtk_widget_activate_action (GTK_WIDGET (desk.list), "followup.record", "u", index);
    asked = ADW_MESSAGE_DIALOG (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (asked);
    gtk_editable_set_text (cl_followup_outcome_get_note (asked), "没接，明天再打");
    adw_message_dialog_response (asked, "no-answer");
    cl_test_ui_settle (200);
    stored = CL_FOLLOWUP_RECORD (cl_store_load_record (desk.store, CL_TYPE_FOLLOWUP_RECORD,
                                                       cl_record_get_id (CL_RECORD (added)), NULL));
    g_assert_cmpstr (cl_followup_record_get_state (stored), ==, "done");
    g_assert_cmpstr (cl_followup_record_get_outcome (stored), ==, "no_answer");
    g_assert_cmpstr (cl_followup_record_get_outcome_note (stored), ==, "没接，明天再打");
    /* Listed after every open item. */
    g_clear_pointer (&items, g_ptr_array_unref);
    added = NULL;
    items = cl_store_followup_for_patient (desk.store, desk.patient);
    for (guint i = 0; i < items->len; i++)
      if (g_strcmp0 (cl_record_get_id (g_ptr_array_index (items, i)), cl_record_get_id (CL_RECORD (stored))) == 0)
        for (guint j = i + 1; j < items->len; j++)
          g_assert_false (cl_followup_record_is_open (g_ptr_array_index (items, j)));
    g_assert_cmpuint (cl_followup_list_get_n_items (desk.list), ==, items->len);
  }

  /* An administrator may choose who does it. */
  cl_context_set_user (cl_window_get_context (desk.window), "admin", CL_ROLE_ADMIN);
  dialog = open_dialog (GTK_WIDGET (desk.list), "followup.add");
  g_assert_true (gtk_widget_get_sensitive (cl_followup_dialog_get_field (dialog, "owner_id")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  desk_close (&desk);
}

static gboolean
alert_is (gpointer data)
{
  CLFollowupAlertBar *bar = data;
  const char *expected = g_object_get_data (G_OBJECT (bar), "expected");

  return g_strcmp0 (cl_followup_alert_bar_get_text (bar), expected) == 0;
}

static void
wait_alert (CLFollowupAlertBar *bar,
            const char         *expected)
{
  g_object_set_data_full (G_OBJECT (bar), "expected", g_strdup (expected), g_free);
  cl_test_ui_wait_until (alert_is, bar);
}

static gboolean
needs_action (Desk *desk)
{
  g_autoptr(CLRosterRow) row = NULL;
  GDate today;

  cl_context_get_today (cl_window_get_context (desk->window), &today);
  row = cl_store_roster_get_row (desk->store, desk->patient, &today);
  g_assert_nonnull (row);
  return cl_roster_row_get_needs_action (row);
}

static CLFollowupRecord *
fill_epds (Desk       *desk,
           const gint *answers)
{
  g_autoptr(CLScaleRecord) record = cl_scale_record_new ();
  g_autoptr(CLScaleResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CLFollowupRecord *urgent = NULL;

  g_assert_true (cl_scale_score (cl_scale_lookup ("epds"), answers, 10, &result, &error));
  cl_scale_record_set_patient_id (record, desk->patient);
  cl_scale_record_set_result (record, result, answers, 10);
  cl_scale_record_set_filled_at (record, cl_context_get_now (cl_window_get_context (desk->window)));
  cl_scale_record_set_filled_by (record, "desk");
  cl_scale_record_set_source (record, "phone");
  g_assert_true (cl_scale_store_save (desk->store, record, CL_ROLE_CASE_MANAGER, NULL, &urgent, &error));
  g_assert_no_error (error);
  g_assert_nonnull (urgent);
  return urgent;
}

static void
test_header_alert (void)
{
  /* Item 10 "Hardly ever": self-harm flagged; then a total of 10. */
  static const gint self_harm[10] = { 0, 0, 3, 0, 3, 3, 3, 3, 3, 2 };
  static const gint possible[10] = { 2, 1, 2, 1, 2, 2, 2, 2, 2, 3 };
  Desk desk = { 0 };
  CLScale *epds = cl_scale_lookup ("epds");
  g_autoptr(CLFollowupRecord) flagged = NULL;
  g_autoptr(CLFollowupRecord) positive = NULL;
  g_autoptr(CLFollowupRecord) stored = NULL;
  g_autofree char *flag_text = NULL;
  g_autofree char *positive_text = NULL;
  CLFollowupAlertBar *bar;
  AdwMessageDialog *dialog;
  CLScaleList *scales;
  guint n_results;

  desk_open (&desk);
  desk_show_patient (&desk);
  bar = CL_FOLLOWUP_ALERT_BAR (cl_test_ui_find_widget (GTK_WIDGET (desk.page), CL_TYPE_FOLLOWUP_ALERT_BAR));
  g_assert_nonnull (bar);
  g_assert_null (cl_followup_alert_bar_get_text (bar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));

  /* Taken down from a phone call at another desk: her header warns,
   * and her results list it. */
  scales = CL_SCALE_LIST (cl_test_ui_find_widget (GTK_WIDGET (desk.page), CL_TYPE_SCALE_LIST));
  n_results = cl_scale_list_get_n_results (scales);
  flagged = fill_epds (&desk, self_harm);
  flag_text = g_strdup_printf (_("%s flagged on %s — record the action taken"),
                               cl_local_text_get (cl_scale_get_flag_rule (epds, 0)->label, NULL),
                               cl_scale_get_short_title (epds, NULL));
  wait_alert (bar, flag_text);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_cmpuint (cl_scale_list_get_n_results (scales), ==, n_results + 1);
  /* Once the revealer has slid it in. */
  cl_test_ui_settle (400);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (desk.page), flag_text));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (flag_text));
  cl_test_ui_save_screenshot (GTK_WIDGET (desk.window), "followup-alert");

  /* Her roster row carries the warning too. */
  g_assert_true (needs_action (&desk));
  cl_window_show_view (desk.window, "roster");
  cl_test_ui_settle (400);
  cl_test_ui_save_screenshot (GTK_WIDGET (desk.window), "followup-roster-badge");
  cl_window_show_patient (desk.window, desk.patient);
  cl_test_ui_settle (200);

  /* Record Action… on the header: her case manager reached her. */
  g_signal_emit_by_name (cl_test_ui_find_widget_where (GTK_WIDGET (bar), button_labelled, _("Record Ac_tion…")),
                         "clicked");
  dialog = ADW_MESSAGE_DIALOG (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (cl_followup_outcome_get_note (dialog), "已电话联系，转介心理门诊");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "followup-alert-record");
  adw_message_dialog_response (dialog, "reached");
  cl_test_ui_settle (200);
  g_assert_null (cl_followup_alert_bar_get_text (bar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  stored = CL_FOLLOWUP_RECORD (cl_store_load_record (desk.store, CL_TYPE_FOLLOWUP_RECORD,
                                                     cl_record_get_id (CL_RECORD (flagged)), NULL));
  g_assert_cmpstr (cl_followup_record_get_state (stored), ==, "done");
  g_assert_cmpstr (cl_followup_record_get_outcome (stored), ==, "reached");
  g_assert_cmpstr (cl_followup_record_get_outcome_note (stored), ==, "已电话联系，转介心理门诊");
  g_assert_false (needs_action (&desk));

  /* A positive screen, recorded from Today: the warning goes too. */
  positive = fill_epds (&desk, possible);
  positive_text = g_strdup_printf (_("%s positive screen (%s) — record the action taken"),
                                   cl_scale_get_short_title (epds, NULL),
                                   cl_local_text_get (cl_scale_get_band (epds, 1)->label, NULL));
  wait_alert (bar, positive_text);
  cl_window_show_view (desk.window, "today");
  cl_today_view_reload (desk.today);
  cl_test_ui_settle (300);
  {
    g_autofree char *due = cl_date_format_iso (cl_followup_record_get_due_date (positive), CL_DATE_SHORT, NULL);
    g_autofree char *subtitle = g_markup_printf_escaped (_("%s · %s · %s — %s"), _("Psychological support"),
                                                         cl_followup_channel_label ("phone"), due,
                                                         cl_followup_record_get_content (positive));
    GtkWidget *row = NULL;
    GtkWidget *reached;

    /* Its row's Reached button. */
    {
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      g_ptr_array_add (stack, desk.today);
      while (stack->len && row == NULL)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

          if (ADW_IS_EXPANDER_ROW (w) && g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (w)), subtitle) == 0)
            row = w;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
    }
    g_assert_nonnull (row);
    reached = cl_test_ui_find_widget_where (row, button_labelled, _("_Reached"));
    g_assert_nonnull (reached);
    g_signal_emit_by_name (reached, "clicked");
  }
  cl_window_show_patient (desk.window, desk.patient);
  wait_alert (bar, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  desk_close (&desk);
}

/* The hospital's own scale (tests/data/hospital-scales), offered and
 * filled at the desk like the built-in ones, scored from its file. */
static void
test_own_scale (void)
{
  /* "Some nights", "Most nights", "Most nights": 5 of 6, poor sleep,
   * and item 3 flags not coping. */
  static const guint answers[3] = { 1, 2, 2 };
  Desk desk = { 0 };
  CLScale *scale = cl_scale_lookup ("sleep-check");
  g_autoptr(GPtrArray) results = NULL;
  CLScaleDialog *dialog;
  CLScaleList *list;
  AdwComboRow *scale_row;
  GtkWidget *save;

  g_assert_nonnull (scale);
  desk_open (&desk);
  desk_show_patient (&desk);
  list = CL_SCALE_LIST (cl_test_ui_find_widget (GTK_WIDGET (desk.page), CL_TYPE_SCALE_LIST));
  gtk_widget_activate_action (GTK_WIDGET (list), "scales.fill", NULL);
  dialog = CL_SCALE_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_SCALE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 700);
  scale_row = ADW_COMBO_ROW (cl_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  /* Offered after the three Careline ships, by its title. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (scale_row)), ==, 4);
  adw_combo_row_set_selected (scale_row, 3);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  {
    g_autofree char *title = g_strdup_printf ("1. %s", cl_local_text_get (cl_scale_get_item (scale, 0)->text, NULL));

    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), title));
    if (cl_test_ui_is_chinese ())
      g_assert_true (cl_test_ui_has_non_ascii (title));
  }
  for (guint i = 0; i < 3; i++)
    cl_scale_dialog_answer (dialog, i, answers[i]);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "followup-own-scale");
  save = cl_test_ui_find_widget_where (GTK_WIDGET (dialog), button_labelled, _("_Save"));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  cl_test_ui_settle (300);

  results = cl_store_scale_results_for_patient (desk.store, desk.patient);
  g_assert_cmpuint (results->len, >, 0);
  g_assert_cmpstr (cl_scale_record_get_scale_id (g_ptr_array_index (results, 0)), ==, "sleep-check");
  g_assert_cmpint (cl_scale_record_get_total (g_ptr_array_index (results, 0)), ==, 5);
  g_assert_cmpstr (cl_scale_record_get_band_id (g_ptr_array_index (results, 0)), ==, "poor");
  g_assert_cmpstr (cl_scale_record_get_flags (g_ptr_array_index (results, 0)), ==, "coping");
  {
    /* Translators' format of the result row: title and total. */
    g_autofree char *row_title = g_strdup_printf (_("%s: %d"), cl_scale_get_title (scale, NULL), 5);

    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (list), row_title));
  }
  desk_close (&desk);
}

static void
fill_epds_on (Desk       *desk,
              const gint *answers,
              const char *local_date)
{
  g_autoptr(CLScaleRecord) record = cl_scale_record_new ();
  g_autoptr(CLScaleResult) result = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT10:00:00", local_date);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GError) error = NULL;

  when = g_date_time_new_from_iso8601 (iso, zone);
  g_assert_nonnull (when);
  g_assert_true (cl_scale_score (cl_scale_lookup ("epds"), answers, 10, &result, &error));
  cl_scale_record_set_patient_id (record, desk->patient);
  cl_scale_record_set_result (record, result, answers, 10);
  cl_scale_record_set_filled_at (record, g_date_time_to_unix (when));
  cl_scale_record_set_filled_by (record, "desk");
  cl_scale_record_set_source (record, "desk");
  g_assert_true (cl_scale_store_save (desk->store, record, CL_ROLE_CASE_MANAGER, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Her EPDS over several fillings: a chart of the totals with the
 * thresholds, described in words, and each filling on her timeline. */
static void
test_trend (void)
{
  /* 5 (below the threshold) on 1 October, 12 (possible) on 1 November. */
  static const gint five[10] = { 2, 1, 3, 2, 3, 3, 3, 3, 3, 3 };
  static const gint twelve[10] = { 3, 2, 2, 1, 2, 2, 2, 2, 2, 3 };
  Desk desk = { 0 };
  CLScale *epds = cl_scale_lookup ("epds");
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *band = NULL;
  CLPregnancyTimeline *timeline;
  CLScaleTrend *trend;
  CLScaleList *list;
  guint n_epds = 0;

  desk_open (&desk);
  fill_epds_on (&desk, five, "2026-10-01");
  fill_epds_on (&desk, twelve, "2026-11-01");
  results = cl_store_scale_results_for_patient (desk.store, desk.patient);
  for (guint i = 0; i < results->len; i++)
    n_epds += g_strcmp0 (cl_scale_record_get_scale_id (g_ptr_array_index (results, i)), "epds") == 0;
  g_assert_cmpuint (n_epds, >=, 2);

  desk_show_patient (&desk);
  list = CL_SCALE_LIST (cl_test_ui_find_widget (GTK_WIDGET (desk.page), CL_TYPE_SCALE_LIST));
  g_assert_cmpuint (cl_scale_list_get_n_trends (list), >=, 1);
  trend = CL_SCALE_TREND (cl_test_ui_find_widget (GTK_WIDGET (list), CL_TYPE_SCALE_TREND));
  g_assert_nonnull (trend);
  g_assert_cmpuint (cl_scale_trend_get_n_points (trend), ==, n_epds);
  /* In words, oldest first: the chart's accessible label. */
  prefix = g_strdup_printf (_("%s totals by date:"), cl_scale_get_short_title (epds, NULL));
  g_assert_true (g_str_has_prefix (cl_scale_trend_get_summary (trend), prefix));
  {
    GDate date;
    g_autofree char *long_date = NULL;
    g_autofree char *first = NULL;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 1, G_DATE_OCTOBER, 2026);
    long_date = cl_date_format_display (&date);
    first = g_strdup_printf (_("%s: %u (%s)"), long_date, 5, cl_local_text_get (cl_scale_get_band (epds, 0)->label, NULL));
    g_assert_cmpstr (strstr (cl_scale_trend_get_summary (trend), first), ==,
                     cl_scale_trend_get_summary (trend) + strlen (prefix) + 1);
  }
  scroll_to (GTK_WIDGET (trend));
  cl_test_ui_save_screenshot (GTK_WIDGET (desk.window), "followup-trend");

  /* On her timeline, beside the reports. */
  timeline = cl_patient_page_get_timeline (desk.page);
  g_assert_cmpuint (cl_pregnancy_timeline_get_n_scales (timeline), ==, results->len);
  scroll_to (GTK_WIDGET (timeline));
  cl_test_ui_save_screenshot (GTK_WIDGET (desk.window), "followup-timeline");
  desk_close (&desk);
}

static gboolean
today_has (gpointer data)
{
  Desk *desk = data;

  return cl_today_view_get_count (desk->today) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (desk->today), "n"));
}

static void
test_today_add (void)
{
  Desk desk = { 0 };
  g_autoptr(CLPatient) patient = NULL;
  CLFollowupDialog *dialog;
  guint count;
  gint64 before;

  desk_open (&desk);
  patient = CL_PATIENT (cl_store_load_record (desk.store, CL_TYPE_PATIENT, desk.patient, NULL));
  cl_window_show_view (desk.window, "today");
  cl_today_view_reload (desk.today);
  cl_test_ui_settle (200);
  count = cl_today_view_get_count (desk.today);
  before = count_items (&desk);

  dialog = open_dialog (GTK_WIDGET (desk.today), "today.add");
  type_into (dialog, "content", "提醒她明天带上产检本");
  /* Whom: nobody chosen yet, nothing written. */
  g_assert_false (cl_followup_dialog_save (dialog));
  g_assert_cmpstr (cl_followup_dialog_get_error (dialog, "patient_id"), ==,
                   _("A follow-up item must belong to a patient"));
  g_assert_cmpint (count_items (&desk), ==, before);
  cl_test_ui_choose_patient (GTK_WIDGET (dialog), cl_patient_get_name (patient));
  cl_test_ui_settle (100);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "followup-add-today");
  g_assert_true (cl_followup_dialog_save (dialog));
  g_assert_cmpint (count_items (&desk), ==, before + 1);
  /* Due today, on her case manager's list, which Today shows. */
  g_object_set_data (G_OBJECT (desk.today), "n", GUINT_TO_POINTER (count + 1));
  cl_test_ui_wait_until (today_has, &desk);
  desk_close (&desk);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *rules = NULL;
  g_autofree char *scales = NULL;
  int ret;

  cl_test_ui_init (&argc, &argv);
  /* The shipped pathway rules: her page lists what they plan. */
  rules = g_test_build_filename (G_TEST_DIST, "..", "data", "followup-rules.ini", NULL);
  g_setenv ("CARELINE_FOLLOWUP_RULES", rules, TRUE);
  /* The hospital's own scales: one the tests ship. */
  scales = g_test_build_filename (G_TEST_DIST, "data", "hospital-scales", NULL);
  g_setenv ("CARELINE_SCALES_DIR", scales, TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-followup", 60, 11);

  g_test_add_func ("/ui/followup/her-plan", test_her_plan);
  g_test_add_func ("/ui/followup/header-alert", test_header_alert);
  g_test_add_func ("/ui/followup/own-scale", test_own_scale);
  g_test_add_func ("/ui/followup/trend", test_trend);
  g_test_add_func ("/ui/followup/today-add", test_today_add);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
