#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What every printout shares: the print settings and page setup last
 * chosen, kept in the user data dir (careline/print-settings.ini, a
 * GKeyFile) and offered next time, and A4 when nothing was chosen yet. */

/* Sets @op up in points from the page's top left, with the saved
 * settings or A4. */
void     cl_print_settings_prepare (GtkPrintOperation  *op);

/* Shows the print dialog over @parent, prints and keeps the settings
 * when printed.  FALSE with @error if printing failed. */
gboolean cl_print_settings_run     (GtkPrintOperation  *op,
                                    GtkWindow          *parent,
                                    GError            **error);

/* The shared drawing function of a printout, as used by the print
 * operation: the number of pages, and a page drawn in points. */
typedef int  (*ClPrintNPagesFunc) (gpointer data,
                                   double   width,
                                   double   height);
typedef void (*ClPrintDrawFunc)   (gpointer data,
                                   cairo_t *cr,
                                   double   width,
                                   double   height,
                                   int      page);

/* Prints @data through @n_pages and @draw on @op; @destroy frees @data
 * with the operation. */
void     cl_print_settings_draw_with (GtkPrintOperation  *op,
                                      ClPrintNPagesFunc   n_pages,
                                      ClPrintDrawFunc     draw,
                                      gpointer            data,
                                      GDestroyNotify      destroy);

G_END_DECLS
