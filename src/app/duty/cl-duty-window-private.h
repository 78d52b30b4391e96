#pragma once

#include "cl-duty-window.h"

G_BEGIN_DECLS

/* What cl-duty-window.c (the week, its actions) and
 * cl-duty-window-cells.c (a cell: keys, drag and drop, the popover)
 * share. */

#define N_DAYS 7

struct _CLDutyWindow
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *week_title;
  GtkGrid             *grid;
  GtkListBox          *warnings;
  GtkLabel            *coverage_title;
  GtkWidget           *posts_button;

  /* owned */
  CLContext           *context;
  CLStore             *store;
  CLDutyWeek          *week;
  GPtrArray           *cells;      /* GtkWidget, row × N_DAYS + day; borrowed from the grid */
  CLDutyAssignPopover *popover;
  GDate                shown;      /* a day of the week shown */
  guint                cursor_row;
  guint                cursor_day;
  guint                reload_id;
  gboolean             reload_pending;
};

void       cl_duty_window_reload       (CLDutyWindow *self);
gboolean   cl_duty_window_may_edit     (CLDutyWindow *self);
void       cl_duty_window_show_message (CLDutyWindow *self,
                                        const char   *message);
/* A new cell of the grid for @row on @day, its controllers attached. */
GtkWidget *cl_duty_window_new_cell     (CLDutyWindow *self,
                                        guint         row,
                                        guint         day);
/* Moves the cell cursor to @row, @day and focuses that cell. */
void       cl_duty_window_focus_cell   (CLDutyWindow *self,
                                        guint         row,
                                        guint         day);

G_END_DECLS
