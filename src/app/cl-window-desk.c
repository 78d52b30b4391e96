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

static GtkWidget *
find_header_bar (GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_header_bar (child);

      if (found)
        return found;
    }
  return NULL;
}

/* Her page slides over the views, header bar and all: it gets an alarm
 * strip of its own under its header bar, so the alarm stays in sight
 * while a patient is open. */
static void
patient_page_cb (CLWindow *self)
{
  GtkWidget *page = adw_bin_get_child (self->patient_bin);
  GtkWidget *header, *parent, *alarm;

  if (page == NULL || g_object_get_data (G_OBJECT (page), "cl-critical-alarm"))
    return;
  header = find_header_bar (page);
  parent = header ? gtk_widget_get_parent (header) : NULL;
  if (parent == NULL || !GTK_IS_BOX (parent))
    return;
  alarm = cl_critical_alarm_new (cl_window_get_context (self));
  gtk_box_insert_child_after (GTK_BOX (parent), alarm, header);
  g_object_set_data (G_OBJECT (page), "cl-critical-alarm", alarm);
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
  g_signal_connect_object (self->patient_bin, "notify::child", G_CALLBACK (patient_page_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::role", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  patient_page_cb (self);
  update_actions (self);
}

CLCriticalAlarm *
cl_window_desk_get_alarm (CLWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return g_object_get_data (G_OBJECT (self), "cl-critical-alarm");
}

CLCriticalAlarm *
cl_window_desk_get_patient_alarm (CLWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  page = adw_bin_get_child (self->patient_bin);
  return page ? g_object_get_data (G_OBJECT (page), "cl-critical-alarm") : NULL;
}
