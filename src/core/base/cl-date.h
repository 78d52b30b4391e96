#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Civil dates (no time zone) are GDate values in core and ISO
 * "YYYY-MM-DD" text in the store and on the wire. */

/* Strict-but-forgiving parse of what a person types at a desk:
 * "2026-03-05", "2026-3-5", "2026/3/5", "2026.3.5", "20260305".
 * Leading/trailing blanks are ignored.  Returns FALSE with a translated
 * CL_VALIDATION_ERROR_EMPTY / _DATE error otherwise (e.g. 2026-02-30). */
gboolean cl_date_parse        (const char  *text,
                               GDate       *out,
                               GError     **error);

/* "YYYY-MM-DD"; NULL for an invalid/cleared GDate. */
char    *cl_date_to_iso       (const GDate *date);

/* Today's local civil date.  If the environment variable CARELINE_TODAY
 * holds an ISO date it is used instead, so tests and demo data are
 * reproducible. */
void     cl_date_today        (GDate       *out);

/* Signed number of days from @from to @to (to - from). */
gint     cl_date_days_between (const GDate *from,
                               const GDate *to);

/* Whole years of age on @on for someone born on @birth (birthday rule:
 * the age increases on the birthday; 29 Feb birthdays on 1 Mar in
 * common years).  -1 if @on is before @birth. */
gint     cl_date_age_years    (const GDate *birth,
                               const GDate *on);

/* Every date and gestational age Careline shows, printed or on
 * screen, comes from the functions below, so one style holds
 * everywhere.
 *
 * CL_DATE_FULL  the locale's medium date: "8 Dec 2026", zh_CN
 *               "2026年12月8日" (the format string is translatable).
 * CL_DATE_SHORT the same without the year, "8 Dec" / "12月8日", but
 *               only for a date in @today's year; any other year is
 *               shown in full, so a short date is never ambiguous. */
typedef enum
{
  CL_DATE_FULL,
  CL_DATE_SHORT,
} ClDateStyle;

/* @date in @style; @today (NULL: cl_date_today()) decides whether a
 * short date may drop its year.  NULL for an invalid/cleared GDate. */
char    *cl_date_format         (const GDate *date,
                                 ClDateStyle  style,
                                 const GDate *today);

/* cl_date_format() of an ISO date from the store; "—" when it is NULL
 * or not a date. */
char    *cl_date_format_iso     (const char  *iso,
                                 ClDateStyle  style,
                                 const GDate *today);

/* Two dates as a span, "8 Dec – 14 Dec" (en dash with spaces, as
 * GNOME Calendar writes a span); "—" stands for a missing end. */
char    *cl_date_format_range   (const GDate *from,
                                 const GDate *to,
                                 ClDateStyle  style,
                                 const GDate *today);

/* An instant (Unix seconds) in local time: its date in @style and the
 * 24-hour time, "8 Dec 2026 14:05" / "2026年12月8日 14:05". */
char    *cl_date_format_time    (gint64       unix_time,
                                 ClDateStyle  style,
                                 const GDate *today);

/* A month "YYYY-MM" (a settlement month) as it is shown and printed
 * everywhere, in the style of CL_DATE_FULL: "Oct 2026" / "2026年10月"
 * (translatable).  Anything
 * else is returned as it is ("—" for NULL). */
char    *cl_date_format_month   (const char  *month);

/* Shorthands kept for the callers that predate cl_date_format():
 * cl_date_format (date, CL_DATE_FULL, NULL),
 * cl_date_format_iso (iso, CL_DATE_FULL, NULL) and
 * cl_date_format (date, CL_DATE_SHORT, today). */
char    *cl_date_format_display (const GDate *date);
char    *cl_date_format_iso_display (const char *iso);
char    *cl_date_format_short   (const GDate *date,
                                 const GDate *today);

/* Gestational ages, in completed weeks + days, always as "32+4" and a
 * window always as "29+0–32+6" (en dash, no spaces).
 *
 * CL_GA_PLAIN  just the figures, for a form field or a sentence that
 *              names the unit itself;
 * CL_GA_WEEKS  with the unit: "32+4 wk", "29+0–32+6 wk", zh_CN
 *              "孕 32+4 周", "孕 29+0–32+6 周" (translatable). */
typedef enum
{
  CL_GA_PLAIN,
  CL_GA_WEEKS,
} ClGaStyle;

/* The age @days (the window @days to @to_days when @to_days >= 0) in
 * @style.  NULL when @days is negative. */
char    *cl_date_format_ga      (gint         days,
                                 gint         to_days,
                                 ClGaStyle    style);

G_END_DECLS
