#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A deduction from the vendor's monthly fee under the guide-desk
 * contract (a finding not rectified, a failed inspection…). */

#define CL_TYPE_DEDUCTION (cl_deduction_get_type ())
G_DECLARE_FINAL_TYPE (CLDeduction, cl_deduction, CL, DEDUCTION, CLRecord)

CLDeduction *cl_deduction_new (void);

/* ISO date */
const char  *cl_deduction_get_date (CLDeduction *self);
void         cl_deduction_set_date (CLDeduction *self,
                                    const char  *value);
/* fen, positive */
gint64       cl_deduction_get_amount_fen (CLDeduction *self);
void         cl_deduction_set_amount_fen (CLDeduction *self,
                                          gint64       value);
const char  *cl_deduction_get_reason (CLDeduction *self);
void         cl_deduction_set_reason (CLDeduction *self,
                                      const char  *value);
/* inspection, complaint… number */
void         cl_deduction_set_reference (CLDeduction *self,
                                         const char  *value);
const char  *cl_deduction_get_reference (CLDeduction *self);
/* The inspection a deduction under the contract's rules was made for
 * (cl-inspection-rules.h); NULL for one entered by hand. */
const char  *cl_deduction_get_inspection_id (CLDeduction *self);
void         cl_deduction_set_inspection_id (CLDeduction *self,
                                             const char  *value);

/* The contract (cl-contract.h); the obstetric one unless set. */
const char  *cl_deduction_get_contract_id (CLDeduction *self);
void         cl_deduction_set_contract_id (CLDeduction *self,
                                           const char *value);

G_END_DECLS
