/* cl-schedule-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-schedule-print"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

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

#define NO_SECTION G_MAXUINT

/* A page: a run of one section's rows, and whether the section's end
 * (its footer) is on it. */
typedef struct
{
  guint    section;
  guint    first_row;
  guint    n_rows;
  gboolean continued;
  gboolean last;
} Page;

static PangoLayout *
new_layout (PangoContext *context,
            double        size,
            PangoWeight   weight,
            PangoStyle    style,
            const char   *text,
            double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
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
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Height of @text laid out at @size in @width. */
static double
text_height (PangoContext *context,
             const char   *text,
             double        size,
             PangoWeight   weight,
             double        width)
{
  g_autoptr(PangoLayout) layout = new_layout (context, size, weight, PANGO_STYLE_NORMAL, text, width);

  return layout_height (layout);
}

/* Draws @text at (x, y) and returns its height. */
static double
draw_text (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        size,
           PangoWeight   weight,
           PangoStyle    style,
           double        x,
           double        y,
           double        width)
{
  g_autoptr(PangoLayout) layout = new_layout (context, size, weight, style, text, width);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return layout_height (layout);
}

static double
column_width (CLScheduleSheet *sheet,
              guint            column,
              double           w)
{
  return cl_schedule_sheet_get_width (sheet, column) * w;
}

static double
row_height (CLScheduleSheet *sheet,
            PangoContext    *context,
            guint            section,
            guint            row,
            double           w)
{
  const char *detail = cl_schedule_sheet_get_detail (sheet, section, row);
  double h = 0;

  for (guint c = 0; c < cl_schedule_sheet_get_n_columns (sheet); c++)
    h = MAX (h, text_height (context, cl_schedule_sheet_get_cell (sheet, section, row, c),
                             TEXT_SIZE, PANGO_WEIGHT_NORMAL,
                             column_width (sheet, c, w) - 2 * CELL_PAD));
  if (detail)
    h += 2 + text_height (context, detail, DETAIL_SIZE, PANGO_WEIGHT_NORMAL, w - 2 * CELL_PAD);
  return h + 2 * CELL_PAD;
}

static double
header_height (CLScheduleSheet *sheet,
               PangoContext    *context,
               double           w)
{
  double h = 0;

  for (guint c = 0; c < cl_schedule_sheet_get_n_columns (sheet); c++)
    h = MAX (h, text_height (context, cl_schedule_sheet_get_header (sheet, c), TEXT_SIZE,
                             PANGO_WEIGHT_BOLD, column_width (sheet, c, w) - 2 * CELL_PAD));
  return h + 2 * CELL_PAD;
}

/* Title, day, section heading and column headings. */
static double
top_height (CLScheduleSheet *sheet,
            PangoContext    *context,
            guint            section,
            double           w)
{
  return text_height (context, cl_schedule_sheet_get_title (sheet), TITLE_SIZE, PANGO_WEIGHT_BOLD, w) +
         text_height (context, cl_schedule_sheet_get_subtitle (sheet), TEXT_SIZE, PANGO_WEIGHT_NORMAL, w) + 10 +
         text_height (context, cl_schedule_sheet_get_heading (sheet, section), HEADING_SIZE, PANGO_WEIGHT_BOLD, w) + 6 +
         header_height (sheet, context, w);
}

static double
end_height (CLScheduleSheet *sheet,
            PangoContext    *context,
            guint            section,
            double           w)
{
  const char *footer = cl_schedule_sheet_get_footer (sheet);
  double h = 0;

  if (cl_schedule_sheet_get_n_rows (sheet, section) == 0)
    h += 8 + text_height (context, cl_schedule_sheet_get_empty_text (sheet), TEXT_SIZE, PANGO_WEIGHT_NORMAL, w);
  if (footer)
    h += 24 + text_height (context, footer, TEXT_SIZE, PANGO_WEIGHT_NORMAL, w);
  return h;
}

static PangoContext *
measuring_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Outline metrics, as on paper: no hinting to the screen's pixels. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

static GArray *
paginate (CLScheduleSheet *sheet,
          PangoContext    *context,
          double           width,
          double           height)
{
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (Page));
  double w = width - 2 * MARGIN;
  double bottom = height - MARGIN - FOOTER_SPACE;

  for (guint s = 0; s < cl_schedule_sheet_get_n_sections (sheet); s++)
    {
      guint n_rows = cl_schedule_sheet_get_n_rows (sheet, s);
      Page page = { s, 0, 0, FALSE, FALSE };
      double top = MARGIN + top_height (sheet, context, s, w);
      double y = top;

      for (guint r = 0; r < n_rows; r++)
        {
          double h = row_height (sheet, context, s, r, w);

          if (y + h > bottom && page.n_rows > 0)
            {
              g_array_append_val (pages, page);
              page = (Page) { s, r, 0, TRUE, FALSE };
              y = top;
            }
          page.n_rows++;
          y += h;
        }

      /* The footer (signatures) stays whole: on a page of its own if
       * need be, under the repeated headings. */
      if (y + end_height (sheet, context, s, w) > bottom && page.n_rows > 0)
        {
          g_array_append_val (pages, page);
          page = (Page) { s, n_rows, 0, TRUE, FALSE };
        }
      page.last = TRUE;
      g_array_append_val (pages, page);
    }

  /* Nothing at all (no room open, say): one page that says so. */
  if (pages->len == 0)
    {
      Page page = { NO_SECTION, 0, 0, FALSE, TRUE };

      g_array_append_val (pages, page);
    }
  return pages;
}

int
cl_schedule_print_n_pages (CLScheduleSheet *sheet,
                           double           width,
                           double           height)
{
  PangoContext *context;
  g_autoptr(GArray) pages = NULL;

  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (sheet), 0);

  context = measuring_context ();
  pages = paginate (sheet, context, width, height);
  g_object_unref (context);
  return MAX (1, (int) pages->len);
}

static void
draw_page (CLScheduleSheet *sheet,
           cairo_t         *cr,
           PangoContext    *context,
           const Page      *page,
           int              index,
           int              n_pages,
           double           width,
           double           height)
{
  double x = MARGIN, y = MARGIN, w = width - 2 * MARGIN;
  g_autofree char *heading = NULL;
  g_autofree char *number = NULL;
  guint n_columns = cl_schedule_sheet_get_n_columns (sheet);
  double head_h, cx;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  y += draw_text (cr, context, cl_schedule_sheet_get_title (sheet), TITLE_SIZE,
                  PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, x, y, w);
  y += draw_text (cr, context, cl_schedule_sheet_get_subtitle (sheet), TEXT_SIZE,
                  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, x, y, w) + 10;

  if (page->section == NO_SECTION)
    {
      draw_text (cr, context, cl_schedule_sheet_get_empty_text (sheet), TEXT_SIZE,
                 PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, x, y + 8, w);
      goto page_number;
    }

  if (page->continued)
    /* Translators: a section heading on the pages after its first */
    heading = g_strdup_printf (_("%s (continued)"), cl_schedule_sheet_get_heading (sheet, page->section));
  else
    heading = g_strdup (cl_schedule_sheet_get_heading (sheet, page->section));
  y += draw_text (cr, context, heading, HEADING_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, x, y, w) + 6;

  /* Column headings on a light band */
  head_h = header_height (sheet, context, w);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_rectangle (cr, x, y, w, head_h);
  cairo_fill (cr);
  cairo_restore (cr);
  cx = x;
  for (guint c = 0; c < n_columns; c++)
    {
      draw_text (cr, context, cl_schedule_sheet_get_header (sheet, c), TEXT_SIZE, PANGO_WEIGHT_BOLD,
                 PANGO_STYLE_NORMAL, cx + CELL_PAD, y + CELL_PAD, column_width (sheet, c, w) - 2 * CELL_PAD);
      cx += column_width (sheet, c, w);
    }
  y += head_h;
  cl_print_hline (cr, x, x + w, y, 0.8);

  for (guint r = page->first_row; r < page->first_row + page->n_rows; r++)
    {
      double h = row_height (sheet, context, page->section, r, w);
      const char *detail = cl_schedule_sheet_get_detail (sheet, page->section, r);
      double cells_h = 0;

      cx = x;
      for (guint c = 0; c < n_columns; c++)
        {
          cells_h = MAX (cells_h,
                         draw_text (cr, context, cl_schedule_sheet_get_cell (sheet, page->section, r, c),
                                    TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                    cx + CELL_PAD, y + CELL_PAD, column_width (sheet, c, w) - 2 * CELL_PAD));
          cx += column_width (sheet, c, w);
        }
      if (detail)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          draw_text (cr, context, detail, DETAIL_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
                     x + CELL_PAD + column_width (sheet, 0, w), y + CELL_PAD + cells_h + 2,
                     w - column_width (sheet, 0, w) - 2 * CELL_PAD);
          cairo_restore (cr);
        }
      y += h;
      cl_print_hline (cr, x, x + w, y, 0.3);
    }

  if (page->last)
    {
      if (cl_schedule_sheet_get_n_rows (sheet, page->section) == 0)
        y += 8 + draw_text (cr, context, cl_schedule_sheet_get_empty_text (sheet), TEXT_SIZE,
                            PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, x, y + 8, w);
      if (cl_schedule_sheet_get_footer (sheet))
        draw_text (cr, context, cl_schedule_sheet_get_footer (sheet), TEXT_SIZE,
                   PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, x, y + 24, w);
    }

page_number:
  /* Translators: page numbers */
  number = g_strdup_printf (_("Page %1$d of %2$d"), index + 1, n_pages);
  {
    g_autoptr(PangoLayout) layout = new_layout (context, DETAIL_SIZE, PANGO_WEIGHT_NORMAL,
                                                PANGO_STYLE_NORMAL, number, w);

    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    cairo_move_to (cr, x, height - MARGIN - 10);
    pango_cairo_show_layout (cr, layout);
  }

  cairo_restore (cr);
}

/* The measuring context with @cr's transformation, so what was measured
 * is what is drawn. */
static PangoContext *
drawing_context (cairo_t *cr)
{
  PangoContext *context = measuring_context ();

  pango_cairo_update_context (cr, context);
  return context;
}

void
cl_schedule_print_draw (CLScheduleSheet *sheet,
                        cairo_t         *cr,
                        double           width,
                        double           height,
                        int              page)
{
  PangoContext *context;
  g_autoptr(GArray) pages = NULL;

  g_return_if_fail (CL_IS_SCHEDULE_SHEET (sheet));
  g_return_if_fail (cr != NULL);

  context = drawing_context (cr);
  pages = paginate (sheet, context, width, height);
  if (page >= 0 && (guint) page < pages->len)
    draw_page (sheet, cr, context, &g_array_index (pages, Page, page), page, (int) pages->len,
               width, height);
  else
    g_critical ("%s: no page %d", G_STRFUNC, page);
  g_object_unref (context);
}

gboolean
cl_schedule_print_export_pdf (CLScheduleSheet  *sheet,
                              const char       *path,
                              GError          **error)
{
  const double width = 595, height = 842;   /* A4 in points */
  PangoContext *context;
  g_autoptr(GArray) pages = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (sheet), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  cl_schedule_sheet_get_title (sheet));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Careline");
  cr = cairo_create (surface);

  context = drawing_context (cr);
  pages = paginate (sheet, context, width, height);
  for (guint i = 0; i < pages->len; i++)
    {
      draw_page (sheet, cr, context, &g_array_index (pages, Page, i), (int) i, (int) pages->len,
                 width, height);
      cairo_show_page (cr);
    }
  g_object_unref (context);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The sheet could not be saved as “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
