#define G_LOG_DOMAIN "cl-test-sync"

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-patient-store.h"
#include "cl-store-private.h"
#include "cl-test-desk.h"
#include "cl-test-store.h"
#include "cl-test-sync.h"
#include "cl-test-util.h"

static const char *
server_binary (void)
{
  const char *binary = g_getenv ("CARELINE_SERVER");

  g_assert_nonnull (binary);
  return binary;
}

void
cl_test_sync_server_add_user (CLTestSyncServer *server,
                              const char       *name,
                              const char       *role)
{
  g_assert_cmpint (cl_test_run_server_cli (server_binary (), CL_TEST_SYNC_PASSWORD "\n", "user", "add", name,
                                           "--role", role, "--db", server->db, NULL), ==, 0);
}

/* Starts the server on a free port, or again where it was before. */
void
cl_test_sync_server_start (CLTestSyncServer *server)
{
  g_autofree char *url = NULL;
  const char *listen = "127.0.0.1:0";

  g_assert_null (server->process);
  if (server->url)
    listen = strstr (server->url, "://") + 3;
  server->process = cl_test_start_server_at (server_binary (), server->db, listen, &url, NULL);
  /* Kept without the trailing slash: the test appends paths. */
  if (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  if (server->url)
    g_assert_cmpstr (url, ==, server->url);
  else
    server->url = g_steal_pointer (&url);
}

void
cl_test_sync_server_stop (CLTestSyncServer *server)
{
  g_autoptr(GError) error = NULL;

  if (server->process == NULL)
    return;
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server->process);
}

CLTestSyncServer *
cl_test_sync_server_new (void)
{
  CLTestSyncServer *server = g_new0 (CLTestSyncServer, 1);

  server->dir = cl_test_make_tmp_dir ("test-sync-server");
  server->db = g_build_filename (server->dir, "server.db", NULL);
  cl_test_sync_server_add_user (server, "desk_a", "case_manager");
  cl_test_sync_server_add_user (server, "desk_b", "case_manager");
  cl_test_sync_server_add_user (server, "reader", "admin");
  cl_test_sync_server_start (server);
  return server;
}

void
cl_test_sync_server_free (CLTestSyncServer *server)
{
  cl_test_sync_server_stop (server);
  cl_test_remove_tree (server->dir);
  g_free (server->dir);
  g_free (server->db);
  g_free (server->url);
  g_free (server);
}

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
server_get (CLTestSyncServer *server,
            const char       *token,
            const char       *path)
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
server_login (CLTestSyncServer *server)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (server->url, "/api/v1/session", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  static const char json[] = "{\"username\":\"reader\",\"password\":\"" CL_TEST_SYNC_PASSWORD "\"}";

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
guint
cl_test_sync_server_count_changes (CLTestSyncServer *server,
                                   const char       *record_id)
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

void
cl_test_sync_desk_login (CLTestSyncDesk *desk,
                         const char     *url,
                         const char     *user)
{
  cl_test_desk_login_client (desk->client, url, user, CL_TEST_SYNC_PASSWORD);
  g_assert_cmpstr (cl_sync_client_get_username (desk->client), ==, user);
  g_assert_cmpstr (cl_sync_client_get_role (desk->client), ==, "case_manager");
  g_assert_cmpstr (cl_store_get_actor (desk->store), ==, user);
}

gboolean
cl_test_sync_desk_sync (CLTestSyncDesk  *desk,
                        GError         **error)
{
  return cl_test_desk_sync_finish (desk->client, cl_test_desk_sync_start (desk->client), error);
}

void
cl_test_sync_desk_sync_ok (CLTestSyncDesk *desk)
{
  g_autoptr(GError) error = NULL;

  cl_test_sync_desk_sync (desk, &error);
  g_assert_no_error (error);
  /* The notifications posted by the round arrive before its result
   * (though a nudge may have started the next round already). */
  g_assert_cmpint (cl_sync_client_get_state (desk->client), >=, CL_SYNC_STATE_SYNCING);
  g_assert_cmpint (cl_sync_client_get_state (desk->client), <=, CL_SYNC_STATE_ONLINE);
  g_assert_null (cl_sync_client_get_last_error (desk->client));
}

CLTestSyncDesk *
cl_test_sync_desk_open (const char *path)
{
  CLTestSyncDesk *desk = g_new0 (CLTestSyncDesk, 1);
  g_autoptr(GError) error = NULL;

  desk->path = g_strdup (path);
  desk->store = cl_store_open (path, &error);
  g_assert_no_error (error);
  desk->client = cl_sync_client_new (desk->store);
  cl_test_desk_watch_rejections (desk->client, &desk->rejected);
  return desk;
}

CLTestSyncDesk *
cl_test_sync_desk_new (const char *name)
{
  g_autofree char *dir = cl_test_make_tmp_dir (name);
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  CLTestSyncDesk *desk = cl_test_sync_desk_open (path);

  desk->dir = g_steal_pointer (&dir);
  return desk;
}

void
cl_test_sync_desk_free (CLTestSyncDesk *desk)
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
char *
cl_test_sync_first17_for (guint n)
{
  return g_strdup_printf ("11010519920%03u%02u2", 301 + n % 28, (n / 28) % 100);
}

/* A valid woman's ID number, different for every @n below 2800. */
char *
cl_test_sync_id_number_for (guint n)
{
  g_autofree char *first17 = cl_test_sync_first17_for (n);

  return cl_test_id_number (first17);
}

char *
cl_test_sync_save_patient (CLStore    *store,
                           guint       n,
                           const char *name)
{
  g_autofree char *first17 = cl_test_sync_first17_for (n);
  g_autofree char *phone = g_strdup_printf ("139%08u", 10000000 + n);
  g_autoptr(CLPatient) patient = cl_test_patient_new (name, first17, phone);
  g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-05-01", "green");

  cl_test_patient_save (store, patient, pregnancy);
  return g_strdup (cl_record_get_id (CL_RECORD (patient)));
}

CLPatient *
cl_test_sync_load_patient (CLStore    *store,
                           const char *id)
{
  g_autoptr(GError) error = NULL;
  CLRecord *record = cl_store_load_record (store, CL_TYPE_PATIENT, id, &error);

  g_assert_no_error (error);
  return CL_PATIENT (record);
}

void
cl_test_sync_edit_patient (CLStore    *store,
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
char *
cl_test_sync_dump_table (CLStore    *store,
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
