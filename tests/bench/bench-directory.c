/* bench-directory: the service desk's directory search as the desk
 * types, over a directory of a few thousand entries (by default 3 000
 * doctors with about 6 000 weekly sessions, 15 departments, 3 000
 * prices and the 10 procedures): cl_store_directory_search() for every
 * prefix of a few typical queries ("zhang", "ck", "chanke", "产科",
 * "gh0", "guahao"), 20 results of each kind as the Directory page asks,
 * and today's sessions (cl_store_sessions_on()).  Median and p95 of 31
 * runs each; target ≤ 16 ms (a keystroke within one frame).
 *
 * Yardstick, measured in the same run: a full scan of the doctor
 * table's names, so the ratio says what a search costs next to reading
 * the directory once on this machine.
 *
 * Usage: bench-directory [N_DOCTORS]   (default 3 000) */

#define G_LOG_DOMAIN "bench-directory"

#include "config.h"

#include <stdlib.h>

#include "cl-demo-directory.h"
#include "cl-directory-keys.h"
#include "cl-directory-store.h"
#include "cl-store-directory.h"
#include "cl-store-private.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

#define RUNS 31
#define LIMIT 20
#define TARGET_MS 16.0

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

static double
time_full_scan (CLStore *store)
{
  g_autoptr(GPtrArray) all = NULL;
  gint64 start = g_get_monotonic_time ();

  all = cl_store_doctors (store, FALSE);
  g_assert_cmpuint (all->len, >, 0);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
add_prices (CLStore *store,
            guint    n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLServicePrice) price = cl_service_price_new ();
      g_autofree char *code = g_strdup_printf ("X%05u", i);
      g_autofree char *name = g_strdup_printf ("检查项目%u号", i);

      cl_service_price_set_code (price, code);
      cl_service_price_set_name (price, name);
      cl_service_price_set_price_fen (price, 100 + i);
      g_assert_true (cl_store_write_record (store, CL_RECORD (price), CL_WRITE_NO_OUTBOX, &error));
    }
  g_assert_true (cl_store_commit (store, &error));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const queries[] = { "zhang", "ck", "chanke", "产科", "gh0", "guahao" };
  guint n_doctors = argc > 1 ? atoi (argv[1]) : 3000;
  g_autofree char *dir = cl_test_make_tmp_dir ("bench-directory");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start;
  double worst_p95 = 0, scan;

  store = cl_store_open (path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (cl_store_begin (store, &error));
  g_assert_true (cl_demo_directory_generate (store, n_doctors, 7, &error));
  g_assert_true (cl_store_commit (store, &error));
  add_prices (store, n_doctors);
  g_print ("directory of %u doctors, %u prices written in %.0f ms (%" G_GINT64_FORMAT " keys)\n",
           n_doctors, n_doctors, (g_get_monotonic_time () - start) / 1000.0,
           cl_test_store_count (store, "SELECT count(*) FROM directory_key"));

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      guint found = 0;

      /* Every prefix, as it is typed. */
      for (guint run = 0; run < RUNS; run++)
        for (const char *end = g_utf8_next_char (queries[q]); ; end = g_utf8_next_char (end))
          {
            g_autofree char *typed = g_strndup (queries[q], end - queries[q]);
            g_autofree char *key = cl_directory_query_key (typed);
            g_autoptr(GPtrArray) results = NULL;
            gint64 t0 = g_get_monotonic_time ();
            double ms;

            results = cl_store_directory_search (store, key, LIMIT);
            ms = (g_get_monotonic_time () - t0) / 1000.0;
            g_array_append_val (times, ms);
            g_array_append_val (all, ms);
            if (*end == '\0')
              {
                found = results->len;
                break;
              }
          }
      g_print ("%-8s median %6.2f ms  p95 %6.2f ms  (%u found for the whole word)\n",
               queries[q], percentile (times, 0.5), percentile (times, 0.95), found);
      worst_p95 = MAX (worst_p95, percentile (times, 0.95));
    }

  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint run = 0; run < RUNS; run++)
      {
        g_autoptr(GPtrArray) sessions = NULL;
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        sessions = cl_store_sessions_on (store, "2026-11-23", 1);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (times, ms);
      }
    g_print ("today's sessions: median %6.2f ms  p95 %6.2f ms\n", percentile (times, 0.5), percentile (times, 0.95));
  }
  scan = time_full_scan (store);
  g_print ("yardstick, all doctors read: %.2f ms\n", scan);
  g_print ("search p95 worst %.2f ms, target %.0f ms: %s\n", worst_p95, TARGET_MS,
           worst_p95 <= TARGET_MS ? "met" : "MISSED");
  g_clear_object (&store);
  cl_test_remove_tree (dir);
  return worst_p95 <= TARGET_MS ? 0 : 1;
}
