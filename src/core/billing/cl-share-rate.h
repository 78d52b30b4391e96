#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A contract's terms in force from a date until the next row's date:
 * under a share of the fees, the vendor's share rate in hundredths of a
 * percent (rate_bp); under a fixed monthly fee, the fee in fen
 * (fee_fen), from the first day of a month.  Rates are never
 * edited away: the history is what old statements were computed with. */

#define CL_TYPE_SHARE_RATE (cl_share_rate_get_type ())
G_DECLARE_FINAL_TYPE (CLShareRate, cl_share_rate, CL, SHARE_RATE, CLRecord)

CLShareRate *cl_share_rate_new (void);

/* ISO date */
const char  *cl_share_rate_get_effective_from (CLShareRate *self);
void         cl_share_rate_set_effective_from (CLShareRate *self,
                                               const char  *value);
/* 35.25 % is 3525 */
gint         cl_share_rate_get_rate_bp (CLShareRate *self);
void         cl_share_rate_set_rate_bp (CLShareRate *self,
                                        gint         value);
const char  *cl_share_rate_get_note (CLShareRate *self);
void         cl_share_rate_set_note (CLShareRate *self,
                                     const char  *value);

/* The contract (cl-contract.h); the obstetric one unless set. */
const char  *cl_share_rate_get_contract_id (CLShareRate *self);
void         cl_share_rate_set_contract_id (CLShareRate *self,
                                            const char  *value);
/* fen, a fixed monthly fee's; 0 under a share of the fees */
gint64       cl_share_rate_get_fee_fen (CLShareRate *self);
void         cl_share_rate_set_fee_fen (CLShareRate *self,
                                        gint64       value);

G_END_DECLS
