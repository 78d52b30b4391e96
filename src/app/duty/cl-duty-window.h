#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-duty-assign-popover.h"
#include "cl-duty-week.h"

G_BEGIN_DECLS

/* The Duty Roster window (primary menu, for an administrator and the
 * service desk's lead): a week of the roster as people × days, each
 * cell the post and shift of that person that day, built by keyboard
 * (arrows move, Enter or typing assigns, Delete clears) and by drag (a
 * day to another moves it, with Ctrl copies it); Copy Last Week; week
 * navigation; printing; and the coverage check's warnings below, redone
 * on each change. */
#define CL_TYPE_DUTY_WINDOW (cl_duty_window_get_type ())
G_DECLARE_FINAL_TYPE (CLDutyWindow, cl_duty_window, CL, DUTY_WINDOW, AdwWindow)

CLDutyWindow *cl_duty_window_new (GtkWindow *parent,
                                  CLContext *context);

/* Shows the week of @day (YYYY-MM-DD). */
void          cl_duty_window_show_week   (CLDutyWindow *self,
                                          const char   *day);
/* The week shown. */
CLDutyWeek   *cl_duty_window_get_week    (CLDutyWindow *self);

/* The cell widget of @row on @day (0 = Monday), for tests. */
GtkWidget    *cl_duty_window_get_cell    (CLDutyWindow *self,
                                          guint         row,
                                          guint         day);
/* The row of the person named @name, or -1. */
int           cl_duty_window_find_row    (CLDutyWindow *self,
                                          const char   *name);
/* The cell cursor: the focused cell's row and day. */
void          cl_duty_window_get_cursor  (CLDutyWindow *self,
                                          guint        *row,
                                          guint        *day);
/* The assignment popover, shown or not. */
CLDutyAssignPopover *cl_duty_window_get_popover (CLDutyWindow *self);

/* A drop of cell (@from_row, @from_day) on (@to_row, @to_day), as a
 * drag ends: moved, or copied with @copy.  FALSE when refused. */
gboolean      cl_duty_window_drop        (CLDutyWindow *self,
                                          guint         from_row,
                                          guint         from_day,
                                          guint         to_row,
                                          guint         to_day,
                                          gboolean      copy);

/* The coverage warnings listed, in order. */
guint         cl_duty_window_get_n_warnings (CLDutyWindow *self);
const char   *cl_duty_window_get_warning    (CLDutyWindow *self,
                                             guint         i);

G_END_DECLS
