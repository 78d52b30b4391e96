#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include "cl-duty-window.h"
#include "cl-window-duty.h"

static gboolean
may_roster (CLContext *context)
{
  return cl_context_get_store (context) != NULL && cl_context_may (context, CL_WRITE, "duty_assignment");
}

static void
duty_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CLContext *context = cl_window_get_context (CL_WINDOW (widget));

  if (may_roster (context))
    gtk_window_present (GTK_WINDOW (cl_duty_window_new (GTK_WINDOW (widget), context)));
}

static void
update_action (CLWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duty-roster", may_roster (cl_window_get_context (self)));
}

void
cl_window_duty_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.duty-roster", NULL, duty_action);
}

void
cl_window_duty_init (CLWindow *self)
{
  CLContext *context = cl_window_get_context (self);

  g_signal_connect_object (context, "notify::role", G_CALLBACK (update_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (update_action), self, G_CONNECT_SWAPPED);
  update_action (self);
}
