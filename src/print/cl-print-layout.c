/* cl-print-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-print-layout"

#include "config.h"

#include "cl-print-layout.h"

typedef struct
{
  guint             kind;
  guint             item;
  double            height;
  double            space_before;
  int               header;
  CLPrintBlockFlags flags;
} Block;

struct _CLPrintLayout
{
  gatomicrefcount  ref_count;
  PangoContext    *context;
  double           first_top;
  double           top;
  double           bottom;
  GArray          *blocks;   /* Block */
  GPtrArray       *pages;    /* GArray of CLPrintPlacement; NULL until paginated */
};

G_DEFINE_BOXED_TYPE (CLPrintLayout, cl_print_layout, cl_print_layout_ref, cl_print_layout_unref)

CLPrintLayout *
cl_print_layout_new (double first_top,
                     double top,
                     double bottom)
{
  CLPrintLayout *self = g_new0 (CLPrintLayout, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  g_atomic_ref_count_init (&self->ref_count);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  cl_print_layout_set_body (self, first_top, top, bottom);

  /* Outline metrics, as on paper, not hinted to a screen's pixels: a
   * page breaks the same on a printer and in the PDF. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_cairo_context_set_resolution (self->context, 72);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);
  return self;
}

CLPrintLayout *
cl_print_layout_ref (CLPrintLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cl_print_layout_unref (CLPrintLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self);
}

void
cl_print_layout_set_body (CLPrintLayout *self,
                          double         first_top,
                          double         top,
                          double         bottom)
{
  g_return_if_fail (self != NULL);

  self->first_top = first_top;
  self->top = top;
  self->bottom = bottom;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

/* Text */

PangoLayout *
cl_print_layout_text (CLPrintLayout     *self,
                      const CLPrintFont *font,
                      const char        *text,
                      double             width)
{
  PangoLayout *layout;
  PangoFontDescription *desc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (font != NULL, NULL);

  layout = pango_layout_new (self->context);
  desc = pango_font_description_from_string (font->family);
  pango_font_description_set_size (desc, (int) (font->size * PANGO_SCALE));
  pango_font_description_set_weight (desc, font->weight);
  pango_font_description_set_style (desc, font->style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static double
height_of (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
cl_print_layout_text_height (CLPrintLayout     *self,
                             const CLPrintFont *font,
                             const char        *text,
                             double             width)
{
  g_autoptr(PangoLayout) layout = cl_print_layout_text (self, font, text, width);

  g_return_val_if_fail (layout != NULL, 0);

  return height_of (layout);
}

double
cl_print_layout_show_text (CLPrintLayout     *self,
                           cairo_t           *cr,
                           const CLPrintFont *font,
                           const char        *text,
                           double             x,
                           double             y,
                           double             width)
{
  g_autoptr(PangoLayout) layout = cl_print_layout_text (self, font, text, width);

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return height_of (layout);
}

void
cl_print_layout_begin_page (CLPrintLayout *self,
                            cairo_t       *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  pango_cairo_update_context (cr, self->context);
}

/* Blocks */

guint
cl_print_layout_add (CLPrintLayout     *self,
                     guint              kind,
                     guint              item,
                     double             height,
                     int                header,
                     CLPrintBlockFlags  flags)
{
  Block block = { kind, item, height, 0, header, flags };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (header < (int) self->blocks->len, 0);

  g_array_append_val (self->blocks, block);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  return self->blocks->len - 1;
}

void
cl_print_layout_set_space_before (CLPrintLayout *self,
                                  guint          block,
                                  double         space)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (block < self->blocks->len);

  g_array_index (self->blocks, Block, block).space_before = space;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

/* Pagination */

typedef struct
{
  CLPrintLayout *self;
  GArray        *page;       /* CLPrintPlacement, the page being filled */
  double         y;
  gboolean       has_body;   /* a block that may end the page is on it */
} Paginator;

static const Block *
block_at (CLPrintLayout *self,
          guint          i)
{
  return &g_array_index (self->blocks, Block, i);
}

/* The room block @i needs under a block of its page: its own and that
 * of every block it is kept with. */
static double
need (CLPrintLayout *self,
      guint          i)
{
  const Block *block = block_at (self, i);
  double room = block->space_before + block->height;

  for (guint j = i;
       j + 1 < self->blocks->len && (block_at (self, j)->flags & CL_PRINT_BLOCK_KEEP_WITH_NEXT) &&
       !(block_at (self, j + 1)->flags & CL_PRINT_BLOCK_NEW_PAGE);
       j++)
    room += block_at (self, j + 1)->space_before + block_at (self, j + 1)->height;
  return room;
}

static void
place (Paginator *p,
       guint      i,
       gboolean   repeated)
{
  const Block *block = block_at (p->self, i);
  CLPrintPlacement placement = { block->kind, block->item, 0, block->height, repeated };

  if (p->page->len > 0)
    p->y += block->space_before;
  placement.y = p->y;
  g_array_append_val (p->page, placement);
  p->y += block->height;
  if (!repeated && !(block->flags & CL_PRINT_BLOCK_KEEP_WITH_NEXT))
    p->has_body = TRUE;
}

static void
new_page (Paginator *p)
{
  p->page = g_array_new (FALSE, FALSE, sizeof (CLPrintPlacement));
  g_ptr_array_add (p->self->pages, p->page);
  p->y = p->self->pages->len == 1 ? p->self->first_top : p->self->top;
  p->has_body = FALSE;
}

/* A new page for block @i, under the headers it carries over,
 * outermost first. */
static void
continue_on_new_page (Paginator *p,
                      guint      i)
{
  g_autoptr(GArray) headers = g_array_new (FALSE, FALSE, sizeof (int));

  new_page (p);
  for (int h = block_at (p->self, i)->header; h >= 0; h = block_at (p->self, h)->header)
    g_array_prepend_val (headers, h);
  for (guint k = 0; k < headers->len; k++)
    place (p, g_array_index (headers, int, k), TRUE);
}

static void
paginate (CLPrintLayout *self)
{
  Paginator p = { self };

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  new_page (&p);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = block_at (self, i);

      if (block->flags & CL_PRINT_BLOCK_NEW_PAGE)
        {
          if (p.page->len > 0)
            new_page (&p);
        }
      else if (p.has_body && p.y + need (self, i) > self->bottom)
        continue_on_new_page (&p, i);
      place (&p, i, FALSE);
    }
}

guint
cl_print_layout_get_n_pages (CLPrintLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->pages == NULL)
    paginate (self);
  return self->pages->len;
}

const CLPrintPlacement *
cl_print_layout_get_page (CLPrintLayout *self,
                          guint          page,
                          guint         *n_placements)
{
  GArray *placements;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_placements != NULL, NULL);

  *n_placements = 0;
  if (page >= cl_print_layout_get_n_pages (self))
    return NULL;
  placements = g_ptr_array_index (self->pages, page);
  *n_placements = placements->len;
  return (const CLPrintPlacement *) placements->data;
}
