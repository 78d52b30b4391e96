/* careline-server over HTTP, the real binary started by the test on
 * 127.0.0.1: health, accounts and sessions from the command line and
 * the API, malformed and oversized input, and TLS. */

#define G_LOG_DOMAIN "test-server-http"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "cl-test-server.h"
#include "cl-test-util.h"

static void
test_health (void)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  guint status;

  answer = cl_test_request ("GET", "/health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (answer);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (object, "schema"), >=, 2);
}

static void
test_users (void)
{
  const char *db_path = cl_test_shared_db ();
  g_autofree char *list = NULL;

  /* Everyone of every role was added at start-up; the refusals: */
  g_assert_cmpint (cl_test_server_cli ("\n", NULL, "user", "add", "nopass", "--role", "escort", "--db", db_path,
                                       NULL), ==, 2);
  g_assert_cmpint (cl_test_server_cli ("", NULL, "user", "add", "nopass", "--role", "escort", "--db", db_path, NULL),
                   ==, 2);
  g_assert_cmpint (cl_test_server_cli ("pw\n", NULL, "user", "add", "odd", "--role", "nurse", "--db", db_path, NULL),
                   ==, 2);
  g_assert_cmpint (cl_test_server_cli ("pw\n", NULL, "user", "add", "odd", "--db", db_path, NULL), ==, 2);
  g_assert_cmpint (cl_test_server_cli ("pw\n", NULL, "user", "add", "u-admin", "--role", "admin", "--db", db_path,
                                       NULL), ==, 1);
  g_assert_cmpint (cl_test_server_cli ("pw\n", NULL, "user", "add", "bad name';--", "--role", "admin", "--db",
                                       db_path, NULL), ==, 1);

  g_assert_cmpint (cl_test_server_cli (NULL, &list, "user", "list", "--db", db_path, NULL), ==, 0);
  for (guint i = 0; cl_test_roles[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("u-%s", cl_test_roles[i]);
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

  wrong = cl_test_request ("POST", "/session", NULL, "{\"username\":\"u-escort\",\"password\":\"nope\"}", &status);
  g_assert_cmpuint (status, ==, 401);
  unknown = cl_test_request ("POST", "/session", NULL, "{\"username\":\"nobody\",\"password\":\"nope\"}", &status);
  g_assert_cmpuint (status, ==, 401);
  /* The same words either way: no hint which names exist. */
  g_assert_cmpstr (json_to_string (wrong, FALSE), ==, json_to_string (unknown, FALSE));

  g_clear_pointer (&answer, json_node_unref);
  answer = cl_test_request ("POST", "/session", NULL, "{\"username\":1,\"password\":\"x\"}", &status);
  g_assert_cmpuint (status, ==, 400);
  g_clear_pointer (&answer, json_node_unref);
  answer = cl_test_request ("POST", "/session", NULL, "[]", &status);
  g_assert_cmpuint (status, ==, 400);

  g_clear_pointer (&answer, json_node_unref);
  answer = cl_test_request ("POST", "/session", NULL, "{\"username\":\"u-escort\",\"password\":\"pw-escort\"}",
                            &status);
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
  answer = cl_test_request ("GET", "/changes?limit=1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&answer, json_node_unref);
  answer = cl_test_request ("DELETE", "/session", token, NULL, &status);
  g_assert_cmpuint (status, ==, 204);
  g_clear_pointer (&answer, json_node_unref);
  answer = cl_test_request ("GET", "/changes?limit=1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
  g_assert_cmpstr (cl_test_error_code (answer), ==, "unauthorized");
}

static void
test_disable (void)
{
  const char *db_path = cl_test_shared_db ();
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *token = NULL;
  guint status;

  g_assert_cmpint (cl_test_server_cli ("pw-temp\n", NULL, "user", "add", "temp", "--role", "service_desk",
                                       "--db", db_path, NULL), ==, 0);
  token = cl_test_api_login (cl_test_shared_server (), "temp", "pw-temp");
  answer = cl_test_request ("GET", "/changes?limit=1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "user", "disable", "temp", "--db", db_path, NULL), ==, 0);
  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "user", "disable", "nobody", "--db", db_path, NULL), ==, 1);

  g_clear_pointer (&answer, json_node_unref);
  answer = cl_test_request ("GET", "/changes?limit=1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 401);
  g_clear_pointer (&answer, json_node_unref);
  answer = cl_test_request ("POST", "/session", NULL, "{\"username\":\"temp\",\"password\":\"pw-temp\"}", &status);
  g_assert_cmpuint (status, ==, 401);
}

static const char patient_data[] = "{\"name\":\"张小梅\",\"phone\":\"13800138000\"}";

static void
test_bad_input (void)
{
  const char *db_path = cl_test_shared_db ();
  const char *cm = cl_test_token_of ("case_manager");
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
        g_autoptr(JsonNode) answer = cl_test_request ("POST", "/changes", cm, bodies[i], &status);
        g_assert_cmpuint (status, ==, 400);
        g_assert_true (g_str_equal (cl_test_error_code (answer), "bad_json") ||
                       g_str_equal (cl_test_error_code (answer), "bad_request"));
      }
  }

  /* Deep nesting would exhaust the parser's stack. */
  {
    gsize depth = 1000000;
    g_autofree char *deep = g_strnfill (depth, '[');
    g_autoptr(JsonNode) answer = cl_test_request ("POST", "/changes", cm, deep, &status);

    g_assert_cmpuint (status, ==, 400);
    g_assert_cmpstr (cl_test_error_code (answer), ==, "bad_json");
  }

  /* A batch with one malformed change is refused whole: the good one
   * before it is not written. */
  before = cl_test_db_count (db_path, before_sql);
  {
    g_autofree char *good_key = cl_test_new_key ();
    g_autofree char *good = cl_test_change_json (good_key, "patient", "partial-1", 0, "upsert", patient_data);
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
        g_autoptr(JsonNode) answer = cl_test_request ("POST", "/changes", cm, body, &status);

        g_assert_cmpuint (status, ==, 400);
        g_assert_cmpstr (cl_test_error_code (answer), ==, "bad_request");
      }
    /* The same key twice in one batch. */
    {
      g_autofree char *body = g_strdup_printf ("{\"changes\":[%s,%s]}", good, good);
      g_autoptr(JsonNode) answer = cl_test_request ("POST", "/changes", cm, body, &status);

      g_assert_cmpuint (status, ==, 400);
    }
  }
  g_assert_cmpint (cl_test_db_count (db_path, before_sql), ==, before);

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

    before = cl_test_db_count (db_path, before_sql);
    for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
      {
        g_autofree char *key = cl_test_new_key ();
        g_autofree char *id = g_uuid_string_random ();
        g_autofree char *change = cl_test_change_json (key, contents[i][0], id, 0, "upsert", contents[i][1]);
        g_autoptr(JsonNode) holder = NULL;
        JsonObject *result = cl_test_push_one (cm, change, &holder);

        if (g_strcmp0 (cl_test_reason_of (result), "invalid") != 0)
          g_error ("change %u (%s) was %s", i, contents[i][1], cl_test_status_of (result));
        g_assert_nonnull (json_object_get_string_member (result, "message"));
      }
    g_assert_cmpint (cl_test_db_count (db_path, before_sql), ==, before);
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
    g_autofree char *change = cl_test_change_json (key, "patient", id, 0, "upsert", data);
    g_autoptr(JsonNode) holder = NULL, again = NULL;
    JsonObject *result = cl_test_push_one (cm, change, &holder), *current;

    g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
    current = json_object_get_object_member (result, "current");
    g_assert_cmpstr (json_object_get_string_member (current, "name"), ==, "O'Brien; DROP TABLE patient;--");
    g_assert_cmpstr (json_object_get_string_member (current, "address"), ==, "' OR '1'='1");
    g_assert_cmpstr (json_object_get_string_member (current, "id"), ==, id);
    g_assert_nonnull (strstr (json_object_get_string_member (current, "note"), "O'Brien\"); DROP"));
    result = cl_test_push_one (cm, change, &again);
    g_assert_cmpstr (cl_test_status_of (result), ==, "duplicate");
    g_assert_cmpint (cl_test_db_count (db_path,
                                       "SELECT count(*) FROM patient WHERE name = 'O''Brien; DROP TABLE patient;--'"), ==, 1);
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
        g_autoptr(JsonNode) answer = cl_test_request ("GET", paths[i], cm, NULL, &status);
        if (status != 400)
          g_error ("%s gave %u", paths[i], status);
        g_assert_cmpstr (cl_test_error_code (answer), ==, "bad_request");
      }
  }

  /* Too big: refused from the headers. */
  {
    gsize size = 9 * 1024 * 1024;
    char *big = g_malloc (size + 1);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(SoupMessage) msg = cl_test_api_message (cl_test_shared_server (), "POST", "/changes", cm);
    g_autoptr(GBytes) reply = NULL;

    memset (big, ' ', size);
    memcpy (big, "{\"changes\":[", 12);
    big[size] = '\0';
    bytes = g_bytes_new_take (big, size);
    soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    reply = cl_test_api_send (msg, &status);
    g_assert_cmpuint (status, ==, 413);
  }

  /* Unknown routes and methods. */
  {
    g_autoptr(JsonNode) a1 = NULL, a2 = NULL, a3 = NULL, a4 = NULL;

    a1 = cl_test_request ("GET", "/nothing", cm, NULL, &status);
    g_assert_cmpuint (status, ==, 404);
    g_assert_cmpstr (cl_test_error_code (a1), ==, "not_found");
    a2 = cl_test_request ("PUT", "/changes", cm, "{}", &status);
    g_assert_cmpuint (status, ==, 405);
    a3 = cl_test_request ("PATCH", "/health", NULL, NULL, &status);
    g_assert_cmpuint (status, ==, 405);
    a4 = cl_test_request ("GET", "/documents/not-a-hash", cm, NULL, &status);
    g_assert_cmpuint (status, ==, 400);
  }

  /* After all that the server is still there. */
  test_health ();
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
  const char *server_binary = g_getenv ("CARELINE_SERVER");
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

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  cl_test_shared_server_init ("server-http");

  g_test_add_func ("/server/health", test_health);
  g_test_add_func ("/server/users", test_users);
  g_test_add_func ("/server/login", test_login);
  g_test_add_func ("/server/disable", test_disable);
  g_test_add_func ("/server/bad-input", test_bad_input);
  g_test_add_func ("/server/tls", test_tls);

  ret = g_test_run ();

  cl_test_shared_server_finish ();
  return ret;
}
