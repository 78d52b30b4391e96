/* cl-complaint-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-complaint-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cl-complaint-print.h"
#include "cl-date.h"
#include "cl-pdf.h"
#include "cl-print-layout.h"
#include "cl-print-util.h"

#define FONT_FAMILY "Noto Sans CJK SC"

#define MARGIN       40.0
#define CELL_PAD     3.0
#define CHART_HEIGHT 230.0
#define FOOTER_SPACE 24.0

static const CLPrintFont title_font = { FONT_FAMILY, 15.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const CLPrintFont text_font = { FONT_FAMILY, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL };
static const CLPrintFont bold_font = { FONT_FAMILY, 9.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const CLPrintFont note_font = { FONT_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC };

/* ---- the chart ------------------------------------------------------- */

void
cl_complaint_chart_draw (CLComplaintReport *report,
                         cairo_t           *cr,
                         double             x,
                         double             y,
                         double             width,
                         double             height)
{
  guint n = cl_complaint_report_get_n_rows (report);
  guint top = 1;
  double axis_w = 28, legend_h = 18, label_h = 26;
  double plot_x = x + axis_w, plot_w = width - axis_w;
  double plot_y = y + legend_h, plot_h = height - legend_h - label_h;
  double slot, bar;
  guint step;

  g_return_if_fail (CL_IS_COMPLAINT_REPORT (report));

  for (guint i = 0; i < n; i++)
    top = MAX (top, cl_complaint_report_get_row (report, i)->count);
  /* Gridlines at whole numbers: 1, 2, 5, 10, 20… apart, about four. */
  step = 1;
  while (top / step > 5)
    step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
  top = ((top + step - 1) / step) * step;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);

  /* Legend: complaints, overdue */
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_rectangle (cr, plot_x, y + 3, 10, 10);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cl_print_chart_text (cr, _("Complaints"), 9, plot_x + 14, y + 1, 110, PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, 0.88, 0.11, 0.14);
  cairo_rectangle (cr, plot_x + 130, y + 3, 10, 10);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cl_print_chart_text (cr, _("Overdue"), 9, plot_x + 144, y + 1, 110, PANGO_ALIGN_LEFT);

  /* Axis and gridlines */
  for (guint v = 0; v <= top; v += step)
    {
      double gy = plot_y + plot_h - plot_h * v / top;
      char label[16];

      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_move_to (cr, plot_x, gy);
      cairo_line_to (cr, plot_x + plot_w, gy);
      cairo_stroke (cr);
      g_snprintf (label, sizeof label, "%u", v);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cl_print_chart_text (cr, label, 8, x, gy - 6, axis_w - 4, PANGO_ALIGN_RIGHT);
    }

  if (n == 0)
    {
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      cl_print_chart_text (cr, _("No complaints this month"), 10, plot_x, plot_y + plot_h / 2 - 8, plot_w,
                  PANGO_ALIGN_CENTER);
      cairo_restore (cr);
      return;
    }

  slot = plot_w / n;
  bar = MIN (slot * 0.35, 28);
  for (guint i = 0; i < n; i++)
    {
      const CLComplaintReportRow *row = cl_complaint_report_get_row (report, i);
      double sx = plot_x + slot * i + slot / 2;
      double h1 = plot_h * row->count / top, h2 = plot_h * row->overdue / top;
      char value[16];

      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, sx - bar, plot_y + plot_h - h1, bar, h1);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.88, 0.11, 0.14);
      cairo_rectangle (cr, sx, plot_y + plot_h - h2, bar, h2);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      g_snprintf (value, sizeof value, "%u", row->count);
      cl_print_chart_text (cr, value, 8, sx - bar - 6, plot_y + plot_h - h1 - 11, bar + 12, PANGO_ALIGN_CENTER);
      g_snprintf (value, sizeof value, "%u", row->overdue);
      cl_print_chart_text (cr, value, 8, sx - 6, plot_y + plot_h - h2 - 11, bar + 12, PANGO_ALIGN_CENTER);
      cl_print_chart_text (cr, row->department, 8.5, plot_x + slot * i + 2, plot_y + plot_h + 4, slot - 4,
                  PANGO_ALIGN_CENTER);
    }
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_move_to (cr, plot_x, plot_y + plot_h);
  cairo_line_to (cr, plot_x + plot_w, plot_y + plot_h);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ---- the printed report ---------------------------------------------- */

enum
{
  BLOCK_CHART,
  BLOCK_COLUMNS,
  BLOCK_ROW,      /* item: the row, n_rows for the total */
  BLOCK_NOTE,
};

/* Column widths as shares of the page's width. */
static const double widths[] = { 0.25, 0.13, 0.13, 0.17, 0.18, 0.14 };

static const char *
header (guint column)
{
  const char *headers[] = {
    C_("complaint report", "Department"),
    C_("complaint report", "Complaints"),
    C_("complaint report", "Settled on the spot"),
    C_("complaint report", "Median hours to resolve"),
    C_("complaint report", "Satisfaction"),
    C_("complaint report", "Overdue"),
  };

  return headers[column];
}

static char *
cell (const CLComplaintReportRow *row,
      guint                       column)
{
  switch (column)
    {
    case 0: return g_strdup (row->department);
    case 1: return g_strdup_printf ("%u", row->count);
    case 2: return g_strdup_printf ("%u", row->on_spot);
    case 3: return cl_complaint_report_format_median (row);
    case 4:
      {
        g_autofree char *share = cl_complaint_report_format_satisfaction (row);

        /* TRANSLATORS: a satisfaction share and of how many answers, e.g. "85.7% (of 7)" */
        return row->answered ? g_strdup_printf (_("%s (of %u)"), share, row->answered) : g_steal_pointer (&share);
      }
    default: return g_strdup_printf ("%u", row->overdue);
    }
}

static char *
title (CLComplaintReport *report)
{
  g_autofree char *month = cl_date_format_month (cl_complaint_report_get_month (report));

  /* TRANSLATORS: the printed report's title; %s is a month, "Nov 2026" */
  return g_strdup_printf (_("Complaints by department — %s"), month);
}

static const CLComplaintReportRow *
row_at (CLComplaintReport *report,
        guint              item)
{
  if (item < cl_complaint_report_get_n_rows (report))
    return cl_complaint_report_get_row (report, item);
  return cl_complaint_report_get_total (report);
}

static double
row_height (CLPrintLayout              *layout,
            const CLComplaintReportRow *row,
            double                      w)
{
  double h = 0;

  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    {
      g_autofree char *text = cell (row, c);

      h = MAX (h, cl_print_layout_text_height (layout, &text_font, text, widths[c] * w - 2 * CELL_PAD));
    }
  return h + 2 * CELL_PAD;
}

static CLPrintLayout *
layout_pages (CLComplaintReport *report,
              double             width,
              double             height)
{
  CLPrintLayout *layout = cl_print_layout_new (MARGIN, MARGIN, height - MARGIN - FOOTER_SPACE);
  double w = width - 2 * MARGIN, columns = 0;
  g_autofree char *heading = title (report);
  double top = MARGIN + cl_print_layout_text_height (layout, &title_font, heading, w) + 24;
  guint n = cl_complaint_report_get_n_rows (report);
  int head;

  cl_print_layout_set_body (layout, top, top, height - MARGIN - FOOTER_SPACE);
  cl_print_layout_add (layout, BLOCK_CHART, 0, CHART_HEIGHT + 16, -1, CL_PRINT_BLOCK_NONE);
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    columns = MAX (columns, cl_print_layout_text_height (layout, &bold_font, header (c), widths[c] * w - 2 * CELL_PAD));
  head = cl_print_layout_add (layout, BLOCK_COLUMNS, 0, columns + 2 * CELL_PAD, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  for (guint i = 0; i <= n; i++)
    cl_print_layout_add (layout, BLOCK_ROW, i, row_height (layout, row_at (report, i), w), head,
                         CL_PRINT_BLOCK_NONE);
  cl_print_layout_add (layout, BLOCK_NOTE, 0, 10 + cl_print_layout_text_height (layout, &note_font, cl_complaint_report_describe (), w),
                       -1, CL_PRINT_BLOCK_NONE);
  return layout;
}

int
cl_complaint_print_n_pages (CLComplaintReport *report,
                            double             width,
                            double             height)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (report), 0);

  layout = layout_pages (report, width, height);
  return (int) cl_print_layout_get_n_pages (layout);
}

static void
draw_row (CLPrintLayout     *layout,
          cairo_t           *cr,
          CLComplaintReport *report,
          const CLPrintPlacement *at,
          double             x,
          double             w)
{
  double cx = x;
  gboolean columns = at->kind == BLOCK_COLUMNS;
  gboolean total = !columns && at->item >= cl_complaint_report_get_n_rows (report);

  if (columns)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_rectangle (cr, x, at->y, w, at->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    {
      g_autofree char *text = columns ? g_strdup (header (c)) : cell (row_at (report, at->item), c);

      cl_print_layout_show_text (layout, cr, columns || total ? &bold_font : &text_font, text,
                                 cx + CELL_PAD, at->y + CELL_PAD, widths[c] * w - 2 * CELL_PAD);
      cx += widths[c] * w;
    }
  cl_print_hline (cr, x, x + w, at->y + at->height, columns || total ? 0.8 : 0.3);
}

static void
draw_page (CLComplaintReport *report,
           CLPrintLayout     *layout,
           cairo_t           *cr,
           guint              page,
           double             width,
           double             height)
{
  double x = MARGIN, y = MARGIN, w = width - 2 * MARGIN;
  guint n_placements;
  const CLPrintPlacement *placements = cl_print_layout_get_page (layout, page, &n_placements);
  g_autofree char *heading = title (report);
  g_autofree char *made = cl_date_format_time (cl_complaint_report_get_made_at (report), CL_DATE_FULL, NULL);
  g_autofree char *subtitle = g_strdup_printf (_("As of %s"), made);
  g_autofree char *number = NULL;

  cairo_save (cr);
  cl_print_layout_begin_page (layout, cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += cl_print_layout_show_text (layout, cr, &title_font, heading, x, y, w);
  cl_print_layout_show_text (layout, cr, &text_font, subtitle, x, y + 2, w);

  for (guint i = 0; i < n_placements; i++)
    {
      const CLPrintPlacement *at = &placements[i];

      switch (at->kind)
        {
        case BLOCK_CHART:
          cl_complaint_chart_draw (report, cr, x, at->y, w, CHART_HEIGHT);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        case BLOCK_COLUMNS:
        case BLOCK_ROW:
          draw_row (layout, cr, report, at, x, w);
          break;
        case BLOCK_NOTE:
          cl_print_layout_show_text (layout, cr, &note_font, cl_complaint_report_describe (), x, at->y + 10, w);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  number = g_strdup_printf (_("Page %1$d of %2$d"), page + 1, cl_print_layout_get_n_pages (layout));
  {
    g_autoptr(PangoLayout) text = cl_print_layout_text (layout, &note_font, number, w);

    pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
    cairo_move_to (cr, x, height - MARGIN - 10);
    pango_cairo_show_layout (cr, text);
  }
  cairo_restore (cr);
}

void
cl_complaint_print_draw (CLComplaintReport *report,
                         cairo_t           *cr,
                         double             width,
                         double             height,
                         int                page)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_if_fail (CL_IS_COMPLAINT_REPORT (report));
  g_return_if_fail (cr != NULL);

  layout = layout_pages (report, width, height);
  if (page >= 0 && (guint) page < cl_print_layout_get_n_pages (layout))
    draw_page (report, layout, cr, page, width, height);
  else
    g_critical ("%s: no page %d", G_STRFUNC, page);
}

gboolean
cl_complaint_print_export_pdf (CLComplaintReport  *report,
                               const char         *path,
                               GError            **error)
{
  const double width = CL_PDF_A4_WIDTH, height = CL_PDF_A4_HEIGHT;
  g_autoptr(CLPrintLayout) layout = NULL;
  g_autofree char *heading = NULL;
  cairo_t *cr;

  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  heading = title (report);
  cr = cl_pdf_begin (path, heading);
  cl_pdf_set_create_date (cr, cl_complaint_report_get_made_at (report));
  layout = layout_pages (report, width, height);
  for (guint i = 0; i < cl_print_layout_get_n_pages (layout); i++)
    {
      draw_page (report, layout, cr, i, width, height);
      cairo_show_page (cr);
    }
  return cl_pdf_end (cr, path, _("The report could not be saved as “%s”: %s"), error);
}
