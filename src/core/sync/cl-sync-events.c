/* cl-sync-events.c
 *
 * The sync worker's event socket: a WebSocket on /api/v1/events over
 * which the server nudges every desk when its rev moves, so that a
 * round starts at once instead of at the next periodic check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-client"

#include "config.h"

#include <string.h>

#include "cl-sync-client-private.h"

void
cl_sync_events_close (Worker *w)
{
  if (w->events == NULL)
    return;
  g_signal_handlers_disconnect_by_data (w->events, w);
  if (soup_websocket_connection_get_state (w->events) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (w->events, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&w->events);
}

static void
events_message_cb (SoupWebsocketConnection *conn,
                   gint                     type,
                   GBytes                  *message,
                   gpointer                 user_data)
{
  Worker *w = user_data;

  g_debug ("nudged: %.*s", (int) MIN (g_bytes_get_size (message), 64),
           (const char *) g_bytes_get_data (message, NULL));
  /* Every message means "the server's rev moved"; the pull finds out
   * what changed, so the content needs no reading. */
  cl_sync_worker_schedule_round (w, 0, TRUE);
}

static gboolean
drop_events_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
events_closed_cb (SoupWebsocketConnection *conn,
                  gpointer                 user_data)
{
  Worker *w = user_data;

  GSource *source;

  g_debug ("event socket closed (%u)", soup_websocket_connection_get_close_code (conn));
  g_signal_handlers_disconnect_by_data (conn, w);
  /* Not dropped while it is emitting: an idle source lets it go. */
  source = g_idle_source_new ();
  g_source_set_callback (source, drop_events_cb, g_steal_pointer (&w->events), g_object_unref);
  g_source_attach (source, w->context);
  g_source_unref (source);
  /* The server may be going away; find out soon, and reconnect. */
  cl_sync_worker_schedule_round (w, BACKOFF_MIN_MS, FALSE);
}

static void
events_connected_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Worker) w = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *conn;

  w->events_connecting = FALSE;
  conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (conn == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          guint delay_s = 1u << MIN (w->events_failures, 6);

          g_debug ("event socket failed: %s", error->message);
          w->events_failures++;
          w->events_next_attempt = g_get_monotonic_time () + MIN (delay_s, 60) * G_USEC_PER_SEC;
        }
      return;
    }

  if (w->stopping ||
      (w->state != CL_SYNC_STATE_ONLINE && w->state != CL_SYNC_STATE_SYNCING))
    {
      /* Logged out or gone offline while connecting. */
      g_object_unref (conn);
      return;
    }

  w->events_failures = 0;
  w->events = conn;
  /* Notices a dead connection (a cable pulled) within a minute. */
  soup_websocket_connection_set_keepalive_interval (conn, 30);
  g_signal_connect (conn, "message", G_CALLBACK (events_message_cb), w);
  g_signal_connect (conn, "closed", G_CALLBACK (events_closed_cb), w);

  /* Anything that happened between the last pull and now sent no
   * nudge to us. */
  cl_sync_worker_schedule_round (w, 0, TRUE);
}

void
cl_sync_events_ensure (Worker     *w,
                       const char *url,
                       const char *token)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *http_url = NULL;
  g_autofree char *ws_url = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  if (w->events != NULL || w->events_connecting ||
      g_get_monotonic_time () < w->events_next_attempt)
    return;

  escaped = g_uri_escape_string (token, NULL, TRUE);
  path = g_strconcat ("/api/v1/events?token=", escaped, NULL);
  http_url = cl_sync_join_url (url, path);
  if (g_str_has_prefix (http_url, "https:"))
    ws_url = g_strconcat ("wss:", http_url + strlen ("https:"), NULL);
  else if (g_str_has_prefix (http_url, "http:"))
    ws_url = g_strconcat ("ws:", http_url + strlen ("http:"), NULL);
  else
    return;

  msg = soup_message_new ("GET", ws_url);
  if (msg == NULL)
    return;

  w->events_connecting = TRUE;
  soup_session_websocket_connect_async (w->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        w->cancellable, events_connected_cb, cl_sync_worker_ref (w));
}
