#pragma once

#include <adwaita.h>

#include "cl-schedule-popover.h"
#include "cl-store.h"
#include "cl-time-grid.h"

G_BEGIN_DECLS

/* The escort schedule (issue #5): a day with one lane per escort and
 * one for unassigned tasks, a week of counts per escort per day, and
 * an escort's own "my tasks today".  Tasks are made by dialog or by
 * dragging over free time, moved and reassigned by dragging, and
 * moved on (start, done, hand-over, no-show, cancel) from the popover
 * on a block.  Prints the day sheets and exports them as PDF.
 *
 * Made with a "context" (CLContext): its store, and who is working,
 * whose role decides what they may do (an escort opens on their own
 * tasks). */

#define CL_TYPE_ESCORT_VIEW (cl_escort_view_get_type ())
G_DECLARE_FINAL_TYPE (CLEscortView, cl_escort_view, CL, ESCORT_VIEW, GtkWidget)

void        cl_escort_view_set_date      (CLEscortView *self,
                                          const GDate  *date);
/* "day", "week" or "mine". */
void        cl_escort_view_set_mode      (CLEscortView *self,
                                          const char   *mode);
const char *cl_escort_view_get_mode      (CLEscortView *self);

/* For tests. */
CLTimeGrid        *cl_escort_view_get_grid       (CLEscortView *self);
GtkListBox        *cl_escort_view_get_my_list    (CLEscortView *self);
/* Opens the popover of task @id, as a click on its block does. */
CLSchedulePopover *cl_escort_view_open_task      (CLEscortView *self,
                                                  const char   *id);
/* The last message shown in the view's toasts, or NULL. */
const char        *cl_escort_view_get_last_message (CLEscortView *self);
gboolean           cl_escort_view_export_pdf     (CLEscortView *self,
                                                  const char   *path,
                                                  GError      **error);

/* Whether "escorts.new" (the view's "new": a task) may be used by
 * whoever works; it changes with the context's role. */
gboolean           cl_escort_view_can_new        (CLEscortView *self);

G_END_DECLS
