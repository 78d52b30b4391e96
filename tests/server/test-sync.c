#define G_LOG_DOMAIN "test-sync"

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

/* The desktop half of sync against the real careline-server (started
 * here on 127.0.0.1 with a port of its own), with two desks, each a
 * store in a temporary folder and a CLSyncClient. */

#define PASSWORD "correct horse battery staple"

static const char *server_binary;
static char *self_binary;

/* ------------------------------------------------------------------ */
/* The server                                                          */

typedef struct
{
  char        *dir;
  char        *db;
  char        *url;
  GSubprocess *process;
} Server;

static void
server_add_user (Server     *server,
                 const char *name,
                 const char *role)
{
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", name,
                                           "--role", role, "--db", server->db, NULL), ==, 0);
}

/* Starts the server on a free port, or again where it was before. */
static void
server_start (Server *server)
{
  g_autofree char *url = NULL;
  const char *listen = "127.0.0.1:0";

  g_assert_null (server->process);
  if (server->url)
    listen = strstr (server->url, "://") + 3;
  server->process = cl_test_start_server_at (server_binary, server->db, listen, &url, NULL);
  /* Kept without the trailing slash: the test appends paths. */
  if (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  if (server->url)
    g_assert_cmpstr (url, ==, server->url);
  else
    server->url = g_steal_pointer (&url);
}

static void
server_stop (Server *server)
{
  g_autoptr(GError) error = NULL;

  if (server->process == NULL)
    return;
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server->process);
}

static Server *
server_new (void)
{
  Server *server = g_new0 (Server, 1);

  server->dir = cl_test_make_tmp_dir ("test-sync-server");
  server->db = g_build_filename (server->dir, "server.db", NULL);
  server_add_user (server, "desk_a", "case_manager");
  server_add_user (server, "desk_b", "case_manager");
  server_add_user (server, "reader", "admin");
  server_start (server);
  return server;
}

static void
server_free (Server *server)
{
  server_stop (server);
  cl_test_remove_tree (server->dir);
  g_free (server->dir);
  g_free (server->db);
  g_free (server->url);
  g_free (server);
}

/* Plain HTTP from the test itself, to look at the server's feed. */
/* A reply body as JSON; the body is not NUL-terminated. */
static JsonNode *
json_of_body (GBytes  *body,
              GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  g_autofree char *text = g_strndup (data, size);

  return json_from_string (text, error);
}

static JsonNode *
server_get (Server     *server,
            const char *token,
            const char *path)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (server->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  return json_of_body (body, &error);
}

static char *
server_login (Server *server)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (server->url, "/api/v1/session", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  static const char json[] = "{\"username\":\"reader\",\"password\":\"" PASSWORD "\"}";

  request = g_bytes_new_static (json, strlen (json));
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  reply = json_of_body (body, &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (reply), "token"));
}

/* How many times the feed holds a change of @record_id. */
static guint
server_count_changes (Server     *server,
                      const char *record_id)
{
  g_autofree char *token = server_login (server);
  gint64 since = 0;
  guint n = 0;

  for (;;)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=1000", since);
      g_autoptr(JsonNode) page = server_get (server, token, path);
      JsonObject *object = json_node_get_object (page);
      JsonArray *changes = json_object_get_array_member (object, "changes");

      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);

          if (g_strcmp0 (json_object_get_string_member (change, "id"), record_id) == 0)
            n++;
        }
      since = json_object_get_int_member (object, "next");
      if (!json_object_get_boolean_member (object, "more"))
        return n;
    }
}

/* ------------------------------------------------------------------ */
/* Desks                                                               */

typedef struct
{
  char         *dir;
  char         *path;
  CLStore      *store;
  CLSyncClient *client;
  CLTestRejections rejected;
} Desk;

static void
desk_login (Desk       *desk,
            const char *url,
            const char *user)
{
  cl_test_desk_login_client (desk->client, url, user, PASSWORD);
  g_assert_cmpstr (cl_sync_client_get_username (desk->client), ==, user);
  g_assert_cmpstr (cl_sync_client_get_role (desk->client), ==, "case_manager");
  g_assert_cmpstr (cl_store_get_actor (desk->store), ==, user);
}

static gboolean
desk_sync (Desk    *desk,
           GError **error)
{
  return cl_test_desk_sync_finish (desk->client, cl_test_desk_sync_start (desk->client), error);
}

static void
desk_sync_ok (Desk *desk)
{
  g_autoptr(GError) error = NULL;

  desk_sync (desk, &error);
  g_assert_no_error (error);
  /* The notifications posted by the round arrive before its result
   * (though a nudge may have started the next round already). */
  g_assert_cmpint (cl_sync_client_get_state (desk->client), >=, CL_SYNC_STATE_SYNCING);
  g_assert_cmpint (cl_sync_client_get_state (desk->client), <=, CL_SYNC_STATE_ONLINE);
  g_assert_null (cl_sync_client_get_last_error (desk->client));
}

static Desk *
desk_open (const char *path)
{
  Desk *desk = g_new0 (Desk, 1);
  g_autoptr(GError) error = NULL;

  desk->path = g_strdup (path);
  desk->store = cl_store_open (path, &error);
  g_assert_no_error (error);
  desk->client = cl_sync_client_new (desk->store);
  cl_test_desk_watch_rejections (desk->client, &desk->rejected);
  return desk;
}

static Desk *
desk_new (const char *name)
{
  g_autofree char *dir = cl_test_make_tmp_dir (name);
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  Desk *desk = desk_open (path);

  desk->dir = g_steal_pointer (&dir);
  return desk;
}

static void
desk_free (Desk *desk)
{
  g_clear_object (&desk->client);
  g_clear_object (&desk->store);
  if (desk->dir)
    cl_test_remove_tree (desk->dir);
  g_free (desk->dir);
  g_free (desk->path);
  cl_test_rejections_clear (&desk->rejected);
  g_free (desk);
}

/* The first 17 digits of a valid woman's ID number, different for
 * every @n below 2800. */
static char *
first17_for (guint n)
{
  return g_strdup_printf ("11010519920%03u%02u2", 301 + n % 28, (n / 28) % 100);
}

/* A valid woman's ID number, different for every @n below 2800. */
static char *
id_number_for (guint n)
{
  g_autofree char *first17 = first17_for (n);

  return cl_test_id_number (first17);
}

static char *
save_patient (CLStore    *store,
              guint       n,
              const char *name)
{
  g_autofree char *first17 = first17_for (n);
  g_autofree char *phone = g_strdup_printf ("139%08u", 10000000 + n);
  g_autoptr(CLPatient) patient = cl_test_patient_new (name, first17, phone);
  g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-05-01", "green");

  cl_test_patient_save (store, patient, pregnancy);
  return g_strdup (cl_record_get_id (CL_RECORD (patient)));
}

static CLPatient *
load_patient (CLStore    *store,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  CLRecord *record = cl_store_load_record (store, CL_TYPE_PATIENT, id, &error);

  g_assert_no_error (error);
  return CL_PATIENT (record);
}

static void
edit_patient (CLStore    *store,
              CLPatient  *patient,
              const char *note)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  cl_patient_set_note (patient, note);
  cl_patient_store_save (store, patient, NULL, &field_errors, &error);
  g_assert_no_error (error);
}

/* Every row of @table, every column but the local rowid, one line per
 * row by id. */
static char *
dump_table (CLStore    *store,
            const char *table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", table,
                                          g_str_equal (table, "roster") ? "patient_id" : "id");
  sqlite3_stmt *stmt = NULL;

  cl_store_lock (store);
  g_assert_cmpint (sqlite3_prepare_v2 (cl_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        if (!g_str_equal (sqlite3_column_name (stmt, i), "patient_rowid"))
          g_string_append_printf (out, "%s%s=%s", i ? " " : "", sqlite3_column_name (stmt, i),
                                sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "NULL");
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  cl_store_unlock (store);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_sync_disabled (void)
{
  Desk *desk = desk_new ("test-sync-disabled");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* No server: the store works alone and the outbox keeps everything. */
  g_assert_cmpint (cl_sync_client_get_state (desk->client), ==, CL_SYNC_STATE_DISABLED);
  id = save_patient (desk->store, 1, "林小雨");
  cl_test_spin (50);
  g_assert_cmpuint (cl_sync_client_get_n_waiting (desk->client), ==, 3);

  g_assert_false (desk_sync (desk, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);
  g_assert_cmpint (cl_sync_client_get_state (desk->client), ==, CL_SYNC_STATE_DISABLED);
  g_assert_cmpint (cl_store_count_outbox (desk->store), ==, 3);

  desk_free (desk);
}

static void
test_sync_login (void)
{
  Server *server = server_new ();
  Desk *desk = desk_new ("test-sync-login");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cl_sync_client_set_server_url (desk->client, server->url);
  cl_test_spin (100);
  g_assert_cmpint (cl_sync_client_get_state (desk->client), ==, CL_SYNC_STATE_AUTH_NEEDED);

  cl_sync_client_login_async (desk->client, "desk_a", "wrong", NULL, cl_test_got_result_cb, &result);
  g_assert_false (cl_sync_client_login_finish (desk->client, cl_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_null (cl_sync_client_get_username (desk->client));

  desk_login (desk, server->url, "desk_a");
  desk_sync_ok (desk);

  /* Logged out, a sync asks for a log-in instead of retrying. */
  cl_sync_client_logout (desk->client);
  g_clear_error (&error);
  g_assert_false (desk_sync (desk, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (cl_sync_client_get_state (desk->client), ==, CL_SYNC_STATE_AUTH_NEEDED);

  desk_free (desk);
  server_free (server);
}

/* (1) Two desks edit while the server is down, then meet again. */
static void
test_sync_offline_converge (void)
{
  Server *server = server_new ();
  Desk *a = desk_new ("test-sync-a");
  Desk *b = desk_new ("test-sync-b");
  g_autoptr(GError) error = NULL;
  g_autoptr(CLPatient) shared_a = NULL;
  g_autoptr(CLPatient) other_a = NULL;
  g_autoptr(CLPatient) other_b = NULL;
  g_autoptr(CLPatient) seen = NULL;
  g_autofree char *shared = NULL, *other = NULL, *new_a = NULL, *new_b = NULL;
  g_autofree char *dump_a = NULL, *dump_b = NULL;
  const char *tables[] = { "patient", "pregnancy", "risk_event", "roster" };

  desk_login (a, server->url, "desk_a");
  desk_login (b, server->url, "desk_b");

  /* Two patients both desks know. */
  shared = save_patient (a->store, 10, "王静");
  other = save_patient (b->store, 11, "陈晓燕");
  desk_sync_ok (a);
  desk_sync_ok (b);
  desk_sync_ok (a);
  g_assert_cmpint (cl_patient_store_count (a->store), ==, 2);
  g_assert_cmpint (cl_patient_store_count (b->store), ==, 2);

  server_stop (server);

  /* Offline: each desk adds one and edits one the other made. */
  new_a = save_patient (a->store, 12, "刘芳");
  new_b = save_patient (b->store, 13, "赵丽");
  other_a = load_patient (a->store, other);
  edit_patient (a->store, other_a, "A: 已电话随访");
  other_b = load_patient (b->store, shared);
  edit_patient (b->store, other_b, "B: 预约了 B 超");

  g_assert_false (desk_sync (a, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (cl_sync_client_get_state (a->client), ==, CL_SYNC_STATE_OFFLINE);
  g_assert_nonnull (cl_sync_client_get_last_error (a->client));
  g_assert_cmpuint (cl_sync_client_get_n_waiting (a->client), ==, 4);
  g_assert_cmpint (cl_store_count_outbox (a->store), ==, 4);
  g_clear_error (&error);

  server_start (server);

  desk_sync_ok (a);
  desk_sync_ok (b);
  desk_sync_ok (a);

  g_assert_cmpuint (cl_sync_client_get_n_waiting (a->client), ==, 0);
  g_assert_cmpuint (cl_sync_client_get_n_waiting (b->client), ==, 0);
  g_assert_cmpint (cl_store_count_outbox (a->store), ==, 0);
  g_assert_cmpint (cl_store_count_outbox (b->store), ==, 0);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_free (dump_a);
      g_free (dump_b);
      dump_a = dump_table (a->store, tables[i]);
      dump_b = dump_table (b->store, tables[i]);
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
  seen = load_patient (b->store, other);
  g_assert_cmpstr (cl_patient_get_note (seen), ==, "A: 已电话随访");
  g_clear_object (&seen);
  seen = load_patient (a->store, shared);
  g_assert_cmpstr (cl_patient_get_note (seen), ==, "B: 预约了 B 超");
  g_clear_object (&seen);
  seen = load_patient (b->store, new_a);
  g_assert_cmpstr (cl_patient_get_name (seen), ==, "刘芳");
  g_clear_object (&seen);
  seen = load_patient (a->store, new_b);
  g_assert_cmpstr (cl_patient_get_name (seen), ==, "赵丽");
  g_assert_cmpstr (cl_record_get_updated_by (CL_RECORD (seen)), ==, "desk_b");

  desk_free (a);
  desk_free (b);
  server_free (server);
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
  Server *server = server_new ();
  Desk *a = desk_new ("test-sync-marks-a");
  Desk *b = desk_new ("test-sync-marks-b");
  g_autoptr(GError) error = NULL;
  g_autoptr(CLPregnancy) pregnancy_a = NULL;
  g_autoptr(CLPregnancy) pregnancy_b = NULL;
  g_autoptr(CLDoctorOrder) order = cl_doctor_order_new ();
  g_autoptr(GPtrArray) orders = NULL;
  g_autofree char *patient = NULL;
  g_autofree char *keys = NULL;

  desk_login (a, server->url, "desk_a");
  desk_login (b, server->url, "desk_b");
  patient = save_patient (a->store, 20, "孙丽");
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

  desk_sync_ok (a);
  desk_sync_ok (b);
  keys = roster_visits_done (b->store, patient);
  g_assert_cmpstr (keys, ==, "v06");
  orders = cl_order_store_list_for_patient (b->store, patient, TRUE);
  g_assert_cmpuint (orders->len, ==, 1);
  g_assert_cmpstr (cl_doctor_order_get_text (g_ptr_array_index (orders, 0)), ==, "低盐饮食");

  pregnancy_b = cl_patient_store_current_pregnancy (b->store, patient);
  g_assert_true (cl_visit_store_untick (b->store, pregnancy_b, "v06", &error));
  g_assert_no_error (error);
  desk_sync_ok (b);
  desk_sync_ok (a);
  g_clear_pointer (&keys, g_free);
  keys = roster_visits_done (a->store, patient);
  g_assert_null (keys);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 0);

  desk_free (a);
  desk_free (b);
  server_free (server);
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
  id = save_patient (store, 20, "孙悦");
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
  Server *server = server_new ();
  g_autofree char *dir = cl_test_make_tmp_dir ("test-sync-crash");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  const char *argv[] = { self_binary, "--write-and-die", path, NULL };
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *saved_outbox = NULL;
  g_autoptr(CLPatient) patient = NULL;
  Desk *desk, *other;
  char *id;

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  id = g_strstrip (out);
  g_assert_cmpuint (strlen (id), ==, 36);

  desk = desk_open (path);
  desk->dir = g_steal_pointer (&dir);
  /* The commit survived the kill, outbox included. */
  g_assert_cmpint (cl_store_count_outbox (desk->store), ==, 3);
  g_assert_cmpuint (cl_sync_client_get_n_waiting (desk->client), ==, 3);

  /* Keep the outbox as it was, to send it again as if the answer to
   * the first push had been lost. */
  cl_store_exec (desk->store, "CREATE TABLE saved_outbox AS SELECT * FROM outbox", &error);
  g_assert_no_error (error);

  desk_login (desk, server->url, "desk_a");
  desk_sync_ok (desk);
  g_assert_cmpint (cl_store_count_outbox (desk->store), ==, 0);
  g_assert_cmpuint (server_count_changes (server, id), ==, 1);

  cl_store_exec (desk->store, "INSERT INTO outbox SELECT * FROM saved_outbox", &error);
  g_assert_no_error (error);
  desk_sync_ok (desk);
  g_assert_cmpint (cl_store_count_outbox (desk->store), ==, 0);
  g_assert_cmpuint (desk->rejected.n, ==, 0);
  g_assert_cmpuint (server_count_changes (server, id), ==, 1);

  /* And another desk gets her once. */
  other = desk_new ("test-sync-crash-other");
  desk_login (other, server->url, "desk_b");
  desk_sync_ok (other);
  patient = load_patient (other->store, id);
  g_assert_cmpstr (cl_patient_get_name (patient), ==, "孙悦");
  g_assert_cmpint (cl_patient_store_count (other->store), ==, 1);

  desk_free (other);
  desk_free (desk);
  server_free (server);
}

/* (3) The same patient edited at two desks: the later push is stale. */
static void
test_sync_stale (void)
{
  Server *server = server_new ();
  Desk *a = desk_new ("test-sync-stale-a");
  Desk *b = desk_new ("test-sync-stale-b");
  g_autoptr(CLPatient) at_a = NULL;
  g_autoptr(CLPatient) at_b = NULL;
  g_autoptr(CLPatient) now_b = NULL;
  g_autoptr(CLPatient) now_a = NULL;
  g_autofree char *id = NULL;
  g_autofree char *dump_a = NULL, *dump_b = NULL;

  desk_login (a, server->url, "desk_a");
  desk_login (b, server->url, "desk_b");
  id = save_patient (a->store, 30, "周敏");
  desk_sync_ok (a);
  desk_sync_ok (b);

  /* B opens her (the form holds rev N) … */
  at_b = load_patient (b->store, id);
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (at_b)), >, 0);

  /* … A changes her first … */
  at_a = load_patient (a->store, id);
  edit_patient (a->store, at_a, "A 先改：血压偏高");
  desk_sync_ok (a);
  desk_sync_ok (b);

  /* … then B saves what the form held. */
  edit_patient (b->store, at_b, "B 后改");
  desk_sync_ok (b);

  g_assert_cmpuint (b->rejected.n, ==, 1);
  g_assert_cmpstr (b->rejected.reason, ==, "stale");
  g_assert_cmpstr (b->rejected.record_id, ==, id);
  g_assert_nonnull (b->rejected.message);
  g_test_message ("rejected: %s", b->rejected.message);
  g_assert_cmpint (cl_store_count_outbox (b->store), ==, 0);
  g_assert_cmpuint (cl_sync_client_get_n_waiting (b->client), ==, 0);

  now_b = load_patient (b->store, id);
  g_assert_cmpstr (cl_patient_get_note (now_b), ==, "A 先改：血压偏高");
  desk_sync_ok (a);
  now_a = load_patient (a->store, id);
  g_assert_cmpstr (cl_patient_get_note (now_a), ==, "A 先改：血压偏高");
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (now_a)), ==, cl_record_get_rev (CL_RECORD (now_b)));
  dump_a = dump_table (a->store, "patient");
  dump_b = dump_table (b->store, "patient");
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpuint (a->rejected.n, ==, 0);

  desk_free (a);
  desk_free (b);
  server_free (server);
}

/* A record kept open in a view while its save is pushed: the next save
 * of the same copy is based on the rev the server gave the first one,
 * recorded by the sync client, with no help from the view; a change
 * from another desk in between is still caught as stale. */
static void
test_sync_acknowledged_rev (void)
{
  Server *server = server_new ();
  Desk *a = desk_new ("test-sync-ack-a");
  Desk *b = desk_new ("test-sync-ack-b");
  g_autoptr(CLPatient) held = cl_patient_new ();
  g_autoptr(CLPatient) at_b = NULL;
  g_autoptr(CLPatient) now = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = id_number_for (40);
  const char *id = cl_record_get_id (CL_RECORD (held));
  gint64 first_rev;

  desk_login (a, server->url, "desk_a");
  desk_login (b, server->url, "desk_b");

  cl_patient_set_name (held, "郑雅琴");
  cl_patient_set_id_number (held, number);
  cl_patient_set_phone (held, "13912340040");
  cl_patient_store_save (a->store, held, NULL, &field_errors, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (held)), ==, 0);
  desk_sync_ok (a);
  now = load_patient (a->store, id);
  first_rev = cl_record_get_rev (CL_RECORD (now));
  g_assert_cmpint (first_rev, >, 0);
  g_clear_object (&now);

  /* The view's copy still says rev 0; twice more, each pushed. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *note = g_strdup_printf ("第 %u 次修改", i + 1);

      edit_patient (a->store, held, note);
      desk_sync_ok (a);
      g_assert_cmpuint (a->rejected.n, ==, 0);
      g_assert_cmpint (cl_store_count_outbox (a->store), ==, 0);
    }
  now = load_patient (a->store, id);
  g_assert_cmpstr (cl_patient_get_note (now), ==, "第 2 次修改");
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (now)), >, first_rev);
  g_clear_object (&now);

  /* Another desk changes her; the copy A still holds is now stale. */
  desk_sync_ok (b);
  at_b = load_patient (b->store, id);
  edit_patient (b->store, at_b, "B 改过");
  desk_sync_ok (b);
  desk_sync_ok (a);
  edit_patient (a->store, held, "A 用旧表单保存");
  desk_sync_ok (a);
  g_assert_cmpuint (a->rejected.n, ==, 1);
  g_assert_cmpstr (a->rejected.reason, ==, "stale");
  now = load_patient (a->store, id);
  g_assert_cmpstr (cl_patient_get_note (now), ==, "B 改过");

  desk_free (a);
  desk_free (b);
  server_free (server);
}

/* HTTPS with the hospital's self-signed certificate: refused unless
 * the desk is given it as its CA file; with it, log-in and sync work. */
static void
test_sync_tls (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *cert = NULL, *key = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CLPatient) seen = NULL;
  g_autofree char *id = NULL;
  Server *server;
  Desk *untrusting, *a, *b;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  server = g_new0 (Server, 1);
  server->dir = cl_test_make_tmp_dir ("test-sync-tls");
  server->db = g_build_filename (server->dir, "server.db", NULL);
  cert = g_build_filename (server->dir, "cert.pem", NULL);
  key = g_build_filename (server->dir, "key.pem", NULL);
  /* As a hospital would make one: self-signed, for the server's
   * address. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                              "-days", "1", "-subj", "/CN=careline.test",
                              "-addext", "subjectAltName=IP:127.0.0.1",
                              "-keyout", key, "-out", cert, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_clear_object (&process);
  server_add_user (server, "desk_a", "case_manager");
  server_add_user (server, "desk_b", "case_manager");

  server->process = cl_test_start_server_at (server_binary, server->db, "127.0.0.1:0", &server->url,
                                             "--tls-cert", cert, "--tls-key", key, NULL);
  g_assert_true (g_str_has_prefix (server->url, "https://127.0.0.1:"));

  /* The system does not trust it, so neither does a desk without a CA
   * file: log-in fails and nothing is sent. */
  untrusting = desk_new ("test-sync-tls-none");
  cl_sync_client_set_server_url (untrusting->client, server->url);
  cl_sync_client_login_async (untrusting->client, "desk_a", PASSWORD, NULL, cl_test_got_result_cb, &result);
  g_assert_false (cl_sync_client_login_finish (untrusting->client, cl_test_wait_result (&result), &error));
  g_assert_nonnull (error);
  g_test_message ("without the CA file: %s", error->message);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A CA file that is not there is an error too, not the system's
   * store. */
  cl_sync_client_set_ca_file (untrusting->client, "/nonexistent/ca.pem");
  cl_sync_client_login_async (untrusting->client, "desk_a", PASSWORD, NULL, cl_test_got_result_cb, &result);
  g_assert_false (cl_sync_client_login_finish (untrusting->client, cl_test_wait_result (&result), &error));
  g_assert_nonnull (strstr (error->message, "/nonexistent/ca.pem"));
  g_clear_error (&error);
  g_clear_object (&result);
  desk_free (untrusting);

  /* Given the certificate, two desks share a patient over HTTPS. */
  a = desk_new ("test-sync-tls-a");
  b = desk_new ("test-sync-tls-b");
  cl_sync_client_set_ca_file (a->client, cert);
  cl_sync_client_set_ca_file (b->client, cert);
  desk_login (a, server->url, "desk_a");
  id = save_patient (a->store, 50, "钱晓燕");
  desk_sync_ok (a);
  g_assert_cmpint (cl_store_count_outbox (a->store), ==, 0);
  desk_login (b, server->url, "desk_b");
  desk_sync_ok (b);
  seen = load_patient (b->store, id);
  g_assert_cmpstr (cl_patient_get_name (seen), ==, "钱晓燕");

  desk_free (a);
  desk_free (b);
  server_free (server);
}

static void
changed_cb (CLStore    *store,
            const char *table,
            gboolean   *flag)
{
  *flag = TRUE;
}

/* (4) A write at desk A reaches desk B, which only listens to /events. */
static void
test_sync_latency (void)
{
  Server *server = server_new ();
  Desk *a = desk_new ("test-sync-latency-a");
  Desk *b = desk_new ("test-sync-latency-b");
  gboolean changed = FALSE;
  gulong handler;
  gint64 worst = 0;

  desk_login (a, server->url, "desk_a");
  desk_login (b, server->url, "desk_b");
  desk_sync_ok (a);
  desk_sync_ok (b);
  /* Let both open their event sockets. */
  cl_test_spin (500);

  handler = g_signal_connect (b->store, "changed::patient", G_CALLBACK (changed_cb), &changed);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("测试%u", i);
      g_autofree char *id = NULL;
      g_autoptr(CLPatient) patient = NULL;
      gint64 start, elapsed;

      changed = FALSE;
      start = g_get_monotonic_time ();
      id = save_patient (a->store, 40 + i, name);
      for (;;)
        {
          g_autoptr(CLRecord) record = NULL;

          cl_test_wait_flag (&changed);
          changed = FALSE;
          record = cl_store_load_record (b->store, CL_TYPE_PATIENT, id, NULL);
          if (record)
            break;
        }
      elapsed = g_get_monotonic_time () - start;
      worst = MAX (worst, elapsed);
      g_test_message ("write at A -> visible at B: %.0f ms", elapsed / 1000.0);
      g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
    }
  g_test_message ("worst of 5: %.0f ms", worst / 1000.0);
  g_signal_handler_disconnect (b->store, handler);

  desk_free (a);
  desk_free (b);
  server_free (server);
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

  g_test_add_func ("/sync/disabled", test_sync_disabled);
  if (server_binary == NULL || !g_file_test (server_binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("CARELINE_SERVER is not set to the server: skipping the server tests");
      return g_test_run ();
    }
  g_test_add_func ("/sync/login", test_sync_login);
  g_test_add_func ("/sync/offline-converge", test_sync_offline_converge);
  g_test_add_func ("/sync/crash-before-push", test_sync_crash_before_push);
  g_test_add_func ("/sync/stale", test_sync_stale);
  g_test_add_func ("/sync/acknowledged-rev", test_sync_acknowledged_rev);
  g_test_add_func ("/sync/tls", test_sync_tls);
  g_test_add_func ("/sync/latency", test_sync_latency);
  g_test_add_func ("/sync/visit-marks", test_sync_visit_marks);

  return g_test_run ();
}
