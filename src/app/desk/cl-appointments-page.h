#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The Service Desk's Appointments page: a day's bookings, of one
 * department or all, in the order the desk works them (referred
 * patients, then flagged ones, first in each slot), each department's
 * places used and left per slot, Book…, and a booking's arrival,
 * no-show or cancellation.  An administrator sets the places and the
 * referring hospitals from here. */
#define CL_TYPE_APPOINTMENTS_PAGE (cl_appointments_page_get_type ())
G_DECLARE_FINAL_TYPE (CLAppointmentsPage, cl_appointments_page, CL, APPOINTMENTS_PAGE, GtkWidget)

void        cl_appointments_page_set_context (CLAppointmentsPage *self,
                                              CLContext          *context);
/* For tests: the day shown, the rows shown (CLAppointmentRow of core,
 * in order), a department's places line ("Morning 1/2 · …"), and a
 * state change of row @index as its buttons make it. */
void        cl_appointments_page_set_date    (CLAppointmentsPage *self,
                                              const GDate        *date);
GPtrArray  *cl_appointments_page_get_rows    (CLAppointmentsPage *self);
char       *cl_appointments_page_dup_places  (CLAppointmentsPage *self,
                                              const char         *department_id);
gboolean    cl_appointments_page_set_state   (CLAppointmentsPage *self,
                                              guint               index,
                                              const char         *state,
                                              const char         *reason);
const char *cl_appointments_page_get_message (CLAppointmentsPage *self);

G_END_DECLS
