#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders the pages of one PDF off the main thread (README, "Archive"):
 * a worker thread with its own PopplerDocument takes requests, the
 * newest wanted page first, and hands back textures that are kept in a
 * bounded cache per page and scale.  Every signal is emitted in the
 * main context the renderer was made in. */

#define CL_TYPE_PDF_RENDERER (cl_pdf_renderer_get_type ())
G_DECLARE_FINAL_TYPE (CLPdfRenderer, cl_pdf_renderer, CL, PDF_RENDERER, GObject)

typedef enum
{
  CL_PDF_PRIORITY_VISIBLE,   /* the page in view */
  CL_PDF_PRIORITY_PREFETCH,  /* its neighbours */
  CL_PDF_PRIORITY_THUMBNAIL,
} ClPdfPriority;

/* Starts loading @path; "loaded" or "failed" follows. */
CLPdfRenderer *cl_pdf_renderer_new           (const char    *path);

gboolean       cl_pdf_renderer_is_loaded     (CLPdfRenderer *self);
int            cl_pdf_renderer_get_n_pages   (CLPdfRenderer *self);
/* In points. */
void           cl_pdf_renderer_get_page_size (CLPdfRenderer *self,
                                              int            page,
                                              double        *width,
                                              double        *height);

/* The cached texture of @page at @scale device pixels per point, or
 * NULL (transfer none).  A hit counts as a use for the cache's LRU. */
GdkTexture    *cl_pdf_renderer_lookup        (CLPdfRenderer *self,
                                              int            page,
                                              double         scale);
/* Any cached texture of @page (the largest), to show scaled while the
 * right one renders; NULL if none. */
GdkTexture    *cl_pdf_renderer_lookup_any    (CLPdfRenderer *self,
                                              int            page);
/* Asks for @page at @scale unless cached or already asked; "rendered"
 * follows. */
void           cl_pdf_renderer_request       (CLPdfRenderer *self,
                                              int            page,
                                              double         scale,
                                              ClPdfPriority  priority);
/* Drops the waiting requests of @priority (pages no longer wanted). */
void           cl_pdf_renderer_cancel        (CLPdfRenderer *self,
                                              ClPdfPriority  priority);

/* Text search over every page, on a thread of its own with its own
 * PopplerDocument.  Finishes with a GPtrArray (one per page) of GArray
 * of PopplerRectangle in points, origin top-left. */
void           cl_pdf_renderer_search_async  (CLPdfRenderer       *self,
                                              const char          *text,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray     *cl_pdf_renderer_search_finish (CLPdfRenderer       *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Signals: "loaded" (), "failed" (const char *message),
 * "rendered" (int page, double scale). */

G_END_DECLS
