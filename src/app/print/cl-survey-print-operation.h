#pragma once

#include <gtk/gtk.h>

#include "cl-survey-results.h"

G_BEGIN_DECLS

/* Prints a department's survey report through GtkPrintOperation, with
 * the drawing function of cl-survey-print.h that the PDF export uses
 * too. */

/* A print operation for @report (taken) with the kept settings; runs
 * nothing yet.  Exposed for tests. */
GtkPrintOperation *cl_survey_print_operation_new (CLSurveyReport *report);

/* Shows the print dialog over @parent and prints @report (taken). */
gboolean           cl_survey_print_run           (CLSurveyReport *report,
                                                  GtkWindow      *parent,
                                                  GError        **error);

G_END_DECLS
