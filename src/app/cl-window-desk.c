#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include "cl-desk-settings-dialog.h"
#include "cl-window-desk.h"
#include "cl-window-private.h"

static void
desk_settings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CLContext *context = cl_window_get_context (CL_WINDOW (widget));

  if (cl_context_get_store (context) && cl_context_may (context, CL_WRITE, "desk_setting"))
    gtk_window_present (GTK_WINDOW (cl_desk_settings_dialog_new (GTK_WINDOW (widget), context)));
}

static void
update_actions (CLWindow *self)
{
  CLContext *context = cl_window_get_context (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.desk-settings",
                                 cl_context_get_store (context) != NULL &&
                                 cl_context_may (context, CL_WRITE, "desk_setting"));
}

void
cl_window_desk_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.desk-settings", NULL, desk_settings_action);
}

void
cl_window_desk_init (CLWindow *self)
{
  CLContext *context = cl_window_get_context (self);
  GtkWidget *header = gtk_widget_get_prev_sibling (GTK_WIDGET (self->view_stack));
  GtkWidget *alarm = cl_critical_alarm_new (context);

  /* Right under the views' header bar, above whichever view is shown. */
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->view_stack))), alarm, header);
  g_object_set_data (G_OBJECT (self), "cl-critical-alarm", alarm);
  g_signal_connect_object (context, "notify::role", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

CLCriticalAlarm *
cl_window_desk_get_alarm (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return g_object_get_data (G_OBJECT (self), "cl-critical-alarm");
}
