#define G_LOG_DOMAIN "cl-sheet-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

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
  return cl_print_operation_new (g_strstrip (name), (ClPrintPagesFunc) cl_schedule_print_n_pages,
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

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    CLScheduleSheet *sheet)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path && !cl_schedule_print_export_pdf (sheet, path, &error))
        {
          GtkWidget *message = adw_message_dialog_new (gtk_native_dialog_get_transient_for (dialog),
                                                       _("The PDF Could Not Be Saved"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (sheet);
}

void
cl_sheet_export_pdf_run (CLScheduleSheet *sheet,
                         GtkWindow       *parent,
                         const char      *file_name)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (CL_IS_SCHEDULE_SHEET (sheet));

  dialog = gtk_file_chooser_native_new (_("Export as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (sheet));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
