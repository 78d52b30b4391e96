#pragma once

#include "cl-visit-guideline.h"

G_BEGIN_DECLS

/* A pregnancy's visit plan: the schedule's visits placed on the
 * calendar from its effective EDD (corrected EDD over EDD) and, for the
 * postpartum revisit, its delivery date, each with its state on a day.
 *
 * A visit is done when a report is filed against it (a document row
 * with that visit key) or it is ticked (a visit_mark).  A done visit
 * keeps the date it was done on whatever happens to the EDD later; the
 * others move with the EDD. */

typedef enum
{
  CL_VISIT_UPCOMING,   /* its window has not opened yet */
  CL_VISIT_DUE,        /* its window is open now */
  CL_VISIT_OVERDUE,    /* its window closed and it was not done */
  CL_VISIT_DONE,
  CL_VISIT_SKIPPED,    /* no longer applies: delivered or ended before it */
} ClVisitState;

/* What marks a visit done, as read from the store. */
typedef struct
{
  char     *key;       /* visit key */
  char     *date;      /* ISO date: the report's check date or the tick's */
  gboolean  ticked;    /* a visit_mark rather than a report */
  char     *mark_id;   /* the visit_mark's id when ticked */
  char     *by;        /* who ticked */
  char     *note;
} ClVisitDone;

ClVisitDone *cl_visit_done_new  (const char *key,
                                 const char *date,
                                 gboolean    ticked);
void         cl_visit_done_free (ClVisitDone *done);

typedef struct
{
  const ClVisitWindow *window;
  ClVisitState         state;
  GDate                start;       /* calendar window from today's dating */
  GDate                end;
  GDate                done_date;   /* valid when done */
  gboolean             ticked;      /* done by a tick (may also have reports) */
  guint                n_reports;   /* reports filed against it */
  char                *mark_id;     /* the tick, to undo it */
  char                *ticked_by;
  char                *note;
} ClPlannedVisit;

typedef struct _ClVisitPlan ClVisitPlan;

/* @status: "ongoing", "delivered" or "ended"; @delivery may be NULL;
 * @done: ClVisitDone entries (several per key are fine: the earliest
 * date counts).  @schedule NULL means the default. */
ClVisitPlan          *cl_visit_plan_new        (ClVisitGuideline *schedule,
                                                const GDate     *edd,
                                                const char      *status,
                                                const GDate     *delivery,
                                                const GDate     *today,
                                                GPtrArray       *done);
void                  cl_visit_plan_free       (ClVisitPlan     *plan);

guint                 cl_visit_plan_get_n_visits (ClVisitPlan   *plan);
const ClPlannedVisit *cl_visit_plan_get_visit  (ClVisitPlan     *plan,
                                                guint            index);
const ClPlannedVisit *cl_visit_plan_lookup     (ClVisitPlan     *plan,
                                                const char      *key);
/* The first visit not done and still applicable (overdue ones first by
 * order), or NULL. */
const ClPlannedVisit *cl_visit_plan_next       (ClVisitPlan     *plan);

/* The state of one visit, without building a plan (the roster calls it
 * per row): @done tells whether it is done. */
ClVisitState cl_visit_state_on (const ClVisitWindow *window,
                                const GDate         *edd,
                                const char          *status,
                                const GDate         *delivery,
                                const GDate         *today,
                                gboolean             done,
                                GDate               *start,
                                GDate               *end);

/* The roster's "next visit": the first visit of the default schedule
 * that is not in @done_keys (space-separated keys) and still applies.
 * Returns NULL when none is left. */
const ClVisitWindow *cl_visit_plan_next_for_keys (const GDate *edd,
                                                  const char  *status,
                                                  const GDate *delivery,
                                                  const GDate *today,
                                                  const char  *done_keys,
                                                  ClVisitState *state,
                                                  GDate       *start,
                                                  GDate       *end);

/* Translated "Due", "Overdue", … */
const char  *cl_visit_state_to_label (ClVisitState state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClVisitPlan, cl_visit_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClVisitDone, cl_visit_done_free)

G_END_DECLS
