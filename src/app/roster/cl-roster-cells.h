#pragma once

#include <gtk/gtk.h>

#include "cl-roster-view.h"

G_BEGIN_DECLS

/* Gives each of the roster's @columns (indexed by CLRosterColumn) its
 * cell factory and, where the column sorts, its sorter.  The risk
 * chips take their labels from the risk scale of @view's store. */
void cl_roster_cells_install (GtkColumnViewColumn **columns,
                              CLRosterView         *view);

G_END_DECLS
