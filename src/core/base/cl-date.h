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

/* Date for display in the current locale, e.g. "2026年3月5日" in zh_CN,
 * "5 Mar 2026" in English (format string is translatable). */
char    *cl_date_format_display (const GDate *date);

/* cl_date_format_display() of an ISO date from the store; "—" when it
 * is NULL or not a date. */
char    *cl_date_format_iso_display (const char *iso);

/* Short form for dense tables: "03-05" in both languages when in the
 * current year, else "2025-03-05". */
char    *cl_date_format_short   (const GDate *date,
                                 const GDate *today);

G_END_DECLS
