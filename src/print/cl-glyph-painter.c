/* cl-glyph-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-glyph-painter"

#include "config.h"

#include <string.h>

#include "cl-glyph-painter.h"
#include "cl-money.h"

#define FONT_FAMILY "Noto Sans CJK SC"

/* The line table is where the pages and the time go (10 000 lines are
 * 200 pages), so its text is shaped by Pango once per distinct string
 * (dates, package names, amounts) or once per character (line numbers
 * and names, which hardly repeat) and drawn as glyphs, batched per page
 * and font: one cairo_show_glyphs() per font and page instead of a
 * PangoLayout per cell.  The rest of the page uses plain layouts. */

/* Glyphs with their text and clusters, so that the PDF says which
 * characters they are (cairo_show_text_glyphs()): guessing from the
 * font's cmap fails for glyph variants that a font picks in context. */
typedef struct _Run Run;
struct _Run
{
  cairo_scaled_font_t *font;
  GArray              *glyphs;     /* cairo_glyph_t, origin at the baseline */
  GString             *text;
  GArray              *clusters;   /* cairo_text_cluster_t */
  Run                 *batch;      /* borrowed: the page batch of its font */
  gboolean             queued;     /* a batch with glyphs waiting for flush */
};

typedef struct
{
  double     width;
  GPtrArray *runs;
} Shaped;

struct _CLGlyphPainter
{
  cairo_t     *cr;
  PangoLayout *layout[CL_GLYPH_N_STYLES];
  GHashTable  *cache[CL_GLYPH_N_STYLES];   /* text → Shaped */
  GHashTable  *batches;           /* cairo_scaled_font_t → Run */
  /* The batches with something queued, in the order they were first
   * queued since the last flush: the fonts then go to the PDF in the
   * order of the text, not in the hash table's order of their
   * addresses, so the same document gives the same bytes every run. */
  GPtrArray   *queued;            /* Run, borrowed */
  /* A month has few distinct amounts and rates but 10 000 lines: each
   * is formatted and looked up once, not once per line. */
  GHashTable  *amounts;           /* gint64 fen → Shaped (borrowed) */
  GHashTable  *rates;             /* rate_bp → Shaped (borrowed) */
  Shaped      *digits[10];        /* borrowed: the line numbers' */
};

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

PangoLayout *
cl_glyph_painter_layout_new (cairo_t     *cr,
                             double       size,
                             PangoWeight  weight)
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

double
cl_glyph_painter_draw_text (cairo_t        *cr,
                            const char     *text,
                            double          size,
                            PangoWeight     weight,
                            double          x,
                            double          y,
                            double          width,
                            PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = cl_glyph_painter_layout_new (cr, size, weight);
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

CLGlyphPainter *
cl_glyph_painter_new (cairo_t *cr)
{
  CLGlyphPainter *p = g_new0 (CLGlyphPainter, 1);

  p->cr = cr;
  p->layout[CL_GLYPH_REGULAR] = cl_glyph_painter_layout_new (cr, 7.5, PANGO_WEIGHT_NORMAL);
  p->layout[CL_GLYPH_BOLD] = cl_glyph_painter_layout_new (cr, 7.5, PANGO_WEIGHT_BOLD);
  for (guint i = 0; i < CL_GLYPH_N_STYLES; i++)
    p->cache[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shaped_free);
  p->batches = g_hash_table_new_full (NULL, NULL, NULL, run_free);
  p->queued = g_ptr_array_new ();
  p->amounts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  p->rates = g_hash_table_new (NULL, NULL);
  return p;
}

cairo_t *
cl_glyph_painter_get_cairo (CLGlyphPainter *p)
{
  return p->cr;
}

void
cl_glyph_painter_free (CLGlyphPainter *p)
{
  if (p == NULL)
    return;
  for (guint i = 0; i < CL_GLYPH_N_STYLES; i++)
    {
      g_clear_object (&p->layout[i]);
      g_clear_pointer (&p->cache[i], g_hash_table_unref);
    }
  g_clear_pointer (&p->queued, g_ptr_array_unref);
  g_clear_pointer (&p->batches, g_hash_table_unref);
  g_clear_pointer (&p->amounts, g_hash_table_unref);
  g_clear_pointer (&p->rates, g_hash_table_unref);
  g_free (p);
}

static Shaped *
shape (CLGlyphPainter    *p,
       ClGlyphStyle       style,
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
queue_shaped (CLGlyphPainter *p,
              Shaped  *shaped,
              double   x,
              double   y)
{
  for (guint i = 0; i < shaped->runs->len; i++)
    {
      Run *run = g_ptr_array_index (shaped->runs, i);
      Run *batch = run->batch;
      guint first;

      if (batch == NULL)
        batch = g_hash_table_lookup (p->batches, run->font);
      if (batch == NULL)
        {
          batch = run_new (run->font);
          g_hash_table_insert (p->batches, run->font, batch);
        }
      /* Batches live as long as the painter, like the cached runs. */
      run->batch = batch;
      if (!batch->queued)
        {
          batch->queued = TRUE;
          g_ptr_array_add (p->queued, batch);
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
void
cl_glyph_painter_queue_text (CLGlyphPainter    *p,
            ClGlyphStyle       style,
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

/* Queues the amount @fen right-aligned at @x. */
void
cl_glyph_painter_queue_amount (CLGlyphPainter *p,
              gint64   fen,
              double   x,
              double   y)
{
  Shaped *shaped = g_hash_table_lookup (p->amounts, &fen);

  if (shaped == NULL)
    {
      g_autofree char *text = cl_money_format (fen);

      shaped = shape (p, CL_GLYPH_REGULAR, text);
      g_hash_table_insert (p->amounts, g_memdup2 (&fen, sizeof fen), shaped);
    }
  queue_shaped (p, shaped, x - shaped->width, y);
}

void
cl_glyph_painter_queue_rate (CLGlyphPainter *p,
            gint     rate_bp,
            double   x,
            double   y)
{
  Shaped *shaped = g_hash_table_lookup (p->rates, GINT_TO_POINTER (rate_bp));

  if (shaped == NULL)
    {
      g_autofree char *text = cl_rate_format (rate_bp);

      shaped = shape (p, CL_GLYPH_REGULAR, text);
      g_hash_table_insert (p->rates, GINT_TO_POINTER (rate_bp), shaped);
    }
  queue_shaped (p, shaped, x - shaped->width, y);
}

/* Queues the line number @n right-aligned at @x, digit by digit: line
 * numbers hardly repeat, their digits always do. */
void
cl_glyph_painter_queue_number (CLGlyphPainter *p,
              guint    n,
              double   x,
              double   y)
{
  Shaped *digits[12];
  guint len = 0;

  do
    {
      guint d = n % 10;

      if (p->digits[d] == NULL)
        {
          char one[2] = { (char) ('0' + d), '\0' };

          p->digits[d] = shape (p, CL_GLYPH_REGULAR, one);
        }
      digits[len++] = p->digits[d];
      n /= 10;
    }
  while (n > 0);

  for (guint i = 0; i < len; i++)
    x -= digits[i]->width;
  while (len > 0)
    {
      Shaped *digit = digits[--len];

      queue_shaped (p, digit, x, y);
      x += digit->width;
    }
}

void
cl_glyph_painter_flush (CLGlyphPainter *p)
{
  cairo_save (p->cr);
  cairo_set_source_rgb (p->cr, 0, 0, 0);
  for (guint i = 0; i < p->queued->len; i++)
    {
      Run *run = g_ptr_array_index (p->queued, i);

      run->queued = FALSE;
      if (run->glyphs->len == 0 && run->text->len == 0)
        continue;
      cairo_set_scaled_font (p->cr, run->font);
      cairo_show_text_glyphs (p->cr, run->text->str, (int) run->text->len,
                              (cairo_glyph_t *) (gpointer) run->glyphs->data, (int) run->glyphs->len,
                              (cairo_text_cluster_t *) (gpointer) run->clusters->data,
                              (int) run->clusters->len, 0);
      g_array_set_size (run->glyphs, 0);
      g_string_truncate (run->text, 0);
      g_array_set_size (run->clusters, 0);
    }
  g_ptr_array_set_size (p->queued, 0);
  cairo_restore (p->cr);
}
