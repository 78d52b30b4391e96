/* cl-fee-statement-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-fee-statement-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cl-date.h"
#include "cl-fee-statement-print.h"
#include "cl-glyph-painter.h"
#include "cl-money.h"
#include "cl-print-layout.h"
#include "cl-print-util.h"

/* Page geometry, in points, as the share statement's */
#define MARGIN       40.0
#define FIRST_HEADER 78.0
#define OTHER_HEADER 22.0
#define FOOTER       18.0
#define FEE          46.0
#define TABLE_HEAD   36.0
#define ROW          14.0
#define TOTALS       102.0
#define SIGNATURES   80.0

enum
{
  BLOCK_FEE,
  BLOCK_TABLE_HEAD,
  BLOCK_DEDUCTION,
  BLOCK_NO_DEDUCTIONS,
  BLOCK_TOTALS,
  BLOCK_SIGNATURES,
};

/* Columns of the deductions, as fractions of the width, and the room
 * the amount keeps at the right. */
static const double at_date = 0.05, at_reason = 0.14, at_reference = 0.48;
#define AMOUNT_WIDTH 56.0

static char *
deduction_reason (const CLSettlementDeduction *d)
{
  if (d->adjustment_of)
    {
      g_autofree char *late = cl_date_format_month (d->adjustment_of);

      /* Translators: a deduction entered after its month closed */
      return g_strdup_printf (_("%1$s (late, for %2$s)"), d->reason, late);
    }
  return g_strdup (d->reason);
}

/* The height @text takes wrapped to @width at @size, measured the way
 * draw_text() lays it out. */
static double
text_height (cairo_t    *cr,
             const char *text,
             double      size,
             double      width)
{
  g_autoptr(PangoLayout) layout = cl_glyph_painter_layout_new (cr, size, PANGO_WEIGHT_NORMAL);
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* A deduction's row is as tall as its reason or its reference wraps
 * to, so a long one never runs into the next. */
static double
deduction_height (cairo_t                     *cr,
                  const CLSettlementDeduction *d,
                  double                       w)
{
  g_autofree char *reason = deduction_reason (d);
  double reason_h = text_height (cr, reason, 8.5, (at_reference - at_reason) * w - 6);
  double reference_h = text_height (cr, d->reference ? d->reference : "—", 8.5,
                                    (1 - at_reference) * w - AMOUNT_WIDTH - 6);

  return MAX (ROW, MAX (reason_h, reference_h) + 3);
}

static CLPrintLayout *
layout_pages (CLSettlement *s,
              double        width,
              double        height)
{
  CLPrintLayout *layout = cl_print_layout_new (MARGIN + FIRST_HEADER, MARGIN + OTHER_HEADER,
                                               height - MARGIN - FOOTER);
  const CLSettlementDeduction *deductions;
  cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (scratch);
  guint n, head, totals;

  deductions = cl_settlement_get_deductions (s, &n);
  cl_print_layout_add (layout, BLOCK_FEE, 0, FEE, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  head = cl_print_layout_add (layout, BLOCK_TABLE_HEAD, 0, TABLE_HEAD, -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  for (guint i = 0; i < n; i++)
    cl_print_layout_add (layout, BLOCK_DEDUCTION, i, deduction_height (cr, &deductions[i], width - 2 * MARGIN), head,
                         CL_PRINT_BLOCK_NONE);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  if (n == 0)
    cl_print_layout_add (layout, BLOCK_NO_DEDUCTIONS, 0, ROW, head, CL_PRINT_BLOCK_NONE);
  /* The note that nothing is payable takes a line of its own. */
  totals = cl_print_layout_add (layout, BLOCK_TOTALS, 0,
                                TOTALS + (cl_settlement_get_deductions_exceed_fee (s) ? 16 : 0),
                                -1, CL_PRINT_BLOCK_KEEP_WITH_NEXT);
  cl_print_layout_set_space_before (layout, totals, 10);
  cl_print_layout_add (layout, BLOCK_SIGNATURES, 0, SIGNATURES, -1, CL_PRINT_BLOCK_NONE);
  return layout;
}

int
cl_fee_statement_n_pages (CLSettlement *s,
                          double        width,
                          double        height)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_val_if_fail (CL_IS_SETTLEMENT (s), 0);

  layout = layout_pages (s, width, height);
  return (int) cl_print_layout_get_n_pages (layout);
}

char *
cl_fee_statement_title (CLSettlement *s)
{
  g_autofree char *month = cl_date_format_month (cl_settlement_get_month (s));

  /* Translators: %s is the month, "October 2026" */
  return g_strdup_printf (_("Monthly Management Fee Statement %s"), month);
}

static void
draw_header (CLSettlement *s,
             cairo_t      *cr,
             double        x,
             double        y,
             double        w)
{
  g_autofree char *title = cl_fee_statement_title (s);
  g_autofree char *status = NULL;
  g_autofree char *subtitle = NULL;
  const char *contract = cl_settlement_get_contract_title (s);

  if (cl_settlement_get_closed (s))
    {
      g_autofree char *when = cl_date_format_time (cl_settlement_get_closed_at (s), CL_DATE_FULL, NULL);

      /* Translators: %1$s is a date and time, %2$s a user name */
      status = g_strdup_printf (_("Closed %1$s by %2$s"), when,
                                cl_settlement_get_closed_by (s) ? cl_settlement_get_closed_by (s) : "");
    }
  else
    status = g_strdup (_("Not closed: a draft, figures may still change"));

  /* Translators: the contract's title, the vendor's name, then the
   * statement's status */
  subtitle = g_strdup_printf (_("Contract: %1$s · Vendor: %2$s · %3$s"),
                              contract ? contract : "", cl_settlement_get_vendor (s), status);

  y += cl_glyph_painter_draw_text (cr, cl_settlement_get_hospital (s), 13, PANGO_WEIGHT_BOLD, x, y, w, PANGO_ALIGN_CENTER);
  y += 2;
  y += cl_glyph_painter_draw_text (cr, title, 16, PANGO_WEIGHT_BOLD, x, y, w, PANGO_ALIGN_CENTER);
  y += 4;
  cl_glyph_painter_draw_text (cr, subtitle, 8.5, PANGO_WEIGHT_NORMAL, x, y, w, PANGO_ALIGN_CENTER);
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

  cl_glyph_painter_draw_text (cr, label, 10, weight, x, y, 0, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, value, 10, weight, x, y, w, PANGO_ALIGN_RIGHT);
}

static void
draw_table_head (cairo_t *cr,
                 double   x,
                 double   y,
                 double   w)
{
  cl_glyph_painter_draw_text (cr, _("Deductions"), 10, PANGO_WEIGHT_BOLD, x, y, 0, PANGO_ALIGN_LEFT);
  y += 18;
  cl_glyph_painter_draw_text (cr, C_("statement column", "No."), 8.5, PANGO_WEIGHT_BOLD, x, y, 0, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, C_("statement column", "Date"), 8.5, PANGO_WEIGHT_BOLD, x + at_date * w, y, 0, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, C_("statement column", "Reason"), 8.5, PANGO_WEIGHT_BOLD, x + at_reason * w, y, 0, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, C_("statement column", "Reference"), 8.5, PANGO_WEIGHT_BOLD, x + at_reference * w, y, 0, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, C_("statement column", "Amount"), 8.5, PANGO_WEIGHT_BOLD, x, y, w, PANGO_ALIGN_RIGHT);
  cl_print_hline (cr, x, x + w, y + 16, 0.6);
}

static void
draw_deduction (CLSettlement                *s,
                cairo_t                     *cr,
                const CLSettlementDeduction *d,
                guint                        number,
                double                       x,
                double                       y,
                double                       w)
{
  g_autofree char *no = g_strdup_printf ("%u", number);
  g_autofree char *date = cl_date_format_iso (d->date, CL_DATE_SHORT, NULL);
  g_autofree char *amount = cl_money_format (d->amount_fen);
  g_autofree char *what = deduction_reason (d);

  cl_glyph_painter_draw_text (cr, no, 8.5, PANGO_WEIGHT_NORMAL, x, y, 0, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, date, 8.5, PANGO_WEIGHT_NORMAL, x + at_date * w, y, 0, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, what, 8.5, PANGO_WEIGHT_NORMAL, x + at_reason * w, y, (at_reference - at_reason) * w - 6, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, d->reference ? d->reference : "—", 8.5, PANGO_WEIGHT_NORMAL, x + at_reference * w, y,
             (1 - at_reference) * w - AMOUNT_WIDTH - 6, PANGO_ALIGN_LEFT);
  cl_glyph_painter_draw_text (cr, amount, 8.5, PANGO_WEIGHT_NORMAL, x, y, w, PANGO_ALIGN_RIGHT);
}

static void
draw_totals (CLSettlement *s,
             cairo_t      *cr,
             double        x,
             double        y,
             double        w)
{
  g_autofree char *fee = cl_money_format_display (cl_settlement_get_fee_fen (s));
  g_autofree char *deducted = cl_money_format_display (cl_settlement_get_deductions_fen (s));
  g_autofree char *payable = cl_money_format_display (cl_settlement_get_payable_fen (s));
  g_autofree char *capital = cl_money_format_capital (cl_settlement_get_payable_fen (s));
  /* Translators: %s is the amount payable in Chinese financial
   * capitals (大写), which a signed statement carries in any language */
  g_autofree char *words = g_strdup_printf (_("In words: RMB %s"), capital);
  double tx = x + w * 0.36, tw = w * 0.64;

  y += 14;
  cl_print_hline (cr, tx, x + w, y - 4, 0.6);
  draw_label_value (cr, _("Fixed monthly management fee"), fee, tx, y, tw, FALSE);
  y += 14;
  draw_label_value (cr, _("Less deductions"), deducted, tx, y, tw, FALSE);
  y += 21;
  cl_print_hline (cr, tx, x + w, y, 0.6);
  draw_label_value (cr, _("Amount payable"), payable, tx, y + 4, tw, TRUE);
  y += 21;
  cl_glyph_painter_draw_text (cr, words, 8.5, PANGO_WEIGHT_NORMAL, tx, y, tw, PANGO_ALIGN_RIGHT);
  y += 13;
  if (cl_settlement_get_deductions_exceed_fee (s))
    cl_glyph_painter_draw_text (cr, _("The deductions are more than the fee: the amount payable is zero, and nothing is carried over."),
               8.5, PANGO_WEIGHT_BOLD, x, y + 4, w, PANGO_ALIGN_RIGHT);
}

static void
draw_fee (CLSettlement *s,
          cairo_t      *cr,
          double        x,
          double        y,
          double        w)
{
  g_autofree char *fee = cl_money_format_display (cl_settlement_get_fee_fen (s));

  draw_label_value (cr, _("Fixed monthly management fee"), fee, x, y, w, TRUE);
  cl_glyph_painter_draw_text (cr, _("Paid monthly, less the deductions below; never less than zero."),
             8.5, PANGO_WEIGHT_NORMAL, x, y + 16, w, PANGO_ALIGN_LEFT);
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

void
cl_fee_statement_draw (CLSettlement *s,
                       cairo_t      *cr,
                       double        width,
                       double        height,
                       int           page)
{
  g_autoptr(CLPrintLayout) layout = NULL;
  const CLSettlementDeduction *deductions = cl_settlement_get_deductions (s, NULL);
  const CLPrintPlacement *placements;
  g_autofree char *footer = NULL;
  double x = MARGIN, w = width - 2 * MARGIN;
  guint n_placements;

  g_return_if_fail (CL_IS_SETTLEMENT (s));

  layout = layout_pages (s, width, height);
  g_return_if_fail (page >= 0 && (guint) page < cl_print_layout_get_n_pages (layout));
  placements = cl_print_layout_get_page (layout, page, &n_placements);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    draw_header (s, cr, x, MARGIN, w);
  else
    {
      g_autofree char *title = cl_fee_statement_title (s);
      g_autofree char *text = g_strdup_printf ("%s — %s", cl_settlement_get_hospital (s), title);

      cl_glyph_painter_draw_text (cr, text, 8, PANGO_WEIGHT_NORMAL, x, MARGIN, 0, PANGO_ALIGN_LEFT);
      cl_print_hline (cr, x, x + w, MARGIN + OTHER_HEADER - 6, 0.4);
    }

  for (guint i = 0; i < n_placements; i++)
    {
      const CLPrintPlacement *p = &placements[i];

      switch (p->kind)
        {
        case BLOCK_FEE:
          draw_fee (s, cr, x, p->y, w);
          break;
        case BLOCK_TABLE_HEAD:
          draw_table_head (cr, x, p->y, w);
          break;
        case BLOCK_DEDUCTION:
          draw_deduction (s, cr, &deductions[p->item], p->item + 1, x, p->y, w);
          break;
        case BLOCK_NO_DEDUCTIONS:
          cl_glyph_painter_draw_text (cr, _("No deductions this month"), 8.5, PANGO_WEIGHT_NORMAL,
                     x + at_date * w, p->y, 0, PANGO_ALIGN_LEFT);
          break;
        case BLOCK_TOTALS:
          draw_totals (s, cr, x, p->y, w);
          break;
        case BLOCK_SIGNATURES:
          draw_signatures (s, cr, x, p->y, w);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* Translators: page numbers */
  footer = g_strdup_printf (_("Page %1$d of %2$d"), page + 1, cl_print_layout_get_n_pages (layout));
  cl_glyph_painter_draw_text (cr, footer, 8, PANGO_WEIGHT_NORMAL, x, height - MARGIN - 10, w, PANGO_ALIGN_RIGHT);
  cairo_restore (cr);
}
