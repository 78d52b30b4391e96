#pragma once

#include "cl-window.h"

G_BEGIN_DECLS

/* Ctrl+N and the header's "+" (win.new): the "new" of the view on
 * screen, kept out of cl-window.c.  Update when the view, the store or
 * a view's state changes. */
void cl_window_update_new_action (CLWindow    *self);
void cl_window_new_action        (GtkWidget   *widget,
                                  const char  *action_name,
                                  GVariant    *param);

G_END_DECLS
