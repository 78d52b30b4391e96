#pragma once

#include <gtk/gtk.h>

#include "cl-pregnancy.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The pregnancy at a glance, drawn with GtkSnapshot: a weeks axis from
 * 0 to 42 with the trimesters, the visit windows coloured by state, the
 * reports as marks on their check dates, her scale fillings beside them
 * (a positive or flagged one in orange), the risk colour over time as
 * bands, the due date and today.  Everything drawn has a tooltip. */

#define CL_TYPE_PREGNANCY_TIMELINE (cl_pregnancy_timeline_get_type ())
G_DECLARE_FINAL_TYPE (CLPregnancyTimeline, cl_pregnancy_timeline, CL, PREGNANCY_TIMELINE, GtkWidget)

/* Reads the plan, the reports and the risk history of @pregnancy (may
 * be NULL: the widget then says there is no dating). */
void       cl_pregnancy_timeline_load   (CLPregnancyTimeline *self,
                                         CLStore             *store,
                                         CLPregnancy         *pregnancy);

/* For tests: the tooltip text at a point, or NULL. */
char      *cl_pregnancy_timeline_tooltip_at (CLPregnancyTimeline *self,
                                             double               x,
                                             double               y);
/* For tests: how many scale fillings are drawn (in the reports' row). */
guint      cl_pregnancy_timeline_get_n_scales (CLPregnancyTimeline *self);
/* For tests: how many visit windows and report marks are drawn. */
guint      cl_pregnancy_timeline_get_n_marks (CLPregnancyTimeline *self,
                                              gboolean             reports);

G_END_DECLS
