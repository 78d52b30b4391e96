#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A weekly clinic session of a doctor (table doctor_session), synced:
 * the weekday (1 Monday … 7 Sunday), the half-day
 * (cl_doctor_session_half_days()), the room, and optionally the first
 * and last date it runs (ISO dates; empty: always).  Kept by an
 * administrator with the doctor; the service desk answers "who sees
 * patients this afternoon" from them.  A session dropped is deleted
 * (a tombstone), the doctor's other sessions stay. */
#define CL_TYPE_DOCTOR_SESSION (cl_doctor_session_get_type ())
G_DECLARE_FINAL_TYPE (CLDoctorSession, cl_doctor_session, CL, DOCTOR_SESSION, CLRecord)

CLDoctorSession *cl_doctor_session_new (void);

const char  *cl_doctor_session_get_doctor_id (CLDoctorSession *self);
void         cl_doctor_session_set_doctor_id (CLDoctorSession *self, const char *value);
gint         cl_doctor_session_get_weekday (CLDoctorSession *self);
void         cl_doctor_session_set_weekday (CLDoctorSession *self, gint value);
const char  *cl_doctor_session_get_half_day (CLDoctorSession *self);
void         cl_doctor_session_set_half_day (CLDoctorSession *self, const char *value);
const char  *cl_doctor_session_get_room (CLDoctorSession *self);
void         cl_doctor_session_set_room (CLDoctorSession *self, const char *value);
const char  *cl_doctor_session_get_valid_from (CLDoctorSession *self);
void         cl_doctor_session_set_valid_from (CLDoctorSession *self, const char *value);
const char  *cl_doctor_session_get_valid_until (CLDoctorSession *self);
void         cl_doctor_session_set_valid_until (CLDoctorSession *self, const char *value);

/* "morning" (until noon), "afternoon" (until 18:00), "evening". */
const char * const *cl_doctor_session_half_days      (void);
const char         *cl_doctor_session_half_day_label (const char *half_day);
/* The half-day @time (local) falls in. */
const char         *cl_doctor_session_half_day_at    (GDateTime  *time);
/* "Monday" … "Sunday" for 1 … 7, translated; "" otherwise. */
const char         *cl_doctor_session_weekday_label  (gint        weekday);

/* Whether the session runs on @date: its weekday, within its dates. */
gboolean    cl_doctor_session_runs_on (CLDoctorSession *self,
                                       const GDate     *date);

GHashTable *cl_doctor_session_validate (CLDoctorSession *self);

G_END_DECLS
