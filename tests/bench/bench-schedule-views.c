/* Schedule views benchmark (issue #5), under Xvfb with the cairo
 * renderer:
 *  - the VIP room week view with 5 000 bookings in the store: frame
 *    time (snapshot + render of the time grid, median and p95 while
 *    scrolling) ≤ 16 ms, and the time to load a week from the store;
 *  - the escort day view with 40 escorts × 20 tasks: the same;
 *  - the time grid holding all 5 000 bookings at once in one week
 *    (a stress case: far more blocks than any real week);
 * beside a yardstick measured in the same run the same way: a bare
 * window with one label, as tests/bench/bench-yardstick-window.c.
 *
 * Usage: bench-schedule-views [N_BOOKINGS] */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cl-application.h"
#include "cl-context.h"
#include "cl-date.h"
#include "cl-demo-data.h"
#include "cl-escort-store.h"
#include "cl-escort-view.h"
#include "cl-patient.h"
#include "cl-store-private.h"
#include "cl-vip-store.h"
#include "cl-vip-view.h"

#define FRAMES 120
#define N_ESCORTS 40
#define TASKS_PER_ESCORT 20
#define N_ROOMS 5

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, (guint) (p * (values->len - 1) + 0.5));
}

static void
settle (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE));
}

/* Frames of @widget while it scrolls through @adjustment (may be
 * NULL): each is a fresh snapshot of the widget (its render node cache
 * dropped, as after a scroll) rendered by the window's renderer. */
static GArray *
time_frames (GtkWidget     *widget,
             GtkAdjustment *adjustment)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (int i = 0; i < FRAMES + 5; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 t0;
      double ms;

      if (adjustment)
        {
          double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
          gtk_adjustment_set_value (adjustment, range * ((i * 7) % 20) / 19.0);
        }
      gtk_widget_queue_draw (widget);
      settle ();
      t0 = g_get_monotonic_time ();
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)  /* nothing to draw yet */
        continue;
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (i >= 5)  /* the first frames build the text layouts */
        g_array_append_val (times, ms);
    }
  return times;
}

static GtkWidget *
show (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (child) || gtk_widget_get_width (child) == 0)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  return window;
}

static void
report (const char *what,
        GArray     *frames,
        double      yard,
        gboolean    target)
{
  double median = percentile (frames, 0.5);

  g_print ("  %s: median %.2f ms, p95 %.2f ms, max %.2f ms   %s  (× yardstick %.2f)\n",
           what, median, percentile (frames, 0.95), percentile (frames, 1.0),
           target ? "[target ≤ 16 ms]" : "[no target]", median / yard);
}

static gint64
at (const GDate *day,
    int          minutes)
{
  return cl_schedule_at (day, minutes);
}

/* Rooms with 5 000 bookings around today, and 40 escorts with 20
 * tasks each today, written straight into the store (demo data: past
 * days included, so not through the rules). */
static void
fill (CLStore *store,
      guint    n_bookings,
      GPtrArray *room_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) patients = cl_store_query_records (store, CL_TYPE_PATIENT, "deleted = 0 LIMIT 500", NULL);
  GDate today, day;
  guint made = 0;
  int slots = (17 * 60 + 30 - 8 * 60) / 30;
  int days = (n_bookings + N_ROOMS * slots - 1) / (N_ROOMS * slots);

  cl_date_today (&today);
  g_assert_true (cl_store_begin (store, &error));
  for (guint r = 0; r < N_ROOMS; r++)
    {
      g_autoptr(CLVipRoom) room = cl_vip_room_new ();
      g_autofree char *name = g_strdup_printf ("VIP %u", r + 1);

      cl_vip_room_set_name (room, name);
      cl_vip_room_set_location (room, "3F");
      cl_vip_room_set_opens (room, 8 * 60);
      cl_vip_room_set_closes (room, 17 * 60 + 30);
      cl_vip_room_set_slot_minutes (room, 30);
      cl_vip_room_set_active (room, TRUE);
      g_assert_true (cl_store_write_record (store, CL_RECORD (room), CL_WRITE_NO_OUTBOX, &error));
      g_ptr_array_add (room_ids, g_strdup (cl_record_get_id (CL_RECORD (room))));
    }
  for (int d = 0; d < days && made < n_bookings; d++)
    for (guint r = 0; r < N_ROOMS && made < n_bookings; r++)
      for (int s = 0; s < slots && made < n_bookings; s++, made++)
        {
          g_autoptr(CLVipBooking) booking = cl_vip_booking_new ();

          day = today;
          g_date_add_days (&day, d);
          g_date_subtract_days (&day, days / 2);
          cl_vip_booking_set_room_id (booking, g_ptr_array_index (room_ids, r));
          cl_vip_booking_set_patient_id (booking, cl_record_get_id (g_ptr_array_index (patients, made % patients->len)));
          cl_vip_booking_set_purpose (booking, cl_vip_booking_purposes ()[made % 4]);
          cl_vip_booking_set_start_at (booking, at (&day, 8 * 60 + s * 30));
          cl_vip_booking_set_end_at (booking, at (&day, 8 * 60 + s * 30 + 30));
          cl_vip_booking_set_status (booking, made % 7 == 0 ? CL_VIP_STATUS_DONE : CL_VIP_STATUS_BOOKED);
          cl_vip_booking_set_booked_by (booking, "bench");
          g_assert_true (cl_store_write_record (store, CL_RECORD (booking), CL_WRITE_NO_OUTBOX, &error));
        }
  for (guint e = 0; e < N_ESCORTS; e++)
    {
      g_autofree char *user = g_strdup_printf ("escort%02u", e);
      g_autofree char *name = g_strdup_printf ("陪诊员 %02u", e);
      g_autoptr(CLStaff) staff = cl_staff_new (user, name, CL_ROLE_ESCORT);

      g_assert_true (cl_store_write_record (store, CL_RECORD (staff), CL_WRITE_NO_OUTBOX, &error));
      for (guint t = 0; t < TASKS_PER_ESCORT; t++)
        {
          g_autoptr(CLEscortTask) task = cl_escort_task_new ();

          cl_escort_task_set_patient_id (task, cl_record_get_id (g_ptr_array_index (patients, (e * 20 + t) % patients->len)));
          cl_escort_task_set_kind (task, cl_escort_task_kinds ()[t % 5]);
          cl_escort_task_set_place_from (task, "门诊大厅");
          cl_escort_task_set_place_to (task, "超声科");
          cl_escort_task_set_escort_id (task, cl_record_get_id (CL_RECORD (staff)));
          cl_escort_task_set_start_at (task, at (&today, 7 * 60 + 30 + t * 30));
          cl_escort_task_set_end_at (task, at (&today, 7 * 60 + 30 + t * 30 + 30));
          cl_escort_task_set_status (task, CL_ESCORT_STATUS_PLANNED);
          g_assert_true (cl_store_write_record (store, CL_RECORD (task), CL_WRITE_NO_OUTBOX, &error));
        }
    }
  g_assert_true (cl_store_commit (store, &error));
}

int
main (int   argc,
      char *argv[])
{
  guint n_bookings = argc > 1 ? atoi (argv[1]) : 5000;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) room_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) yard = NULL;
  g_autoptr(GArray) week = NULL;
  g_autoptr(GArray) day = NULL;
  g_autoptr(GArray) escorts = NULL;
  g_autoptr(GArray) stress = NULL;
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) escort_loads = g_array_new (FALSE, FALSE, sizeof (double));
  double yard_median;
  GDate today;

  setlocale (LC_ALL, "");
  g_setenv ("TZ", "Asia/Shanghai", FALSE);
  gtk_init ();
  adw_init ();
  cl_application_load_resources ();
  cl_date_today (&today);

  dir = g_dir_make_tmp ("careline-bench-schedule-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "careline.db", NULL);
  store = cl_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (cl_demo_data_generate (store, 2000, 7, &error));
  /* Exactly the bookings and tasks counted below: the demo's own
   * schedule goes (this is a throw-away store). */
  g_assert_true (cl_store_exec (store, "DELETE FROM escort_task; DELETE FROM vip_booking; DELETE FROM vip_room;"
                                      " DELETE FROM staff WHERE role = 'escort';", &error));
  g_assert_no_error (error);
  fill (store, n_bookings, room_ids);
  /* The views as the window makes them: one context, the desk's own
   * store, an administrator who plans the day. */
  context = cl_context_new ();
  cl_context_set_store (context, store);
  cl_context_set_user (context, "bench", CL_ROLE_ADMIN);

  /* The yardstick: a bare window with one label, measured the same way. */
  {
    GtkWidget *label = gtk_label_new ("yardstick");
    GtkWidget *window = show (label);

    yard = time_frames (window, NULL);
    yard_median = percentile (yard, 0.5);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* VIP room week view: one room's week out of 5 000 bookings. */
  {
    CLVipView *view = g_object_new (CL_TYPE_VIP_VIEW, "context", context, NULL);
    GtkWidget *window = show (GTK_WIDGET (view));
    CLTimeGrid *grid = cl_vip_view_get_grid (view);
    GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));

    cl_vip_view_set_room (view, g_ptr_array_index (room_ids, 0));
    cl_vip_view_set_mode (view, "week");
    settle ();
    g_print ("VIP week: %u blocks in the grid\n", cl_time_grid_get_n_blocks (grid));
    week = time_frames (GTK_WIDGET (grid), vadj);

    /* Loading a week from the store into the grid, week after week. */
    for (int w = -3; w <= 3; w++)
      {
        GDate date = today;
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        g_date_add_days (&date, 7 * (w + 4));
        cl_vip_view_set_date (view, &date);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (loads, ms);
      }
    cl_vip_view_set_date (view, &today);
    cl_vip_view_set_mode (view, "day");
    settle ();
    day = time_frames (GTK_WIDGET (grid), vadj);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* Escort day view: 40 escorts × 20 tasks. */
  {
    CLEscortView *view = g_object_new (CL_TYPE_ESCORT_VIEW, "context", context, NULL);
    GtkWidget *window = show (GTK_WIDGET (view));
    CLTimeGrid *grid = cl_escort_view_get_grid (view);

    settle ();
    g_print ("escort day: %u columns, %u blocks\n", cl_time_grid_get_n_columns (grid), cl_time_grid_get_n_blocks (grid));
    escorts = time_frames (GTK_WIDGET (grid), gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid)));
    for (int i = 0; i < 7; i++)
      {
        GDate date = today;
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        g_date_add_days (&date, i % 2);
        cl_escort_view_set_date (view, &date);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (escort_loads, ms);
      }
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* Stress: every booking in the store in one week's grid. */
  {
    CLTimeGrid *grid = CL_TIME_GRID (cl_time_grid_new ());
    GtkWidget *scrolled = gtk_scrolled_window_new ();
    GtkWidget *window;
    g_autoptr(GPtrArray) all = cl_store_query_records (store, CL_TYPE_VIP_BOOKING, "deleted = 0", NULL);
    gint64 day0 = cl_schedule_day_start (&today);

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (grid));
    window = show (scrolled);
    cl_time_grid_set_range (grid, 8 * 60, 18 * 60);
    for (guint d = 0; d < 7; d++)
      cl_time_grid_add_column (grid, NULL, "day", NULL, day0 + d * 86400);
    for (guint i = 0; i < all->len; i++)
      {
        CLVipBooking *b = g_ptr_array_index (all, i);
        gint64 start = cl_vip_booking_get_start_at (b);
        gint64 offset = (start - day0) % 86400;

        if (offset < 0)
          offset += 86400;
        cl_time_grid_add_block (grid, cl_record_get_id (CL_RECORD (b)), i % 7, day0 + (i % 7) * 86400 + offset,
                                day0 + (i % 7) * 86400 + offset + 1800, "张小梅", "Consultation · Booked",
                                CL_TIME_GRID_SCHEDULED, TRUE);
      }
    settle ();
    stress = time_frames (GTK_WIDGET (grid), gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid)));
    gtk_window_destroy (GTK_WINDOW (window));
  }

  g_print ("\nschedule benchmark, %u bookings, %u escorts × %u tasks, %d frames each (1280×800, cairo)\n",
           n_bookings, N_ESCORTS, TASKS_PER_ESCORT, FRAMES);
  g_print ("  yardstick: a bare window with a label, whole window: median %.2f ms, p95 %.2f ms\n",
           yard_median, percentile (yard, 0.95));
  report ("VIP room week view (one room's week), frame", week, yard_median, TRUE);
  report ("VIP rooms day view (all rooms), frame", day, yard_median, TRUE);
  report ("escort day view (40 escorts × 20 tasks, scrolling across), frame", escorts, yard_median, TRUE);
  report ("time grid with all bookings in one week (stress), frame", stress, yard_median, FALSE);
  g_print ("  loading a VIP week from the store into the grid: median %.2f ms, max %.2f ms\n",
           percentile (loads, 0.5), percentile (loads, 1.0));
  g_print ("  loading the escort day (40 × 20) into the grid: median %.2f ms, max %.2f ms\n",
           percentile (escort_loads, 0.5), percentile (escort_loads, 1.0));

  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
