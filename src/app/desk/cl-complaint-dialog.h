#pragma once

#include <adwaita.h>

#include "cl-complaint.h"
#include "cl-contact.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* A complaint ticket: a new one (from a contact, prefilled, or from
 * nothing), or one to edit and move on a step (start work, resolve,
 * close with the complainant's answer), under the rules of
 * cl_complaint_store_save().  "saved" with the ticket's id. */
#define CL_TYPE_COMPLAINT_DIALOG (cl_complaint_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLComplaintDialog, cl_complaint_dialog, CL, COMPLAINT_DIALOG, AdwWindow)

/* @complaint NULL: a new ticket, from @contact when given; a
 * @complaint not yet stored: a new ticket, prefilled from it. */
CLComplaintDialog *cl_complaint_dialog_new       (GtkWindow         *parent,
                                                  CLContext         *context,
                                                  CLComplaint       *complaint,
                                                  CLContact         *contact);
gboolean           cl_complaint_dialog_save      (CLComplaintDialog *self);

/* For tests: a row by field ("complainant_name", "complainant_phone",
 * "department_id", "severity", "description", "owner_id", "promised_at",
 * "step", "resolution", "satisfaction", "satisfaction_reason"; "step"
 * is the switch of the next step), and a field's message ("" for the
 * form's own). */
GtkWidget         *cl_complaint_dialog_get_widget (CLComplaintDialog *self,
                                                   const char        *field);
const char        *cl_complaint_dialog_get_error  (CLComplaintDialog *self,
                                                   const char        *field);

G_END_DECLS
