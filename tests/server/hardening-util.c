/* Helpers of the hardening tests (hardening-util.h). */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "cl-test-util.h"
#include "hardening-util.h"

static void
die_with_parent (gpointer unused)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
add_user (const char *db,
          const char *name,
          const char *role,
          const char *password)
{
  g_autofree char *input = g_strdup_printf ("%s\n", password);
  const char *binary = g_getenv ("CARELINE_SERVER");

  if (cl_test_run_server_cli (binary, input, "user", "add", name, "--role", role, "--db", db, NULL) != 0)
    g_error ("user add %s failed", name);
}

HServer *
h_server_start (const char *limits,
                gboolean    nofile_1024)
{
  HServer *server = g_new0 (HServer, 1);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prlimit = NULL;
  const char *binary = g_getenv ("CARELINE_SERVER");
  const char *address = NULL;
  char *line = NULL;

  g_assert_nonnull (binary);
  server->dir = cl_test_make_tmp_dir ("hardening");
  server->db = g_build_filename (server->dir, "careline.db", NULL);
  add_user (server->db, "cm", "case_manager", "pw-cm");
  add_user (server->db, "fin", "finance", "pw-fin");

  if (nofile_1024)
    {
      prlimit = g_find_program_in_path ("prlimit");
      g_assert_nonnull (prlimit);
      g_ptr_array_add (argv, prlimit);
      g_ptr_array_add (argv, (gpointer) "--nofile=1024");
    }
  g_ptr_array_add (argv, (gpointer) binary);
  g_ptr_array_add (argv, (gpointer) "serve");
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, server->db);
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  g_ptr_array_add (argv, (gpointer) "--threads");
  g_ptr_array_add (argv, (gpointer) "2");
  g_ptr_array_add (argv, NULL);

  if (limits)
    g_subprocess_launcher_setenv (launcher, "CARELINE_SERVER_LIMITS", limits, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "CARELINE_SERVER_LIMITS");
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  server->pid = atoi (g_subprocess_get_identifier (server->process));

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  while (address == NULL)
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
      address = strstr (line, "http://");
    }
  server->url = g_strdup (address);
  server->port = atoi (strrchr (server->url, ':') + 1);
  g_free (line);
  server->session = soup_session_new ();
  return server;
}

void
h_server_stop (HServer *server)
{
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, NULL);
  g_object_unref (server->process);
  g_object_unref (server->session);
  cl_test_remove_tree (server->dir);
  g_free (server->dir);
  g_free (server->db);
  g_free (server->url);
  g_free (server);
}

gsize
h_server_peak_kib (HServer *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) server->pid);
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  line = strstr (text, "VmHWM:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmHWM:") + strspn (line + strlen ("VmHWM:"), " \t"), NULL, 10);
}

guint
h_server_fd_count (HServer *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", (int) server->pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir))
    n++;
  return n;
}

guint
h_request (HServer     *server,
           const char  *method,
           const char  *path,
           const char  *token,
           const char  *body,
           gsize        body_length,
           JsonNode   **answer)
{
  g_autofree char *url = g_strconcat (server->url, "api/v1", path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (msg);
  if (token)
    {
      g_autofree char *header = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
    }
  if (body)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, body_length);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  reply = soup_session_send_and_read (server->session, msg, NULL, &error);
  g_assert_no_error (error);
  if (answer)
    {
      gsize size;
      const char *data = g_bytes_get_data (reply, &size);
      g_autofree char *text = g_strndup (data, size);

      *answer = size ? json_from_string (text, &error) : NULL;
      g_assert_no_error (error);
    }
  return soup_message_get_status (msg);
}

char *
h_login (HServer    *server,
         const char *username,
         const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username, password);
  g_autoptr(JsonNode) answer = NULL;

  g_assert_cmpuint (h_request (server, "POST", "/session", NULL, body, strlen (body), &answer), ==, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "token"));
}

static JsonObject *
error_object (JsonNode *answer)
{
  g_assert_nonnull (answer);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer));
  return json_object_get_object_member (json_node_get_object (answer), "error");
}

const char *
h_error_code (JsonNode *answer)
{
  return json_object_get_string_member (error_object (answer), "code");
}

const char *
h_error_message (JsonNode *answer)
{
  return json_object_get_string_member (error_object (answer), "message");
}

GSocket *
h_connect (HServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, server->port);
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_socket_set_timeout (socket, 10);
  if (!g_socket_connect (socket, address, NULL, &error))
    g_error ("connect: %s", error->message);
  return socket;
}

void
h_send_all (GSocket    *socket,
            const char *data,
            gsize       length)
{
  while (length > 0)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_send (socket, data, length, NULL, &error);

      g_assert_no_error (error);
      data += n;
      length -= n;
    }
}

char *
h_read_until_close (GSocket  *socket,
                    guint     timeout_ms,
                    gboolean *closed)
{
  GString *text = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  *closed = FALSE;
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gint64 left = end - g_get_monotonic_time ();
      char buffer[4096];
      gssize n;

      if (left <= 0)
        break;
      if (!g_socket_condition_timed_wait (socket, G_IO_IN, left, NULL, &error))
        break;
      n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);
      if (n <= 0)
        {
          *closed = TRUE;
          break;
        }
      g_string_append_len (text, buffer, n);
    }
  return g_string_free (text, FALSE);
}

gboolean
h_health_ok (HServer *server)
{
  g_autoptr(GSocket) socket = h_connect (server);
  const char *request = "GET /api/v1/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n";
  g_autofree char *answer = NULL;
  gboolean closed;

  h_send_all (socket, request, strlen (request));
  answer = h_read_until_close (socket, 5000, &closed);
  return g_str_has_prefix (answer, "HTTP/1.1 200");
}
