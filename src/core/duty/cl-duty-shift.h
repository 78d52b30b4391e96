#pragma once

#include "cl-duty-post.h"

G_BEGIN_DECLS

/* The shifts of the duty roster and the times they stand for at a
 * post.  A shift is stored as its word: "early", "regular", "late",
 * "night".
 *
 * At a post with a morning and an afternoon session (08:00–12:00,
 * 14:30–17:30) the regular shift works both sessions; the early shift
 * starts @early_lead minutes before each session opens, so the post is
 * staffed when the doors open; the late shift ends @late_tail minutes
 * after each session closes, so someone sees the last patient out.
 * The night shift runs from the post's last close to its first opening
 * the next morning.  Both minutes are settings (duty.early_minutes,
 * duty.late_minutes; cl-duty-store.h). */

#define CL_DUTY_SHIFT_EARLY   "early"
#define CL_DUTY_SHIFT_REGULAR "regular"
#define CL_DUTY_SHIFT_LATE    "late"
#define CL_DUTY_SHIFT_NIGHT   "night"

/* The shifts in the order of a day, NULL-terminated. */
const char * const *cl_duty_shifts            (void);
gboolean            cl_duty_shift_is_known    (const char *shift);
/* "Early" / "早班" (translated); the word itself when unknown. */
const char         *cl_duty_shift_label       (const char *shift);

/* A stretch of time on duty, minutes after the midnight that starts its
 * day; a night shift's end lies past 24 × 60. */
typedef struct
{
  gint start;
  gint end;
} CLDutySpan;

/* The settings the shift times and the weekly limit follow. */
typedef struct
{
  gint early_lead;    /* minutes the early shift starts before opening */
  gint late_tail;     /* minutes the late shift ends after closing */
  gint week_minutes;  /* the most a person may work in a week */
} CLDutyRules;

/* The defaults of CLDutyRules: 30 minutes, 30 minutes, 40 hours. */
void   cl_duty_rules_init_default (CLDutyRules *rules);

/* The spans @shift covers at @post, in order, overlapping ones joined
 * (at most 2); 0 for an unknown shift. */
guint  cl_duty_shift_spans   (CLDutyPost        *post,
                              const char        *shift,
                              const CLDutyRules *rules,
                              CLDutySpan         spans[2]);

/* Minutes on duty of @shift at @post. */
gint   cl_duty_shift_minutes (CLDutyPost        *post,
                              const char        *shift,
                              const CLDutyRules *rules);

/* "07:30–12:00, 14:00–17:30"; a night "17:30–08:00". */
char  *cl_duty_shift_format_times (CLDutyPost        *post,
                                   const char        *shift,
                                   const CLDutyRules *rules);

/* Minutes after midnight as "HH:MM" (24:00 and past wrap to the next
 * day's clock). */
char  *cl_duty_format_minutes (gint minutes);

/* "08:00", "8:00" or "0800" (to 24:00) as minutes after midnight;
 * FALSE for anything else. */
gboolean cl_duty_parse_minutes (const char *text,
                                gint       *minutes);

/* A day of the roster in words: "Mon 7 Dec" / "12月7日 周一". */
char  *cl_duty_format_day     (const GDate *day);

/* A week's length of work in hours, "40 h" or "37.5 h" (translated). */
char  *cl_duty_format_hours   (gint minutes);

G_END_DECLS
