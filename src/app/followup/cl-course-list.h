#pragma once

#include <adwaita.h>

#include "cl-patient-section.h"

G_BEGIN_DECLS

/* The courses assigned to a patient on her page: each with its stage
 * and length, when it was assigned and, once done, when she completed
 * it; "Assign Course…" (CLAssignCourseDialog) and "Mark Completed" on
 * each open one, for who may write assignments. */

#define CL_TYPE_COURSE_LIST (cl_course_list_get_type ())
G_DECLARE_FINAL_TYPE (CLCourseList, cl_course_list, CL, COURSE_LIST, CLPatientSection)

/* Context and patient: cl_patient_section_set_context() and
 * cl_patient_section_set_patient_id(). */
void   cl_course_list_reload         (CLCourseList *self);

/* For tests: assignments listed, and of them completed. */
guint  cl_course_list_get_n_assigned  (CLCourseList *self);
guint  cl_course_list_get_n_completed (CLCourseList *self);

G_END_DECLS
