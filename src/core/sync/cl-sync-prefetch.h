#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Pipelined paging for the sync pull: a thread of its own fetches and
 * decodes the next pages of the change feed while the caller writes
 * the current one to the store, so the network, the server and JSON
 * decoding overlap with the store's writes. */

/* Fetches the page after @since: sets @page (freed with the
 * prefetcher's @free_page), @next and @more.  Runs on the prefetch
 * thread. */
typedef gboolean (*ClPrefetchFunc) (gpointer       user_data,
                                    gint64         since,
                                    gpointer      *page,
                                    gint64        *next,
                                    gboolean      *more,
                                    GCancellable  *cancellable,
                                    GError       **error);

typedef struct _ClPrefetch ClPrefetch;

/* Starts fetching from @since, keeping at most @depth pages ahead.
 * Cancelling @cancellable (if given) stops it as well. */
ClPrefetch *cl_prefetch_start (ClPrefetchFunc   fetch,
                               gpointer         user_data,
                               GDestroyNotify   free_page,
                               gint64           since,
                               guint            depth,
                               GCancellable    *cancellable);

/* The next page in order, waiting for it: TRUE with @page, @since (the
 * position it was fetched from), @next and @more; FALSE with @error
 * when its fetch failed.  Nothing is asked after a page with @more
 * FALSE or a failure. */
gboolean    cl_prefetch_next  (ClPrefetch      *self,
                               gpointer        *page,
                               gint64          *since,
                               gint64          *next,
                               gboolean        *more,
                               GError         **error);

/* Cancels what is still being fetched, waits for the thread and frees
 * the pages nobody took. */
void        cl_prefetch_stop  (ClPrefetch      *self);

G_END_DECLS
