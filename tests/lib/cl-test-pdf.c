#define G_LOG_DOMAIN "cl-test-pdf"

#include "config.h"

#include <cairo-pdf.h>

#include "cl-test-pdf.h"

void
cl_test_pdf_write_text (const char *path,
                        int         n_pages,
                        const char *marker)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Check report");
  for (int p = 1; p <= n_pages; p++)
    {
      g_autofree char *heading = g_strdup_printf ("Page %d of %d", p, n_pages);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 18);
      cairo_move_to (cr, 60, 80);
      cairo_show_text (cr, heading);
      cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 11);
      for (int line = 0; line < 40; line++)
        {
          g_autofree char *text = line == 5
            ? g_strdup_printf ("Finding: %s within normal range", marker)
            : g_strdup_printf ("Measurement %d.%d: value within the reference interval", p, line);

          cairo_move_to (cr, 60, 120 + line * 16);
          cairo_show_text (cr, text);
        }
      cairo_rectangle (cr, 60, 780, 475, 1);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}
