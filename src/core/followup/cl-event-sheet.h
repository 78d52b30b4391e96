#pragma once

#include "cl-health-event.h"
#include "cl-schedule-sheet.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* An event's printed sign-in sheet, as a CLScheduleSheet for the
 * shared sheet printing (cl-schedule-print.h): the event, its day,
 * hours and place on top; one row per registered patient (number,
 * name, masked phone, a signature column tall enough to sign), then
 * those on the waiting list in order, who sign when a place is free at
 * the door; the organiser signs at the end. */
CLScheduleSheet *cl_event_sheet_new (CLStore       *store,
                                     CLHealthEvent *event);

G_END_DECLS
