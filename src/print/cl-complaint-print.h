#pragma once

#include <cairo.h>

#include "cl-complaint-report.h"

G_BEGIN_DECLS

/* The monthly complaint report, drawn with cairo: the chart (one pair
 * of bars per department: its complaints and how many ran overdue)
 * that the desk shows in a GtkDrawingArea and the printed report
 * carries, and the printed report's pages, shared by GtkPrintOperation
 * and the headless PDF export like cl-statement-print.h.  Sizes are in
 * points (or pixels on screen); the pages are made for A4. */

/* Draws the chart of @report in the rectangle @x, @y, @width ×
 * @height of @cr, with its text in pango's default context of @cr. */
void     cl_complaint_chart_draw        (CLComplaintReport *report,
                                         cairo_t           *cr,
                                         double             x,
                                         double             y,
                                         double             width,
                                         double             height);

int      cl_complaint_print_n_pages     (CLComplaintReport *report,
                                         double             width,
                                         double             height);

/* Draws page @page (0-based) with the origin at the page's top left. */
void     cl_complaint_print_draw        (CLComplaintReport *report,
                                         cairo_t           *cr,
                                         double             width,
                                         double             height,
                                         int                page);

/* Writes the report as an A4 PDF to @path. */
gboolean cl_complaint_print_export_pdf  (CLComplaintReport *report,
                                         const char        *path,
                                         GError           **error);

G_END_DECLS
