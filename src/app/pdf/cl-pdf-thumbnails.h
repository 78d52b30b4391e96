#pragma once

#include <gtk/gtk.h>

#include "cl-pdf-renderer.h"

G_BEGIN_DECLS

/* The viewer's sidebar: a thumbnail per page (rendered on demand by the
 * renderer, only for the rows in view), the page in view selected. */

#define CL_TYPE_PDF_THUMBNAILS (cl_pdf_thumbnails_get_type ())
G_DECLARE_FINAL_TYPE (CLPdfThumbnails, cl_pdf_thumbnails, CL, PDF_THUMBNAILS, GtkWidget)

/* A loaded renderer, or NULL. */
void cl_pdf_thumbnails_set_renderer (CLPdfThumbnails *self,
                                     CLPdfRenderer   *renderer);
void cl_pdf_thumbnails_set_page     (CLPdfThumbnails *self,
                                     int              page);

/* Signals: "page-activated" (int page): the person chose a page. */

G_END_DECLS
