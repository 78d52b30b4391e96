#define G_LOG_DOMAIN "cl-cells"

#include "config.h"

#include "cl-cells.h"

static GtkWidget *
cell_label (GtkListItem *item,
            float        xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_list_item_set_child (item, label);
  return label;
}

void
cl_cells_setup_text (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  gtk_label_set_ellipsize (GTK_LABEL (cell_label (item, 0)), PANGO_ELLIPSIZE_END);
}

void
cl_cells_setup_numeric (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  gtk_widget_add_css_class (cell_label (item, 0), "numeric");
}

void
cl_cells_setup_amount (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  gtk_widget_add_css_class (cell_label (item, 1), "numeric");
}

void
cl_cells_set_factory (GtkColumnViewColumn *column,
                      GCallback            setup,
                      GCallback            bind,
                      gpointer             user_data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, user_data);
  g_signal_connect (factory, "bind", bind, user_data);
  gtk_column_view_column_set_factory (column, factory);
}

void
cl_cells_append_columns (GtkColumnView      *view,
                         const char * const *titles,
                         guint               n,
                         GCallback           setup,
                         GCallback           bind,
                         gpointer            user_data,
                         guint               expand)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (guint c = 0; c < n; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "cl-cells-column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", setup, user_data);
      g_signal_connect (factory, "bind", bind, user_data);
      /* The column takes the factory's reference. */
      column = gtk_column_view_column_new (titles[c], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, (expand & (1u << c)) != 0);
      gtk_column_view_append_column (view, column);
    }
}

guint
cl_cells_column_index (GtkListItemFactory *factory)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "cl-cells-column"));
}
