#pragma once

#include <adwaita.h>

#include "cl-appointment.h"
#include "cl-context.h"
#include "cl-referral.h"

G_BEGIN_DECLS

/* Books an appointment at the service desk: the patient (any patient,
 * found with the roster's search, flagged ones first with their badge,
 * or registered on the spot), what is booked, the department, the day
 * and the half-day slot, how the booking came in, and — only when the
 * slot is full — why it is booked over.  The slot's places used and
 * left show as they are chosen.  Booked from a referral, the patient,
 * department and source are the referral's.  "saved" carries the
 * appointment's id. */
#define CL_TYPE_APPOINTMENT_DIALOG (cl_appointment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLAppointmentDialog, cl_appointment_dialog, CL, APPOINTMENT_DIALOG, AdwWindow)

/* @date (ISO) and @department_id (may be NULL) as the page shows them;
 * @referral (may be NULL) to book for. */
CLAppointmentDialog *cl_appointment_dialog_new         (GtkWindow           *parent,
                                                        CLContext           *context,
                                                        const char          *date,
                                                        const char          *department_id,
                                                        CLReferral          *referral);

gboolean             cl_appointment_dialog_save        (CLAppointmentDialog *self);
/* For tests. */
void                 cl_appointment_dialog_set_patient (CLAppointmentDialog *self,
                                                        const char          *patient_id,
                                                        const char          *name);
/* "kind", "department_id", "date", "slot", "source", "overbook_reason"
 * and "patient_id" (the chooser's entry). */
GtkWidget           *cl_appointment_dialog_get_field   (CLAppointmentDialog *self,
                                                        const char          *field);
const char          *cl_appointment_dialog_get_error   (CLAppointmentDialog *self,
                                                        const char          *field);
/* The line saying the slot's places used and left. */
const char          *cl_appointment_dialog_get_places  (CLAppointmentDialog *self);

G_END_DECLS
