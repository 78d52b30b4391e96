/* cl-critical-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-critical-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cl-critical-print.h"
#include "cl-date.h"
#include "cl-pdf.h"
#include "cl-print-util.h"

#define FONT_FAMILY "Noto Sans CJK SC"
#define MARGIN      40.0
#define ROW         17.0
#define HEADING     26.0
#define TOP_SPACE   64.0   /* title and the limit */
#define FOOTER      24.0

/* The report as a list of lines, each a heading, a table's column
 * headings or one of its rows; a page holds as many as fit. */
typedef enum { LINE_HEADING, LINE_COLUMNS, LINE_ROW } LineKind;

typedef struct
{
  LineKind                    kind;
  const char                 *heading;
  const CLCriticalReportLine *line;
} Line;

static GArray *
report_lines (CLCriticalReport *report)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const struct { const char *heading; GPtrArray *rows; } tables[] = {
    { N_("By kind"), report->by_kind },
    { N_("By source"), report->by_source },
    { N_("By department"), report->by_department },
  };
  Line line = { 0 };

  line.kind = LINE_COLUMNS;
  g_array_append_val (lines, line);
  line.kind = LINE_ROW;
  line.line = &report->all;
  g_array_append_val (lines, line);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      line = (Line) { LINE_HEADING, tables[t].heading, NULL };
      g_array_append_val (lines, line);
      line = (Line) { LINE_COLUMNS, tables[t].heading, NULL };
      g_array_append_val (lines, line);
      for (guint i = 0; i < tables[t].rows->len; i++)
        {
          line = (Line) { LINE_ROW, tables[t].heading, g_ptr_array_index (tables[t].rows, i) };
          g_array_append_val (lines, line);
        }
    }
  return lines;
}

static double
line_height (const Line *line)
{
  return line->kind == LINE_HEADING ? HEADING : ROW;
}

/* The page of each line: a heading is kept with its column headings
 * and first row; a table continued on a new page repeats its column
 * headings (drawn, not counted as a line). */
static int
paginate (GArray *lines,
          double  height,
          int    *pages)
{
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN + TOP_SPACE;
  int page = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      double need = line_height (line) + (line->kind == LINE_HEADING ? 2 * ROW : 0);

      if (y + need > bottom)
        {
          page++;
          y = MARGIN + TOP_SPACE + (line->kind == LINE_ROW ? ROW : 0);
        }
      pages[i] = page;
      y += line_height (line);
    }
  return page + 1;
}

int
cl_critical_print_n_pages (CLCriticalReport *report,
                           double            width,
                           double            height)
{
  g_autoptr(GArray) lines = report_lines (report);
  g_autofree int *pages = g_new0 (int, lines->len);

  return paginate (lines, height, pages);
}

static void
show (cairo_t    *cr,
      const char *text,
      double      x,
      double      y,
      double      width,
      double      size,
      gboolean    bold,
      gboolean    right)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  int w, h;

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, right ? x + width - w : x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The columns: the name, five figures. */
static void
draw_cells (cairo_t     *cr,
            const char **cells,
            double       y,
            double       width,
            gboolean     bold)
{
  double w = width - 2 * MARGIN;
  double name = w * 0.40, figure = (w - name) / 5;

  show (cr, cells[0], MARGIN, y, name - 6, 9.5, bold, FALSE);
  for (guint c = 1; c < 6; c++)
    show (cr, cells[c], MARGIN + name + (c - 1) * figure, y, figure - 6, 9.5, bold, TRUE);
}

static void
draw_columns (cairo_t *cr,
              double   y,
              double   width)
{
  const char *cells[] = {
    "", _("Entries"), _("Within limit"), _("Late"), _("Unreported"), _("Share within"),
  };

  draw_cells (cr, cells, y + 2, width, TRUE);
  cl_print_hline (cr, MARGIN, width - MARGIN, y + ROW - 1, 0.6);
}

static void
draw_row (cairo_t                    *cr,
          const CLCriticalReportLine *line,
          double                      y,
          double                      width)
{
  g_autofree char *total = g_strdup_printf ("%u", line->total);
  g_autofree char *on_time = g_strdup_printf ("%u", line->on_time);
  g_autofree char *late = g_strdup_printf ("%u", line->late);
  g_autofree char *unreported = g_strdup_printf ("%u", line->unreported);
  g_autofree char *share = cl_critical_report_line_share (line);
  const char *cells[] = { line->label, total, on_time, late, unreported, share };

  draw_cells (cr, cells, y + 2, width, FALSE);
  cl_print_hline (cr, MARGIN, width - MARGIN, y + ROW - 1, 0.2);
}

char *
cl_critical_print_title (CLCriticalReport *report)
{
  g_autofree char *month = cl_date_format_month (report->month);

  /* TRANSLATORS: the printed report's title; %s is a month, "Nov 2026" */
  return g_strdup_printf (_("Critical Value Timeliness, %s"), month);
}

void
cl_critical_print_draw (CLCriticalReport *report,
                        cairo_t          *cr,
                        double            width,
                        double            height,
                        int               page)
{
  g_autoptr(GArray) lines = report_lines (report);
  g_autofree int *pages = g_new0 (int, lines->len);
  g_autofree char *title = cl_critical_print_title (report);
  g_autofree char *limit = NULL;
  g_autofree char *footer = NULL;
  int n_pages = paginate (lines, height, pages);
  double y = MARGIN + TOP_SPACE;
  gboolean first = TRUE;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show (cr, title, MARGIN, MARGIN, width - 2 * MARGIN, 15, TRUE, FALSE);
  limit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Reported within the limit: at most %d minute from receipt to the doctor or nurse. "
                                        "An entry not reported counts against the share.",
                                        "Reported within the limit: at most %d minutes from receipt to the doctor or nurse. "
                                        "An entry not reported counts against the share.",
                                        report->limit_minutes),
                           (int) report->limit_minutes);
  show (cr, limit, MARGIN, MARGIN + 26, width - 2 * MARGIN, 9, FALSE, FALSE);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (pages[i] != page)
        continue;
      /* A table continued from the page before repeats its headings. */
      if (first && line->kind == LINE_ROW && i > 0 && pages[i - 1] != page)
        {
          draw_columns (cr, y, width);
          y += ROW;
        }
      first = FALSE;
      switch (line->kind)
        {
        case LINE_HEADING:
          show (cr, _(line->heading), MARGIN, y + 8, width - 2 * MARGIN, 11.5, TRUE, FALSE);
          break;
        case LINE_COLUMNS:
          draw_columns (cr, y, width);
          break;
        case LINE_ROW:
          draw_row (cr, line->line, y, width);
          break;
        }
      y += line_height (line);
    }

  /* TRANSLATORS: page number at the foot of a printed page */
  footer = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);
  show (cr, footer, MARGIN, height - MARGIN - 10, width - 2 * MARGIN, 8.5, FALSE, TRUE);
  cairo_restore (cr);
}

gboolean
cl_critical_print_export_pdf (CLCriticalReport *report,
                              const char       *path,
                              GError          **error)
{
  g_autofree char *title = cl_critical_print_title (report);
  cairo_t *cr;
  int n;

  cr = cl_pdf_begin (path, title);
  n = cl_critical_print_n_pages (report, CL_PDF_A4_WIDTH, CL_PDF_A4_HEIGHT);
  for (int page = 0; page < n; page++)
    {
      cl_critical_print_draw (report, cr, CL_PDF_A4_WIDTH, CL_PDF_A4_HEIGHT, page);
      cairo_show_page (cr);
    }
  return cl_pdf_end (cr, path, _("The report could not be saved as “%s”: %s"), error);
}
