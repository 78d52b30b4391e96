#pragma once

#include <gtk/gtk.h>

#include "cl-complaint-report.h"

G_BEGIN_DECLS

/* Prints the monthly complaint report through GtkPrintOperation, with
 * the drawing function of cl-complaint-print.h that the PDF export
 * uses too. */

/* A print operation for @report with the kept settings; runs nothing
 * yet.  Exposed for tests. */
GtkPrintOperation *cl_complaint_print_operation_new (CLComplaintReport *report);

/* Shows the print dialog over @parent and prints. */
gboolean           cl_complaint_print_run           (CLComplaintReport *report,
                                                     GtkWindow         *parent,
                                                     GError           **error);

G_END_DECLS
