/* The escort schedule and the VIP room calendar as real widgets under
 * Xvfb: the time grid alone (keys, a real pointer drag through the X
 * server with xdotool), and the two views on a real store.  Two desks
 * booking against each other are test-ui-two-desks.c. */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-escort-store.h"
#include "cl-escort-task-dialog.h"
#include "cl-escort-view.h"
#include "cl-patient-chooser.h"
#include "cl-patient.h"
#include "cl-schedule-times.h"
#include "cl-store-private.h"
#include "cl-test-desk.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-time-grid.h"
#include "cl-vip-booking-dialog.h"
#include "cl-vip-room-dialog.h"
#include "cl-vip-store.h"
#include "cl-vip-view.h"
#include "cl-window.h"

/* 2026-11-23 00:00 in Asia/Shanghai (UTC+8), as the tests run with
 * CARELINE_TODAY=2026-11-23; "now" is 09:15 that day. */
#define DAY0 G_GINT64_CONSTANT (1795363200)

static char *data_dir;
static char *room1;
static char *room2;
static char *patient_a;     /* a patient's name, for searching */

typedef struct
{
  GPtrArray *events;   /* "kind id column start end" */
} Recorder;

static void
moved_cb (CLTimeGrid *grid,
          const char *id,
          guint       column,
          gint64      start,
          gint64      end,
          Recorder   *rec)
{
  g_ptr_array_add (rec->events, g_strdup_printf ("moved %s %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                 id, column, start, end));
}

static void
create_cb (CLTimeGrid *grid,
           guint       column,
           gint64      start,
           gint64      end,
           Recorder   *rec)
{
  g_ptr_array_add (rec->events, g_strdup_printf ("create %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                 column, start, end));
}

static void
activated_cb (CLTimeGrid *grid,
              const char *id,
              Recorder   *rec)
{
  g_ptr_array_add (rec->events, g_strdup_printf ("activated %s", id));
}

static gint64
at (int day,
    int hour,
    int minute)
{
  return DAY0 + day * 86400 + hour * 3600 + minute * 60;
}

/* A real pointer: xdotool moves the X server's pointer over @widget at
 * (x, y) in the widget's coordinates. */
static void
xdotool (GtkWidget  *widget,
         const char *action,
         double      x,
         double      y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  double sx, sy, wx, wy;
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *px = NULL, *py = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  gtk_native_get_surface_transform (native, &sx, &sy);
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &wx, &wy));
  px = g_strdup_printf ("%d", (int) (wx + sx));
  py = g_strdup_printf ("%d", (int) (wy + sy));
  {
    const char *argv[] = { "xdotool", "mousemove", "--window", xid, px, py, action ? action : NULL, action ? "1" : NULL, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  cl_test_ui_settle (80);
}

static void
test_grid (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  CLTimeGrid *grid = CL_TIME_GRID (cl_time_grid_new ());
  Recorder rec = { g_ptr_array_new_with_free_func (g_free) };
  GdkRectangle area;
  double x, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (grid));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  cl_time_grid_set_now (grid, at (0, 10, 20));
  for (guint c = 0; c < 8; c++)
    {
      g_autofree char *id = g_strdup_printf ("col%u", c);
      g_autofree char *title = g_strdup_printf ("Escort %u", c + 1);

      cl_time_grid_add_column (grid, id, title, "3 tasks", DAY0);
      cl_time_grid_add_unavailable (grid, c, 7 * 60, 7 * 60 + 30);
      cl_time_grid_add_unavailable (grid, c, 17 * 60 + 30, 18 * 60);
    }
  cl_time_grid_add_block (grid, "a", 0, at (0, 8, 0), at (0, 9, 0), "张小梅", "Clinic visit · Planned", CL_TIME_GRID_SCHEDULED, TRUE);
  cl_time_grid_add_block (grid, "b", 0, at (0, 9, 30), at (0, 10, 30), "李红", "Ultrasound · In progress", CL_TIME_GRID_ACTIVE, TRUE);
  cl_time_grid_add_block (grid, "c", 1, at (0, 8, 30), at (0, 9, 0), "王芳", "Done", CL_TIME_GRID_DONE, TRUE);
  cl_time_grid_add_block (grid, "d", 1, at (0, 11, 0), at (0, 12, 0), "赵敏", "Cancelled", CL_TIME_GRID_CANCELLED, TRUE);
  cl_time_grid_add_block (grid, "e", 2, at (0, 13, 0), at (0, 14, 0), "Overlap A", "", CL_TIME_GRID_SCHEDULED, TRUE);
  cl_time_grid_add_block (grid, "f", 2, at (0, 13, 30), at (0, 15, 0), "Overlap B", "", CL_TIME_GRID_MISSED, TRUE);
  g_signal_connect (grid, "block-moved", G_CALLBACK (moved_cb), &rec);
  g_signal_connect (grid, "create-requested", G_CALLBACK (create_cb), &rec);
  g_signal_connect (grid, "block-activated", G_CALLBACK (activated_cb), &rec);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, grid);
  cl_time_grid_scroll_to_minute (grid, 7 * 60);
  cl_test_ui_save_screenshot (window, "time-grid");

  /* Drag block "a" (08:00–09:00, column 0) down by one hour and one
   * column right, with a real pointer. */
  g_assert_true (cl_time_grid_get_block_area (grid, "a", &area));
  xdotool (GTK_WIDGET (grid), "mousedown", area.x + area.width / 2, area.y + 10);
  g_assert_true (cl_time_grid_get_point (grid, 1, at (0, 8, 30), &x, &y));
  xdotool (GTK_WIDGET (grid), NULL, x, y);
  g_assert_true (cl_time_grid_get_point (grid, 1, at (0, 9, 0), &x, &y));
  xdotool (GTK_WIDGET (grid), NULL, x, y + 10);
  xdotool (GTK_WIDGET (grid), "mouseup", x, y + 10);
  g_assert_cmpuint (rec.events->len, ==, 1);
  {
    g_autofree char *want = g_strdup_printf ("moved a 1 %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                             at (0, 9, 0), at (0, 10, 0));
    g_assert_cmpstr (g_ptr_array_index (rec.events, 0), ==, want);
  }

  g_assert_cmpstr (cl_time_grid_get_focused_block (grid), ==, "a");
  cl_test_ui_save_screenshot (window, "time-grid-moved");

  /* Keys, through the X server: a free slot, widened by one with
   * Shift+Down, and Enter asks to create there; Enter on a block opens
   * it. */
  cl_time_grid_select_slot (grid, 3, at (0, 13, 0));
  gtk_widget_grab_focus (GTK_WIDGET (grid));
  cl_test_ui_press_keys ("shift+Down Return");
  g_assert_cmpuint (rec.events->len, ==, 2);
  {
    g_autofree char *want = g_strdup_printf ("create 3 %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                             at (0, 13, 0), at (0, 14, 0));
    g_assert_cmpstr (g_ptr_array_index (rec.events, 1), ==, want);
  }
  cl_time_grid_focus_block (grid, "c");
  cl_test_ui_press_keys ("Return");
  g_assert_cmpstr (g_ptr_array_index (rec.events, 2), ==, "activated c");
  /* Right from "c" (column 1, 08:30) lands on column 2's free 08:30. */
  cl_test_ui_press_keys ("Right");
  g_assert_null (cl_time_grid_get_focused_block (grid));
  {
    guint column;
    gint64 start, end;

    g_assert_true (cl_time_grid_get_selection (grid, &column, &start, &end));
    g_assert_cmpuint (column, ==, 2);
    g_assert_cmpint (start, ==, at (0, 8, 30));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_ptr_array_unref (rec.events);
}

static CLWindow *
open_window (void)
{
  return CL_WINDOW (cl_test_ui_open_window (data_dir));
}

static void
set_field (GtkWidget  *field,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

/* Chooses "HH:MM" in a time picker, as a person would in its list:
 * fails the test if the picker does not offer it. */
static void
set_time (GtkWidget  *field,
          const char *text)
{
  int h, m;

  g_assert_cmpint (sscanf (text, "%d:%d", &h, &m), ==, 2);
  g_assert_true (cl_schedule_times_offers (field, h * 60 + m));
  g_assert_true (cl_schedule_times_choose (field, h * 60 + m));
  g_assert_cmpint (cl_schedule_times_chosen (field), ==, h * 60 + m);
}

static guint
count_bookings (CLStore *store)
{
  GDate today;
  g_autoptr(GListStore) list = NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  list = cl_vip_store_bookings_of_day (store, &today);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static CLVipBooking *
find_booking (CLStore    *store,
              const char *id)
{
  return CL_VIP_BOOKING (cl_store_load_record (store, CL_TYPE_VIP_BOOKING, id, NULL));
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
  saved->id = g_strdup (id);
}

static char *pdftotext (const char *path);

typedef gboolean (*ExportFunc) (gpointer view, const char *path, GError **error);

/* Exports the view's sheet as a PDF, as Export PDF does, and reads it
 * back as text. */
static char *
export_and_read (ExportFunc export,
                 gpointer   view)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("schedule-pdf");
  g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (export (view, path, &error));
  g_assert_no_error (error);
  text = pdftotext (path);
  cl_test_remove_tree (dir);
  return text;
}

static void
test_vip_dialog (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLVipBookingDialog *dialog;
  guint before = count_bookings (store);
  Saved saved = { NULL };
  /* An end before the start, a time after closing or off the grid
   * cannot be picked (test-ui-schedule-forms.c); what is left is
   * core's to refuse. */
  struct { const char *start, *end, *field; } bad[] = {
    { "08:00", "08:30", "start" },  /* in the past: it is 09:15 */
    { "10:30", "11:30", "start" },  /* over the 10:00–11:00 booking */
  };

  cl_window_show_view (window, "vip-rooms");
  dialog = cl_vip_booking_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), NULL, room1, 0, 0);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);

  /* No patient: the message is at the patient. */
  set_field (cl_vip_booking_dialog_get_field (dialog, "day"), "2026-11-23");
  set_time (cl_vip_booking_dialog_get_field (dialog, "start"), "14:00");
  set_time (cl_vip_booking_dialog_get_field (dialog, "end"), "15:00");
  g_assert_false (cl_vip_booking_dialog_save (dialog));
  g_assert_nonnull (cl_vip_booking_dialog_get_error (dialog, "patient"));
  g_test_message ("no patient: %s", cl_vip_booking_dialog_get_error (dialog, "patient"));

  cl_test_ui_choose_patient (GTK_WIDGET (dialog), patient_a);
  g_assert_null (cl_vip_booking_dialog_get_error (dialog, "patient"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *message;

      set_time (cl_vip_booking_dialog_get_field (dialog, "start"), bad[i].start);
      set_time (cl_vip_booking_dialog_get_field (dialog, "end"), bad[i].end);
      g_assert_false (cl_vip_booking_dialog_save (dialog));
      message = cl_vip_booking_dialog_get_error (dialog, bad[i].field);
      g_test_message ("%s–%s: %s", bad[i].start, bad[i].end, message);
      g_assert_nonnull (message);
      if (cl_test_ui_is_chinese ())
        g_assert_true (cl_test_ui_has_non_ascii (message));
      g_assert_cmpuint (count_bookings (store), ==, before);
      if (i == 1)
        cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "vip-dialog-overlap");
    }

  set_time (cl_vip_booking_dialog_get_field (dialog, "start"), "14:00");
  set_time (cl_vip_booking_dialog_get_field (dialog, "end"), "15:00");
  set_field (cl_vip_booking_dialog_get_field (dialog, "note"), "first visit");
  if (!cl_vip_booking_dialog_save (dialog))
    {
      const char *fields[] = { "", "patient", "room", "purpose", "day", "start", "end", "note" };
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        g_test_message ("field '%s': %s", fields[i], cl_vip_booking_dialog_get_error (dialog, fields[i]));
      g_assert_not_reached ();
    }
  g_assert_nonnull (saved.id);
  g_assert_cmpuint (count_bookings (store), ==, before + 1);
  {
    g_autoptr(CLVipBooking) booking = find_booking (store, saved.id);

    g_assert_cmpstr (cl_vip_booking_get_room_id (booking), ==, room1);
    g_assert_cmpint (cl_vip_booking_get_start_at (booking), ==, at (0, 14, 0));
    g_assert_cmpint (cl_vip_booking_get_end_at (booking), ==, at (0, 15, 0));
  }

  /* The view shows it, and a real pointer drags it an hour later and
   * into the other room. */
  {
    CLVipView *view = CL_VIP_VIEW (cl_window_get_vip_view (window));
    CLTimeGrid *grid = cl_vip_view_get_grid (view);
    GdkRectangle area;
    double x, y;
    guint column1 = 0, column2 = 0;
    g_autoptr(CLVipBooking) moved = NULL;
    CLSchedulePopover *popover;

    cl_test_ui_wait_until (cl_test_ui_widget_drawn, grid);
    cl_test_ui_settle (200);
    for (guint c = 0; c < cl_time_grid_get_n_columns (grid); c++)
      {
        if (g_strcmp0 (cl_time_grid_get_column_id (grid, c), room1) == 0)
          column1 = c;
        if (g_strcmp0 (cl_time_grid_get_column_id (grid, c), room2) == 0)
          column2 = c;
      }
    cl_time_grid_scroll_to_minute (grid, 12 * 60);
    cl_test_ui_settle (100);
    g_assert_true (cl_time_grid_get_block_area (grid, saved.id, &area));
    cl_test_ui_save_screenshot (GTK_WIDGET (window), "vip-day");

    xdotool (GTK_WIDGET (grid), "mousedown", area.x + area.width / 2, area.y + 12);
    g_assert_true (cl_time_grid_get_point (grid, column2, at (0, 14, 30), &x, &y));
    xdotool (GTK_WIDGET (grid), NULL, x, y + 12);
    g_assert_true (cl_time_grid_get_point (grid, column2, at (0, 15, 0), &x, &y));
    xdotool (GTK_WIDGET (grid), NULL, x, y + 12);
    xdotool (GTK_WIDGET (grid), "mouseup", x, y + 12);
    cl_test_ui_settle (200);
    moved = find_booking (store, saved.id);
    g_assert_cmpstr (cl_vip_booking_get_room_id (moved), ==, room2);
    g_assert_cmpint (cl_vip_booking_get_start_at (moved), ==, at (0, 15, 0));
    g_assert_cmpint (cl_vip_booking_get_end_at (moved), ==, at (0, 16, 0));

    /* Dragging it onto the 10:00 booking is refused, and said. */
    g_assert_true (cl_time_grid_get_block_area (grid, saved.id, &area));
    xdotool (GTK_WIDGET (grid), "mousedown", area.x + area.width / 2, area.y + 12);
    cl_time_grid_get_point (grid, column1, at (0, 12, 0), &x, &y);
    xdotool (GTK_WIDGET (grid), NULL, x, y + 12);
    cl_time_grid_get_point (grid, column1, at (0, 10, 30), &x, &y);
    xdotool (GTK_WIDGET (grid), NULL, x, y + 12);
    xdotool (GTK_WIDGET (grid), "mouseup", x, y + 12);
    cl_test_ui_settle (200);
    {
      g_autoptr(CLVipBooking) again = find_booking (store, saved.id);

      g_test_message ("drag over a booking: %s", cl_vip_view_get_last_message (view));
      g_assert_nonnull (cl_vip_view_get_last_message (view));
      g_assert_cmpstr (cl_vip_booking_get_room_id (again), ==, room2);
      g_assert_cmpint (cl_vip_booking_get_start_at (again), ==, at (0, 15, 0));
    }

    /* Keys: Shift+Up moves the focused booking half an hour earlier. */
    cl_time_grid_focus_block (grid, saved.id);
    gtk_widget_grab_focus (GTK_WIDGET (grid));
    cl_test_ui_press_keys ("shift+Up");
    {
      g_autoptr(CLVipBooking) keyed = find_booking (store, saved.id);
      g_assert_cmpint (cl_vip_booking_get_start_at (keyed), ==, at (0, 14, 30));
    }

    /* Check in from the popover on the block. */
    popover = cl_vip_view_open_booking (view, saved.id);
    g_assert_nonnull (popover);
    cl_test_ui_settle (200);
    cl_test_ui_save_screenshot (GTK_WIDGET (popover), "vip-popover");
    g_assert_true (cl_schedule_popover_click (popover, "checked-in"));
    {
      g_autoptr(CLVipBooking) checked = find_booking (store, saved.id);
      g_assert_cmpstr (cl_vip_booking_get_status (checked), ==, "checked-in");
    }

    /* The rooms' day list, exported and read back. */
    {
      g_autofree char *text = export_and_read ((ExportFunc) cl_vip_view_export_pdf, view);

      g_test_message ("room day list:\n%s", text);
      g_assert_nonnull (strstr (text, "VIP 测试室 B"));
      g_assert_nonnull (strstr (text, patient_a));
      g_assert_nonnull (strstr (text, "14:30"));
    }

    cl_vip_view_set_room (view, room1);
    cl_vip_view_set_mode (view, "week");
    cl_test_ui_settle (200);
    g_assert_cmpuint (cl_time_grid_get_n_columns (grid), ==, 7);
    cl_test_ui_save_screenshot (GTK_WIDGET (window), "vip-week");
    cl_vip_view_set_mode (view, "day");
  }

  g_free (saved.id);
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
pdftotext (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static CLEscortTask *
find_task (CLStore    *store,
           const char *id)
{
  return CL_ESCORT_TASK (cl_store_load_record (store, CL_TYPE_ESCORT_TASK, id, NULL));
}

static void
test_escorts (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  CLEscortView *view = CL_ESCORT_VIEW (cl_window_get_escort_view (window));
  CLEscortTaskDialog *dialog;
  Saved saved = { NULL };
  g_autoptr(CLStaff) escort = cl_escort_store_find_staff (store, "test_escort_a");
  CLSchedulePopover *popover;

  cl_window_show_view (window, "escorts");
  dialog = cl_escort_task_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), NULL,
                                      cl_record_get_id (CL_RECORD (escort)), at (0, 11, 0), at (0, 10, 0));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  cl_test_ui_choose_patient (GTK_WIDGET (dialog), patient_a);
  set_field (cl_escort_task_dialog_get_field (dialog, "from"), "门诊大厅");
  set_field (cl_escort_task_dialog_get_field (dialog, "to"), "超声科");

  /* Asked for 11:00 to 10:00: no end before the start is offered. */
  g_assert_cmpint (cl_schedule_times_chosen (cl_escort_task_dialog_get_field (dialog, "start")), ==, 11 * 60);
  g_assert_false (cl_schedule_times_offers (cl_escort_task_dialog_get_field (dialog, "end"), 10 * 60));
  g_assert_false (cl_schedule_times_offers (cl_escort_task_dialog_get_field (dialog, "end"), 11 * 60));
  /* Over the escort's 10:00–11:00 task. */
  set_time (cl_escort_task_dialog_get_field (dialog, "start"), "10:30");
  set_time (cl_escort_task_dialog_get_field (dialog, "end"), "11:30");
  g_assert_false (cl_escort_task_dialog_save (dialog));
  g_test_message ("overlap: %s", cl_escort_task_dialog_get_error (dialog, "escort"));
  g_assert_nonnull (cl_escort_task_dialog_get_error (dialog, "escort"));
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "escort-dialog-overlap");
  /* After working hours (07:30–17:30) nothing is offered. */
  g_assert_false (cl_schedule_times_offers (cl_escort_task_dialog_get_field (dialog, "start"), 17 * 60 + 30));
  g_assert_false (cl_schedule_times_offers (cl_escort_task_dialog_get_field (dialog, "end"), 18 * 60));
  g_assert_false (cl_schedule_times_offers (cl_escort_task_dialog_get_field (dialog, "start"), 7 * 60 + 15));
  g_assert_null (saved.id);

  set_time (cl_escort_task_dialog_get_field (dialog, "start"), "11:00");
  set_time (cl_escort_task_dialog_get_field (dialog, "end"), "12:00");
  g_assert_true (cl_escort_task_dialog_save (dialog));
  g_assert_nonnull (saved.id);

  cl_test_ui_settle (200);
  g_assert_true (cl_time_grid_get_block_area (cl_escort_view_get_grid (view), saved.id, &(GdkRectangle) { 0 }));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "escort-day");

  /* Status by click: planned → in progress → done. */
  popover = cl_escort_view_open_task (view, saved.id);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (popover), "escort-popover");
  g_assert_true (cl_schedule_popover_click (popover, "in-progress"));
  {
    g_autoptr(CLEscortTask) task = find_task (store, saved.id);
    g_assert_cmpstr (cl_escort_task_get_status (task), ==, "in-progress");
  }
  cl_test_ui_settle (100);
  popover = cl_escort_view_open_task (view, saved.id);
  g_assert_true (cl_schedule_popover_click (popover, "done"));
  {
    g_autoptr(CLEscortTask) task = find_task (store, saved.id);
    g_assert_cmpstr (cl_escort_task_get_status (task), ==, "done");
  }

  /* A transfer to the ward is done only with its hand-over. */
  {
    g_autoptr(CLStaff) other = cl_escort_store_find_staff (store, "test_escort_b");
    g_autoptr(GPtrArray) tasks = cl_store_query_records (store, CL_TYPE_ESCORT_TASK, "escort_id = ?1", 
                                                         cl_record_get_id (CL_RECORD (other)), NULL);
    const char *id = cl_record_get_id (g_ptr_array_index (tasks, 0));
    GtkEditable *received;

    popover = cl_escort_view_open_task (view, id);
    g_assert_true (cl_schedule_popover_click (popover, "in-progress"));
    cl_test_ui_settle (100);
    popover = cl_escort_view_open_task (view, id);
    received = g_object_get_data (G_OBJECT (popover), "received-by");
    g_assert_nonnull (received);
    g_assert_true (cl_schedule_popover_click (popover, "hand-over"));
    g_test_message ("hand-over without a receiver: %s", cl_schedule_popover_get_message (popover));
    g_assert_nonnull (cl_schedule_popover_get_message (popover));
    {
      g_autoptr(CLEscortTask) task = find_task (store, id);
      g_assert_cmpstr (cl_escort_task_get_status (task), ==, "in-progress");
    }
    gtk_editable_set_text (received, "李护士");
    g_assert_true (cl_schedule_popover_click (popover, "hand-over"));
    {
      g_autoptr(CLEscortTask) task = find_task (store, id);
      g_assert_cmpstr (cl_escort_task_get_status (task), ==, "done");
      g_assert_cmpstr (cl_escort_task_get_handover_to (task), ==, "李护士");
      g_assert_cmpstr (cl_escort_task_get_handover_ward (task), ==, "产科病房");
    }
  }

  /* The day sheet, exported and read back. */
  {
    g_autofree char *text = export_and_read ((ExportFunc) cl_escort_view_export_pdf, view);

    g_test_message ("day sheet:\n%s", text);
    g_assert_nonnull (strstr (text, cl_staff_get_display_name (escort)));
    g_assert_nonnull (strstr (text, patient_a));
    g_assert_nonnull (strstr (text, "超声科"));
    g_assert_nonnull (strstr (text, "11:00"));
    g_assert_nonnull (strstr (text, "李护士"));
  }

  cl_escort_view_set_mode (view, "week");
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "escort-week");

  /* The escort's own list. */
  cl_context_set_user (cl_window_get_context (window), cl_staff_get_username (escort), CL_ROLE_ESCORT);
  cl_test_ui_settle (200);
  g_assert_cmpstr (cl_escort_view_get_mode (view), ==, "mine");
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (cl_escort_view_get_my_list (view))));
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "escort-mine");

  g_free (saved.id);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_rooms (void)
{
  CLWindow *window = open_window ();
  CLStore *store = cl_window_get_store (window);
  g_autoptr(GListStore) before = cl_vip_store_list_rooms (store, TRUE);
  g_autoptr(GListStore) after = NULL;
  g_autoptr(CLContext) steward = cl_context_new ();
  CLVipRoomDialog *dialog;
  Saved saved = { NULL };
  struct { const char *name, *opens, *closes, *slot, *field; } bad[] = {
    { "", "08:00", "17:30", "30", "name" },              /* no name */
    { "VIP 测试室 C", "17:00", "08:00", "30", "closes" }, /* closes before it opens */
    { "VIP 测试室 C", "08:00", "17:30", "45", "slot" },   /* 45 does not divide 9½ hours */
    { "VIP 测试室 C", "8点", "17:30", "30", "opens" },     /* not a time */
  };

  /* A steward may not configure rooms. */
  cl_context_set_store (steward, store);
  cl_context_set_user (steward, "steward", CL_ROLE_VIP_STEWARD);
  dialog = cl_vip_room_dialog_new (GTK_WINDOW (window), steward, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  set_field (cl_vip_room_dialog_get_field (dialog, "name"), "VIP 测试室 C");
  g_assert_false (cl_vip_room_dialog_save (dialog));
  g_test_message ("steward: %s", cl_vip_room_dialog_get_error (dialog, ""));
  g_assert_nonnull (cl_vip_room_dialog_get_error (dialog, ""));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = cl_vip_room_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), NULL);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      set_field (cl_vip_room_dialog_get_field (dialog, "name"), bad[i].name);
      set_field (cl_vip_room_dialog_get_field (dialog, "opens"), bad[i].opens);
      set_field (cl_vip_room_dialog_get_field (dialog, "closes"), bad[i].closes);
      set_field (cl_vip_room_dialog_get_field (dialog, "slot"), bad[i].slot);
      g_assert_false (cl_vip_room_dialog_save (dialog));
      g_test_message ("room %s: %s", bad[i].field, cl_vip_room_dialog_get_error (dialog, bad[i].field));
      g_assert_nonnull (cl_vip_room_dialog_get_error (dialog, bad[i].field));
      if (i == 1)
        cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "vip-room-dialog");
    }
  set_field (cl_vip_room_dialog_get_field (dialog, "opens"), "09:00");
  set_field (cl_vip_room_dialog_get_field (dialog, "closes"), "12:00");
  set_field (cl_vip_room_dialog_get_field (dialog, "slot"), "60");
  g_assert_true (cl_vip_room_dialog_save (dialog));
  g_assert_nonnull (saved.id);
  after = cl_vip_store_list_rooms (store, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (before)) + 1);

  g_free (saved.id);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two rooms, a patient to book for, and one booking and one task at
 * 10:00–11:00 to run into. */
static void
make_store (void)
{
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GListStore) escorts = NULL;
  /* Rooms and escorts of the test's own, beside the demo data's. */
  const char *names[] = { "VIP 测试室 A", "VIP 测试室 B" };
  char **ids[] = { &room1, &room2 };

  data_dir = cl_test_make_tmp_dir ("ui-schedule");
  store = cl_test_store_new_demo (data_dir, "careline.db", 300, 7);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CLVipRoom) room = cl_vip_room_new ();

      cl_vip_room_set_name (room, names[i]);
      cl_vip_room_set_location (room, i == 0 ? "门诊楼 3 层 302" : "门诊楼 3 层 305");
      cl_vip_room_set_opens (room, 8 * 60);
      cl_vip_room_set_closes (room, 17 * 60 + 30);
      cl_vip_room_set_slot_minutes (room, 30);
      cl_vip_room_set_active (room, TRUE);
      g_assert_true (cl_vip_store_save_room (store, room, "admin", &error));
      g_assert_no_error (error);
      *ids[i] = g_strdup (cl_record_get_id (CL_RECORD (room)));
    }

  patients = cl_store_query_records (store, CL_TYPE_PATIENT, "deleted = 0 ORDER BY id LIMIT 2", NULL);
  patient_a = g_strdup (cl_patient_get_name (g_ptr_array_index (patients, 0)));
  {
    g_autoptr(CLVipBooking) booking = cl_test_book (store, "admin", room1,
                                                    cl_record_get_id (g_ptr_array_index (patients, 1)),
                                                    at (0, 10, 0), at (0, 11, 0));
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CLStaff) escort = cl_staff_new (i == 0 ? "test_escort_a" : "test_escort_b",
                                                i == 0 ? "测试陪诊甲" : "测试陪诊乙", CL_ROLE_ESCORT);
      g_autoptr(CLEscortTask) task = cl_escort_task_new ();

      g_assert_true (cl_store_save_record (store, CL_RECORD (escort), &error));

      cl_escort_task_set_patient_id (task, cl_record_get_id (g_ptr_array_index (patients, 1)));
      cl_escort_task_set_kind (task, i == 0 ? "examination" : "delivery-transfer");
      cl_escort_task_set_place_from (task, "门诊大厅");
      cl_escort_task_set_place_to (task, i == 0 ? "检验科" : "产科病房");
      cl_escort_task_set_escort_id (task, cl_record_get_id (CL_RECORD (escort)));
      cl_escort_task_set_start_at (task, at (0, 10, 0));
      cl_escort_task_set_end_at (task, at (0, 11, 0));
      cl_escort_store_save (store, task, "admin", &error);
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The hospital's time zone and a fixed "now", whatever the machine's. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  cl_test_ui_init (&argc, &argv);
  make_store ();

  g_test_add_func ("/schedule/grid", test_grid);
  g_test_add_func ("/schedule/vip", test_vip_dialog);
  g_test_add_func ("/schedule/escorts", test_escorts);
  g_test_add_func ("/schedule/rooms", test_rooms);

  status = g_test_run ();
  cl_test_remove_tree (data_dir);
  return status;
}
