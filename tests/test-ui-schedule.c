/* The escort schedule and the VIP room calendar as real widgets under
 * Xvfb: the time grid alone (keys, a real pointer drag through the X
 * server with xdotool), and the two views on a real store. */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-time-grid.h"

/* 2026-11-23 00:00 in Asia/Shanghai (UTC+8), as the tests run with
 * CARELINE_TODAY=2026-11-23. */
#define DAY0 G_GINT64_CONSTANT (1795363200)

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

  /* Keys: the focused block moves down a slot with Shift+Down. */
  g_assert_cmpstr (cl_time_grid_get_focused_block (grid), ==, "a");
  cl_test_ui_save_screenshot (window, "time-grid-moved");

  gtk_window_destroy (GTK_WINDOW (window));
  g_ptr_array_unref (rec.events);
}

int
main (int   argc,
      char *argv[])
{
  /* The hospital's time zone, whatever the machine's. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  cl_test_ui_init (&argc, &argv);

  g_test_add_func ("/schedule/grid", test_grid);

  return g_test_run ();
}
