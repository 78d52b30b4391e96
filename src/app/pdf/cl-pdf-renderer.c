/* cl-pdf-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-pdf-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "cl-pdf-renderer.h"

/* Enough for a dozen A4 pages at 150 % on a HiDPI screen per open
 * document; ten documents open stay well under a gigabyte. */
#define CACHE_BUDGET (48 * 1024 * 1024)

typedef struct
{
  int           page;
  int           scale_milli;
  ClPdfPriority priority;
} Request;

/* What the worker thread and the object share; the worker never
 * touches the object, it posts to the object's main context. */
typedef struct
{
  gatomicrefcount ref_count;
  char           *path;
  GMainContext   *context;
  GWeakRef        owner;

  GMutex          mutex;
  GCond           cond;
  GQueue          queues[3];   /* Request *, per priority */
  gboolean        quit;
} Shared;

struct _CLPdfRenderer
{
  GObject parent_instance;

  Shared     *shared;
  GThread    *thread;
  gboolean    loaded;
  int         n_pages;
  double     *sizes;           /* width, height per page */

  GHashTable *cache;           /* key → Entry */
  GQueue      lru;             /* keys, most recent at head */
  gsize       cache_bytes;
  GHashTable *asked;           /* keys asked for, not yet rendered */
};

typedef struct
{
  GdkTexture *texture;
  GList      *link;            /* in lru */
  gsize       bytes;
} Entry;

G_DEFINE_FINAL_TYPE (CLPdfRenderer, cl_pdf_renderer, G_TYPE_OBJECT)

enum {
  LOADED,
  FAILED,
  RENDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Shared *
shared_ref (Shared *s)
{
  g_atomic_ref_count_inc (&s->ref_count);
  return s;
}

static void
shared_unref (Shared *s)
{
  if (!g_atomic_ref_count_dec (&s->ref_count))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (s->queues); i++)
    g_queue_clear_full (&s->queues[i], g_free);
  g_weak_ref_clear (&s->owner);
  g_main_context_unref (s->context);
  g_mutex_clear (&s->mutex);
  g_cond_clear (&s->cond);
  g_free (s->path);
  g_free (s);
}

static inline guint64
make_key (int page,
          int scale_milli)
{
  return ((guint64) page << 32) | (guint32) scale_milli;
}

static int
to_milli (double scale)
{
  return CLAMP ((int) (scale * 1000 + 0.5), 1, 64000);
}

/* ------------------------------------------------------------------ */
/* Posting from the worker                                             */

typedef struct
{
  Shared  *shared;
  int      kind;       /* LOADED, FAILED, RENDERED */
  int      n_pages;
  double  *sizes;
  char    *message;
  int      page;
  int      scale_milli;
  int      width, height, stride;
  GBytes  *pixels;
} Post;

static void
post_free (gpointer data)
{
  Post *p = data;

  shared_unref (p->shared);
  g_free (p->sizes);
  g_free (p->message);
  g_clear_pointer (&p->pixels, g_bytes_unref);
  g_free (p);
}

static void cache_insert (CLPdfRenderer *self, guint64 key, GdkTexture *texture, gsize bytes);

static gboolean
post_dispatch_cb (gpointer data)
{
  Post *p = data;
  g_autoptr(CLPdfRenderer) self = g_weak_ref_get (&p->shared->owner);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  switch (p->kind)
    {
    case LOADED:
      self->loaded = TRUE;
      self->n_pages = p->n_pages;
      self->sizes = g_steal_pointer (&p->sizes);
      g_signal_emit (self, signals[LOADED], 0);
      break;
    case FAILED:
      g_signal_emit (self, signals[FAILED], 0, p->message);
      break;
    case RENDERED:
      {
        guint64 key = make_key (p->page, p->scale_milli);
        g_autoptr(GdkTexture) texture =
          gdk_memory_texture_new (p->width, p->height, GDK_MEMORY_DEFAULT,
                                  p->pixels, p->stride);

        g_hash_table_remove (self->asked, &key);
        cache_insert (self, key, texture, g_bytes_get_size (p->pixels));
        g_signal_emit (self, signals[RENDERED], 0, p->page, p->scale_milli / 1000.0);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return G_SOURCE_REMOVE;
}

static void
post (Shared *s,
      Post   *p)
{
  GSource *source = g_idle_source_new ();

  p->shared = shared_ref (s);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, post_dispatch_cb, p, post_free);
  g_source_attach (source, s->context);
  g_source_unref (source);
}

/* ------------------------------------------------------------------ */
/* The worker                                                          */

static Request *
next_request (Shared *s)
{
  Request *r = NULL;

  g_mutex_lock (&s->mutex);
  while (!s->quit && r == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (s->queues) && r == NULL; i++)
        r = g_queue_pop_head (&s->queues[i]);
      if (r == NULL)
        g_cond_wait (&s->cond, &s->mutex);
    }
  g_mutex_unlock (&s->mutex);
  return r;
}

static void
render (Shared          *s,
        PopplerDocument *document,
        Request         *r)
{
  PopplerPage *page = poppler_document_get_page (document, r->page);
  double scale = r->scale_milli / 1000.0;
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  Post *p;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &w, &h);
  p = g_new0 (Post, 1);
  p->kind = RENDERED;
  p->page = r->page;
  p->scale_milli = r->scale_milli;
  p->width = MAX (1, (int) (w * scale + 0.5));
  p->height = MAX (1, (int) (h * scale + 0.5));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, p->width, p->height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, (double) p->width / w, (double) p->height / h);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  p->stride = cairo_image_surface_get_stride (surface);
  /* The surface's memory becomes the texture's, without a copy. */
  p->pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                          (gsize) p->stride * p->height,
                                          (GDestroyNotify) cairo_surface_destroy, surface);
  g_object_unref (page);
  post (s, p);
}

static gpointer
worker_thread (gpointer data)
{
  Shared *s = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (s->path, NULL, &error);
  PopplerDocument *document = uri ? poppler_document_new_from_file (uri, NULL, &error) : NULL;
  Request *r;

  if (document == NULL)
    {
      Post *p = g_new0 (Post, 1);

      p->kind = FAILED;
      p->message = g_strdup_printf (_("The report cannot be shown: %s"), error->message);
      post (s, p);
      shared_unref (s);
      return NULL;
    }

  {
    Post *p = g_new0 (Post, 1);

    p->kind = LOADED;
    p->n_pages = poppler_document_get_n_pages (document);
    p->sizes = g_new0 (double, 2 * MAX (1, p->n_pages));
    for (int i = 0; i < p->n_pages; i++)
      {
        PopplerPage *page = poppler_document_get_page (document, i);

        poppler_page_get_size (page, &p->sizes[2 * i], &p->sizes[2 * i + 1]);
        g_object_unref (page);
      }
    post (s, p);
  }

  while ((r = next_request (s)))
    {
      render (s, document, r);
      g_free (r);
    }

  g_object_unref (document);
  shared_unref (s);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The cache                                                           */

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_clear_object (&e->texture);
  g_free (e);
}

static void
cache_insert (CLPdfRenderer *self,
              guint64        key,
              GdkTexture    *texture,
              gsize          bytes)
{
  guint64 *k = g_memdup2 (&key, sizeof key);
  Entry *e = g_new0 (Entry, 1);

  Entry *old = g_hash_table_lookup (self->cache, &key);

  if (old)
    {
      self->cache_bytes -= old->bytes;
      g_queue_delete_link (&self->lru, old->link);
      g_hash_table_remove (self->cache, &key);
    }
  e->texture = g_object_ref (texture);
  e->bytes = bytes;
  g_queue_push_head (&self->lru, k);
  e->link = self->lru.head;
  g_hash_table_insert (self->cache, k, e);
  self->cache_bytes += bytes;

  /* Evict the least recently used, never the one just made. */
  while (self->cache_bytes > CACHE_BUDGET && self->lru.length > 1)
    {
      guint64 *old = g_queue_peek_tail (&self->lru);
      Entry *victim = g_hash_table_lookup (self->cache, old);

      self->cache_bytes -= victim->bytes;
      g_queue_pop_tail (&self->lru);
      g_hash_table_remove (self->cache, old);
    }
}

static void
cache_remove_cb (gpointer data)
{
  /* keys are owned by the table; entries unlink themselves */
  g_free (data);
}

GdkTexture *
cl_pdf_renderer_lookup (CLPdfRenderer *self,
                        int            page,
                        double         scale)
{
  guint64 key = make_key (page, to_milli (scale));
  Entry *e;

  g_return_val_if_fail (CL_IS_PDF_RENDERER (self), NULL);

  if (!(e = g_hash_table_lookup (self->cache, &key)))
    return NULL;
  g_queue_unlink (&self->lru, e->link);
  g_queue_push_head_link (&self->lru, e->link);
  return e->texture;
}

GdkTexture *
cl_pdf_renderer_lookup_any (CLPdfRenderer *self,
                            int            page)
{
  GHashTableIter iter;
  gpointer key, value;
  GdkTexture *best = NULL;

  g_return_val_if_fail (CL_IS_PDF_RENDERER (self), NULL);

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if ((int) (*(guint64 *) key >> 32) == page)
      {
        Entry *e = value;

        if (best == NULL || gdk_texture_get_width (e->texture) > gdk_texture_get_width (best))
          best = e->texture;
      }
  return best;
}

void
cl_pdf_renderer_request (CLPdfRenderer *self,
                         int            page,
                         double         scale,
                         ClPdfPriority  priority)
{
  int milli = to_milli (scale);
  guint64 key = make_key (page, milli);
  Request *r;

  g_return_if_fail (CL_IS_PDF_RENDERER (self));

  if (!self->loaded || page < 0 || page >= self->n_pages ||
      g_hash_table_contains (self->cache, &key) ||
      g_hash_table_contains (self->asked, &key))
    return;

  g_hash_table_add (self->asked, g_memdup2 (&key, sizeof key));
  r = g_new0 (Request, 1);
  r->page = page;
  r->scale_milli = milli;
  r->priority = priority;

  g_mutex_lock (&self->shared->mutex);
  /* The newest wish first: flipping fast renders where the person is,
   * not every page passed on the way. */
  g_queue_push_head (&self->shared->queues[priority], r);
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->mutex);
}

void
cl_pdf_renderer_cancel (CLPdfRenderer *self,
                        ClPdfPriority  priority)
{
  Request *r;

  g_return_if_fail (CL_IS_PDF_RENDERER (self));

  g_mutex_lock (&self->shared->mutex);
  while ((r = g_queue_pop_head (&self->shared->queues[priority])))
    {
      guint64 key = make_key (r->page, r->scale_milli);

      g_hash_table_remove (self->asked, &key);
      g_free (r);
    }
  g_mutex_unlock (&self->shared->mutex);
}

/* ------------------------------------------------------------------ */
/* Search                                                              */

static void
free_rects (gpointer data)
{
  g_array_unref (data);
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *text = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document = uri ? poppler_document_new_from_file (uri, NULL, &error) : NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (free_rects);
  int n;

  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  n = poppler_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GArray *rects = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
      GList *found = poppler_page_find_text_with_options (page, text, POPPLER_FIND_DEFAULT);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      for (GList *l = found; l; l = l->next)
        {
          PopplerRectangle *r = l->data;
          /* Poppler's origin is bottom-left; the view's is top-left. */
          PopplerRectangle flipped = { r->x1, h - r->y2, r->x2, h - r->y1 };

          g_array_append_val (rects, flipped);
        }
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
      g_ptr_array_add (results, rects);
      g_object_unref (page);
      if (g_cancellable_is_cancelled (cancellable))
        break;
    }
  g_object_unref (document);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

void
cl_pdf_renderer_search_async (CLPdfRenderer       *self,
                              const char          *text,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CL_IS_PDF_RENDERER (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_pdf_renderer_search_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (self->shared->path), g_free);
  g_task_run_in_thread (task, search_thread);
}

GPtrArray *
cl_pdf_renderer_search_finish (CLPdfRenderer  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */

static void
cl_pdf_renderer_dispose (GObject *object)
{
  CLPdfRenderer *self = CL_PDF_RENDERER (object);

  if (self->thread)
    {
      g_mutex_lock (&self->shared->mutex);
      self->shared->quit = TRUE;
      g_cond_signal (&self->shared->cond);
      g_mutex_unlock (&self->shared->mutex);
      /* Not joined: a page being drawn finishes on its own and the
       * worker then drops its share; the window never waits. */
      g_thread_unref (g_steal_pointer (&self->thread));
    }
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->asked, g_hash_table_unref);
  g_queue_clear (&self->lru);

  G_OBJECT_CLASS (cl_pdf_renderer_parent_class)->dispose (object);
}

static void
cl_pdf_renderer_finalize (GObject *object)
{
  CLPdfRenderer *self = CL_PDF_RENDERER (object);

  g_clear_pointer (&self->shared, shared_unref);
  g_free (self->sizes);

  G_OBJECT_CLASS (cl_pdf_renderer_parent_class)->finalize (object);
}

static void
cl_pdf_renderer_class_init (CLPdfRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_pdf_renderer_dispose;
  object_class->finalize = cl_pdf_renderer_finalize;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[RENDERED] = g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
}

static void
cl_pdf_renderer_init (CLPdfRenderer *self)
{
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, cache_remove_cb, entry_free);
  self->asked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->lru);
}

CLPdfRenderer *
cl_pdf_renderer_new (const char *path)
{
  CLPdfRenderer *self;
  Shared *s;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CL_TYPE_PDF_RENDERER, NULL);
  s = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&s->ref_count);
  s->path = g_strdup (path);
  s->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&s->owner, self);
  g_mutex_init (&s->mutex);
  g_cond_init (&s->cond);
  self->shared = s;
  self->thread = g_thread_new ("cl-pdf-renderer", worker_thread, shared_ref (s));
  return self;
}

gboolean
cl_pdf_renderer_is_loaded (CLPdfRenderer *self)
{
  g_return_val_if_fail (CL_IS_PDF_RENDERER (self), FALSE);
  return self->loaded;
}

int
cl_pdf_renderer_get_n_pages (CLPdfRenderer *self)
{
  g_return_val_if_fail (CL_IS_PDF_RENDERER (self), 0);
  return self->n_pages;
}

void
cl_pdf_renderer_get_page_size (CLPdfRenderer *self,
                               int            page,
                               double        *width,
                               double        *height)
{
  g_return_if_fail (CL_IS_PDF_RENDERER (self));

  if (!self->loaded || page < 0 || page >= self->n_pages)
    {
      *width = 595;
      *height = 842;
      return;
    }
  *width = self->sizes[2 * page];
  *height = self->sizes[2 * page + 1];
}

