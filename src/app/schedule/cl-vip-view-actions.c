#define G_LOG_DOMAIN "cl-vip-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date-nav.h"
#include "cl-schedule-print.h"
#include "cl-schedule-view-util.h"
#include "cl-vip-room-dialog.h"
#include "cl-vip-view-private.h"

/* ---- actions -------------------------------------------------------- */

static CLScheduleSheet *
day_list (CLVipView *self)
{
  /* The week view prints its room's list of the day shown; the day
   * view every room's, a page each. */
  return cl_vip_store_day_sheet (self->store, cl_date_nav_get_date (self->date_nav), cl_vip_view_is_week (self) ? self->room_id : NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CLVipView *self = CL_VIP_VIEW (widget);
  guint column;
  gint64 start, end;

  cl_schedule_view_new_at (self->grid, TRUE, cl_date_nav_get_date (self->date_nav), cl_context_get_now (self->context),
                           &column, &start, &end);
  cl_vip_view_create (self, column, start, end);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLVipView *self = CL_VIP_VIEW (widget);
  g_autoptr(CLScheduleSheet) sheet = NULL;

  if (self->store == NULL)
    return;
  sheet = day_list (self);
  cl_schedule_view_print_sheet (widget, sheet, self->toast_overlay, &self->last_message);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CLVipView *self = CL_VIP_VIEW (widget);
  g_autoptr(CLScheduleSheet) sheet = NULL;

  if (self->store == NULL)
    return;
  sheet = day_list (self);
  /* Translators: the suggested file name of an exported VIP room day
   * list; %s is the day (2026-11-23) */
  cl_schedule_view_export_sheet (widget, sheet, _("vip-rooms-%s.pdf"), cl_date_nav_get_date (self->date_nav));
}

static void
room_saved_cb (CLVipView  *self,
               const char *id)
{
  cl_vip_view_set_room (self, id);
  cl_vip_view_reload (self);
}

/* An administrator's: the chosen room's settings, or a new room. */
static void
room_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CLVipView *self = CL_VIP_VIEW (widget);
  CLVipRoomDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cl_vip_room_dialog_new (cl_schedule_view_parent (widget), self->context,
                                   g_str_equal (action_name, "vip.edit-room") ? cl_vip_view_find_room (self, self->room_id) : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (room_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cl_vip_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "vip.mode", "mode");
  gtk_widget_class_install_action (widget_class, "vip.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "vip.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "vip.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "vip.step", "i", cl_schedule_view_step_action);
  gtk_widget_class_install_action (widget_class, "vip.edit-room", NULL, room_action);
  gtk_widget_class_install_action (widget_class, "vip.new-room", NULL, room_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "vip.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "vip.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "vip.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "vip.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "vip.step", "i", 0);
}

gboolean
cl_vip_view_export_pdf (CLVipView  *self,
                        const char *path,
                        GError    **error)
{
  g_autoptr(CLScheduleSheet) sheet = NULL;

  g_return_val_if_fail (CL_IS_VIP_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  sheet = day_list (self);
  return cl_schedule_print_export_pdf (sheet, path, error);
}
