#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-health-event.h"

G_BEGIN_DECLS

/* A health event's form: title, kind, date, start and end, place,
 * link and capacity.  Core's refusals (cl_event_store_save_event())
 * show under their field and nothing is saved.  "saved" (const char
 * *id). */

#define CL_TYPE_EVENT_DIALOG (cl_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLEventDialog, cl_event_dialog, CL, EVENT_DIALOG, AdwWindow)

/* @event NULL: a new event. */
CLEventDialog *cl_event_dialog_new       (GtkWindow     *parent,
                                          CLContext     *context,
                                          CLHealthEvent *event);
gboolean       cl_event_dialog_save      (CLEventDialog *self);

/* For tests: "title", "date", "starts", "ends", "place", "link",
 * "capacity" (entry rows) and "kind" (a combo row); "" for the
 * dialog's own message. */
GtkWidget     *cl_event_dialog_get_field (CLEventDialog *self,
                                          const char    *field);
const char    *cl_event_dialog_get_error (CLEventDialog *self,
                                          const char    *field);

G_END_DECLS
