/* Roster benchmark on a 100 000-patient store (issue #2):
 *  - launch to the roster's first frame with rows (bench-roster-app:
 *    the real app with a probe that prints the monotonic time of its
 *    first frame, spawned),
 *  - its peak RSS at that moment,
 *  - search latency per keystroke for 20 typical queries (p50/p95),
 * each beside a yardstick measured in the same run, because this
 * machine is shared and noisy: a bare GTK window's first frame, and a
 * full scan of the patient table.
 *
 * Usage: bench-roster BENCH_ROSTER_APP YARDSTICK_WINDOW [N_PATIENTS]
 * Run under a display (meson benchmark wraps it in xvfb-run). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cl-demo-data.h"
#include "cl-patient-store.h"
#include "cl-roster-model.h"
#include "cl-store-private.h"

#define RUNS 7

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
  guint index;

  g_array_sort (values, compare_double);
  index = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, index);
}

/* Spawns @argv, waits for its "first-frame-us T rows N rss-kb K" line,
 * and returns the milliseconds from just before the spawn to T. */
static double
time_first_frame (const char * const *argv,
                  long               *rss_kb,
                  guint              *rows)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 start, frame = 0;
  const char *line;

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);

  line = out ? strstr (out, "first-frame-us ") : NULL;
  if (line == NULL)
    g_error ("%s printed no first-frame line: %s", argv[0], out ? out : "(nothing)");
  if (sscanf (line, "first-frame-us %" G_GINT64_FORMAT " rows %u rss-kb %ld", &frame, rows, rss_kb) != 3)
    g_error ("cannot parse: %s", line);

  return (frame - start) / 1000.0;
}

static double
time_full_scan (CLStore *store)
{
  sqlite3 *db = cl_store_open_reader (store, NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  sqlite3_prepare_v2 (db, "SELECT sum(length(name) + length(phone)) FROM patient", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *queries[] = {
    "zxm", "zhang", "wang li", "liuyan", "chen", "lxy", "5678", "1381",
    "李", "王芳", "zhaomin", "hj", "yang", "sl", "MZ3", "1101051990",
    "huang", "xiaomei", "wu", "zy",
  };
  g_autoptr(GArray) launch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) yard_launch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scans = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLRosterModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  guint n_patients = argc > 3 ? atoi (argv[3]) : 100000;
  long rss_kb = 0, yard_rss = 0, max_rss = 0, settled_rss = 0;
  guint rows = 0, dummy;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("usage: %s BENCH_ROSTER_APP YARDSTICK_WINDOW [N_PATIENTS]\n", argv[0]);
      return 2;
    }

  /* The store is kept between runs: generating 100 000 patients is not
   * what is being measured. */
  dir = g_strdup_printf ("%s/careline-bench-%u", g_get_tmp_dir (), n_patients);
  db = g_build_filename (dir, "careline.db", NULL);
  store = cl_store_open (db, &error);
  g_assert_no_error (error);
  if (cl_patient_store_count (store) == 0)
    {
      gint64 t0 = g_get_monotonic_time ();

      g_print ("generating %u patients in %s …\n", n_patients, db);
      g_assert_true (cl_demo_data_generate (store, n_patients, 7, &error));
      g_assert_no_error (error);
      g_print ("generated in %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);
    }
  g_assert_cmpint (cl_patient_store_count (store), ==, n_patients);

  /* 1. Launch to first frame, interleaved with the yardstick window so
   * both see the same machine load.  The first run warms the caches. */
  for (guint i = 0; i < RUNS; i++)
    {
      const char *app_argv[] = { argv[1], "--data-dir", dir, NULL };
      const char *yard_argv[] = { argv[2], NULL };
      double t = time_first_frame (app_argv, &rss_kb, &rows);
      double y = time_first_frame (yard_argv, &yard_rss, &dummy);

      g_assert_cmpuint (rows, ==, n_patients);
      max_rss = MAX (max_rss, rss_kb);
      if (i == 0)
        {
          g_print ("launch (cold-ish): %.1f ms, yardstick %.1f ms\n", t, y);
          continue;
        }
      g_array_append_val (launch, t);
      g_array_append_val (yard_launch, y);
    }

  /* 2. Search, keystroke by keystroke, as the search entry sends it. */
  model = cl_roster_model_new (store);
  cl_roster_model_query_sync (model, NULL);
  {
    /* As in the running app, the prefix index for broad queries is
     * built in the background after the first load. */
    gint64 t0 = g_get_monotonic_time ();

    cl_roster_model_reload (model);
    while (!cl_roster_model_get_indexed (model))
      g_main_context_iteration (NULL, TRUE);
    g_print ("prefix index built in %.0f ms after the first load\n",
             (g_get_monotonic_time () - t0) / 1000.0);
  }
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *query = queries[q];

      for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
        {
          g_autofree char *typed = g_strndup (query, end - query);
          gint64 t0 = g_get_monotonic_time ();
          guint n, shown;
          double ms;

          cl_roster_model_set_query (model, typed);
          /* set_query started an async query; the sync one answers the
           * same question on this thread, which is what is timed. */
          n = cl_roster_model_query_sync (model, NULL);
          /* The first screenful of rows is built as the list would. */
          shown = MIN (n, 30);
          for (guint i = 0; i < shown; i++)
            g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (keystrokes, ms);

          if (*end == '\0')
            break;
        }
      {
        double s = time_full_scan (store);
        g_array_append_val (scans, s);
      }
    }
  /* Let the async queries set off above finish before exiting. */
  while (cl_roster_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);

  /* Peak memory once the roster has grown all its rows and built its
   * search index, a few seconds after launch. */
  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                         G_SUBPROCESS_FLAGS_STDERR_SILENCE);
    g_autoptr(GSubprocess) process = NULL;
    g_autofree char *out = NULL;
    const char *line;

    g_subprocess_launcher_setenv (launcher, "CARELINE_BENCH_SETTLE", "1", TRUE);
    g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
    process = g_subprocess_launcher_spawn (launcher, &error, argv[1], "--data-dir", dir, NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
    g_assert_no_error (error);
    line = out ? strstr (out, "settled-rss-kb ") : NULL;
    settled_rss = line ? strtol (line + 15, NULL, 10) : -1;
  }

  g_print ("\nroster benchmark, %u patients\n", n_patients);
  g_print ("  first frame (warm, median of %u): %.1f ms   [target ≤ 400 ms]\n",
           launch->len, percentile (launch, 0.5));
  g_print ("  yardstick: bare GTK window first frame: %.1f ms  (ratio %.2f)\n",
           percentile (yard_launch, 0.5), percentile (launch, 0.5) / percentile (yard_launch, 0.5));
  g_print ("  peak RSS at first frame: %.1f MB   [target ≤ 150 MB]  (bare GTK window: %.1f MB)\n",
           max_rss / 1024.0, yard_rss / 1024.0);
  g_print ("  peak RSS 4 s after launch (all rows grown, search index built): %.1f MB\n",
           settled_rss / 1024.0);
  g_print ("  search per keystroke (%u keystrokes, 20 queries): p50 %.2f ms, p95 %.2f ms, max %.2f ms   [target p95 ≤ 16 ms]\n",
           keystrokes->len, percentile (keystrokes, 0.5), percentile (keystrokes, 0.95),
           percentile (keystrokes, 1.0));
  g_print ("  yardstick: full scan of the patient table: median %.2f ms  (p95 keystroke / scan = %.2f)\n",
           percentile (scans, 0.5), percentile (keystrokes, 0.95) / percentile (scans, 0.5));

  return 0;
}
