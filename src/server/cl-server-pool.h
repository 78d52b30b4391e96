#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* careline-server's threads: N threads, each running a GMainContext of
 * its own with a SoupServer of its own, all listening on one port
 * through SO_REUSEPORT sockets, so the kernel spreads the connections
 * over them.  A connection stays on the thread that accepted it. */

typedef struct _ClServerPool ClServerPool;

/* Adds the handlers to one thread's @soup; runs on the calling thread
 * before the pool's threads start. */
typedef void (*ClServerPoolSetup) (SoupServer *soup,
                                   gpointer    user_data);

/* Listens on @address (port 0 picks a free one) with @n_threads
 * threads, over TLS when @certificate is given. */
ClServerPool *cl_server_pool_new       (GInetSocketAddress  *address,
                                        guint                n_threads,
                                        GTlsCertificate     *certificate,
                                        ClServerPoolSetup    setup,
                                        gpointer             user_data,
                                        GError             **error);

/* The URL it listens on, e.g. "http://127.0.0.1:8765/". */
char         *cl_server_pool_get_url   (ClServerPool        *self);

/* Stops the threads (closing their connections) and frees the pool. */
void          cl_server_pool_free      (ClServerPool        *self);

G_END_DECLS
