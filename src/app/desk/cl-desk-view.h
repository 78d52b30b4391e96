#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The Service Desk view's Now page: a quick-entry bar for the next
 * call or counter visit (the channel and category keep their last
 * value, Enter saves, the caller field is ready for the next call at
 * once), today's entries (or what the search over the whole log
 * found), the open hand-overs with the person's own first and the
 * overdue marked, and today's counts by category.  "desk.book-escort"
 * books an escort (wheelchair, to the emergency department, to a ward)
 * for the patient chosen in the bar, or anyone; "desk.new-contact" is
 * the window's "new" here: the bar, ready for the next call. */
#define CL_TYPE_DESK_VIEW (cl_desk_view_get_type ())
G_DECLARE_FINAL_TYPE (CLDeskView, cl_desk_view, CL, DESK_VIEW, GtkWidget)

/* Reads the log again (also every half minute, so a hand-over turns
 * overdue on screen when its time passes). */
void         cl_desk_view_reload          (CLDeskView *self);
/* Puts the focus in the caller field. */
void         cl_desk_view_focus_entry     (CLDeskView *self);

/* The view's pages: "now", "critical" (a CLCriticalPage). */
GtkWidget   *cl_desk_view_get_page        (CLDeskView *self,
                                           const char *name);
void         cl_desk_view_show_page       (CLDeskView *self,
                                           const char *name);

/* For tests. */
guint        cl_desk_view_get_n_entries   (CLDeskView *self);
guint        cl_desk_view_get_n_open      (CLDeskView *self);
guint        cl_desk_view_get_n_overdue   (CLDeskView *self);
guint        cl_desk_view_get_n_saved     (CLDeskView *self);
gboolean     cl_desk_view_get_searching   (CLDeskView *self);
/* The message shown under the bar, NULL if none. */
const char  *cl_desk_view_get_message     (CLDeskView *self);
/* "channel", "category", "caller", "phone", "patient", "summary",
 * "handover", "handover_to", "due", "search", "new_patient", "save",
 * "book_escort", "stack" (the view's pages), "appointments",
 * "referrals", "directory" (the CLDirectoryPage). */
GtkWidget   *cl_desk_view_get_widget      (CLDeskView *self,
                                           const char *name);
/* The CLContactCloseDialog for the open hand-over at @position of
 * the list, as its Close… button opens it. */
GtkWidget   *cl_desk_view_close_handover  (CLDeskView *self,
                                           guint       position);

G_END_DECLS
