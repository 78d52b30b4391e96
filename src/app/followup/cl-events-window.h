#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Health events (lectures, live streams, salons): the list of recent
 * and upcoming ones beside the chosen event's page (CLEventPage), and
 * "New Event…" for who may add one.  Reached from the main menu, like
 * Staff and Service Packages, rather than as a seventh view in a
 * switcher that already holds six at 1024 px. */

#define CL_TYPE_EVENTS_WINDOW (cl_events_window_get_type ())
G_DECLARE_FINAL_TYPE (CLEventsWindow, cl_events_window, CL, EVENTS_WINDOW, AdwWindow)

CLEventsWindow *cl_events_window_new    (GtkWindow      *parent,
                                         CLContext      *context);
void            cl_events_window_reload (CLEventsWindow *self);
/* Shows @event_id's page, selecting it in the list. */
void            cl_events_window_select (CLEventsWindow *self,
                                         const char     *event_id);

/* For tests. */
GtkWidget      *cl_events_window_get_page     (CLEventsWindow *self);
guint           cl_events_window_get_n_events (CLEventsWindow *self);

G_END_DECLS
