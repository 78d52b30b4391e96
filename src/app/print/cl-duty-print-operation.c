#define G_LOG_DOMAIN "cl-duty-print"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-duty-print.h"
#include "cl-duty-print-operation.h"
#include "cl-print-settings.h"

GtkPrintOperation *
cl_duty_print_operation_new (CLStore     *store,
                             const GDate *day)
{
  CLDutyWeek *week;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPrintOperation *op;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* The operation keeps its own copy of the week, as it is now. */
  week = cl_duty_week_load (store, day);
  name = cl_duty_print_title (week);
  /* TRANSLATORS: the file Print to File proposes; %s is the week's Monday, 2026-11-23 */
  file = g_strdup_printf (_("duty-roster-%s.pdf"), week->days[0]);
  op = cl_print_operation_new (name, file, (ClPrintPagesFunc) cl_duty_print_n_pages,
                               (ClPrintDrawFunc) cl_duty_print_draw, week,
                               (GDestroyNotify) cl_duty_week_free);
  /* A week is wider than it is long. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (op, setup);
  return op;
}

gboolean
cl_duty_print_run (CLStore     *store,
                   const GDate *day,
                   GtkWindow   *parent,
                   GError     **error)
{
  g_autoptr(GtkPrintOperation) op = cl_duty_print_operation_new (store, day);

  return cl_print_settings_run (op, parent, error);
}
