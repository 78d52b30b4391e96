/* gateway-receiver.c: the test provider of test-gateway.c
 * (gateway-receiver.h). */

#define G_LOG_DOMAIN "test-gateway"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cl-gateway-config.h"
#include "gateway-receiver.h"

Receiver receiver;

static gboolean
answer_slowly_cb (gpointer data)
{
  SoupServerMessage *msg = data;

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
receive_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const char *signature = soup_message_headers_get_one (headers, "X-Careline-Signature");
  const char *key = soup_message_headers_get_one (headers, "Idempotency-Key");
  g_autofree char *expected = NULL;
  g_autofree char *mode = NULL;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  gboolean signed_ok;

  expected = cl_gateway_sign (SECRET, data ? data : "", size);
  signed_ok = signature && g_str_equal (signature, expected);

  g_mutex_lock (&receiver.lock);
  g_ptr_array_add (receiver.keys, g_strdup (key ? key : ""));
  g_ptr_array_add (receiver.bodies, g_strndup (data ? data : "", size));
  if (!signed_ok)
    receiver.bad_signatures++;
  mode = g_queue_pop_head (&receiver.modes);
  g_cond_broadcast (&receiver.cond);
  g_mutex_unlock (&receiver.lock);

  if (!signed_ok)
    soup_server_message_set_status (msg, 401, NULL);
  else if (mode == NULL || g_str_equal (mode, "200"))
    soup_server_message_set_status (msg, 200, NULL);
  else if (g_str_equal (mode, "500") || g_str_equal (mode, "400"))
    soup_server_message_set_status (msg, atoi (mode), NULL);
  else if (g_str_equal (mode, "slow"))
    {
      GSource *source = g_timeout_source_new (1500);

      soup_server_message_pause (msg);
      g_source_set_callback (source, answer_slowly_cb, msg, NULL);
      g_source_attach (source, receiver.context);
      g_source_unref (source);
    }
  else
    {
      /* hang, hold: no answer until the client gives up or dies. */
      soup_server_message_pause (msg);
      g_mutex_lock (&receiver.lock);
      g_ptr_array_add (receiver.held, g_object_ref (msg));
      g_mutex_unlock (&receiver.lock);
    }
}

static gpointer
receiver_run (gpointer data)
{
  g_main_context_push_thread_default (receiver.context);
  g_main_loop_run (receiver.loop);
  g_main_context_pop_thread_default (receiver.context);
  return NULL;
}

void
receiver_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  GUri *uri;

  g_mutex_init (&receiver.lock);
  g_cond_init (&receiver.cond);
  g_queue_init (&receiver.modes);
  receiver.keys = g_ptr_array_new_with_free_func (g_free);
  receiver.bodies = g_ptr_array_new_with_free_func (g_free);
  receiver.held = g_ptr_array_new_with_free_func (g_object_unref);
  receiver.context = g_main_context_new ();
  receiver.loop = g_main_loop_new (receiver.context, FALSE);

  g_main_context_push_thread_default (receiver.context);
  receiver.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (receiver.server, "/send", receive_cb, NULL, NULL);
  soup_server_listen_local (receiver.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  g_main_context_pop_thread_default (receiver.context);

  uris = soup_server_get_uris (receiver.server);
  uri = uris->data;
  receiver.url = g_strdup_printf ("http://127.0.0.1:%d/send", g_uri_get_port (uri));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  receiver.thread = g_thread_new ("receiver", receiver_run, NULL);
}

/* Forgets what came and what to answer, for the next test. */
void
receiver_reset (const char *first_mode,
                ...)
{
  va_list args;

  g_mutex_lock (&receiver.lock);
  g_queue_clear_full (&receiver.modes, g_free);
  g_ptr_array_set_size (receiver.keys, 0);
  g_ptr_array_set_size (receiver.bodies, 0);
  receiver.bad_signatures = 0;
  va_start (args, first_mode);
  for (const char *mode = first_mode; mode; mode = va_arg (args, const char *))
    g_queue_push_tail (&receiver.modes, g_strdup (mode));
  va_end (args);
  g_mutex_unlock (&receiver.lock);
}

void
receiver_answer_next (const char *mode)
{
  g_mutex_lock (&receiver.lock);
  g_queue_push_tail (&receiver.modes, g_strdup (mode));
  g_mutex_unlock (&receiver.lock);
}

guint
receiver_count (void)
{
  guint n;

  g_mutex_lock (&receiver.lock);
  n = receiver.keys->len;
  g_mutex_unlock (&receiver.lock);
  return n;
}

/* Waits up to @seconds for the @n-th POST; fails the test otherwise. */
void
receiver_wait_for (guint n,
                   guint seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  g_mutex_lock (&receiver.lock);
  while (receiver.keys->len < n)
    if (!g_cond_wait_until (&receiver.cond, &receiver.lock, end))
      break;
  g_mutex_unlock (&receiver.lock);
  if (receiver_count () < n)
    g_error ("the receiver got %u POSTs, not %u, within %u s", receiver_count (), n, seconds);
}

const char *
receiver_key (guint i)
{
  return g_ptr_array_index (receiver.keys, i);
}
