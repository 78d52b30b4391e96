#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-duty-post.h"

G_BEGIN_DECLS

/* An administrator's form for one post of the duty roster: its names,
 * morning and afternoon hours (HH:MM; the afternoon may be left
 * empty), open round the clock or not, the people it needs a day, and
 * whether it is still staffed.  Emits "saved" with the post's id. */
#define CL_TYPE_DUTY_POST_DIALOG (cl_duty_post_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDutyPostDialog, cl_duty_post_dialog, CL, DUTY_POST_DIALOG, AdwWindow)

/* @post NULL: a new one. */
CLDutyPostDialog *cl_duty_post_dialog_new       (GtkWindow        *parent,
                                                 CLContext        *context,
                                                 CLDutyPost       *post);
gboolean          cl_duty_post_dialog_save      (CLDutyPostDialog *self);
/* By column: "name", "name_en", "morning_opens", "morning_closes",
 * "afternoon_opens", "afternoon_closes", "all_day", "headcount",
 * "active". */
GtkWidget        *cl_duty_post_dialog_get_field (CLDutyPostDialog *self,
                                                 const char       *field);
const char       *cl_duty_post_dialog_get_error (CLDutyPostDialog *self,
                                                 const char       *field);

G_END_DECLS
