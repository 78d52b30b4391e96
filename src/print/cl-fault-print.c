/* cl-fault-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-fault-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cl-date.h"
#include "cl-fault-print.h"
#include "cl-pdf.h"
#include "cl-print-util.h"

#define FONT_FAMILY "Noto Sans CJK SC"
#define MARGIN      40.0
#define ROW         28.0   /* two lines: the machine and where it stands */
#define HEAD        18.0
#define TOP_SPACE   50.0   /* the title and the summary */
#define FOOTER      24.0

/* Rows per page: the first page and the others have the same top. */
static guint
rows_per_page (double height)
{
  double body = height - 2 * MARGIN - TOP_SPACE - FOOTER - HEAD;

  return MAX ((guint) (body / ROW), 1);
}

int
cl_fault_print_n_pages (CLFaultReport *report,
                        double         width,
                        double         height)
{
  guint per = rows_per_page (height);

  return MAX ((int) ((report->rows->len + per - 1) / per), 1);
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

/* Column starts as shares of the width: machine, fault, reported to,
 * reported, fixed, hours. */
static const double columns[] = { 0.0, 0.24, 0.50, 0.66, 0.79, 0.92, 1.0 };

static void
draw_cell (cairo_t    *cr,
           guint       c,
           const char *text,
           double      y,
           double      width,
           double      size,
           gboolean    bold)
{
  double w = width - 2 * MARGIN;
  double x = MARGIN + columns[c] * w, cw = (columns[c + 1] - columns[c]) * w - 6;

  show (cr, text, x, y, cw, size, bold, c == 5);
}

char *
cl_fault_print_title (CLFaultReport *report)
{
  g_autofree char *month = cl_date_format_month (report->month);

  /* TRANSLATORS: the printed report's title; %s is a month, "Nov 2026" */
  return g_strdup_printf (_("Equipment Fault Log, %s"), month);
}

void
cl_fault_print_draw (CLFaultReport *report,
                     cairo_t       *cr,
                     double         width,
                     double         height,
                     int            page)
{
  const char *heads[] = {
    _("Machine"), _("Fault"), _("Reported to"), _("Reported"), _("Fixed"), _("Hours open"),
  };
  g_autofree char *title = cl_fault_print_title (report);
  g_autofree char *summary = NULL;
  g_autofree char *footer = NULL;
  guint per = rows_per_page (height);
  int n_pages = cl_fault_print_n_pages (report, width, height);
  double y = MARGIN + TOP_SPACE;
  GDate today;

  /* Dates within the report's year go without it (CL_DATE_SHORT), so
   * the same month prints the same whenever it is printed. */
  g_date_clear (&today, 1);
  if (!cl_date_parse (report->month, &today, NULL))
    {
      g_autofree char *first = g_strconcat (report->month, "-01", NULL);

      if (!cl_date_parse (first, &today, NULL))
        cl_date_today (&today);
    }
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show (cr, title, MARGIN, MARGIN, width - 2 * MARGIN, 15, TRUE, FALSE);
  /* TRANSLATORS: under the fault log's title: faults reported in the month, still open, and open (or that were open) more than a day */
  summary = g_strdup_printf (_("Reported: %u · Still open: %u · Open more than a day: %u (marked ▲)"),
                             report->rows->len, report->n_open, report->n_overdue);
  show (cr, summary, MARGIN, MARGIN + 24, width - 2 * MARGIN, 9, FALSE, FALSE);

  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    draw_cell (cr, c, heads[c], y + 2, width, 9, TRUE);
  cl_print_hline (cr, MARGIN, width - MARGIN, y + HEAD - 1, 0.6);
  y += HEAD;
  for (guint i = page * per; i < report->rows->len && i < (guint) (page + 1) * per; i++)
    {
      CLFaultReportRow *row = g_ptr_array_index (report->rows, i);
      g_autofree char *reported = cl_date_format_time (row->reported_at, CL_DATE_SHORT, &today);
      g_autofree char *fixed = row->fixed_at ? cl_date_format_time (row->fixed_at, CL_DATE_SHORT, &today)
                                             : g_strdup (_("Not fixed"));
      g_autofree char *hours = cl_fault_report_format_hours (row->hours_open);
      g_autofree char *marked = row->overdue ? g_strconcat ("▲ ", hours, NULL) : g_strdup (hours);

      draw_cell (cr, 0, row->machine, y + 2, width, 9, FALSE);
      draw_cell (cr, 0, row->location, y + 14, width, 7.5, FALSE);
      draw_cell (cr, 1, row->fault, y + 2, width, 9, FALSE);
      draw_cell (cr, 2, row->reported_to, y + 2, width, 9, FALSE);
      draw_cell (cr, 3, reported, y + 2, width, 8.5, FALSE);
      draw_cell (cr, 4, fixed, y + 2, width, 8.5, FALSE);
      draw_cell (cr, 5, marked, y + 2, width, 9, row->overdue);
      cl_print_hline (cr, MARGIN, width - MARGIN, y + ROW - 1, 0.2);
      y += ROW;
    }
  if (report->rows->len == 0)
    show (cr, _("No faults were reported in this month."), MARGIN, y + 6, width - 2 * MARGIN, 9.5, FALSE, FALSE);

  /* TRANSLATORS: page number at the foot of a printed page */
  footer = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);
  show (cr, footer, MARGIN, height - MARGIN - 10, width - 2 * MARGIN, 8.5, FALSE, TRUE);
  cairo_restore (cr);
}

gboolean
cl_fault_print_export_pdf (CLFaultReport *report,
                           const char    *path,
                           GError       **error)
{
  g_autofree char *title = cl_fault_print_title (report);
  cairo_t *cr;
  int n;

  cr = cl_pdf_begin (path, title);
  n = cl_fault_print_n_pages (report, CL_PDF_A4_WIDTH, CL_PDF_A4_HEIGHT);
  for (int page = 0; page < n; page++)
    {
      cl_fault_print_draw (report, cr, CL_PDF_A4_WIDTH, CL_PDF_A4_HEIGHT, page);
      cairo_show_page (cr);
    }
  return cl_pdf_end (cr, path, _("The report could not be saved as “%s”: %s"), error);
}
