#pragma once

#include "cl-duty-check.h"
#include "cl-staff.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* One week of the duty roster as it is shown and printed: its people
 * (the rows), its seven days (the columns), what each cell holds in
 * words, each person's hours, and the coverage warnings.  Read from
 * the store at once, so the view and the printout say the same. */
typedef struct
{
  GDate       monday;
  char       *days[7];      /* YYYY-MM-DD, Monday first */
  GPtrArray  *staff;        /* CLStaff, the rows */
  GPtrArray  *posts;        /* every live CLDutyPost */
  GPtrArray  *active_posts; /* those still staffed, for a new shift */
  GPtrArray  *assignments;  /* CLDutyAssignment of the seven days */
  GPtrArray  *warnings;     /* CLDutyWarning */
  CLDutyRules rules;
} CLDutyWeek;

/* The week starting on @monday (any day: its Monday is taken). */
CLDutyWeek *cl_duty_week_load            (CLStore     *store,
                                          const GDate *day);
void        cl_duty_week_free            (CLDutyWeek  *week);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLDutyWeek, cl_duty_week_free)

/* The assignments of row @row on day @day (0 = Monday), borrowed. */
GPtrArray  *cl_duty_week_cell            (CLDutyWeek  *week,
                                          guint        row,
                                          guint        day);
CLDutyPost *cl_duty_week_find_post       (CLDutyWeek  *week,
                                          const char  *post_id);

/* The cell in short: one line per shift, "Early · 门诊服务中心"; NULL
 * when empty. */
char       *cl_duty_week_cell_text       (CLDutyWeek  *week,
                                          guint        row,
                                          guint        day);
/* The cell in a sentence, for a screen reader and a tooltip: "王芳,
 * Mon 23 Nov: Early at 门诊服务中心, 07:30–12:00, 14:00–17:30" or "…:
 * not on duty". */
char       *cl_duty_week_cell_description (CLDutyWeek *week,
                                           guint       row,
                                           guint       day);
/* Whether a warning names this person on this day (or in this week). */
gboolean    cl_duty_week_cell_flagged    (CLDutyWeek  *week,
                                          guint        row,
                                          guint        day);
/* Minutes on duty of row @row in the week. */
gint        cl_duty_week_minutes         (CLDutyWeek  *week,
                                          guint        row);
/* "23 Nov – 29 Nov 2026". */
char       *cl_duty_week_format_range    (CLDutyWeek  *week);

G_END_DECLS
