/* cl-schedule-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-schedule-print"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cl-pdf.h"
#include "cl-print-layout.h"
#include "cl-print-util.h"
#include "cl-schedule-print.h"

#define FONT_FAMILY "Noto Sans CJK SC"

/* Page geometry, in points */
#define MARGIN        40.0
#define TITLE_SIZE    15.0
#define HEADING_SIZE  11.5
#define TEXT_SIZE     9.5
#define DETAIL_SIZE   8.5
#define CELL_PAD      3.0
#define FOOTER_SPACE  24.0   /* page number line */

static const CLPrintFont title_font = { FONT_FAMILY, TITLE_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const CLPrintFont heading_font = { FONT_FAMILY, HEADING_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const CLPrintFont text_font = { FONT_FAMILY, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL };
static const CLPrintFont bold_font = { FONT_FAMILY, TEXT_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const CLPrintFont note_font = { FONT_FAMILY, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC };
static const CLPrintFont detail_font = { FONT_FAMILY, DETAIL_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC };
static const CLPrintFont number_font = { FONT_FAMILY, DETAIL_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL };

/* The blocks of a sheet: each section (an escort, a room) starts a
 * page with its heading and column headings, which go over to every
 * page its rows continue on; then its rows; then its end, kept whole:
 * "nothing booked" and the footer (signatures). */
enum
{
  BLOCK_HEADING,
  BLOCK_COLUMNS,
  BLOCK_ROW,
  BLOCK_EMPTY,
  BLOCK_FOOTER,
};

/* A block's item is its section and row: a day has far fewer than
 * 65 536 rows per escort or room. */
#define ITEM(section, row) (((section) << 16) | (row))
#define ITEM_SECTION(item) ((item) >> 16)
#define ITEM_ROW(item)     ((item) & 0xffff)

static double
column_width (CLScheduleSheet *sheet,
              guint            column,
              double           w)
{
  return cl_schedule_sheet_get_width (sheet, column) * w;
}

static double
row_height (CLScheduleSheet *sheet,
            CLPrintLayout   *layout,
            guint            section,
            guint            row,
            double           w)
{
  const char *detail = cl_schedule_sheet_get_detail (sheet, section, row);
  double h = 0;

  for (guint c = 0; c < cl_schedule_sheet_get_n_columns (sheet); c++)
    h = MAX (h, cl_print_layout_text_height (layout, &text_font,
                                             cl_schedule_sheet_get_cell (sheet, section, row, c),
                                             column_width (sheet, c, w) - 2 * CELL_PAD));
  if (detail)
    h += 2 + cl_print_layout_text_height (layout, &detail_font, detail, w - 2 * CELL_PAD);
  return MAX (h + 2 * CELL_PAD, cl_schedule_sheet_get_row_min_height (sheet));
}

static double
columns_height (CLScheduleSheet *sheet,
                CLPrintLayout   *layout,
                double           w)
{
  double h = 0;

  for (guint c = 0; c < cl_schedule_sheet_get_n_columns (sheet); c++)
    h = MAX (h, cl_print_layout_text_height (layout, &bold_font, cl_schedule_sheet_get_header (sheet, c),
                                             column_width (sheet, c, w) - 2 * CELL_PAD));
  return h + 2 * CELL_PAD;
}

/* Every page has the title and the day on top, and its number at the
 * bottom. */
static CLPrintLayout *
layout_pages (CLScheduleSheet *sheet,
              double           width,
              double           height)
{
  CLPrintLayout *layout = cl_print_layout_new (MARGIN, MARGIN, height - MARGIN - FOOTER_SPACE);
  double w = width - 2 * MARGIN;
  double top = MARGIN + cl_print_layout_text_height (layout, &title_font, cl_schedule_sheet_get_title (sheet), w) +
               cl_print_layout_text_height (layout, &text_font, cl_schedule_sheet_get_subtitle (sheet), w) + 10;
  const char *footer = cl_schedule_sheet_get_footer (sheet);
  double empty = 8 + cl_print_layout_text_height (layout, &note_font, cl_schedule_sheet_get_empty_text (sheet), w);
  double columns = columns_height (sheet, layout, w);

  cl_print_layout_set_body (layout, top, top, height - MARGIN - FOOTER_SPACE);

  for (guint s = 0; s < cl_schedule_sheet_get_n_sections (sheet); s++)
    {
      guint n_rows = cl_schedule_sheet_get_n_rows (sheet, s);
      int heading, head;

      heading = cl_print_layout_add (layout, BLOCK_HEADING, ITEM (s, 0),
                                     cl_print_layout_text_height (layout, &heading_font,
                                                                  cl_schedule_sheet_get_heading (sheet, s), w) + 6,
                                     -1, CL_PRINT_BLOCK_NEW_PAGE | CL_PRINT_BLOCK_KEEP_WITH_NEXT);
      head = cl_print_layout_add (layout, BLOCK_COLUMNS, ITEM (s, 0), columns, heading,
                                  CL_PRINT_BLOCK_KEEP_WITH_NEXT);
      for (guint r = 0; r < n_rows; r++)
        cl_print_layout_add (layout, BLOCK_ROW, ITEM (s, r), row_height (sheet, layout, s, r, w), head,
                             CL_PRINT_BLOCK_NONE);
      /* The end stays whole: on a page of its own if need be, under
       * the repeated headings. */
      if (n_rows == 0)
        cl_print_layout_add (layout, BLOCK_EMPTY, ITEM (s, 0), empty, head,
                             footer ? CL_PRINT_BLOCK_KEEP_WITH_NEXT : CL_PRINT_BLOCK_NONE);
      if (footer)
        cl_print_layout_add (layout, BLOCK_FOOTER, ITEM (s, 0),
                             24 + cl_print_layout_text_height (layout, &text_font, footer, w), head,
                             CL_PRINT_BLOCK_NONE);
    }

  /* Nothing at all (no room open, say): one page that says so. */
  if (cl_schedule_sheet_get_n_sections (sheet) == 0)
    cl_print_layout_add (layout, BLOCK_EMPTY, 0, empty, -1, CL_PRINT_BLOCK_NONE);
  return layout;
}

int
cl_schedule_print_n_pages (CLScheduleSheet *sheet,
                           double           width,
                           double           height)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (sheet), 0);

  layout = layout_pages (sheet, width, height);
  return (int) cl_print_layout_get_n_pages (layout);
}

static void
draw_columns (CLScheduleSheet *sheet,
              CLPrintLayout   *layout,
              cairo_t         *cr,
              double           x,
              double           y,
              double           h,
              double           w)
{
  double cx = x;

  /* Column headings on a light band */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_restore (cr);
  for (guint c = 0; c < cl_schedule_sheet_get_n_columns (sheet); c++)
    {
      cl_print_layout_show_text (layout, cr, &bold_font, cl_schedule_sheet_get_header (sheet, c),
                                 cx + CELL_PAD, y + CELL_PAD, column_width (sheet, c, w) - 2 * CELL_PAD);
      cx += column_width (sheet, c, w);
    }
  cl_print_hline (cr, x, x + w, y + h, 0.8);
}

static void
draw_row (CLScheduleSheet *sheet,
          CLPrintLayout   *layout,
          cairo_t         *cr,
          guint            section,
          guint            row,
          double           x,
          double           y,
          double           h,
          double           w)
{
  const char *detail = cl_schedule_sheet_get_detail (sheet, section, row);
  double cells_h = 0, cx = x;

  for (guint c = 0; c < cl_schedule_sheet_get_n_columns (sheet); c++)
    {
      cells_h = MAX (cells_h,
                     cl_print_layout_show_text (layout, cr, &text_font,
                                                cl_schedule_sheet_get_cell (sheet, section, row, c),
                                                cx + CELL_PAD, y + CELL_PAD,
                                                column_width (sheet, c, w) - 2 * CELL_PAD));
      cx += column_width (sheet, c, w);
    }
  if (detail)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      cl_print_layout_show_text (layout, cr, &detail_font, detail,
                                 x + CELL_PAD + column_width (sheet, 0, w), y + CELL_PAD + cells_h + 2,
                                 w - column_width (sheet, 0, w) - 2 * CELL_PAD);
      cairo_restore (cr);
    }
  cl_print_hline (cr, x, x + w, y + h, 0.3);
}

static void
draw_page (CLScheduleSheet *sheet,
           CLPrintLayout   *layout,
           cairo_t         *cr,
           guint            page,
           double           width,
           double           height)
{
  double x = MARGIN, y = MARGIN, w = width - 2 * MARGIN;
  guint n_placements;
  const CLPrintPlacement *placements = cl_print_layout_get_page (layout, page, &n_placements);
  g_autofree char *number = NULL;

  cairo_save (cr);
  cl_print_layout_begin_page (layout, cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  y += cl_print_layout_show_text (layout, cr, &title_font, cl_schedule_sheet_get_title (sheet), x, y, w);
  cl_print_layout_show_text (layout, cr, &text_font, cl_schedule_sheet_get_subtitle (sheet), x, y, w);

  for (guint i = 0; i < n_placements; i++)
    {
      const CLPrintPlacement *at = &placements[i];
      guint section = ITEM_SECTION (at->item);

      switch (at->kind)
        {
        case BLOCK_HEADING:
          {
            g_autofree char *heading = NULL;

            if (at->repeated)
              /* Translators: a section heading on the pages after its first */
              heading = g_strdup_printf (_("%s (continued)"), cl_schedule_sheet_get_heading (sheet, section));
            else
              heading = g_strdup (cl_schedule_sheet_get_heading (sheet, section));
            cl_print_layout_show_text (layout, cr, &heading_font, heading, x, at->y, w);
          }
          break;
        case BLOCK_COLUMNS:
          draw_columns (sheet, layout, cr, x, at->y, at->height, w);
          break;
        case BLOCK_ROW:
          draw_row (sheet, layout, cr, section, ITEM_ROW (at->item), x, at->y, at->height, w);
          break;
        case BLOCK_EMPTY:
          cl_print_layout_show_text (layout, cr, &note_font, cl_schedule_sheet_get_empty_text (sheet),
                                     x, at->y + 8, w);
          break;
        case BLOCK_FOOTER:
          cl_print_layout_show_text (layout, cr, &text_font, cl_schedule_sheet_get_footer (sheet),
                                     x, at->y + 24, w);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* Translators: page numbers */
  number = g_strdup_printf (_("Page %1$d of %2$d"), page + 1, cl_print_layout_get_n_pages (layout));
  {
    g_autoptr(PangoLayout) text = cl_print_layout_text (layout, &number_font, number, w);

    pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
    cairo_move_to (cr, x, height - MARGIN - 10);
    pango_cairo_show_layout (cr, text);
  }

  cairo_restore (cr);
}

void
cl_schedule_print_draw (CLScheduleSheet *sheet,
                        cairo_t         *cr,
                        double           width,
                        double           height,
                        int              page)
{
  g_autoptr(CLPrintLayout) layout = NULL;

  g_return_if_fail (CL_IS_SCHEDULE_SHEET (sheet));
  g_return_if_fail (cr != NULL);

  layout = layout_pages (sheet, width, height);
  if (page >= 0 && (guint) page < cl_print_layout_get_n_pages (layout))
    draw_page (sheet, layout, cr, page, width, height);
  else
    g_critical ("%s: no page %d", G_STRFUNC, page);
}

gboolean
cl_schedule_print_export_pdf (CLScheduleSheet  *sheet,
                              const char       *path,
                              GError          **error)
{
  const double width = CL_PDF_A4_WIDTH, height = CL_PDF_A4_HEIGHT;
  g_autoptr(CLPrintLayout) layout = NULL;
  cairo_t *cr;

  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (sheet), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cr = cl_pdf_begin (path, cl_schedule_sheet_get_title (sheet));
  layout = layout_pages (sheet, width, height);
  for (guint i = 0; i < cl_print_layout_get_n_pages (layout); i++)
    {
      draw_page (sheet, layout, cr, i, width, height);
      cairo_show_page (cr);
    }
  return cl_pdf_end (cr, path, _("The sheet could not be saved as “%s”: %s"), error);
}
