/* Integration tests of careline-server: the test starts the real binary
 * on 127.0.0.1 (port 0, read back from its first line of output) and
 * talks to it over HTTP and WebSocket as a desk would. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-tables.h"
#include "cl-test-util.h"

typedef struct
{
  GSubprocess *process;
  char        *url;       /* "http://127.0.0.1:PORT/" */
} Server;

static const char *server_binary;
static char *tmp_dir;
static char *db_path;
static Server main_server;
static SoupSession *session;

static const char * const roles[] = {
  "admin", "case_manager", "escort", "vip_steward", "service_desk", "finance", NULL,
};
/* One token per role, index as in roles[]. */
static char *tokens[G_N_ELEMENTS (roles)];

/* Process helpers */

static int
run_cli (const char  *input,
         char       **out,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) server_binary);
  va_start (args, out);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = cl_test_spawn (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                           G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                           (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, &stdout_text, NULL, &error);
  g_assert_no_error (error);
  if (out)
    *out = g_steal_pointer (&stdout_text);
  return g_subprocess_get_exit_status (process);
}

static void
server_start (Server     *server,
              const char *db)
{
  server->process = cl_test_start_server (server_binary, db, &server->url);
}

static void
server_kill (Server *server)
{
  g_subprocess_force_exit (server->process);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
  g_clear_pointer (&server->url, g_free);
}

static void
server_stop (Server *server)
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

/* HTTP helpers */

static SoupMessage *
new_message (Server     *server,
             const char *method,
             const char *path,
             const char *token)
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

static GBytes *
send_raw (SoupMessage *msg,
          guint       *status)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = soup_session_send_and_read (session, msg, NULL, &error);

  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  return bytes;
}

/* Sends @body (may be NULL) and returns the parsed JSON answer (NULL
 * for an empty one). */
static JsonNode *
request_on (Server     *server,
            const char *method,
            const char *path,
            const char *token,
            const char *body,
            guint      *status)
{
  g_autoptr(SoupMessage) msg = new_message (server, method, path, token);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  if (body)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  answer = send_raw (msg, status);
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

static JsonNode *
request (const char *method,
         const char *path,
         const char *token,
         const char *body,
         guint      *status)
{
  return request_on (&main_server, method, path, token, body, status);
}

static const char *
error_code (JsonNode *node)
{
  JsonObject *error;

  g_assert_nonnull (node);
  error = json_object_get_object_member (json_node_get_object (node), "error");
  g_assert_nonnull (error);
  g_assert_nonnull (json_object_get_string_member (error, "message"));
  return json_object_get_string_member (error, "code");
}

static char *
login_on (Server     *server,
          const char *username,
          const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, password);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = request_on (server, "POST", "/session", NULL, body, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "token"));
}

static const char *
token_of (const char *role)
{
  for (guint i = 0; roles[i]; i++)
    if (g_str_equal (roles[i], role))
      return tokens[i];
  g_assert_not_reached ();
}

/* A change as the desk's outbox would send it. */
static char *
change_json (const char *key,
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

/* Pushes one change and returns its result object (owned by @holder). */
static JsonObject *
push_one_on (Server      *server,
             const char  *token,
             const char  *change,
             JsonNode   **holder)
{
  g_autofree char *body = g_strdup_printf ("{\"changes\":[%s]}", change);
  JsonArray *results;
  guint status;

  *holder = request_on (server, "POST", "/changes", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (*holder), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  return json_array_get_object_element (results, 0);
}

static JsonObject *
push_one (const char  *token,
          const char  *change,
          JsonNode   **holder)
{
  return push_one_on (&main_server, token, change, holder);
}

static char *
new_key (void)
{
  return g_uuid_string_random ();
}

static const char *
status_of (JsonObject *result)
{
  return json_object_get_string_member (result, "status");
}

static const char *
reason_of (JsonObject *result)
{
  return json_object_get_string_member_with_default (result, "reason", NULL);
}

static gint64
db_count (const char *db,
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

/* A small valid PDF, built with correct cross-reference offsets so
 * Poppler opens it without repairs. */
static GBytes *
make_pdf (const char *text)
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

static guint
send_bytes (const char *method,
            const char *path,
            const char *token,
            GBytes     *body,
            GBytes    **answer)
{
  g_autoptr(SoupMessage) msg = new_message (&main_server, method, path, token);
  g_autoptr(GBytes) reply = NULL;
  guint status;

  if (body)
    soup_message_set_request_body_from_bytes (msg, "application/pdf", body);
  reply = send_raw (msg, &status);
  if (answer)
    *answer = g_steal_pointer (&reply);
  return status;
}

/* Tests */

static void
test_health (void)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  guint status;

  answer = request ("GET", "/health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (answer);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (object, "schema"), >=, 2);
}

static void
test_users (void)
{
  g_autofree char *list = NULL;

  /* Everyone of every role was added at start-up; the refusals: */
  g_assert_cmpint (run_cli ("\n", NULL, "user", "add", "nopass", "--role", "escort", "--db", db_path, NULL), ==, 2);
  g_assert_cmpint (run_cli ("", NULL, "user", "add", "nopass", "--role", "escort", "--db", db_path, NULL), ==, 2);
  g_assert_cmpint (run_cli ("pw\n", NULL, "user", "add", "odd", "--role", "nurse", "--db", db_path, NULL), ==, 2);
  g_assert_cmpint (run_cli ("pw\n", NULL, "user", "add", "odd", "--db", db_path, NULL), ==, 2);
  g_assert_cmpint (run_cli ("pw\n", NULL, "user", "add", "u-admin", "--role", "admin", "--db", db_path, NULL), ==, 1);
  g_assert_cmpint (run_cli ("pw\n", NULL, "user", "add", "bad name';--", "--role", "admin", "--db", db_path, NULL), ==, 1);

  g_assert_cmpint (run_cli (NULL, &list, "user", "list", "--db", db_path, NULL), ==, 0);
  for (guint i = 0; roles[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("u-%s", roles[i]);
      g_assert_nonnull (strstr (list, name));
    }
  g_assert_null (strstr (list, "nopass"));
  g_assert_null (strstr (list, "odd"));
}

static void
test_login (void)
{
  g_autoptr(JsonNode) wrong = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *token = NULL;
  guint status;

  wrong = request ("POST", "/session", NULL, "{\"username\":\"u-escort\",\"password\":\"nope\"}", &status);
  g_assert_cmpuint (status, ==, 401);
  unknown = request ("POST", "/session", NULL, "{\"username\":\"nobody\",\"password\":\"nope\"}", &status);
  g_assert_cmpuint (status, ==, 401);
  /* The same words either way: no hint which names exist. */
  g_assert_cmpstr (json_to_string (wrong, FALSE), ==, json_to_string (unknown, FALSE));

  g_clear_pointer (&answer, json_node_unref);
  answer = request ("POST", "/session", NULL, "{\"username\":1,\"password\":\"x\"}", &status);
  g_assert_cmpuint (status, ==, 400);
  g_clear_pointer (&answer, json_node_unref);
  answer = request ("POST", "/session", NULL, "[]", &status);
  g_assert_cmpuint (status, ==, 400);

  g_clear_pointer (&answer, json_node_unref);
  answer = request ("POST", "/session", NULL, "{\"username\":\"u-escort\",\"password\":\"pw-escort\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  {
    JsonObject *object = json_node_get_object (answer);

    token = g_strdup (json_object_get_string_member (object, "token"));
    g_assert_cmpuint (strlen (token), ==, 64);
    g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "escort");
    g_assert_cmpint (json_object_get_int_member (object, "expires_at"), >,
                     g_get_real_time () / G_USEC_PER_SEC + 11 * 3600);
  }

  /* The token works, then logging out ends it. */
  g_clear_pointer (&answer, json_node_unref);
  answer = request ("GET", "/changes?limit=1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&answer, json_node_unref);
  answer = request ("DELETE", "/session", token, NULL, &status);
  g_assert_cmpuint (status, ==, 204);
  g_clear_pointer (&answer, json_node_unref);
  answer = request ("GET", "/changes?limit=1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
  g_assert_cmpstr (error_code (answer), ==, "unauthorized");
}

static void
test_disable (void)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *token = NULL;
  guint status;

  g_assert_cmpint (run_cli ("pw-temp\n", NULL, "user", "add", "temp", "--role", "service_desk",
                            "--db", db_path, NULL), ==, 0);
  token = login_on (&main_server, "temp", "pw-temp");
  answer = request ("GET", "/changes?limit=1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  g_assert_cmpint (run_cli (NULL, NULL, "user", "disable", "temp", "--db", db_path, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "user", "disable", "nobody", "--db", db_path, NULL), ==, 1);

  g_clear_pointer (&answer, json_node_unref);
  answer = request ("GET", "/changes?limit=1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
  g_clear_pointer (&answer, json_node_unref);
  answer = request ("POST", "/session", NULL, "{\"username\":\"temp\",\"password\":\"pw-temp\"}", &status);
  g_assert_cmpuint (status, ==, 401);
}

static const char patient_data[] = "{\"name\":\"张小梅\",\"phone\":\"13800138000\"}";

static void
test_push_duplicate_stale (void)
{
  const char *cm = token_of ("case_manager");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *key1 = new_key ();
  g_autofree char *key2 = new_key ();
  g_autofree char *key3 = new_key ();
  g_autofree char *change1 = change_json (key1, "patient", id, 0, "upsert", patient_data);
  g_autofree char *change2 = NULL;
  g_autofree char *change3 = NULL;
  g_autoptr(JsonNode) h1 = NULL, h2 = NULL, h3 = NULL, h4 = NULL, h5 = NULL;
  JsonObject *result, *current;
  gint64 rev1, rev2;

  /* A new patient: applied, with a rev, and the server's version. */
  result = push_one (cm, change1, &h1);
  g_assert_cmpstr (status_of (result), ==, "applied");
  rev1 = json_object_get_int_member (result, "rev");
  g_assert_cmpint (rev1, >, 0);
  current = json_object_get_object_member (result, "current");
  g_assert_cmpint (json_object_get_int_member (current, "rev"), ==, rev1);
  g_assert_cmpstr (json_object_get_string_member (current, "updated_by"), ==, "u-case_manager");

  /* The same key again (the answer was lost): the same rev, no new
   * change. */
  result = push_one (cm, change1, &h2);
  g_assert_cmpstr (status_of (result), ==, "duplicate");
  g_assert_cmpint (json_object_get_int_member (result, "rev"), ==, rev1);

  /* Desk A edits on top of rev1; desk B, still on rev1, loses. */
  change2 = change_json (key2, "patient", id, rev1, "upsert",
                         "{\"name\":\"张小梅\",\"phone\":\"13800138000\",\"note\":\"desk A\"}");
  result = push_one (cm, change2, &h3);
  g_assert_cmpstr (status_of (result), ==, "applied");
  rev2 = json_object_get_int_member (result, "rev");
  g_assert_cmpint (rev2, >, rev1);

  change3 = change_json (key3, "patient", id, rev1, "upsert",
                         "{\"name\":\"张小梅\",\"phone\":\"13800138000\",\"note\":\"desk B\"}");
  result = push_one (token_of ("service_desk"), change3, &h4);
  g_assert_cmpstr (status_of (result), ==, "rejected");
  g_assert_cmpstr (reason_of (result), ==, "stale");
  current = json_object_get_object_member (result, "current");
  g_assert_nonnull (current);
  g_assert_cmpint (json_object_get_int_member (current, "rev"), ==, rev2);
  g_assert_cmpstr (json_object_get_string_member (current, "note"), ==, "desk A");

  /* A retry of the rejected change gets the same answer. */
  result = push_one (token_of ("service_desk"), change3, &h5);
  g_assert_cmpstr (status_of (result), ==, "rejected");
  g_assert_cmpstr (reason_of (result), ==, "stale");

  /* Exactly two changes of this patient in the feed. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE record_id = '%s'", id);
    g_assert_cmpint (db_count (db_path, sql), ==, 2);
  }
}

/* Two desks registering one woman: the ID number and the record
 * number are unique among live patients, checked by the server inside
 * its write transaction (also between changes of one batch). */
static void
test_push_unique (void)
{
  const char *cm = token_of ("case_manager");
  const char *desk = token_of ("service_desk");
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autofree char *c = g_uuid_string_random ();
  g_autofree char *d = g_uuid_string_random ();
  g_autofree char *ka = new_key (), *kb = new_key (), *kc = new_key (), *kd = new_key ();
  g_autofree char *ke = new_key (), *kf = new_key (), *kg = new_key ();
  g_autofree char *ca = NULL, *cb = NULL, *cc = NULL, *cd = NULL, *ce = NULL, *cf = NULL, *cg = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) h1 = NULL, h2 = NULL, h3 = NULL, h4 = NULL, h5 = NULL;
  JsonArray *results;
  JsonObject *result;
  guint status;
  gint64 rev;

  ca = change_json (ka, "patient", a, 0, "upsert",
                    "{\"name\":\"李春花\",\"phone\":\"13800138001\","
                    "\"id_number\":\"440306198511200024\",\"mrn\":\"MRN-UNIQ-1\"}");
  result = push_one (cm, ca, &h1);
  g_assert_cmpstr (status_of (result), ==, "applied");
  rev = json_object_get_int_member (result, "rev");

  /* Another desk, another record, the same ID number. */
  cb = change_json (kb, "patient", b, 0, "upsert",
                    "{\"name\":\"李春华\",\"phone\":\"13800138002\","
                    "\"id_number\":\"440306198511200024\"}");
  result = push_one (desk, cb, &h2);
  g_assert_cmpstr (status_of (result), ==, "rejected");
  g_assert_cmpstr (reason_of (result), ==, "invalid");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "message"), "id_number: "));
  g_assert_nonnull (strstr (json_object_get_string_member (result, "message"), "ID number"));

  /* The same record number. */
  cc = change_json (kc, "patient", c, 0, "upsert",
                    "{\"name\":\"王芳\",\"phone\":\"13800138003\",\"mrn\":\"MRN-UNIQ-1\"}");
  result = push_one (desk, cc, &h3);
  g_assert_cmpstr (reason_of (result), ==, "invalid");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "message"), "mrn: "));

  /* Her own record keeps its numbers when edited. */
  cd = change_json (kd, "patient", a, rev, "upsert",
                    "{\"name\":\"李春花\",\"phone\":\"13800138001\",\"note\":\"edited\","
                    "\"id_number\":\"440306198511200024\",\"mrn\":\"MRN-UNIQ-1\"}");
  result = push_one (cm, cd, &h4);
  g_assert_cmpstr (status_of (result), ==, "applied");
  rev = json_object_get_int_member (result, "rev");

  /* One batch: her deletion frees the numbers for the new record that
   * follows it; a third record with them is refused again. */
  ce = change_json (ke, "patient", a, rev, "delete", "null");
  cf = change_json (kf, "patient", b, 0, "upsert",
                    "{\"name\":\"李春华\",\"phone\":\"13800138002\","
                    "\"id_number\":\"440306198511200024\",\"mrn\":\"MRN-UNIQ-1\"}");
  cg = change_json (kg, "patient", d, 0, "upsert",
                    "{\"name\":\"赵敏\",\"phone\":\"13800138004\",\"mrn\":\"MRN-UNIQ-1\"}");
  body = g_strdup_printf ("{\"changes\":[%s,%s,%s]}", ce, cf, cg);
  h5 = request ("POST", "/changes", cm, body, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (h5), "results");
  g_assert_cmpstr (status_of (json_array_get_object_element (results, 0)), ==, "applied");
  g_assert_cmpstr (status_of (json_array_get_object_element (results, 1)), ==, "applied");
  g_assert_cmpstr (reason_of (json_array_get_object_element (results, 2)), ==, "invalid");

  g_assert_cmpint (db_count (db_path, "SELECT count(*) FROM patient WHERE deleted = 0"
                                      " AND id_number = '440306198511200024'"), ==, 1);
  g_assert_cmpint (db_count (db_path, "SELECT count(*) FROM patient WHERE deleted = 0"
                                      " AND mrn = 'MRN-UNIQ-1'"), ==, 1);
  /* The refused ones left nothing in the feed. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE record_id IN ('%s', '%s')",
                                            c, d);
    g_assert_cmpint (db_count (db_path, sql), ==, 0);
  }
}

static void
test_delete_and_new_with_base (void)
{
  const char *cm = token_of ("case_manager");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *k1 = new_key (), *k2 = new_key (), *k3 = new_key (), *k4 = new_key ();
  g_autofree char *c1 = change_json (k1, "patient", id, 0, "upsert", patient_data);
  g_autofree char *c2 = NULL, *c3 = NULL, *c4 = NULL;
  g_autoptr(JsonNode) h1 = NULL, h2 = NULL, h3 = NULL, h4 = NULL;
  JsonObject *result;
  gint64 rev;

  result = push_one (cm, c1, &h1);
  rev = json_object_get_int_member (result, "rev");

  c2 = change_json (k2, "patient", id, rev, "delete", "null");
  result = push_one (cm, c2, &h2);
  g_assert_cmpstr (status_of (result), ==, "applied");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (result, "current"), "deleted"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT deleted FROM patient WHERE id = '%s'", id);
    g_assert_cmpint (db_count (db_path, sql), ==, 1);  /* a tombstone, not gone */
  }

  /* Deleting what is not there, or creating with a base rev. */
  c3 = change_json (k3, "patient", "no-such-id", 0, "delete", "null");
  result = push_one (cm, c3, &h3);
  g_assert_cmpstr (reason_of (result), ==, "invalid");
  c4 = change_json (k4, "patient", "no-such-id-2", 7, "upsert", patient_data);
  result = push_one (cm, c4, &h4);
  g_assert_cmpstr (reason_of (result), ==, "stale");
  g_assert_true (json_node_is_null (json_object_get_member (result, "current")));
}

static void
test_pull (void)
{
  const char *cm = token_of ("case_manager");
  g_autofree char *patient_id = g_uuid_string_random ();
  g_autofree char *pregnancy_id = g_uuid_string_random ();
  g_autofree char *k1 = new_key (), *k2 = new_key ();
  g_autofree char *c1 = change_json (k1, "patient", patient_id, 0, "upsert", patient_data);
  g_autofree char *pregnancy = g_strdup_printf ("{\"patient_id\":\"%s\",\"lmp\":\"2026-08-01\","
                                                "\"status\":\"ongoing\",\"gravida\":1,\"para\":0,"
                                                "\"risk\":\"green\"}", patient_id);
  g_autofree char *c2 = change_json (k2, "pregnancy", pregnancy_id, 0, "upsert", pregnancy);
  g_autoptr(JsonNode) h1 = NULL, h2 = NULL, page = NULL;
  JsonObject *result, *object;
  JsonArray *changes;
  gint64 rev_patient, rev_pregnancy, since;
  gboolean saw_pregnancy = FALSE;
  guint status;

  result = push_one (cm, c1, &h1);
  rev_patient = json_object_get_int_member (result, "rev");
  result = push_one (cm, c2, &h2);
  g_assert_cmpstr (status_of (result), ==, "applied");
  rev_pregnancy = json_object_get_int_member (result, "rev");
  /* The server computed the EDD. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "current"), "edd"),
                   ==, "2027-05-08");

  /* Paging one at a time from just before the patient. */
  {
    g_autofree char *path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT "&limit=1", rev_patient - 1);

    page = request ("GET", path, cm, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    object = json_node_get_object (page);
    changes = json_object_get_array_member (object, "changes");
    g_assert_cmpuint (json_array_get_length (changes), ==, 1);
    g_assert_cmpint (json_object_get_int_member (object, "next"), ==, rev_patient);
    g_assert_true (json_object_get_boolean_member (object, "more"));
    {
      JsonObject *change = json_array_get_object_element (changes, 0);
      JsonObject *data = json_object_get_object_member (change, "data");

      g_assert_cmpstr (json_object_get_string_member (change, "table"), ==, "patient");
      g_assert_cmpstr (json_object_get_string_member (change, "id"), ==, patient_id);
      g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "upsert");
      g_assert_cmpstr (json_object_get_string_member (data, "name"), ==, "张小梅");
      g_assert_cmpint (json_object_get_int_member (data, "rev"), ==, rev_patient);
    }
  }

  /* Finance may not read pregnancies: the row is skipped, yet "next"
   * moves past it so the desk never asks for it again. */
  since = rev_patient;
  for (;;)
    {
      g_autofree char *path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT "&limit=5", since);
      g_autoptr(JsonNode) more_page = request ("GET", path, token_of ("finance"), NULL, &status);

      g_assert_cmpuint (status, ==, 200);
      object = json_node_get_object (more_page);
      changes = json_object_get_array_member (object, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, i), "table"),
                         !=, "pregnancy");
      since = json_object_get_int_member (object, "next");
      if (!json_object_get_boolean_member (object, "more"))
        break;
    }
  g_assert_cmpint (since, >=, rev_pregnancy);

  /* The case manager does see it. */
  {
    g_autofree char *path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT "&limit=1", rev_pregnancy - 1);
    g_autoptr(JsonNode) cm_page = request ("GET", path, cm, NULL, &status);

    changes = json_object_get_array_member (json_node_get_object (cm_page), "changes");
    g_assert_cmpuint (json_array_get_length (changes), ==, 1);
    saw_pregnancy = g_str_equal (json_object_get_string_member (json_array_get_object_element (changes, 0), "table"),
                                 "pregnancy");
  }
  g_assert_true (saw_pregnancy);
}

/* What each role may write, as the README's permission table says. */
static gboolean
expected_write (const char *role,
                const char *table)
{
  static const struct { const char *table; const char *writers; } expected[] = {
    { "patient", "admin case_manager service_desk" },
    { "pregnancy", "admin case_manager" },
    { "risk_event", "admin case_manager" },
    { "staff", "admin" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_str_equal (expected[i].table, table))
      {
        g_auto(GStrv) writers = g_strsplit (expected[i].writers, " ", -1);
        return g_strv_contains ((const char * const *) writers, role);
      }
  /* Tables added by later issues: as the shared registry says. */
  return cl_tables_can_write (role, table);
}

static void
test_role_matrix_changes (void)
{
  const char * const *tables = cl_tables_list ();
  g_autofree char *patient_id = g_uuid_string_random ();
  g_autofree char *pregnancy_id = g_uuid_string_random ();
  g_autofree char *k = new_key (), *k2 = new_key ();
  g_autofree char *c = change_json (k, "patient", patient_id, 0, "upsert", patient_data);
  g_autofree char *pregnancy = g_strdup_printf ("{\"patient_id\":\"%s\",\"lmp\":\"2026-08-01\","
                                                "\"status\":\"ongoing\",\"gravida\":1,\"para\":0,"
                                                "\"risk\":\"green\"}", patient_id);
  g_autofree char *c2 = change_json (k2, "pregnancy", pregnancy_id, 0, "upsert", pregnancy);
  g_autoptr(JsonNode) h = NULL, h2 = NULL;

  push_one (token_of ("admin"), c, &h);
  g_assert_cmpstr (status_of (push_one (token_of ("admin"), c2, &h2)), ==, "applied");

  for (guint r = 0; roles[r]; r++)
    {
      const char *role = roles[r];

      /* Valid records of the four base tables: applied or forbidden. */
      {
        struct { const char *table; char *data; } samples[] = {
          { "patient", g_strdup (patient_data) },
          { "pregnancy", g_strdup (pregnancy) },
          { "risk_event", g_strdup_printf ("{\"pregnancy_id\":\"%s\",\"date\":\"2026-11-01\",\"risk\":\"yellow\"}",
                                           pregnancy_id) },
          { "staff", g_strdup_printf ("{\"username\":\"s-%s\",\"display_name\":\"王医生\",\"role\":\"escort\"}", role) },
        };

        for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
          {
            g_autofree char *key = new_key ();
            g_autofree char *id = g_uuid_string_random ();
            g_autofree char *change = change_json (key, samples[s].table, id, 0, "upsert", samples[s].data);
            g_autoptr(JsonNode) holder = NULL;
            JsonObject *result = push_one (token_of (role), change, &holder);

            if (g_test_verbose ())
              g_test_message ("%s writes %s: %s %s", role, samples[s].table, status_of (result),
                              reason_of (result));
            if (expected_write (role, samples[s].table))
              g_assert_cmpstr (status_of (result), ==, "applied");
            else
              {
                g_assert_cmpstr (status_of (result), ==, "rejected");
                g_assert_cmpstr (reason_of (result), ==, "forbidden");
              }
            g_free (samples[s].data);
          }
      }

      /* Every table, even ones whose rules this test does not know: a
       * role that may not write gets "forbidden", one that may never
       * does. */
      for (guint t = 0; tables[t]; t++)
        {
          g_autofree char *key = new_key ();
          g_autofree char *id = g_uuid_string_random ();
          g_autofree char *change = change_json (key, tables[t], id, 0, "upsert", "{}");
          g_autoptr(JsonNode) holder = NULL;
          JsonObject *result = push_one (token_of (role), change, &holder);

          if (expected_write (role, tables[t]))
            g_assert_cmpstr (reason_of (result), !=, "forbidden");
          else
            g_assert_cmpstr (reason_of (result), ==, "forbidden");
        }
    }
}

static void
test_role_matrix_endpoints (void)
{
  g_autoptr(GBytes) pdf = make_pdf ("role matrix");
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *doc_path = g_strdup_printf ("/documents/%s", sha);
  static const char * const doc_writers[] = { "admin", "case_manager", NULL };
  static const char * const doc_readers[] = { "admin", "case_manager", "service_desk", NULL };
  static const char * const authed[] = {
    "GET /changes", "POST /changes", "GET /patients", "GET /documents", "PUT /documents",
    "GET /snapshot", "DELETE /session", NULL,
  };
  guint status;

  /* No token, a malformed one and an unknown one: 401 everywhere. */
  for (guint i = 0; authed[i]; i++)
    {
      const char *fake_tokens[] = { NULL, "abc", "0123456789012345678901234567890123456789012345678901234567890123" };

      for (guint f = 0; f < G_N_ELEMENTS (fake_tokens); f++)
        {
          g_auto(GStrv) parts = g_strsplit (authed[i], " ", 2);
          const char *path = g_str_equal (parts[1], "/documents") ? doc_path : parts[1];
          g_autoptr(JsonNode) answer = NULL;

          if (g_str_equal (parts[0], "PUT"))
            {
              g_autoptr(GBytes) reply = NULL;
              g_autoptr(SoupMessage) msg = new_message (&main_server, "PUT", path, fake_tokens[f]);

              soup_message_set_request_body_from_bytes (msg, "application/pdf", pdf);
              reply = send_raw (msg, &status);
            }
          else
            answer = request (parts[0], path, fake_tokens[f],
                              g_str_equal (parts[0], "POST") ? "{\"changes\":[]}" : NULL, &status);
          g_assert_cmpuint (status, ==, 401);
        }
    }

  /* Health needs no one. */
  {
    g_autoptr(JsonNode) answer = request ("GET", "/health", NULL, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
  }

  /* Upload once so the readers have something to read. */
  g_assert_cmpuint (send_bytes ("PUT", doc_path, token_of ("case_manager"), pdf, NULL), ==, 201);

  for (guint r = 0; roles[r]; r++)
    {
      const char *token = tokens[r];
      g_autoptr(JsonNode) a1 = NULL, a2 = NULL, a3 = NULL;

      a1 = request ("GET", "/changes?limit=10", token, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      a2 = request ("POST", "/changes", token, "{\"changes\":[]}", &status);
      g_assert_cmpuint (status, ==, 200);
      a3 = request ("GET", "/patients?q=zxm&limit=5", token, NULL, &status);
      g_assert_cmpuint (status, ==, cl_tables_can_read (roles[r], "patient") ? 200 : 403);

      status = send_bytes ("GET", doc_path, token, NULL, NULL);
      g_assert_cmpuint (status, ==, g_strv_contains (doc_readers, roles[r]) ? 200 : 403);
      /* Every role gets a snapshot of what it may read (test-snapshot
       * looks inside); no role may change one. */
      status = send_bytes ("GET", "/snapshot", token, NULL, NULL);
      g_assert_cmpuint (status, ==, 200);
      status = send_bytes ("PUT", "/snapshot", token, pdf, NULL);
      g_assert_cmpuint (status, ==, 405);
      status = send_bytes ("PUT", doc_path, token, pdf, NULL);
      /* Already stored: 200 rather than 201. */
      g_assert_cmpuint (status, ==, g_strv_contains (doc_writers, roles[r]) ? 200 : 403);
    }
}

static void
test_patients_search (void)
{
  const char *cm = token_of ("case_manager");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *key = new_key ();
  g_autofree char *change = change_json (key, "patient", id, 0, "upsert",
                                         "{\"name\":\"单晓燕\",\"phone\":\"13912345678\"}");
  g_autoptr(JsonNode) holder = NULL, answer = NULL;
  JsonArray *patients;
  guint status;

  g_assert_cmpstr (status_of (push_one (cm, change, &holder)), ==, "applied");

  /* Pinyin with the surname's special reading, initials, last four. */
  {
    const char *queries[] = { "shan%20xiao%20yan", "sxy", "5678", "%E5%8D%95%E6%99%93" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autofree char *path = g_strdup_printf ("/patients?q=%s", queries[i]);
        gboolean found = FALSE;

        g_clear_pointer (&answer, json_node_unref);
        answer = request ("GET", path, cm, NULL, &status);
        g_assert_cmpuint (status, ==, 200);
        patients = json_object_get_array_member (json_node_get_object (answer), "patients");
        for (guint p = 0; p < json_array_get_length (patients); p++)
          {
            JsonObject *row = json_array_get_object_element (patients, p);

            if (g_str_equal (json_object_get_string_member (row, "id"), id))
              {
                found = TRUE;
                g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "单晓燕");
                g_assert_cmpstr (json_object_get_string_member (row, "phone_masked"), ==, "139****5678");
              }
          }
        if (!found)
          g_error ("query %s did not find the patient", queries[i]);
      }
  }

  /* Bad limits. */
  {
    const char *bad[] = { "limit=0", "limit=-1", "limit=abc", "limit=99999", "limit=1e3" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *path = g_strdup_printf ("/patients?q=a&%s", bad[i]);

        g_clear_pointer (&answer, json_node_unref);
        answer = request ("GET", path, cm, NULL, &status);
        g_assert_cmpuint (status, ==, 400);
      }
  }

  /* SQL in a search is just text that matches nothing. */
  g_clear_pointer (&answer, json_node_unref);
  answer = request ("GET", "/patients?q=%27%3B%20DROP%20TABLE%20patient%3B--", cm, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_bad_input (void)
{
  const char *cm = token_of ("case_manager");
  g_autofree char *before_sql = g_strdup ("SELECT count(*) FROM change_log");
  gint64 before;
  guint status;

  /* The body is not even JSON, or not the right JSON. */
  {
    const char *bodies[] = {
      "{\"changes\":[", "not json", "", "\xff\xfe{}", "[]", "{\"changes\":{}}", "{\"changes\":[1]}",
      "{\"changes\":[],\"extra\":1}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr(JsonNode) answer = request ("POST", "/changes", cm, bodies[i], &status);
        g_assert_cmpuint (status, ==, 400);
        g_assert_true (g_str_equal (error_code (answer), "bad_json") ||
                       g_str_equal (error_code (answer), "bad_request"));
      }
  }

  /* Deep nesting would exhaust the parser's stack. */
  {
    gsize depth = 1000000;
    g_autofree char *deep = g_strnfill (depth, '[');
    g_autoptr(JsonNode) answer = request ("POST", "/changes", cm, deep, &status);

    g_assert_cmpuint (status, ==, 400);
    g_assert_cmpstr (error_code (answer), ==, "bad_json");
  }

  /* A batch with one malformed change is refused whole: the good one
   * before it is not written. */
  before = db_count (db_path, before_sql);
  {
    g_autofree char *good_key = new_key ();
    g_autofree char *good = change_json (good_key, "patient", "partial-1", 0, "upsert", patient_data);
    const char *bad_changes[] = {
      "{\"key\":\"k\",\"table\":\"patient\",\"id\":\"x\",\"base_rev\":\"0\",\"op\":\"upsert\",\"data\":{}}",
      "{\"key\":\"k\",\"table\":\"patient\",\"id\":\"x\",\"base_rev\":-1,\"op\":\"upsert\",\"data\":{}}",
      "{\"key\":\"k\",\"table\":\"patient\",\"id\":\"x\",\"base_rev\":0,\"op\":\"merge\",\"data\":{}}",
      "{\"key\":\"k\",\"table\":\"patient\",\"id\":\"x\",\"base_rev\":0,\"op\":\"upsert\",\"data\":[]}",
      "{\"key\":\"k\",\"table\":\"patient\",\"id\":\"x\",\"base_rev\":0,\"op\":\"upsert\"}",
      "{\"table\":\"patient\",\"id\":\"x\",\"base_rev\":0,\"op\":\"upsert\",\"data\":{}}",
      "{\"key\":5,\"table\":\"patient\",\"id\":\"x\",\"base_rev\":0,\"op\":\"upsert\",\"data\":{}}",
      "{\"key\":\"k\",\"table\":\"patient\",\"id\":\"\",\"base_rev\":0,\"op\":\"upsert\",\"data\":{}}",
      "{\"key\":\"k\",\"table\":\"patient\",\"id\":\"x\",\"base_rev\":0,\"op\":\"upsert\",\"data\":{},\"x\":1}",
      "{\"key\":\"k\",\"table\":\"patient\",\"id\":\"x\",\"base_rev\":1.5,\"op\":\"upsert\",\"data\":{}}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad_changes); i++)
      {
        g_autofree char *body = g_strdup_printf ("{\"changes\":[%s,%s]}", good, bad_changes[i]);
        g_autoptr(JsonNode) answer = request ("POST", "/changes", cm, body, &status);

        g_assert_cmpuint (status, ==, 400);
        g_assert_cmpstr (error_code (answer), ==, "bad_request");
      }
    /* The same key twice in one batch. */
    {
      g_autofree char *body = g_strdup_printf ("{\"changes\":[%s,%s]}", good, good);
      g_autoptr(JsonNode) answer = request ("POST", "/changes", cm, body, &status);

      g_assert_cmpuint (status, ==, 400);
    }
  }
  g_assert_cmpint (db_count (db_path, before_sql), ==, before);

  /* Well-formed changes with bad content: rejected "invalid", nothing
   * written, the rest of the batch goes on. */
  {
    const char *contents[][2] = {
      { "no_such_table", "{}" },
      { "patient", "{\"name\":\"a\",\"phone\":\"13800138000\",\"favourite_colour\":\"red\"}" },
      { "patient", "{\"name\":5,\"phone\":\"13800138000\"}" },
      { "patient", "{\"name\":\"a\",\"phone\":13800138000}" },
      { "patient", "{\"name\":\"a\",\"phone\":\"12\"}" },
      { "patient", "{\"name\":\"\",\"phone\":\"13800138000\"}" },
      { "patient", "{\"id\":\"someone-else\",\"name\":\"a\",\"phone\":\"13800138000\"}" },
      { "patient", "{\"name\":\"a\",\"phone\":\"13800138000\",\"deleted\":\"yes\"}" },
      { "pregnancy", "{\"patient_id\":\"p\",\"lmp\":\"yesterday\",\"status\":\"ongoing\",\"gravida\":1}" },
      { "pregnancy", "{\"patient_id\":\"p\",\"lmp\":\"2026-08-01\",\"status\":\"ongoing\",\"gravida\":99999999999}" },
      { "sqlite_master", "{}" },
      { "patient; DROP TABLE patient", "{}" },
    };

    before = db_count (db_path, before_sql);
    for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
      {
        g_autofree char *key = new_key ();
        g_autofree char *id = g_uuid_string_random ();
        g_autofree char *change = change_json (key, contents[i][0], id, 0, "upsert", contents[i][1]);
        g_autoptr(JsonNode) holder = NULL;
        JsonObject *result = push_one (cm, change, &holder);

        if (g_strcmp0 (reason_of (result), "invalid") != 0)
          g_error ("change %u (%s) was %s", i, contents[i][1], status_of (result));
        g_assert_nonnull (json_object_get_string_member (result, "message"));
      }
    g_assert_cmpint (db_count (db_path, before_sql), ==, before);
  }

  /* SQL metacharacters in every string are stored as they are.  (A
   * \u0000 is refused with the whole body: test-hardening-json.c.) */
  {
    const char *nasty = "O'Brien\\\"); DROP TABLE patient; -- %_ ? 单";
    g_autofree char *data = g_strdup_printf ("{\"name\":\"%s\",\"phone\":\"13800138000\",\"note\":\"%s\","
                                             "\"address\":\"' OR '1'='1\"}", "O'Brien; DROP TABLE patient;--",
                                             nasty);
    const char *key = "key'; DELETE FROM applied_change; --";
    const char *id = "id' OR 1=1 --";
    g_autofree char *change = change_json (key, "patient", id, 0, "upsert", data);
    g_autoptr(JsonNode) holder = NULL, again = NULL;
    JsonObject *result = push_one (cm, change, &holder), *current;

    g_assert_cmpstr (status_of (result), ==, "applied");
    current = json_object_get_object_member (result, "current");
    g_assert_cmpstr (json_object_get_string_member (current, "name"), ==, "O'Brien; DROP TABLE patient;--");
    g_assert_cmpstr (json_object_get_string_member (current, "address"), ==, "' OR '1'='1");
    g_assert_cmpstr (json_object_get_string_member (current, "id"), ==, id);
    g_assert_nonnull (strstr (json_object_get_string_member (current, "note"), "O'Brien\"); DROP"));
    result = push_one (cm, change, &again);
    g_assert_cmpstr (status_of (result), ==, "duplicate");
    g_assert_cmpint (db_count (db_path, "SELECT count(*) FROM patient WHERE name = 'O''Brien; DROP TABLE patient;--'"), ==, 1);
  }

  /* Absurd limits and revs. */
  {
    const char *paths[] = {
      "/changes?limit=-1", "/changes?limit=abc", "/changes?limit=99999", "/changes?limit=0",
      "/changes?limit=", "/changes?since=-5", "/changes?since=x", "/changes?limit=%20%201",
      "/changes?since=99999999999999999999999",
    };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(JsonNode) answer = request ("GET", paths[i], cm, NULL, &status);
        if (status != 400)
          g_error ("%s gave %u", paths[i], status);
        g_assert_cmpstr (error_code (answer), ==, "bad_request");
      }
  }

  /* Too big: refused from the headers. */
  {
    gsize size = 9 * 1024 * 1024;
    char *big = g_malloc (size + 1);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(SoupMessage) msg = new_message (&main_server, "POST", "/changes", cm);
    g_autoptr(GBytes) reply = NULL;

    memset (big, ' ', size);
    memcpy (big, "{\"changes\":[", 12);
    big[size] = '\0';
    bytes = g_bytes_new_take (big, size);
    soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    reply = send_raw (msg, &status);
    g_assert_cmpuint (status, ==, 413);
  }

  /* Unknown routes and methods. */
  {
    g_autoptr(JsonNode) a1 = NULL, a2 = NULL, a3 = NULL, a4 = NULL;

    a1 = request ("GET", "/nothing", cm, NULL, &status);
    g_assert_cmpuint (status, ==, 404);
    g_assert_cmpstr (error_code (a1), ==, "not_found");
    a2 = request ("PUT", "/changes", cm, "{}", &status);
    g_assert_cmpuint (status, ==, 405);
    a3 = request ("PATCH", "/health", NULL, NULL, &status);
    g_assert_cmpuint (status, ==, 405);
    a4 = request ("GET", "/documents/not-a-hash", cm, NULL, &status);
    g_assert_cmpuint (status, ==, 400);
  }

  /* After all that the server is still there. */
  test_health ();
}

static void
test_documents (void)
{
  const char *cm = token_of ("case_manager");
  g_autoptr(GBytes) pdf = make_pdf ("B-ultrasound report");
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *path = g_strdup_printf ("/documents/%s?patient=patient-42", sha);
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *audit = NULL;

  g_assert_cmpuint (send_bytes ("GET", path, cm, NULL, NULL), ==, 404);
  g_assert_cmpuint (send_bytes ("PUT", path, cm, pdf, NULL), ==, 201);
  g_assert_cmpuint (send_bytes ("GET", path, token_of ("service_desk"), NULL, &answer), ==, 200);
  g_assert_true (g_bytes_equal (answer, pdf));

  /* The wrong hash, not a PDF, empty, too big. */
  {
    g_autoptr(GBytes) other = make_pdf ("another");
    g_autoptr(GBytes) text = g_bytes_new_static ("hello, not a pdf", 16);
    g_autofree char *text_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, text);
    g_autofree char *text_path = g_strdup_printf ("/documents/%s", text_sha);
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autofree char *empty_path = g_strdup_printf ("/documents/%s",
                                                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    gsize size = 51 * 1024 * 1024;
    g_autoptr(GBytes) huge = g_bytes_new_take (g_malloc0 (size), size);

    g_assert_cmpuint (send_bytes ("PUT", path, cm, other, NULL), ==, 400);
    g_assert_cmpuint (send_bytes ("PUT", text_path, cm, text, NULL), ==, 400);
    g_assert_cmpuint (send_bytes ("PUT", empty_path, cm, empty, NULL), ==, 400);
    g_assert_cmpuint (send_bytes ("PUT", text_path, cm, huge, NULL), ==, 413);
    g_assert_cmpuint (send_bytes ("GET", text_path, cm, NULL, NULL), ==, 404);
  }

  /* Who opened her documents is on record. */
  g_assert_cmpint (run_cli (NULL, &audit, "audit", "--db", db_path, "--patient", "patient-42", NULL), ==, 0);
  g_assert_nonnull (strstr (audit, "u-service_desk\tservice_desk\topen-document\tdocument"));
  g_assert_nonnull (strstr (audit, "u-case_manager\tcase_manager\tput-document\tdocument"));
  g_assert_nonnull (strstr (audit, sha));
}

typedef struct
{
  SoupWebsocketConnection *conn;
  GError                  *error;
  GPtrArray               *messages;
} EventsState;

static void
ws_message_cb (SoupWebsocketConnection *conn,
               gint                     type,
               GBytes                  *message,
               EventsState             *state)
{
  g_ptr_array_add (state->messages, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
ws_connected_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EventsState *state = user_data;

  state->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &state->error);
  if (state->conn)
    g_signal_connect (state->conn, "message", G_CALLBACK (ws_message_cb), state);
}

static void
ws_connect (const char  *query,
            EventsState *state)
{
  g_autofree char *url = g_strconcat (main_server.url, "api/v1/events", query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  state->messages = g_ptr_array_new_with_free_func (g_free);
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        ws_connected_cb, state);
  while (state->conn == NULL && state->error == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_messages (EventsState *state,
               guint        n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, timeout_cb, &timed_out);

  while (state->messages->len < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (state->messages->len, >=, n);
}

/* The server serves from several threads (4 in tests): a nudge must
 * reach every desk's socket, whichever thread accepted it. */
#define N_EVENT_SOCKETS 8

static void
test_events (void)
{
  g_autofree char *query = g_strdup_printf ("?token=%s", token_of ("escort"));
  g_autofree char *key = new_key ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *change = change_json (key, "patient", id, 0, "upsert", patient_data);
  g_autoptr(JsonNode) holder = NULL;
  EventsState states[N_EVENT_SOCKETS] = { 0 }, denied = { 0 };
  g_autofree char *expected = NULL;
  gint64 rev;

  ws_connect ("", &denied);
  g_assert_nonnull (denied.error);
  g_clear_error (&denied.error);
  g_ptr_array_unref (denied.messages);

  for (guint i = 0; i < N_EVENT_SOCKETS; i++)
    {
      ws_connect (query, &states[i]);
      g_assert_no_error (states[i].error);
    }
  rev = json_object_get_int_member (push_one (token_of ("case_manager"), change, &holder), "rev");
  expected = g_strdup_printf ("{\"rev\":%" G_GINT64_FORMAT "}", rev);
  for (guint i = 0; i < N_EVENT_SOCKETS; i++)
    {
      wait_messages (&states[i], 1);
      g_assert_cmpstr (g_ptr_array_index (states[i].messages, 0), ==, expected);
    }

  for (guint i = 0; i < N_EVENT_SOCKETS; i++)
    {
      soup_websocket_connection_close (states[i].conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      while (soup_websocket_connection_get_state (states[i].conn) != SOUP_WEBSOCKET_STATE_CLOSED)
        g_main_context_iteration (NULL, TRUE);
      g_clear_object (&states[i].conn);
      g_ptr_array_unref (states[i].messages);
    }
}

static void
test_audit (void)
{
  g_autofree char *all = NULL;
  sqlite3 *handle = NULL;
  char *message = NULL;

  /* A forbidden change, and a forbidden call. */
  {
    g_autofree char *key = new_key ();
    g_autofree char *change = change_json (key, "patient", "audit-target", 0, "upsert", patient_data);
    g_autoptr(JsonNode) holder = NULL, answer = NULL;
    guint status;

    g_assert_cmpstr (reason_of (push_one (token_of ("escort"), change, &holder)), ==, "forbidden");
    g_assert_cmpuint (send_bytes ("GET", "/documents/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                  token_of ("finance"), NULL, NULL), ==, 403);
    answer = request ("GET", "/changes", NULL, NULL, &status);
  }

  g_assert_cmpint (run_cli (NULL, &all, "audit", "--db", db_path, NULL), ==, 0);
  g_assert_nonnull (strstr (all, "u-escort\tescort\tupsert\tpatient\taudit-target\taudit-target\t403\tforbidden"));
  g_assert_nonnull (strstr (all, "u-finance\tfinance\tforbidden\t-\t-\t-\t403\tGET /api/v1/documents/"));
  g_assert_nonnull (strstr (all, "-\t-\tunauthorized\t-\t-\t-\t401\tGET /api/v1/changes"));
  g_assert_nonnull (strstr (all, "u-case_manager\tcase_manager\tupsert\tpatient\t"));
  g_assert_nonnull (strstr (all, "\tlogin\t-\t-\t-\t401\t"));
  g_assert_nonnull (strstr (all, "u-case_manager\tcase_manager\tupsert\tpatient\t"));
  /* Times are local ISO 8601. */
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d\\t", all,
                                       G_REGEX_MULTILINE, 0));

  /* The log cannot be edited, even by someone with the file. */
  g_assert_cmpint (sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE audit SET username = 'nobody'", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM audit", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  sqlite3_close (handle);
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

/* kill -9 in the middle of a push: every change acknowledged before is
 * there once; the rest, sent again with the same keys, are applied
 * once. */
static void
test_kill9 (void)
{
  enum { N = 600, ACKED = 50 };
  g_autofree char *dir = cl_test_make_tmp_dir ("server-kill9");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) first = g_string_new ("{\"changes\":[");
  g_autoptr(GString) all = g_string_new ("{\"changes\":[");
  g_autoptr(JsonNode) acked = NULL, again = NULL;
  g_autoptr(GError) batch_error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *token = NULL;
  gint64 acked_revs[ACKED];
  gint64 committed;
  Server server = { 0 };
  JsonArray *results;
  guint status, n_duplicate = 0, n_applied = 0;

  g_assert_cmpint (run_cli ("pw\n", NULL, "user", "add", "desk", "--role", "case_manager", "--db", db, NULL), ==, 0);
  server_start (&server, db);
  token = login_on (&server, "desk", "pw");

  for (guint i = 0; i < N; i++)
    {
      g_autofree char *key = g_strdup_printf ("kill9-key-%04u", i);
      g_autofree char *id = g_strdup_printf ("kill9-patient-%04u", i);
      g_autofree char *data = g_strdup_printf ("{\"name\":\"患者%u\",\"phone\":\"138%08u\"}", i, i);

      g_ptr_array_add (changes, change_json (key, "patient", id, 0, "upsert", data));
      g_string_append_printf (all, "%s%s", i ? "," : "", (char *) g_ptr_array_index (changes, i));
      if (i < ACKED)
        g_string_append_printf (first, "%s%s", i ? "," : "", (char *) g_ptr_array_index (changes, i));
    }
  g_string_append (first, "]}");
  g_string_append (all, "]}");

  /* The first ACKED are pushed and answered. */
  acked = request_on (&server, "POST", "/changes", token, first->str, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (acked), "results");
  for (guint i = 0; i < ACKED; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      g_assert_cmpstr (status_of (result), ==, "applied");
      acked_revs[i] = json_object_get_int_member (result, "rev");
    }

  /* Then the whole batch again, and the server dies while it works. */
  msg = new_message (&server, "POST", "/changes", token);
  {
    g_autoptr(GBytes) body = g_bytes_new (all->str, all->len);
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  }
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, batch_done_cb, &batch_error);
  for (;;)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      committed = db_count (db, "SELECT count(*) FROM change_log");
      if (committed > ACKED + 20 || batch_error)
        break;
      g_usleep (500);
    }
  server_kill (&server);
  while (batch_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  committed = db_count (db, "SELECT count(*) FROM change_log");
  g_test_message ("%" G_GINT64_FORMAT " of %d changes were committed at the kill", committed, N);
  if (committed >= N)
    g_test_incomplete ("the batch finished before the kill");
  g_assert_cmpint (committed, >=, ACKED);

  /* Restart on the same file; the desk sends the whole batch again. */
  server_start (&server, db);
  g_free (token);
  token = login_on (&server, "desk", "pw");
  again = request_on (&server, "POST", "/changes", token, all->str, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (again), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, N);
  for (guint i = 0; i < N; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      if (g_str_equal (status_of (result), "duplicate"))
        n_duplicate++;
      else
        {
          g_assert_cmpstr (status_of (result), ==, "applied");
          n_applied++;
        }
      if (i < ACKED)
        {
          g_assert_cmpstr (status_of (result), ==, "duplicate");
          g_assert_cmpint (json_object_get_int_member (result, "rev"), ==, acked_revs[i]);
        }
    }
  g_assert_cmpint (n_duplicate, ==, committed);
  g_assert_cmpint (n_applied, ==, N - committed);

  /* Each change exactly once. */
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM change_log"), ==, N);
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM (SELECT record_id FROM change_log"
                                 " GROUP BY record_id HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM patient WHERE id LIKE 'kill9-patient-%'"), ==, N);
  g_assert_cmpint (db_count (db, "SELECT count(*) FROM applied_change"), ==, N);

  server_stop (&server);
  cl_test_remove_tree (dir);
}

static gboolean
accept_any_cb (SoupMessage          *msg,
               GTlsCertificate      *certificate,
               GTlsCertificateFlags  errors,
               gpointer              user_data)
{
  return TRUE;
}

static void
test_tls (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL, *cert = NULL, *key = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *url = NULL;
  g_autoptr(SoupSession) tls_session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  dir = cl_test_make_tmp_dir ("server-tls");
  db = g_build_filename (dir, "careline.db", NULL);
  cert = g_build_filename (dir, "cert.pem", NULL);
  key = g_build_filename (dir, "key.pem", NULL);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                              "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_clear_object (&process);

  {
    const char *argv[] = { server_binary, "serve", "--db", db, "--listen", "127.0.0.1:0",
                           "--tls-cert", cert, "--tls-key", key, NULL };

    process = cl_test_spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE, argv, &error);
  }
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (line, "https://"));
  url = g_strconcat (strstr (line, "https://"), "api/v1/health", NULL);

  /* A self-signed certificate: trust it for this session only. */
  tls_session = soup_session_new ();
  msg = soup_message_new ("GET", url);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_cb), NULL);
  body = soup_session_send_and_read (tls_session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (body, NULL), "\"ok\""));

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  cl_test_remove_tree (dir);
}

/* Pushes @data to @table as a new record (base_rev 0) and returns the
 * result's status; its reason and message go to @reason / @message. */
static char *
push_op (const char  *role,
         const char  *op,
         const char  *table,
         const char  *id,
         gint64       base_rev,
         const char  *data,
         char       **message)
{
  g_autofree char *key = new_key ();
  g_autofree char *change = change_json (key, table, id, base_rev, op, data);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result = push_one (token_of (role), change, &holder);
  const char *reason = reason_of (result);

  if (message)
    *message = g_strdup (json_object_get_string_member_with_default (result, "message", ""));
  return g_strdup (reason ? reason : status_of (result));
}

static char *
push_new (const char  *role,
          const char  *table,
          const char  *id,
          gint64       base_rev,
          const char  *data,
          char       **message)
{
  return push_op (role, "upsert", table, id, base_rev, data, message);
}

static gint64
rev_of (const char *table,
        const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = '%s'", table, id);

  return db_count (db_path, sql);
}

/* A closed settlement month is refused by the server itself, inside the
 * write transaction, whatever the desk knew: a payment, refund or
 * deduction dated in it, a change to what it settled, a rate effective
 * in it, reopening it, and deleting it or what it settled.  Each gets
 * reason "closed" with a message that says why, and nothing of it is
 * written. */
static void
test_closed_month (void)
{
  const char *paid = "c1000000-0000-4000-8000-000000000001";
  const char *late = "c1000000-0000-4000-8000-000000000002";
  const char *month = "c1000000-0000-4000-8000-000000000003";
  const char *deduction = "c1000000-0000-4000-8000-000000000004";
  const char *rate = "c1000000-0000-4000-8000-000000000005";
  const char *september = "c1000000-0000-4000-8000-000000000006";
  const char *settled_deduction = "c1000000-0000-4000-8000-000000000008";
  g_autofree char *message = NULL;
  g_autofree char *answer = NULL;
  gint64 feed;

  /* A payment of 5 August, then finance closes August. */
  answer = push_new ("case_manager", "enrolment", paid, 0,
                     "{\"patient_id\":\"p-closed\",\"package_id\":\"whole\",\"price_fen\":298000,"
                     "\"agreement_date\":\"2026-08-05\",\"explained_by\":\"王护士\",\"paid_date\":\"2026-08-05\","
                     "\"paid_fen\":298000,\"receipt_no\":\"FP-0805\",\"status\":\"active\"}", NULL);
  g_assert_cmpstr (answer, ==, "applied");
  g_free (answer);
  answer = push_new ("finance", "deduction", settled_deduction, 0,
                     "{\"date\":\"2026-08-10\",\"amount_fen\":50000,\"reason\":\"投诉未闭环\"}", NULL);
  g_assert_cmpstr (answer, ==, "applied");
  g_free (answer);
  answer = push_new ("finance", "settlement_month", month, 0,
                     "{\"month\":\"2026-08\",\"closed\":true,\"closed_by\":\"u-finance\",\"snapshot\":\"{}\"}", NULL);
  g_assert_cmpstr (answer, ==, "applied");
  feed = db_count (db_path, "SELECT count(*) FROM change_log");

  /* A new payment dated in August (a desk that had not heard of the
   * close). */
  g_free (answer);
  answer = push_new ("case_manager", "enrolment", late, 0,
                     "{\"patient_id\":\"p-closed\",\"package_id\":\"mid\",\"price_fen\":198000,"
                     "\"agreement_date\":\"2026-08-20\",\"explained_by\":\"王护士\",\"paid_date\":\"2026-08-20\","
                     "\"paid_fen\":198000,\"receipt_no\":\"FP-0820\",\"status\":\"active\"}", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "2026-08-20 is in 2026-08"));
  g_assert_cmpint (rev_of ("enrolment", late), ==, -1);

  /* A refund of the settled payment dated in August, and a change of
   * its amount. */
  g_free (answer);
  g_free (message);
  answer = push_new ("case_manager", "enrolment", paid, rev_of ("enrolment", paid),
                     "{\"status\":\"cancelled\",\"cancel_date\":\"2026-08-30\",\"refund_fen\":298000}", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "2026-08"));
  g_free (answer);
  g_free (message);
  answer = push_new ("case_manager", "enrolment", paid, rev_of ("enrolment", paid), "{\"paid_fen\":288000}", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "settled in the closed month 2026-08"));
  g_assert_cmpint (db_count (db_path, "SELECT paid_fen FROM enrolment WHERE id = 'c1000000-0000-4000-8000-000000000001'"),
                   ==, 298000);

  /* A deduction dated in August, a rate effective in it. */
  g_free (answer);
  answer = push_new ("finance", "deduction", deduction, 0,
                     "{\"date\":\"2026-08-31\",\"amount_fen\":200000,\"reason\":\"整改未完成\"}", NULL);
  g_assert_cmpstr (answer, ==, "closed");
  g_free (answer);
  answer = push_new ("finance", "share_rate", rate, 0, "{\"effective_from\":\"2026-08-15\",\"rate_bp\":4000}", NULL);
  g_assert_cmpstr (answer, ==, "closed");

  /* Reopening August, or closing it again with another snapshot. */
  g_free (answer);
  g_free (message);
  answer = push_new ("finance", "settlement_month", month, rev_of ("settlement_month", month),
                     "{\"closed\":false}", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "2026-08 is already closed"));
  g_free (answer);
  answer = push_new ("finance", "settlement_month", "c1000000-0000-4000-8000-000000000007", 0,
                     "{\"month\":\"2026-08\",\"closed\":true,\"snapshot\":\"{}\"}", NULL);
  g_assert_cmpstr (answer, ==, "closed");

  /* Deleting what August settled, or August itself, is refused too. */
  g_free (answer);
  g_free (message);
  answer = push_op ("case_manager", "delete", "enrolment", paid, rev_of ("enrolment", paid), "null", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "settled in the closed month 2026-08"));
  g_free (answer);
  g_free (message);
  answer = push_op ("finance", "delete", "deduction", settled_deduction,
                    rev_of ("deduction", settled_deduction), "null", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "settled in the closed month 2026-08"));
  g_free (answer);
  g_free (message);
  answer = push_op ("finance", "delete", "settlement_month", month, rev_of ("settlement_month", month),
                    "null", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "2026-08 is already closed"));
  g_assert_cmpint (db_count (db_path, "SELECT count(*) FROM enrolment"
                                      " WHERE id = 'c1000000-0000-4000-8000-000000000001' AND deleted = 0"), ==, 1);
  g_assert_cmpint (db_count (db_path, "SELECT count(*) FROM deduction"
                                      " WHERE id = 'c1000000-0000-4000-8000-000000000008' AND deleted = 0"), ==, 1);
  g_assert_cmpint (db_count (db_path, "SELECT count(*) FROM settlement_month"
                                      " WHERE month = '2026-08' AND deleted = 0"), ==, 1);

  /* Nothing of it reached the store or the feed. */
  g_assert_cmpint (db_count (db_path, "SELECT count(*) FROM change_log"), ==, feed);
  g_assert_cmpint (rev_of ("deduction", deduction), ==, -1);
  g_assert_cmpint (rev_of ("share_rate", rate), ==, -1);
  g_assert_cmpint (db_count (db_path, "SELECT count(*) FROM share_rate WHERE effective_from = '2026-08-15'"), ==, 0);
  g_assert_cmpint (db_count (db_path, "SELECT closed FROM settlement_month WHERE month = '2026-08'"), ==, 1);

  /* September is open: its payments go through. */
  g_free (answer);
  answer = push_new ("case_manager", "enrolment", september, 0,
                     "{\"patient_id\":\"p-closed\",\"package_id\":\"late\",\"price_fen\":128000,"
                     "\"agreement_date\":\"2026-09-02\",\"explained_by\":\"王护士\",\"paid_date\":\"2026-09-02\","
                     "\"paid_fen\":128000,\"receipt_no\":\"FP-0902\",\"status\":\"active\"}", NULL);
  g_assert_cmpstr (answer, ==, "applied");
  /* And an open month's payment can still be deleted. */
  g_free (answer);
  answer = push_op ("case_manager", "delete", "enrolment", september, rev_of ("enrolment", september),
                    "null", NULL);
  g_assert_cmpstr (answer, ==, "applied");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  server_binary = g_getenv ("CARELINE_SERVER");
  if (server_binary == NULL)
    g_error ("set CARELINE_SERVER to the careline-server binary");

  tmp_dir = cl_test_make_tmp_dir ("server");
  db_path = g_build_filename (tmp_dir, "careline.db", NULL);
  for (guint i = 0; roles[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("u-%s", roles[i]);
      g_autofree char *password = g_strdup_printf ("pw-%s\n", roles[i]);

      if (run_cli (password, NULL, "user", "add", name, "--role", roles[i], "--db", db_path, NULL) != 0)
        g_error ("user add %s failed", name);
    }

  server_start (&main_server, db_path);
  session = soup_session_new ();
  for (guint i = 0; roles[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("u-%s", roles[i]);
      g_autofree char *password = g_strdup_printf ("pw-%s", roles[i]);

      tokens[i] = login_on (&main_server, name, password);
    }

  g_test_add_func ("/server/health", test_health);
  g_test_add_func ("/server/users", test_users);
  g_test_add_func ("/server/login", test_login);
  g_test_add_func ("/server/disable", test_disable);
  g_test_add_func ("/server/push/duplicate-stale", test_push_duplicate_stale);
  g_test_add_func ("/server/push/delete", test_delete_and_new_with_base);
  g_test_add_func ("/server/push/unique", test_push_unique);
  g_test_add_func ("/server/pull", test_pull);
  g_test_add_func ("/server/roles/changes", test_role_matrix_changes);
  g_test_add_func ("/server/roles/endpoints", test_role_matrix_endpoints);
  g_test_add_func ("/server/patients", test_patients_search);
  g_test_add_func ("/server/bad-input", test_bad_input);
  g_test_add_func ("/server/documents", test_documents);
  g_test_add_func ("/server/events", test_events);
  g_test_add_func ("/server/audit", test_audit);
  g_test_add_func ("/server/kill9", test_kill9);
  g_test_add_func ("/server/tls", test_tls);
  g_test_add_func ("/server/settlement/closed-month", test_closed_month);

  ret = g_test_run ();

  server_stop (&main_server);
  g_clear_object (&session);
  for (guint i = 0; roles[i]; i++)
    g_free (tokens[i]);
  cl_test_remove_tree (tmp_dir);
  return ret;
}
