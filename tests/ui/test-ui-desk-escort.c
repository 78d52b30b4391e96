/* Escorts for the frail, booked at the Service Desk, as real GTK widgets
 * under Xvfb on a real demo store, in English and in Chinese: an
 * outpatient registered at the desk (no pregnancy, no package; born in
 * 1950, so aged 70+ from her ID number) is chosen in the quick-entry
 * bar, "Book Escort…" opens the escort task dialog for her with a
 * wheelchair, which asks no reason for going over a package; the task
 * is saved by the service desk and shows on the escort view's day with
 * her badge before her name, and first on the escort's My Tasks.  With
 * no patient in the bar the dialog's patient field searches everyone,
 * the flagged first.  Screenshots at 1024 × 768. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-desk-patient-dialog.h"
#include "cl-desk-view.h"
#include "cl-escort-store.h"
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

static gboolean
chooser_settled (gpointer data)
{
  return !cl_patient_chooser_get_searching (data);
}

/* 23 November 2026 at @h:@m, local time, in UTC seconds. */
static gint64
at_local (int h,
          int m)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (2026, 11, 23, h, m, 0);

  return g_date_time_to_unix (t);
}

static void
set_time (GtkWidget  *field,
          int         minutes)
{
  g_assert_true (cl_schedule_times_offers (field, minutes));
  g_assert_true (cl_schedule_times_choose (field, minutes));
  g_assert_cmpint (cl_schedule_times_chosen (field), ==, minutes);
}

/* Registered at the desk as the issue has it: name, phone, and an ID
 * number when @first17 is given. */
static void
register_patient (CLDeskView *view,
                  const char *name,
                  const char *phone,
                  const char *first17)
{
  CLDeskPatientDialog *dialog;
  g_autofree char *id_number = first17 ? g_strdup_printf ("%s%c", first17, cl_id_card_check_digit (first17))
                                       : g_strdup ("");

  g_signal_emit_by_name (cl_desk_view_get_widget (view, "new_patient"), "clicked");
  dialog = CL_DESK_PATIENT_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_DESK_PATIENT_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (cl_desk_patient_dialog_get_entry (dialog, "name"), name);
  gtk_editable_set_text (cl_desk_patient_dialog_get_entry (dialog, "phone"), phone);
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
  g_autoptr(GListStore) free = NULL;
  g_autoptr(CLStaff) escort = NULL;
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

  /* Two outpatients: 陈阿妹 (a mei) sorts before 陈阿婆 (a po) by name,
   * but 陈阿婆, born in 1950, is aged 70+. */
  register_patient (view, "陈阿妹", "13900139402", NULL);
  register_patient (view, "陈阿婆", "13900139401", "44010219500305002");
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
  /* Given to an escort free then, so that it is on their My Tasks. */
  free = cl_escort_store_free_escorts (store, at_local (14, 0), at_local (14, 30), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (free)), >, 0);
  escort = g_list_model_get_item (G_LIST_MODEL (free), 0);
  cl_schedule_form_combo_set (ADW_COMBO_ROW (cl_escort_task_dialog_get_field (dialog, "escort")),
                              cl_record_get_id (CL_RECORD (escort)));
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

  /* The escort's My Tasks: hers first, whatever the time, with her
   * badge. */
  cl_context_set_user (context, cl_staff_get_username (escort), "escort");
  cl_escort_view_set_mode (escorts, "mine");
  cl_test_ui_settle (300);
  {
    GtkListBox *mine = cl_escort_view_get_my_list (escorts);
    /* What a badge starts with: "[" in English, "【" in Chinese. */
    g_autofree char *mark = g_strndup (_("[%s] %s"), strstr (_("[%s] %s"), "%s") - _("[%s] %s"));
    int hers = -1, first_plain = -1;
    GtkListBoxRow *row;

    for (int i = 0; (row = gtk_list_box_get_row_at_index (mine, i)); i++)
      {
        const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

        g_test_message ("my tasks %d: %s", i, title);
        if (strstr (title, badged))
          hers = i;
        if (!strstr (title, mark) && first_plain < 0)
          first_plain = i;
        /* No flagged patient after one without a flag. */
        g_assert_true (first_plain < 0 || first_plain == i || !strstr (title, mark));
      }
    g_assert_cmpint (hers, >=, 0);
    /* Her 14:00 task before every unflagged one, earlier ones too. */
    g_assert_true (first_plain < 0 || hers < first_plain);
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "desk-escort-mine-1024");

  /* Booked for anyone: with no patient in the bar, the dialog's patient
   * field searches every patient, flagged ones first. */
  cl_context_set_user (context, "desk", "service_desk");
  cl_window_show_view (window, "desk");
  cl_patient_chooser_set_patient (chooser, NULL, NULL);
  g_signal_emit_by_name (cl_desk_view_get_widget (view, "book_escort"), "clicked");
  cl_test_ui_settle (200);
  dialog = CL_ESCORT_TASK_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ESCORT_TASK_DIALOG));
  g_assert_nonnull (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "patient"))), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "patient")), "陈阿");
  cl_test_ui_settle (400);
  cl_test_ui_wait_until (chooser_settled, cl_test_ui_find_widget (GTK_WIDGET (dialog), CL_TYPE_PATIENT_CHOOSER));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (dialog), _("Aged 70+")));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "desk-escort-chooser");
  /* Enter takes the first: her. */
  g_signal_emit_by_name (cl_escort_task_dialog_get_field (dialog, "patient"), "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "patient"))), ==,
                   "陈阿婆");
  gtk_window_destroy (GTK_WINDOW (dialog));

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
