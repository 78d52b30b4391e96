#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* The desk's check of a clinic session (table session_check), synced:
 * at the start of a session the desk marks a doctor who has not come
 * to their room: the session (session_id, and the doctor, date and
 * half-day it was on), when it was marked, whom the desk phoned and
 * when, and when the doctor arrived (0: not yet).  Written by the
 * service desk; a session marked late shows on the day's summary and in
 * the directory's sessions. */
#define CL_TYPE_SESSION_CHECK (cl_session_check_get_type ())
G_DECLARE_FINAL_TYPE (CLSessionCheck, cl_session_check, CL, SESSION_CHECK, CLRecord)

CLSessionCheck *cl_session_check_new (void);

const char  *cl_session_check_get_session_id (CLSessionCheck *self);
void         cl_session_check_set_session_id (CLSessionCheck *self, const char *value);
const char  *cl_session_check_get_doctor_id (CLSessionCheck *self);
void         cl_session_check_set_doctor_id (CLSessionCheck *self, const char *value);
const char  *cl_session_check_get_date (CLSessionCheck *self);
void         cl_session_check_set_date (CLSessionCheck *self, const char *value);
const char  *cl_session_check_get_half_day (CLSessionCheck *self);
void         cl_session_check_set_half_day (CLSessionCheck *self, const char *value);
gint64       cl_session_check_get_marked_at (CLSessionCheck *self);
void         cl_session_check_set_marked_at (CLSessionCheck *self, gint64 value);
const char  *cl_session_check_get_phoned (CLSessionCheck *self);
void         cl_session_check_set_phoned (CLSessionCheck *self, const char *value);
gint64       cl_session_check_get_phoned_at (CLSessionCheck *self);
void         cl_session_check_set_phoned_at (CLSessionCheck *self, gint64 value);
gint64       cl_session_check_get_arrived_at (CLSessionCheck *self);
void         cl_session_check_set_arrived_at (CLSessionCheck *self, gint64 value);
const char  *cl_session_check_get_note (CLSessionCheck *self);
void         cl_session_check_set_note (CLSessionCheck *self, const char *value);

/* Whether the doctor has come since the session was marked. */
gboolean    cl_session_check_get_arrived (CLSessionCheck *self);

/* Minutes from the mark to the arrival, or to @now when not yet. */
gint64      cl_session_check_minutes_late (CLSessionCheck *self,
                                           gint64          now);

GHashTable *cl_session_check_validate (CLSessionCheck *self);

G_END_DECLS
