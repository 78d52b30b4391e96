#pragma once

#include <cairo.h>

#include "cl-duty-week.h"

G_BEGIN_DECLS

/* The printed week of the duty roster: a landscape page with the
 * people as rows and the seven days as columns, each cell the shift and
 * post, each person's hours; then the coverage check's warnings.  One
 * drawing function shared by GtkPrintOperation and the PDF export, in
 * points on a page of @width × @height (made for A4 landscape,
 * 842 × 595); rows that run over continue on the next page under the
 * repeated day headings. */

#define CL_DUTY_PRINT_WIDTH  842.0
#define CL_DUTY_PRINT_HEIGHT 595.0

int      cl_duty_print_n_pages    (CLDutyWeek  *week,
                                   double       width,
                                   double       height);

/* Draws page @page (0-based) with the origin at the page's top left. */
void     cl_duty_print_draw       (CLDutyWeek  *week,
                                   cairo_t     *cr,
                                   double       width,
                                   double       height,
                                   int          page);

/* "Duty Roster, 23 Nov – 29 Nov 2026". */
char    *cl_duty_print_title      (CLDutyWeek  *week);

/* Writes the week as an A4 landscape PDF to @path. */
gboolean cl_duty_print_export_pdf (CLDutyWeek  *week,
                                   const char  *path,
                                   GError     **error);

G_END_DECLS
