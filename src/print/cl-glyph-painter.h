#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Text for long printed tables (the statement's 10 000 lines are 180
 * pages): each distinct string is shaped by Pango once, or each
 * character once for strings that hardly repeat, and the glyphs are
 * queued and drawn batched, one cairo_show_text_glyphs() per font per
 * flush, with their text and clusters so the PDF says which characters
 * they are.  Text is 7.5 pt Noto Sans CJK SC; positions are the top
 * left of the text, or its right edge when right-aligned. */

typedef enum
{
  CL_GLYPH_REGULAR,
  CL_GLYPH_BOLD,
  CL_GLYPH_N_STYLES,
} ClGlyphStyle;

typedef struct _CLGlyphPainter CLGlyphPainter;

/* A layout in the printing font at @size points: unrounded glyph
 * positions (the font's own advances) as paper wants. */
PangoLayout    *cl_glyph_painter_layout_new   (cairo_t        *cr,
                                               double          size,
                                               PangoWeight     weight);

/* Plain Pango text for the few strings outside a table, at @x, @y in
 * the printing font; wrapped to @width and aligned when @width > 0.
 * Returns the height it took. */
double          cl_glyph_painter_draw_text    (cairo_t        *cr,
                                               const char     *text,
                                               double          size,
                                               PangoWeight     weight,
                                               double          x,
                                               double          y,
                                               double          width,
                                               PangoAlignment  align);
CLGlyphPainter *cl_glyph_painter_new          (cairo_t        *cr);
void            cl_glyph_painter_free         (CLGlyphPainter *p);
cairo_t        *cl_glyph_painter_get_cairo    (CLGlyphPainter *p);

/* Whole strings are cached, or single characters when @per_char. */
void            cl_glyph_painter_queue_text   (CLGlyphPainter *p,
                                               ClGlyphStyle    style,
                                               const char     *text,
                                               double          x,
                                               double          y,
                                               gboolean        right,
                                               gboolean        per_char);
/* Right-aligned at @x: an amount as cl_money_format() writes it, a rate
 * as cl_rate_format() does, a line number; each formatted once. */
void            cl_glyph_painter_queue_amount (CLGlyphPainter *p,
                                               gint64          fen,
                                               double          x,
                                               double          y);
void            cl_glyph_painter_queue_rate   (CLGlyphPainter *p,
                                               gint            rate_bp,
                                               double          x,
                                               double          y);
void            cl_glyph_painter_queue_number (CLGlyphPainter *p,
                                               guint           n,
                                               double          x,
                                               double          y);
/* Draws what was queued, in black: a batch per font, in the order the
 * fonts were first queued since the last flush, so that the same
 * document gives the same PDF bytes every run. */
void            cl_glyph_painter_flush        (CLGlyphPainter *p);

G_END_DECLS
