/* cl-print-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-print-util"

#include "config.h"

#include <glib.h>
#include <pango/pangocairo.h>

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

void
cl_print_chart_text (cairo_t        *cr,
                     const char     *text,
                     double          size,
                     double          x,
                     double          y,
                     double          width,
                     PangoAlignment  align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}
