#define G_LOG_DOMAIN "cl-schedule-view"

#include "config.h"

#include "cl-schedule-view-util.h"

GtkWindow *
cl_schedule_view_parent (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
unparent_cb (gpointer data)
{
  if (gtk_widget_get_parent (data))
    gtk_widget_unparent (data);
  return G_SOURCE_REMOVE;
}

static void
popover_closed_cb (GtkPopover *popover)
{
  /* One popover per click: gone once closed (after its button's
   * handler has returned). */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_cb, g_object_ref (popover), g_object_unref);
}

void
cl_schedule_view_point_popover (CLSchedulePopover *popover,
                                CLTimeGrid        *grid,
                                const char        *id)
{
  GdkRectangle area;

  if (!cl_time_grid_get_block_area (grid, id, &area))
    area = (GdkRectangle) { gtk_widget_get_width (GTK_WIDGET (grid)) / 2,
                            gtk_widget_get_height (GTK_WIDGET (grid)) / 2, 1, 1 };
  gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (grid));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &area);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_RIGHT);
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
}
