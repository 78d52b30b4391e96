#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Real PDFs for the archive's tests, drawn with cairo-pdf: @n_pages A4
 * pages of report text, each with "Page N of M" and @marker (a word
 * the search tests look for) on every page.  Aborts the test on
 * failure. */
void cl_test_pdf_write_text (const char *path,
                             int         n_pages,
                             const char *marker);

G_END_DECLS
