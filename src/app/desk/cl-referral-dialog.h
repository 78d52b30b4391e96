#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Records a referral from a community hospital as it arrives at the
 * desk: the patient (found or registered on the spot), the referring
 * hospital (the administrator's list), the reason, the service asked
 * for and the priority.  It is received now.  "saved" carries its id. */
#define CL_TYPE_REFERRAL_DIALOG (cl_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLReferralDialog, cl_referral_dialog, CL, REFERRAL_DIALOG, AdwWindow)

CLReferralDialog *cl_referral_dialog_new         (GtkWindow        *parent,
                                                  CLContext        *context);
gboolean          cl_referral_dialog_save        (CLReferralDialog *self);
/* For tests. */
void              cl_referral_dialog_set_patient (CLReferralDialog *self,
                                                  const char       *patient_id,
                                                  const char       *name);
/* "hospital_id", "reason", "department_id", "priority" */
GtkWidget        *cl_referral_dialog_get_field   (CLReferralDialog *self,
                                                  const char       *field);
const char       *cl_referral_dialog_get_error   (CLReferralDialog *self,
                                                  const char       *field);

G_END_DECLS
