#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* One health event as the case manager runs it: what, when and where,
 * its places; the registered patients with their attendance and a
 * button to cancel each; the waiting list in order.  "Register…"
 * (a patient), "Edit…", and the sign-in sheet to print or export. */

#define CL_TYPE_EVENT_PAGE (cl_event_page_get_type ())
G_DECLARE_FINAL_TYPE (CLEventPage, cl_event_page, CL, EVENT_PAGE, GtkWidget)

GtkWidget  *cl_event_page_new          (CLContext   *context);
void        cl_event_page_set_event_id (CLEventPage *self,
                                        const char  *event_id);
const char *cl_event_page_get_event_id (CLEventPage *self);
void        cl_event_page_reload       (CLEventPage *self);

/* For tests: how many hold a place and how many wait, as shown; the
 * attendance check button of a registration. */
guint       cl_event_page_get_n_registered (CLEventPage *self);
guint       cl_event_page_get_n_waiting    (CLEventPage *self);
GtkWidget  *cl_event_page_get_attended_check (CLEventPage *self,
                                              const char  *registration_id);

G_END_DECLS
