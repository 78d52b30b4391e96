#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The print settings and page setup last chosen, kept in the user data
 * dir (careline/print-settings.ini, a GKeyFile) and offered next time,
 * by every print operation of Careline. */

/* Loads the kept settings into @op, A4 when none were kept, and sets
 * it up for drawing functions that work in points from the page's top
 * left. */
void     cl_print_settings_prepare (GtkPrintOperation *op);

/* Keeps @op's settings for next time. */
void     cl_print_settings_save    (GtkPrintOperation *op);

/* Proposes @file_name in the Documents folder (cl_export_folder())
 * for Print to File, in place of output.pdf or the last document's
 * name. */
void     cl_print_settings_propose_file (GtkPrintOperation *op,
                                         const char        *file_name);

/* Shows the print dialog for @op over @parent and prints; keeps the
 * settings when printed.  FALSE with @error if printing failed. */
gboolean cl_print_settings_run     (GtkPrintOperation *op,
                                    GtkWindow         *parent,
                                    GError           **error);

/* The pages of a printable summary: one drawing function shared with
 * its PDF export (so the PDF the tests read back is what is printed),
 * in points on a page of @width × @height. */
typedef int  (*ClPrintPagesFunc) (gpointer  data,
                                  double    width,
                                  double    height);
typedef void (*ClPrintDrawFunc)  (gpointer  data,
                                  cairo_t  *cr,
                                  double    width,
                                  double    height,
                                  int       page);

/* A print operation called @job_name that draws @data with @n_pages
 * and @draw, prepared with cl_print_settings_prepare(); @destroy frees
 * @data when the operation goes.  Print to File proposes @file_name,
 * or "@job_name.pdf" when it is NULL. */
GtkPrintOperation *cl_print_operation_new (const char       *job_name,
                                           const char       *file_name,
                                           ClPrintPagesFunc  n_pages,
                                           ClPrintDrawFunc   draw,
                                           gpointer          data,
                                           GDestroyNotify    destroy);

G_END_DECLS
