#pragma once

#include <gtk/gtk.h>

#include "cl-pdf-renderer.h"

G_BEGIN_DECLS

/* One page of a PDF at a zoom, drawn from the renderer's cache (a
 * scaled older rendering, or white, while the right one is made), with
 * search matches highlighted. */

#define CL_TYPE_PDF_PAGE_VIEW (cl_pdf_page_view_get_type ())
G_DECLARE_FINAL_TYPE (CLPdfPageView, cl_pdf_page_view, CL, PDF_PAGE_VIEW, GtkWidget)

void       cl_pdf_page_view_set_renderer   (CLPdfPageView *self,
                                            CLPdfRenderer *renderer);
void       cl_pdf_page_view_set_page       (CLPdfPageView *self,
                                            int            page);
/* logical pixels per point */
void       cl_pdf_page_view_set_zoom       (CLPdfPageView *self,
                                            double         zoom);
/* Rectangles (PopplerRectangle, points, top-left origin) to highlight;
 * @current (or -1) is the selected match.  @rects may be NULL. */
void       cl_pdf_page_view_set_highlights (CLPdfPageView *self,
                                            GArray        *rects,
                                            int            current);
/* TRUE once the page was last drawn from a rendering at the right
 * scale (for tests and the benchmark). */
gboolean   cl_pdf_page_view_is_sharp       (CLPdfPageView *self);

G_END_DECLS
