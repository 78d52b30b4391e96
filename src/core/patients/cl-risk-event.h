#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* One dated entry of a pregnancy's risk-colour history. */
#define CL_TYPE_RISK_EVENT (cl_risk_event_get_type ())
G_DECLARE_FINAL_TYPE (CLRiskEvent, cl_risk_event, CL, RISK_EVENT, CLRecord)

CLRiskEvent *cl_risk_event_new              (const char  *pregnancy_id,
                                             const char  *date,
                                             const char  *risk,
                                             const char  *note);

const char  *cl_risk_event_get_pregnancy_id (CLRiskEvent *self);
const char  *cl_risk_event_get_date         (CLRiskEvent *self);
const char  *cl_risk_event_get_risk         (CLRiskEvent *self);

G_END_DECLS
