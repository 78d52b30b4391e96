#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <gio/gnetworking.h>

#include "cl-server-limits.h"
#include "cl-server-pool.h"

/* Connections the kernel may queue before they are accepted.  GIO's
 * default is 10: a burst of desks connecting at once (or 100 at once
 * in the HTTP benchmark) overflowed it, and the kernel dropped the
 * rest of the handshakes, which clients only retry after 1-3 s.  The
 * kernel caps this at net.core.somaxconn. */
#define LISTEN_BACKLOG 1024

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *soup;
} Worker;

struct _ClServerPool
{
  GPtrArray *workers;
  char      *url;
};

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;

  g_main_context_push_thread_default (w->context);
  g_main_loop_run (w->loop);
  g_main_context_pop_thread_default (w->context);
  return NULL;
}

/* In the worker's own thread: close its connections, then stop. */
static gboolean
worker_stop_cb (gpointer data)
{
  Worker *w = data;

  soup_server_disconnect (w->soup);
  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

static void
worker_free (Worker *w)
{
  if (w->thread)
    {
      g_main_context_invoke (w->context, worker_stop_cb, w);
      g_thread_join (w->thread);
    }
  else if (w->soup)
    soup_server_disconnect (w->soup);
  g_clear_object (&w->soup);
  g_clear_pointer (&w->loop, g_main_loop_unref);
  g_clear_pointer (&w->context, g_main_context_unref);
  g_free (w);
}

static GSocket *
listening_socket (GSocketAddress  *address,
                  GError         **error)
{
  g_autoptr(GSocket) socket = NULL;
  struct sockaddr_storage native;

  socket = g_socket_new (g_socket_address_get_family (address),
                         G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  if (socket == NULL)
    return NULL;
  if (g_socket_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    {
      g_autoptr(GError) option_error = NULL;

      /* As soup_server_listen(): an IPv6 address means IPv6 only. */
      if (!g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, &option_error))
        g_warning ("IPV6_V6ONLY: %s", option_error->message);
    }
  /* Every thread binds the same port; the kernel hands each new
   * connection to one of them.  g_socket_bind() would turn
   * SO_REUSEPORT off again for a stream socket, so bind() it is. */
  if (!g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, TRUE, error) ||
      !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEPORT, TRUE, error) ||
      !g_socket_address_to_native (address, &native, sizeof native, error))
    return NULL;
  if (bind (g_socket_get_fd (socket), (struct sockaddr *) &native,
            g_socket_address_get_native_size (address)) != 0)
    {
      int saved = errno;
      g_autofree char *text = g_socket_connectable_to_string (G_SOCKET_CONNECTABLE (address));

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot listen on %s: %s"), text, g_strerror (saved));
      g_socket_close (socket, NULL);
      return NULL;
    }
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_listen (socket, error))
    {
      g_socket_close (socket, NULL);
      return NULL;
    }
  return g_steal_pointer (&socket);
}

ClServerPool *
cl_server_pool_new (GInetSocketAddress  *address,
                    guint                n_threads,
                    GTlsCertificate     *certificate,
                    ClServerPoolSetup    setup,
                    gpointer             user_data,
                    GError             **error)
{
  ClServerPool *self = g_new0 (ClServerPool, 1);
  g_autoptr(GSocketAddress) bound = NULL;
  GSList *uris;

  g_return_val_if_fail (G_IS_INET_SOCKET_ADDRESS (address), NULL);

  self->workers = g_ptr_array_new_with_free_func ((GDestroyNotify) worker_free);
  n_threads = CLAMP (n_threads, 1, 256);

  /* SO_REUSEPORT would let a second careline-server (or anything of
   * the same user) share a port that is in use, and split the desks
   * between the two.  A plain socket first: if it cannot have the
   * port, neither may we. */
  if (g_inet_socket_address_get_port (address) != 0)
    {
      g_autoptr(GSocket) probe = g_socket_new (g_socket_address_get_family (G_SOCKET_ADDRESS (address)),
                                               G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT,
                                               error);
      if (probe == NULL || !g_socket_bind (probe, G_SOCKET_ADDRESS (address), TRUE, error))
        goto failed;
      g_socket_close (probe, NULL);
    }

  for (guint i = 0; i < n_threads; i++)
    {
      Worker *w = g_new0 (Worker, 1);
      g_autoptr(GSocket) socket = NULL;
      gboolean ok;

      g_ptr_array_add (self->workers, w);
      /* With port 0 the first socket picks the port; the others join it. */
      socket = listening_socket (bound ? bound : G_SOCKET_ADDRESS (address), error);
      if (socket == NULL)
        goto failed;
      if (bound == NULL && !(bound = g_socket_get_local_address (socket, error)))
        goto failed;

      w->context = g_main_context_new ();
      w->loop = g_main_loop_new (w->context, FALSE);
      w->soup = g_object_new (SOUP_TYPE_SERVER,
                              "server-header", "careline-server/" PACKAGE_VERSION " ",
                              "tls-certificate", certificate,
                              NULL);
      setup (w->soup, user_data);

      /* The listener's source goes to the thread-default context. */
      g_main_context_push_thread_default (w->context);
      ok = soup_server_listen_socket (w->soup, socket,
                                      certificate ? SOUP_SERVER_LISTEN_HTTPS : 0, error);
      if (ok)
        cl_server_limits_watch_listener (w->soup, socket, certificate ? SOUP_SERVER_LISTEN_HTTPS : 0);
      g_main_context_pop_thread_default (w->context);
      if (!ok)
        goto failed;
    }

  uris = soup_server_get_uris (((Worker *) g_ptr_array_index (self->workers, 0))->soup);
  if (uris)
    self->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  for (guint i = 0; i < self->workers->len; i++)
    {
      Worker *w = g_ptr_array_index (self->workers, i);
      g_autofree char *name = g_strdup_printf ("http-%u", i);

      w->thread = g_thread_new (name, worker_thread, w);
    }
  return self;

failed:
  cl_server_pool_free (self);
  return NULL;
}

char *
cl_server_pool_get_url (ClServerPool *self)
{
  return g_strdup (self->url);
}

void
cl_server_pool_free (ClServerPool *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->workers);
  g_free (self->url);
  g_free (self);
}
