#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Untrusted PDFs are opened by Poppler in a subprocess, never in the
 * server (README, "Reliability"): `careline-server check-pdf -` reads
 * the upload on standard input under a memory and CPU limit, and the
 * server kills it after a wall-clock limit.  A PDF that crashes Poppler,
 * loops in it or expands without end costs its upload a 400, never the
 * server. */

/* The most pages a report may have. */
#define CL_PDF_CHECK_MAX_PAGES 2000

/* `careline-server check-pdf FILE` (FILE may be "-", standard input):
 * exit status 0 for a PDF the archive accepts, 1 (with the reason on
 * standard output) for one it refuses, 2 for wrong use. */
int      cl_pdf_check_main   (int                   argc,
                              char                **argv);

/* Checks @bytes in a subprocess of the running program.  Runs its
 * callback in the calling thread's thread-default main context. */
void     cl_pdf_check_async  (GBytes               *bytes,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);

/* FALSE with a translated message in @error (G_IO_ERROR_INVALID_DATA:
 * refused; G_IO_ERROR_BUSY: too many checks at once, try again) */
gboolean cl_pdf_check_finish (GAsyncResult         *result,
                              GError              **error);

G_END_DECLS
