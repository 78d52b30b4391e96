/* What a clinic desk does every day in the escort and VIP room views,
 * as real widgets under Xvfb on a demo store: a cancellation undone
 * from its toast (and refused when the time was taken meanwhile), and
 * the time grid used by keyboard and through its accessible labels. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cl-escort-store.h"
#include "cl-escort-view.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-time-grid.h"
#include "cl-vip-store.h"
#include "cl-vip-view.h"
#include "cl-window.h"

static char *data_dir;

static void
today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 23, G_DATE_NOVEMBER, 2026);
}

/* The visible button labelled @label under @widget. */
static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  data)
{
  const char *label = data;

  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return cl_test_ui_find_widget_where (widget, is_button, label);
}

typedef struct
{
  GtkWidget  *view;
  const char *label;
} Finding;

static gboolean
button_shown (gpointer data)
{
  Finding *f = data;

  return find_button (f->view, f->label) != NULL;
}

/* Presses Undo on the toast shown in @view, as a person would. */
static void
press_undo (GtkWidget *view)
{
  Finding f = { view, _("_Undo") };

  cl_test_ui_wait_until (button_shown, &f);
  g_signal_emit_by_name (find_button (view, f.label), "clicked");
  cl_test_ui_settle (200);
}

static gboolean
grid_shows (CLTimeGrid *grid,
            const char *id)
{
  GdkRectangle area;

  return cl_time_grid_get_block_area (grid, id, &area);
}

/* The first booking of today at 11:00 or later still booked. */
static CLVipBooking *
later_booking (CLStore *store)
{
  g_autoptr(GListStore) list = NULL;
  GDate day;

  today (&day);
  list = cl_vip_store_bookings_of_day (store, &day);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CLVipBooking) b = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (cl_vip_booking_get_status (b), CL_VIP_STATUS_BOOKED) == 0 &&
          cl_schedule_minutes_of_day (cl_vip_booking_get_start_at (b)) >= 11 * 60)
        return g_steal_pointer (&b);
    }
  g_assert_not_reached ();
}

static char *
stored_status (CLStore  *store,
               GType     type,
               CLRecord *record)
{
  g_autoptr(CLRecord) stored = cl_store_load_record (store, type, cl_record_get_id (record), NULL);
  g_autofree char *status = NULL;

  g_object_get (stored, "status", &status, NULL);
  return g_steal_pointer (&status);
}

static void
test_undo_booking (void)
{
  GtkWidget *window = cl_test_ui_open_window (data_dir);
  CLStore *store = cl_window_get_store (CL_WINDOW (window));
  CLVipView *view = CL_VIP_VIEW (cl_window_get_vip_view (CL_WINDOW (window)));
  CLTimeGrid *grid = cl_vip_view_get_grid (view);
  g_autoptr(CLVipBooking) booking = later_booking (store);
  const char *id = cl_record_get_id (CL_RECORD (booking));
  gint64 outbox;
  char *status;

  cl_window_show_view (CL_WINDOW (window), "vip-rooms");
  cl_test_ui_settle (300);
  cl_time_grid_scroll_to_minute (grid, cl_schedule_minutes_of_day (cl_vip_booking_get_start_at (booking)) - 60);
  cl_test_ui_settle (200);
  g_assert_true (grid_shows (grid, id));

  /* Cancel from the popover: gone from the grid, a toast to undo it. */
  g_assert_true (cl_schedule_popover_click (cl_vip_view_open_booking (view, id), CL_VIP_STATUS_CANCELLED));
  cl_test_ui_settle (300);
  status = stored_status (store, CL_TYPE_VIP_BOOKING, CL_RECORD (booking));
  g_assert_cmpstr (status, ==, CL_VIP_STATUS_CANCELLED);
  g_free (status);
  g_assert_false (grid_shows (grid, id));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), _("Booking cancelled")));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (_("Booking cancelled")));
  cl_test_ui_save_screenshot (window, "vip-undo-toast");

  /* Undo: booked again, back on the grid, and a change to push. */
  outbox = cl_store_count_outbox (store);
  press_undo (GTK_WIDGET (view));
  status = stored_status (store, CL_TYPE_VIP_BOOKING, CL_RECORD (booking));
  g_assert_cmpstr (status, ==, CL_VIP_STATUS_BOOKED);
  g_free (status);
  g_assert_cmpint (cl_store_count_outbox (store), ==, outbox + 1);
  g_assert_true (grid_shows (grid, id));
  g_assert_cmpstr (cl_time_grid_get_focused_block (grid), ==, id);

  /* Cancelled again, and meanwhile another desk books the slot: the
   * undo is refused with a message that says why. */
  g_assert_true (cl_schedule_popover_click (cl_vip_view_open_booking (view, id), CL_VIP_STATUS_CANCELLED));
  cl_test_ui_settle (300);
  {
    g_autoptr(CLVipBooking) other = CL_VIP_BOOKING (cl_record_dup (CL_RECORD (booking)));
    g_autoptr(GError) error = NULL;
    g_autofree char *new_id = g_uuid_string_random ();

    cl_record_set_id (CL_RECORD (other), new_id);
    cl_record_set_rev (CL_RECORD (other), 0);
    cl_vip_booking_set_status (other, NULL);
    g_assert_true (cl_vip_store_save_booking (store, other, "admin", &error));
    g_assert_no_error (error);
  }
  outbox = cl_store_count_outbox (store);
  press_undo (GTK_WIDGET (view));
  g_test_message ("undo over a taken slot: %s", cl_vip_view_get_last_message (view));
  g_assert_nonnull (cl_vip_view_get_last_message (view));
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), cl_vip_view_get_last_message (view)));
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (cl_vip_view_get_last_message (view)));
  status = stored_status (store, CL_TYPE_VIP_BOOKING, CL_RECORD (booking));
  g_assert_cmpstr (status, ==, CL_VIP_STATUS_CANCELLED);
  g_free (status);
  g_assert_cmpint (cl_store_count_outbox (store), ==, outbox);
  cl_test_ui_save_screenshot (window, "vip-undo-refused");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first task of today at 11:00 or later still planned, with an
 * escort. */
static CLEscortTask *
later_task (CLStore *store)
{
  g_autoptr(GListStore) list = NULL;
  GDate day;

  today (&day);
  list = cl_escort_store_tasks_of_day (store, &day);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CLEscortTask) t = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (cl_escort_task_get_status (t), CL_ESCORT_STATUS_PLANNED) == 0 &&
          cl_escort_task_get_escort_id (t) != NULL &&
          cl_schedule_minutes_of_day (cl_escort_task_get_start_at (t)) >= 11 * 60)
        return g_steal_pointer (&t);
    }
  g_assert_not_reached ();
}

static void
test_undo_task (void)
{
  GtkWidget *window = cl_test_ui_open_window (data_dir);
  CLStore *store = cl_window_get_store (CL_WINDOW (window));
  CLEscortView *view = CL_ESCORT_VIEW (cl_window_get_escort_view (CL_WINDOW (window)));
  g_autoptr(CLEscortTask) task = later_task (store);
  const char *id = cl_record_get_id (CL_RECORD (task));
  char *status;

  cl_window_show_view (CL_WINDOW (window), "escorts");
  cl_test_ui_settle (300);

  /* Started, then cancelled: the undo puts it back in progress. */
  g_assert_true (cl_schedule_popover_click (cl_escort_view_open_task (view, id), CL_ESCORT_STATUS_IN_PROGRESS));
  cl_test_ui_settle (200);
  g_assert_true (cl_schedule_popover_click (cl_escort_view_open_task (view, id), CL_ESCORT_STATUS_CANCELLED));
  cl_test_ui_settle (300);
  status = stored_status (store, CL_TYPE_ESCORT_TASK, CL_RECORD (task));
  g_assert_cmpstr (status, ==, CL_ESCORT_STATUS_CANCELLED);
  g_free (status);
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), _("Escort task cancelled")));
  cl_test_ui_save_screenshot (window, "escort-undo-toast");
  press_undo (GTK_WIDGET (view));
  status = stored_status (store, CL_TYPE_ESCORT_TASK, CL_RECORD (task));
  g_assert_cmpstr (status, ==, CL_ESCORT_STATUS_IN_PROGRESS);
  g_free (status);
  g_assert_true (grid_shows (cl_escort_view_get_grid (view), id));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The day's bookings in the grid's order: by room (the columns), then
 * start. */
static CLVipBooking *
booking_at (CLStore *store,
            int      index)
{
  g_autoptr(GListStore) list = NULL;
  GDate day;
  guint n;

  today (&day);
  list = cl_vip_store_bookings_of_day (store, &day);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 2);
  return g_list_model_get_item (G_LIST_MODEL (list), index < 0 ? n + index : (guint) index);
}

/* Tab from block to block, each read out by its accessible label, and
 * Enter opens the block as a click does; all real key presses. */
static void
test_grid_keyboard (void)
{
  GtkWidget *window = cl_test_ui_open_window (data_dir);
  CLStore *store = cl_window_get_store (CL_WINDOW (window));
  CLVipView *view = CL_VIP_VIEW (cl_window_get_vip_view (CL_WINDOW (window)));
  CLTimeGrid *grid = cl_vip_view_get_grid (view);
  g_autoptr(CLVipBooking) first = booking_at (store, 0);
  g_autoptr(CLVipBooking) second = booking_at (store, 1);
  g_autoptr(CLVipBooking) last = booking_at (store, -1);
  g_autoptr(CLRecord) patient = NULL;
  g_autoptr(CLVipRoom) room = NULL;
  g_autofree char *label = NULL;
  g_autofree char *when = NULL;
  const char *first_id = cl_record_get_id (CL_RECORD (first));
  GtkWidget *popover;

  cl_window_show_view (CL_WINDOW (window), "vip-rooms");
  cl_test_ui_settle (300);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (grid)));
  cl_time_grid_select_slot (grid, 0, cl_time_grid_get_column_day (grid, 0));

  /* Tab reaches the blocks in order, Shift+Tab goes back. */
  cl_test_ui_press_keys ("Tab");
  g_assert_cmpstr (cl_time_grid_get_focused_block (grid), ==, first_id);
  cl_test_ui_press_keys ("Tab");
  g_assert_cmpstr (cl_time_grid_get_focused_block (grid), ==, cl_record_get_id (CL_RECORD (second)));
  cl_test_ui_press_keys ("shift+Tab");
  g_assert_cmpstr (cl_time_grid_get_focused_block (grid), ==, first_id);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (grid)));

  /* Its label says who, when, where and how it stands, and the grid
   * carries it while the block has the cursor. */
  label = cl_time_grid_get_block_label (grid, first_id);
  g_test_message ("accessible label: %s", label);
  patient = cl_store_load_record (store, CL_TYPE_PATIENT, cl_vip_booking_get_patient_id (first), NULL);
  room = CL_VIP_ROOM (cl_store_load_record (store, CL_TYPE_VIP_ROOM, cl_vip_booking_get_room_id (first), NULL));
  when = cl_schedule_format_interval (cl_vip_booking_get_start_at (first), cl_vip_booking_get_end_at (first));
  g_assert_nonnull (strstr (label, cl_patient_get_name (CL_PATIENT (patient))));
  g_assert_nonnull (strstr (label, when));
  g_assert_nonnull (strstr (label, cl_vip_room_get_name (room)));
  g_assert_nonnull (strstr (label, cl_vip_booking_status_label (cl_vip_booking_get_status (first))));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  cl_test_ui_save_screenshot (window, "vip-grid-keyboard");

  /* Enter opens it, as a click does. */
  cl_test_ui_press_keys ("Return");
  popover = cl_test_ui_find_widget (GTK_WIDGET (grid), CL_TYPE_SCHEDULE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_true (cl_test_ui_find_label (popover, cl_patient_get_name (CL_PATIENT (patient))));
  cl_test_ui_press_keys ("Escape");
  cl_test_ui_settle (200);

  /* In a room's week the columns are days: the label names the room. */
  cl_vip_view_set_room (view, cl_record_get_id (CL_RECORD (room)));
  cl_vip_view_set_mode (view, "week");
  cl_test_ui_settle (300);
  cl_time_grid_focus_block (grid, first_id);
  g_clear_pointer (&label, g_free);
  label = cl_time_grid_get_block_label (grid, first_id);
  g_test_message ("in the week: %s", label);
  g_assert_nonnull (strstr (label, cl_vip_room_get_name (room)));
  g_assert_nonnull (strstr (label, cl_patient_get_name (CL_PATIENT (patient))));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  cl_vip_view_set_mode (view, "day");
  cl_test_ui_settle (300);

  /* Past the last block, Tab leaves the grid. */
  cl_time_grid_focus_block (grid, cl_record_get_id (CL_RECORD (last)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (grid)));
  cl_test_ui_press_keys ("Tab");
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (grid)));

  gtk_window_destroy (GTK_WINDOW (window));
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
  data_dir = cl_test_ui_make_demo_store ("ui-schedule-desk", 120, 7);

  g_test_add_func ("/schedule-desk/undo-booking", test_undo_booking);
  g_test_add_func ("/schedule-desk/undo-task", test_undo_task);
  g_test_add_func ("/schedule-desk/grid-keyboard", test_grid_keyboard);

  status = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return status;
}
