#define G_LOG_DOMAIN "cl-summary-print"

#include "config.h"

#include "cl-print-settings.h"
#include "cl-summary-print-operation.h"

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                ClPatientSummary  *summary)
{
  gtk_print_operation_set_n_pages (op, cl_patient_summary_n_pages (summary,
                                                                   gtk_print_context_get_width (context),
                                                                   gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              ClPatientSummary  *summary)
{
  cl_patient_summary_draw (summary, gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context), page);
}

GtkPrintOperation *
cl_summary_print_operation_new (ClPatientSummary *summary)
{
  GtkPrintOperation *op;

  g_return_val_if_fail (summary != NULL, NULL);

  op = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (op, cl_patient_summary_get_title (summary));
  cl_print_settings_prepare (op);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), summary);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), summary);
  g_object_set_data_full (G_OBJECT (op), "summary", summary, (GDestroyNotify) cl_patient_summary_free);
  return op;
}
