/* The desktop half of sync against the real careline-server: two desks
 * that work while the server is down, a desk killed between its commit
 * and its push, and visit marks and orders between desks. */

#define G_LOG_DOMAIN "test-sync-offline"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cl-id-card.h"
#include "cl-patient-store.h"
#include "cl-store-private.h"
#include "cl-store.h"
#include "cl-sync-client.h"
#include "cl-test-desk.h"
#include "cl-test-util.h"
#include "cl-order-store.h"
#include "cl-visit-store.h"
#include "cl-test-sync.h"

static const char *server_binary;
static char *self_binary;

/* (1) Two desks edit while the server is down, then meet again. */
static void
test_sync_offline_converge (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *a = cl_test_sync_desk_new ("test-sync-a");
  CLTestSyncDesk *b = cl_test_sync_desk_new ("test-sync-b");
  g_autoptr(GError) error = NULL;
  g_autoptr(CLPatient) shared_a = NULL;
  g_autoptr(CLPatient) other_a = NULL;
  g_autoptr(CLPatient) other_b = NULL;
  g_autoptr(CLPatient) seen = NULL;
  g_autofree char *shared = NULL, *other = NULL, *new_a = NULL, *new_b = NULL;
  g_autofree char *dump_a = NULL, *dump_b = NULL;
  const char *tables[] = { "patient", "pregnancy", "risk_event", "roster" };

  cl_test_sync_desk_login (a, server->url, "desk_a");
  cl_test_sync_desk_login (b, server->url, "desk_b");

  /* Two patients both desks know. */
  shared = cl_test_sync_save_patient (a->store, 10, "王静");
  other = cl_test_sync_save_patient (b->store, 11, "陈晓燕");
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  cl_test_sync_desk_sync_ok (a);
  g_assert_cmpint (cl_patient_store_count (a->store), ==, 2);
  g_assert_cmpint (cl_patient_store_count (b->store), ==, 2);

  cl_test_sync_server_stop (server);

  /* Offline: each desk adds one and edits one the other made. */
  new_a = cl_test_sync_save_patient (a->store, 12, "刘芳");
  new_b = cl_test_sync_save_patient (b->store, 13, "赵丽");
  other_a = cl_test_sync_load_patient (a->store, other);
  cl_test_sync_edit_patient (a->store, other_a, "A: 已电话随访");
  other_b = cl_test_sync_load_patient (b->store, shared);
  cl_test_sync_edit_patient (b->store, other_b, "B: 预约了 B 超");

  g_assert_false (cl_test_sync_desk_sync (a, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (cl_sync_client_get_state (a->client), ==, CL_SYNC_STATE_OFFLINE);
  g_assert_nonnull (cl_sync_client_get_last_error (a->client));
  g_assert_cmpuint (cl_sync_client_get_n_waiting (a->client), ==, 4);
  g_assert_cmpint (cl_store_count_outbox (a->store), ==, 4);
  g_clear_error (&error);

  cl_test_sync_server_start (server);

  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  cl_test_sync_desk_sync_ok (a);

  g_assert_cmpuint (cl_sync_client_get_n_waiting (a->client), ==, 0);
  g_assert_cmpuint (cl_sync_client_get_n_waiting (b->client), ==, 0);
  g_assert_cmpint (cl_store_count_outbox (a->store), ==, 0);
  g_assert_cmpint (cl_store_count_outbox (b->store), ==, 0);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_free (dump_a);
      g_free (dump_b);
      dump_a = cl_test_sync_dump_table (a->store, tables[i]);
      dump_b = cl_test_sync_dump_table (b->store, tables[i]);
      g_assert_cmpstr (dump_a, ==, dump_b);
    }
  /* The search keys too, by patient: each desk wrote some patients and
   * pulled the others' (whose keys the pull makes on its own thread). */
  {
    const char *sql = "SELECT r.patient_id, k.key FROM search_key k"
                      " JOIN roster r USING (patient_rowid) ORDER BY 1, 2";
    g_autoptr(GPtrArray) keys_a = cl_test_store_rows (a->store, sql);
    g_autoptr(GPtrArray) keys_b = cl_test_store_rows (b->store, sql);

    g_assert_cmpuint (keys_a->len, >, 4 * 3);
    g_assert_cmpuint (keys_a->len, ==, keys_b->len);
    for (guint i = 0; i < keys_a->len; i++)
      g_assert_cmpstr (g_ptr_array_index (keys_a, i), ==, g_ptr_array_index (keys_b, i));
  }
  g_assert_cmpint (cl_patient_store_count (a->store), ==, 4);
  g_assert_cmpint (cl_test_store_count (a->store, "SELECT count(*) FROM patient WHERE rev = 0"), ==, 0);

  /* Each desk's edits are visible at the other. */
  seen = cl_test_sync_load_patient (b->store, other);
  g_assert_cmpstr (cl_patient_get_note (seen), ==, "A: 已电话随访");
  g_clear_object (&seen);
  seen = cl_test_sync_load_patient (a->store, shared);
  g_assert_cmpstr (cl_patient_get_note (seen), ==, "B: 预约了 B 超");
  g_clear_object (&seen);
  seen = cl_test_sync_load_patient (b->store, new_a);
  g_assert_cmpstr (cl_patient_get_name (seen), ==, "刘芳");
  g_clear_object (&seen);
  seen = cl_test_sync_load_patient (a->store, new_b);
  g_assert_cmpstr (cl_patient_get_name (seen), ==, "赵丽");
  g_assert_cmpstr (cl_record_get_updated_by (CL_RECORD (seen)), ==, "desk_b");

  cl_test_sync_desk_free (a);
  cl_test_sync_desk_free (b);
  cl_test_sync_server_free (server);
}

static char *
roster_visits_done (CLStore    *store,
                    const char *patient_id)
{
  sqlite3_stmt *stmt = NULL;
  char *keys = NULL;

  cl_store_lock (store);
  g_assert_cmpint (sqlite3_prepare_v2 (cl_store_get_db (store),
                                       "SELECT visits_done FROM roster WHERE patient_id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, patient_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    keys = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  cl_store_unlock (store);
  return keys;
}

/* A visit ticked and an order written at one desk reach the other,
 * whose roster follows (the triggers run on pulled rows too); the
 * undo, a tombstone, travels the same way. */
static void
test_sync_visit_marks (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *a = cl_test_sync_desk_new ("test-sync-marks-a");
  CLTestSyncDesk *b = cl_test_sync_desk_new ("test-sync-marks-b");
  g_autoptr(GError) error = NULL;
  g_autoptr(CLPregnancy) pregnancy_a = NULL;
  g_autoptr(CLPregnancy) pregnancy_b = NULL;
  g_autoptr(CLDoctorOrder) order = cl_doctor_order_new ();
  g_autoptr(GPtrArray) orders = NULL;
  g_autofree char *patient = NULL;
  g_autofree char *keys = NULL;

  cl_test_sync_desk_login (a, server->url, "desk_a");
  cl_test_sync_desk_login (b, server->url, "desk_b");
  patient = cl_test_sync_save_patient (a->store, 20, "孙丽");
  pregnancy_a = cl_patient_store_current_pregnancy (a->store, patient);
  g_assert_true (cl_visit_store_tick (a->store, pregnancy_a, "v06", "2026-06-20", "外院建档", &error));
  g_assert_no_error (error);
  cl_doctor_order_set_patient_id (order, patient);
  cl_doctor_order_set_date (order, "2026-11-20");
  cl_doctor_order_set_category (order, "nutrition");
  cl_doctor_order_set_text (order, "低盐饮食");
  cl_doctor_order_set_doctor (order, "周敏");
  g_assert_true (cl_order_store_save (a->store, order, "case_manager", NULL, &error));
  g_assert_no_error (error);

  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  keys = roster_visits_done (b->store, patient);
  g_assert_cmpstr (keys, ==, "v06");
  orders = cl_order_store_list_for_patient (b->store, patient, TRUE);
  g_assert_cmpuint (orders->len, ==, 1);
  g_assert_cmpstr (cl_doctor_order_get_text (g_ptr_array_index (orders, 0)), ==, "低盐饮食");

  pregnancy_b = cl_patient_store_current_pregnancy (b->store, patient);
  g_assert_true (cl_visit_store_untick (b->store, pregnancy_b, "v06", &error));
  g_assert_no_error (error);
  cl_test_sync_desk_sync_ok (b);
  cl_test_sync_desk_sync_ok (a);
  g_clear_pointer (&keys, g_free);
  keys = roster_visits_done (a->store, patient);
  g_assert_null (keys);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 0);

  cl_test_sync_desk_free (a);
  cl_test_sync_desk_free (b);
  cl_test_sync_server_free (server);
}

/* The child half of (2): a desk commits a patient and dies before any
 * sync could happen. */
static int
write_and_die (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = cl_store_open (path, &error);
  g_autofree char *id = NULL;
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  id = cl_test_sync_save_patient (store, 20, "孙悦");
  line = g_strdup_printf ("%s\n", id);
  if (write (STDOUT_FILENO, line, strlen (line)) < 0)
    return 1;
  raise (SIGKILL);
  return 1;
}

/* (2) kill -9 between the local commit and the push. */
static void
test_sync_crash_before_push (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  g_autofree char *dir = cl_test_make_tmp_dir ("test-sync-crash");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  const char *argv[] = { self_binary, "--write-and-die", path, NULL };
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *saved_outbox = NULL;
  g_autoptr(CLPatient) patient = NULL;
  CLTestSyncDesk *desk, *other;
  char *id;

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  id = g_strstrip (out);
  g_assert_cmpuint (strlen (id), ==, 36);

  desk = cl_test_sync_desk_open (path);
  desk->dir = g_steal_pointer (&dir);
  /* The commit survived the kill, outbox included. */
  g_assert_cmpint (cl_store_count_outbox (desk->store), ==, 3);
  g_assert_cmpuint (cl_sync_client_get_n_waiting (desk->client), ==, 3);

  /* Keep the outbox as it was, to send it again as if the answer to
   * the first push had been lost. */
  cl_store_exec (desk->store, "CREATE TABLE saved_outbox AS SELECT * FROM outbox", &error);
  g_assert_no_error (error);

  cl_test_sync_desk_login (desk, server->url, "desk_a");
  cl_test_sync_desk_sync_ok (desk);
  g_assert_cmpint (cl_store_count_outbox (desk->store), ==, 0);
  g_assert_cmpuint (cl_test_sync_server_count_changes (server, id), ==, 1);

  cl_store_exec (desk->store, "INSERT INTO outbox SELECT * FROM saved_outbox", &error);
  g_assert_no_error (error);
  cl_test_sync_desk_sync_ok (desk);
  g_assert_cmpint (cl_store_count_outbox (desk->store), ==, 0);
  g_assert_cmpuint (desk->rejected.n, ==, 0);
  g_assert_cmpuint (cl_test_sync_server_count_changes (server, id), ==, 1);

  /* And another desk gets her once. */
  other = cl_test_sync_desk_new ("test-sync-crash-other");
  cl_test_sync_desk_login (other, server->url, "desk_b");
  cl_test_sync_desk_sync_ok (other);
  patient = cl_test_sync_load_patient (other->store, id);
  g_assert_cmpstr (cl_patient_get_name (patient), ==, "孙悦");
  g_assert_cmpint (cl_patient_store_count (other->store), ==, 1);

  cl_test_sync_desk_free (other);
  cl_test_sync_desk_free (desk);
  cl_test_sync_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--write-and-die"))
    return write_and_die (argv[2]);

  g_test_init (&argc, &argv, NULL);

  self_binary = g_canonicalize_filename (argv[0], NULL);
  server_binary = g_getenv ("CARELINE_SERVER");

  if (server_binary == NULL || !g_file_test (server_binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("CARELINE_SERVER is not set to the server: skipping the server tests");
      return g_test_run ();
    }
  g_test_add_func ("/sync/offline-converge", test_sync_offline_converge);
  g_test_add_func ("/sync/crash-before-push", test_sync_crash_before_push);
  g_test_add_func ("/sync/visit-marks", test_sync_visit_marks);

  return g_test_run ();
}
