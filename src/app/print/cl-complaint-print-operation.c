#define G_LOG_DOMAIN "cl-complaint-print"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-complaint-print.h"
#include "cl-complaint-print-operation.h"
#include "cl-print-settings.h"

GtkPrintOperation *
cl_complaint_print_operation_new (CLComplaintReport *report)
{
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT (report), NULL);

  /* TRANSLATORS: the print job's name; %s is the month, 2026-11 */
  name = g_strdup_printf (_("Complaints %s"), cl_complaint_report_get_month (report));
  /* TRANSLATORS: the file Print to File proposes; %s is the month, 2026-11 */
  file = g_strdup_printf (_("complaints-%s.pdf"), cl_complaint_report_get_month (report));
  return cl_print_operation_new (name, file, (ClPrintPagesFunc) cl_complaint_print_n_pages,
                                 (ClPrintDrawFunc) cl_complaint_print_draw,
                                 g_object_ref (report), g_object_unref);
}

gboolean
cl_complaint_print_run (CLComplaintReport *report,
                        GtkWindow         *parent,
                        GError           **error)
{
  g_autoptr(GtkPrintOperation) op = cl_complaint_print_operation_new (report);

  return cl_print_settings_run (op, parent, error);
}
