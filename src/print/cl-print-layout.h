#pragma once

#include <glib-object.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The one pagination engine of every printed document: the patient
 * summary, the settlement statement, the escort and VIP day sheets.
 *
 * A document describes itself as blocks from top to bottom, each with
 * its height in points: a heading, a paragraph, a table row, or a drawn
 * block of fixed height (a chart, signature lines).  Text is measured
 * in the layout's Pango context, which has the metrics of paper (no
 * hinting, 72 dpi, unrounded glyph positions), so that a document
 * breaks into the same pages on a printer and in the PDF export.
 *
 * The layout then breaks the blocks into pages, between @top and
 * @bottom of each page (page one may start lower, under a bigger
 * heading), and places them:
 *  - a block breaks to a new page when it does not fit, but never
 *    before the page has one block of its own;
 *  - a block kept with the next one (a heading, a table's header) is
 *    never the last on a page: it goes over with what follows it;
 *  - a table row carries over its header (and that header's own
 *    header, a section heading say), which is drawn again above it;
 *  - a block may start a page of its own (a sheet's section);
 *  - the space before a block is dropped at the top of a page.
 *
 * A document's drawing function `(cairo_t *, width, height, page)`
 * draws the page's furniture (title, page number) and then each of the
 * page's placements at its y.  Kinds and items are the document's own:
 * what a block is, and which of its rows or lines. */

typedef enum
{
  CL_PRINT_BLOCK_NONE           = 0,
  CL_PRINT_BLOCK_KEEP_WITH_NEXT = 1 << 0,
  CL_PRINT_BLOCK_NEW_PAGE       = 1 << 1,
} CLPrintBlockFlags;

/* A block placed on a page. */
typedef struct
{
  guint    kind;
  guint    item;
  double   y;          /* top, in points from the page's top */
  double   height;
  gboolean repeated;   /* a header drawn again above its continued table */
} CLPrintPlacement;

/* A font for text measured and drawn through the layout. */
typedef struct
{
  const char  *family;
  double       size;     /* points */
  PangoWeight  weight;
  PangoStyle   style;
} CLPrintFont;

#define CL_TYPE_PRINT_LAYOUT (cl_print_layout_get_type ())

typedef struct _CLPrintLayout CLPrintLayout;

GType                   cl_print_layout_get_type         (void) G_GNUC_CONST;

/* An empty layout whose pages have their body from @top to @bottom,
 * in points from the page's top; the first page's from @first_top. */
CLPrintLayout          *cl_print_layout_new              (double                    first_top,
                                                          double                    top,
                                                          double                    bottom);
CLPrintLayout          *cl_print_layout_ref              (CLPrintLayout            *self);
void                    cl_print_layout_unref            (CLPrintLayout            *self);

void                    cl_print_layout_set_body         (CLPrintLayout            *self,
                                                          double                    first_top,
                                                          double                    top,
                                                          double                    bottom);

/* Measuring and drawing text.  A layout of @text in @font, wrapped at
 * word or character boundaries in @width points when @width > 0; NULL
 * @text is empty. */
PangoLayout            *cl_print_layout_text             (CLPrintLayout            *self,
                                                          const CLPrintFont        *font,
                                                          const char               *text,
                                                          double                    width);
double                  cl_print_layout_text_height      (CLPrintLayout            *self,
                                                          const CLPrintFont        *font,
                                                          const char               *text,
                                                          double                    width);
/* Draws @text in @font at (@x, @y) on @cr and returns its height. */
double                  cl_print_layout_show_text        (CLPrintLayout            *self,
                                                          cairo_t                  *cr,
                                                          const CLPrintFont        *font,
                                                          const char               *text,
                                                          double                    x,
                                                          double                    y,
                                                          double                    width);
/* Makes the text layouts made from now on draw on @cr (its
 * transformation and surface), keeping the paper metrics: call it once
 * before drawing a page. */
void                    cl_print_layout_begin_page       (CLPrintLayout            *self,
                                                          cairo_t                  *cr);

/* Adds a block of @height points and returns its index.  @header is
 * the index of the block repeated above it when it goes to a new page,
 * or -1. */
guint                   cl_print_layout_add              (CLPrintLayout            *self,
                                                          guint                     kind,
                                                          guint                     item,
                                                          double                    height,
                                                          int                       header,
                                                          CLPrintBlockFlags         flags);
/* Space above @block, unless it is the first on a page. */
void                    cl_print_layout_set_space_before (CLPrintLayout            *self,
                                                          guint                     block,
                                                          double                    space);

/* At least one page, even for no block at all. */
guint                   cl_print_layout_get_n_pages      (CLPrintLayout            *self);
/* The blocks on @page (0-based), top to bottom; NULL with
 * *@n_placements 0 for a page that does not exist. */
const CLPrintPlacement *cl_print_layout_get_page         (CLPrintLayout            *self,
                                                          guint                     page,
                                                          guint                    *n_placements);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLPrintLayout, cl_print_layout_unref)

G_END_DECLS
