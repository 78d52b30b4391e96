#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include "cl-courses-window.h"
#include "cl-events-window.h"
#include "cl-window-followup.h"

static void
events_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLContext *context = cl_window_get_context (CL_WINDOW (widget));

  if (cl_context_get_store (context) && cl_context_may (context, CL_READ, "health_event"))
    gtk_window_present (GTK_WINDOW (cl_events_window_new (GTK_WINDOW (widget), context)));
}

static void
courses_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CLContext *context = cl_window_get_context (CL_WINDOW (widget));

  if (cl_context_get_store (context) && cl_context_may (context, CL_READ, "course"))
    gtk_window_present (GTK_WINDOW (cl_courses_window_new (GTK_WINDOW (widget), context)));
}

static void
update_actions (CLWindow *self)
{
  CLContext *context = cl_window_get_context (self);
  gboolean open = cl_context_get_store (context) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.events",
                                 open && cl_context_may (context, CL_READ, "health_event"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.courses",
                                 open && cl_context_may (context, CL_READ, "course"));
}

void
cl_window_followup_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.events", NULL, events_action);
  gtk_widget_class_install_action (widget_class, "win.courses", NULL, courses_action);
}

void
cl_window_followup_init (CLWindow *self)
{
  CLContext *context = cl_window_get_context (self);

  g_signal_connect_object (context, "notify::role", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
