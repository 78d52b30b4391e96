#pragma once

#include "cl-critical-alarm.h"
#include "cl-window.h"

G_BEGIN_DECLS

/* The Service Desk's parts of the main window, kept out of
 * cl-window.c: the critical-value alarm under the header bar, on every
 * view and on her page, and the main menu's Service Desk Settings (win.desk-settings),
 * enabled for who may write them (an administrator). */
void             cl_window_desk_class_init (GtkWidgetClass *widget_class);
void             cl_window_desk_init       (CLWindow       *self);

/* The alarm strips (for tests): the views' and, once a patient has
 * been opened, her page's. */
CLCriticalAlarm *cl_window_desk_get_alarm         (CLWindow *self);
CLCriticalAlarm *cl_window_desk_get_patient_alarm (CLWindow *self);

G_END_DECLS
