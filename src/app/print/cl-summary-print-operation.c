#define G_LOG_DOMAIN "cl-summary-print"

#include "config.h"

#include "cl-print-settings.h"
#include "cl-summary-print-operation.h"

GtkPrintOperation *
cl_summary_print_operation_new (ClPatientSummary *summary)
{
  GtkPrintOperation *op;

  g_return_val_if_fail (summary != NULL, NULL);

  op = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (op, cl_patient_summary_get_title (summary));
  cl_print_settings_prepare (op);
  cl_print_settings_draw_with (op, (ClPrintNPagesFunc) cl_patient_summary_n_pages,
                               (ClPrintDrawFunc) cl_patient_summary_draw,
                               summary, (GDestroyNotify) cl_patient_summary_free);
  return op;
}
