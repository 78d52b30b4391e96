#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* The vendor's service share rate, in hundredths of a percent, in
 * force from a date until the next rate's date.  Rates are never
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

G_END_DECLS
