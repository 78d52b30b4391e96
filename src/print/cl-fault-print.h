#pragma once

#include <cairo.h>

#include "cl-fault-report.h"

G_BEGIN_DECLS

/* The printed monthly fault log (cl-fault-report.h): each fault
 * reported in the month with its machine, fault, whom it was reported
 * to, when it was reported and fixed and how many hours it was open
 * (one open more than a day marked).  One drawing function shared by
 * GtkPrintOperation and the PDF export, in points on a page of
 * @width × @height (made for A4); the table continues over pages with
 * its column headings. */
int      cl_fault_print_n_pages    (CLFaultReport *report,
                                    double         width,
                                    double         height);

/* Draws page @page (0-based) with the origin at the page's top left. */
void     cl_fault_print_draw       (CLFaultReport *report,
                                    cairo_t       *cr,
                                    double         width,
                                    double         height,
                                    int            page);

/* "Equipment Fault Log, Nov 2026". */
char    *cl_fault_print_title      (CLFaultReport *report);

/* Writes the report as an A4 PDF to @path. */
gboolean cl_fault_print_export_pdf (CLFaultReport *report,
                                    const char    *path,
                                    GError       **error);

G_END_DECLS
