#define G_LOG_DOMAIN "cl-schedule-view"

#include "config.h"

#include "cl-date-nav.h"
#include "cl-date.h"
#include "cl-schedule-view-util.h"
#include "print/cl-sheet-print-operation.h"

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

void
cl_schedule_view_show_message (AdwToastOverlay  *overlay,
                               char            **last_message,
                               const char       *message)
{
  g_free (*last_message);
  *last_message = g_strdup (message);
  adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
}

void
cl_schedule_view_print_sheet (GtkWidget        *view,
                              CLScheduleSheet  *sheet,
                              AdwToastOverlay  *overlay,
                              char            **last_message)
{
  g_autoptr(GError) error = NULL;

  if (!cl_sheet_print_run (sheet, cl_schedule_view_parent (view), &error))
    cl_schedule_view_show_message (overlay, last_message, error->message);
}

void
cl_schedule_view_export_sheet (GtkWidget       *view,
                               CLScheduleSheet *sheet,
                               const char      *format,
                               const GDate     *day)
{
  g_autofree char *iso = cl_date_to_iso (day);
  g_autofree char *name = g_strdup_printf (format, iso);

  cl_sheet_export_pdf_run (sheet, cl_schedule_view_parent (view), name);
}

void
cl_schedule_view_new_at (CLTimeGrid *grid,
                         gboolean    use_selection,
                         guint      *column,
                         gint64     *start,
                         gint64     *end)
{
  if (use_selection && cl_time_grid_get_selection (grid, column, start, end))
    return;
  *column = G_MAXUINT;
  *start = *end = 0;
}

void
cl_schedule_view_step_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  GObject *nav = gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), "date_nav");

  g_assert (CL_IS_DATE_NAV (nav));
  cl_date_nav_step (CL_DATE_NAV (nav), g_variant_get_int32 (param));
}

void
cl_schedule_view_queue_reload (GtkWidget          *view,
                               const char         *table,
                               const char * const *tables,
                               guint              *source,
                               GSourceFunc         reload_cb)
{
  if (!g_strv_contains (tables, table ? table : ""))
    return;
  if (*source == 0)
    *source = g_idle_add (reload_cb, view);
}
