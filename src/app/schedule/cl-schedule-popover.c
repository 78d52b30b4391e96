#define G_LOG_DOMAIN "cl-schedule-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-form-message.h"
#include "cl-schedule-popover.h"

struct _CLSchedulePopover
{
  GtkPopover  parent_instance;

  GtkBox     *lines;
  GtkBox     *extra;
  GtkBox     *actions;
  GtkLabel   *message;
};

G_DEFINE_FINAL_TYPE (CLSchedulePopover, cl_schedule_popover, GTK_TYPE_POPOVER)

enum { ACTION, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
cl_schedule_popover_class_init (CLSchedulePopoverClass *klass)
{
  signals[ACTION] = g_signal_new ("action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cl_schedule_popover_init (CLSchedulePopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (box, 280, -1);
  self->lines = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  self->extra = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  self->actions = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  self->message = GTK_LABEL (cl_form_message_new ());
  gtk_label_set_max_width_chars (self->message, 36);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->lines));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->extra));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->actions));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  gtk_popover_set_child (GTK_POPOVER (self), box);
}

CLSchedulePopover *
cl_schedule_popover_new (const char *title)
{
  CLSchedulePopover *self = g_object_new (CL_TYPE_SCHEDULE_POPOVER, NULL);

  cl_schedule_popover_add_line (self, title, "title-4");
  return self;
}

void
cl_schedule_popover_add_line (CLSchedulePopover *self,
                              const char        *text,
                              const char        *css_class)
{
  GtkWidget *label;

  g_return_if_fail (CL_IS_SCHEDULE_POPOVER (self));
  if (text == NULL || *text == '\0')
    return;
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->lines, label);
}

static void
clicked_cb (GtkButton         *button,
            CLSchedulePopover *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "action-id"));

  cl_schedule_popover_set_message (self, NULL);
  g_signal_emit (self, signals[ACTION], 0, id);
}

GtkWidget *
cl_schedule_popover_add_action (CLSchedulePopover     *self,
                                const char            *id,
                                const char            *label,
                                ClScheduleActionStyle  style)
{
  GtkWidget *button;

  g_return_val_if_fail (CL_IS_SCHEDULE_POPOVER (self), NULL);

  button = gtk_button_new_with_mnemonic (label);
  /* Big targets: a finger, not a mouse pointer. */
  gtk_widget_set_size_request (button, -1, 44);
  if (style == CL_SCHEDULE_ACTION_SUGGESTED)
    gtk_widget_add_css_class (button, "suggested-action");
  else if (style == CL_SCHEDULE_ACTION_DESTRUCTIVE)
    gtk_widget_add_css_class (button, "destructive-action");
  g_object_set_data_full (G_OBJECT (button), "action-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), self);
  gtk_box_append (self->actions, button);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->actions)) == button)
    gtk_popover_set_default_widget (GTK_POPOVER (self), button);
  return button;
}

GtkBox *
cl_schedule_popover_get_extra (CLSchedulePopover *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_POPOVER (self), NULL);
  return self->extra;
}

void
cl_schedule_popover_set_message (CLSchedulePopover *self,
                                 const char        *message)
{
  g_return_if_fail (CL_IS_SCHEDULE_POPOVER (self));
  cl_form_message_set (self->message, message);
}

const char *
cl_schedule_popover_get_message (CLSchedulePopover *self)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_POPOVER (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_label (self->message) : NULL;
}

gboolean
cl_schedule_popover_click (CLSchedulePopover *self,
                           const char        *id)
{
  g_return_val_if_fail (CL_IS_SCHEDULE_POPOVER (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions)); child;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "action-id"), id) == 0)
      {
        g_signal_emit_by_name (child, "clicked");
        return TRUE;
      }
  return FALSE;
}
