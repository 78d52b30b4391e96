#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The sorter of a column whose sorting is done elsewhere (in SQL).
 * GTK 4.8 has no API to ask a GtkColumnViewSorter which column is
 * primary (gtk_column_view_sorter_get_primary_sort_column() is 4.10),
 * so cl_column_sorter_probe() asks it by comparing two dummy items:
 * the column view sorter consults its primary column first, and that
 * column's sorter records the call. */
#define CL_TYPE_COLUMN_SORTER (cl_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (CLColumnSorter, cl_column_sorter, CL, COLUMN_SORTER, GtkSorter)

CLColumnSorter *cl_column_sorter_new   (int        key);

/* Returns the key of the primary sort column of @view_sorter (the
 * sorter of a GtkColumnView whose columns use CLColumnSorter), or -1
 * when the view is unsorted; *descending tells the direction. */
int             cl_column_sorter_probe (GtkSorter *view_sorter,
                                        gboolean  *descending);

G_END_DECLS
