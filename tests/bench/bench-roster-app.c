/* The careline app with the timing hooks of tests/bench/bench-roster:
 * the same application (careline-app's library, what main.c runs),
 * plus a probe that watches the roster through its public API and
 * prints
 *
 *   first-frame-us T rows N rss-kb K
 *
 * after the first frame that shows rows (T on the monotonic clock,
 * which all processes share, so the bench measures from before it
 * spawned us), then quits; with CARELINE_BENCH_SETTLE it stays until
 * the rows have grown and the search index is built, and prints
 * "settled-rss-kb K" first.  Only the benchmark builds this program:
 * the shipped app carries no benchmark code. */

#define G_LOG_DOMAIN "bench-roster-app"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cl-application.h"
#include "cl-roster-view.h"
#include "cl-window.h"

typedef struct
{
  CLRosterView  *view;
  CLRosterModel *model;
  gboolean       watching;
  gboolean       done;
} Probe;

static Probe probe;

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  hwm = status ? strstr (status, "VmHWM:") : NULL;
  return hwm ? strtol (hwm + 6, NULL, 10) : -1L;
}

static gboolean
print_settled_cb (gpointer user_data)
{
  g_print ("settled-rss-kb %ld\n", peak_rss_kb ());
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (probe.done)
    return;
  probe.done = TRUE;

  g_print ("first-frame-us %" G_GINT64_FORMAT " rows %u rss-kb %ld\n",
           g_get_monotonic_time (),
           g_list_model_get_n_items (G_LIST_MODEL (probe.model)),
           peak_rss_kb ());

  if (g_getenv ("CARELINE_BENCH_SETTLE"))
    g_timeout_add_seconds (4, print_settled_cb, NULL);
  else
    g_application_quit (g_application_get_default ());
}

static void
watch_first_frame (GtkWidget *column_view)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (column_view);

  if (clock && !probe.watching)
    {
      probe.watching = TRUE;
      g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), NULL);
    }
}

/* Runs after the view's own handlers of the same notifications, where
 * the hooks used to sit in the view. */
static void
model_changed_cb (void)
{
  GtkWidget *column_view = GTK_WIDGET (cl_roster_view_get_column_view (probe.view));

  if (probe.done || probe.watching ||
      g_list_model_get_n_items (G_LIST_MODEL (probe.model)) == 0)
    return;
  if (gtk_widget_get_mapped (column_view))
    watch_first_frame (column_view);
  else
    g_signal_connect (column_view, "map", G_CALLBACK (watch_first_frame), NULL);
}

static void
store_cb (CLContext *context)
{
  if (probe.model != NULL || cl_context_get_store (context) == NULL)
    return;
  /* The view, connected first, has made its model by now. */
  probe.model = cl_roster_view_get_model (probe.view);
  g_signal_connect (probe.model, "notify::loaded", G_CALLBACK (model_changed_cb), NULL);
  g_signal_connect (probe.model, "notify::loading", G_CALLBACK (model_changed_cb), NULL);
  g_signal_connect (probe.model, "notify::n-items", G_CALLBACK (model_changed_cb), NULL);
  model_changed_cb ();
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (!CL_IS_WINDOW (window) || probe.view != NULL)
    return;
  probe.view = CL_ROSTER_VIEW (cl_window_get_roster_view (CL_WINDOW (window)));
  g_signal_connect (cl_window_get_context (CL_WINDOW (window)), "notify::store",
                    G_CALLBACK (store_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CLApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CARELINE_LOCALEDIR") ? g_getenv ("CARELINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cl_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
