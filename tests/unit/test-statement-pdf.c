#define G_LOG_DOMAIN "test-statement-pdf"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cl-test-util.h"
#include "cl-statement-print.h"

static const char *names[] = { "张小梅", "李秀英", "王丽", "刘晓燕", "陈静怡", "杨雪" };

/* The example built by hand: 38 payments of 2 980.00, two of
 * them refunded, 35.25 %, a 2 000.00 deduction: payable 35 816.20. */
static CLSettlement *
october (void)
{
  CLSettlement *s = cl_settlement_new ("2026-10");

  for (guint i = 0; i < 38; i++)
    {
      g_autofree char *key = g_strdup_printf ("p:%02u", i);
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", 1 + i % 28);
      g_autofree char *receipt = g_strdup_printf ("FP%06u", 1000 + i);

      cl_settlement_add_line (s, CL_SETTLEMENT_PAYMENT, key, date, names[i % G_N_ELEMENTS (names)],
                              "全孕期", receipt, 298000, 3525, NULL);
    }
  cl_settlement_add_line (s, CL_SETTLEMENT_REFUND, "r:03", "2026-10-30", "刘晓燕", "全孕期", NULL, 298000, 3525, NULL);
  cl_settlement_add_line (s, CL_SETTLEMENT_REFUND, "r:17", "2026-10-30", "杨雪", "全孕期", NULL, 298000, 3525, NULL);
  cl_settlement_add_deduction (s, "d:1", "2026-10-15", 200000, "导诊台检查未整改", "XJ-2026-031", NULL);
  cl_settlement_finish (s);
  return s;
}

static void
test_pdf_content (void)
{
  g_autoptr(CLSettlement) s = october ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cl_test_make_tmp_dir ("statement-pdf");
  g_autofree char *path = g_build_filename (dir, "statement.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *head = NULL;

  if (!g_find_program_in_path ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_assert_true (cl_statement_export_pdf (s, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  text = cl_test_pdf_text (path, 0, 0);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Careline Demonstration Hospital"));
  g_assert_nonnull (strstr (text, "Monthly Service Fee Statement Oct 2026"));
  /* dated short, against the statement's month */
  g_assert_nonnull (strstr (text, "1 Oct "));
  g_assert_null (strstr (text, "1 Oct 2026"));
  /* masked names, readable Chinese */
  g_assert_nonnull (strstr (text, "张*梅"));
  g_assert_nonnull (strstr (text, "陈*怡"));
  g_assert_null (strstr (text, "张小梅"));
  g_assert_nonnull (strstr (text, "全孕期"));
  g_assert_nonnull (strstr (text, "2,980.00"));
  g_assert_nonnull (strstr (text, "1,050.45"));
  g_assert_nonnull (strstr (text, "-1,050.45"));
  g_assert_nonnull (strstr (text, "113,240.00"));
  g_assert_nonnull (strstr (text, "5,960.00"));
  g_assert_nonnull (strstr (text, "107,280.00"));
  g_assert_nonnull (strstr (text, "37,816.20"));
  g_assert_nonnull (strstr (text, "35.25%"));
  g_assert_nonnull (strstr (text, "导诊台检查未整改"));
  g_assert_nonnull (strstr (text, "Amount payable"));
  g_assert_nonnull (strstr (text, "35,816.20"));
  /* 35 816.20 in financial capitals, as a signed statement has it */
  g_assert_nonnull (strstr (text, "In words: RMB 叁万伍仟捌佰壹拾陆元贰角整"));
  g_assert_nonnull (strstr (text, "Hospital (seal and signature)"));
  g_assert_nonnull (strstr (text, "Vendor (seal and signature)"));
  g_assert_nonnull (strstr (text, "Last 12 months"));
  /* The Kind column names every line as the screen does: 38 payments
   * and 2 refunds, each on its line with its package. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    guint payments = 0, refunds = 0;

    for (guint i = 0; lines[i]; i++)
      if (strstr (lines[i], "全孕期"))
        {
          payments += strstr (lines[i], "Payment") != NULL;
          refunds += strstr (lines[i], "Refund") != NULL;
        }
    g_assert_cmpuint (payments, ==, 38);
    g_assert_cmpuint (refunds, ==, 2);
  }

  cl_test_remove_tree (dir);
}

/* Pagination: many lines take many pages, every line is on one, the
 * summary comes last; drawing any page works on any surface. */
static void
test_pages (void)
{
  g_autoptr(CLSettlement) empty = cl_settlement_new ("2026-09");
  g_autoptr(CLSettlement) big = cl_settlement_new ("2026-10");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cl_test_make_tmp_dir ("statement-pages");
  g_autofree char *path = g_build_filename (dir, "big.pdf", NULL);
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int n;

  cl_settlement_finish (empty);
  g_assert_cmpint (cl_statement_n_pages (empty, 595, 842), ==, 1);

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *key = g_strdup_printf ("p:%u", i);
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", 1 + i % 31);

      cl_settlement_add_line (big, CL_SETTLEMENT_PAYMENT, key, date, names[i % G_N_ELEMENTS (names)],
                              "孕中期", NULL, 198000, 3525, i % 7 == 0 ? "2026-09" : NULL);
    }
  cl_settlement_finish (big);
  n = cl_statement_n_pages (big, 595, 842);
  g_assert_cmpint (n, >=, 8);
  g_assert_cmpint (n, <=, 12);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  for (int i = 0; i < n; i++)
    cl_statement_draw (big, cr, 595, 842, i);
  cl_statement_draw (empty, cr, 595, 842, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (!g_find_program_in_path ("pdftotext"))
    return;
  g_assert_true (cl_statement_export_pdf (big, path, &error));
  g_assert_no_error (error);
  text = cl_test_pdf_text (path, 0, 0);
  /* the last line's number, the last page, an adjustment line */
  g_assert_nonnull (strstr (text, " 500 "));
  g_assert_nonnull (strstr (text, "(late, for Sep 2026)"));
  {
    g_autofree char *last = g_strdup_printf ("Page %d of %d", n, n);

    g_assert_nonnull (strstr (text, last));
  }
  /* 500 × 697.95 = 348 975.00 */
  g_assert_nonnull (strstr (text, "348,975.00"));

  cl_test_remove_tree (dir);
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static GBytes *
export_bytes (CLSettlement *s,
              const char   *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_statement_export_pdf (s, path, &error));
  g_assert_no_error (error);
  return read_bytes (path);
}

/* The PDF's /CreationDate, without the "D:" that cairo 1.16 leaves out. */
static char *
creation_date (GBytes *pdf)
{
  const char *key = "/CreationDate (";
  const gsize key_len = strlen (key);
  const char *data = g_bytes_get_data (pdf, NULL);
  gsize size = g_bytes_get_size (pdf);
  const char *at = NULL;
  const char *end;

  /* The streams hold NUL bytes: no str* search over the whole file. */
  for (gsize i = 0; at == NULL && i + key_len <= size; i++)
    if (memcmp (data + i, key, key_len) == 0)
      at = data + i;
  g_assert_nonnull (at);
  at += key_len;
  if (g_str_has_prefix (at, "D:"))
    at += 2;
  end = memchr (at, ')', size - (at - data));
  g_assert_nonnull (end);
  return g_strndup (at, end - at);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* The same statement is the same PDF, byte for byte: exported twice
 * here, a second apart, and once in another run of this program, where
 * the fonts sit at other addresses (the glyph batches once went out in
 * the order of those); dated by the month, never by the clock. */
static void
test_pdf_reproducible (void)
{
  g_autoptr(CLSettlement) open = october ();
  g_autoptr(CLSettlement) closed = october ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *child_path = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) child = NULL;
  g_autoptr(GBytes) closed_first = NULL;
  g_autoptr(GBytes) closed_again = NULL;

  /* 2026-11-02 09:30 +08:00 */
  cl_settlement_set_closed (closed, "财务 王芳", 1793583000);

  if (g_test_subprocess ())
    {
      g_bytes_unref (export_bytes (open, g_getenv ("CL_TEST_STATEMENT_PDF")));
      return;
    }

  dir = cl_test_make_tmp_dir ("statement-same");
  path = g_build_filename (dir, "statement.pdf", NULL);
  child_path = g_build_filename (dir, "child.pdf", NULL);

  first = export_bytes (open, path);
  g_usleep (G_USEC_PER_SEC + G_USEC_PER_SEC / 10);
  again = export_bytes (open, path);
  assert_same_bytes (first, again);

  g_setenv ("CL_TEST_STATEMENT_PDF", child_path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("CL_TEST_STATEMENT_PDF");
  child = read_bytes (child_path);
  assert_same_bytes (first, child);

  /* Dated on the first of the month while open, when closed after. */
  {
    g_autofree char *date = creation_date (first);

    g_assert_cmpstr (date, ==, "20261001000000Z");
  }
  closed_first = export_bytes (closed, path);
  closed_again = export_bytes (closed, path);
  assert_same_bytes (closed_first, closed_again);
  {
    g_autofree char *date = creation_date (closed_first);

    g_assert_cmpstr (date, ==, "20261102013000Z");
  }

  cl_test_remove_tree (dir);
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(CLSettlement) s = october ();
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_statement_export_pdf (s, "/nonexistent-dir/x/statement.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/statement/pdf", test_pdf_content);
  g_test_add_func ("/statement/pages", test_pages);
  g_test_add_func ("/statement/reproducible", test_pdf_reproducible);
  g_test_add_func ("/statement/unwritable", test_pdf_unwritable);

  return g_test_run ();
}
