#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A patient's enrolment in a package: the signed service agreement,
 * the payment the hospital collected (and invoiced), and a
 * cancellation with its refund.  Payments and refunds are the lines
 * of the monthly settlement. */

#define CL_TYPE_ENROLMENT (cl_enrolment_get_type ())
G_DECLARE_FINAL_TYPE (CLEnrolment, cl_enrolment, CL, ENROLMENT, CLRecord)

CLEnrolment *cl_enrolment_new (void);

const char  *cl_enrolment_get_patient_id (CLEnrolment *self);
void         cl_enrolment_set_patient_id (CLEnrolment *self,
                                          const char  *value);
const char  *cl_enrolment_get_package_id (CLEnrolment *self);
void         cl_enrolment_set_package_id (CLEnrolment *self,
                                          const char  *value);
/* package price when enrolled (fen) */
gint64       cl_enrolment_get_price_fen (CLEnrolment *self);
void         cl_enrolment_set_price_fen (CLEnrolment *self,
                                         gint64       value);
/* 用户服务协议 signed, ISO date */
const char  *cl_enrolment_get_agreement_date (CLEnrolment *self);
void         cl_enrolment_set_agreement_date (CLEnrolment *self,
                                              const char  *value);
/* who explained the agreement */
const char  *cl_enrolment_get_explained_by (CLEnrolment *self);
void         cl_enrolment_set_explained_by (CLEnrolment *self,
                                            const char  *value);
/* ISO date */
const char  *cl_enrolment_get_paid_date (CLEnrolment *self);
void         cl_enrolment_set_paid_date (CLEnrolment *self,
                                         const char  *value);
/* amount collected (fen) */
gint64       cl_enrolment_get_paid_fen (CLEnrolment *self);
void         cl_enrolment_set_paid_fen (CLEnrolment *self,
                                        gint64       value);
/* the hospital's receipt / invoice number */
const char  *cl_enrolment_get_receipt_no (CLEnrolment *self);
void         cl_enrolment_set_receipt_no (CLEnrolment *self,
                                          const char  *value);
/* "active", "completed" or "cancelled" */
const char  *cl_enrolment_get_status (CLEnrolment *self);
void         cl_enrolment_set_status (CLEnrolment *self,
                                      const char  *value);
/* ISO date of cancellation and refund */
const char  *cl_enrolment_get_cancel_date (CLEnrolment *self);
void         cl_enrolment_set_cancel_date (CLEnrolment *self,
                                           const char  *value);
/* amount refunded (fen) */
gint64       cl_enrolment_get_refund_fen (CLEnrolment *self);
void         cl_enrolment_set_refund_fen (CLEnrolment *self,
                                          gint64       value);
/* why an admin enrolled outside the window */
const char  *cl_enrolment_get_override_reason (CLEnrolment *self);
void         cl_enrolment_set_override_reason (CLEnrolment *self,
                                               const char  *value);

/* The translated label of an enrolment status ("active", "completed",
 * "cancelled"); an unknown status as it is. */
const char  *cl_enrolment_status_label      (const char  *status);
/* Is the enrolment running (status "active"), so it may be cancelled? */
gboolean     cl_enrolment_is_live           (CLEnrolment *self);
/* Was it cancelled, so a refund belongs to it? */
gboolean     cl_enrolment_is_cancelled      (CLEnrolment *self);

/* May @role enrol a patient outside her package's window (with a
 * reason)?  Only an administrator. */
gboolean     cl_enrolment_role_may_override (const char *role);

G_END_DECLS
