/* cl-statement-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-statement-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cl-money.h"
#include "cl-print-util.h"
#include "cl-statement-print.h"

#define FONT_FAMILY "Noto Sans CJK SC"

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
 * as a fraction of the content width so Letter and A4 both work. */
typedef struct
{
  double   at;
  gboolean right;
} Column;

enum { COL_NO, COL_DATE, COL_NAME, COL_PACKAGE, COL_KIND, COL_AMOUNT, COL_RATE, COL_SHARE, N_COLUMNS };

static const Column columns[N_COLUMNS] = {
  [COL_NO] = { 0.055, TRUE },
  [COL_DATE] = { 0.075, FALSE },
  [COL_NAME] = { 0.205, FALSE },
  [COL_PACKAGE] = { 0.315, FALSE },
  [COL_KIND] = { 0.425, FALSE },
  [COL_AMOUNT] = { 0.745, TRUE },
  [COL_RATE] = { 0.845, TRUE },
  [COL_SHARE] = { 1.0, TRUE },
};

/* The line table is where the pages and the time go (10 000 lines are
 * 200 pages), so its text is shaped by Pango once per distinct string
 * (dates, package names, amounts) or once per character (line numbers
 * and names, which hardly repeat) and drawn as glyphs, batched per page
 * and font: one cairo_show_glyphs() per font and page instead of a
 * PangoLayout per cell.  The rest of the page uses plain layouts. */

/* Glyphs with their text and clusters, so that the PDF says which
 * characters they are (cairo_show_text_glyphs()): guessing from the
 * font's cmap fails for glyph variants that a font picks in context. */
typedef struct
{
  cairo_scaled_font_t *font;
  GArray              *glyphs;     /* cairo_glyph_t, origin at the baseline */
  GString             *text;
  GArray              *clusters;   /* cairo_text_cluster_t */
} Run;

typedef struct
{
  double     width;
  GPtrArray *runs;
} Shaped;

typedef enum
{
  STYLE_REGULAR,
  STYLE_BOLD,
  N_STYLES,
} Style;

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout[N_STYLES];
  GHashTable  *cache[N_STYLES];   /* text → Shaped */
  GHashTable  *batches;           /* cairo_scaled_font_t → Run */
} Painter;

static void
run_free (gpointer data)
{
  Run *run = data;

  cairo_scaled_font_destroy (run->font);
  g_array_unref (run->glyphs);
  g_string_free (run->text, TRUE);
  g_array_unref (run->clusters);
  g_free (run);
}

static void
shaped_free (gpointer data)
{
  Shaped *shaped = data;

  g_ptr_array_unref (shaped->runs);
  g_free (shaped);
}

static Run *
run_new (cairo_scaled_font_t *font)
{
  Run *run = g_new0 (Run, 1);

  run->font = cairo_scaled_font_reference (font);
  run->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  run->text = g_string_new (NULL);
  run->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  return run;
}

static PangoLayout *
new_layout (cairo_t    *cr,
            double      size,
            PangoWeight weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  /* Unrounded positions are the font's own advances: they look right on
   * paper, and cairo's PDF output then needs no per-glyph adjustment. */
  pango_context_set_round_glyph_positions (pango_layout_get_context (layout), FALSE);

  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

static void
painter_init (Painter *p,
              cairo_t *cr)
{
  p->cr = cr;
  p->layout[STYLE_REGULAR] = new_layout (cr, 7.5, PANGO_WEIGHT_NORMAL);
  p->layout[STYLE_BOLD] = new_layout (cr, 7.5, PANGO_WEIGHT_BOLD);
  for (guint i = 0; i < N_STYLES; i++)
    p->cache[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shaped_free);
  p->batches = g_hash_table_new_full (NULL, NULL, NULL, run_free);
}

static void
painter_clear (Painter *p)
{
  for (guint i = 0; i < N_STYLES; i++)
    {
      g_clear_object (&p->layout[i]);
      g_clear_pointer (&p->cache[i], g_hash_table_unref);
    }
  g_clear_pointer (&p->batches, g_hash_table_unref);
}

static Shaped *
shape (Painter    *p,
       Style       style,
       const char *text)
{
  Shaped *shaped = g_hash_table_lookup (p->cache[style], text);
  PangoLayout *layout = p->layout[style];
  PangoLayoutIter *iter;
  PangoRectangle logical;

  if (shaped)
    return shaped;

  shaped = g_new0 (Shaped, 1);
  shaped->runs = g_ptr_array_new_with_free_func (run_free);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  shaped->width = (double) logical.width / PANGO_SCALE;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoGlyphItem *item = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle run_logical;
      double baseline, x;
      Run *run;

      if (item == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &run_logical);
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      x = (double) run_logical.x / PANGO_SCALE;

      run = run_new (pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (item->item->analysis.font)));
      g_string_append_len (run->text, text + item->item->offset, item->item->length);
      /* Left-to-right text: a cluster starts where log_clusters changes. */
      for (int i = 0; i < item->glyphs->num_glyphs; i++)
        {
          PangoGlyphInfo *info = &item->glyphs->glyphs[i];
          int start = item->glyphs->log_clusters[i];

          if (i == 0 || start != item->glyphs->log_clusters[i - 1])
            {
              int end = item->item->length;
              cairo_text_cluster_t cluster = { 0, 0 };

              for (int j = i + 1; j < item->glyphs->num_glyphs; j++)
                if (item->glyphs->log_clusters[j] != start)
                  {
                    end = item->glyphs->log_clusters[j];
                    break;
                  }
              cluster.num_bytes = end - start;
              g_array_append_val (run->clusters, cluster);
            }
          if (info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            {
              cairo_glyph_t glyph = {
                .index = info->glyph,
                .x = x + (double) info->geometry.x_offset / PANGO_SCALE,
                .y = baseline + (double) info->geometry.y_offset / PANGO_SCALE,
              };
              g_array_append_val (run->glyphs, glyph);
              g_array_index (run->clusters, cairo_text_cluster_t, run->clusters->len - 1).num_glyphs++;
            }
          x += (double) info->geometry.width / PANGO_SCALE;
        }
      /* cairo refuses a cluster with neither bytes nor glyphs */
      for (guint c = run->clusters->len; c > 0; c--)
        {
          cairo_text_cluster_t *cluster = &g_array_index (run->clusters, cairo_text_cluster_t, c - 1);

          if (cluster->num_bytes == 0 && cluster->num_glyphs == 0)
            g_array_remove_index (run->clusters, c - 1);
        }
      g_ptr_array_add (shaped->runs, run);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  g_hash_table_insert (p->cache[style], g_strdup (text), shaped);
  return shaped;
}

static void
queue_shaped (Painter *p,
              Shaped  *shaped,
              double   x,
              double   y)
{
  for (guint i = 0; i < shaped->runs->len; i++)
    {
      Run *run = g_ptr_array_index (shaped->runs, i);
      Run *batch = g_hash_table_lookup (p->batches, run->font);
      guint first;

      if (batch == NULL)
        {
          batch = run_new (run->font);
          g_hash_table_insert (p->batches, run->font, batch);
        }
      first = batch->glyphs->len;
      g_array_append_vals (batch->glyphs, run->glyphs->data, run->glyphs->len);
      for (guint j = first; j < batch->glyphs->len; j++)
        {
          cairo_glyph_t *glyph = &g_array_index (batch->glyphs, cairo_glyph_t, j);

          glyph->x += x;
          glyph->y += y;
        }
      g_string_append_len (batch->text, run->text->str, run->text->len);
      g_array_append_vals (batch->clusters, run->clusters->data, run->clusters->len);
    }
}

/* Queues @text at (@x, @y) (top left), or right-aligned at @x; whole
 * strings are cached, or single characters when @per_char. */
static void
queue_text (Painter    *p,
            Style       style,
            const char *text,
            double      x,
            double      y,
            gboolean    right,
            gboolean    per_char)
{
  if (text == NULL || *text == '\0')
    return;

  if (!per_char)
    {
      Shaped *shaped = shape (p, style, text);

      queue_shaped (p, shaped, right ? x - shaped->width : x, y);
      return;
    }

  if (right)
    {
      double width = 0;

      for (const char *c = text; *c; c = g_utf8_next_char (c))
        {
          char one[8] = { 0 };

          memcpy (one, c, g_utf8_next_char (c) - c);
          width += shape (p, style, one)->width;
        }
      x -= width;
    }
  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      char one[8] = { 0 };
      Shaped *shaped;

      memcpy (one, c, g_utf8_next_char (c) - c);
      shaped = shape (p, style, one);
      queue_shaped (p, shaped, x, y);
      x += shaped->width;
    }
}

static void
flush_glyphs (Painter *p)
{
  GHashTableIter iter;
  gpointer font, batch;

  cairo_save (p->cr);
  cairo_set_source_rgb (p->cr, 0, 0, 0);
  g_hash_table_iter_init (&iter, p->batches);
  while (g_hash_table_iter_next (&iter, &font, &batch))
    {
      Run *run = batch;

      if (run->glyphs->len == 0 && run->text->len == 0)
        continue;
      cairo_set_scaled_font (p->cr, font);
      cairo_show_text_glyphs (p->cr, run->text->str, (int) run->text->len,
                              (cairo_glyph_t *) (gpointer) run->glyphs->data, (int) run->glyphs->len,
                              (cairo_text_cluster_t *) (gpointer) run->clusters->data,
                              (int) run->clusters->len, 0);
      g_array_set_size (run->glyphs, 0);
      g_string_truncate (run->text, 0);
      g_array_set_size (run->clusters, 0);
    }
  cairo_restore (p->cr);
}

/* Plain Pango text for the few strings outside the table. */
static double
draw_text (cairo_t     *cr,
           const char  *text,
           double       size,
           PangoWeight  weight,
           double       x,
           double       y,
           double       width,
           PangoAlignment align)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, size, weight);
  int height;

  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (layout, align);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Pagination */

typedef struct
{
  guint    first_line;
  guint    n_lines;
  gboolean summary;
} Page;

static double
summary_height (CLSettlement *s)
{
  guint n_subtotals, n_deductions;

  cl_settlement_get_subtotals (s, &n_subtotals);
  cl_settlement_get_deductions (s, &n_deductions);
  return 22 + 13 * (1 + MAX (n_subtotals, 1)) + 12   /* subtotals */
         + 13 * 7 + 12                                /* totals */
         + (n_deductions ? 18 + 12 * (n_deductions + 1) + 8 : 0)
         + CHART + 12 + SIGNATURES;
}

static GArray *
paginate (CLSettlement *s,
          double        width,
          double        height)
{
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (Page));
  double body_first = height - 2 * MARGIN - FIRST_HEADER - FOOTER - TABLE_HEAD;
  double body_other = height - 2 * MARGIN - OTHER_HEADER - FOOTER - TABLE_HEAD;
  guint rows_first = (guint) MAX (1.0, body_first / ROW);
  guint rows_other = (guint) MAX (1.0, body_other / ROW);
  double summary = summary_height (s);
  guint n_lines, next = 0;
  double left;

  cl_settlement_get_lines (s, &n_lines);

  /* An empty month still has one (empty) table row saying so. */
  do
    {
      Page page = { .first_line = next };
      guint rows = pages->len == 0 ? rows_first : rows_other;

      page.n_lines = MIN (rows, n_lines - next);
      next += page.n_lines;
      g_array_append_val (pages, page);
    }
  while (next < n_lines);

  left = (pages->len == 1 ? body_first : body_other) -
         ROW * MAX (1u, g_array_index (pages, Page, pages->len - 1).n_lines) - 10;
  if (summary <= left)
    g_array_index (pages, Page, pages->len - 1).summary = TRUE;
  else
    {
      Page page = { .first_line = n_lines, .n_lines = 0, .summary = TRUE };

      g_array_append_val (pages, page);
    }
  return pages;
}

int
cl_statement_n_pages (CLSettlement *s,
                      double        width,
                      double        height)
{
  g_autoptr(GArray) pages = NULL;

  g_return_val_if_fail (CL_IS_SETTLEMENT (s), 0);

  pages = paginate (s, width, height);
  return (int) pages->len;
}

/* Drawing */

static char *
title_text (CLSettlement *s)
{
  /* Translators: %s is the month, "2026-10" */
  return g_strdup_printf (_("Monthly Service Fee Statement %s"), cl_settlement_get_month (s));
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
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (cl_settlement_get_closed_at (s));
      g_autofree char *when = at ? g_date_time_format (at, "%Y-%m-%d %H:%M") : g_strdup ("");

      /* Translators: %1$s is a date and time, %2$s a user name */
      status = g_strdup_printf (_("Closed %1$s by %2$s"), when,
                                cl_settlement_get_closed_by (s) ? cl_settlement_get_closed_by (s) : "");
    }
  else
    status = g_strdup (_("Not closed: a draft, figures may still change"));

  /* Translators: the vendor's name, then the statement's status */
  subtitle = g_strdup_printf (_("Vendor: %1$s · %2$s"), cl_settlement_get_vendor (s), status);

  y += draw_text (cr, cl_settlement_get_hospital (s), 13, PANGO_WEIGHT_BOLD, x, y, w, PANGO_ALIGN_CENTER);
  y += 2;
  y += draw_text (cr, title, 16, PANGO_WEIGHT_BOLD, x, y, w, PANGO_ALIGN_CENTER);
  y += 4;
  draw_text (cr, subtitle, 8.5, PANGO_WEIGHT_NORMAL, x, y, w, PANGO_ALIGN_CENTER);
  return FIRST_HEADER;
}

/* The running header and the footer repeat on every page: they go
 * through the painter's cache like the table. */
static void
draw_running_header (CLSettlement *s,
                     Painter      *p,
                     double        x,
                     double        y,
                     double        w)
{
  g_autofree char *title = title_text (s);
  g_autofree char *text = g_strdup_printf ("%s — %s", cl_settlement_get_hospital (s), title);

  queue_text (p, STYLE_REGULAR, text, x, y, FALSE, FALSE);
  cl_print_hline (p->cr, x, x + w, y + OTHER_HEADER - 6, 0.4);
}

static double
column_x (guint  column,
          double x,
          double w)
{
  return x + columns[column].at * w;
}

static void
draw_table (CLSettlement *s,
            Painter      *p,
            const Page   *page,
            double        x,
            double        y,
            double        w)
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
  const CLSettlementLine *lines = cl_settlement_get_lines (s, NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    queue_text (p, STYLE_BOLD, heads[c], column_x (c, x, w), y + 2, columns[c].right, FALSE);
  cl_print_hline (p->cr, x, x + w, y + TABLE_HEAD - 2, 0.6);
  y += TABLE_HEAD;

  if (page->first_line == 0 && page->n_lines == 0)
    queue_text (p, STYLE_REGULAR, _("No payments or refunds this month"),
                column_x (COL_DATE, x, w), y, FALSE, FALSE);

  for (guint i = page->first_line; i < page->first_line + page->n_lines; i++)
    {
      const CLSettlementLine *line = &lines[i];
      char number[16];
      g_autofree char *amount = cl_money_format (line->amount_fen);
      g_autofree char *rate = cl_rate_format (line->rate_bp);
      g_autofree char *share = cl_money_format (line->share_fen);
      /* Most lines are ordinary payments: the column speaks only for a
       * refund or a late entry, which is also what the eye looks for. */
      g_autofree char *kind = line->kind == CL_SETTLEMENT_PAYMENT && !line->adjustment_of
                              ? NULL : cl_settlement_line_describe_kind (line);

      g_snprintf (number, sizeof number, "%u", i + 1);
      queue_text (p, STYLE_REGULAR, number, column_x (COL_NO, x, w), y, TRUE, TRUE);
      queue_text (p, STYLE_REGULAR, line->date, column_x (COL_DATE, x, w), y, FALSE, FALSE);
      queue_text (p, STYLE_REGULAR, line->name, column_x (COL_NAME, x, w), y, FALSE, TRUE);
      queue_text (p, STYLE_REGULAR, line->package, column_x (COL_PACKAGE, x, w), y, FALSE, FALSE);
      queue_text (p, STYLE_REGULAR, kind, column_x (COL_KIND, x, w), y, FALSE, FALSE);
      queue_text (p, STYLE_REGULAR, amount, column_x (COL_AMOUNT, x, w), y, TRUE, FALSE);
      queue_text (p, STYLE_REGULAR, rate, column_x (COL_RATE, x, w), y, TRUE, FALSE);
      queue_text (p, STYLE_REGULAR, share, column_x (COL_SHARE, x, w), y, TRUE, FALSE);
      y += ROW;
    }
  flush_glyphs (p);
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

  draw_text (cr, label, 9, weight, x, y, 0, PANGO_ALIGN_LEFT);
  draw_text (cr, value, 9, weight, x, y, w, PANGO_ALIGN_RIGHT);
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

  draw_text (cr, _("Last 12 months: gross collected (light) and amount payable (dark)"),
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
      draw_text (cr, g_str_has_suffix (history[i].month, "-01") || i == 0 ? history[i].month
                                                                        : history[i].month + 5,
                 6.5, PANGO_WEIGHT_NORMAL, x + i * slot, bottom + 2, slot, PANGO_ALIGN_CENTER);
    }
  cl_print_hline (cr, x, x + w, bottom, 0.5);
}

static void
draw_summary (CLSettlement *s,
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
  g_autofree char *deducted = cl_money_format_display (cl_settlement_get_deductions_fen (s));
  g_autofree char *payable = cl_money_format_display (cl_settlement_get_payable_fen (s));
  g_autofree char *rates = cl_settlement_format_rates (s);
  double half = w / 2;

  /* Subtotals by package */
  draw_text (cr, _("Subtotals by package"), 10, PANGO_WEIGHT_BOLD, x, y, 0, PANGO_ALIGN_LEFT);
  y += 22;
  {
    const char *heads[] = {
      C_("statement column", "Package"), C_("statement column", "Payments"),
      C_("statement column", "Refunds"), C_("statement column", "Collected"),
      C_("statement column", "Refunded"), C_("statement column", "Vendor share"),
    };
    const double at[] = { 0, 0.38, 0.50, 0.68, 0.84, 1.0 };

    for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
      draw_text (cr, heads[c], 8.5, PANGO_WEIGHT_BOLD, c ? x + at[c] * w - 120 : x, y,
                 c ? 120 : 0, PANGO_ALIGN_RIGHT);
    y += 13;
    for (guint i = 0; i < n_subtotals; i++)
      {
        g_autofree char *payments = g_strdup_printf ("%u", subtotals[i].n_payments);
        g_autofree char *n_refunds = g_strdup_printf ("%u", subtotals[i].n_refunds);
        g_autofree char *collected = cl_money_format (subtotals[i].gross_fen);
        g_autofree char *refunded = cl_money_format (subtotals[i].refunds_fen);
        g_autofree char *sub_share = cl_money_format (subtotals[i].share_fen);
        const char *cells[] = { subtotals[i].package, payments, n_refunds, collected, refunded, sub_share };

        for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
          draw_text (cr, cells[c], 8.5, PANGO_WEIGHT_NORMAL, c ? x + at[c] * w - 120 : x, y,
                     c ? 120 : 0, PANGO_ALIGN_RIGHT);
        y += 13;
      }
    if (n_subtotals == 0)
      y += 13;
  }
  y += 12;

  /* Totals, on the right half */
  cl_print_hline (cr, x + half, x + w, y - 4, 0.6);
  draw_label_value (cr, _("Gross collected"), gross, x + half, y, half, FALSE);
  y += 13;
  draw_label_value (cr, _("Refunds"), refunds, x + half, y, half, FALSE);
  y += 13;
  draw_label_value (cr, _("Fee base (collected less refunds)"), base, x + half, y, half, FALSE);
  y += 13;
  draw_label_value (cr, _("Service share rate"), *rates ? rates : "—", x + half, y, half, FALSE);
  y += 13;
  draw_label_value (cr, _("Vendor share (sum of the lines)"), share, x + half, y, half, FALSE);
  y += 13;
  draw_label_value (cr, _("Deductions"), deducted, x + half, y, half, FALSE);
  y += 15;
  cl_print_hline (cr, x + half, x + w, y, 0.6);
  draw_label_value (cr, _("Amount payable"), payable, x + half, y + 3, half, TRUE);
  y += 13 + 8;

  if (n_deductions > 0)
    {
      draw_text (cr, _("Deductions"), 10, PANGO_WEIGHT_BOLD, x, y, 0, PANGO_ALIGN_LEFT);
      y += 18;
      for (guint i = 0; i < n_deductions; i++)
        {
          g_autofree char *amount = cl_money_format (deductions[i].amount_fen);
          g_autofree char *what = NULL;

          if (deductions[i].adjustment_of)
            /* Translators: a deduction entered after its month closed */
            what = g_strdup_printf (_("%1$s (late, for %2$s)"), deductions[i].reason,
                                    deductions[i].adjustment_of);
          else
            what = g_strdup (deductions[i].reason);
          draw_text (cr, deductions[i].date, 8.5, PANGO_WEIGHT_NORMAL, x, y, 0, PANGO_ALIGN_LEFT);
          draw_text (cr, what, 8.5, PANGO_WEIGHT_NORMAL, x + 0.14 * w, y, 0, PANGO_ALIGN_LEFT);
          if (deductions[i].reference)
            draw_text (cr, deductions[i].reference, 8.5, PANGO_WEIGHT_NORMAL, x + 0.62 * w, y, 0, PANGO_ALIGN_LEFT);
          draw_text (cr, amount, 8.5, PANGO_WEIGHT_NORMAL, x, y, w, PANGO_ALIGN_RIGHT);
          y += 12;
        }
      y += 20;
    }

  draw_chart (s, cr, x, y, w);
  y += CHART + 12;

  /* Signature lines */
  {
    const char *who[] = {
      _("Hospital (seal and signature)"),
      _("Vendor (seal and signature)"),
    };
    const char *names[] = { cl_settlement_get_hospital (s), cl_settlement_get_vendor (s) };

    for (guint i = 0; i < 2; i++)
      {
        double sx = x + i * (half + 10);
        double sw = half - 10;

        draw_text (cr, who[i], 9, PANGO_WEIGHT_BOLD, sx, y, 0, PANGO_ALIGN_LEFT);
        draw_text (cr, names[i], 8, PANGO_WEIGHT_NORMAL, sx, y + 13, 0, PANGO_ALIGN_LEFT);
        cl_print_hline (cr, sx, sx + sw, y + 48, 0.6);
        draw_text (cr, _("Date"), 9, PANGO_WEIGHT_NORMAL, sx, y + 56, 0, PANGO_ALIGN_LEFT);
        cl_print_hline (cr, sx + 40, sx + sw, y + 68, 0.6);
      }
  }
}

static void
draw_page (CLSettlement *s,
           Painter      *p,
           const Page   *page,
           int           index,
           int           n_pages,
           double        width,
           double        height)
{
  cairo_t *cr = p->cr;
  double x = MARGIN, y = MARGIN, w = width - 2 * MARGIN;
  g_autofree char *footer = NULL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (index == 0)
    y += draw_first_header (s, cr, x, y, w);
  else
    {
      draw_running_header (s, p, x, y, w);
      y += OTHER_HEADER;
    }

  if (page->n_lines > 0 || index == 0)
    {
      draw_table (s, p, page, x, y, w);
      y += TABLE_HEAD + ROW * MAX (1u, page->n_lines) + 10;
    }

  if (page->summary)
    draw_summary (s, cr, x, y, w);

  /* Translators: page numbers */
  footer = g_strdup_printf (_("Page %1$d of %2$d"), index + 1, n_pages);
  queue_text (p, STYLE_REGULAR, footer, x + w, height - MARGIN - 10, TRUE, TRUE);
  flush_glyphs (p);

  cairo_restore (cr);
}

void
cl_statement_draw (CLSettlement *s,
                   cairo_t      *cr,
                   double        width,
                   double        height,
                   int           page)
{
  g_autoptr(GArray) pages = NULL;
  Painter painter = { 0 };

  g_return_if_fail (CL_IS_SETTLEMENT (s));
  g_return_if_fail (cr != NULL);

  pages = paginate (s, width, height);
  g_return_if_fail (page >= 0 && (guint) page < pages->len);

  painter_init (&painter, cr);
  draw_page (s, &painter, &g_array_index (pages, Page, page), page, (int) pages->len, width, height);
  painter_clear (&painter);
}

gboolean
cl_statement_export_pdf (CLSettlement  *s,
                         const char    *path,
                         GError       **error)
{
  const double width = 595, height = 842;   /* A4 in points */
  g_autoptr(GArray) pages = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Painter painter = { 0 };

  g_return_val_if_fail (CL_IS_SETTLEMENT (s), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, width, height);
  title = title_text (s);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Careline");
  cr = cairo_create (surface);

  /* One painter for all pages, so each string is shaped once. */
  pages = paginate (s, width, height);
  painter_init (&painter, cr);
  for (guint i = 0; i < pages->len; i++)
    {
      draw_page (s, &painter, &g_array_index (pages, Page, i), (int) i, (int) pages->len, width, height);
      cairo_show_page (cr);
    }
  painter_clear (&painter);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The statement could not be saved as “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
