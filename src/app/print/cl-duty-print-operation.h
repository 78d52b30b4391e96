#pragma once

#include <gtk/gtk.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* Prints a week of the duty roster through GtkPrintOperation, landscape,
 * with the drawing function of cl-duty-print.h that the PDF export
 * uses too. */

/* A print operation for the week of @day as @store holds it, with the
 * kept settings; runs nothing yet.  Exposed for tests. */
GtkPrintOperation *cl_duty_print_operation_new (CLStore     *store,
                                                const GDate *day);

/* Shows the print dialog over @parent and prints. */
gboolean           cl_duty_print_run           (CLStore     *store,
                                                const GDate *day,
                                                GtkWindow   *parent,
                                                GError     **error);

G_END_DECLS
