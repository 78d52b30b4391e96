#define G_LOG_DOMAIN "test-hardening2-pdf"

#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cl-pdf-check.h"
#include "cl-test-desk.h"
#include "cl-test-pdf.h"
#include "cl-test-util.h"
#include "hardening2-common.h"

/* Hostile PDFs against the real server (cl-pdf-check.h): each is
 * answered 400 by the checker subprocess, and the server goes on
 * serving, a good PDF included. */

static const char *server_binary;

/* A PDF of @n_objects objects (numbered from 1, the first the catalog)
 * with a correct cross-reference table. */
static GBytes *
build_pdf (const char * const *objects,
           guint               n_objects)
{
  GString *pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autofree gsize *offsets = g_new0 (gsize, n_objects);
  gsize xref;

  for (guint i = 0; i < n_objects; i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n_objects + 1);
  for (guint i = 0; i < n_objects; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          n_objects + 1, xref);
  return g_string_free_to_bytes (pdf);
}

#define CATALOG "<< /Type /Catalog /Pages 2 0 R >>"
#define PAGE "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"

static GBytes *
pages_pdf (guint n_pages)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  GString *kids = g_string_new (NULL);
  GBytes *pdf;

  g_ptr_array_add (objects, g_strdup (CATALOG));
  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (kids, "%u 0 R ", i + 3);
  g_ptr_array_add (objects, g_strdup_printf ("<< /Type /Pages /Kids [%s] /Count %u >>", kids->str, n_pages));
  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (objects, g_strdup (PAGE));
  pdf = build_pdf ((const char * const *) objects->pdata, objects->len);
  g_string_free (kids, TRUE);
  return pdf;
}

/* One page whose content stream inflates to @megabytes MiB of blanks. */
static GBytes *
bomb_pdf (guint megabytes)
{
  g_autoptr(GConverter) deflater = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9));
  g_autoptr(GByteArray) packed = g_byte_array_new ();
  g_autofree char *zeros = g_malloc0 (1024 * 1024);
  g_autofree char *out = g_malloc (1024 * 1024);
  const char *objects[3];
  g_autofree char *content = NULL;

  for (guint i = 0; i < megabytes; i++)
    {
      gsize offset = 0;
      GConverterFlags flags = i + 1 == megabytes ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS;

      for (;;)
        {
          gsize read = 0, written = 0;
          GConverterResult result;
          g_autoptr(GError) error = NULL;

          result = g_converter_convert (deflater, zeros + offset, 1024 * 1024 - offset, out, 1024 * 1024,
                                        flags, &read, &written, &error);
          g_assert_no_error (error);
          g_byte_array_append (packed, (guint8 *) out, written);
          offset += read;
          if (result == G_CONVERTER_FINISHED || (offset == 1024 * 1024 && flags == 0))
            break;
        }
    }
  content = g_strdup_printf ("<< /Length %u /Filter /FlateDecode >>\nstream\n", packed->len);
  objects[0] = CATALOG;
  objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
  objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>";
  /* The stream holds NULs: build_pdf's "%s" would cut it. */
  {
    GString *file = g_string_new ("%PDF-1.4\n");
    gsize offsets[4], xref;

    for (guint i = 0; i < 4; i++)
      {
        offsets[i] = file->len;
        g_string_append_printf (file, "%u 0 obj\n", i + 1);
        if (i == 3)
          {
            g_string_append (file, content);
            g_string_append_len (file, (const char *) packed->data, packed->len);
            g_string_append (file, "\nendstream");
          }
        else
          g_string_append (file, objects[i]);
        g_string_append (file, "\nendobj\n");
      }
    xref = file->len;
    g_string_append (file, "xref\n0 5\n0000000000 65535 f \n");
    for (guint i = 0; i < 4; i++)
      g_string_append_printf (file, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
    g_string_append_printf (file, "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);
    return g_string_free_to_bytes (file);
  }
}

static guint
put (const char *url,
     const char *token,
     GBytes     *pdf,
     char      **code)
{
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *path = g_strdup_printf ("/documents/%s", sha);
  g_autofree char *full = h2_api (url, path);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint status;

  reply = cl_test_http ("PUT", full, token, "application/pdf", pdf, &status, NULL);
  if (code)
    {
      *code = NULL;
      if (json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *root = json_node_get_object (json_parser_get_root (parser));

          if (json_object_has_member (root, "error"))
            *code = g_strdup (json_object_get_string_member (json_object_get_object_member (root, "error"), "code"));
        }
    }
  return status;
}

static void
assert_refused (const char *what,
                const char *url,
                const char *token,
                GBytes     *pdf)
{
  g_autofree char *code = NULL;
  gint64 start = g_get_monotonic_time ();
  guint status = put (url, token, pdf, &code);

  g_test_message ("%s (%" G_GSIZE_FORMAT " bytes): %u %s after %" G_GINT64_FORMAT " ms", what,
                  g_bytes_get_size (pdf), status, code, (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpuint (status, ==, 400);
  g_assert_cmpstr (code, ==, "not_pdf");
  g_assert_true (h2_healthy (url));
}

static void
test_hostile (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-hardening2-pdf");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.pdf", NULL);
  g_autofree char *url = NULL, *token = NULL, *good = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GBytes) good_pdf = NULL, loop = NULL, self_loop = NULL, many = NULL, bomb = NULL;
  g_autoptr(GBytes) plain = NULL, junk = NULL;
  gsize length;

  h2_add_user (server_binary, db, "cm", "case_manager");
  server = cl_test_start_server (server_binary, db, &url);
  g_assert_cmpuint (h2_log_in (url, "cm", H2_PASSWORD, &token), ==, 200);

  /* The page tree's Kids lead back to the parent, or to the node itself. */
  {
    const char *objects[] = {
      CATALOG,
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    };
    const char *self[] = { CATALOG, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>" };

    loop = build_pdf (objects, G_N_ELEMENTS (objects));
    self_loop = build_pdf (self, G_N_ELEMENTS (self));
  }
  assert_refused ("page tree loop", url, token, loop);
  assert_refused ("page tree self-loop", url, token, self_loop);
  many = pages_pdf (CL_PDF_CHECK_MAX_PAGES + 1);
  assert_refused ("too many pages", url, token, many);
  bomb = bomb_pdf (1100);
  assert_refused ("decompression bomb", url, token, bomb);
  junk = g_bytes_new_static ("%PDF-1.7\n\x01\x02 garbage", 20);
  assert_refused ("junk", url, token, junk);

  /* Good ones still go in: a hand-made one of three pages, and a real
   * report. */
  plain = pages_pdf (3);
  g_assert_cmpuint (put (url, token, plain, NULL), ==, 201);
  cl_test_pdf_write_text (good_path, 3, "hardening");
  g_assert_true (g_file_get_contents (good_path, &good, &length, NULL));
  good_pdf = g_bytes_new (good, length);
  g_assert_cmpuint (put (url, token, good_pdf, NULL), ==, 201);
  g_assert_cmpuint (put (url, token, good_pdf, NULL), ==, 200);

  cl_test_stop_server (&server);
  cl_test_remove_tree (dir);
}

/* The checker as a command: its exit status and reason. */
static void
test_command (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-hardening2-pdf-command");
  g_autofree char *path = g_build_filename (dir, "loop.pdf", NULL);
  g_autofree char *out = NULL;
  const char *self[] = { CATALOG, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>" };
  g_autoptr(GBytes) loop = build_pdf (self, G_N_ELEMENTS (self));

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (loop, NULL), g_bytes_get_size (loop), NULL));
  g_assert_cmpint (cl_test_run_server_cli_output (server_binary, &out, NULL, "check-pdf", path, NULL), ==, 1);
  g_test_message ("check-pdf: %s", out);
  g_assert_cmpint (cl_test_run_server_cli_output (server_binary, NULL, NULL, "check-pdf", NULL), ==, 2);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  server_binary = cl_test_server_binary ();
  if (server_binary == NULL)
    return g_test_run ();
  g_test_add_func ("/hardening2/pdf/hostile", test_hostile);
  g_test_add_func ("/hardening2/pdf/command", test_command);
  return g_test_run ();
}
