#pragma once

#include <cairo.h>

G_BEGIN_DECLS

/* Small drawing helpers shared by the printed sheets. */

/* A horizontal rule from @x0 to @x1 at @y, @line_width points thick, in
 * the current source colour. */
void cl_print_hline (cairo_t *cr,
                     double   x0,
                     double   x1,
                     double   y,
                     double   line_width);

G_END_DECLS
