/* The booking and escort forms that follow the person (issue #14), as
 * real widgets under Xvfb on a real store: time pickers that offer only
 * a room's grid or an escort's hours and keep the duration, New from
 * the slot chosen on screen, the free escorts offered when one is busy,
 * the Show toast after saving for another day, no Check In days ahead,
 * and who booked by name. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-escort-store.h"
#include "cl-escort-task-dialog.h"
#include "cl-date-nav.h"
#include "cl-escort-view.h"
#include "cl-patient-chooser.h"
#include "cl-patient.h"
#include "cl-schedule-form.h"
#include "cl-schedule-times.h"
#include "cl-schedule.h"
#include "cl-store-private.h"
#include "cl-test-desk.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-time-grid.h"
#include "cl-vip-booking-dialog.h"
#include "cl-vip-store.h"
#include "cl-vip-view.h"
#include "cl-window.h"

/* 2026-11-23 00:00 in Asia/Shanghai (UTC+8), a Monday; "now" is 09:15. */
#define DAY0 G_GINT64_CONSTANT (1795363200)

static char *data_dir;
static char *room;        /* VIP 网格室: 08:30–17:30, 60-minute slots */
static char *escort_a;    /* 表单陪诊甲, busy 10:00–11:00 today */
static char *escort_b;    /* 表单陪诊乙, free */
static char *patient_a;   /* a patient's name, for searching */
static char *later_id;    /* a booking of the room on Thursday */
static char *off_grid_id; /* one at 09:00–10:00 on Friday, from an older grid */

static gint64
at (int day,
    int hour,
    int minute)
{
  return DAY0 + day * 86400 + hour * 3600 + minute * 60;
}

static int
hm (int hour,
    int minute)
{
  return hour * 60 + minute;
}

static CLWindow *
open_window (void)
{
  return CL_WINDOW (cl_test_ui_open_window (data_dir));
}

/* Picks @minutes in a time picker, as a person would in its list. */
static void
pick (GtkWidget *row,
      int        minutes)
{
  g_assert_true (cl_schedule_times_offers (row, minutes));
  g_assert_true (cl_schedule_times_choose (row, minutes));
  cl_test_ui_settle (50);
  g_assert_cmpint (cl_schedule_times_chosen (row), ==, minutes);
}

/* Every time @row offers, "HH:MM HH:MM …". */
static char *
offered (GtkWidget *row)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  GString *out = g_string_new (NULL);

  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (out, "%s%s", i ? " " : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));
  return g_string_free (out, FALSE);
}

typedef struct
{
  char *id;
} Saved;

static void
saved_cb (GObject    *dialog,
          const char *id,
          Saved      *saved)
{
  g_free (saved->id);
  saved->id = g_strdup (id);
}

static gboolean
window_of_type_shown (gpointer type)
{
  return cl_test_ui_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static guint
column_of (CLTimeGrid *grid,
           const char *id)
{
  for (guint c = 0; c < cl_time_grid_get_n_columns (grid); c++)
    if (g_strcmp0 (cl_time_grid_get_column_id (grid, c), id) == 0)
      return c;
  g_assert_not_reached ();
}

/* ---- the VIP booking dialog ----------------------------------------- */

static void
test_vip_times (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLVipView *view = CL_VIP_VIEW (cl_window_get_vip_view (window));
  CLTimeGrid *grid = cl_vip_view_get_grid (view);
  CLVipBookingDialog *dialog;
  GtkWidget *start, *end;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  Saved saved = { NULL };
  GDate today;

  cl_window_show_view (window, "vip-rooms");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  cl_vip_view_set_date (view, &today);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, grid);

  /* New Booking… from the slot chosen on the grid: the room's column at
   * 14:00 is the room's 13:30–14:30 grid, so its 14:30 slot. */
  cl_time_grid_select_slot (grid, column_of (grid, room), at (0, 14, 0));
  gtk_widget_activate_action (GTK_WIDGET (view), "vip.new", NULL);
  cl_test_ui_wait_until (window_of_type_shown, GSIZE_TO_POINTER (CL_TYPE_VIP_BOOKING_DIALOG));
  dialog = CL_VIP_BOOKING_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_VIP_BOOKING_DIALOG));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  start = cl_vip_booking_dialog_get_field (dialog, "start");
  end = cl_vip_booking_dialog_get_field (dialog, "end");
  g_assert_cmpstr (cl_schedule_form_combo_get (ADW_COMBO_ROW (cl_vip_booking_dialog_get_field (dialog, "room"))), ==, room);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_vip_booking_dialog_get_field (dialog, "day"))), ==, "2026-11-23");
  g_assert_cmpint (cl_schedule_times_chosen (start), ==, hm (14, 30));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (15, 30));

  /* Only the grid: 60 minutes from 08:30, inside the opening hours, and
   * no end before the start. */
  starts = offered (start);
  g_test_message ("starts: %s", starts);
  g_assert_cmpstr (starts, ==, "08:30 09:30 10:30 11:30 12:30 13:30 14:30 15:30 16:30");
  ends = offered (end);
  g_test_message ("ends: %s", ends);
  g_assert_cmpstr (ends, ==, "15:30 16:30 17:30");
  g_assert_false (cl_schedule_times_offers (start, hm (8, 0)));
  g_assert_false (cl_schedule_times_offers (start, hm (17, 30)));
  g_assert_false (cl_schedule_times_offers (end, hm (14, 30)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (start)), "60"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (start)), "08:30"));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "vip-booking-dialog");

  /* The duration is kept: two hours set, the start moved an hour
   * earlier, the end follows. */
  pick (end, hm (16, 30));
  pick (start, hm (10, 30));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (12, 30));
  pick (start, hm (13, 30));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (15, 30));
  /* Where the day ends first, the end stops at closing… */
  pick (start, hm (16, 30));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (17, 30));
  /* …and the two hours the person set are still the ones kept. */
  pick (start, hm (11, 30));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (13, 30));
  /* Editing the end changes it. */
  pick (end, hm (12, 30));
  pick (start, hm (14, 30));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (15, 30));

  /* Booked for Tue 8 Dec: a toast says so, and Show goes there. */
  cl_test_ui_choose_patient (GTK_WIDGET (dialog), patient_a);
  gtk_editable_set_text (GTK_EDITABLE (cl_vip_booking_dialog_get_field (dialog, "day")), "2026-12-08");
  cl_test_ui_settle (50);
  g_assert_cmpint (cl_schedule_times_chosen (start), ==, hm (14, 30));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (15, 30));
  g_assert_true (cl_vip_booking_dialog_save (dialog));
  g_assert_nonnull (saved.id);
  {
    g_autoptr(CLVipBooking) booking = CL_VIP_BOOKING (cl_store_load_record (store, CL_TYPE_VIP_BOOKING, saved.id, NULL));
    const char *message = cl_vip_view_get_last_message (view);
    GtkWidget *show;

    g_assert_cmpint (cl_vip_booking_get_start_at (booking), ==, at (15, 14, 30));
    g_assert_cmpint (cl_vip_booking_get_end_at (booking), ==, at (15, 15, 30));
    g_test_message ("toast: %s", message);
    g_assert_nonnull (message);
    g_assert_nonnull (strstr (message, cl_test_ui_is_chinese () ? "2026年12月8日" : "8 Dec 2026"));
    g_assert_nonnull (strstr (message, cl_test_ui_is_chinese () ? "周二" : "Tue"));
    cl_test_ui_settle (400);
    cl_test_ui_save_screenshot (GTK_WIDGET (window), "vip-booked-elsewhere");
    /* Still on today until Show is clicked. */
    g_assert_cmpint (g_date_get_day (cl_date_nav_get_date (CL_DATE_NAV (cl_test_ui_find_widget (GTK_WIDGET (view), CL_TYPE_DATE_NAV)))), ==, 23);
    show = cl_test_ui_find_widget_where (GTK_WIDGET (window), is_button_labelled, _("_Show"));
    g_assert_nonnull (show);
    g_signal_emit_by_name (show, "clicked");
    cl_test_ui_settle (200);
    {
      const GDate *shown = cl_date_nav_get_date (CL_DATE_NAV (cl_test_ui_find_widget (GTK_WIDGET (view), CL_TYPE_DATE_NAV)));

      g_assert_cmpint (g_date_get_month (shown), ==, 12);
      g_assert_cmpint (g_date_get_day (shown), ==, 8);
    }
    g_assert_cmpstr (cl_time_grid_get_focused_block (grid), ==, saved.id);

    /* New Booking… with that booking focused: the slot after it. */
    gtk_widget_activate_action (GTK_WIDGET (view), "vip.new", NULL);
    cl_test_ui_settle (200);
    dialog = CL_VIP_BOOKING_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_VIP_BOOKING_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cl_vip_booking_dialog_get_field (dialog, "day"))), ==, "2026-12-08");
    g_assert_cmpint (cl_schedule_times_chosen (cl_vip_booking_dialog_get_field (dialog, "start")), ==, hm (15, 30));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  g_free (saved.id);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A booking on Thursday: no Check In yet; today's has it.  Who booked
 * shows by name. */
static void
test_vip_popover (void)
{
  CLWindow *window = open_window ();
  CLVipView *view = CL_VIP_VIEW (cl_window_get_vip_view (window));
  CLSchedulePopover *popover;
  GDate day;

  cl_window_show_view (window, "vip-rooms");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 26, 11, 2026);
  cl_vip_view_set_date (view, &day);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, cl_vip_view_get_grid (view));
  popover = cl_vip_view_open_booking (view, later_id);
  g_assert_nonnull (popover);
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (popover), "vip-popover-later");
  {
    g_autofree char *by = g_strdup_printf (_("Booked by %s"), "表单管家");

    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (popover), by));
  }
  g_assert_false (cl_schedule_popover_click (popover, CL_VIP_STATUS_CHECKED_IN));
  g_assert_true (cl_test_ui_find_widget_where (GTK_WIDGET (popover), is_button_labelled, _("_Edit…")) != NULL);

  /* On its day it is offered. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_setenv ("CARELINE_NOW", "2026-11-26T09:00:00", TRUE);
  cl_vip_view_set_mode (view, "day");
  popover = cl_vip_view_open_booking (view, later_id);
  cl_test_ui_settle (200);
  g_assert_true (cl_schedule_popover_click (popover, CL_VIP_STATUS_CHECKED_IN));
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Editing a booking made on a grid since changed keeps its times unless
 * they are changed: an edit of the note does not move it. */
static void
test_vip_edit_keeps_time (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  g_autoptr(CLVipBooking) booking = CL_VIP_BOOKING (cl_store_load_record (store, CL_TYPE_VIP_BOOKING, off_grid_id, NULL));
  CLVipBookingDialog *dialog;
  GtkWidget *start, *end;

  dialog = cl_vip_booking_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), booking, NULL, 0, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  start = cl_vip_booking_dialog_get_field (dialog, "start");
  end = cl_vip_booking_dialog_get_field (dialog, "end");
  g_assert_cmpint (cl_schedule_times_chosen (start), ==, hm (9, 0));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (10, 0));
  /* Besides its own, only the grid. */
  g_assert_true (cl_schedule_times_offers (start, hm (8, 30)));
  g_assert_false (cl_schedule_times_offers (start, hm (10, 0)));
  gtk_editable_set_text (GTK_EDITABLE (cl_vip_booking_dialog_get_field (dialog, "note")), "复诊");
  g_assert_true (cl_vip_booking_dialog_save (dialog));
  {
    g_autoptr(CLVipBooking) saved = CL_VIP_BOOKING (cl_store_load_record (store, CL_TYPE_VIP_BOOKING, off_grid_id, NULL));

    g_assert_cmpstr (cl_vip_booking_get_note (saved), ==, "复诊");
    g_assert_cmpint (cl_vip_booking_get_start_at (saved), ==, at (4, 9, 0));
    g_assert_cmpint (cl_vip_booking_get_end_at (saved), ==, at (4, 10, 0));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the escort task dialog ----------------------------------------- */

static void
test_escort_form (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLEscortView *view = CL_ESCORT_VIEW (cl_window_get_escort_view (window));
  CLTimeGrid *grid = cl_escort_view_get_grid (view);
  CLEscortTaskDialog *dialog;
  GtkWidget *start, *end, *free_box, *button;
  g_autoptr(CLStaff) b = CL_STAFF (cl_store_load_record (store, CL_TYPE_STAFF, escort_b, NULL));
  const char *message;
  Saved saved = { NULL };
  GDate today;

  cl_window_show_view (window, "escorts");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  cl_escort_view_set_date (view, &today);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, grid);

  /* New Task from escort A's lane at 10:30, picked with the keyboard
   * cursor. */
  cl_time_grid_select_slot (grid, column_of (grid, escort_a), at (0, 10, 30));
  gtk_widget_activate_action (GTK_WIDGET (view), "escorts.new", NULL);
  cl_test_ui_wait_until (window_of_type_shown, GSIZE_TO_POINTER (CL_TYPE_ESCORT_TASK_DIALOG));
  dialog = CL_ESCORT_TASK_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ESCORT_TASK_DIALOG));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  start = cl_escort_task_dialog_get_field (dialog, "start");
  end = cl_escort_task_dialog_get_field (dialog, "end");
  g_assert_cmpstr (cl_schedule_form_combo_get (ADW_COMBO_ROW (cl_escort_task_dialog_get_field (dialog, "escort"))), ==, escort_a);
  g_assert_cmpint (cl_schedule_times_chosen (start), ==, hm (10, 30));

  /* Escort A works 09:00–12:00 on Mondays: the pickers stay inside. */
  g_assert_false (cl_schedule_times_offers (start, hm (8, 45)));
  g_assert_true (cl_schedule_times_offers (start, hm (9, 0)));
  g_assert_true (cl_schedule_times_offers (start, hm (11, 45)));
  g_assert_false (cl_schedule_times_offers (start, hm (12, 0)));
  g_assert_true (cl_schedule_times_offers (end, hm (12, 0)));
  g_assert_false (cl_schedule_times_offers (end, hm (12, 15)));

  /* An hour, then the start moved by half an hour: the end follows. */
  pick (end, hm (11, 30));
  pick (start, hm (10, 0));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (11, 0));

  /* A is busy 10:00–11:00: the message names who is free then, and one
   * click gives the task to her. */
  cl_test_ui_choose_patient (GTK_WIDGET (dialog), patient_a);
  gtk_editable_set_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "from")), "门诊大厅");
  gtk_editable_set_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "to")), "超声科");
  g_assert_false (cl_escort_task_dialog_save (dialog));
  message = cl_escort_task_dialog_get_error (dialog, "escort");
  g_test_message ("busy: %s", message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, cl_staff_get_display_name (b)));
  g_assert_null (saved.id);
  free_box = cl_escort_task_dialog_get_field (dialog, "free");
  g_assert_true (gtk_widget_get_mapped (free_box));
  cl_test_ui_settle (100);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "escort-task-dialog-busy");
  button = cl_test_ui_find_widget_where (free_box, is_button_labelled, cl_staff_get_display_name (b));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  cl_test_ui_settle (100);
  g_assert_cmpstr (cl_schedule_form_combo_get (ADW_COMBO_ROW (cl_escort_task_dialog_get_field (dialog, "escort"))), ==, escort_b);
  g_assert_null (cl_escort_task_dialog_get_error (dialog, "escort"));
  g_assert_false (gtk_widget_get_mapped (free_box));
  /* Her default hours keep the time chosen. */
  g_assert_cmpint (cl_schedule_times_chosen (start), ==, hm (10, 0));
  g_assert_cmpint (cl_schedule_times_chosen (end), ==, hm (11, 0));
  g_assert_true (cl_escort_task_dialog_save (dialog));
  g_assert_nonnull (saved.id);
  {
    g_autoptr(CLEscortTask) task = CL_ESCORT_TASK (cl_store_load_record (store, CL_TYPE_ESCORT_TASK, saved.id, NULL));

    g_assert_cmpstr (cl_escort_task_get_escort_id (task), ==, escort_b);
    g_assert_cmpint (cl_escort_task_get_start_at (task), ==, at (0, 10, 0));
    g_assert_cmpint (cl_escort_task_get_end_at (task), ==, at (0, 11, 0));
  }
  /* Saved for the day on screen: no toast, the task is focused. */
  g_assert_cmpstr (cl_time_grid_get_focused_block (grid), ==, saved.id);

  /* A new task for A on Tuesday afternoon starts inside her hours
   * (09:00–12:00 again), not at the 14:00 asked. */
  dialog = cl_escort_task_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), NULL,
                                      escort_a, at (1, 14, 0), at (1, 14, 30));
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  g_assert_cmpint (cl_schedule_times_chosen (cl_escort_task_dialog_get_field (dialog, "start")), <=, hm (11, 45));
  g_assert_cmpint (cl_schedule_times_chosen (cl_escort_task_dialog_get_field (dialog, "start")), >=, hm (9, 0));
  g_assert_cmpint (cl_schedule_times_chosen (cl_escort_task_dialog_get_field (dialog, "end")), <=, hm (12, 0));
  /* Given to B (default hours), the time stays inside hers too. */
  cl_schedule_form_combo_set (ADW_COMBO_ROW (cl_escort_task_dialog_get_field (dialog, "escort")), escort_b);
  cl_test_ui_settle (50);
  g_assert_true (cl_schedule_times_offers (cl_escort_task_dialog_get_field (dialog, "start"), hm (14, 0)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Planned for Tuesday from Monday's screen: the toast, and Show. */
  g_clear_pointer (&saved.id, g_free);
  cl_time_grid_select_slot (grid, column_of (grid, escort_b), at (0, 15, 0));
  gtk_widget_activate_action (GTK_WIDGET (view), "escorts.new", NULL);
  cl_test_ui_wait_until (window_of_type_shown, GSIZE_TO_POINTER (CL_TYPE_ESCORT_TASK_DIALOG));
  dialog = CL_ESCORT_TASK_DIALOG (cl_test_ui_find_toplevel (CL_TYPE_ESCORT_TASK_DIALOG));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  cl_test_ui_choose_patient (GTK_WIDGET (dialog), patient_a);
  gtk_editable_set_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "from")), "门诊大厅");
  gtk_editable_set_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "to")), "检验科");
  gtk_editable_set_text (GTK_EDITABLE (cl_escort_task_dialog_get_field (dialog, "day")), "2026-11-24");
  cl_test_ui_settle (50);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "escort-task-dialog");
  g_assert_true (cl_escort_task_dialog_save (dialog));
  g_assert_nonnull (saved.id);
  g_test_message ("toast: %s", cl_escort_view_get_last_message (view));
  g_assert_nonnull (cl_escort_view_get_last_message (view));
  g_assert_nonnull (strstr (cl_escort_view_get_last_message (view), cl_test_ui_is_chinese () ? "2026年11月24日" : "24 Nov 2026"));
  cl_test_ui_settle (300);
  button = cl_test_ui_find_widget_where (GTK_WIDGET (window), is_button_labelled, _("_Show"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  cl_test_ui_settle (200);
  g_assert_cmpint (g_date_get_day (cl_date_nav_get_date (CL_DATE_NAV (cl_test_ui_find_widget (GTK_WIDGET (view), CL_TYPE_DATE_NAV)))), ==, 24);
  g_assert_cmpstr (cl_time_grid_get_focused_block (grid), ==, saved.id);

  g_free (saved.id);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A room on a 60-minute grid from 08:30; escort A, who works 09:00–12:00
 * Monday to Friday and is busy 10:00–11:00 today; escort B on the
 * default hours; a booking on Thursday made by a steward with a staff
 * row. */
static void
make_store (void)
{
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLVipRoom) vip = cl_vip_room_new ();
  g_autoptr(CLStaff) a = cl_staff_new ("form_escort_a", "表单陪诊甲", CL_ROLE_ESCORT);
  g_autoptr(CLStaff) b = cl_staff_new ("form_escort_b", "表单陪诊乙", CL_ROLE_ESCORT);
  g_autoptr(CLStaff) steward = cl_staff_new ("form_steward", "表单管家", CL_ROLE_VIP_STEWARD);
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;

  data_dir = cl_test_make_tmp_dir ("ui-schedule-forms");
  store = cl_test_store_new_demo (data_dir, "careline.db", 30, 11);

  cl_vip_room_set_name (vip, "VIP 网格室");
  cl_vip_room_set_location (vip, "门诊楼 3 层 309");
  cl_vip_room_set_opens (vip, 8 * 60 + 30);
  cl_vip_room_set_closes (vip, 17 * 60 + 30);
  cl_vip_room_set_slot_minutes (vip, 60);
  cl_vip_room_set_active (vip, TRUE);
  g_assert_true (cl_vip_store_save_room (store, vip, "admin", &error));
  g_assert_no_error (error);
  room = g_strdup (cl_record_get_id (CL_RECORD (vip)));

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    cl_staff_set_day_hours (a, d, d <= G_DATE_FRIDAY ? 9 * 60 : -1, d <= G_DATE_FRIDAY ? 12 * 60 : -1);
  escort_a = cl_test_save (store, a);
  escort_b = cl_test_save (store, b);
  g_free (cl_test_save (store, steward));

  patients = cl_store_query_records (store, CL_TYPE_PATIENT, "deleted = 0 ORDER BY id LIMIT 2", NULL);
  patient_a = g_strdup (cl_patient_get_name (g_ptr_array_index (patients, 0)));
  {
    g_autoptr(CLEscortTask) task = cl_test_new_task (cl_record_get_id (g_ptr_array_index (patients, 1)), escort_a,
                                                     at (0, 10, 0), at (0, 11, 0));
    g_autoptr(CLVipBooking) later = NULL;

    g_assert_true (cl_escort_store_save (store, task, "admin", &error));
    g_assert_no_error (error);
    cl_store_set_actor (store, "form_steward");
    later = cl_test_book (store, "vip_steward", room, cl_record_get_id (g_ptr_array_index (patients, 1)),
                          at (3, 9, 30), at (3, 10, 30));
    later_id = g_strdup (cl_record_get_id (CL_RECORD (later)));
  }
  {
    g_autoptr(CLVipBooking) old = cl_test_new_booking (room, cl_record_get_id (g_ptr_array_index (patients, 1)),
                                                       at (4, 9, 0), at (4, 10, 0));

    /* As an older grid had it: saved as it is, without today's rules. */
    cl_vip_booking_set_status (old, CL_VIP_STATUS_BOOKED);
    off_grid_id = cl_test_save (store, old);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  cl_test_ui_init (&argc, &argv);
  make_store ();

  g_test_add_func ("/schedule-forms/vip-times", test_vip_times);
  g_test_add_func ("/schedule-forms/vip-popover", test_vip_popover);
  g_test_add_func ("/schedule-forms/vip-edit-keeps-time", test_vip_edit_keeps_time);
  g_test_add_func ("/schedule-forms/escort-form", test_escort_form);

  status = g_test_run ();
  cl_test_remove_tree (data_dir);
  return status;
}
