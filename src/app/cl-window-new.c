#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-window-new.h"
#include "cl-window-private.h"

/* Ctrl+N and the header's "+" are the "new" of the view on screen.
 * Each view keeps its own action; this table only says which it is. */
static const struct
{
  const char *view;
  const char *action;
  const char *tooltip;
} new_actions[] = {
  { "roster", "win.new-patient", N_("New Patient (Ctrl+N)") },
  { "archive", "archive.import", N_("Import Reports (Ctrl+N)") },
  { "escorts", "escorts.new", N_("New Task (Ctrl+N)") },
  { "vip-rooms", "vip.new", N_("New Booking (Ctrl+N)") },
  { "settlement", "settlement.add-deduction", N_("Add Deduction (Ctrl+N)") },
  /* The next call: the quick-entry bar, ready. */
  { "desk", "desk.new-contact", N_("New Contact (Ctrl+N)") },
};

/* The entry of new_actions for the view on screen (the patient page
 * counts as the roster it opens from), or -1 for a view without one. */
static int
current_new (CLWindow *self)
{
  const char *view = "roster";

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "views") == 0)
    view = adw_view_stack_get_visible_child_name (self->view_stack);
  for (guint i = 0; i < G_N_ELEMENTS (new_actions); i++)
    if (g_strcmp0 (view, new_actions[i].view) == 0)
      return (int) i;
  return -1;
}

static GtkWidget *
view_widget (CLWindow   *self,
             const char *name)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, name);

  return page ? page : GTK_WIDGET (self->roster_view);
}

static gboolean
new_enabled (CLWindow *self,
             int       index)
{
  const char *view;

  if (index < 0 || self->store == NULL)
    return FALSE;
  view = new_actions[index].view;
  if (g_str_equal (view, "archive"))
    return cl_archive_view_can_import (self->archive_view);
  if (g_str_equal (view, "escorts"))
    return cl_escort_view_can_new (self->escort_view);
  if (g_str_equal (view, "settlement"))
    return cl_settlement_view_can_add_deduction (self->settlement_view);
  return TRUE;
}

void
cl_window_update_new_action (CLWindow *self)
{
  int index = current_new (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", new_enabled (self, index));
  gtk_widget_set_tooltip_text (self->new_button,
                               index >= 0 ? gettext (new_actions[index].tooltip) : NULL);
}

void
cl_window_new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  CLWindow *self = CL_WINDOW (widget);
  int index = current_new (self);

  if (!new_enabled (self, index))
    return;
  gtk_widget_activate_action (view_widget (self, new_actions[index].view),
                              new_actions[index].action, NULL);
}

