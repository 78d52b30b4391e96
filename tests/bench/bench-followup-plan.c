/* bench-followup-plan: what planning follow-up items adds to a desk's
 * save.  A save of a patient and her pregnancy (cl_patient_store_save(),
 * one transaction) plans her pregnancy again at commit from the
 * pathway rules; the latency benchmarks run with CARELINE_FOLLOWUP_RULES
 * naming an empty file, so they leave that out.  Here, in a store of
 * 100 000 patients (demo data), 31 of them with ongoing pregnancies are
 * saved (three rounds, so 93 saves of each kind):
 *
 *   - an edit that moves nothing (her phone number): the plan is made
 *     and compared with her stored items, nothing is written;
 *   - a corrected due date (3 days later, then back): her open items move.
 *
 * each with the shipped data/followup-rules.ini, and again in a child
 * process with the empty rules, so the difference is planning.  A save's
 * commit waits for the disk, which varies more than planning costs, so
 * planning is also timed alone: cl_followup_store_replan() of her
 * pregnancy when nothing changed (every read and the reconciliation,
 * nothing to write).  Median
 * and p95; target ≤ 50 ms a save (the Today view's budget).  Yardstick,
 * interleaved in the same run: a full scan of the patient table.
 *
 * Usage: bench-followup-plan [N_PATIENTS]   (default 100 000; the store
 * is kept in $TMPDIR between runs) */

#define G_LOG_DOMAIN "bench-followup-plan"

#include "config.h"

#include <stdlib.h>

#include "cl-date.h"
#include "cl-demo-data.h"
#include "cl-followup-store.h"
#include "cl-patient-store.h"
#include "cl-store-private.h"

#define RUNS 31
#define ROUNDS 3   /* each patient saved this many times of each kind */
#define TARGET_MS 50.0

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
  sqlite3 *db = cl_store_open_reader (store, NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  sqlite3_prepare_v2 (db, "SELECT sum(length(name) + length(phone)) FROM patient", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Her ongoing pregnancies' patients, the first RUNS by rowid. */
static GPtrArray *
patients_to_save (CLStore *store)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = cl_store_prepare (store, "SELECT p.id FROM patient p JOIN pregnancy g ON g.patient_id = p.id"
                                  " WHERE p.deleted = 0 AND g.deleted = 0 AND g.status = 'ongoing'"
                                  " ORDER BY p.rowid LIMIT 31", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_assert_cmpuint (ids->len, ==, RUNS);
  return ids;
}

static double
timed_save (CLStore     *store,
            CLPatient   *patient,
            CLPregnancy *pregnancy)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  if (!cl_patient_store_save (store, patient, pregnancy, NULL, &error))
    g_error ("save: %s", error->message);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* The two kinds of save for each patient, planning alone, and the
 * yardstick: median and p95 of each into @out (eight numbers). */
static void
measure (CLStore *store,
         double   out[8])
{
  g_autoptr(GPtrArray) ids = patients_to_save (store);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scans = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plans = g_array_new (FALSE, FALSE, sizeof (double));

  time_full_scan (store);
  for (guint k = 0; k < ROUNDS * ids->len; k++)
    {
      guint i = k % ids->len;
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(CLPatient) patient = CL_PATIENT (cl_store_load_record (store, CL_TYPE_PATIENT, id, NULL));
      g_autoptr(CLPregnancy) pregnancy = cl_patient_store_current_pregnancy (store, id);
      g_autofree char *phone = g_strdup (cl_patient_get_phone (patient));
      g_autofree char *other = g_strdup (phone);
      g_autofree char *corrected = NULL;
      GDate edd;
      double t;

      /* Untimed: a demo store is loaded in bulk, unplanned; a desk's
       * first save of her plans everything once. */
      if (k < ids->len)
        timed_save (store, patient, pregnancy);

      other[strlen (other) - 1] = other[strlen (other) - 1] == '1' ? '2' : '1';
      cl_patient_set_phone (patient, other);
      t = timed_save (store, patient, pregnancy);
      g_array_append_val (edits, t);
      cl_patient_set_phone (patient, phone);
      timed_save (store, patient, pregnancy);

      g_assert_true (cl_date_parse (cl_pregnancy_get_effective_edd (pregnancy), &edd, NULL));
      g_date_add_days (&edd, 3);
      corrected = cl_date_to_iso (&edd);
      cl_pregnancy_set_corrected_edd (pregnancy, corrected);
      t = timed_save (store, patient, pregnancy);
      g_array_append_val (moves, t);
      cl_pregnancy_set_corrected_edd (pregnancy, NULL);
      timed_save (store, patient, pregnancy);

      {
        g_autoptr(GError) error = NULL;
        gint64 t0 = g_get_monotonic_time ();

        g_assert_true (cl_followup_store_replan (store, cl_record_get_id (CL_RECORD (pregnancy)), &error));
        t = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (plans, t);
      }

      t = time_full_scan (store);
      g_array_append_val (scans, t);
    }
  out[0] = percentile (edits, 0.5);
  out[1] = percentile (edits, 0.95);
  out[2] = percentile (moves, 0.5);
  out[3] = percentile (moves, 0.95);
  out[4] = percentile (scans, 0.5);
  out[5] = percentile (scans, 0.95);
  out[6] = percentile (plans, 0.5);
  out[7] = percentile (plans, 0.95);
}

int
main (int   argc,
      char *argv[])
{
  gboolean child = argc > 2 && g_str_equal (argv[2], "--without-planning");
  guint n_patients = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *none = NULL;
  g_autofree char *child_out = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double with[8], without[8];
  gboolean ok;

  rules = g_build_filename (SOURCE_ROOT, "data", "followup-rules.ini", NULL);
  none = g_build_filename (SOURCE_ROOT, "tests", "data", "followup-rules-none.ini", NULL);
  g_setenv ("CARELINE_FOLLOWUP_RULES", child ? none : rules, TRUE);

  dir = g_strdup_printf ("%s/careline-bench-followup-plan-%u", g_get_tmp_dir (), n_patients);
  g_mkdir_with_parents (dir, 0700);
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

  if (child)
    {
      measure (store, without);
      for (guint i = 0; i < 8; i++)
        g_print ("%f%c", without[i], i < 7 ? ' ' : '\n');
      return 0;
    }

  measure (store, with);
  g_clear_object (&store);
  {
    g_autofree char *n = g_strdup_printf ("%u", n_patients);
    const char *child_argv[] = { argv[0], n, "--without-planning", NULL };
    g_auto(GStrv) numbers = NULL;
    int status;

    if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &child_out, NULL,
                       &status, &error) || !g_spawn_check_wait_status (status, &error))
      g_error ("the run without planning failed: %s", error->message);
    numbers = g_strsplit (g_strstrip (child_out), " ", -1);
    g_assert_cmpuint (g_strv_length (numbers), ==, 8);
    for (guint i = 0; i < 8; i++)
      without[i] = g_ascii_strtod (numbers[i], NULL);
  }

  ok = with[1] <= TARGET_MS && with[3] <= TARGET_MS && with[7] <= TARGET_MS;
  g_print ("desk save of a patient and her pregnancy, %u patients in the store, %d saves of each kind:\n",
           n_patients, RUNS * ROUNDS);
  g_print ("  an edit that moves nothing:  with the shipped rules median %.2f ms, p95 %.2f ms;"
           " without planning median %.2f ms, p95 %.2f ms\n", with[0], with[1], without[0], without[1]);
  g_print ("  a corrected due date:        with the shipped rules median %.2f ms, p95 %.2f ms;"
           " without planning median %.2f ms, p95 %.2f ms\n", with[2], with[3], without[2], without[3]);
  g_print ("  planning adds (medians): %.2f ms to an edit, %.2f ms to a corrected due date  (target ≤ %.0f ms a save)\n",
           with[0] - without[0], with[2] - without[2], TARGET_MS);
  g_print ("  planning alone (cl_followup_store_replan, nothing changed): median %.2f ms, p95 %.2f ms"
           " (with the empty rules: median %.2f ms)\n", with[6], with[7], without[6]);
  g_print ("yardstick: full scan of the %u patients: median %.2f ms, p95 %.2f ms (the run without planning: %.2f ms)\n",
           n_patients, with[4], with[5], without[4]);
  g_print ("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
