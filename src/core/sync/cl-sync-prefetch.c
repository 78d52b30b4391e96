#define G_LOG_DOMAIN "cl-sync-prefetch"

#include "config.h"

#include "cl-sync-prefetch.h"

typedef struct
{
  gpointer  page;
  gint64    since;
  gint64    next;
  gboolean  more;
  GError   *error;
} Item;

struct _ClPrefetch
{
  /* set once */
  ClPrefetchFunc  fetch;
  gpointer        user_data;
  GDestroyNotify  free_page;
  guint           depth;
  GCancellable   *cancellable;   /* ours */
  GCancellable   *parent;
  gulong          parent_handler;
  GThread        *thread;
  gint64          start;

  /* under mutex */
  GMutex          mutex;
  GCond           cond;
  GQueue          items;
  gboolean        stopping;
};

static void
item_free (ClPrefetch *self,
           Item       *item)
{
  if (item->page && self->free_page)
    self->free_page (item->page);
  g_clear_error (&item->error);
  g_free (item);
}

static gpointer
prefetch_thread (gpointer data)
{
  ClPrefetch *self = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  gint64 since = self->start;
  gboolean go_on = TRUE;

  /* Whatever the fetch runs asynchronously inside belongs here. */
  g_main_context_push_thread_default (context);

  while (go_on)
    {
      Item *item = g_new0 (Item, 1);

      item->since = since;
      if (!self->fetch (self->user_data, since, &item->page, &item->next, &item->more,
                        self->cancellable, &item->error))
        go_on = FALSE;
      else if (!item->more)
        go_on = FALSE;
      since = item->next;

      g_mutex_lock (&self->mutex);
      g_queue_push_tail (&self->items, item);
      g_cond_broadcast (&self->cond);
      while (go_on && !self->stopping && self->items.length >= self->depth)
        g_cond_wait (&self->cond, &self->mutex);
      if (self->stopping)
        go_on = FALSE;
      g_mutex_unlock (&self->mutex);
    }

  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
parent_cancelled_cb (GCancellable *parent,
                     ClPrefetch   *self)
{
  g_cancellable_cancel (self->cancellable);
}

ClPrefetch *
cl_prefetch_start (ClPrefetchFunc  fetch,
                   gpointer        user_data,
                   GDestroyNotify  free_page,
                   gint64          since,
                   guint           depth,
                   GCancellable   *cancellable)
{
  ClPrefetch *self = g_new0 (ClPrefetch, 1);

  g_return_val_if_fail (fetch != NULL, NULL);

  self->fetch = fetch;
  self->user_data = user_data;
  self->free_page = free_page;
  self->depth = MAX (depth, 1);
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->items);
  if (cancellable)
    {
      self->parent = g_object_ref (cancellable);
      self->parent_handler = g_cancellable_connect (cancellable, G_CALLBACK (parent_cancelled_cb),
                                                    self, NULL);
    }

  self->start = since;
  self->thread = g_thread_new ("careline-pull", prefetch_thread, self);
  return self;
}

gboolean
cl_prefetch_next (ClPrefetch  *self,
                  gpointer    *page,
                  gint64      *since,
                  gint64      *next,
                  gboolean    *more,
                  GError     **error)
{
  Item *item;
  gboolean ok;

  g_mutex_lock (&self->mutex);
  while (g_queue_is_empty (&self->items))
    g_cond_wait (&self->cond, &self->mutex);
  item = g_queue_pop_head (&self->items);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  ok = item->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&item->error));
  *page = g_steal_pointer (&item->page);
  *since = item->since;
  *next = item->next;
  *more = ok && item->more;
  g_free (item);
  return ok;
}

void
cl_prefetch_stop (ClPrefetch *self)
{
  Item *item;

  if (self == NULL)
    return;

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  /* Only a fetch still under way needs it; the answers taken are not
   * affected. */
  g_cancellable_cancel (self->cancellable);
  g_thread_join (self->thread);

  if (self->parent)
    {
      g_cancellable_disconnect (self->parent, self->parent_handler);
      g_object_unref (self->parent);
    }
  while ((item = g_queue_pop_head (&self->items)))
    item_free (self, item);
  g_object_unref (self->cancellable);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}
