#define G_LOG_DOMAIN "cl-survey-print"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-print-settings.h"
#include "cl-survey-print.h"
#include "cl-survey-print-operation.h"

GtkPrintOperation *
cl_survey_print_operation_new (CLSurveyReport *report)
{
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  const char *quarter;

  g_return_val_if_fail (report != NULL, NULL);

  quarter = cl_survey_results_get_quarter (report->results);
  /* TRANSLATORS: the print job's name; %s is the quarter, 2026-Q4 */
  name = g_strdup_printf (_("Survey report %s"), quarter);
  /* TRANSLATORS: the file Print to File proposes; %s is the quarter, 2026-Q4 */
  file = g_strdup_printf (_("survey-%s.pdf"), quarter);
  return cl_print_operation_new (name, file, (ClPrintPagesFunc) cl_survey_print_n_pages,
                                 (ClPrintDrawFunc) cl_survey_print_draw,
                                 report, (GDestroyNotify) cl_survey_report_free);
}

gboolean
cl_survey_print_run (CLSurveyReport *report,
                     GtkWindow      *parent,
                     GError        **error)
{
  g_autoptr(GtkPrintOperation) op = cl_survey_print_operation_new (report);

  return cl_print_settings_run (op, parent, error);
}
