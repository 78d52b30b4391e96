/* The yardstick for the launch benchmark: a bare GTK window with one
 * label, printing the time of its first frame the way careline does. */

#include <gtk/gtk.h>

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  static gboolean done;
  g_autofree char *status = NULL;
  const char *hwm;

  if (done)
    return;
  done = TRUE;
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  hwm = status ? strstr (status, "VmHWM:") : NULL;
  g_print ("first-frame-us %" G_GINT64_FORMAT " rows 0 rss-kb %ld\n",
           g_get_monotonic_time (), hwm ? strtol (hwm + 6, NULL, 10) : -1L);
  exit (0);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("yardstick"));
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
