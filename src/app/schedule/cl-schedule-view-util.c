#define G_LOG_DOMAIN "cl-schedule-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date-nav.h"
#include "cl-date.h"
#include "cl-schedule-view-util.h"
#include "cl-schedule.h"
#include "cl-sheet-print-operation.h"

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

  cl_sheet_export_pdf_run (sheet, view, name);
}

void
cl_schedule_view_new_at (CLTimeGrid  *grid,
                         gboolean     use_selection,
                         const GDate *day,
                         gint64       now,
                         guint       *column,
                         gint64      *start,
                         gint64      *end)
{
  if (use_selection && cl_time_grid_get_new_slot (grid, column, start, end))
    return;
  *column = G_MAXUINT;
  *start = MAX (now, cl_schedule_day_start (day));
  *end = 0;
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

typedef struct
{
  CLRecord       *record;
  char           *status;
  ClScheduleUndo  undo;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_object_unref (undo->record);
  g_free (undo->status);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast  *toast,
                 GtkWidget *view)
{
  Undo *undo = g_object_get_data (G_OBJECT (toast), "cl-undo");

  undo->undo (view, undo->record, undo->status);
}

void
cl_schedule_view_toast_undo (AdwToastOverlay *overlay,
                             GtkWidget       *view,
                             const char      *title,
                             CLRecord        *record,
                             const char      *status,
                             ClScheduleUndo   undo)
{
  AdwToast *toast = adw_toast_new (title);
  Undo *data = g_new0 (Undo, 1);

  data->record = g_object_ref (record);
  data->status = g_strdup (status);
  data->undo = undo;
  g_object_set_data_full (G_OBJECT (toast), "cl-undo", data, undo_free);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* A cancellation is worth a moment longer than a plain notice. */
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* AdwToast::button-clicked is new in libadwaita 1.2, our baseline. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), view, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

gboolean
cl_schedule_view_follow_store (GtkWidget  *view,
                               CLContext  *context,
                               CLStore   **store,
                               GCallback   changed_cb)
{
  CLStore *now = cl_context_get_store (context);

  if (now == *store)
    return FALSE;
  if (*store)
    g_signal_handlers_disconnect_by_data (*store, view);
  g_set_object (store, now);
  if (now == NULL)
    return FALSE;
  g_signal_connect_object (now, "changed", changed_cb, view, G_CONNECT_SWAPPED);
  return TRUE;
}

static void
show_clicked_cb (AdwToast  *toast,
                 GtkWidget *view)
{
  ClScheduleShow show = g_object_get_data (G_OBJECT (toast), "cl-show");

  show (view, g_object_get_data (G_OBJECT (toast), "cl-id"));
}

gboolean
cl_schedule_view_toast_elsewhere (AdwToastOverlay  *overlay,
                                  GtkWidget        *view,
                                  char            **last_message,
                                  const char       *format,
                                  gboolean          shown,
                                  gint64            start_at,
                                  const char       *id,
                                  ClScheduleShow    show)
{
  AdwToast *toast;
  GDate day;
  g_autofree char *weekday = NULL;
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  if (shown || id == NULL)
    return FALSE;
  cl_schedule_day_of (start_at, &day);
  weekday = cl_date_nav_weekday (&day, TRUE);
  date = cl_date_format_display (&day);
  /* Translators: a day in a toast: its weekday ("Tue"), then its date
   * ("8 Dec 2026") */
  when = g_strdup_printf (_("%s %s"), weekday, date);
  title = g_strdup_printf (format, when);
  g_free (*last_message);
  *last_message = g_strdup (title);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "cl-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (toast), "cl-show", show);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_clicked_cb), view, 0);
  adw_toast_overlay_add_toast (overlay, toast);
  return TRUE;
}
