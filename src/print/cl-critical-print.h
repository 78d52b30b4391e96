#pragma once

#include <cairo.h>

#include "cl-critical-report.h"

G_BEGIN_DECLS

/* The printed monthly timeliness report of the critical-value register
 * (cl-critical-report.h): the share reported within the limit, with
 * the counts, for all entries, per kind, per source and per
 * department.  One drawing function shared by GtkPrintOperation and the
 * PDF export, in points on a page of @width × @height (made for A4);
 * a table that runs over the page continues on the next with its
 * column headings. */
int      cl_critical_print_n_pages    (CLCriticalReport *report,
                                       double            width,
                                       double            height);

/* Draws page @page (0-based) with the origin at the page's top left. */
void     cl_critical_print_draw       (CLCriticalReport *report,
                                       cairo_t          *cr,
                                       double            width,
                                       double            height,
                                       int               page);

/* The report's title, "Critical Value Timeliness, Nov 2026". */
char    *cl_critical_print_title      (CLCriticalReport *report);

/* Writes the report as an A4 PDF to @path ("Export PDF"). */
gboolean cl_critical_print_export_pdf (CLCriticalReport *report,
                                       const char       *path,
                                       GError          **error);

G_END_DECLS
