#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The popover on a task or a booking: what it is, in a few lines, and
 * one big button per thing that can be done to it now (Start, Done,
 * Check In, Cancel…), first one focused, so a steward with a phone in
 * one hand taps the block, then the button.  The view fills it and
 * answers "action" (const char *id); a refusal from core goes back
 * with cl_schedule_popover_set_message(). */

#define CL_TYPE_SCHEDULE_POPOVER (cl_schedule_popover_get_type ())
G_DECLARE_FINAL_TYPE (CLSchedulePopover, cl_schedule_popover, CL, SCHEDULE_POPOVER, GtkPopover)

typedef enum
{
  CL_SCHEDULE_ACTION_NORMAL,
  CL_SCHEDULE_ACTION_SUGGESTED,
  CL_SCHEDULE_ACTION_DESTRUCTIVE,
} ClScheduleActionStyle;

CLSchedulePopover *cl_schedule_popover_new         (const char        *title);
void               cl_schedule_popover_add_line    (CLSchedulePopover *self,
                                                    const char        *text,
                                                    const char        *css_class);
/* @id is what "action" reports. */
GtkWidget         *cl_schedule_popover_add_action  (CLSchedulePopover *self,
                                                    const char        *id,
                                                    const char        *label,
                                                    ClScheduleActionStyle style);
/* Extra widgets (the hand-over form) go in here, above the buttons. */
GtkBox            *cl_schedule_popover_get_extra   (CLSchedulePopover *self);
void               cl_schedule_popover_set_message (CLSchedulePopover *self,
                                                    const char        *message);
const char        *cl_schedule_popover_get_message (CLSchedulePopover *self);
/* Clicks the button of @id, as a person would (for tests); FALSE when
 * there is none. */
gboolean           cl_schedule_popover_click       (CLSchedulePopover *self,
                                                    const char        *id);

G_END_DECLS
