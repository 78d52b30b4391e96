#pragma once

#include <gtk/gtk.h>

#include "cl-schedule-sheet.h"

G_BEGIN_DECLS

/* Prints an escort day sheet or a VIP room day list (a CLScheduleSheet
 * from core) through GtkPrintOperation, with the drawing function of
 * cl-schedule-print.h that the PDF export uses too. */

/* A print operation for @sheet with the kept settings; runs nothing
 * yet.  Exposed for tests. */
GtkPrintOperation *cl_sheet_print_operation_new (CLScheduleSheet *sheet);

/* Shows the print dialog over @parent and prints. */
gboolean           cl_sheet_print_run           (CLScheduleSheet *sheet,
                                                 GtkWindow       *parent,
                                                 GError         **error);

/* Asks where to export @sheet as a PDF (cl_export_run() from
 * @widget, proposing @file_name) and writes it there with
 * cl_schedule_print_export_pdf(). */
void               cl_sheet_export_pdf_run      (CLScheduleSheet *sheet,
                                                 GtkWidget       *widget,
                                                 const char      *file_name);

G_END_DECLS
