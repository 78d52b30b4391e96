/* cl-pdf-page-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-pdf-page-view"

#include "config.h"

#include <poppler.h>

#include "cl-pdf-page-view.h"

struct _CLPdfPageView
{
  GtkWidget parent_instance;

  CLPdfRenderer *renderer;
  gulong         rendered_handler;
  GArray        *highlights;
  int            current;
  int            page;
  double         zoom;
  gboolean       sharp;
};

G_DEFINE_FINAL_TYPE (CLPdfPageView, cl_pdf_page_view, GTK_TYPE_WIDGET)

static double
device_scale (CLPdfPageView *self)
{
  return self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
rendered_cb (CLPdfRenderer *renderer,
             int            page,
             double         scale,
             CLPdfPageView *self)
{
  if (page == self->page)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cl_pdf_page_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CLPdfPageView *self = CL_PDF_PAGE_VIEW (widget);
  double w = 595, h = 842;

  if (self->renderer)
    cl_pdf_renderer_get_page_size (self->renderer, self->page, &w, &h);
  *minimum = *natural = (int) ((orientation == GTK_ORIENTATION_HORIZONTAL ? w : h) * self->zoom + 0.5);
}

static void
cl_pdf_page_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CLPdfPageView *self = CL_PDF_PAGE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GdkTexture *texture = NULL;

  self->sharp = FALSE;
  if (self->renderer && cl_pdf_renderer_is_loaded (self->renderer))
    {
      double scale = device_scale (self);

      if ((texture = cl_pdf_renderer_lookup (self->renderer, self->page, scale)))
        self->sharp = TRUE;
      else
        {
          cl_pdf_renderer_request (self->renderer, self->page, scale, CL_PDF_PRIORITY_VISIBLE);
          texture = cl_pdf_renderer_lookup_any (self->renderer, self->page);
        }
    }

  if (texture)
    gtk_snapshot_append_texture (snapshot, texture, &bounds);
  else
    {
      GdkRGBA white = { 1, 1, 1, 1 };
      gtk_snapshot_append_color (snapshot, &white, &bounds);
    }

  for (guint i = 0; self->highlights && i < self->highlights->len; i++)
    {
      PopplerRectangle *r = &g_array_index (self->highlights, PopplerRectangle, i);
      graphene_rect_t box = GRAPHENE_RECT_INIT (r->x1 * self->zoom - 1, r->y1 * self->zoom - 1,
                                                (r->x2 - r->x1) * self->zoom + 2,
                                                (r->y2 - r->y1) * self->zoom + 2);
      /* Yellow marker for a match, orange for the one selected. */
      GdkRGBA colour = (int) i == self->current
                       ? (GdkRGBA) { 0.96, 0.47, 0.0, 0.45 }
                       : (GdkRGBA) { 0.97, 0.83, 0.0, 0.35 };

      gtk_snapshot_append_color (snapshot, &colour, &box);
    }
}

static void
cl_pdf_page_view_dispose (GObject *object)
{
  CLPdfPageView *self = CL_PDF_PAGE_VIEW (object);

  cl_pdf_page_view_set_renderer (self, NULL);
  g_clear_pointer (&self->highlights, g_array_unref);

  G_OBJECT_CLASS (cl_pdf_page_view_parent_class)->dispose (object);
}

static void
cl_pdf_page_view_class_init (CLPdfPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_pdf_page_view_dispose;
  widget_class->measure = cl_pdf_page_view_measure;
  widget_class->snapshot = cl_pdf_page_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "pdfpage");
}

static void
cl_pdf_page_view_init (CLPdfPageView *self)
{
  self->zoom = 1.0;
  self->current = -1;
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
}

void
cl_pdf_page_view_set_renderer (CLPdfPageView *self,
                               CLPdfRenderer *renderer)
{
  g_return_if_fail (CL_IS_PDF_PAGE_VIEW (self));

  if (self->renderer == renderer)
    return;
  if (self->renderer)
    g_clear_signal_handler (&self->rendered_handler, self->renderer);
  g_set_object (&self->renderer, renderer);
  if (renderer)
    self->rendered_handler = g_signal_connect (renderer, "rendered", G_CALLBACK (rendered_cb), self);
  self->page = 0;
  self->sharp = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cl_pdf_page_view_set_page (CLPdfPageView *self,
                           int            page)
{
  g_return_if_fail (CL_IS_PDF_PAGE_VIEW (self));

  double old_w = 0, old_h = 0, w = 0, h = 0;

  if (self->page == page)
    return;
  if (self->renderer)
    {
      cl_pdf_renderer_get_page_size (self->renderer, self->page, &old_w, &old_h);
      cl_pdf_renderer_get_page_size (self->renderer, page, &w, &h);
    }
  self->page = page;
  self->sharp = FALSE;
  g_clear_pointer (&self->highlights, g_array_unref);
  /* Pages of one size (most reports) need no new layout: a flip is
   * one redraw. */
  if (old_w == w && old_h == h)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cl_pdf_page_view_set_zoom (CLPdfPageView *self,
                           double         zoom)
{
  g_return_if_fail (CL_IS_PDF_PAGE_VIEW (self));

  if (G_APPROX_VALUE (self->zoom, zoom, 0.0005))
    return;
  self->zoom = zoom;
  self->sharp = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cl_pdf_page_view_set_highlights (CLPdfPageView *self,
                                 GArray        *rects,
                                 int            current)
{
  g_return_if_fail (CL_IS_PDF_PAGE_VIEW (self));

  g_clear_pointer (&self->highlights, g_array_unref);
  if (rects)
    self->highlights = g_array_ref (rects);
  self->current = current;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
cl_pdf_page_view_is_sharp (CLPdfPageView *self)
{
  g_return_val_if_fail (CL_IS_PDF_PAGE_VIEW (self), FALSE);
  return self->sharp;
}
