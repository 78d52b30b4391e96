/* cl-server-refuse.c
 *
 * cl_server_refuse() (cl-server-limits.h): an answer from the headers
 * alone.  libsoup 3.2 reads a request's whole body into memory even
 * when an early handler has set the status, and answers only after it;
 * so the connection is taken from libsoup, the answer written on it,
 * and what the client still sends is read into a small buffer and
 * dropped until it stops, then the connection is closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-server-limits-private.h"
#include "cl-server-private.h"

/* Dropped at most: enough for a desk that sent a body slightly too big
 * without "Expect: 100-continue" to read its 413; a bigger one is cut
 * off (it may then see a reset instead). */
#define MAX_DRAIN (64 * 1024 * 1024)
#define DRAIN_BUFFER 16384

typedef struct
{
  GIOStream      *stream;
  GSocket        *socket;        /* under the stream (TLS or not), if known */
  GCancellable   *cancellable;
  GSource        *timeout;
  ClServerLimits *limits;        /* NULL when no limits follow the connection */
  char           *address;
  guint           timeout_ms;
  goffset         remaining;     /* of the declared body */
  char           *response;
  gsize           response_length;
  guchar          buffer[DRAIN_BUFFER];
} Refusal;

static void
refusal_close (Refusal *r)
{
  if (r->timeout)
    g_source_destroy (r->timeout);
  g_clear_pointer (&r->timeout, g_source_unref);
  g_io_stream_close (r->stream, NULL, NULL);
  if (r->limits)
    cl_server_limits_uncount (r->limits, r->address);
  g_object_unref (r->stream);
  g_clear_object (&r->socket);
  g_object_unref (r->cancellable);
  g_free (r->address);
  g_free (r->response);
  g_free (r);
}

static gboolean
timeout_cb (gpointer data)
{
  Refusal *r = data;

  /* The pending read then ends, cancelled, and closes. */
  g_cancellable_cancel (r->cancellable);
  return G_SOURCE_CONTINUE;
}

static void
restart_timeout (Refusal *r)
{
  if (r->timeout)
    g_source_destroy (r->timeout);
  g_clear_pointer (&r->timeout, g_source_unref);
  r->timeout = g_timeout_source_new (r->timeout_ms);
  g_source_set_callback (r->timeout, timeout_cb, r, NULL);
  g_source_attach (r->timeout, g_main_context_get_thread_default ());
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Refusal *r = data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);

  if (n <= 0 || (r->remaining -= n) <= 0)
    {
      refusal_close (r);
      return;
    }
  restart_timeout (r);
  g_input_stream_read_async (g_io_stream_get_input_stream (r->stream), r->buffer,
                             MIN ((goffset) sizeof r->buffer, r->remaining),
                             G_PRIORITY_LOW, r->cancellable, read_cb, r);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Refusal *r = data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL) ||
      r->remaining <= 0)
    {
      refusal_close (r);
      return;
    }
  /* Tells the client the answer is complete, whatever it still sends. */
  if (r->socket)
    g_socket_shutdown (r->socket, FALSE, TRUE, NULL);
  restart_timeout (r);
  g_input_stream_read_async (g_io_stream_get_input_stream (r->stream), r->buffer,
                             MIN ((goffset) sizeof r->buffer, r->remaining),
                             G_PRIORITY_LOW, r->cancellable, read_cb, r);
}

static char *
error_json (const char *code,
            const char *message)
{
  g_autoptr(JsonNode) root = cl_server_error_json (code, message);

  return json_to_string (root, FALSE);
}

void
cl_server_refuse (SoupServerMessage *msg,
                  guint              status,
                  const char        *code,
                  const char        *message,
                  const char        *header)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  Refusal *r = g_new0 (Refusal, 1);
  g_autofree char *body = error_json (code, message);
  g_autofree char *address = NULL;
  GString *response = g_string_new (NULL);
  ClServerLimits *limits = cl_server_limits_of_message (msg, &address);

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));

  g_string_append_printf (response, "HTTP/1.1 %u %s\r\n", status, soup_status_get_phrase (status));
  g_string_append (response, "Content-Type: application/json\r\n");
  g_string_append (response, "Connection: close\r\n");
  g_string_append_printf (response, "Content-Length: %zu\r\n", strlen (body));
  if (header)
    g_string_append_printf (response, "%s\r\n", header);
  g_string_append_printf (response, "\r\n%s", body);
  r->response_length = response->len;
  r->response = g_string_free (response, FALSE);

  switch (soup_message_headers_get_encoding (request))
    {
    case SOUP_ENCODING_NONE:
      r->remaining = 0;
      break;
    case SOUP_ENCODING_CONTENT_LENGTH:
      r->remaining = MIN (soup_message_headers_get_content_length (request), MAX_DRAIN);
      break;
    default:
      /* Chunked: its end is not looked for, only the client's. */
      r->remaining = MAX_DRAIN;
      break;
    }
  r->cancellable = g_cancellable_new ();
  r->timeout_ms = limits ? cl_server_limits_get_config (limits)->body_timeout_ms : 30000;
  if (limits)
    {
      /* Still a connection until it is closed, though libsoup's is gone. */
      r->limits = limits;
      r->address = g_steal_pointer (&address);
      cl_server_limits_count (limits, r->address);
    }

  r->stream = soup_server_message_steal_connection (msg);
  if (r->stream == NULL)
    {
      g_warning ("cannot take the connection over to answer %u", status);
      if (r->limits)
        cl_server_limits_uncount (r->limits, r->address);
      g_object_unref (r->cancellable);
      g_free (r->address);
      g_free (r->response);
      g_free (r);
      return;
    }
  r->socket = g_object_get_data (G_OBJECT (r->stream), "GSocket");
  if (r->socket)
    g_object_ref (r->socket);

  restart_timeout (r);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (r->stream),
                                   r->response, r->response_length, G_PRIORITY_DEFAULT,
                                   r->cancellable, written_cb, r);
}
