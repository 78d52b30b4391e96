#pragma once

#include <cairo.h>

#include "cl-survey-results.h"

G_BEGIN_DECLS

/* A department's quarterly survey report, drawn with cairo, that goes
 * back to the department: its answer count, the mean mark and the
 * shares of satisfied marks and of yes answers, a line per question,
 * and the trend of the last four quarters as bars (the same chart the
 * desk shows).  Shared by GtkPrintOperation and the headless PDF
 * export like cl-complaint-print.h; sizes in points, pages for A4. */

/* Draws the trend bars of @means (tenths, CL_SURVEY_NONE for none) for
 * @quarters in @x, @y, @width × @height of @cr, in @red, @green, @blue
 * for the text and lines. */
void     cl_survey_trend_draw        (cairo_t            *cr,
                                      const gint          means[4],
                                      const char * const *quarters,
                                      double              x,
                                      double              y,
                                      double              width,
                                      double              height,
                                      double              red,
                                      double              green,
                                      double              blue);

int      cl_survey_print_n_pages     (CLSurveyReport *report,
                                      double          width,
                                      double          height);
/* Draws page @page (0-based) with the origin at the page's top left. */
void     cl_survey_print_draw        (CLSurveyReport *report,
                                      cairo_t        *cr,
                                      double          width,
                                      double          height,
                                      int             page);
/* Writes the report as an A4 PDF to @path. */
gboolean cl_survey_print_export_pdf  (CLSurveyReport *report,
                                      const char     *path,
                                      GError        **error);

G_END_DECLS
