#pragma once

#include "cl-window.h"

G_BEGIN_DECLS

/* The main menu's Health Events and Course Catalogue (win.events,
 * win.courses), kept out of cl-window.c: their windows open over the
 * main window, enabled for who may read them once the store is open. */
void cl_window_followup_class_init (GtkWidgetClass *widget_class);
void cl_window_followup_init       (CLWindow       *self);

G_END_DECLS
