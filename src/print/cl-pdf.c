#define G_LOG_DOMAIN "cl-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>

#include "cl-pdf.h"

cairo_t *
cl_pdf_begin (const char *path,
              const char *title)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, NULL);

  surface = cairo_pdf_surface_create (path, CL_PDF_A4_WIDTH, CL_PDF_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Careline");
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);   /* the context holds it */
  return cr;
}

void
cl_pdf_set_create_date (cairo_t *cr,
                        gint64   when)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (when);
  g_autofree char *iso = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (at != NULL);

  iso = g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
  cairo_pdf_surface_set_metadata (cairo_get_target (cr), CAIRO_PDF_METADATA_CREATE_DATE, iso);
}

gboolean
cl_pdf_end (cairo_t     *cr,
            const char  *path,
            const char  *error_format,
            GError     **error)
{
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  cairo_status_t status;

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, error_format,
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
