#pragma once

#include "cl-window.h"

G_BEGIN_DECLS

/* The main menu's Duty Roster (win.duty-roster), kept out of
 * cl-window.c: its window opens over the main window for whoever
 * builds the roster (an administrator, the service desk), once the
 * store is open. */
void cl_window_duty_class_init (GtkWidgetClass *widget_class);
void cl_window_duty_init       (CLWindow       *self);

G_END_DECLS
