#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include "cl-directory-window.h"
#include "cl-window-directory.h"

static void
directory_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CLContext *context = cl_window_get_context (CL_WINDOW (widget));

  if (cl_context_get_store (context) && cl_context_may (context, CL_WRITE, "doctor"))
    gtk_window_present (GTK_WINDOW (cl_directory_window_new (GTK_WINDOW (widget), context)));
}

static void
update_action (CLWindow *self)
{
  CLContext *context = cl_window_get_context (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.directory",
                                 cl_context_get_store (context) != NULL &&
                                 cl_context_may (context, CL_WRITE, "doctor"));
}

void
cl_window_directory_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.directory", NULL, directory_action);
}

void
cl_window_directory_init (CLWindow *self)
{
  CLContext *context = cl_window_get_context (self);

  g_signal_connect_object (context, "notify::role", G_CALLBACK (update_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (update_action), self, G_CONNECT_SWAPPED);
  update_action (self);
}
