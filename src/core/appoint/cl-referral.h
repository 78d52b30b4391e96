#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A patient referred to us by a community hospital (table referral),
 * synced: from which hospital, why, for which department (the service
 * asked for), how urgent, when it was received, the appointment made
 * for it and, in the end, its outcome.  Open while it has no outcome.
 * The words of priority and outcome are cl_referral_*s()'s. */
#define CL_TYPE_REFERRAL (cl_referral_get_type ())
G_DECLARE_FINAL_TYPE (CLReferral, cl_referral, CL, REFERRAL, CLRecord)

#define CL_REFERRAL_ROUTINE "routine"
#define CL_REFERRAL_URGENT  "urgent"

const char * const *cl_referral_priorities (void);  /* routine, urgent */
/* seen, admitted, referred_back, did_not_attend, withdrawn */
const char * const *cl_referral_outcomes   (void);

const char *cl_referral_priority_label (const char *priority);
const char *cl_referral_outcome_label  (const char *outcome);

CLReferral *cl_referral_new (gint64 received_at);

const char *cl_referral_get_patient_id     (CLReferral *self);
void        cl_referral_set_patient_id     (CLReferral *self, const char *value);
const char *cl_referral_get_hospital_id    (CLReferral *self);
void        cl_referral_set_hospital_id    (CLReferral *self, const char *value);
const char *cl_referral_get_reason         (CLReferral *self);
void        cl_referral_set_reason         (CLReferral *self, const char *value);
/* The service asked for: a department's id. */
const char *cl_referral_get_department_id  (CLReferral *self);
void        cl_referral_set_department_id  (CLReferral *self, const char *value);
const char *cl_referral_get_priority       (CLReferral *self);
void        cl_referral_set_priority       (CLReferral *self, const char *value);
gint64      cl_referral_get_received_at    (CLReferral *self);
void        cl_referral_set_received_at    (CLReferral *self, gint64 value);
const char *cl_referral_get_appointment_id (CLReferral *self);
void        cl_referral_set_appointment_id (CLReferral *self, const char *value);
/* NULL or "" while open. */
const char *cl_referral_get_outcome        (CLReferral *self);
void        cl_referral_set_outcome        (CLReferral *self, const char *value);
const char *cl_referral_get_received_by    (CLReferral *self);
void        cl_referral_set_received_by    (CLReferral *self, const char *value);

gboolean    cl_referral_is_open            (CLReferral *self);
gboolean    cl_referral_is_urgent          (CLReferral *self);

/* Seconds she waits: from @received_at to @appointment_start, or to
 * @now while no appointment is made (@appointment_start 0).  Never
 * negative. */
gint64      cl_referral_waiting            (gint64 received_at,
                                            gint64 appointment_start,
                                            gint64 now);
/* "3 d 4 h", "5 h", "40 min" (translated). */
char       *cl_referral_format_waiting     (gint64 seconds);

/* The referrals list's order: open before closed, urgent before
 * routine, then the longest waiting (received first). */
gint        cl_referral_compare            (CLReferral *a,
                                            CLReferral *b);

/* Own rules, column → translated message; empty when valid.  @now
 * keeps a receipt from the future out. */
GHashTable *cl_referral_validate           (CLReferral *self,
                                            gint64      now);

G_END_DECLS
