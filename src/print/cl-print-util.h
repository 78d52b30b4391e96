#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Small drawing helpers shared by the printed sheets. */

/* A horizontal rule from @x0 to @x1 at @y, @line_width points thick, in
 * the current source colour. */
void cl_print_hline (cairo_t *cr,
                     double   x0,
                     double   x1,
                     double   y,
                     double   line_width);

/* One line of a chart's text in the printing font at @size points,
 * ellipsized to @width and aligned in it, its top left at @x, @y. */
void cl_print_chart_text (cairo_t        *cr,
                          const char     *text,
                          double          size,
                          double          x,
                          double          y,
                          double          width,
                          PangoAlignment  align);

G_END_DECLS
