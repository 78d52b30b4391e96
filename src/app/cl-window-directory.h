#pragma once

#include "cl-window.h"

G_BEGIN_DECLS

/* The main menu's Hospital Directory (win.directory), kept out of
 * cl-window.c: its window opens over the main window, for whoever may
 * keep the directory (an administrator) once the store is open. */
void cl_window_directory_class_init (GtkWidgetClass *widget_class);
void cl_window_directory_init       (CLWindow       *self);

G_END_DECLS
