#pragma once

#include <cairo.h>

#include "cl-settlement.h"

G_BEGIN_DECLS

/* The printable monthly statement: one drawing function shared by the
 * GtkPrintOperation and the headless PDF export, so that the PDF the
 * tests read back is what is printed.
 * Sizes are in points on a page of @width × @height; the layout adapts
 * to the page size, A4 (595 × 842) being the one it is made for.
 *
 * Page 1 has the hospital, the title and the start of the line table;
 * the table continues over as many pages as it needs, and the last page
 * has the per-package subtotals, the totals, the rate, the deductions,
 * the amount payable, a 12-month chart and the signature lines of the
 * hospital and the vendor. */

int      cl_statement_n_pages    (CLSettlement  *s,
                                  double         width,
                                  double         height);

/* Draws page @page (0-based) with the origin at the page's top left. */
void     cl_statement_draw       (CLSettlement  *s,
                                  cairo_t       *cr,
                                  double         width,
                                  double         height,
                                  int            page);

/* Writes the statement as an A4 PDF to @path.  The same statement
 * gives the same bytes every time: the PDF is dated when the month was
 * closed, or on the first of the month while it is open. */
gboolean cl_statement_export_pdf (CLSettlement  *s,
                                  const char    *path,
                                  GError       **error);

G_END_DECLS
