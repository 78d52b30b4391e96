#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The cells the app's column views share: one label per cell, set up
 * once and re-bound as rows scroll. */

/* Text, left-aligned, cut with an ellipsis when the column is narrow. */
void cl_cells_setup_text    (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data);

/* Short numbers (dates, phones, ages): left-aligned tabular figures,
 * never cut, since a cut number is useless. */
void cl_cells_setup_numeric (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data);

/* Money and rates: right-aligned tabular figures, so amounts line up
 * on the decimal point. */
void cl_cells_setup_amount  (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data);

/* Gives @column a factory with @setup and @bind, both called with
 * @user_data. */
void cl_cells_set_factory   (GtkColumnViewColumn      *column,
                             GCallback                 setup,
                             GCallback                 bind,
                             gpointer                  user_data);

/* Appends to @view one resizable column per title of @titles (@n of
 * them), each with a factory calling @setup and @bind with @user_data
 * and knowing its index (cl_cells_column_index()); the columns whose
 * bit is set in @expand take the spare width. */
void  cl_cells_append_columns (GtkColumnView      *view,
                               const char * const *titles,
                               guint               n,
                               GCallback           setup,
                               GCallback           bind,
                               gpointer            user_data,
                               guint               expand);

/* The index of the column @factory was made for by
 * cl_cells_append_columns(). */
guint cl_cells_column_index   (GtkListItemFactory *factory);

G_END_DECLS
