/* cl-statement-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-statement-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cl-date.h"
#include "cl-fee-statement-print.h"
#include "cl-glyph-painter.h"
#include "cl-money.h"
#include "cl-print-util.h"
#include "cl-pdf.h"
#include "cl-print-layout.h"
#include "cl-statement-print.h"

/* Page geometry, in points */
#define MARGIN         40.0
#define FIRST_HEADER   78.0   /* hospital, title, subtitle */
#define OTHER_HEADER   22.0   /* running header */
#define TABLE_HEAD     16.0
#define ROW            12.5
#define FOOTER         18.0
#define CHART          120.0
#define SIGNATURES     80.0

/* Table columns: left edge (or right edge for numbers) from the margin,
 * as a fraction of the content width so Letter and A4 both work.  The
 * package column holds an English name ("Whole Pregnancy Care"), the
 * kind a late entry ("Payment (late, for Sep 2026)"). */
typedef struct
{
  double   at;
  gboolean right;
} Column;

enum { COL_NO, COL_DATE, COL_NAME, COL_PACKAGE, COL_KIND, COL_AMOUNT, COL_RATE, COL_SHARE, N_COLUMNS };

static const Column columns[N_COLUMNS] = {
  [COL_NO] = { 0.045, TRUE },
  [COL_DATE] = { 0.06, FALSE },
  [COL_NAME] = { 0.15, FALSE },
  [COL_PACKAGE] = { 0.225, FALSE },
  [COL_KIND] = { 0.44, FALSE },
  [COL_AMOUNT] = { 0.785, TRUE },
  [COL_RATE] = { 0.862, TRUE },
  [COL_SHARE] = { 1.0, TRUE },
};

/* Pagination: the line table, its header repeated on every page it
 * continues on, then the totals, the chart and the signatures, kept
 * together on the last page (or one of their own). */

enum
{
  BLOCK_TABLE_HEAD,
  BLOCK_LINE,
  BLOCK_NO_LINES,
  BLOCK_TOTALS,
  BLOCK_CHART,
  BLOCK_SIGNATURES,
};

/* Subtotals, totals and deductions, as draw_totals() draws them. */
static double
totals_height (CLSettlement *s)
{
  guint n_subtotals, n_deductions;

  cl_settlement_get_subtotals (s, &n_subtotals);
  cl_settlement_get_deductions (s, &n_deductions);
  return 22 + 13 * (1 + MAX (n_subtotals, 1)) + 12   /* subtotals */
         + 13 * 5 + 15 + 16 + 13 + 8                  /* totals, in words */
         + (n_deductions ? 18 + 12 * n_deductions + 20 : 0);
}

static CLPrintLayout *
layout_pages (CLSettlement *s,
              double        height)
{
  CLPrintLayout *layout = cl_print_layout_new (MARGIN + FIRST_HEADER, MARGIN + OTHER_HEADER,
                                               height - MARGIN - FOOTER);
  guint n_lines, head, totals;

  cl_settlement_get_lines (s, &n_lines);
  head = cl_print_layout_add (layout, BLOCK_TABLE_HEAD, 0, TABLE_HEAD, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  for (guint i = 0; i < n_lines; i++)
    cl_print_layout_add (layout, BLOCK_LINE, i, ROW, head, CL_PRINT_BLOCK_NONE);
  /* An empty month still has one (empty) table row saying so. */
  if (n_lines == 0)
    cl_print_layout_add (layout, BLOCK_NO_LINES, 0, ROW, head, CL_PRINT_BLOCK_NONE);

  totals = cl_print_layout_add (layout, BLOCK_TOTALS, 0, totals_height (s), -1,
                                CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  cl_print_layout_set_space_before (layout, totals, 10);
  cl_print_layout_add (layout, BLOCK_CHART, 0, CHART + 12, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  cl_print_layout_add (layout, BLOCK_SIGNATURES, 0, SIGNATURES, -1, CL_PRINT_BLOCK_NONE);
  return layout;
}

int
cl_statement_n_pages (CLSettlement *s,
                      double        width,
                      double        height)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_val_if_fail (CL_IS_SETTLEMENT (s), 0);

  if (cl_settlement_is_fixed_fee (s))
    return cl_fee_statement_n_pages (s, width, height);
  layout = layout_pages (s, height);
  return (int) cl_print_layout_get_n_pages (layout);
}

/* Drawing */

static char *
title_text (CLSettlement *s)
{
  g_autofree char *month = NULL;

  if (cl_settlement_is_fixed_fee (s))
    return cl_fee_statement_title (s);
  month = cl_date_format_month (cl_settlement_get_month (s));

  /* Translators: %s is the month, "October 2026" */
  return g_strdup_printf (_("Monthly Service Fee Statement %s"), month);
}

static double
draw_first_header (CLSettlement *s,
                   cairo_t      *cr,
                   double        x,
                   double        y,
                   double        w)
{
  g_autofree char *title = title_text (s);
  g_autofree char *status = NULL;
  g_autofree char *subtitle = NULL;

  if (cl_settlement_get_closed (s))
    {
      g_autofree char *when = cl_date_format_time (cl_settlement_get_closed_at (s), CL_DATE_FULL, NULL);

      /* Translators: %1$s is a date and time, %2$s a user name */
      status = g_strdup_printf (_("Closed %1$s by %2$s"), when,
                                cl_settlement_get_closed_by (s) ? cl_settlement_get_closed_by (s) : "");
    }
  else
    status = g_strdup (_("Not closed: a draft, figures may still change"));

  /* Translators: the vendor's name, then the statement's status */
  subtitle = g_strdup_printf (_("Vendor: %1$s · %2$s"), cl_settlement_get_vendor (s), status);

  y += cl_glyph_painter_draw_text (cr, cl_settlement_get_hospital (s), 13, PANGO_WEIGHT_BOLD, x, y, w, PANGO_ALIGN_CENTER);
  y += 2;
  y += cl_glyph_painter_draw_text (cr, title, 16, PANGO_WEIGHT_BOLD, x, y, w, PANGO_ALIGN_CENTER);
  y += 4;
  cl_glyph_painter_draw_text (cr, subtitle, 8.5, PANGO_WEIGHT_NORMAL, x, y, w, PANGO_ALIGN_CENTER);
  return FIRST_HEADER;
}

/* The running header and the footer repeat on every page: they go
 * through the painter's cache like the table. */
static void
draw_running_header (CLSettlement *s,
                     CLGlyphPainter      *p,
                     double        x,
                     double        y,
                     double        w)
{
  g_autofree char *title = title_text (s);
  g_autofree char *text = g_strdup_printf ("%s — %s", cl_settlement_get_hospital (s), title);

  cl_glyph_painter_queue_text (p, CL_GLYPH_REGULAR, text, x, y, FALSE, FALSE);
  cl_print_hline (cl_glyph_painter_get_cairo (p), x, x + w, y + OTHER_HEADER - 6, 0.4);
}

static double
column_x (guint  column,
          double x,
          double w)
{
  return x + columns[column].at * w;
}

static void
draw_table_head (CLGlyphPainter *p,
                 double          x,
                 double          y,
                 double          w)
{
  const char *heads[N_COLUMNS] = {
    [COL_NO] = C_("statement column", "No."),
    [COL_DATE] = C_("statement column", "Date"),
    [COL_NAME] = C_("statement column", "Patient"),
    [COL_PACKAGE] = C_("statement column", "Package"),
    [COL_KIND] = C_("statement column", "Kind"),
    [COL_AMOUNT] = C_("statement column", "Amount"),
    [COL_RATE] = C_("statement column", "Rate"),
    [COL_SHARE] = C_("statement column", "Vendor share"),
  };

  for (guint c = 0; c < N_COLUMNS; c++)
    cl_glyph_painter_queue_text (p, CL_GLYPH_BOLD, heads[c], column_x (c, x, w), y + 2, columns[c].right, FALSE);
  cl_print_hline (cl_glyph_painter_get_cairo (p), x, x + w, y + TABLE_HEAD - 2, 0.6);
}

/* The first day of the statement's month: dates in its year are
 * written short ("18 Oct"), against the month and not the clock, so
 * the statement reads the same next year. */
static void
month_start (CLSettlement *s,
             GDate        *out)
{
  g_autofree char *first = g_strdup_printf ("%s-01", cl_settlement_get_month (s));

  if (!cl_date_parse (first, out, NULL))
    cl_date_today (out);
}

static void
draw_line (CLGlyphPainter         *p,
           CLSettlement           *s,
           const CLSettlementLine *line,
           const GDate            *month,
           guint                   number,
           double                  x,
           double                  y,
           double                  w)
{
  /* The column says what the screen says for every line, payments
   * included, so a printed line reads the same as on screen. */
  g_autofree char *kind = cl_settlement_line_describe_kind (line);
  g_autofree char *date = cl_date_format_iso (line->date, CL_DATE_SHORT, month);

  cl_glyph_painter_queue_number (p, number, column_x (COL_NO, x, w), y);
  cl_glyph_painter_queue_text (p, CL_GLYPH_REGULAR, date, column_x (COL_DATE, x, w), y, FALSE, FALSE);
  cl_glyph_painter_queue_text (p, CL_GLYPH_REGULAR, line->name, column_x (COL_NAME, x, w), y, FALSE, TRUE);
  cl_glyph_painter_queue_text (p, CL_GLYPH_REGULAR, cl_settlement_package_display_name (s, line->package), column_x (COL_PACKAGE, x, w), y, FALSE, FALSE);
  cl_glyph_painter_queue_text (p, CL_GLYPH_REGULAR, kind, column_x (COL_KIND, x, w), y, FALSE, FALSE);
  cl_glyph_painter_queue_amount (p, line->amount_fen, column_x (COL_AMOUNT, x, w), y);
  cl_glyph_painter_queue_rate (p, line->rate_bp, column_x (COL_RATE, x, w), y);
  cl_glyph_painter_queue_amount (p, line->share_fen, column_x (COL_SHARE, x, w), y);
}

static void
draw_label_value (cairo_t    *cr,
                  const char *label,
                  const char *value,
                  double      x,
                  double      y,
                  double      w,
                  gboolean    bold)
{
  PangoWeight weight = bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;

  cl_glyph_painter_draw_text (cr, label, 9, weight, x, y, 0, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, value, 9, weight, x, y, w, PANGO_ALIGN_RIGHT);
}

static void
draw_chart (CLSettlement *s,
            cairo_t      *cr,
            double        x,
            double        y,
            double        w)
{
  guint n;
  const CLSettlementHistory *history = cl_settlement_get_history (s, &n);
  double top = y + 16, bottom = y + CHART - 14;
  double slot, bar;
  gint64 max = 1;

  cl_glyph_painter_draw_text (cr, _("Last 12 months: gross collected (light) and amount payable (dark)"),
             8.5, PANGO_WEIGHT_BOLD, x, y, 0, PANGO_ALIGN_LEFT);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    max = MAX (max, MAX (history[i].gross_fen, history[i].payable_fen));

  slot = w / n;
  bar = slot * 0.32;
  for (guint i = 0; i < n; i++)
    {
      /* Heights only: doubles are fine for pixels, never for money. */
      double gh = (bottom - top) * (double) MAX (history[i].gross_fen, 0) / (double) max;
      double ph = (bottom - top) * (double) MAX (history[i].payable_fen, 0) / (double) max;
      double bx = x + i * slot + slot * 0.16;

      cairo_set_source_rgb (cr, 0.72, 0.80, 0.90);
      cairo_rectangle (cr, bx, bottom - gh, bar, gh);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.13, 0.33, 0.60);
      cairo_rectangle (cr, bx + bar, bottom - ph, bar, ph);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      /* "10" under October, "2026-01" under January so years show */
      cl_glyph_painter_draw_text (cr, g_str_has_suffix (history[i].month, "-01") || i == 0 ? history[i].month
                                                                        : history[i].month + 5,
                 6.5, PANGO_WEIGHT_NORMAL, x + i * slot, bottom + 2, slot, PANGO_ALIGN_CENTER);
    }
  cl_print_hline (cr, x, x + w, bottom, 0.5);
}

static void
draw_totals (CLSettlement *s,
             cairo_t      *cr,
             double        x,
             double        y,
             double        w)
{
  guint n_subtotals, n_deductions;
  const CLSettlementSubtotal *subtotals = cl_settlement_get_subtotals (s, &n_subtotals);
  const CLSettlementDeduction *deductions = cl_settlement_get_deductions (s, &n_deductions);
  g_autofree char *gross = cl_money_format_display (cl_settlement_get_gross_fen (s));
  g_autofree char *refunds = cl_money_format_display (cl_settlement_get_refunds_fen (s));
  g_autofree char *base = cl_money_format_display (cl_settlement_get_fee_base_fen (s));
  g_autofree char *share = cl_money_format_display (cl_settlement_get_share_fen (s));
  GDate month;
  g_autofree char *deducted = cl_money_format_display (cl_settlement_get_deductions_fen (s));
  g_autofree char *payable = cl_money_format_display (cl_settlement_get_payable_fen (s));
  g_autofree char *rates = cl_settlement_format_rates (s);
  double tx = x + w * 0.36, tw = w * 0.64;

  /* Subtotals by package */
  cl_glyph_painter_draw_text (cr, _("Subtotals by package"), 10, PANGO_WEIGHT_BOLD, x, y, 0, PANGO_ALIGN_LEFT);
  y += 22;
  {
    const char *heads[] = {
      C_("statement column", "Package"), C_("statement column", "Payments"),
      C_("statement column", "Refunds"), C_("statement column", "Collected"),
      C_("statement column", "Refunded"), C_("statement column", "Vendor share"),
    };
    const double at[] = { 0, 0.38, 0.50, 0.68, 0.84, 1.0 };

    for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
      cl_glyph_painter_draw_text (cr, heads[c], 8.5, PANGO_WEIGHT_BOLD, c ? x + at[c] * w - 120 : x, y,
                 c ? 120 : 0, PANGO_ALIGN_RIGHT);
    y += 13;
    for (guint i = 0; i < n_subtotals; i++)
      {
        g_autofree char *payments = g_strdup_printf ("%u", subtotals[i].n_payments);
        g_autofree char *n_refunds = g_strdup_printf ("%u", subtotals[i].n_refunds);
        g_autofree char *collected = cl_money_format (subtotals[i].gross_fen);
        g_autofree char *refunded = cl_money_format (subtotals[i].refunds_fen);
        g_autofree char *sub_share = cl_money_format (subtotals[i].share_fen);
        const char *cells[] = { cl_settlement_package_display_name (s, subtotals[i].package), payments, n_refunds, collected, refunded, sub_share };

        for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
          cl_glyph_painter_draw_text (cr, cells[c], 8.5, PANGO_WEIGHT_NORMAL, c ? x + at[c] * w - 120 : x, y,
                     c ? 120 : 0, PANGO_ALIGN_RIGHT);
        y += 13;
      }
    if (n_subtotals == 0)
      y += 13;
  }
  y += 12;

  /* Totals, on the right: wide enough for a label beside an amount of
   * tens of millions */
  cl_print_hline (cr, tx, x + w, y - 4, 0.6);
  draw_label_value (cr, _("Gross collected"), gross, tx, y, tw, FALSE);
  y += 13;
  draw_label_value (cr, _("Refunds"), refunds, tx, y, tw, FALSE);
  y += 13;
  draw_label_value (cr, _("Fee base (collected less refunds)"), base, tx, y, tw, FALSE);
  y += 13;
  draw_label_value (cr, _("Service share rate"), *rates ? rates : "—", tx, y, tw, FALSE);
  y += 13;
  draw_label_value (cr, _("Vendor share (sum of the lines)"), share, tx, y, tw, FALSE);
  y += 13;
  draw_label_value (cr, _("Deductions"), deducted, tx, y, tw, FALSE);
  y += 15;
  cl_print_hline (cr, tx, x + w, y, 0.6);
  draw_label_value (cr, _("Amount payable"), payable, tx, y + 3, tw, TRUE);
  y += 16;
  {
    g_autofree char *capital = cl_money_format_capital (cl_settlement_get_payable_fen (s));
    /* Translators: %s is the amount payable in Chinese financial
     * capitals (大写), which a signed statement carries in any language */
    g_autofree char *words = g_strdup_printf (_("In words: RMB %s"), capital);

    cl_glyph_painter_draw_text (cr, words, 8.5, PANGO_WEIGHT_NORMAL, tx, y, tw, PANGO_ALIGN_RIGHT);
  }
  y += 13 + 8;

  month_start (s, &month);
  if (n_deductions > 0)
    {
      cl_glyph_painter_draw_text (cr, _("Deductions"), 10, PANGO_WEIGHT_BOLD, x, y, 0, PANGO_ALIGN_LEFT);
      y += 18;
      for (guint i = 0; i < n_deductions; i++)
        {
          g_autofree char *amount = cl_money_format (deductions[i].amount_fen);
          g_autofree char *what = NULL;
          g_autofree char *date = cl_date_format_iso (deductions[i].date, CL_DATE_SHORT, &month);

          if (deductions[i].adjustment_of)
            {
              g_autofree char *late = cl_date_format_month (deductions[i].adjustment_of);

              /* Translators: a deduction entered after its month closed */
              what = g_strdup_printf (_("%1$s (late, for %2$s)"), deductions[i].reason, late);
            }
          else
            what = g_strdup (deductions[i].reason);
          cl_glyph_painter_draw_text (cr, date, 8.5, PANGO_WEIGHT_NORMAL, x, y, 0, PANGO_ALIGN_LEFT);
          cl_glyph_painter_draw_text (cr, what, 8.5, PANGO_WEIGHT_NORMAL, x + 0.14 * w, y, 0, PANGO_ALIGN_LEFT);
          if (deductions[i].reference)
            cl_glyph_painter_draw_text (cr, deductions[i].reference, 8.5, PANGO_WEIGHT_NORMAL, x + 0.62 * w, y, 0, PANGO_ALIGN_LEFT);
          cl_glyph_painter_draw_text (cr, amount, 8.5, PANGO_WEIGHT_NORMAL, x, y, w, PANGO_ALIGN_RIGHT);
          y += 12;
        }
    }
}

static void
draw_signatures (CLSettlement *s,
                 cairo_t      *cr,
                 double        x,
                 double        y,
                 double        w)
{
  const char *who[] = {
    _("Hospital (seal and signature)"),
    _("Vendor (seal and signature)"),
  };
  const char *names[] = { cl_settlement_get_hospital (s), cl_settlement_get_vendor (s) };
  double half = w / 2;

  for (guint i = 0; i < 2; i++)
    {
      double sx = x + i * (half + 10);
      double sw = half - 10;

      cl_glyph_painter_draw_text (cr, who[i], 9, PANGO_WEIGHT_BOLD, sx, y, 0, PANGO_ALIGN_LEFT);
      cl_glyph_painter_draw_text (cr, names[i], 8, PANGO_WEIGHT_NORMAL, sx, y + 13, 0, PANGO_ALIGN_LEFT);
      cl_print_hline (cr, sx, sx + sw, y + 48, 0.6);
      cl_glyph_painter_draw_text (cr, _("Date"), 9, PANGO_WEIGHT_NORMAL, sx, y + 56, 0, PANGO_ALIGN_LEFT);
      cl_print_hline (cr, sx + 40, sx + sw, y + 68, 0.6);
    }
}

static void
draw_page (CLSettlement   *s,
           CLGlyphPainter *p,
           CLPrintLayout  *layout,
           guint           page,
           double          width,
           double          height)
{
  cairo_t *cr = cl_glyph_painter_get_cairo (p);
  double x = MARGIN, w = width - 2 * MARGIN;
  const CLSettlementLine *lines = cl_settlement_get_lines (s, NULL);
  guint n_placements;
  const CLPrintPlacement *placements = cl_print_layout_get_page (layout, page, &n_placements);
  gboolean table_queued = FALSE;
  g_autofree char *footer = NULL;
  GDate month;

  month_start (s, &month);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (page == 0)
    draw_first_header (s, cr, x, MARGIN, w);
  else
    draw_running_header (s, p, x, MARGIN, w);

  for (guint i = 0; i < n_placements; i++)
    {
      const CLPrintPlacement *at = &placements[i];

      /* The table's glyphs go out in one batch before what is drawn
       * with cairo under it. */
      if (table_queued && at->kind > BLOCK_NO_LINES)
        {
          cl_glyph_painter_flush (p);
          table_queued = FALSE;
        }

      switch (at->kind)
        {
        case BLOCK_TABLE_HEAD:
          draw_table_head (p, x, at->y, w);
          table_queued = TRUE;
          break;
        case BLOCK_LINE:
          draw_line (p, s, &lines[at->item], &month, at->item + 1, x, at->y, w);
          break;
        case BLOCK_NO_LINES:
          cl_glyph_painter_queue_text (p, CL_GLYPH_REGULAR, _("No payments or refunds this month"),
                                       column_x (COL_DATE, x, w), at->y, FALSE, FALSE);
          break;
        case BLOCK_TOTALS:
          draw_totals (s, cr, x, at->y, w);
          break;
        case BLOCK_CHART:
          draw_chart (s, cr, x, at->y, w);
          break;
        case BLOCK_SIGNATURES:
          draw_signatures (s, cr, x, at->y, w);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (table_queued)
    cl_glyph_painter_flush (p);

  /* Translators: page numbers */
  footer = g_strdup_printf (_("Page %1$d of %2$d"), page + 1, cl_print_layout_get_n_pages (layout));
  cl_glyph_painter_queue_text (p, CL_GLYPH_REGULAR, footer, x + w, height - MARGIN - 10, TRUE, TRUE);
  cl_glyph_painter_flush (p);

  cairo_restore (cr);
}

void
cl_statement_draw (CLSettlement *s,
                   cairo_t      *cr,
                   double        width,
                   double        height,
                   int           page)
{
  g_autoptr(CLPrintLayout) layout = NULL;
  CLGlyphPainter *painter;

  g_return_if_fail (CL_IS_SETTLEMENT (s));
  g_return_if_fail (cr != NULL);

  if (cl_settlement_is_fixed_fee (s))
    {
      cl_fee_statement_draw (s, cr, width, height, page);
      return;
    }
  layout = layout_pages (s, height);
  g_return_if_fail (page >= 0 && (guint) page < cl_print_layout_get_n_pages (layout));

  painter = cl_glyph_painter_new (cr);
  draw_page (s, painter, layout, page, width, height);
  cl_glyph_painter_free (painter);
}

/* The PDF's date: a closed month's statement is dated when it was
 * closed, an open month's (a draft) on the first of its month, so the
 * same figures give the same file byte for byte at the desk and from
 * the server, today and next year. */
static gint64
statement_date (CLSettlement *s)
{
  g_autofree char *first = NULL;
  g_autoptr(GDateTime) at = NULL;

  if (cl_settlement_get_closed (s))
    return cl_settlement_get_closed_at (s);

  first = g_strdup_printf ("%s-01T00:00:00Z", cl_settlement_get_month (s));
  at = g_date_time_new_from_iso8601 (first, NULL);
  return at ? g_date_time_to_unix (at) : 0;
}

gboolean
cl_statement_export_pdf (CLSettlement  *s,
                         const char    *path,
                         GError       **error)
{
  const double width = CL_PDF_A4_WIDTH, height = CL_PDF_A4_HEIGHT;
  g_autoptr(CLPrintLayout) layout = NULL;
  g_autofree char *title = NULL;
  cairo_t *cr;
  CLGlyphPainter *painter;

  g_return_val_if_fail (CL_IS_SETTLEMENT (s), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  title = title_text (s);
  cr = cl_pdf_begin (path, title);
  cl_pdf_set_create_date (cr, statement_date (s));

  if (cl_settlement_is_fixed_fee (s))
    {
      for (int i = 0; i < cl_fee_statement_n_pages (s, width, height); i++)
        {
          cl_fee_statement_draw (s, cr, width, height, i);
          cairo_show_page (cr);
        }
      return cl_pdf_end (cr, path, _("The statement could not be saved as “%s”: %s"), error);
    }

  /* One painter for all pages, so each string is shaped once. */
  layout = layout_pages (s, height);
  painter = cl_glyph_painter_new (cr);
  for (guint i = 0; i < cl_print_layout_get_n_pages (layout); i++)
    {
      draw_page (s, painter, layout, i, width, height);
      cairo_show_page (cr);
    }
  cl_glyph_painter_free (painter);

  return cl_pdf_end (cr, path, _("The statement could not be saved as “%s”: %s"), error);
}
