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
