/* cl-duty-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-duty-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cl-duty-print.h"
#include "cl-pdf.h"
#include "cl-print-util.h"

#define FONT_FAMILY "Noto Sans CJK SC"
#define MARGIN      32.0
#define PAD         3.0
#define NAME_SHARE  0.12
#define HOURS_SHARE 0.06
#define FOOTER      20.0

/* Walks the week's blocks page by page: the title and the day
 * headings on top of every page, one block per person, then the
 * coverage heading and one block per warning.  Draws those of @page
 * when @cr is not NULL; returns the number of pages. */
typedef struct
{
  CLDutyWeek *week;
  cairo_t    *cr;       /* for measuring, and drawing when @draw */
  gboolean    draw;
  int         page;     /* the page to draw */
  double      width;
  double      height;
} Walk;

static double
text (Walk       *walk,
      const char *str,
      double      size,
      gboolean    bold,
      double      x,
      double      y,
      double      w,
      gboolean    show)
{
  PangoLayout *layout = pango_cairo_create_layout (walk->cr);
  PangoFontDescription *font = pango_font_description_new ();
  int pw, ph;

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (w * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, str ? str : "", -1);
  pango_layout_get_size (layout, &pw, &ph);
  if (show)
    {
      cairo_move_to (walk->cr, x, y);
      pango_cairo_show_layout (walk->cr, layout);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  return (double) ph / PANGO_SCALE;
}

static void
columns (Walk   *walk,
         double *x,
         double *w)
{
  double total = walk->width - 2 * MARGIN;
  double name = total * NAME_SHARE, hours = total * HOURS_SHARE;
  double day = (total - name - hours) / 7;

  x[0] = MARGIN;
  w[0] = name;
  for (int d = 0; d < 7; d++)
    {
      x[d + 1] = MARGIN + name + d * day;
      w[d + 1] = day;
    }
  x[8] = MARGIN + name + 7 * day;
  w[8] = hours;
}

/* The title and the day headings; returns where the body starts. */
static double
draw_top (Walk    *walk,
          gboolean show)
{
  g_autofree char *title = cl_duty_print_title (walk->week);
  double x[9], w[9], y = MARGIN, h = 0;

  columns (walk, x, w);
  y += text (walk, title, 14, TRUE, MARGIN, y, walk->width - 2 * MARGIN, show) + 8;
  for (int c = 0; c < 9; c++)
    {
      g_autofree char *head = NULL;

      if (c == 0)
        head = g_strdup (C_("duty roster column", "Staff"));
      else if (c == 8)
        head = g_strdup (_("Hours"));
      else
        {
          GDate day = walk->week->monday;

          g_date_add_days (&day, c - 1);
          head = cl_duty_format_day (&day);
        }
      h = MAX (h, text (walk, head, 9, TRUE, x[c] + PAD, y + PAD, w[c] - 2 * PAD, show));
    }
  y += h + 2 * PAD;
  if (show)
    cl_print_hline (walk->cr, MARGIN, walk->width - MARGIN, y, 0.8);
  return y;
}

static double
person (Walk    *walk,
        guint    row,
        double   y,
        gboolean show)
{
  CLStaff *staff = g_ptr_array_index (walk->week->staff, row);
  g_autofree char *hours = cl_duty_format_hours (cl_duty_week_minutes (walk->week, row));
  double x[9], w[9], h = 0;

  columns (walk, x, w);
  h = MAX (h, text (walk, cl_staff_get_display_name (staff), 9, FALSE, x[0] + PAD, y + PAD, w[0] - 2 * PAD, show));
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *cell = cl_duty_week_cell_text (walk->week, row, d);

      h = MAX (h, text (walk, cell ? cell : "—", 8, FALSE, x[d + 1] + PAD, y + PAD, w[d + 1] - 2 * PAD, show));
    }
  h = MAX (h, text (walk, hours, 9, FALSE, x[8] + PAD, y + PAD, w[8] - 2 * PAD, show));
  if (show)
    cl_print_hline (walk->cr, MARGIN, walk->width - MARGIN, y + h + 2 * PAD, 0.3);
  return h + 2 * PAD;
}

static int
walk_pages (Walk *walk)
{
  guint n_rows = walk->week->staff->len, n_warnings = walk->week->warnings->len;
  double bottom = walk->height - MARGIN - FOOTER;
  int page = 0;
  double y = draw_top (walk, walk->draw && walk->page == 0);
  g_autofree char *heading = NULL;

  for (guint r = 0; r < n_rows; r++)
    {
      double h = person (walk, r, y, FALSE);

      if (y + h > bottom && r > 0)
        {
          page++;
          y = draw_top (walk, walk->draw && walk->page == page);
        }
      if (walk->draw && walk->page == page)
        person (walk, r, y, TRUE);
      y += h;
    }

  if (n_warnings == 0)
    heading = g_strdup (_("Coverage: every post is covered this week"));
  else
    heading = g_strdup_printf (g_dngettext (NULL, "Coverage: %u warning", "Coverage: %u warnings", n_warnings),
                               n_warnings);
  y += 10;
  for (guint i = 0; i <= n_warnings; i++)
    {
      const char *line = i == 0 ? heading : ((CLDutyWarning *) g_ptr_array_index (walk->week->warnings, i - 1))->message;
      double size = i == 0 ? 11 : 9;
      double h = text (walk, line, size, i == 0, MARGIN, y, walk->width - 2 * MARGIN, FALSE) + 3;

      /* The heading stays with its first warning. */
      if (y + h + (i == 0 && n_warnings > 0 ? 14 : 0) > bottom)
        {
          page++;
          y = MARGIN;
        }
      if (walk->draw && walk->page == page)
        text (walk, line, size, i == 0, MARGIN, y, walk->width - 2 * MARGIN, TRUE);
      y += h;
    }
  return page + 1;
}

char *
cl_duty_print_title (CLDutyWeek *week)
{
  g_autofree char *range = cl_duty_week_format_range (week);

  /* TRANSLATORS: the printed roster's title; %s is the week, "23 Nov – 29 Nov 2026" */
  return g_strdup_printf (_("Duty Roster, %s"), range);
}

int
cl_duty_print_n_pages (CLDutyWeek *week,
                       double      width,
                       double      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  Walk walk = { week, cr, FALSE, -1, width, height };
  int n;

  g_return_val_if_fail (week != NULL, 0);

  n = walk_pages (&walk);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

void
cl_duty_print_draw (CLDutyWeek *week,
                    cairo_t    *cr,
                    double      width,
                    double      height,
                    int         page)
{
  Walk walk = { week, cr, TRUE, page, width, height };
  g_autofree char *footer = NULL;
  int n;

  g_return_if_fail (week != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  n = walk_pages (&walk);
  /* TRANSLATORS: the page number at the foot of a printed page */
  footer = g_strdup_printf (_("Page %d of %d"), page + 1, n);
  text (&walk, footer, 8, FALSE, MARGIN, height - MARGIN - FOOTER + 6, width - 2 * MARGIN, TRUE);
  cairo_restore (cr);
}

gboolean
cl_duty_print_export_pdf (CLDutyWeek  *week,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *title = NULL;
  cairo_t *cr;
  int n;

  g_return_val_if_fail (week != NULL, FALSE);

  title = cl_duty_print_title (week);
  cr = cl_pdf_begin (path, title);
  cairo_pdf_surface_set_size (cairo_get_target (cr), CL_DUTY_PRINT_WIDTH, CL_DUTY_PRINT_HEIGHT);
  n = cl_duty_print_n_pages (week, CL_DUTY_PRINT_WIDTH, CL_DUTY_PRINT_HEIGHT);
  for (int page = 0; page < n; page++)
    {
      cl_duty_print_draw (week, cr, CL_DUTY_PRINT_WIDTH, CL_DUTY_PRINT_HEIGHT, page);
      cairo_show_page (cr);
    }
  return cl_pdf_end (cr, path, _("The roster could not be saved as “%s”: %s"), error);
}
