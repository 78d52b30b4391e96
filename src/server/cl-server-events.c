/* cl-server-events.c
 *
 * /events: the WebSocket every desk keeps open, and the nudge sent
 * over all of them (whichever thread holds each) when the rev moves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include "cl-accounts.h"
#include "cl-server-private.h"

/* How often the sessions of open sockets are checked: a socket whose
 * session ended (log-out, expiry, `careline-server user disable` from
 * another process) is closed within this. */
#define SESSION_CHECK_MS 400

/* The token a socket was opened with (qdata of the connection). */
static G_DEFINE_QUARK (cl-server-events-token, token)

typedef struct
{
  ThreadState *state;
  char        *text;
} Broadcast;

static void
broadcast_free (gpointer data)
{
  Broadcast *b = data;

  g_free (b->text);
  g_free (b);
}

/* In the thread that owns the sockets. */
static gboolean
broadcast_cb (gpointer data)
{
  Broadcast *b = data;

  for (guint i = 0; i < b->state->sockets->len; i++)
    {
      SoupWebsocketConnection *conn = g_ptr_array_index (b->state->sockets, i);

      if (soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_send_text (conn, b->text);
    }
  return G_SOURCE_REMOVE;
}

/* Every desk hears of it, whichever thread its socket is on.  States
 * live as long as the server, which outlives its threads. */
void
cl_server_broadcast_rev (CLServer *self,
                         gint64    rev)
{
  g_autofree char *text = g_strdup_printf ("{\"rev\":%" G_GINT64_FORMAT "}", rev);

  g_mutex_lock (&self->states_lock);
  for (guint i = 0; i < self->states->len; i++)
    {
      Broadcast *b = g_new0 (Broadcast, 1);

      b->state = g_ptr_array_index (self->states, i);
      b->text = g_strdup (text);
      g_main_context_invoke_full (b->state->context, G_PRIORITY_DEFAULT,
                                  broadcast_cb, b, broadcast_free);
    }
  g_mutex_unlock (&self->states_lock);
}

void
cl_server_events_auth_cb (SoupServer        *server,
                          SoupServerMessage *msg,
                          const char        *path,
                          GHashTable        *unused,
                          gpointer           user_data)
{
  CLServer *self = user_data;
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *username = NULL;
  g_autofree char *role = NULL;
  gboolean ok;

  query = cl_server_parse_query (msg, &ok);
  if (!ok)
    return;
  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      cl_server_send_method_not_allowed (msg, "GET");
      return;
    }
  /* Leaving the status unset lets libsoup go on with the handshake. */
  cl_server_authenticate (self, msg, query, &username, &role);
}

static void
socket_closed_cb (SoupWebsocketConnection *conn,
                  CLServer                *self)
{
  g_signal_handlers_disconnect_by_data (conn, self);
  g_ptr_array_remove (cl_server_thread_state (self)->sockets, conn);
}

/* In the thread that owns the sockets: closes those whose session is
 * no longer valid.  Nudges go only to open sockets, so a closing one
 * hears nothing more. */
static gboolean
session_watch_cb (gpointer data)
{
  CLServer *self = data;
  ThreadState *state = cl_server_thread_state (self);
  g_autoptr(GPtrArray) ended = g_ptr_array_new_with_free_func (g_object_unref);

  if (state->sockets->len == 0)
    {
      g_clear_pointer (&state->session_watch, g_source_unref);
      return G_SOURCE_REMOVE;
    }

  cl_server_read_begin (state);
  for (guint i = 0; i < state->sockets->len; i++)
    {
      SoupWebsocketConnection *conn = g_ptr_array_index (state->sockets, i);
      const char *token = g_object_get_qdata (G_OBJECT (conn), token_quark ());
      g_autofree char *username = NULL;
      g_autofree char *role = NULL;
      gboolean valid;

      if (soup_websocket_connection_get_state (conn) != SOUP_WEBSOCKET_STATE_OPEN)
        continue;
      valid = state->reader
              ? cl_accounts_check_token_on (state->reader, token, &username, &role)
              : cl_accounts_check_token (self->store, token, &username, &role);
      if (!valid)
        g_ptr_array_add (ended, g_object_ref (conn));
    }
  cl_server_read_end (state);

  for (guint i = 0; i < ended->len; i++)
    soup_websocket_connection_close (g_ptr_array_index (ended, i),
                                     SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "session ended");
  return G_SOURCE_CONTINUE;
}

void
cl_server_events_cb (SoupServer              *server,
                     SoupServerMessage       *msg,
                     const char              *path,
                     SoupWebsocketConnection *conn,
                     gpointer                 user_data)
{
  CLServer *self = user_data;

  ThreadState *state = cl_server_thread_state (self);
  const char *query_text = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr(GHashTable) query = NULL;

  if (query_text)
    query = g_uri_parse_params (query_text, -1, "&", G_URI_PARAMS_NONE, NULL);
  /* The session it was opened with: when that ends, so does the
   * socket. */
  g_object_set_qdata_full (G_OBJECT (conn), token_quark (),
                           cl_server_request_token (msg, query), g_free);
  if (state->session_watch == NULL)
    {
      state->session_watch = g_timeout_source_new (SESSION_CHECK_MS);
      g_source_set_callback (state->session_watch, session_watch_cb, self, NULL);
      g_source_attach (state->session_watch, state->context);
    }
  /* Taken over from libsoup, it is still a connection to count. */
  if (self->limits)
    cl_server_limits_hold (self->limits, soup_server_message_get_remote_host (msg), G_OBJECT (conn));

  /* Nothing is sent on connect: a desk pulls when it (re)connects
   * anyway, and the nudges are only for what happens afterwards. */
  g_ptr_array_add (state->sockets, g_object_ref (conn));
  g_signal_connect (conn, "closed", G_CALLBACK (socket_closed_cb), self);
  /* A ping keeps proxies from dropping an idle socket and tells the
   * desk early that the server went away. */
  soup_websocket_connection_set_keepalive_interval (conn, 30);
}
