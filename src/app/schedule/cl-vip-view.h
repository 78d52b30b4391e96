#pragma once

#include <adwaita.h>

#include "cl-schedule-popover.h"
#include "cl-store.h"
#include "cl-time-grid.h"

G_BEGIN_DECLS

/* The VIP room calendar (issue #5): the day across all rooms, or the
 * week of one room, on the time grid; today marked, the past greyed,
 * closed hours shaded.  Book by dragging over free time or by dialog,
 * move by dragging, and check in, finish or cancel from the popover on
 * a booking or, for today's next bookings, with one click on the
 * "Check in" bar.  Prints a room's day list.
 *
 * Made with a "context" (CLContext): its store, and who is working,
 * whose role decides whether rooms can be configured here. */

#define CL_TYPE_VIP_VIEW (cl_vip_view_get_type ())
G_DECLARE_FINAL_TYPE (CLVipView, cl_vip_view, CL, VIP_VIEW, GtkWidget)

void        cl_vip_view_set_date       (CLVipView   *self,
                                        const GDate *date);
/* "day" (across rooms) or "week" (of the chosen room). */
void        cl_vip_view_set_mode       (CLVipView   *self,
                                        const char  *mode);
void        cl_vip_view_set_room       (CLVipView   *self,
                                        const char  *room_id);

/* For tests. */
CLTimeGrid        *cl_vip_view_get_grid         (CLVipView  *self);
CLSchedulePopover *cl_vip_view_open_booking     (CLVipView  *self,
                                                 const char *id);
const char        *cl_vip_view_get_last_message (CLVipView  *self);
gboolean           cl_vip_view_export_pdf       (CLVipView  *self,
                                                 const char *path,
                                                 GError    **error);

G_END_DECLS
