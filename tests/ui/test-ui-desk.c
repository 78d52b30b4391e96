/* The Service Desk's Now page, as real GTK widgets under Xvfb on a real
 * demo store, in English and in Chinese: three calls recorded by the
 * keyboard alone (real key presses), the channel and category kept from
 * one to the next and the caller field ready at once; an empty summary
 * refused at the field with nothing written; a hand-over to a colleague
 * turning overdue when its time passes (the clock injected), and closed
 * with a note; a patient registered inline from the bar and found by
 * the roster's search; the search over the whole log.  Screenshots at
 * 1024 × 768 and 1280 × 800. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-contact-close-dialog.h"
#include "cl-desk-patient-dialog.h"
#include "cl-desk-view.h"
#include "cl-patient-chooser.h"
#include "cl-roster-model.h"
#include "cl-roster-view.h"
#include "cl-store-desk.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static char *data_dir;

typedef struct
{
  CLDeskView *view;
  guint       n;
} Wait;

static gboolean
saved_reaches (gpointer data)
{
  Wait *wait = data;

  return cl_desk_view_get_n_saved (wait->view) >= wait->n;
}

static gboolean
search_done (gpointer data)
{
  return !cl_desk_view_get_searching (data);
}

/* Types @keys (xdotool key names, space separated) as one burst, as a
 * person at the keyboard would, 20 ms apart. */
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

static guint
count_words (const char *keys)
{
  g_auto(GStrv) list = g_strsplit (keys, " ", -1);

  return g_strv_length (list);
}

static gboolean
has_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_calls (CLWindow *window,
            CLDeskView *view)
{
  /* Caller, Enter (on to the summary), summary, Enter (saved): three
   * calls, the second with a phone number (Tab). */
  static const char * const calls[] = {
    "W a n g Return p a r k i n g Return",
    "L i Tab 1 3 8 0 0 1 3 8 0 0 0 Return r e p o r t space r e a d y Return",
    "Z h a o Return v i s i t i n g space h o u r s Return",
  };
  CLStore *store = cl_window_get_store (window);
  Wait wait = { view, 0 };
  g_autoptr(GPtrArray) today = NULL;
  gint64 started;

  /* The desk chose the line and what the calls are about once. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cl_desk_view_get_widget (view, "channel")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cl_desk_view_get_widget (view, "category")), 1);
  cl_desk_view_focus_entry (view);
  cl_test_ui_settle (200);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autofree char *now = g_strdup_printf ("2026-11-23T10:0%u:00", i);
      double seconds;

      /* A minute apart, as calls come. */
      g_setenv ("CARELINE_NOW", now, TRUE);
      g_assert_true (has_focus (cl_desk_view_get_widget (view, "caller")));
      started = g_get_monotonic_time ();
      type_keys (calls[i]);
      wait.n = i + 1;
      cl_test_ui_wait_until (saved_reaches, &wait);
      seconds = (g_get_monotonic_time () - started) / 1e6;
      /* What recording a call costs: the keys, at 20 ms each from
       * xdotool, and the save. */
      g_test_message ("call %u: %u keystrokes, %.2f s from the first key to saved", i + 1,
                      count_words (calls[i]), seconds);
    }
  g_assert_cmpuint (cl_desk_view_get_n_entries (view), ==, 3);
  /* The next call can start at once. */
  g_assert_true (has_focus (cl_desk_view_get_widget (view, "caller")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_desk_view_get_widget (view, "caller"))), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cl_desk_view_get_widget (view, "category"))), ==, 1);

  /* Stored as typed, the channel and category kept for each. */
  today = cl_store_desk_between (store, 0, G_MAXINT64);
  g_assert_cmpuint (today->len, ==, 3);
  g_assert_cmpstr (cl_contact_get_caller_name (g_ptr_array_index (today, 2)), ==, "Wang");
  g_assert_cmpstr (cl_contact_get_summary (g_ptr_array_index (today, 2)), ==, "parking");
  g_assert_cmpstr (cl_contact_get_caller_phone (g_ptr_array_index (today, 1)), ==, "13800138000");
  for (guint i = 0; i < today->len; i++)
    {
      g_assert_cmpstr (cl_contact_get_channel (g_ptr_array_index (today, i)), ==, "hotline");
      g_assert_cmpstr (cl_contact_get_category (g_ptr_array_index (today, i)), ==, "appointment");
      g_assert_cmpstr (cl_contact_get_state (g_ptr_array_index (today, i)), ==, "answered");
    }
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM outbox WHERE tbl = 'contact'"), ==, 3);
  /* And kept for the next session. */
  {
    g_autofree char *channel = g_settings_get_string (cl_context_get_settings (cl_window_get_context (window)),
                                                      "desk-channel");
    g_autofree char *category = g_settings_get_string (cl_context_get_settings (cl_window_get_context (window)),
                                                       "desk-category");

    g_assert_cmpstr (channel, ==, "hotline");
    g_assert_cmpstr (category, ==, "appointment");
  }

  /* No summary: the message at the field, the focus there, nothing
   * written. */
  type_keys ("Q i a n Return Return");
  cl_test_ui_settle (300);
  g_assert_cmpstr (cl_desk_view_get_message (view), ==, _("Say in a few words what was asked and answered"));
  g_assert_true (gtk_widget_has_css_class (cl_desk_view_get_widget (view, "summary"), "error"));
  g_assert_true (has_focus (cl_desk_view_get_widget (view, "summary")));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM contact"), ==, 3);
  /* Typing there answers it: the mark and the message go at once, not
   * at the next save. */
  type_keys ("p");
  cl_test_ui_settle (200);
  g_assert_false (gtk_widget_has_css_class (cl_desk_view_get_widget (view, "summary"), "error"));
  g_assert_cmpstr (cl_desk_view_get_message (view), ==, NULL);
  gtk_editable_set_text (GTK_EDITABLE (cl_desk_view_get_widget (view, "summary")), "");
  g_setenv ("CARELINE_NOW", "2026-11-23T10:05:00", TRUE);
  gtk_editable_set_text (GTK_EDITABLE (cl_desk_view_get_widget (view, "caller")), "");
  cl_desk_view_focus_entry (view);
}

static void
test_handover (CLWindow   *window,
               CLDeskView *view)
{
  CLStore *store = cl_window_get_store (window);
  CLContactCloseDialog *dialog;
  GtkDropDown *to = GTK_DROP_DOWN (cl_desk_view_get_widget (view, "handover_to"));
  g_autoptr(GPtrArray) open = NULL;
  g_autofree char *overdue = NULL;

  gtk_editable_set_text (GTK_EDITABLE (cl_desk_view_get_widget (view, "caller")), "Sun");
  gtk_editable_set_text (GTK_EDITABLE (cl_desk_view_get_widget (view, "summary")), "copy of records");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cl_desk_view_get_widget (view, "category")), 5);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cl_desk_view_get_widget (view, "handover")), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (to)), >, 0);
  gtk_drop_down_set_selected (to, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cl_desk_view_get_widget (view, "due")), 0);  /* in 1 hour */
  g_signal_emit_by_name (cl_desk_view_get_widget (view, "summary"), "activate");
  cl_test_ui_settle (300);
  g_assert_cmpstr (cl_desk_view_get_message (view), ==, NULL);
  g_assert_cmpuint (cl_desk_view_get_n_open (view), ==, 1);
  g_assert_cmpuint (cl_desk_view_get_n_overdue (view), ==, 0);
  open = cl_store_desk_open_handovers (store);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (cl_contact_get_handover_due_at (g_ptr_array_index (open, 0)), ==,
                   cl_context_get_now (cl_window_get_context (window)) + 3600);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "desk-1024");

  /* Its time passes: overdue on the list, still the owner's. */
  g_setenv ("CARELINE_NOW", "2026-11-23T11:30:00", TRUE);
  cl_desk_view_reload (view);
  cl_test_ui_settle (300);
  g_assert_cmpuint (cl_desk_view_get_n_overdue (view), ==, 1);
  overdue = g_strdup_printf (_("Open Hand-overs: %u, %u overdue"), 1, 1);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), overdue));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "desk-overdue-1024");

  /* Closed with a note; none refused without one. */
  dialog = CL_CONTACT_CLOSE_DIALOG (cl_desk_view_close_handover (view, 0));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_false (cl_contact_close_dialog_save (dialog));
  g_assert_cmpstr (cl_contact_close_dialog_get_error (dialog, "close_note"), ==, _("Say how it was settled"));
  gtk_editable_set_text (cl_contact_close_dialog_get_entry (dialog), "copied, handed to her");
  g_assert_true (cl_contact_close_dialog_save (dialog));
  cl_test_ui_settle (300);
  g_assert_cmpuint (cl_desk_view_get_n_open (view), ==, 0);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM contact WHERE state = 'closed'"), ==, 1);
  g_setenv ("CARELINE_NOW", "2026-11-23T11:35:00", TRUE);
}

static void
test_register (CLWindow   *window,
               CLDeskView *view)
{
  CLRosterModel *roster = cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window)));
  CLDeskPatientDialog *dialog;
  CLPatientChooser *chooser = CL_PATIENT_CHOOSER (cl_desk_view_get_widget (view, "patient"));
  g_autoptr(GPtrArray) rows = NULL;

  g_signal_emit_by_name (cl_desk_view_get_widget (view, "new_patient"), "clicked");
  dialog = CL_DESK_PATIENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_DESK_PATIENT_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (cl_desk_patient_dialog_get_entry (dialog, "name"), "门诊新病人");
  gtk_editable_set_text (cl_desk_patient_dialog_get_entry (dialog, "phone"), "12345");
  g_assert_false (cl_desk_patient_dialog_save (dialog));
  g_assert_nonnull (cl_desk_patient_dialog_get_error (dialog, "phone"));
  g_assert_cmpint (cl_test_store_count (cl_window_get_store (window),
                                        "SELECT count(*) FROM patient WHERE name = '门诊新病人'"), ==, 0);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "desk-register");
  gtk_editable_set_text (cl_desk_patient_dialog_get_entry (dialog, "phone"), "13900139123");
  g_assert_true (cl_desk_patient_dialog_save (dialog));
  cl_test_ui_settle (300);
  /* Chosen for the call at once, with no pregnancy. */
  g_assert_nonnull (cl_patient_chooser_get_patient_id (chooser));
  g_assert_cmpstr (gtk_editable_get_text (cl_patient_chooser_get_entry (chooser)), ==, "门诊新病人");
  g_assert_cmpint (cl_test_store_count (cl_window_get_store (window),
                                        "SELECT count(*) FROM pregnancy p JOIN patient q ON q.id = p.patient_id"
                                        " WHERE q.name = '门诊新病人'"), ==, 0);

  /* The roster's search finds her, by name and by initials. */
  cl_roster_model_set_query (roster, "门诊新病人");
  cl_test_ui_wait_until (cl_test_ui_roster_settled, roster);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (roster)), ==, 1);
  cl_roster_model_set_query (roster, "mzxbr");
  cl_test_ui_wait_until (cl_test_ui_roster_settled, roster);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (roster)), ==, 1);
  cl_roster_model_set_query (roster, "");
  cl_test_ui_wait_until (cl_test_ui_roster_settled, roster);

  /* A call about her is found by her name. */
  gtk_editable_set_text (GTK_EDITABLE (cl_desk_view_get_widget (view, "summary")), "asks for her report");
  g_signal_emit_by_name (cl_desk_view_get_widget (view, "summary"), "activate");
  cl_test_ui_settle (300);
  rows = cl_store_desk_search (cl_window_get_store (window), "门诊新病人", 10);
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
test_search (CLWindow   *window,
             CLDeskView *view)
{
  GtkEditable *search = GTK_EDITABLE (cl_desk_view_get_widget (view, "search"));

  gtk_editable_set_text (search, "parking");
  cl_test_ui_settle (400);
  cl_test_ui_wait_until (search_done, view);
  g_assert_cmpuint (cl_desk_view_get_n_entries (view), ==, 1);
  gtk_editable_set_text (search, "13800");
  cl_test_ui_settle (400);
  cl_test_ui_wait_until (search_done, view);
  g_assert_cmpuint (cl_desk_view_get_n_entries (view), ==, 1);
  gtk_editable_set_text (search, "");
  cl_test_ui_settle (400);
  g_assert_cmpuint (cl_desk_view_get_n_entries (view), ==, 5);
}

static void
test_desk (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  AdwViewStack *stack = ADW_VIEW_STACK (cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  /* A local desk may do everything: it has the Service Desk. */
  g_assert_true (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, GTK_WIDGET (view))));
  cl_window_show_view (window, "desk");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);

  test_calls (window, view);
  test_handover (window, view);
  test_register (window, view);
  test_search (window, view);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cl_test_ui_settle (500);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "desk-1280");

  /* Whoever does not write the log does not see the page. */
  cl_context_set_user (cl_window_get_context (window), "cm", "case_manager");
  cl_test_ui_settle (200);
  g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, GTK_WIDGET (view))));
  cl_context_set_user (cl_window_get_context (window), "desk", "service_desk");
  cl_test_ui_settle (200);
  g_assert_true (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, GTK_WIDGET (view))));

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
  data_dir = cl_test_ui_make_demo_store ("ui-desk", 60, 16);

  g_test_add_func ("/ui/desk/now", test_desk);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
