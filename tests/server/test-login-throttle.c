#define G_LOG_DOMAIN "test-login-throttle"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "cl-login-throttle.h"
#include "cl-sync-client.h"
#include "cl-test-desk.h"
#include "cl-test-util.h"

/* Failed log-ins (cl-login-throttle.h): the rule with a clock the test
 * sets, then through the real server and a desk's log-in. */

#define PASSWORD "correct horse battery staple"

static const char *server_binary;

/* ------------------------------------------------------------------ */
/* The rule                                                            */

static gint64
fail (CLStore    *store,
      const char *name,
      gint64      now)
{
  g_autoptr(GError) error = NULL;
  gint64 until = -1;

  g_assert_true (cl_login_throttle_failed (store, name, now, &until, &error));
  g_assert_no_error (error);
  return until;
}

static gint64
locked_until (CLStore    *store,
              const char *name,
              gint64      now)
{
  g_autoptr(GError) error = NULL;
  gint64 until = -1;

  g_assert_true (cl_login_throttle_locked_until (store, name, now, &until, &error));
  g_assert_no_error (error);
  return until;
}

static void
test_rule (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-login-throttle");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(GError) error = NULL;
  const gint64 t0 = 1800000000;
  gboolean was_locked;

  /* Four failures lock nothing; the fifth locks for the lock time. */
  for (int i = 0; i < CL_LOGIN_MAX_FAILURES - 1; i++)
    g_assert_cmpint (fail (store, "wang", t0 + i), ==, 0);
  g_assert_cmpint (locked_until (store, "wang", t0 + 10), ==, 0);
  g_assert_cmpint (fail (store, "wang", t0 + 10), ==, t0 + 10 + CL_LOGIN_LOCK_SECONDS);
  g_assert_cmpint (locked_until (store, "wang", t0 + 11), ==, t0 + 10 + CL_LOGIN_LOCK_SECONDS);
  /* Trying on while locked does not make it longer. */
  g_assert_cmpint (fail (store, "wang", t0 + 20), ==, 0);
  g_assert_cmpint (locked_until (store, "wang", t0 + 21), ==, t0 + 10 + CL_LOGIN_LOCK_SECONDS);
  /* Others are not touched. */
  g_assert_cmpint (locked_until (store, "li", t0 + 21), ==, 0);

  /* It runs out, and a new failure then counts from one. */
  g_assert_cmpint (locked_until (store, "wang", t0 + 10 + CL_LOGIN_LOCK_SECONDS), ==, 0);
  g_assert_cmpint (fail (store, "wang", t0 + 10 + CL_LOGIN_LOCK_SECONDS + 1), ==, 0);
  g_assert_cmpint (locked_until (store, "wang", t0 + 10 + CL_LOGIN_LOCK_SECONDS + 2), ==, 0);

  /* Failures spread wider than the window never lock. */
  for (int i = 0; i < 3 * CL_LOGIN_MAX_FAILURES; i++)
    g_assert_cmpint (fail (store, "zhao", t0 + i * (CL_LOGIN_WINDOW_SECONDS / 3 + 1)), ==, 0);

  /* An administrator's unlock (or a good log-in) forgets them. */
  for (int i = 0; i < CL_LOGIN_MAX_FAILURES; i++)
    fail (store, "chen", t0 + i);
  g_assert_cmpint (locked_until (store, "chen", t0 + 5), >, 0);
  g_assert_true (cl_login_throttle_clear (store, "chen", t0 + 5, &was_locked, &error));
  g_assert_no_error (error);
  g_assert_true (was_locked);
  g_assert_cmpint (locked_until (store, "chen", t0 + 6), ==, 0);
  g_assert_true (cl_login_throttle_clear (store, "chen", t0 + 6, &was_locked, &error));
  g_assert_false (was_locked);

  /* Names nobody tried for a while are dropped. */
  fail (store, "someone-else", t0 + 10 * CL_LOGIN_WINDOW_SECONDS);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM login_failure"), ==, 1);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Through the server                                                  */

static guint
post_session (const char  *url,
              const char  *user,
              const char  *password,
              char       **retry_after,
              JsonNode   **answer)
{
  g_autofree char *full = g_strconcat (url, g_str_has_suffix (url, "/") ? "" : "/", "api/v1/session", NULL);
  g_autofree char *json = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", user, password);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint status;

  reply = cl_test_http ("POST", full, NULL, "application/json", body, &status, &headers);
  if (retry_after)
    *retry_after = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));
  if (answer)
    {
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL));
      *answer = json_node_ref (json_parser_get_root (parser));
    }
  return status;
}

#define run_cli_out(out, ...) cl_test_run_server_cli_output (server_binary, out, NULL, __VA_ARGS__)

static void
test_server (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-login-throttle-server");
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *url = NULL, *retry = NULL, *out = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(CLStore) desk = NULL;
  g_autoptr(CLSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *details;

  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "wang",
                                           "--role", "case_manager", "--db", db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "li",
                                           "--role", "case_manager", "--db", db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, db, &url);

  /* A good log-in in between starts the count again. */
  for (int i = 0; i < CL_LOGIN_MAX_FAILURES - 1; i++)
    g_assert_cmpuint (post_session (url, "wang", "guess", NULL, NULL), ==, 401);
  g_assert_cmpuint (post_session (url, "wang", PASSWORD, NULL, NULL), ==, 200);
  for (int i = 0; i < CL_LOGIN_MAX_FAILURES - 1; i++)
    g_assert_cmpuint (post_session (url, "wang", "guess", NULL, NULL), ==, 401);

  /* The fifth in a row locks; then even the right password is refused. */
  g_assert_cmpuint (post_session (url, "wang", "guess", &retry, &answer), ==, 429);
  g_assert_cmpint (g_ascii_strtoll (retry, NULL, 10), >, CL_LOGIN_LOCK_SECONDS - 60);
  details = json_object_get_object_member (json_node_get_object (answer), "error");
  g_assert_cmpstr (json_object_get_string_member (details, "code"), ==, "locked");
  g_assert_cmpint (json_object_get_int_member (details, "retry_after"), <=, CL_LOGIN_LOCK_SECONDS);
  g_assert_cmpuint (post_session (url, "wang", PASSWORD, NULL, NULL), ==, 429);
  g_assert_cmpuint (post_session (url, "li", PASSWORD, NULL, NULL), ==, 200);

  /* A name that is no account locks the same way: the answers do not
   * tell which accounts exist. */
  for (int i = 0; i < CL_LOGIN_MAX_FAILURES - 1; i++)
    g_assert_cmpuint (post_session (url, "nobody", "guess", NULL, NULL), ==, 401);
  g_assert_cmpuint (post_session (url, "nobody", "guess", NULL, NULL), ==, 429);

  /* The desk says it in the person's language, with the minutes. */
  desk = cl_test_desk_open_store (dir, "desk");
  client = cl_sync_client_new (desk);
  cl_sync_client_set_server_url (client, url);
  cl_sync_client_login_async (client, "wang", PASSWORD, NULL, cl_test_got_result_cb, &result);
  g_assert_false (cl_sync_client_login_finish (client, cl_test_wait_result (&result), &error));
  g_assert_error (error, CL_LOGIN_ERROR, CL_LOGIN_ERROR_LOCKED);
  cl_test_assert_contains (error->message, "15 minutes");
  g_clear_error (&error);
  g_clear_object (&result);

  /* The administrator sees it and unlocks it. */
  g_assert_cmpint (run_cli_out (&out, "user", "list", "--db", db, NULL), ==, 0);
  cl_test_assert_contains (out, "locked until");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli_out (&out, "user", "unlock", "wang", "--db", db, NULL), ==, 0);
  cl_test_assert_contains (out, "Unlocked user");
  g_clear_pointer (&out, g_free);
  cl_sync_client_login_async (client, "wang", PASSWORD, NULL, cl_test_got_result_cb, &result);
  g_assert_true (cl_sync_client_login_finish (client, cl_test_wait_result (&result), &error));
  g_assert_no_error (error);

  /* Each refusal is in the audit log. */
  g_assert_cmpint (run_cli_out (&out, "audit", "--db", db, NULL), ==, 0);
  cl_test_assert_contains (out, "\tlogin\t-\t-\t-\t429\tlocked");

  g_clear_object (&client);
  cl_test_stop_server (&server);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  server_binary = cl_test_server_binary ();

  g_test_add_func ("/login-throttle/rule", test_rule);
  if (server_binary == NULL)
    return g_test_run ();
  g_test_add_func ("/login-throttle/server", test_server);
  return g_test_run ();
}
