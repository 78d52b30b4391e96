#pragma once

#include <adwaita.h>

#include "cl-enrolment.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* "Enrol in Package" (package, agreement date and who explained it,
 * payment date, amount and receipt number, and for an administrator a
 * reason to override the rules: outside the package's window, or
 * enrolled already) and "Cancel Enrolment" (cancellation date and
 * refund, saved by a destructive "Cancel Enrolment and Refund").  Both save through the core's
 * validated cl_enrolment_store_save(); a refused field gets its message
 * right under it and nothing is saved.  Emits "saved". */

#define CL_TYPE_ENROLMENT_DIALOG (cl_enrolment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLEnrolmentDialog, cl_enrolment_dialog, CL, ENROLMENT_DIALOG, AdwWindow)

CLEnrolmentDialog *cl_enrolment_dialog_new        (GtkWindow   *parent,
                                                   CLContext   *context,
                                                   const char  *patient_id);

/* Cancels @enrolment (an active one): refund defaults to what was paid,
 * the date to today. */
CLEnrolmentDialog *cl_enrolment_dialog_new_cancel (GtkWindow   *parent,
                                                   CLContext   *context,
                                                   CLEnrolment *enrolment);

/* For tests: what the Save button does, and the rows and messages.
 * Fields are the core's columns: package_id, agreement_date,
 * explained_by, paid_date, paid_fen, receipt_no, override_reason,
 * cancel_date, refund_fen; "" is the whole form. */
gboolean     cl_enrolment_dialog_save      (CLEnrolmentDialog *self);
GtkEditable *cl_enrolment_dialog_get_entry (CLEnrolmentDialog *self,
                                            const char        *field);
GtkWidget   *cl_enrolment_dialog_get_row   (CLEnrolmentDialog *self,
                                            const char        *field);
GtkWidget   *cl_enrolment_dialog_get_save_button (CLEnrolmentDialog *self);
const char  *cl_enrolment_dialog_get_error (CLEnrolmentDialog *self,
                                            const char        *field);

G_END_DECLS
