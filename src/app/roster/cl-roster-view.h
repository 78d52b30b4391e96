#pragma once

#include <gtk/gtk.h>

#include "cl-roster-model.h"
#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_ROSTER_VIEW (cl_roster_view_get_type ())
G_DECLARE_FINAL_TYPE (CLRosterView, cl_roster_view, CL, ROSTER_VIEW, GtkWidget)

/* The roster of the "context"'s store (CLContext), from when it has
 * one; its model is NULL until then. */

CLRosterModel *cl_roster_view_get_model      (CLRosterView *self);
/* the context's store once it has one, else NULL */
CLStore       *cl_roster_view_get_store      (CLRosterView *self);
GtkColumnView *cl_roster_view_get_column_view (CLRosterView *self);
GtkEditable   *cl_roster_view_get_search_entry (CLRosterView *self);
void           cl_roster_view_focus_search   (CLRosterView *self);
void           cl_roster_view_focus_list     (CLRosterView *self);

G_END_DECLS
