#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-duty-post-dialog.h"

G_BEGIN_DECLS

/* The administrator's list of the duty roster's posts, each with its
 * hours and the people it needs a day; a row opens its form, New Post…
 * adds one. */
#define CL_TYPE_DUTY_POSTS_DIALOG (cl_duty_posts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDutyPostsDialog, cl_duty_posts_dialog, CL, DUTY_POSTS_DIALOG, AdwWindow)

CLDutyPostsDialog *cl_duty_posts_dialog_new      (GtkWindow         *parent,
                                                  CLContext         *context);
guint              cl_duty_posts_dialog_get_n_rows (CLDutyPostsDialog *self);
/* Opens the form of row @i (-1: a new post); returned for tests. */
CLDutyPostDialog  *cl_duty_posts_dialog_open     (CLDutyPostsDialog *self,
                                                  int                i);

G_END_DECLS
