#define G_LOG_DOMAIN "cl-summary-print"

#include "config.h"

#include "cl-print-settings.h"
#include "cl-summary-print-operation.h"

GtkPrintOperation *
cl_summary_print_operation_new (ClPatientSummary *summary)
{
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  /* The name its PDF export proposes. */
  file_name = cl_patient_summary_file_name (summary);
  return cl_print_operation_new (cl_patient_summary_get_title (summary), file_name,
                                 (ClPrintPagesFunc) cl_patient_summary_n_pages,
                                 (ClPrintDrawFunc) cl_patient_summary_draw,
                                 summary, (GDestroyNotify) cl_patient_summary_free);
}
