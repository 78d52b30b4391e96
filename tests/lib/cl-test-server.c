#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-test-server.h"
#include "cl-test-util.h"

static SoupSession *session;

static const char *
server_binary (void)
{
  const char *binary = g_getenv ("CARELINE_SERVER");

  if (binary == NULL)
    g_error ("set CARELINE_SERVER to the careline-server binary");
  return binary;
}

SoupSession *
cl_test_api_session (void)
{
  if (session == NULL)
    session = soup_session_new ();
  return session;
}

/* Process helpers */

void
cl_test_server_start (CLTestServer *server,
                      const char   *db)
{
  server->process = cl_test_start_server (server_binary (), db, &server->url);
}

void
cl_test_server_kill (CLTestServer *server)
{
  g_subprocess_force_exit (server->process);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
  g_clear_pointer (&server->url, g_free);
}

void
cl_test_server_stop (CLTestServer *server)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server->process));
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);
  g_clear_object (&server->process);
  g_clear_pointer (&server->url, g_free);
}

int
cl_test_server_cli (const char  *input,
                    char       **out,
                    ...)
{
  va_list args;
  int status;

  va_start (args, out);
  status = cl_test_run_server_cli_va (server_binary (), input, out, NULL, args);
  va_end (args);
  return status;
}

/* HTTP helpers */

SoupMessage *
cl_test_api_message (CLTestServer *server,
                     const char   *method,
                     const char   *path,
                     const char   *token)
{
  g_autofree char *url = g_strconcat (server->url, "api/v1", path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  g_assert_nonnull (msg);
  if (token)
    {
      g_autofree char *header = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
    }
  return msg;
}

GBytes *
cl_test_api_send (SoupMessage *msg,
                  guint       *status)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = soup_session_send_and_read (cl_test_api_session (), msg, NULL, &error);

  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  return bytes;
}

JsonNode *
cl_test_api_request (CLTestServer *server,
                     const char   *method,
                     const char   *path,
                     const char   *token,
                     const char   *body,
                     guint        *status)
{
  g_autoptr(SoupMessage) msg = cl_test_api_message (server, method, path, token);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  if (body)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  answer = cl_test_api_send (msg, status);
  data = g_bytes_get_data (answer, &size);
  if (size == 0)
    return NULL;
  {
    /* The body is not NUL-terminated: read no further than its size. */
    g_autofree char *text = g_strndup (data, size);
    JsonNode *node = json_from_string (text, &error);

    g_assert_no_error (error);
    return node;
  }
}

guint
cl_test_api_try_login (CLTestServer  *server,
                       const char    *username,
                       const char    *password,
                       JsonNode     **reply)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, password);
  guint status = 0;

  *reply = cl_test_api_request (server, "POST", "/session", NULL, body, &status);
  return status;
}

char *
cl_test_api_login (CLTestServer *server,
                   const char   *username,
                   const char   *password)
{
  g_autoptr(JsonNode) answer = NULL;

  g_assert_cmpuint (cl_test_api_try_login (server, username, password, &answer), ==, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "token"));
}

char *
cl_test_api_staff_id (CLTestServer *server,
                      const char   *token,
                      const char   *username,
                      gint64       *rev)
{
  guint status = 0;
  g_autoptr(JsonNode) feed = cl_test_api_request (server, "GET", "/changes?since=0", token, NULL, &status);
  JsonArray *changes;
  char *id = NULL;

  g_assert_cmpuint (status, ==, 200);
  changes = json_object_get_array_member (json_node_get_object (feed), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *data = json_object_get_object_member (change, "data");

      if (g_str_equal (json_object_get_string_member (change, "table"), "staff") &&
          g_strcmp0 (json_object_get_string_member (data, "username"), username) == 0)
        {
          g_free (id);
          id = g_strdup (json_object_get_string_member (change, "id"));
          if (rev)
            *rev = json_object_get_int_member (change, "rev");
        }
    }
  g_assert_nonnull (id);
  return id;
}

JsonObject *
cl_test_api_push_one (CLTestServer *server,
                      const char   *token,
                      const char   *change,
                      JsonNode    **holder)
{
  g_autofree char *body = g_strdup_printf ("{\"changes\":[%s]}", change);
  JsonArray *results;
  guint status;

  *holder = cl_test_api_request (server, "POST", "/changes", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (*holder), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  return json_array_get_object_element (results, 0);
}

const char *
cl_test_error_code (JsonNode *node)
{
  JsonObject *error;

  g_assert_nonnull (node);
  error = json_object_get_object_member (json_node_get_object (node), "error");
  g_assert_nonnull (error);
  g_assert_nonnull (json_object_get_string_member (error, "message"));
  return json_object_get_string_member (error, "code");
}

char *
cl_test_change_json (const char *key,
                     const char *table,
                     const char *id,
                     gint64      base_rev,
                     const char *op,
                     const char *data)
{
  return g_strdup_printf ("{\"key\":\"%s\",\"table\":\"%s\",\"id\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT
                          ",\"op\":\"%s\",\"data\":%s}",
                          key, table, id, base_rev, op, data);
}

char *
cl_test_new_key (void)
{
  return g_uuid_string_random ();
}

const char *
cl_test_status_of (JsonObject *result)
{
  return json_object_get_string_member (result, "status");
}

const char *
cl_test_reason_of (JsonObject *result)
{
  return json_object_get_string_member_with_default (result, "reason", NULL);
}

gint64
cl_test_db_count (const char *db,
                  const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return n;
}

GBytes *
cl_test_small_pdf (const char *text)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  g_autofree char *stream = g_strdup_printf ("BT /F1 12 Tf 20 100 Td (%s) Tj ET", text);
  const char *objects[5];
  g_autofree char *content = g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream",
                                              strlen (stream), stream);
  gsize offsets[5];

  objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
  objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
               " /Resources << /Font << /F1 5 0 R >> >> >>";
  objects[3] = content;
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  for (guint i = 0; i < 5; i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  {
    gsize xref = pdf->len;

    g_string_append (pdf, "xref\n0 6\n0000000000 65535 f \n");
    for (guint i = 0; i < 5; i++)
      g_string_append_printf (pdf, "%010zu 00000 n \n", offsets[i]);
    g_string_append_printf (pdf, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
  }
  return g_string_free_to_bytes (pdf);
}

/* The shared server */

const char * const cl_test_roles[] = {
  "admin", "case_manager", "escort", "vip_steward", "service_desk", "finance", NULL,
};

#define N_ROLES (G_N_ELEMENTS (cl_test_roles) - 1)

static struct
{
  char         *dir;
  char         *db;
  CLTestServer  server;
  /* One token per role, index as in cl_test_roles[]. */
  char         *tokens[N_ROLES];
} shared;

void
cl_test_shared_server_init (const char *name)
{
  g_assert_null (shared.dir);
  shared.dir = cl_test_make_tmp_dir (name);
  shared.db = g_build_filename (shared.dir, "careline.db", NULL);
  for (guint i = 0; cl_test_roles[i]; i++)
    {
      g_autofree char *user = g_strdup_printf ("u-%s", cl_test_roles[i]);
      g_autofree char *password = g_strdup_printf ("pw-%s\n", cl_test_roles[i]);

      if (cl_test_server_cli (password, NULL, "user", "add", user, "--role", cl_test_roles[i],
                              "--db", shared.db, NULL) != 0)
        g_error ("user add %s failed", user);
    }

  cl_test_server_start (&shared.server, shared.db);
  for (guint i = 0; cl_test_roles[i]; i++)
    {
      g_autofree char *user = g_strdup_printf ("u-%s", cl_test_roles[i]);
      g_autofree char *password = g_strdup_printf ("pw-%s", cl_test_roles[i]);

      shared.tokens[i] = cl_test_api_login (&shared.server, user, password);
    }
}

void
cl_test_shared_server_finish (void)
{
  cl_test_server_stop (&shared.server);
  g_clear_object (&session);
  for (guint i = 0; i < N_ROLES; i++)
    g_clear_pointer (&shared.tokens[i], g_free);
  cl_test_remove_tree (shared.dir);
  g_clear_pointer (&shared.dir, g_free);
  g_clear_pointer (&shared.db, g_free);
}

CLTestServer *
cl_test_shared_server (void)
{
  g_assert_nonnull (shared.server.process);
  return &shared.server;
}

const char *
cl_test_shared_db (void)
{
  g_assert_nonnull (shared.db);
  return shared.db;
}

const char *
cl_test_token_of (const char *role)
{
  for (guint i = 0; cl_test_roles[i]; i++)
    if (g_str_equal (cl_test_roles[i], role))
      return shared.tokens[i];
  g_assert_not_reached ();
}

const char *
cl_test_token_at (guint i)
{
  g_assert_cmpuint (i, <, N_ROLES);
  return shared.tokens[i];
}

JsonNode *
cl_test_request (const char *method,
                 const char *path,
                 const char *token,
                 const char *body,
                 guint      *status)
{
  return cl_test_api_request (cl_test_shared_server (), method, path, token, body, status);
}

JsonObject *
cl_test_push_one (const char  *token,
                  const char  *change,
                  JsonNode   **holder)
{
  return cl_test_api_push_one (cl_test_shared_server (), token, change, holder);
}

guint
cl_test_send_bytes (const char  *method,
                    const char  *path,
                    const char  *token,
                    GBytes      *body,
                    GBytes     **answer)
{
  g_autoptr(SoupMessage) msg = cl_test_api_message (cl_test_shared_server (), method, path, token);
  g_autoptr(GBytes) reply = NULL;
  guint status;

  if (body)
    soup_message_set_request_body_from_bytes (msg, "application/pdf", body);
  reply = cl_test_api_send (msg, &status);
  if (answer)
    *answer = g_steal_pointer (&reply);
  return status;
}
