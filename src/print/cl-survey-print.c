/* cl-survey-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-survey-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cl-date.h"
#include "cl-pdf.h"
#include "cl-print-layout.h"
#include "cl-print-util.h"
#include "cl-survey-campaign.h"
#include "cl-survey-print.h"

#define FONT_FAMILY "Noto Sans CJK SC"

#define MARGIN       40.0
#define CELL_PAD     3.0
#define CHART_HEIGHT 190.0
#define FOOTER_SPACE 24.0

static const CLPrintFont title_font = { FONT_FAMILY, 15.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const CLPrintFont text_font = { FONT_FAMILY, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL };
static const CLPrintFont bold_font = { FONT_FAMILY, 9.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const CLPrintFont note_font = { FONT_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC };

/* ---- the trend chart --------------------------------------------------- */

void
cl_survey_trend_draw (cairo_t            *cr,
                      const gint          means[4],
                      const char * const *quarters,
                      double              x,
                      double              y,
                      double              width,
                      double              height,
                      double              red,
                      double              green,
                      double              blue)
{
  double axis_w = 22, label_h = 22, value_h = 14;
  double plot_x = x + axis_w, plot_w = MAX (width - axis_w, 1);
  double plot_y = y + value_h, plot_h = MAX (height - label_h - value_h, 1);
  double slot = plot_w / 4, bar = MIN (slot * 0.5, 48);

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  /* The 1–5 axis, a faint line at each mark. */
  for (int mark = 1; mark <= 5; mark++)
    {
      double gy = plot_y + plot_h - plot_h * (mark - 1) / 4.0;
      char label[4];

      cairo_set_source_rgba (cr, red, green, blue, 0.2);
      cairo_move_to (cr, plot_x, gy);
      cairo_line_to (cr, plot_x + plot_w, gy);
      cairo_stroke (cr);
      g_snprintf (label, sizeof label, "%d", mark);
      cairo_set_source_rgba (cr, red, green, blue, 0.75);
      cl_print_chart_text (cr, label, 8, x, gy - 6, axis_w - 6, PANGO_ALIGN_RIGHT);
    }
  for (guint i = 0; i < 4; i++)
    {
      double sx = plot_x + slot * i + slot / 2;
      g_autofree char *quarter = cl_survey_quarter_label (quarters ? quarters[i] : NULL);

      cairo_set_source_rgba (cr, red, green, blue, 1);
      cl_print_chart_text (cr, quarter, 8.5, plot_x + slot * i, plot_y + plot_h + 6, slot, PANGO_ALIGN_CENTER);
      if (means[i] >= 10)
        {
          double h = MAX (plot_h * (means[i] - 10) / 40.0, 2);
          g_autofree char *value = cl_survey_format_tenths (means[i]);

          /* The accent blue of the app's other charts. */
          cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
          cairo_rectangle (cr, sx - bar / 2, plot_y + plot_h - h, bar, h);
          cairo_fill (cr);
          cairo_set_source_rgba (cr, red, green, blue, 1);
          cl_print_chart_text (cr, value, 8.5, sx - slot / 2, plot_y + plot_h - h - 13, slot, PANGO_ALIGN_CENTER);
        }
      else
        {
          cairo_set_source_rgba (cr, red, green, blue, 0.6);
          cl_print_chart_text (cr, _("No result"), 8, sx - slot / 2, plot_y + plot_h - 14, slot, PANGO_ALIGN_CENTER);
        }
    }
  cairo_set_source_rgba (cr, red, green, blue, 0.8);
  cairo_move_to (cr, plot_x, plot_y + plot_h);
  cairo_line_to (cr, plot_x + plot_w, plot_y + plot_h);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ---- the printed report ------------------------------------------------ */

enum
{
  BLOCK_SUMMARY,
  BLOCK_CHART,
  BLOCK_COLUMNS,
  BLOCK_ROW,        /* item: the question's index in the department's results */
  BLOCK_WITHHELD,
};

static const double widths[] = { 0.52, 0.12, 0.12, 0.12, 0.12 };

static const char *
header (guint column)
{
  const char *headers[] = {
    _("Question"), _("Answers"), _("Mean mark (1–5)"), _("Satisfied (4–5)"), _("Yes"),
  };

  return headers[column];
}

static char *
cell (const CLSurveyQuestionResult *result,
      guint                         column)
{
  switch (column)
    {
    case 0: return g_strdup (cl_local_text_get (result->question->text, NULL));
    case 1: return g_strdup_printf ("%u", result->n);
    case 2: return cl_survey_format_tenths (result->mean_tenths);
    case 3: return cl_survey_format_permille (result->satisfied_permille);
    default: return cl_survey_format_permille (result->yes_permille);
    }
}

static char *
title (CLSurveyReport *report)
{
  const CLSurveyDepartmentResult *department = cl_survey_report_get_department (report);

  /* TRANSLATORS: the printed survey report's title; %s is a department */
  return g_strdup_printf (_("Satisfaction survey report — %s"),
                          *department->label ? department->label : _("All departments"));
}

static char *
subtitle (CLSurveyReport *report)
{
  CLSurveyTemplate *template = cl_survey_results_get_template (report->results);
  g_autofree char *quarter = cl_survey_quarter_label (cl_survey_results_get_quarter (report->results));
  g_autofree char *made = cl_date_format_time (report->made_at, CL_DATE_FULL, NULL);

  /* TRANSLATORS: under the survey report's title: the survey, the quarter, the day it was made */
  return g_strdup_printf (_("%s · %s · as of %s"), template ? cl_survey_template_get_title (template, NULL) : "",
                          quarter, made);
}

static char *
summary (CLSurveyReport *report)
{
  const CLSurveyDepartmentResult *department = cl_survey_report_get_department (report);
  g_autofree char *mean = cl_survey_format_tenths (department->mean_tenths);
  g_autofree char *satisfied = cl_survey_format_permille (department->satisfied_permille);
  g_autofree char *yes = cl_survey_format_permille (department->yes_permille);

  /* TRANSLATORS: the survey report's key figures */
  return g_strdup_printf (_("Answers: %u · Mean mark: %s · Satisfied (4–5): %s · Yes: %s"),
                          department->n_answers, mean, satisfied, yes);
}

static const char *
withheld_text (void)
{
  return _("This survey is anonymous and fewer than 5 people answered for this department: "
           "no result is shown, so that no one's answers can be told apart.");
}

static double
row_height (CLPrintLayout                *layout,
            const CLSurveyQuestionResult *result,
            double                        w)
{
  double h = 0;

  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    {
      g_autofree char *text = result ? cell (result, c) : g_strdup (header (c));

      h = MAX (h, cl_print_layout_text_height (layout, result ? &text_font : &bold_font, text,
                                               widths[c] * w - 2 * CELL_PAD));
    }
  return h + 2 * CELL_PAD;
}

static CLPrintLayout *
layout_pages (CLSurveyReport *report,
              double          width,
              double          height)
{
  CLPrintLayout *layout = cl_print_layout_new (MARGIN, MARGIN, height - MARGIN - FOOTER_SPACE);
  const CLSurveyDepartmentResult *department = cl_survey_report_get_department (report);
  double w = width - 2 * MARGIN;
  g_autofree char *heading = title (report);
  g_autofree char *line = summary (report);
  double top = MARGIN + cl_print_layout_text_height (layout, &title_font, heading, w) + 24;
  int head;

  cl_print_layout_set_body (layout, top, top, height - MARGIN - FOOTER_SPACE);
  if (department->withheld)
    {
      cl_print_layout_add (layout, BLOCK_WITHHELD, 0,
                           12 + cl_print_layout_text_height (layout, &text_font, withheld_text (), w),
                           -1, CL_PRINT_BLOCK_NONE);
      return layout;
    }
  cl_print_layout_add (layout, BLOCK_SUMMARY, 0, 12 + cl_print_layout_text_height (layout, &bold_font, line, w),
                       -1, CL_PRINT_BLOCK_NONE);
  cl_print_layout_add (layout, BLOCK_CHART, 0, CHART_HEIGHT + 16, -1, CL_PRINT_BLOCK_NONE);
  head = cl_print_layout_add (layout, BLOCK_COLUMNS, 0, row_height (layout, NULL, w), -1,
                              CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  for (guint q = 0; q < department->questions->len; q++)
    {
      const CLSurveyQuestionResult *result = g_ptr_array_index (department->questions, q);

      if (result->question->kind != CL_SURVEY_QUESTION_TEXT)
        cl_print_layout_add (layout, BLOCK_ROW, q, row_height (layout, result, w), head, CL_PRINT_BLOCK_NONE);
    }
  return layout;
}

int
cl_survey_print_n_pages (CLSurveyReport *report,
                         double          width,
                         double          height)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_val_if_fail (report != NULL, 0);

  layout = layout_pages (report, width, height);
  return (int) cl_print_layout_get_n_pages (layout);
}

static void
draw_row (CLPrintLayout          *layout,
          cairo_t                *cr,
          CLSurveyReport         *report,
          const CLPrintPlacement *at,
          double                  x,
          double                  w)
{
  const CLSurveyDepartmentResult *department = cl_survey_report_get_department (report);
  gboolean columns = at->kind == BLOCK_COLUMNS;
  double cx = x;

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
      g_autofree char *text = columns ? g_strdup (header (c))
                                      : cell (g_ptr_array_index (department->questions, at->item), c);

      cl_print_layout_show_text (layout, cr, columns ? &bold_font : &text_font, text,
                                 cx + CELL_PAD, at->y + CELL_PAD, widths[c] * w - 2 * CELL_PAD);
      cx += widths[c] * w;
    }
  cl_print_hline (cr, x, x + w, at->y + at->height, columns ? 0.8 : 0.3);
}

static void
draw_page (CLSurveyReport *report,
           CLPrintLayout  *layout,
           cairo_t        *cr,
           guint           page,
           double          width,
           double          height)
{
  double x = MARGIN, y = MARGIN, w = width - 2 * MARGIN;
  guint n_placements;
  const CLPrintPlacement *placements = cl_print_layout_get_page (layout, page, &n_placements);
  g_autofree char *heading = title (report);
  g_autofree char *under = subtitle (report);
  g_autofree char *number = NULL;

  cairo_save (cr);
  cl_print_layout_begin_page (layout, cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += cl_print_layout_show_text (layout, cr, &title_font, heading, x, y, w);
  cl_print_layout_show_text (layout, cr, &text_font, under, x, y + 2, w);

  for (guint i = 0; i < n_placements; i++)
    {
      const CLPrintPlacement *at = &placements[i];

      switch (at->kind)
        {
        case BLOCK_SUMMARY:
          {
            g_autofree char *line = summary (report);

            cl_print_layout_show_text (layout, cr, &bold_font, line, x, at->y + 6, w);
          }
          break;
        case BLOCK_CHART:
          cl_survey_trend_draw (cr, report->means, (const char * const *) report->quarters,
                                x, at->y, w, CHART_HEIGHT, 0.1, 0.1, 0.1);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        case BLOCK_COLUMNS:
        case BLOCK_ROW:
          draw_row (layout, cr, report, at, x, w);
          break;
        case BLOCK_WITHHELD:
          cl_print_layout_show_text (layout, cr, &text_font, withheld_text (), x, at->y + 6, w);
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
cl_survey_print_draw (CLSurveyReport *report,
                      cairo_t        *cr,
                      double          width,
                      double          height,
                      int             page)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_if_fail (report != NULL);
  g_return_if_fail (cr != NULL);

  layout = layout_pages (report, width, height);
  if (page >= 0 && (guint) page < cl_print_layout_get_n_pages (layout))
    draw_page (report, layout, cr, page, width, height);
  else
    g_critical ("%s: no page %d", G_STRFUNC, page);
}

gboolean
cl_survey_print_export_pdf (CLSurveyReport  *report,
                            const char      *path,
                            GError         **error)
{
  const double width = CL_PDF_A4_WIDTH, height = CL_PDF_A4_HEIGHT;
  g_autoptr(CLPrintLayout) layout = NULL;
  g_autofree char *heading = NULL;
  cairo_t *cr;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  heading = title (report);
  cr = cl_pdf_begin (path, heading);
  cl_pdf_set_create_date (cr, report->made_at);
  layout = layout_pages (report, width, height);
  for (guint i = 0; i < cl_print_layout_get_n_pages (layout); i++)
    {
      draw_page (report, layout, cr, i, width, height);
      cairo_show_page (cr);
    }
  return cl_pdf_end (cr, path, _("The report could not be saved as “%s”: %s"), error);
}
