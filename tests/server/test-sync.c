/* The desktop half of sync against the real careline-server (started
 * here on 127.0.0.1 with a port of its own), with desks, each a store
 * in a temporary folder and a CLSyncClient: no server, log-in, HTTPS,
 * and how soon a write reaches another desk. */

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
#include "cl-test-sync.h"

static const char *server_binary;

static void
test_sync_disabled (void)
{
  CLTestSyncDesk *desk = cl_test_sync_desk_new ("test-sync-disabled");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* No server: the store works alone and the outbox keeps everything. */
  g_assert_cmpint (cl_sync_client_get_state (desk->client), ==, CL_SYNC_STATE_DISABLED);
  id = cl_test_sync_save_patient (desk->store, 1, "林小雨");
  cl_test_spin (50);
  g_assert_cmpuint (cl_sync_client_get_n_waiting (desk->client), ==, 3);

  g_assert_false (cl_test_sync_desk_sync (desk, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);
  g_assert_cmpint (cl_sync_client_get_state (desk->client), ==, CL_SYNC_STATE_DISABLED);
  g_assert_cmpint (cl_store_count_outbox (desk->store), ==, 3);

  cl_test_sync_desk_free (desk);
}

static void
test_sync_login (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *desk = cl_test_sync_desk_new ("test-sync-login");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cl_sync_client_set_server_url (desk->client, server->url);
  cl_test_spin (100);
  g_assert_cmpint (cl_sync_client_get_state (desk->client), ==, CL_SYNC_STATE_AUTH_NEEDED);

  cl_sync_client_login_async (desk->client, "desk_a", "wrong", NULL, cl_test_got_result_cb, &result);
  g_assert_false (cl_sync_client_login_finish (desk->client, cl_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_null (cl_sync_client_get_username (desk->client));

  cl_test_sync_desk_login (desk, server->url, "desk_a");
  cl_test_sync_desk_sync_ok (desk);

  /* Logged out, a sync asks for a log-in instead of retrying. */
  cl_sync_client_logout (desk->client);
  g_clear_error (&error);
  g_assert_false (cl_test_sync_desk_sync (desk, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (cl_sync_client_get_state (desk->client), ==, CL_SYNC_STATE_AUTH_NEEDED);

  cl_test_sync_desk_free (desk);
  cl_test_sync_server_free (server);
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
  CLTestSyncServer *server;
  CLTestSyncDesk *untrusting, *a, *b;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  server = g_new0 (CLTestSyncServer, 1);
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
  cl_test_sync_server_add_user (server, "desk_a", "case_manager");
  cl_test_sync_server_add_user (server, "desk_b", "case_manager");

  server->process = cl_test_start_server_at (server_binary, server->db, "127.0.0.1:0", &server->url,
                                             "--tls-cert", cert, "--tls-key", key, NULL);
  g_assert_true (g_str_has_prefix (server->url, "https://127.0.0.1:"));

  /* The system does not trust it, so neither does a desk without a CA
   * file: log-in fails and nothing is sent. */
  untrusting = cl_test_sync_desk_new ("test-sync-tls-none");
  cl_sync_client_set_server_url (untrusting->client, server->url);
  cl_sync_client_login_async (untrusting->client, "desk_a", CL_TEST_SYNC_PASSWORD, NULL, cl_test_got_result_cb, &result);
  g_assert_false (cl_sync_client_login_finish (untrusting->client, cl_test_wait_result (&result), &error));
  g_assert_nonnull (error);
  g_test_message ("without the CA file: %s", error->message);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A CA file that is not there is an error too, not the system's
   * store. */
  cl_sync_client_set_ca_file (untrusting->client, "/nonexistent/ca.pem");
  cl_sync_client_login_async (untrusting->client, "desk_a", CL_TEST_SYNC_PASSWORD, NULL, cl_test_got_result_cb, &result);
  g_assert_false (cl_sync_client_login_finish (untrusting->client, cl_test_wait_result (&result), &error));
  g_assert_nonnull (strstr (error->message, "/nonexistent/ca.pem"));
  g_clear_error (&error);
  g_clear_object (&result);
  cl_test_sync_desk_free (untrusting);

  /* Given the certificate, two desks share a patient over HTTPS. */
  a = cl_test_sync_desk_new ("test-sync-tls-a");
  b = cl_test_sync_desk_new ("test-sync-tls-b");
  cl_sync_client_set_ca_file (a->client, cert);
  cl_sync_client_set_ca_file (b->client, cert);
  cl_test_sync_desk_login (a, server->url, "desk_a");
  id = cl_test_sync_save_patient (a->store, 50, "钱晓燕");
  cl_test_sync_desk_sync_ok (a);
  g_assert_cmpint (cl_store_count_outbox (a->store), ==, 0);
  cl_test_sync_desk_login (b, server->url, "desk_b");
  cl_test_sync_desk_sync_ok (b);
  seen = cl_test_sync_load_patient (b->store, id);
  g_assert_cmpstr (cl_patient_get_name (seen), ==, "钱晓燕");

  cl_test_sync_desk_free (a);
  cl_test_sync_desk_free (b);
  cl_test_sync_server_free (server);
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
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *a = cl_test_sync_desk_new ("test-sync-latency-a");
  CLTestSyncDesk *b = cl_test_sync_desk_new ("test-sync-latency-b");
  gboolean changed = FALSE;
  gulong handler;
  gint64 worst = 0;

  cl_test_sync_desk_login (a, server->url, "desk_a");
  cl_test_sync_desk_login (b, server->url, "desk_b");
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
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
      id = cl_test_sync_save_patient (a->store, 40 + i, name);
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

  cl_test_sync_desk_free (a);
  cl_test_sync_desk_free (b);
  cl_test_sync_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  server_binary = g_getenv ("CARELINE_SERVER");

  g_test_add_func ("/sync/disabled", test_sync_disabled);
  if (server_binary == NULL || !g_file_test (server_binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("CARELINE_SERVER is not set to the server: skipping the server tests");
      return g_test_run ();
    }
  g_test_add_func ("/sync/login", test_sync_login);
  g_test_add_func ("/sync/tls", test_sync_tls);
  g_test_add_func ("/sync/latency", test_sync_latency);

  return g_test_run ();
}
