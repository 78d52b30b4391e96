/* Escorts for the frail, booked at the Service Desk, as real GTK widgets
 * under Xvfb on a real demo store, in English and in Chinese: an
 * outpatient registered at the desk (no pregnancy, no package; born in
 * 1950, so aged 70+ from her ID number) is chosen in the quick-entry
 * bar, "Book Escort…" opens the escort task dialog for her with a
 * wheelchair, which asks no reason for going over a package; the task
 * is saved by the service desk and shows on the escort view's day with
 * her badge before her name.  Screenshots at 1024 × 768. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-desk-patient-dialog.h"
#include "cl-desk-view.h"
#include "cl-escort-task-dialog.h"
#include "cl-escort-view.h"
#include "cl-id-card.h"
#include "cl-patient-chooser.h"
#include "cl-roster-view.h"
#include "cl-schedule-form.h"
#include "cl-schedule-times.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-time-grid.h"
#include "cl-window.h"

static char *data_dir;

typedef struct
{
  char *id;
} Saved;

static void
saved_cb (CLEscortTaskDialog *dialog,
          const char         *id,
          Saved              *saved)
{
  g_free (saved->id);
  saved->id = g_strdup (id);
}

static void
set_time (GtkWidget  *field,
          int         minutes)
{
  g_assert_true (cl_schedule_times_offers (field, minutes));
  g_assert_true (cl_schedule_times_choose (field, minutes));
  g_assert_cmpint (cl_schedule_times_chosen (field), ==, minutes);
}

/* Registered at the desk as the issue has it: name, phone, ID number. */
static void
register_patient (CLDeskView *view)
{
  CLDeskPatientDialog *dialog;
  char check = cl_id_card_check_digit ("44010219500305002");
  g_autofree char *id_number = g_strdup_printf ("44010219500305002%c", check);

  g_signal_emit_by_name (cl_desk_view_get_widget (view, "new_patient"), "clicked");
  dialog = CL_DESK_PATIENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_DESK_PATIENT_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (cl_desk_patient_dialog_get_entry (dialog, "name"), "陈阿婆");
  gtk_editable_set_text (cl_desk_patient_dialog_get_entry (dialog, "phone"), "13900139401");
  gtk_editable_set_text (cl_desk_patient_dialog_get_entry (dialog, "id_number"), id_number);
  g_assert_true (cl_desk_patient_dialog_save (dialog));
  cl_test_ui_settle (300);
}

static void
test_desk_escort (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLDeskView *view = CL_DESK_VIEW (cl_window_get_desk_view (window));
  CLEscortView *escorts = CL_ESCORT_VIEW (cl_window_get_escort_view (window));
  CLStore *store = cl_window_get_store (window);
  CLPatientChooser *chooser;
  CLEscortTaskDialog *dialog;
  GtkWidget *over_reason;
  Saved saved = { NULL };
  g_autofree char *badged = NULL;
  g_autofree char *label = NULL;
  g_autofree char *patient_id = NULL;
  g_autofree char *count = NULL;
  GDate day;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_context_set_user (context, "desk", "service_desk");
  cl_window_show_view (window, "desk");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);

  register_patient (view);
  chooser = CL_PATIENT_CHOOSER (cl_desk_view_get_widget (view, "patient"));
  patient_id = g_strdup (cl_patient_chooser_get_patient_id (chooser));
  g_assert_nonnull (patient_id);
  count = g_strdup_printf ("SELECT count(*) FROM pregnancy WHERE patient_id = '%s'", patient_id);
  g_assert_cmpint (cl_test_store_count (store, count), ==, 0);

  /* Book Escort…: the dialog for her, a wheelchair, no reason asked. */
  g_assert_true (gtk_widget_is_sensitive (cl_desk_view_get_widget (view, "book_escort")));
  g_signal_emit_by_name (cl_desk_view_get_widget (view, "book_escort"), "clicked");
  cl_test_ui_settle (200);
  dialog = CL_ESCORT_TASK_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ESCORT_TASK_DIALOG));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "patient"))), ==,
                   "陈阿婆");
  g_assert_cmpstr (cl_schedule_form_combo_get (ADW_COMBO_ROW (cl_escort_task_dialog_get_field (dialog, "kind"))), ==,
                   "wheelchair");
  over_reason = cl_escort_task_dialog_get_field (dialog, "over-reason");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (over_reason, ADW_TYPE_PREFERENCES_GROUP)));
  gtk_editable_set_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "from")), "门诊大厅");
  gtk_editable_set_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "to")), "放射科");
  gtk_editable_set_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "note")), "需轮椅，只会说粤语");
  set_time (cl_escort_task_dialog_get_field (dialog, "start"), 14 * 60);
  set_time (cl_escort_task_dialog_get_field (dialog, "end"), 14 * 60 + 30);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "desk-escort-dialog");
  g_assert_true (cl_escort_task_dialog_save (dialog));
  g_assert_nonnull (saved.id);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "desk-escort-booked-1024");

  {
    g_autoptr(CLEscortTask) task = (CLEscortTask *) cl_store_load_record (store, CL_TYPE_ESCORT_TASK, saved.id, NULL);

    g_assert_nonnull (task);
    g_assert_cmpstr (cl_escort_task_get_patient_id (task), ==, patient_id);
    g_assert_cmpstr (cl_escort_task_get_kind (task), ==, "wheelchair");
    g_assert_cmpstr (cl_escort_task_get_note (task), ==, "需轮椅，只会说粤语");
    g_assert_null (cl_escort_task_get_over_reason (task));
    g_assert_cmpstr (cl_record_get_updated_by (CL_RECORD (task)), !=, NULL);
  }
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM outbox WHERE tbl = 'escort_task'"), >=, 1);

  /* On the escorts' day, with her badge before her name. */
  cl_window_show_view (window, "escorts");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 23, 11, 2026);
  cl_escort_view_set_date (escorts, &day);
  cl_escort_view_set_mode (escorts, "day");
  cl_test_ui_settle (300);
  g_assert_true (cl_time_grid_get_block_area (cl_escort_view_get_grid (escorts), saved.id, &(GdkRectangle) { 0 }));
  label = cl_time_grid_get_block_label (cl_escort_view_get_grid (escorts), saved.id);
  badged = g_strdup_printf (_("[%s] %s"), _("Aged 70+"), "陈阿婆");
  g_test_message ("block: %s", label);
  g_assert_true (g_str_has_prefix (label, badged));
  cl_time_grid_focus_block (cl_escort_view_get_grid (escorts), saved.id);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "desk-escort-day-1024");

  g_free (saved.id);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T10:00:00", TRUE);
  data_dir = cl_test_ui_make_demo_store ("ui-desk-escort", 60, 16);

  g_test_add_func ("/ui/desk/escort", test_desk_escort);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
