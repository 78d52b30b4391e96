#pragma once

#include <adwaita.h>

#include "cl-contact.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* The Service Desk view's Complaints page: the tickets, the unresolved
 * first by promised time with the overdue marked, filtered by state and
 * department; New Complaint…; a ticket opens its dialog; and the
 * Monthly Report (cl-complaint-report-view.h). */
#define CL_TYPE_COMPLAINTS_PAGE (cl_complaints_page_get_type ())
G_DECLARE_FINAL_TYPE (CLComplaintsPage, cl_complaints_page, CL, COMPLAINTS_PAGE, GtkWidget)

GtkWidget *cl_complaints_page_new          (CLContext        *context);
/* Reads the tickets again (also every minute, so a ticket turns
 * overdue on screen when its time passes). */
void       cl_complaints_page_reload       (CLComplaintsPage *self);
/* Opens the ticket dialog for a new complaint, from @contact (NULL: a
 * blank one), or the ticket already made from @contact; returns the
 * dialog. */
GtkWidget *cl_complaints_page_new_complaint (CLComplaintsPage *self,
                                             CLContact        *contact);

/* For tests. */
guint      cl_complaints_page_get_n_tickets (CLComplaintsPage *self);
guint      cl_complaints_page_get_n_overdue (CLComplaintsPage *self);
/* The row of the ticket at @position, as listed. */
GtkWidget *cl_complaints_page_get_row       (CLComplaintsPage *self,
                                             guint             position);
/* Opens the dialog of the ticket at @position, as activating its row
 * does; returns the dialog. */
GtkWidget *cl_complaints_page_open          (CLComplaintsPage *self,
                                             guint             position);
/* "state", "department", "new", "report", "stack" (the inner stack:
 * "tickets" or "report"). */
GtkWidget *cl_complaints_page_get_widget    (CLComplaintsPage *self,
                                             const char       *name);

G_END_DECLS
