#pragma once

#include <gtk/gtk.h>

#include "cl-settlement.h"

G_BEGIN_DECLS

/* Prints a monthly statement through GtkPrintOperation, with the same
 * drawing function as the PDF export (cl-statement-print.h).  The
 * print settings and page setup last chosen are kept in the user data
 * dir (careline/print-settings.ini, a GKeyFile) and offered next time. */

/* A print operation for @settlement, set up with the saved settings;
 * runs nothing yet.  Exposed for tests. */
GtkPrintOperation *cl_statement_print_operation_new (CLSettlement *settlement);

/* Shows the print dialog for @settlement over @parent and prints;
 * saves the settings when printed.  FALSE with @error if printing
 * failed. */
gboolean           cl_statement_print_run           (CLSettlement *settlement,
                                                     GtkWindow    *parent,
                                                     GError      **error);

G_END_DECLS
