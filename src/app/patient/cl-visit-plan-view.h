#pragma once

#include <adwaita.h>

#include "cl-pregnancy.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* The "Prenatal Visits" group of the patient page: each visit of the
 * pregnancy's plan with its window, check items and state, and a
 * button to tick it done or undo the tick.  Emits "changed" after a
 * tick or an undo was written. */

#define CL_TYPE_VISIT_PLAN_VIEW (cl_visit_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (CLVisitPlanView, cl_visit_plan_view, CL, VISIT_PLAN_VIEW, GtkWidget)

/* Once: the context whose store it reads and ticks visits in. */
void cl_visit_plan_view_set_context   (CLVisitPlanView *self,
                                       CLContext       *context);
/* @pregnancy may be NULL (no pregnancy, or no dating yet). */
void cl_visit_plan_view_set_pregnancy (CLVisitPlanView *self,
                                       CLPregnancy     *pregnancy);
void cl_visit_plan_view_reload        (CLVisitPlanView *self);

/* Ticks visit @key done today, or undoes its tick (the Undo button). */
gboolean cl_visit_plan_view_toggle    (CLVisitPlanView *self,
                                       const char      *key);
/* For tests: the state label shown for visit @key. */
const char *cl_visit_plan_view_get_state_text (CLVisitPlanView *self,
                                               const char      *key);

G_END_DECLS
