#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-course.h"

G_BEGIN_DECLS

/* An administrator's form for a course of the catalogue: title in
 * Chinese and in English, stage, length in minutes, link, and whether
 * it is still offered.  Core's refusals (cl_course_store_save()) show
 * under their field and nothing is saved.  "saved" (const char *id). */

#define CL_TYPE_COURSE_DIALOG (cl_course_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLCourseDialog, cl_course_dialog, CL, COURSE_DIALOG, AdwWindow)

/* @course NULL: a new course. */
CLCourseDialog *cl_course_dialog_new       (GtkWindow      *parent,
                                            CLContext      *context,
                                            CLCourse       *course);
gboolean        cl_course_dialog_save      (CLCourseDialog *self);

/* For tests: "title", "title_en", "duration_min", "link" (entry
 * rows), "stage" (a combo row), "active" (a switch); "" for the
 * dialog's own message. */
GtkWidget      *cl_course_dialog_get_field (CLCourseDialog *self,
                                            const char     *field);
const char     *cl_course_dialog_get_error (CLCourseDialog *self,
                                            const char     *field);

G_END_DECLS
