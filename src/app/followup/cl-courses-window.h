#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The course catalogue: every course by stage, with its length and
 * link, and whether it is still offered.  An administrator adds and
 * edits courses (CLCourseDialog); others read it. */

#define CL_TYPE_COURSES_WINDOW (cl_courses_window_get_type ())
G_DECLARE_FINAL_TYPE (CLCoursesWindow, cl_courses_window, CL, COURSES_WINDOW, AdwWindow)

CLCoursesWindow *cl_courses_window_new    (GtkWindow       *parent,
                                           CLContext       *context);
void             cl_courses_window_reload (CLCoursesWindow *self);

/* For tests: courses listed. */
guint            cl_courses_window_get_n_courses (CLCoursesWindow *self);

G_END_DECLS
