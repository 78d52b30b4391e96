#define G_LOG_DOMAIN "cl-statement-print"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-print-settings.h"
#include "cl-statement-print-operation.h"
#include "cl-statement-print.h"

GtkPrintOperation *
cl_statement_print_operation_new (CLSettlement *settlement)
{
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *month = NULL;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (CL_IS_SETTLEMENT (settlement), NULL);

  month = cl_date_format_month (cl_settlement_get_month (settlement));
  /* Translators: the print job's name; %s is a month, "October 2026" */
  name = g_strdup_printf (_("Service fee statement %s"), month);
  /* The name its PDF export proposes (cl-settlement-view.c). */
  stem = g_strdup_printf (_("statement-%s"), cl_settlement_get_month (settlement));
  file_name = g_strconcat (stem, ".pdf", NULL);
  return cl_print_operation_new (name, file_name, (ClPrintPagesFunc) cl_statement_n_pages,
                                 (ClPrintDrawFunc) cl_statement_draw,
                                 g_object_ref (settlement), g_object_unref);
}

gboolean
cl_statement_print_run (CLSettlement *settlement,
                        GtkWindow    *parent,
                        GError      **error)
{
  g_autoptr(GtkPrintOperation) op = cl_statement_print_operation_new (settlement);

  return cl_print_settings_run (op, parent, error);
}
