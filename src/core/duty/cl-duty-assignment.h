#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* One person on one shift at one post on one day of the duty roster
 * (table duty_assignment), synced: the staff member's id, the civil
 * day (YYYY-MM-DD; a night shift belongs to the day it starts), the
 * post's id and the shift's word (cl-duty-shift.h).  An administrator
 * and the service desk's lead write it.  The rules against other
 * records (the person exists and works here, the post exists) are
 * cl_duty_store_validate_assignment(). */
#define CL_TYPE_DUTY_ASSIGNMENT (cl_duty_assignment_get_type ())
G_DECLARE_FINAL_TYPE (CLDutyAssignment, cl_duty_assignment, CL, DUTY_ASSIGNMENT, CLRecord)

CLDutyAssignment *cl_duty_assignment_new (const char *staff_id,
                                          const char *day,
                                          const char *post_id,
                                          const char *shift);

const char *cl_duty_assignment_get_staff_id (CLDutyAssignment *self);
void        cl_duty_assignment_set_staff_id (CLDutyAssignment *self, const char *value);
const char *cl_duty_assignment_get_day      (CLDutyAssignment *self);
void        cl_duty_assignment_set_day      (CLDutyAssignment *self, const char *value);
const char *cl_duty_assignment_get_post_id  (CLDutyAssignment *self);
void        cl_duty_assignment_set_post_id  (CLDutyAssignment *self, const char *value);
const char *cl_duty_assignment_get_shift    (CLDutyAssignment *self);
void        cl_duty_assignment_set_shift    (CLDutyAssignment *self, const char *value);

/* The record's own rules, column → translated message, empty when
 * valid: a person, a real day, a post, a known shift. */
GHashTable *cl_duty_assignment_validate     (CLDutyAssignment *self);

/* TRUE with @day set when @iso is a day as stored, YYYY-MM-DD. */
gboolean    cl_duty_day_parse               (const char *iso,
                                             GDate      *day);

G_END_DECLS
