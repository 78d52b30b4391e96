/* bench-demo-data: generating the default demo store (5 000 patients,
 * seed 1: what `meson compile -C build demo` makes before Careline's
 * first window), with the Service Desk's records (cl-demo-desk.c) and
 * without them (CL_DEMO_DATA_NO_DESK, which is everything else), the
 * two alternating so both see the same disk and load.  Median of RUNS
 * each, and the desk's share; target: the desk adds under 10 %.
 * Wall-clock time is what the user waits; the process's CPU time is
 * printed beside it because the wall clock of a shared machine is
 * noisy.
 *
 * Usage: bench-demo-data [N_PATIENTS [RUNS]]   (default 5 000, 5) */

#define G_LOG_DOMAIN "bench-demo-data"

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "cl-demo-data.h"
#include "cl-test-util.h"

#define TARGET_SHARE 10.0

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Seconds to generate a new store in @dir with @flags; the CPU seconds
 * it took go to @cpu. */
static double
time_generate (const char      *dir,
               guint            run,
               guint            n_patients,
               CLDemoDataFlags  flags,
               double          *cpu)
{
  g_autofree char *name = g_strdup_printf ("demo-%u-%d.db", run, flags);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = cl_store_open (path, &error);
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  *cpu = cpu_seconds ();
  g_assert_true (cl_demo_data_generate_full (store, n_patients, 1, flags, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  *cpu = cpu_seconds () - *cpu;
  g_clear_object (&store);
  return seconds;
}

int
main (int    argc,
      char **argv)
{
  guint n_patients = argc > 1 ? (guint) atoi (argv[1]) : 5000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  g_autofree char *dir = cl_test_make_tmp_dir ("bench-demo-data");
  g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) without_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) with_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  double a, b, ca, cb;

  for (guint run = 0; run < runs; run++)
    {
      double cpu_a, cpu_b;
      double t_a = time_generate (dir, run, n_patients, CL_DEMO_DATA_NO_DESK, &cpu_a);
      double t_b = time_generate (dir, run, n_patients, CL_DEMO_DATA_DEFAULT, &cpu_b);

      g_array_append_val (without, t_a);
      g_array_append_val (with, t_b);
      g_array_append_val (without_cpu, cpu_a);
      g_array_append_val (with_cpu, cpu_b);
      g_print ("run %u: without the desk %.3f s (CPU %.3f s), with it %.3f s (CPU %.3f s)\n",
               run + 1, t_a, cpu_a, t_b, cpu_b);
    }
  a = median (without);
  b = median (with);
  ca = median (without_cpu);
  cb = median (with_cpu);
  g_print ("demo store of %u patients, median of %u:\n"
           "  without the desk: %.3f s   CPU %.3f s\n"
           "  with the desk:    %.3f s   CPU %.3f s\n"
           "  the desk adds %+.1f %% (CPU %+.1f %%), target < %.0f %%\n",
           n_patients, runs, a, ca, b, cb, 100.0 * (b - a) / a, 100.0 * (cb - ca) / ca, TARGET_SHARE);
  cl_test_remove_tree (dir);
  return 0;
}
