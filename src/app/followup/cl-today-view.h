#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The Today view (今日): a case manager's follow-up worklist, what is
 * overdue and what is due today, priority patients first.  Each row
 * records its outcome in one click (with an optional note) or asks for
 * a new date.  Made with a "context" (CLContext): the logged-in case
 * manager sees her own list; an administrator, a team lead (any role
 * that is not only case_manager) or a local desk picks whose. */

#define CL_TYPE_TODAY_VIEW (cl_today_view_get_type ())
G_DECLARE_FINAL_TYPE (CLTodayView, cl_today_view, CL, TODAY_VIEW, GtkWidget)

/* How many items the list shows (for the switcher's badge). */
guint       cl_today_view_get_count    (CLTodayView *self);
/* The staff id whose list is shown, or NULL. */
const char *cl_today_view_get_owner_id (CLTodayView *self);
/* Shows @owner_id's list, if the picker offers it. */
void        cl_today_view_set_owner_id (CLTodayView *self,
                                        const char  *owner_id);
/* Reads the list again from the store. */
void        cl_today_view_reload       (CLTodayView *self);

G_END_DECLS
