#pragma once

#include <gtk/gtk.h>

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

G_END_DECLS
