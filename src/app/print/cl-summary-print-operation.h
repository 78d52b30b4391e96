#pragma once

#include <gtk/gtk.h>

#include "cl-summary-print.h"

G_BEGIN_DECLS

/* Prints a patient summary through GtkPrintOperation with the drawing
 * function of the PDF export (cl-summary-print.h); the summary is
 * owned by the operation. */
GtkPrintOperation *cl_summary_print_operation_new (ClPatientSummary *summary);

G_END_DECLS
