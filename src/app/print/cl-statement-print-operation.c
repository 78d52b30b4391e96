#define G_LOG_DOMAIN "cl-statement-print"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-print-settings.h"
#include "cl-statement-print-operation.h"
#include "cl-statement-print.h"

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                CLSettlement      *settlement)
{
  gtk_print_operation_set_n_pages (op, cl_statement_n_pages (settlement,
                                                             gtk_print_context_get_width (context),
                                                             gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              CLSettlement      *settlement)
{
  cl_statement_draw (settlement, gtk_print_context_get_cairo_context (context),
                     gtk_print_context_get_width (context),
                     gtk_print_context_get_height (context), page);
}

GtkPrintOperation *
cl_statement_print_operation_new (CLSettlement *settlement)
{
  GtkPrintOperation *op;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_SETTLEMENT (settlement), NULL);

  op = gtk_print_operation_new ();
  /* Translators: the print job's name; %s is a month like 2026-10 */
  name = g_strdup_printf (_("Service fee statement %s"), cl_settlement_get_month (settlement));
  gtk_print_operation_set_job_name (op, name);
  cl_print_settings_prepare (op);
  g_signal_connect_data (op, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (settlement), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (op, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (settlement), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return op;
}

gboolean
cl_statement_print_run (CLSettlement *settlement,
                        GtkWindow    *parent,
                        GError      **error)
{
  g_autoptr(GtkPrintOperation) op = cl_statement_print_operation_new (settlement);

  return cl_print_settings_run (op, parent, error);
}
