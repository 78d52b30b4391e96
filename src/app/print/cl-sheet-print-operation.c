#define G_LOG_DOMAIN "cl-sheet-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-export.h"
#include "cl-print-settings.h"
#include "cl-schedule-print.h"
#include "cl-sheet-print-operation.h"

GtkPrintOperation *
cl_sheet_print_operation_new (CLScheduleSheet *sheet)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_SCHEDULE_SHEET (sheet), NULL);

  /* Translators: the print job's name: a sheet's title and its day */
  name = g_strdup_printf (_("%s %s"), cl_schedule_sheet_get_title (sheet),
                          cl_schedule_sheet_get_subtitle (sheet) ? cl_schedule_sheet_get_subtitle (sheet) : "");
  /* Print to File proposes the sheet's title and day. */
  return cl_print_operation_new (g_strstrip (name), NULL, (ClPrintPagesFunc) cl_schedule_print_n_pages,
                                 (ClPrintDrawFunc) cl_schedule_print_draw,
                                 g_object_ref (sheet), g_object_unref);
}

gboolean
cl_sheet_print_run (CLScheduleSheet *sheet,
                    GtkWindow       *parent,
                    GError         **error)
{
  g_autoptr(GtkPrintOperation) op = cl_sheet_print_operation_new (sheet);

  return cl_print_settings_run (op, parent, error);
}

void
cl_sheet_export_pdf_run (CLScheduleSheet *sheet,
                         GtkWidget       *widget,
                         const char      *file_name)
{
  g_return_if_fail (CL_IS_SCHEDULE_SHEET (sheet));

  cl_export_run (widget, _("Export Sheet as PDF"), file_name, _("PDF documents"), "application/pdf",
                 _("The Sheet Could Not Be Exported"), (ClExportFunc) cl_schedule_print_export_pdf,
                 g_object_ref (sheet), g_object_unref);
}
