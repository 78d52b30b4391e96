/* Sync benchmark (issue #3), against the real careline-server:
 *  (a) the first pull of a 100 000-patient server into an empty desk,
 *      in rows per second (target ≥ 20 000/s): by the snapshot an empty
 *      desk starts from, and by replaying the change feed (how a desk
 *      catches up after a long time offline);
 *  (b) the push of 10 000 outbox changes, in rows per second;
 *  (c) a write at one desk until it shows at another that only listens
 *      to /api/v1/events: 50 samples, p50 and p95 (target p95 ≤ 50 ms, issue #13).
 *
 * Yardstick, measured in the same run (before and after): the least a
 * desk must do per pulled record, alone: decode its JSON (json-glib)
 * and insert one row into an indexed SQLite table, in one transaction
 * per 1000 rows, with the store's pragmas.  Rates are also given as a
 * fraction of it.
 *
 * The server's data file is made once (demo data, then a change feed
 * written for every record, as if each had been pushed) and kept in
 * /tmp/careline-bench-sync-N; each run works on a copy.
 *
 * Usage: bench-sync CARELINE_SERVER [N_PATIENTS [PART]], PART one of
 * pull (both ways), snapshot, feed, push, latency (default: all). */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>

#include "cl-demo-data.h"
#include "cl-patient-store.h"
#include "cl-sync-client.h"
#include "cl-tables.h"
#include "cl-test-desk.h"
#include "cl-test-util.h"

#define PASSWORD "bench-password"
#define N_PUSH 10000
#define N_LATENCY 50

static const char *server_binary;

static char *
make_server_template (guint n_patients)
{
  g_autofree char *dir = g_strdup_printf ("%s/careline-bench-sync-%u", g_get_tmp_dir (), n_patients);
  char *path = g_build_filename (dir, "server.db", NULL);
  g_autofree char *ready = g_build_filename (dir, "ready", NULL);

  if (!g_file_test (ready, G_FILE_TEST_EXISTS))
    {
      g_autoptr(CLStore) store = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_mkdir_with_parents (dir, 0700);
      g_unlink (path);
      store = cl_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (cl_demo_data_generate (store, n_patients, 7, &error));
      g_assert_no_error (error);
      cl_test_store_fill_change_log (store);
      g_clear_object (&store);
      g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "bench",
                                               "--role", "admin", "--db", path, NULL), ==, 0);
      g_file_set_contents (ready, "", 0, NULL);
      g_print ("made the server's data (%u patients) in %.1f s\n", n_patients,
               (g_get_monotonic_time () - start) / 1e6);
    }
  return path;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
rejected_cb (CLSyncClient *client,
             const char   *table,
             const char   *record_id,
             const char   *reason,
             const char   *message,
             gpointer      data)
{
  g_error ("the server refused %s %s: %s", table, record_id, message);
}

/* What the server accepts: a name and a mobile number. */
static CLPatient *
new_patient (const char *prefix,
             guint       i)
{
  CLPatient *patient = cl_patient_new ();
  g_autofree char *name = g_strdup_printf ("%s%05u", prefix, i);
  g_autofree char *phone = g_strdup_printf ("137%08u", g_random_int_range (0, 100000000));

  cl_patient_set_name (patient, name);
  cl_patient_set_phone (patient, phone);
  return patient;
}

static CLSyncClient *
desk_client (CLStore    *store,
             const char *url)
{
  CLSyncClient *client = cl_test_desk_login (store, url, "bench", PASSWORD);

  g_signal_connect (client, "rejected", G_CALLBACK (rejected_cb), NULL);
  return client;
}

/* CPU seconds this process (the desk: all its threads) has used. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double yardstick_rate;

/* Records per second of the yardstick (see the top of the file). */
static double
yardstick (const char *server_db,
           const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "yardstick.db", NULL);
  sqlite3 *from = NULL, *to = NULL;
  sqlite3_stmt *read = NULL, *insert = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 start, n = 0;

  g_assert_cmpint (sqlite3_open_v2 (server_db, &from, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open (path, &to), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (to, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                     "CREATE TABLE r (id TEXT PRIMARY KEY, rev INTEGER, name TEXT, data TEXT);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (from, "SELECT data FROM change_log ORDER BY rev", -1, &read, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (to, "INSERT OR REPLACE INTO r VALUES (?1, ?2, ?3, ?4)", -1, &insert, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  sqlite3_exec (to, "BEGIN", NULL, NULL, NULL);
  while (sqlite3_step (read) == SQLITE_ROW)
    {
      const char *data = (const char *) sqlite3_column_text (read, 0);
      JsonObject *object;

      g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
      object = json_node_get_object (json_parser_get_root (parser));
      sqlite3_bind_text (insert, 1, json_object_get_string_member (object, "id"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 2, json_object_get_int_member (object, "rev"));
      sqlite3_bind_text (insert, 3, json_object_get_string_member_with_default (object, "name", NULL), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, data, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
      if (++n % 1000 == 0)
        {
          sqlite3_exec (to, "COMMIT", NULL, NULL, NULL);
          sqlite3_exec (to, "BEGIN", NULL, NULL, NULL);
        }
    }
  sqlite3_exec (to, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (read);
  sqlite3_finalize (insert);
  sqlite3_close (from);
  sqlite3_close (to);
  g_unlink (path);
  return n / ((g_get_monotonic_time () - start) / 1e6);
}

/* Rows that came from the server, in every synced table. */
static gint64
count_pulled_rows (CLStore *store)
{
  const char * const *tables = cl_tables_list ();
  gint64 rows = 0;

  for (guint t = 0; tables[t]; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE rev > 0", tables[t]);

      rows += cl_test_store_count (store, sql);
    }
  return rows;
}

/* (a) by the snapshot an empty desk starts from, or (@feed) by
 * replaying the change feed record by record, as a desk that has been
 * offline a long time catches up. */
static void
bench_pull (CLStore    *store,
            const char *url,
            gboolean    feed,
            const char *label)
{
  g_autoptr(CLSyncClient) client = NULL;
  gint64 start, patients, rows;
  double seconds, cpu;

  if (feed)
    g_setenv ("CARELINE_SYNC_SNAPSHOT", "0", TRUE);
  client = desk_client (store, url);
  g_unsetenv ("CARELINE_SYNC_SNAPSHOT");

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  cl_test_desk_sync (client);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;

  patients = cl_test_store_count (store, "SELECT count(*) FROM patient");
  rows = count_pulled_rows (store);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM roster"), ==, patients);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM search_key"), >, 3 * patients);
  g_print ("(a) %s: %" G_GINT64_FORMAT " rows (%" G_GINT64_FORMAT " patients) in %.2f s:"
           " %.0f rows/s, %.0f patients/s (target ≥ 20 000/s);"
           " the desk used %.2f CPU s, %.0f rows per CPU s; %.1f %% of the yardstick\n",
           label, rows, patients, seconds, rows / seconds, patients / seconds,
           cpu, rows / cpu, 100 * (rows / seconds) / yardstick_rate);
}

static void
n_waiting_cb (CLSyncClient *client,
              GParamSpec   *pspec,
              gint64       *done_at)
{
  if (cl_sync_client_get_n_waiting (client) == 0 && *done_at == 0)
    *done_at = g_get_monotonic_time ();
}

/* (b) */
static void
bench_push (CLStore    *store,
            const char *url)
{
  g_autoptr(CLSyncClient) client = desk_client (store, url);
  g_autoptr(GError) error = NULL;
  gint64 start, pushed_at = 0, end;

  cl_test_desk_sync (client);

  /* Ten thousand changes waiting, as after a long day offline. */
  g_assert_true (cl_store_begin (store, &error));
  for (guint i = 0; i < N_PUSH; i++)
    {
      g_autoptr(CLPatient) patient = new_patient ("推送测试", i);

      g_assert_true (cl_store_write_record (store, CL_RECORD (patient), CL_WRITE_DEFAULT, &error));
    }
  g_assert_true (cl_store_commit (store, &error));
  g_assert_cmpint (cl_store_count_outbox (store), ==, N_PUSH);

  g_signal_connect (client, "notify::n-waiting", G_CALLBACK (n_waiting_cb), &pushed_at);
  start = g_get_monotonic_time ();
  cl_test_desk_sync (client);
  end = g_get_monotonic_time ();
  g_assert_cmpint (cl_store_count_outbox (store), ==, 0);
  g_assert_cmpint (pushed_at, >, 0);

  g_print ("(b) push of %u outbox changes: %.2f s, %.0f rows/s, %.1f %% of the yardstick"
           " (the round with the pull of them back: %.2f s)\n",
           N_PUSH, (pushed_at - start) / 1e6, N_PUSH / ((pushed_at - start) / 1e6),
           100 * (N_PUSH / ((pushed_at - start) / 1e6)) / yardstick_rate,
           (end - start) / 1e6);
}

static void
changed_cb (CLStore    *store,
            const char *table,
            gboolean   *flag)
{
  *flag = TRUE;
}

/* (c) */
static void
bench_latency (CLStore    *a,
               CLStore    *b,
               const char *url)
{
  g_autoptr(CLSyncClient) client_a = desk_client (a, url);
  g_autoptr(CLSyncClient) client_b = desk_client (b, url);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean changed = FALSE;

  cl_test_desk_sync (client_a);
  cl_test_desk_sync (client_b);
  /* Both event sockets open, nothing left to do. */
  cl_test_spin (1000);

  g_signal_connect (b, "changed::patient", G_CALLBACK (changed_cb), &changed);
  for (guint i = 0; i < N_LATENCY; i++)
    {
      g_autoptr(CLPatient) patient = new_patient ("时延测试", i);
      g_autoptr(GError) error = NULL;
      gint64 start;
      double ms;

      /* People do not save in lockstep with the feed. */
      cl_test_spin (g_random_int_range (50, 300));

      start = g_get_monotonic_time ();
      g_assert_true (cl_store_save_record (a, CL_RECORD (patient), &error));
      for (;;)
        {
          g_autoptr(CLRecord) seen = NULL;

          changed = FALSE;
          cl_test_wait_flag (&changed);
          seen = cl_store_load_record (b, CL_TYPE_PATIENT, cl_record_get_id (CL_RECORD (patient)), NULL);
          if (seen)
            break;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }
  g_signal_handlers_disconnect_by_data (b, &changed);

  g_print ("(c) write at desk A to visible at desk B (events), %u samples:"
           " p50 %.0f ms, p95 %.0f ms, max %.0f ms (target p95 ≤ 50 ms)\n",
           N_LATENCY, cl_test_percentile (samples, 0.5), cl_test_percentile (samples, 0.95),
           cl_test_percentile (samples, 1.0));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *template = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLStore) first = NULL;
  g_autoptr(CLStore) second = NULL;
  guint n_patients = 100000;
  const char *part = NULL;

  setlocale (LC_ALL, "");
  /* The first pull of 100 000 patients may take minutes on a busy
   * machine; the benchmark's own timeout bounds it. */
  cl_test_set_wait_limit (1800);
  if (argc < 2)
    {
      g_printerr ("usage: bench-sync CARELINE_SERVER [N_PATIENTS [pull|snapshot|feed|push|latency]]\n");
      return 2;
    }
  server_binary = argv[1];
  if (argc > 2)
    n_patients = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (argc > 3)
    part = argv[3];

  template = make_server_template (n_patients);
  dir = cl_test_make_tmp_dir ("bench-sync");
  db = g_build_filename (dir, "server.db", NULL);
  copy_file (template, db);
  yardstick_rate = yardstick (template, dir);
  g_print ("yardstick: decode + insert %.0f records/s\n", yardstick_rate);
  server = cl_test_start_server_at (server_binary, db, "127.0.0.1:0", &url, NULL);

  first = cl_test_desk_open_store (dir, "desk-a");
  if (part == NULL || g_str_equal (part, "pull") || g_str_equal (part, "snapshot"))
    bench_pull (first, url, FALSE, "first pull into an empty desk (snapshot)");
  if (part == NULL || g_str_equal (part, "push"))
    bench_push (first, url);
  second = cl_test_desk_open_store (dir, "desk-b");
  if (part == NULL || g_str_equal (part, "pull") || g_str_equal (part, "feed"))
    bench_pull (second, url, TRUE, "the same by the change feed");
  if (part == NULL || g_str_equal (part, "latency"))
    bench_latency (first, second, url);

  {
    double after = yardstick (template, dir);

    g_print ("yardstick again: %.0f records/s; mean %.0f records/s\n", after,
             (yardstick_rate + after) / 2);
  }
  g_clear_object (&first);
  g_clear_object (&second);
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (dir);
  return 0;
}
