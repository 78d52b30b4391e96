#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Assigns a course of the catalogue to a patient: the courses still
 * offered and not already assigned to her and open, by stage.  Core's
 * refusal shows in the dialog and nothing is saved.  "saved" (const
 * char *id of the assignment). */

#define CL_TYPE_ASSIGN_COURSE_DIALOG (cl_assign_course_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLAssignCourseDialog, cl_assign_course_dialog, CL, ASSIGN_COURSE_DIALOG, AdwWindow)

CLAssignCourseDialog *cl_assign_course_dialog_new    (GtkWindow            *parent,
                                                      CLContext            *context,
                                                      const char           *patient_id);
gboolean              cl_assign_course_dialog_save   (CLAssignCourseDialog *self);

/* For tests: the courses offered, choosing one, and the message shown
 * (NULL when none). */
guint                 cl_assign_course_dialog_get_n_courses (CLAssignCourseDialog *self);
void                  cl_assign_course_dialog_choose (CLAssignCourseDialog *self,
                                                      const char           *course_id);
const char           *cl_assign_course_dialog_get_error (CLAssignCourseDialog *self);

G_END_DECLS
