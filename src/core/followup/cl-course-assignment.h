#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A course assigned to a patient (table course_assignment): who
 * assigned it (a user name) and when, and when she completed it (UTC
 * seconds; 0 while she has not). */
#define CL_TYPE_COURSE_ASSIGNMENT (cl_course_assignment_get_type ())
G_DECLARE_FINAL_TYPE (CLCourseAssignment, cl_course_assignment, CL, COURSE_ASSIGNMENT, CLRecord)

CLCourseAssignment *cl_course_assignment_new (void);

const char *cl_course_assignment_get_patient_id (CLCourseAssignment *self);
void        cl_course_assignment_set_patient_id (CLCourseAssignment *self, const char *value);
const char *cl_course_assignment_get_course_id (CLCourseAssignment *self);
void        cl_course_assignment_set_course_id (CLCourseAssignment *self, const char *value);
const char *cl_course_assignment_get_assigned_by (CLCourseAssignment *self);
void        cl_course_assignment_set_assigned_by (CLCourseAssignment *self, const char *value);
gint64      cl_course_assignment_get_assigned_at (CLCourseAssignment *self);
void        cl_course_assignment_set_assigned_at (CLCourseAssignment *self, gint64 value);
gint64      cl_course_assignment_get_completed_at (CLCourseAssignment *self);
void        cl_course_assignment_set_completed_at (CLCourseAssignment *self, gint64 value);

/* The assignment's own rules, column → translated message; empty when
 * valid.  Those that need the catalogue are cl_course_store_validate()'s. */
GHashTable *cl_course_assignment_validate (CLCourseAssignment *self);

G_END_DECLS
