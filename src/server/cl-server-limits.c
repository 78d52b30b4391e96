/* cl-server-limits.c
 *
 * Connection caps, timeouts and the descriptor limit of
 * careline-server (cl-server-limits.h).  Each thread's SoupServer has a
 * Slot: its connections, the timer that applies their deadlines, and
 * the watch on its listening socket.  The counts are shared by all
 * threads under one lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"
#define _GNU_SOURCE   /* accept4() */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cl-server-limits-private.h"

/* Descriptors kept back from the connection cap for the store, its
 * readers, documents being written and the listeners. */
#define RESERVED_DESCRIPTORS 128
/* While starved of descriptors: how often to look whether some are free
 * again, and how many must be before accepting again. */
#define STARVED_RETRY_MS 100
#define STARVED_HEADROOM 16

/* The record of a connection, as qdata of its socket. */
static G_DEFINE_QUARK (cl-server-limits-conn, conn)

struct _ClServerLimits
{
  ClServerLimitsConfig config;

  GMutex      lock;
  GHashTable *per_address;      /* char * → count (GUINT_TO_POINTER) */
  guint       total;
};

typedef struct
{
  ClServerLimits          *limits;
  SoupServer              *soup;          /* borrowed: the slot is its data */
  GQueue                   conns;         /* Conn */
  GSource                 *sweep;
  GSocket                 *listening;
  SoupServerListenOptions  listen_options;
  GSource                 *accept_watch;
  GSource                 *starved_retry;
  int                      spare_fd;
} Slot;

typedef struct
{
  Slot              *slot;
  GList              link;
  GSocket           *socket;      /* the record is its qdata */
  char              *address;
  SoupServerMessage *msg;         /* the request in progress, if any */
  GSource           *drop;        /* lets go of it once it is answered */
  gint64             deadline;    /* monotonic µs; 0 for none */
  gboolean           refused;     /* over a cap */
  gboolean           answered;    /* …and already told so */
} Conn;

/* Configuration */

static void
parse_env (ClServerLimitsConfig *config)
{
  const char *text = g_getenv (CL_SERVER_LIMITS_ENV);
  g_auto(GStrv) items = NULL;

  if (text == NULL || *text == '\0')
    return;
  items = g_strsplit_set (text, ", ", -1);
  for (guint i = 0; items[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (items[i], "=", 2);
      double value;
      char *end = NULL;

      if (*items[i] == '\0')
        continue;
      if (pair[1] == NULL || (value = g_ascii_strtod (pair[1], &end), *end != '\0') ||
          value <= 0 || value > G_MAXUINT / 1000)
        {
          g_warning ("%s: “%s” is not NAME=NUMBER; ignored", CL_SERVER_LIMITS_ENV, items[i]);
          continue;
        }
      if (g_str_equal (pair[0], "header-timeout"))
        config->header_timeout_ms = value * 1000;
      else if (g_str_equal (pair[0], "body-timeout"))
        config->body_timeout_ms = value * 1000;
      else if (g_str_equal (pair[0], "idle-timeout"))
        config->idle_timeout_ms = value * 1000;
      else if (g_str_equal (pair[0], "max-connections"))
        config->max_connections = value;
      else if (g_str_equal (pair[0], "max-per-address"))
        config->max_per_address = value;
      else
        g_warning ("%s: no limit is called “%s”; ignored", CL_SERVER_LIMITS_ENV, pair[0]);
    }
}

/* The soft limit up to the hard one: the default soft limit of 1024
 * is a few hundred desks. */
static rlim_t
raise_nofile (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0)
    return 1024;
  if (limit.rlim_cur < limit.rlim_max)
    {
      struct rlimit raised = limit;

      /* select() is not used, so FD_SETSIZE does not matter; but an
       * unlimited hard limit would size nothing sensibly. */
      raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? 1 << 20 : limit.rlim_max;
      if (setrlimit (RLIMIT_NOFILE, &raised) == 0)
        limit = raised;
      else
        g_warning ("Cannot raise the limit of open files from %lu: %s",
                   (gulong) limit.rlim_cur, g_strerror (errno));
    }
  return limit.rlim_cur;
}

ClServerLimits *
cl_server_limits_new (void)
{
  ClServerLimits *self = g_new0 (ClServerLimits, 1);
  rlim_t nofile = raise_nofile ();
  guint usable = nofile > 2 * RESERVED_DESCRIPTORS ? nofile - RESERVED_DESCRIPTORS : nofile / 2;

  self->config.header_timeout_ms = CL_SERVER_HEADER_TIMEOUT * 1000;
  self->config.body_timeout_ms = CL_SERVER_BODY_TIMEOUT * 1000;
  self->config.idle_timeout_ms = CL_SERVER_IDLE_TIMEOUT * 1000;
  self->config.max_connections = MIN (CL_SERVER_MAX_CONNECTIONS, usable);
  self->config.max_per_address = CL_SERVER_MAX_PER_ADDRESS;
  parse_env (&self->config);
  if (self->config.max_connections > usable)
    g_warning ("max-connections=%u is more than the %u open files allow; "
               "past them new connections get 503 from a spare descriptor",
               self->config.max_connections, usable);

  g_mutex_init (&self->lock);
  self->per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
cl_server_limits_free (ClServerLimits *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->per_address);
  g_mutex_clear (&self->lock);
  g_free (self);
}

const ClServerLimitsConfig *
cl_server_limits_get_config (ClServerLimits *self)
{
  return &self->config;
}

/* Counts */

/* Counts a connection of @address; FALSE if it is over a cap (it is
 * counted all the same: it holds a descriptor until it is closed). */
gboolean
cl_server_limits_count (ClServerLimits *self,
                        const char     *address)
{
  guint here;
  gboolean admitted;

  g_mutex_lock (&self->lock);
  here = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, address));
  admitted = self->total < self->config.max_connections && here < self->config.max_per_address;
  g_hash_table_replace (self->per_address, g_strdup (address), GUINT_TO_POINTER (here + 1));
  self->total++;
  g_mutex_unlock (&self->lock);
  return admitted;
}

void
cl_server_limits_uncount (ClServerLimits *self,
                          const char     *address)
{
  guint here;

  g_mutex_lock (&self->lock);
  here = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, address));
  if (here <= 1)
    g_hash_table_remove (self->per_address, address);
  else
    g_hash_table_replace (self->per_address, g_strdup (address), GUINT_TO_POINTER (here - 1));
  g_assert (self->total > 0);
  self->total--;
  g_mutex_unlock (&self->lock);
}

typedef struct
{
  ClServerLimits *limits;
  char           *address;
} Hold;

static void
hold_release (gpointer  data,
              GObject  *gone)
{
  Hold *hold = data;

  cl_server_limits_uncount (hold->limits, hold->address);
  g_free (hold->address);
  g_free (hold);
}

void
cl_server_limits_hold (ClServerLimits *self,
                       const char     *address,
                       GObject        *owner)
{
  Hold *hold;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  hold = g_new0 (Hold, 1);
  hold->limits = self;
  hold->address = g_strdup (address ? address : "");
  cl_server_limits_count (self, hold->address);
  g_object_weak_ref (owner, hold_release, hold);
}

/* Connections */

static gint64
deadline_in (guint ms)
{
  return g_get_monotonic_time () + (gint64) ms * 1000;
}

static void
conn_drop_message (Conn *conn)
{
  if (conn->drop)
    g_source_destroy (conn->drop);
  g_clear_pointer (&conn->drop, g_source_unref);
  if (conn->msg)
    g_signal_handlers_disconnect_by_data (conn->msg, conn);
  g_clear_object (&conn->msg);
}

static gboolean
drop_cb (gpointer data)
{
  Conn *conn = data;

  g_clear_pointer (&conn->drop, g_source_unref);
  conn_drop_message (conn);
  return G_SOURCE_REMOVE;
}

static void
conn_free (Conn *conn)
{
  Slot *slot = conn->slot;

  g_queue_unlink (&slot->conns, &conn->link);
  g_object_set_qdata (G_OBJECT (conn->socket), conn_quark (), NULL);
  conn_drop_message (conn);
  g_object_unref (conn->socket);
  cl_server_limits_uncount (slot->limits, conn->address);
  g_free (conn->address);
  g_free (conn);
}

ClServerLimits *
cl_server_limits_of_message (SoupServerMessage  *msg,
                             char              **address)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  Conn *conn = socket ? g_object_get_qdata (G_OBJECT (socket), conn_quark ()) : NULL;

  if (conn == NULL)
    return NULL;
  if (address)
    *address = g_strdup (conn->address);
  return conn->slot->limits;
}

static void
got_headers_cb (SoupServerMessage *msg,
                Conn              *conn)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);

  if (conn->refused)
    {
      if (conn->answered)
        g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
      else
        cl_server_refuse (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "busy",
                          _("The server has too many connections; try again shortly"),
                          "Retry-After: 5");
      return;
    }
  if (encoding == SOUP_ENCODING_NONE ||
      (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
       soup_message_headers_get_content_length (headers) == 0))
    conn->deadline = 0;
  else
    conn->deadline = deadline_in (conn->slot->limits->config.body_timeout_ms);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              Conn              *conn)
{
  conn->deadline = deadline_in (conn->slot->limits->config.body_timeout_ms);
}

/* The handler has it: how long it takes is not the client's doing. */
static void
got_body_cb (SoupServerMessage *msg,
             Conn              *conn)
{
  conn->deadline = 0;
}

/* Soon let go of the message and its bodies: a kept-alive connection
 * may wait long for its next request, which libsoup announces only when
 * its first bytes come (if it is closed meanwhile, the sweep sees it).
 * Not at once: a connection that is not kept alive is closed right
 * after this, and its "disconnected" then frees the record at once. */
static void
finished_cb (SoupServerMessage *msg,
             Conn              *conn)
{
  conn->deadline = deadline_in (conn->slot->limits->config.idle_timeout_ms);
  if (conn->drop == NULL)
    {
      conn->drop = g_idle_source_new ();
      g_source_set_callback (conn->drop, drop_cb, conn, NULL);
      g_source_attach (conn->drop, g_main_context_get_thread_default ());
    }
}

static void
disconnected_cb (SoupServerMessage *msg,
                 Conn              *conn)
{
  conn_free (conn);
}

/* The answer to a connection over a cap, written straight to the
 * socket at accept (a plain connection; over TLS it waits for the
 * request's headers and goes through cl_server_refuse()). */
#define BUSY_BODY_LENGTH 92
#define BUSY_BODY \
  "{\"error\":{\"code\":\"busy\",\"message\":\"The server has too many connections; try again shortly\"}}"

static void
answer_busy (int fd)
{
  static const char response[] =
    "HTTP/1.1 503 Service Unavailable\r\n"
    "Content-Type: application/json\r\n"
    "Retry-After: 5\r\n"
    "Connection: close\r\n"
    "Content-Length: " G_STRINGIFY (BUSY_BODY_LENGTH) "\r\n"
    "\r\n"
    BUSY_BODY;
  char discard[4096];

  G_STATIC_ASSERT (sizeof BUSY_BODY - 1 == BUSY_BODY_LENGTH);
  /* Read what the client sent already: closing with unread data would
   * reset the connection and could lose the answer. */
  while (recv (fd, discard, sizeof discard, MSG_DONTWAIT) > 0)
    ;
  if (send (fd, response, sizeof response - 1, MSG_DONTWAIT | MSG_NOSIGNAL) < 0)
    g_debug ("busy answer: %s", g_strerror (errno));
  /* Both ways: libsoup, reading, sees the end and closes it at once. */
  shutdown (fd, SHUT_RDWR);
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    Slot              *slot)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  Conn *conn;

  if (socket == NULL)
    return;

  conn = g_object_get_qdata (G_OBJECT (socket), conn_quark ());
  if (conn == NULL)
    {
      /* A new connection: this is emitted at accept, before any byte. */
      const char *host = soup_server_message_get_remote_host (msg);

      conn = g_new0 (Conn, 1);
      conn->slot = slot;
      conn->link.data = conn;
      conn->socket = g_object_ref (socket);
      conn->address = g_strdup (host ? host : "");
      g_object_set_qdata (G_OBJECT (socket), conn_quark (), conn);
      g_queue_push_tail_link (&slot->conns, &conn->link);
      conn->refused = !cl_server_limits_count (slot->limits, conn->address);
      conn->deadline = deadline_in (slot->limits->config.header_timeout_ms);
      if (conn->refused)
        {
          g_debug ("%s: over the connection cap", conn->address);
          if (!(slot->listen_options & SOUP_SERVER_LISTEN_HTTPS))
            {
              answer_busy (g_socket_get_fd (socket));
              conn->answered = TRUE;
            }
        }
    }
  else
    {
      /* A later request on a kept-alive connection: emitted when its
       * first bytes arrive. */
      if (!conn->refused)
        conn->deadline = deadline_in (slot->limits->config.header_timeout_ms);
      conn_drop_message (conn);
    }

  conn->msg = g_object_ref (msg);
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), conn);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), conn);
  g_signal_connect (msg, "got-body", G_CALLBACK (got_body_cb), conn);
  g_signal_connect (msg, "finished", G_CALLBACK (finished_cb), conn);
  g_signal_connect (msg, "disconnected", G_CALLBACK (disconnected_cb), conn);
}

/* Whether the client has closed (or reset) its end. */
static gboolean
peer_gone (GSocket *socket)
{
  char byte;
  gssize n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);

  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

/* Closes the connections past their deadline, and those whose client
 * left between two requests.
 *
 * During a request, shutting the socket down is enough: libsoup sees
 * the end of the stream and closes the connection.  Between requests it
 * is not: libsoup 3.2 then ends the waiting message but never closes
 * the connection (fixed in 3.3), which kept a descriptor for every
 * kept-alive connection a client closed, for good.  So there the socket
 * is closed here; libsoup's later close of it does nothing. */
static gboolean
sweep_cb (gpointer data)
{
  Slot *slot = data;
  gint64 now = g_get_monotonic_time ();

  for (GList *l = slot->conns.head, *next; l; l = next)
    {
      Conn *conn = l->data;
      gboolean expired = conn->deadline != 0 && now >= conn->deadline;

      next = l->next;
      if (!g_socket_is_closed (conn->socket) && conn->msg == NULL &&
          (expired || peer_gone (conn->socket)))
        {
          if (expired)
            g_debug ("%s: idle too long", conn->address);
          g_socket_close (conn->socket, NULL);
        }
      if (g_socket_is_closed (conn->socket))
        conn_free (conn);
      else if (expired)
        {
          g_debug ("%s: timed out", conn->address);
          conn->deadline = 0;
          g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  while (slot->conns.head)
    conn_free (slot->conns.head->data);
  if (slot->sweep)
    g_source_destroy (slot->sweep);
  g_clear_pointer (&slot->sweep, g_source_unref);
  if (slot->accept_watch)
    g_source_destroy (slot->accept_watch);
  g_clear_pointer (&slot->accept_watch, g_source_unref);
  if (slot->starved_retry)
    g_source_destroy (slot->starved_retry);
  g_clear_pointer (&slot->starved_retry, g_source_unref);
  g_clear_object (&slot->listening);
  if (slot->spare_fd >= 0)
    close (slot->spare_fd);
  g_free (slot);
}

void
cl_server_limits_attach (ClServerLimits *self,
                         SoupServer     *soup)
{
  Slot *slot = g_new0 (Slot, 1);

  g_return_if_fail (self != NULL);
  g_return_if_fail (SOUP_IS_SERVER (soup));

  slot->limits = self;
  slot->soup = soup;
  slot->spare_fd = -1;
  g_object_set_data_full (G_OBJECT (soup), "cl-server-limits-slot", slot, slot_free);
  g_signal_connect (soup, "request-started", G_CALLBACK (request_started_cb), slot);
}

/* Descriptors */

/* Descriptors are the process's, shared by the threads: while starved,
 * one thread's probe in descriptors_free(), or its spare put back,
 * could take the descriptor another thread has just freed to accept
 * with, which then lost its spare and could answer nobody until
 * descriptors were free again.  This lock makes each of those steps
 * whole with respect to the others. */
static GMutex spare_lock;

static void
open_spare (Slot *slot)
{
  g_mutex_lock (&spare_lock);
  if (slot->spare_fd < 0)
    slot->spare_fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  g_mutex_unlock (&spare_lock);
}

/* Whether a few descriptors are free: enough to accept again. */
static gboolean
descriptors_free (void)
{
  int fds[STARVED_HEADROOM];
  guint got = 0;

  g_mutex_lock (&spare_lock);
  while (got < G_N_ELEMENTS (fds) && (fds[got] = open ("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0)
    got++;
  for (guint i = 0; i < got; i++)
    close (fds[i]);
  g_mutex_unlock (&spare_lock);
  return got == G_N_ELEMENTS (fds);
}

/* Accepts one connection and answers it 503: short of descriptors, the
 * server cannot serve it but should not leave it waiting.  At the limit,
 * the connection takes the place of the spare descriptor; the answered
 * socket, shut down both ways, is the spare from then on, so that no
 * descriptor need be opened (and none can be missing) to put the spare
 * back.  Returns the descriptor answered (closed or kept as the spare),
 * or -1 with errno set. */
static int
accept_busy (Slot *slot,
             int   listen_fd)
{
  int fd;
  int saved;

  g_mutex_lock (&spare_lock);
  fd = accept4 (listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
  saved = errno;
  if (fd >= 0)
    {
      answer_busy (fd);
      close (fd);
    }
  else if ((saved == EMFILE || saved == ENFILE) && slot->spare_fd >= 0)
    {
      close (slot->spare_fd);
      slot->spare_fd = -1;
      fd = accept4 (listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd >= 0)
        {
          answer_busy (fd);
          slot->spare_fd = fd;
        }
      else
        {
          saved = errno;
          slot->spare_fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
        }
    }
  g_mutex_unlock (&spare_lock);
  errno = saved;
  return fd;
}

static gboolean accept_watch_cb (GSocket      *socket,
                                 GIOCondition  condition,
                                 gpointer      data);

/* The watch stays on the listening socket for as long as the server
 * runs (but for the moments the retry below covers): it is what
 * notices that libsoup's listener has stopped, answers 503 while
 * descriptors are short, and starts a new listener once they are
 * back. */
static void
add_accept_watch (Slot *slot)
{
  if (slot->accept_watch)
    return;
  /* Below libsoup's own source on the same socket: when a connection is
   * waiting, this runs only if libsoup's listener did not take it, that
   * is, once it has given up.  Also below the connections' own sources,
   * so that the closes a client made are seen before the descriptors
   * are counted. */
  slot->accept_watch = g_socket_create_source (slot->listening, G_IO_IN, NULL);
  g_source_set_priority (slot->accept_watch, G_PRIORITY_LOW);
  g_source_set_callback (slot->accept_watch, G_SOURCE_FUNC (accept_watch_cb), slot, NULL);
  g_source_attach (slot->accept_watch, g_main_context_get_thread_default ());
}

/* A new libsoup listener on the socket: libsoup 3.2's gives up for good
 * at the first failed accept. */
static void
resume (Slot *slot)
{
  g_autoptr(GError) error = NULL;
  gboolean starved = slot->starved_retry != NULL;

  if (slot->starved_retry)
    g_source_destroy (slot->starved_retry);
  g_clear_pointer (&slot->starved_retry, g_source_unref);

  if (!soup_server_listen_socket (slot->soup, slot->listening, slot->listen_options, &error))
    g_warning ("Cannot listen again: %s", error->message);
  else if (starved)
    g_message ("Accepting connections again");
  else
    g_message ("The listener had stopped; listening again");
}

/* While starved: puts the spare descriptor (and with it the watch) back
 * as soon as it can, and resumes once descriptors are free even if no
 * client is waiting. */
static gboolean
starved_retry_cb (gpointer data)
{
  Slot *slot = data;

  open_spare (slot);
  if (slot->spare_fd < 0)
    return G_SOURCE_CONTINUE;
  add_accept_watch (slot);
  if (!descriptors_free ())
    return G_SOURCE_CONTINUE;

  resume (slot);
  return G_SOURCE_REMOVE;
}

static void
starve (Slot *slot,
        int   saved_errno)
{
  if (slot->starved_retry)
    return;
  g_warning ("Cannot accept connections: %s; answering 503 until descriptors are free",
             g_strerror (saved_errno));
  slot->starved_retry = g_timeout_source_new (STARVED_RETRY_MS);
  g_source_set_callback (slot->starved_retry, starved_retry_cb, slot, NULL);
  g_source_attach (slot->starved_retry, g_main_context_get_thread_default ());
}

static gboolean
accept_watch_cb (GSocket      *socket,
                 GIOCondition  condition,
                 gpointer      data)
{
  Slot *slot = data;
  int listen_fd = g_socket_get_fd (slot->listening);
  int fd;
  int saved;

  /* A connection is waiting and libsoup's listener has stopped.  If
   * descriptors are free again, a new listener takes this connection
   * (in the next iteration) and the ones after it: answering it 503
   * here would turn away a client the server can serve. */
  if (descriptors_free ())
    {
      resume (slot);
      return G_SOURCE_CONTINUE;
    }

  /* Fewer than the headroom are free: serving it would spend one of the
   * last, which the open connections need to finish. */
  fd = accept_busy (slot, listen_fd);
  saved = errno;
  if (fd >= 0 || saved == EMFILE || saved == ENFILE)
    starve (slot, fd >= 0 ? EMFILE : saved);

  if (fd >= 0 || saved == EAGAIN || saved == EWOULDBLOCK || saved == EINTR ||
      saved == ECONNABORTED)
    return G_SOURCE_CONTINUE;

  /* Not even the spare one made room (another thread took the
   * descriptor it freed), or accept fails otherwise: rather than spin on
   * a socket that stays readable, let the retry put the watch back once
   * the spare descriptor is. */
  starve (slot, saved);
  g_clear_pointer (&slot->accept_watch, g_source_unref);
  return G_SOURCE_REMOVE;
}

void
cl_server_limits_watch_listener (SoupServer              *soup,
                                 GSocket                 *listening,
                                 SoupServerListenOptions  options)
{
  Slot *slot = g_object_get_data (G_OBJECT (soup), "cl-server-limits-slot");
  const ClServerLimitsConfig *config;
  guint period;

  g_return_if_fail (G_IS_SOCKET (listening));

  if (slot == NULL)
    return;
  config = &slot->limits->config;
  g_set_object (&slot->listening, listening);
  slot->listen_options = options;
  open_spare (slot);
  add_accept_watch (slot);

  /* Deadlines are met to within a quarter of the shortest timeout, and
   * connections closed between requests are no longer counted within a
   * quarter of a second. */
  period = MIN (config->header_timeout_ms, MIN (config->body_timeout_ms, config->idle_timeout_ms)) / 4;
  slot->sweep = g_timeout_source_new (CLAMP (period, 50, 250));
  g_source_set_callback (slot->sweep, sweep_cb, slot, NULL);
  g_source_attach (slot->sweep, g_main_context_get_thread_default ());
}
