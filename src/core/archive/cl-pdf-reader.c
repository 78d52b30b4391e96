/* cl-pdf-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one file of core that opens a PDF with Poppler: reading and
 * checking a report before it is filed, and decrypting it.  Everything
 * else in core handles a report as bytes (README, "Layout"). */

#define G_LOG_DOMAIN "cl-pdf-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <poppler.h>
#include <string.h>

#include "cl-document-store.h"
#include "cl-util.h"

/* ------------------------------------------------------------------ */
/* Reading and checking a PDF                                          */

static const char *
display_name (const char *path)
{
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  return slash ? slash + 1 : path;
}

/* A PDF starts with "%PDF-" (within its first KiB, as readers allow)
 * and ends with "%%EOF" (a file cut short by a failed copy or download
 * does not, even where Poppler would repair what is left). */
static gboolean
contains (const guint8 *data,
          gsize         size,
          const char   *needle)
{
  gsize len = strlen (needle);

  for (gsize i = 0; i + len <= size; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_pdf (const guint8 *data,
                gsize         size,
                gboolean     *complete)
{
  gsize tail_from = size > 1024 ? size - 1024 : 0;

  *complete = contains (data + tail_from, size - tail_from, "%%EOF");
  return contains (data, MIN (size, 1024), "%PDF-");
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A copy of an encrypted PDF without its encryption: every page drawn
 * by Poppler onto a cairo PDF surface (vector, text stays text), so the
 * archive never needs the password again. */
static GBytes *
redraw_without_password (PopplerDocument *document)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  int n = poppler_document_get_n_pages (document);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cr = cairo_create (surface);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      cairo_save (cr);
      poppler_page_render_for_printing (page, cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      g_object_unref (page);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
read_pdf (const char        *path,
          const char        *password,
          PopplerDocument  **out_document,
          GError           **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  const char *name;
  GStatBuf st;
  gboolean complete;

  name = display_name (path);
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_MISSING,
                   _("“%s” cannot be read"), name);
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes)"), name);
      return NULL;
    }
  if (st.st_size > CL_DOCUMENT_MAX_SIZE)
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MiB, the limit for a report"),
                   name, CL_DOCUMENT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!(mapped = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_MISSING,
                   _("“%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);

  if (!looks_like_pdf (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &complete))
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NOT_PDF,
                   _("“%s” is not a PDF file"), name);
      return NULL;
    }
  if (!complete)
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_DAMAGED,
                   _("“%s” is incomplete or damaged; ask for the report again"), name);
      return NULL;
    }

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL &&
      g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (cl_str_empty (password))
        {
          g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NEEDS_PASSWORD,
                       _("“%s” is protected by a password"), name);
          return NULL;
        }
      g_clear_error (&local_error);
      /* From the file, not the bytes: Poppler 22.12's from_bytes
       * crashes retrying a wrong password. */
      uri = g_filename_to_uri (path, NULL, NULL);
      document = uri ? poppler_document_new_from_file (uri, password, &local_error) : NULL;
      if (document == NULL &&
          g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_WRONG_PASSWORD,
                       _("The password for “%s” is not correct"), name);
          return NULL;
        }
      if (document)
        {
          g_autoptr(GBytes) plain = redraw_without_password (document);

          g_object_unref (document);
          document = poppler_document_new_from_bytes (plain, NULL, &local_error);
          g_bytes_unref (bytes);
          bytes = g_steal_pointer (&plain);
        }
    }
  if (document == NULL)
    {
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be opened"), name);
      return NULL;
    }

  if (poppler_document_get_n_pages (document) < 1)
    {
      g_object_unref (document);
      g_set_error (error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_DAMAGED,
                   _("“%s” has no pages"), name);
      return NULL;
    }
  *out_document = document;
  /* A copy: the mapping goes away with this function. */
  {
    gsize size;
    gconstpointer data = g_bytes_get_data (bytes, &size);

    if (data == g_mapped_file_get_contents (mapped))
      return g_bytes_new (data, size);
  }
  return g_steal_pointer (&bytes);
}

GBytes *
cl_document_read_pdf (const char  *path,
                      const char  *password,
                      gint        *n_pages,
                      char       **title,
                      GError     **error)
{
  PopplerDocument *document = NULL;
  GBytes *bytes;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(bytes = read_pdf (path, password, &document, error)))
    return NULL;
  if (n_pages)
    *n_pages = poppler_document_get_n_pages (document);
  if (title)
    {
      *title = poppler_document_get_title (document);
      if (*title && !g_utf8_validate (*title, -1, NULL))
        g_clear_pointer (title, g_free);
    }
  g_object_unref (document);
  return bytes;
}
