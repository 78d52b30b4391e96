#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The headless PDF export every printout shares: an A4 cairo-pdf
 * surface with the document's title, and its status checked at the
 * end. */

#define CL_PDF_A4_WIDTH  595.0    /* points */
#define CL_PDF_A4_HEIGHT 842.0

/* A cairo context on a new A4 PDF at @path titled @title. */
cairo_t  *cl_pdf_begin (const char  *path,
                        const char  *title);

/* Dates the PDF of @cr (its CreationDate) at @when, UTC Unix seconds,
 * instead of the moment it is written: a document dated by what it
 * shows is the same file, byte for byte, each time it is exported. */
void      cl_pdf_set_create_date (cairo_t *cr,
                                  gint64   when);

/* Finishes and closes the PDF of @cr.  On failure sets @error from
 * @error_format, a translated message with two %s: the path and the
 * reason. */
gboolean  cl_pdf_end   (cairo_t     *cr,
                        const char  *path,
                        const char  *error_format,
                        GError     **error);

G_END_DECLS
