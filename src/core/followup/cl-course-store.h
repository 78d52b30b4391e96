#pragma once

#include "cl-course-assignment.h"
#include "cl-course.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing the course catalogue and patients' courses: the desk's saves
 * and the server's rules are the same functions.  Each save refuses
 * with CL_STORE_ERROR_INVALID (a role that may not write the table, or
 * a rule broken; then, when @field_errors, column → message) and writes
 * nothing; on success the caller's record takes the written one's rev. */

gboolean cl_course_store_save            (CLStore             *store,
                                          CLCourse            *course,
                                          const char          *role,
                                          GHashTable         **field_errors,
                                          GError             **error);

/* An assignment's rules with the catalogue: its own
 * (cl_course_assignment_validate()), a course that exists, still
 * offered when first assigned, and not already assigned to her and not
 * completed.  Adds to @errors (column → message). */
void     cl_course_store_validate_assignment (CLStore            *store,
                                              CLCourseAssignment *assignment,
                                              GHashTable         *errors);

gboolean cl_course_store_save_assignment (CLStore             *store,
                                          CLCourseAssignment  *assignment,
                                          const char          *role,
                                          GHashTable         **field_errors,
                                          GError             **error);

/* Assigns @course_id to @patient_id now, by the store's actor. */
CLCourseAssignment *cl_course_store_assign (CLStore    *store,
                                            const char *patient_id,
                                            const char *course_id,
                                            const char *role,
                                            GError    **error);

/* Records that she completed @assignment now. */
gboolean cl_course_store_complete        (CLStore             *store,
                                          CLCourseAssignment  *assignment,
                                          const char          *role,
                                          GError             **error);

G_END_DECLS
