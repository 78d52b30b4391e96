/* kill -9 of careline-server inside the write transaction of a push.
 *
 * The server applies the changes of one request in one transaction
 * (README, "Pushing changes"): after a crash either all of a batch is
 * there or none of it, and what it acknowledged before stays.  The test
 * knows the server is inside that transaction without any hook in the
 * server: SQLite's WAL mode takes the write lock, a POSIX lock on one
 * byte of the data file's "-shm" index, for the whole of a write
 * transaction, and another process can see who holds it (F_GETLK)
 * without taking it. */

#define G_LOG_DOMAIN "test-server-kill9"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cl-test-server.h"
#include "cl-test-util.h"

/* Where SQLite's unix VFS keeps the WAL write lock in the -shm file:
 * the locks start after the index header (UNIX_SHM_BASE, 120 bytes),
 * and the write lock is the first of them (WAL_WRITE_LOCK, 0).  That is
 * SQLite's WAL file format, which its documentation fixes; it has not
 * changed since WAL came in (3.7.0). */
#define WAL_WRITE_LOCK_OFFSET 120

/* Large enough that the transaction lasts long after the test first
 * sees it (the server checks and writes each change, and rebuilds the
 * roster rows of 5000 patients at the commit), small enough for the
 * server's limits: at most 5000 changes and 8 MiB a request. */
enum { N = 5000, ACKED = 50 };
#define HELD_US (100 * 1000)

/* The process that holds the WAL write lock of the data file whose
 * -shm index is open at @fd, or 0 if nobody does. */
static GPid
write_lock_holder (int fd)
{
  struct flock lock = {
    .l_type = F_WRLCK,
    .l_whence = SEEK_SET,
    .l_start = WAL_WRITE_LOCK_OFFSET,
    .l_len = 1,
  };

  if (fcntl (fd, F_GETLK, &lock) != 0)
    g_error ("F_GETLK on the -shm file: %s", g_strerror (errno));
  return lock.l_type == F_UNLCK ? 0 : lock.l_pid;
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, error);

  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "the batch finished before the kill");
}

/* How many times each record of the feed appears, paging through all of
 * it as a desk's pull does. */
static GHashTable *
pull_all (CLTestServer *server,
          const char   *token)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 since = 0;

  for (;;)
    {
      g_autofree char *path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT "&limit=1000", since);
      g_autoptr(JsonNode) page = NULL;
      JsonObject *object;
      JsonArray *changes;
      guint status;

      page = cl_test_api_request (server, "GET", path, token, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      object = json_node_get_object (page);
      changes = json_object_get_array_member (object, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          const char *id = json_object_get_string_member (json_array_get_object_element (changes, i), "id");
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, id));

          g_hash_table_insert (seen, g_strdup (id), GUINT_TO_POINTER (n + 1));
        }
      since = json_object_get_int_member (object, "next");
      if (!json_object_get_boolean_member (object, "more"))
        return seen;
    }
}

/* kill -9 in the middle of a push: every change acknowledged before is
 * there once; of the batch that was being written, nothing; the whole
 * batch, sent again with the same keys, is applied once. */
static void
test_kill9 (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("server-kill9");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autoptr(GString) first = g_string_new ("{\"changes\":[");
  g_autoptr(GString) all = g_string_new ("{\"changes\":[");
  g_autoptr(JsonNode) acked = NULL, again = NULL;
  g_autoptr(GError) batch_error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GHashTable) feed = NULL;
  g_autofree char *token = NULL;
  gint64 acked_revs[ACKED];
  gint64 committed, seen_at = 0, killed_at;
  CLTestServer server = { 0 };
  JsonArray *results;
  GHashTableIter iter;
  gpointer id, n;
  guint status, n_duplicate = 0, n_applied = 0, n_feed = 0;
  GPid pid;
  int shm_fd;

  /* "user add" writes the desk user's staff row to the feed too; the
   * counts below are of the pushed patients and their keys. */
  g_assert_cmpint (cl_test_server_cli ("pw\n", NULL, "user", "add", "desk", "--role", "case_manager",
                                       "--db", db, NULL), ==, 0);
  cl_test_server_start (&server, db);
  pid = atoi (g_subprocess_get_identifier (server.process));
  token = cl_test_api_login (&server, "desk", "pw");

  for (guint i = 0; i < N; i++)
    {
      g_autofree char *key = g_strdup_printf ("kill9-key-%04u", i);
      g_autofree char *id = g_strdup_printf ("kill9-patient-%04u", i);
      g_autofree char *data = g_strdup_printf ("{\"name\":\"患者%u\",\"phone\":\"138%08u\"}", i, i);
      g_autofree char *change = cl_test_change_json (key, "patient", id, 0, "upsert", data);

      g_string_append_printf (all, "%s%s", i ? "," : "", change);
      if (i < ACKED)
        g_string_append_printf (first, "%s%s", i ? "," : "", change);
    }
  g_string_append (first, "]}");
  g_string_append (all, "]}");

  /* The first ACKED are pushed and answered. */
  acked = cl_test_api_request (&server, "POST", "/changes", token, first->str, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (acked), "results");
  for (guint i = 0; i < ACKED; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
      acked_revs[i] = json_object_get_int_member (result, "rev");
    }
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM change_log WHERE tbl = 'patient'"), ==, ACKED);

  /* The server has the data file open in WAL mode, so its index is
   * there; the test only looks at its locks. */
  shm_fd = open (shm, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (shm_fd, >=, 0);
  g_assert_cmpint (write_lock_holder (shm_fd), ==, 0);

  /* Then the whole batch again.  Nothing else writes now (a push's
   * session check only reads), so the server holding the write lock
   * means it is inside the batch's transaction: it dies there.  The
   * lock must have been held for HELD_US on end first, so that a short
   * write of some other kind (should the server ever make one before
   * the batch) is not taken for the batch: the batch's transaction
   * lasts seconds. */
  msg = cl_test_api_message (&server, "POST", "/changes", token);
  {
    g_autoptr(GBytes) body = g_bytes_new (all->str, all->len);
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  }
  soup_session_send_and_read_async (cl_test_api_session (), msg, G_PRIORITY_DEFAULT, NULL,
                                    batch_done_cb, &batch_error);
  while (batch_error == NULL)
    {
      GPid holder;

      while (g_main_context_iteration (NULL, FALSE))
        ;
      holder = write_lock_holder (shm_fd);
      if (holder == 0)
        seen_at = 0;
      else
        {
          g_assert_cmpint (holder, ==, pid);
          if (seen_at == 0)
            seen_at = g_get_monotonic_time ();
          else if (g_get_monotonic_time () - seen_at >= HELD_US)
            break;
        }
      g_usleep (50);
    }
  if (batch_error)
    g_error ("the server answered the batch (%s) before the test saw it write", batch_error->message);
  kill (pid, SIGKILL);
  killed_at = g_get_monotonic_time ();
  cl_test_server_kill (&server);
  close (shm_fd);
  while (batch_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("killed %" G_GINT64_FORMAT " ms after the server took the write lock: %s",
                  (killed_at - seen_at) / 1000, batch_error->message);

  /* All of the batch or none of it, and since the kill came inside its
   * transaction: none.  What was acknowledged is all there. */
  committed = cl_test_db_count (db, "SELECT count(*) FROM change_log WHERE tbl = 'patient'");
  g_test_message ("%" G_GINT64_FORMAT " of %d changes were committed at the kill", committed, N);
  g_assert_cmpint (committed, ==, ACKED);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM patient WHERE id LIKE 'kill9-patient-%'"), ==, ACKED);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM applied_change WHERE key LIKE 'kill9-key-%'"), ==, ACKED);
  g_assert_cmpint (cl_test_db_count (db, "SELECT max(rev) FROM change_log WHERE tbl = 'patient'"), ==, acked_revs[ACKED - 1]);

  /* Restart on the same file; the desk sends the whole batch again. */
  cl_test_server_start (&server, db);
  g_free (token);
  token = cl_test_api_login (&server, "desk", "pw");
  again = cl_test_api_request (&server, "POST", "/changes", token, all->str, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (again), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, N);
  for (guint i = 0; i < N; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      if (g_str_equal (cl_test_status_of (result), "duplicate"))
        n_duplicate++;
      else
        {
          g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
          n_applied++;
        }
      if (i < ACKED)
        {
          g_assert_cmpstr (cl_test_status_of (result), ==, "duplicate");
          g_assert_cmpint (json_object_get_int_member (result, "rev"), ==, acked_revs[i]);
        }
    }
  g_assert_cmpint (n_duplicate, ==, committed);
  g_assert_cmpint (n_applied, ==, N - committed);

  /* Each change exactly once. */
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM change_log WHERE tbl = 'patient'"), ==, N);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM (SELECT record_id FROM change_log"
                                         " WHERE tbl = 'patient' GROUP BY record_id HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM patient WHERE id LIKE 'kill9-patient-%'"), ==, N);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM applied_change WHERE key LIKE 'kill9-key-%'"), ==, N);

  /* And a desk pulling the feed from the start gets every patient of
   * the batch, once. */
  feed = pull_all (&server, token);
  g_hash_table_iter_init (&iter, feed);
  while (g_hash_table_iter_next (&iter, &id, &n))
    if (g_str_has_prefix (id, "kill9-patient-"))
      {
        g_assert_cmpuint (GPOINTER_TO_UINT (n), ==, 1);
        n_feed++;
      }
  g_assert_cmpuint (n_feed, ==, N);

  cl_test_server_stop (&server);
  cl_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/kill9", test_kill9);

  return g_test_run ();
}
