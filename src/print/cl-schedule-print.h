#pragma once

#include <cairo.h>

#include "cl-schedule-sheet.h"

G_BEGIN_DECLS

/* The printed escort day sheet and VIP room day list (issue #5): one
 * drawing function shared by GtkPrintOperation and the PDF export,
 * like cl-statement-print.h.  Sizes are in points on a page of @width
 * × @height (made for A4, 595 × 842).  Each section of the sheet (an
 * escort, a room) starts on a new page and continues over as many as
 * it needs, with the column headings repeated; every page has the
 * title, the day and "page n of m".
 *
 * Build the sheet with cl_escort_store_day_sheet() or
 * cl_vip_store_day_sheet().  In a GtkPrintOperation:
 * begin-print → gtk_print_operation_set_n_pages (op,
 * cl_schedule_print_n_pages (sheet, w, h)); draw-page →
 * cl_schedule_print_draw (sheet, gtk_print_context_get_cairo_context
 * (ctx), w, h, page) with w, h = gtk_print_context_get_width/height. */

int      cl_schedule_print_n_pages    (CLScheduleSheet *sheet,
                                       double           width,
                                       double           height);

/* Draws page @page (0-based) with the origin at the page's top left. */
void     cl_schedule_print_draw       (CLScheduleSheet *sheet,
                                       cairo_t         *cr,
                                       double           width,
                                       double           height,
                                       int              page);

/* Writes the sheet as an A4 PDF to @path ("Export PDF"). */
gboolean cl_schedule_print_export_pdf (CLScheduleSheet *sheet,
                                       const char      *path,
                                       GError         **error);

G_END_DECLS
