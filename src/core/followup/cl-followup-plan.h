#pragma once

#include "cl-followup-rules.h"
#include "cl-visit-plan.h"

G_BEGIN_DECLS

/* Planning a pregnancy's follow-up items from the pathway rules, and
 * moving the stored items when the plan changes.  Both are pure: the
 * same dates and rules give the same items in the same order, so the
 * desk and the server agree without talking. */

/* What planning needs to know of one pregnancy. */
typedef struct _CLFollowupPlanInput CLFollowupPlanInput;

/* @name: what {name} says (her given name); @edd: the effective EDD
 * (corrected over LMP + 280 days); @today: the day planning is for. */
CLFollowupPlanInput *cl_followup_plan_input_new          (const char          *name,
                                                          const GDate         *edd,
                                                          const GDate         *today);
void                 cl_followup_plan_input_free         (CLFollowupPlanInput *input);
/* The language of the messages she gets (NULL, the default: zh_CN). */
void                 cl_followup_plan_input_set_language (CLFollowupPlanInput *input,
                                                          const char          *lang);
/* The birth is recorded (NULL: not born). */
void                 cl_followup_plan_input_set_birth    (CLFollowupPlanInput *input,
                                                          const GDate         *birth);
/* The pregnancy ended without a birth, or was closed: nothing is planned. */
void                 cl_followup_plan_input_set_closed   (CLFollowupPlanInput *input,
                                                          gboolean             closed);
/* A visit of her visit plan with its calendar window; @postpartum for
 * one anchored on the delivery (the 42-day revisit); @label is what
 * {visit} says. */
void                 cl_followup_plan_input_add_visit    (CLFollowupPlanInput *input,
                                                          const char          *key,
                                                          const char          *label,
                                                          gboolean             postpartum,
                                                          const GDate         *start,
                                                          const GDate         *end,
                                                          gboolean             done);
/* Every visit of @plan that still applies (skipped ones are left out),
 * with its label from @schedule (the plan's; NULL: the default) in the
 * input's language. */
void                 cl_followup_plan_input_add_visit_plan (CLFollowupPlanInput *input,
                                                            ClVisitPlan         *plan,
                                                            ClVisitGuideline    *schedule);
/* A doctor's order with a reminder date; @text is what {visit} says. */
void                 cl_followup_plan_input_add_order    (CLFollowupPlanInput *input,
                                                          const char          *order_id,
                                                          const char          *text,
                                                          const GDate         *reminder);
/* A filed check report; @visit_label is what {visit} says. */
void                 cl_followup_plan_input_add_report   (CLFollowupPlanInput *input,
                                                          const char          *report_id,
                                                          const char          *visit_label,
                                                          const GDate         *filed);

/* The planned items (CLFollowupItem, state due, no id), ordered by due
 * date, then by the rule's place in the file, then by source id. */
GPtrArray           *cl_followup_plan                    (CLFollowupRules     *rules,
                                                          CLFollowupPlanInput *input);

typedef enum
{
  CL_FOLLOWUP_CHANGE_KEEP,     /* leave it as it is */
  CL_FOLLOWUP_CHANGE_ADD,      /* a new planned item to store */
  CL_FOLLOWUP_CHANGE_MOVE,     /* a new due date (and content) for an open item */
  CL_FOLLOWUP_CHANGE_UPDATE,   /* the same date, new content (the rule's text changed) */
  CL_FOLLOWUP_CHANGE_CANCEL,   /* an open item that no longer applies */
} CLFollowupChangeKind;

typedef enum
{
  CL_FOLLOWUP_REASON_NONE,
  CL_FOLLOWUP_REASON_NOT_PLANNED,        /* its visit was done, its window passed, its rule went */
  CL_FOLLOWUP_REASON_PREGNANCY_CLOSED,   /* the pregnancy ended or was closed */
} CLFollowupReason;

typedef struct
{
  CLFollowupChangeKind  kind;
  CLFollowupItem       *existing;  /* the stored item; NULL for an addition */
  CLFollowupItem       *planned;   /* the plan's item for ADD, MOVE, UPDATE; else NULL */
  CLFollowupReason      reason;    /* for CANCEL */
} CLFollowupChange;

void cl_followup_change_free (CLFollowupChange *change);

/* What to do to @existing (stored items of one pregnancy, with ids and
 * states) to follow @planned (from cl_followup_plan()): one change per
 * existing item in its order, then the additions in the plan's order.
 * An item is the plan's when its rule and source match.  Done and
 * cancelled items stay; so does an item rescheduled by a person and
 * one added by hand.  When @closed (the pregnancy ended or was closed)
 * every open item is cancelled, by hand or not, and nothing is added. */
GPtrArray *cl_followup_reconcile (GPtrArray *existing,
                                  GPtrArray *planned,
                                  gboolean   closed);

/* Drops from @changes what would be noise on @today, the day they are
 * made: an addition of a reminder (visit, postpartum revisit, order)
 * whose day has passed (for a visit: its window has closed).  An addition due more than the rules'
 * max-overdue-days back is due that many days back instead, and an
 * open item is not moved further back than that (a capped item stays
 * where it was put). */
void cl_followup_trim_changes (GPtrArray       *changes,
                               CLFollowupRules *rules,
                               const GDate     *today);

const char *cl_followup_change_kind_to_string (CLFollowupChangeKind kind);
const char *cl_followup_reason_to_string      (CLFollowupReason     reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLFollowupPlanInput, cl_followup_plan_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLFollowupChange, cl_followup_change_free)

G_END_DECLS
