/* cl-server.c
 *
 * CLServer (cl-server.h): the object, its per-thread state, routing a
 * request under /api/v1 to its area (cl-server-session.c,
 * cl-server-changes.c, cl-server-patients.c, cl-server-documents.c,
 * cl-server-events.c) and listening; what is refused from the headers
 * is in cl-server-early.c, the connection limits in cl-server-limits.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gnetworking.h>
#include <netinet/tcp.h>
#include <string.h>

#include "cl-patient-link.h"
#include "cl-server-private.h"
#include "cl-store-private.h"

#define API_PREFIX "/api/v1"

/* The calling thread's state, for the server whose pool it runs. */
static GPrivate thread_state_key;

G_DEFINE_FINAL_TYPE (CLServer, cl_server, G_TYPE_OBJECT)

static void
thread_state_free (gpointer data)
{
  ThreadState *state = data;

  if (state->session_watch)
    g_source_destroy (state->session_watch);
  g_clear_pointer (&state->session_watch, g_source_unref);
  g_ptr_array_unref (state->sockets);
  g_clear_pointer (&state->reader, cl_store_reader_free);
  g_main_context_unref (state->context);
  g_free (state);
}

static void
cl_server_dispose (GObject *object)
{
  CLServer *self = CL_SERVER (object);

  /* Stops the threads first: nothing uses the states after this. */
  g_clear_pointer (&self->pool, cl_server_pool_free);
  if (self->states)
    {
      for (guint i = 0; i < self->states->len; i++)
        {
          ThreadState *state = g_ptr_array_index (self->states, i);

          for (guint k = 0; k < state->sockets->len; k++)
            g_signal_handlers_disconnect_by_data (g_ptr_array_index (state->sockets, k), self);
        }
      g_clear_pointer (&self->states, g_ptr_array_unref);
    }
  g_clear_object (&self->roster);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cl_server_parent_class)->dispose (object);
}

static void
cl_server_finalize (GObject *object)
{
  CLServer *self = CL_SERVER (object);

  g_free (self->documents_dir);
  g_clear_pointer (&self->limits, cl_server_limits_free);
  g_clear_pointer (&self->link_throttle, cl_link_throttle_free);
  g_clear_pointer (&self->catalog_zh, cl_message_catalog_free);
  g_free (self->public_url);
  g_mutex_clear (&self->states_lock);
  g_mutex_clear (&self->roster_lock);
  g_cond_clear (&self->roster_cond);
  g_main_context_unref (self->main_context);

  G_OBJECT_CLASS (cl_server_parent_class)->finalize (object);
}

static void
cl_server_class_init (CLServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_server_dispose;
  object_class->finalize = cl_server_finalize;
}

static void
cl_server_init (CLServer *self)
{
  g_mutex_init (&self->states_lock);
  g_mutex_init (&self->roster_lock);
  g_cond_init (&self->roster_cond);
  self->main_context = g_main_context_ref_thread_default ();
  self->states = g_ptr_array_new_with_free_func (thread_state_free);
  self->n_threads = g_get_num_processors ();
  self->link_lifetime = CL_PATIENT_LINK_DEFAULT_LIFETIME;
}

/* The calling thread's state, made on its first request. */
ThreadState *
cl_server_thread_state (CLServer *self)
{
  ThreadState *state = g_private_get (&thread_state_key);

  if (state == NULL)
    {
      g_autoptr(GError) error = NULL;

      state = g_new0 (ThreadState, 1);
      state->context = g_main_context_ref_thread_default ();
      state->sockets = g_ptr_array_new_with_free_func (g_object_unref);
      state->reader = cl_store_reader_new (self->store, &error);
      if (state->reader == NULL)
        g_warning ("read connection: %s", error->message);
      g_private_set (&thread_state_key, state);
      g_mutex_lock (&self->states_lock);
      g_ptr_array_add (self->states, state);
      g_mutex_unlock (&self->states_lock);
    }
  return state;
}

/* A read transaction on the thread's read connection
 * (cl_store_reader_begin()); without one, each statement reads on its
 * own. */
void
cl_server_read_begin (ThreadState *state)
{
  if (state->reader)
    cl_store_reader_begin (state->reader);
}

void
cl_server_read_end (ThreadState *state)
{
  if (state->reader)
    cl_store_reader_end (state->reader);
}

/* Routing */

/* libsoup writes a response's headers and its body with two send()s,
 * and sets TCP_NODELAY: two packets, and the client wakes up twice.
 * Corked from the handler until the response is written, the kernel
 * sends them together.  Should the uncork never come (a connection
 * stolen midway), the kernel still sends within 200 ms. */
static void
cork (SoupServerMessage *msg,
      gboolean           corked)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  int value = corked;

  if (socket && g_socket_get_family (socket) != G_SOCKET_FAMILY_UNIX)
    setsockopt (g_socket_get_fd (socket), IPPROTO_TCP, TCP_CORK, &value, sizeof value);
}

static void
request_done_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  cork (msg, FALSE);
}

static void
api_cb (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *unused,
        gpointer           user_data)
{
  CLServer *self = user_data;
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *username = NULL;
  g_autofree char *role = NULL;
  const char *route;
  gboolean ok;

  g_debug ("%s %s", soup_server_message_get_method (msg), path);
  cork (msg, TRUE);

  if (!g_str_has_prefix (path, API_PREFIX "/"))
    {
      cl_server_send_not_found (msg);
      return;
    }
  route = path + strlen (API_PREFIX);

  query = cl_server_parse_query (msg, &ok);
  if (!ok)
    return;

  if (g_str_equal (route, "/health"))
    {
      if (g_str_equal (soup_server_message_get_method (msg), "GET"))
        cl_server_handle_health (self, msg);
      else
        cl_server_send_method_not_allowed (msg, "GET");
      return;
    }
  if (g_str_equal (route, "/session/password"))
    {
      cl_server_handle_change_password (self, msg, query);
      return;
    }
  if (g_str_equal (route, "/session"))
    {
      cl_server_handle_session (self, msg, query);
      return;
    }

  /* Signed by the SMS/WeChat provider, not sent with a session. */
  if (g_str_equal (route, "/gateway/callback"))
    {
      cl_server_handle_gateway_callback (self, msg);
      return;
    }

  if (!g_str_equal (route, "/changes") && !g_str_equal (route, "/patients") &&
      !g_str_equal (route, "/snapshot") && !g_str_has_prefix (route, "/documents/") &&
      !g_str_has_prefix (route, "/settlement/") && !g_str_equal (route, "/accounts") &&
      !g_str_has_prefix (route, "/accounts/") && !g_str_equal (route, "/patient-links"))
    {
      cl_server_send_not_found (msg);
      return;
    }

  if (g_str_equal (route, "/patients"))
    {
      ThreadState *state = cl_server_thread_state (self);

      /* The session and the page in one snapshot, with one round of
       * the WAL's locks instead of two. */
      cl_server_read_begin (state);
      if (cl_server_authenticate (self, msg, query, &username, &role))
        cl_server_handle_patients (self, msg, query, username, role);
      cl_server_read_end (state);
      return;
    }

  if (!cl_server_authenticate (self, msg, query, &username, &role))
    return;

  if (g_str_equal (route, "/changes"))
    cl_server_handle_changes (self, msg, query, username, role);
  else if (g_str_equal (route, "/snapshot"))
    cl_server_handle_snapshot (self, msg, username, role);
  else if (g_str_has_prefix (route, "/accounts"))
    cl_server_handle_accounts (self, msg, route + strlen ("/accounts"), username, role);
  else if (g_str_equal (route, "/patient-links"))
    cl_server_handle_patient_links (self, msg, username, role);
  else if (g_str_has_prefix (route, "/settlement/"))
    cl_server_handle_settlement (self, msg, route + strlen ("/settlement/"), query, username, role);
  else
    cl_server_handle_document (self, msg, route + strlen ("/documents/"), query, username, role);
}

static void
not_found_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *unused,
              gpointer           user_data)
{
  cl_server_send_not_found (msg);
}

CLServer *
cl_server_new (CLStore    *store,
               const char *documents_dir)
{
  CLServer *self;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (documents_dir != NULL, NULL);

  self = g_object_new (CL_TYPE_SERVER, NULL);
  self->store = g_object_ref (store);
  self->documents_dir = g_strdup (documents_dir);
  return self;
}

static void
add_handlers (SoupServer *soup,
              gpointer    user_data)
{
  CLServer *self = user_data;

  cl_server_limits_attach (self->limits, soup);
  soup_server_add_early_handler (soup, NULL, cl_server_early_cb, self, NULL);
  soup_server_add_early_handler (soup, API_PREFIX, cl_server_early_cb, self, NULL);
  soup_server_add_early_handler (soup, API_PREFIX "/events", cl_server_early_cb, self, NULL);
  soup_server_add_handler (soup, NULL, not_found_cb, self, NULL);
  soup_server_add_handler (soup, API_PREFIX, api_cb, self, NULL);
  cl_server_links_add_handlers (self, soup);
  soup_server_add_handler (soup, API_PREFIX "/events", cl_server_events_auth_cb, self, NULL);
  soup_server_add_websocket_handler (soup, API_PREFIX "/events", NULL, NULL,
                                     cl_server_events_cb, self, NULL);
  g_signal_connect (soup, "request-finished", G_CALLBACK (request_done_cb), NULL);
  g_signal_connect (soup, "request-aborted", G_CALLBACK (request_done_cb), NULL);
}

void
cl_server_set_public_url (CLServer   *self,
                          const char *public_url)
{
  g_return_if_fail (CL_IS_SERVER (self));

  g_free (self->public_url);
  self->public_url = public_url && *public_url ? g_strdup (public_url) : NULL;
}

void
cl_server_set_link_lifetime (CLServer *self,
                             gint64    seconds)
{
  g_return_if_fail (CL_IS_SERVER (self));
  g_return_if_fail (seconds > 0);

  self->link_lifetime = seconds;
}

void
cl_server_set_threads (CLServer *self,
                       guint     n_threads)
{
  g_return_if_fail (CL_IS_SERVER (self));
  g_return_if_fail (self->pool == NULL);

  self->n_threads = n_threads > 0 ? n_threads : g_get_num_processors ();
}

char *
cl_server_listen (CLServer         *self,
                  const char       *address,
                  GTlsCertificate  *certificate,
                  GError          **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  const char *host;
  guint16 port;

  g_return_val_if_fail (CL_IS_SERVER (self), NULL);
  g_return_val_if_fail (self->pool == NULL, NULL);

  connectable = g_network_address_parse (address, 0, error);
  if (connectable == NULL)
    return NULL;
  host = g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable));
  port = g_network_address_get_port (G_NETWORK_ADDRESS (connectable));
  if (g_str_equal (host, "localhost"))
    inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address to listen on (for example 127.0.0.1:8765 or 0.0.0.0:8765)"),
                   address);
      return NULL;
    }
  socket_address = g_inet_socket_address_new (inet, port);

  if (self->limits == NULL)
    self->limits = cl_server_limits_new ();
  if (self->link_throttle == NULL)
    self->link_throttle = cl_link_throttle_new ();
  /* Where gettext reads Careline's catalogs (main.c binds it). */
  if (self->catalog_zh == NULL)
    self->catalog_zh = cl_message_catalog_new (bindtextdomain (GETTEXT_PACKAGE, NULL), "zh_CN");

  self->pool = cl_server_pool_new (G_INET_SOCKET_ADDRESS (socket_address), self->n_threads,
                                   certificate, add_handlers, self, error);
  if (self->pool == NULL)
    return NULL;
  return cl_server_pool_get_url (self->pool);
}
