#pragma once

#include "cl-duty-assignment.h"
#include "cl-duty-post.h"
#include "cl-duty-shift.h"

G_BEGIN_DECLS

/* The duty roster's coverage check: what is wrong with a week's
 * roster, each in words that name the post, the person and the day.
 * No store: the week view, the printed week and the tests hand it the
 * records. */

typedef enum
{
  CL_DUTY_WARNING_SHORT,     /* a post under its headcount on a day */
  CL_DUTY_WARNING_TWO_AT_ONCE, /* one person on two shifts at once */
  CL_DUTY_WARNING_OVER_HOURS,  /* one person over the weekly limit */
  CL_DUTY_WARNING_GAP,       /* a 24-hour post with nobody for a while */
} CLDutyWarningKind;

typedef struct
{
  CLDutyWarningKind  kind;
  char              *day;       /* YYYY-MM-DD; NULL for the whole week */
  char              *post_id;   /* NULL when it is about a person */
  char              *staff_id;  /* NULL when it is about a post */
  char              *message;   /* translated */
} CLDutyWarning;

void cl_duty_warning_free (CLDutyWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLDutyWarning, cl_duty_warning_free)

/* The warnings of the week that starts on @monday, in order: posts
 * short of people and 24-hour gaps day by day, then people on two
 * shifts at once, then people over @rules' weekly limit.
 *
 * @posts: every CLDutyPost the assignments name (only active posts
 * are held to their headcount and, when open round the clock, to a
 * day without gaps).  @assignments: the CLDutyAssignments of the week
 * and of the day before it, whose night shifts run into Monday.
 * @staff_names: staff id → the name to say.  A deleted record counts
 * as none.  Returns a GPtrArray of CLDutyWarning. */
GPtrArray *cl_duty_check_week (const GDate       *monday,
                               GPtrArray         *posts,
                               GPtrArray         *assignments,
                               GHashTable        *staff_names,
                               const CLDutyRules *rules);

G_END_DECLS
