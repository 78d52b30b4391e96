#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A contract the hospital settles with a vendor every month (table
 * contract): who the vendor is, how it is paid, and a title.  Each
 * contract has its own rates or fee (share_rate rows with its id), its
 * own deductions and its own closed months (README, "Settlement").
 *
 * Two are shipped with fixed ids, like the seeded packages, so they
 * are one record on every desk and on the server: the obstetric
 * contract, paid a share of the package fees (the settlement there was
 * before contracts; everything it had is its), and the customer-service
 * and guide-desk contract, paid a fixed monthly management fee less
 * deductions. */

#define CL_CONTRACT_OBSTETRIC_ID  "7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700001"
#define CL_CONTRACT_GUIDE_DESK_ID "7c0e1a10-3b2d-4f5e-8a6c-c0a7ac700002"

/* The kinds, as stored. */
#define CL_CONTRACT_SHARE_OF_FEES     "share_of_fees"
#define CL_CONTRACT_FIXED_MONTHLY_FEE "fixed_monthly_fee"

#define CL_TYPE_CONTRACT (cl_contract_get_type ())
G_DECLARE_FINAL_TYPE (CLContract, cl_contract, CL, CONTRACT, CLRecord)

CLContract *cl_contract_new (void);

const char *cl_contract_get_vendor (CLContract *self);
void        cl_contract_set_vendor (CLContract *self, const char *value);
const char *cl_contract_get_kind   (CLContract *self);
void        cl_contract_set_kind   (CLContract *self, const char *value);
const char *cl_contract_get_title  (CLContract *self);
void        cl_contract_set_title  (CLContract *self, const char *value);
gboolean    cl_contract_get_active (CLContract *self);
void        cl_contract_set_active (CLContract *self, gboolean value);

/* Whether it is paid a fixed monthly fee (else a share of the fees). */
gboolean    cl_contract_is_fixed_fee (CLContract *self);

/* The kinds, NULL-terminated, and what a person reads for one
 * (translated; the word itself when unknown). */
const char * const *cl_contract_kinds      (void);
const char         *cl_contract_kind_label (const char *kind);
gboolean            cl_contract_kind_known (const char *kind);

/* Its title as shown: a shipped contract whose title is still the
 * shipped one reads in the desk's language. */
const char *cl_contract_get_display_title (CLContract *self);

G_END_DECLS
