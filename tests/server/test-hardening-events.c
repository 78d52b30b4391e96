/* An /events socket outlives no session (README, "Reliability"): after
 * log-out, and after `careline-server user disable` run by another
 * process, the server closes the socket within a second, and it hears
 * no more nudges. */

#include "config.h"

#include <string.h>

#include "cl-test-util.h"
#include "hardening-util.h"

static HServer *server;

typedef struct
{
  SoupWebsocketConnection *conn;
  GError                  *error;
  guint                    messages;
  gboolean                 closed;
} Socket;

static void
closed_cb (SoupWebsocketConnection *conn,
           Socket                  *socket)
{
  socket->closed = TRUE;
}

static void
message_cb (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            Socket                  *socket)
{
  socket->messages++;
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Socket *socket = data;

  socket->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &socket->error);
  if (socket->conn)
    {
      g_signal_connect (socket->conn, "closed", G_CALLBACK (closed_cb), socket);
      g_signal_connect (socket->conn, "message", G_CALLBACK (message_cb), socket);
    }
}

static void
open_socket (const char *token,
             Socket     *socket)
{
  g_autofree char *url = g_strdup_printf ("%sapi/v1/events?token=%s", server->url, token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  soup_session_websocket_connect_async (server->session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        connected_cb, socket);
  while (socket->conn == NULL && socket->error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (socket->error);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits up to @ms for the server to close @socket; returns how long it
 * took, in ms. */
static gint64
wait_closed (Socket *socket,
             guint   ms)
{
  gint64 start = g_get_monotonic_time ();
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!socket->closed && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return (g_get_monotonic_time () - start) / 1000;
}

/* A push by @token, which nudges every open socket. */
static void
push (const char *token)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *body =
    g_strdup_printf ("{\"changes\":[{\"key\":\"%s\",\"table\":\"patient\",\"id\":\"%s\",\"base_rev\":0,"
                     "\"op\":\"upsert\",\"data\":{\"name\":\"张小梅\",\"phone\":\"13800138000\"}}]}", id, id);

  g_assert_cmpuint (h_request (server, "POST", "/changes", token, body, strlen (body), NULL), ==, 200);
}

static void
test_logout (void)
{
  g_autofree char *token = h_login (server, "cm", "pw-cm");
  g_autofree char *other = h_login (server, "cm", "pw-cm");
  Socket socket = { 0 }, kept = { 0 };
  gint64 ms;

  open_socket (token, &socket);
  open_socket (other, &kept);

  g_assert_cmpuint (h_request (server, "DELETE", "/session", token, NULL, 0, NULL), ==, 204);
  ms = wait_closed (&socket, 3000);
  g_test_message ("closed %" G_GINT64_FORMAT " ms after log-out", ms);
  g_assert_true (socket.closed);
  g_assert_cmpint (ms, <, 1000);
  g_assert_cmpint (soup_websocket_connection_get_close_code (socket.conn), ==,
                   SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION);

  /* The other session of the same user is not touched, and still hears
   * of changes. */
  push (other);
  wait_closed (&kept, 1000);
  g_assert_false (kept.closed);
  g_assert_cmpuint (kept.messages, >=, 1);
  g_assert_cmpuint (socket.messages, ==, 0);

  g_clear_object (&socket.conn);
  soup_websocket_connection_close (kept.conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  wait_closed (&kept, 3000);
  g_clear_object (&kept.conn);
}

static void
test_user_disable (void)
{
  g_autofree char *token = NULL;
  Socket sockets[4] = { { 0 } };

  g_assert_cmpint (cl_test_run_server_cli (g_getenv ("CARELINE_SERVER"), "pw-temp\n", "user", "add", "temp",
                                           "--role", "service_desk", "--db", server->db, NULL), ==, 0);
  token = h_login (server, "temp", "pw-temp");
  /* Over several connections, so over the server's threads. */
  for (guint i = 0; i < G_N_ELEMENTS (sockets); i++)
    open_socket (token, &sockets[i]);

  /* Another process ends the account's sessions in the store. */
  g_assert_cmpint (cl_test_run_server_cli (g_getenv ("CARELINE_SERVER"), NULL, "user", "disable", "temp",
                                           "--db", server->db, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sockets); i++)
    {
      gint64 ms = wait_closed (&sockets[i], 3000);

      g_test_message ("socket %u closed %" G_GINT64_FORMAT " ms later", i, ms);
      g_assert_true (sockets[i].closed);
      g_assert_cmpint (ms, <, 1000);
      g_clear_object (&sockets[i].conn);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CARELINE_SERVER") == NULL)
    g_error ("set CARELINE_SERVER to the careline-server binary");
  server = h_server_start (NULL, FALSE);

  g_test_add_func ("/hardening/events/logout", test_logout);
  g_test_add_func ("/hardening/events/user-disable", test_user_disable);

  ret = g_test_run ();
  h_server_stop (server);
  return ret;
}
