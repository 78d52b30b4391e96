/* cl-server-events.c
 *
 * /events: the WebSocket every desk keeps open, and the nudge sent
 * over all of them (whichever thread holds each) when the rev moves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include "cl-server-private.h"

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

void
cl_server_events_cb (SoupServer              *server,
                     SoupServerMessage       *msg,
                     const char              *path,
                     SoupWebsocketConnection *conn,
                     gpointer                 user_data)
{
  CLServer *self = user_data;

  /* Nothing is sent on connect: a desk pulls when it (re)connects
   * anyway, and the nudges are only for what happens afterwards. */
  g_ptr_array_add (cl_server_thread_state (self)->sockets, g_object_ref (conn));
  g_signal_connect (conn, "closed", G_CALLBACK (socket_closed_cb), self);
  /* A ping keeps proxies from dropping an idle socket and tells the
   * desk early that the server went away. */
  soup_websocket_connection_set_keepalive_interval (conn, 30);
}
