#pragma once

#include <adwaita.h>

#include "cl-record.h"

#include "cl-schedule-popover.h"
#include "cl-time-grid.h"

G_BEGIN_DECLS

/* Small things the escort and VIP room views share. */

/* The window @widget is in, for dialogs, or NULL. */
GtkWindow *cl_schedule_view_parent        (GtkWidget         *widget);

/* Makes @popover a child of @grid pointing at block @id (or at the
 * grid's middle when the block is off screen). */
void       cl_schedule_view_point_popover (CLSchedulePopover *popover,
                                           CLTimeGrid        *grid,
                                           const char        *id);

/* What a view does when Undo is pressed: bring back @record (as the
 * cancellation left it) to @status, the status it had before. */
typedef void (*ClScheduleUndo) (GtkWidget  *view,
                                CLRecord   *record,
                                const char *status);

/* Shows @title ("Booking cancelled") in @overlay with an Undo button
 * that calls @undo on @view, unless the view is gone by then. */
void       cl_schedule_view_toast_undo    (AdwToastOverlay   *overlay,
                                           GtkWidget         *view,
                                           const char        *title,
                                           CLRecord          *record,
                                           const char        *status,
                                           ClScheduleUndo     undo);

G_END_DECLS
