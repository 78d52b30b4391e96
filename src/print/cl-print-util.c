/* cl-print-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-print-util"

#include "config.h"

#include <glib.h>

#include "cl-print-util.h"

void
cl_print_hline (cairo_t *cr,
                double   x0,
                double   x1,
                double   y,
                double   line_width)
{
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}
