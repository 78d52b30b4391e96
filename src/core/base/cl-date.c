/* cl-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-date"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cl-date.h"
#include "cl-validation.h"

/* Reads @min_digits to @max_digits ASCII digits from *@p and advances
 * it.  The upper bound keeps "2026-123-5" from being read as month 123. */
static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *out)
{
  const char *s = *p;
  guint value = 0;
  guint n = 0;

  g_assert (p != NULL && out != NULL);

  while (n < max_digits && g_ascii_isdigit (s[n]))
    {
      value = value * 10 + (guint) (s[n] - '0');
      n++;
    }

  if (n < min_digits)
    return FALSE;

  *p = s + n;
  *out = value;
  return TRUE;
}

static gboolean
split_ymd (const char *s,
           guint      *year,
           guint      *month,
           guint      *day)
{
  const char *p = s;
  char sep;

  g_assert (s != NULL);

  /* "20260305": the compact form that scanners and some HIS exports
   * use.  (Length alone is not enough: "2026-3-5" is 8 characters too.) */
  if (strlen (s) == 8 && strspn (s, "0123456789") == 8)
    {
      *year = (guint) (s[0] - '0') * 1000 + (guint) (s[1] - '0') * 100
              + (guint) (s[2] - '0') * 10 + (guint) (s[3] - '0');
      *month = (guint) (s[4] - '0') * 10 + (guint) (s[5] - '0');
      *day = (guint) (s[6] - '0') * 10 + (guint) (s[7] - '0');
      return TRUE;
    }

  if (!read_number (&p, 4, 4, year))
    return FALSE;

  /* Any of the usual separators, but the same one twice: "2026-3/5"
   * is more likely a typo than a date. */
  sep = *p;
  if (sep != '-' && sep != '/' && sep != '.')
    return FALSE;
  p++;

  if (!read_number (&p, 1, 2, month))
    return FALSE;

  if (*p != sep)
    return FALSE;
  p++;

  if (!read_number (&p, 1, 2, day))
    return FALSE;

  return *p == '\0';
}

gboolean
cl_date_parse (const char  *text,
               GDate       *out,
               GError     **error)
{
  g_autofree char *folded = NULL;
  guint year, month, day;
  char *s;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  /* NFKC turns the full-width digits and punctuation that a Chinese
   * input method produces ("２０２６－３－５") into ASCII.  ASCII text
   * (every stored date) is its own NFKC form: no need to ask. */
  if (g_str_is_ascii (text))
    folded = g_strdup (text);
  else
    folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_DATE,
                           _("Enter a date as YYYY-MM-DD, for example 2026-03-05"));
      return FALSE;
    }

  s = g_strstrip (folded);
  if (*s == '\0')
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_EMPTY,
                           _("Enter a date"));
      return FALSE;
    }

  if (!split_ymd (s, &year, &month, &day))
    {
      g_set_error_literal (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_DATE,
                           _("Enter a date as YYYY-MM-DD, for example 2026-03-05"));
      return FALSE;
    }

  if (year < 1 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_DATE,
                   /* Translators: the placeholder is the date as typed,
                    * e.g. "2026-02-30" */
                   _("%s is not a day in the calendar; check the month and the day"),
                   s);
      return FALSE;
    }

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
cl_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

G_LOCK_DEFINE_STATIC (today_cache);
static gint64 today_cache_second = -1;
static char *today_cache_tz;
static GDate today_cache_date;

void
cl_date_today (GDate *out)
{
  const char *fixed;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (out != NULL);

  fixed = g_getenv ("CARELINE_TODAY");
  if (fixed != NULL && *fixed != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (cl_date_parse (fixed, out, &error))
        return;

      /* A typo here would silently shift every gestational age, so say
       * so loudly instead of falling back without a word. */
      g_warning ("Ignoring CARELINE_TODAY=%s: %s", fixed, error->message);
    }

  /* GLib 2.74 reads the local time zone's file again on every
   * g_date_time_new_now_local() when TZ is unset, and the server asks
   * for today on every request: the answer is kept for the rest of
   * the second, for the same TZ. */
  {
    gint64 second = g_get_real_time () / G_USEC_PER_SEC;
    const char *tz = g_getenv ("TZ");

    G_LOCK (today_cache);
    if (second == today_cache_second && g_strcmp0 (tz, today_cache_tz) == 0)
      {
        *out = today_cache_date;
        G_UNLOCK (today_cache);
        return;
      }
    G_UNLOCK (today_cache);

    now = g_date_time_new_now_local ();
    g_date_clear (out, 1);
    g_date_set_dmy (out,
                    (GDateDay) g_date_time_get_day_of_month (now),
                    (GDateMonth) g_date_time_get_month (now),
                    (GDateYear) g_date_time_get_year (now));

    G_LOCK (today_cache);
    today_cache_second = g_date_time_to_unix (now);
    g_free (today_cache_tz);
    today_cache_tz = g_strdup (tz);
    today_cache_date = *out;
    G_UNLOCK (today_cache);
  }
}

gint
cl_date_days_between (const GDate *from,
                      const GDate *to)
{
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  return g_date_days_between (from, to);
}

gint
cl_date_age_years (const GDate *birth,
                   const GDate *on)
{
  gint years;
  guint birth_md, on_md;

  g_return_val_if_fail (birth != NULL && g_date_valid (birth), 0);
  g_return_val_if_fail (on != NULL && g_date_valid (on), 0);

  if (g_date_compare (on, birth) < 0)
    return -1;

  years = (gint) g_date_get_year (on) - (gint) g_date_get_year (birth);

  /* Comparing month*100+day rather than day-of-year makes a 29 Feb
   * birthday fall on 1 Mar in common years: 0301 > 0229 > 0228. */
  birth_md = g_date_get_month (birth) * 100 + g_date_get_day (birth);
  on_md = g_date_get_month (on) * 100 + g_date_get_day (on);
  if (on_md < birth_md)
    years--;

  return years;
}

/* UTC noon: the value is a civil date, so no time zone or DST
 * transition may move it to another day. */
static GDateTime *
date_time_of (const GDate *date)
{
  return g_date_time_new_utc ((gint) g_date_get_year (date),
                              (gint) g_date_get_month (date),
                              (gint) g_date_get_day (date),
                              12, 0, 0);
}

char *
cl_date_format (const GDate *date,
                ClDateStyle  style,
                const GDate *today)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate local_today;
  gboolean short_form = FALSE;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  if (style == CL_DATE_SHORT)
    {
      if (today == NULL || !g_date_valid (today))
        {
          cl_date_today (&local_today);
          today = &local_today;
        }
      short_form = g_date_get_year (date) == g_date_get_year (today);
    }

  if ((dt = date_time_of (date)) == NULL)
    return cl_date_to_iso (date);

  if (short_form)
    /* Translators: a date in the current year, as in g_date_time_format(),
     * e.g. "5 Mar".  For zh_CN use "%-m月%-d日". */
    return g_date_time_format (dt, C_("short date format", "%-d %b"));

  /* Translators: a full date as in g_date_time_format(), e.g.
   * "5 Mar 2026".  For zh_CN use "%Y年%-m月%-d日". */
  return g_date_time_format (dt, C_("full date format", "%-d %b %Y"));
}

char *
cl_date_format_iso (const char  *iso,
                    ClDateStyle  style,
                    const GDate *today)
{
  GDate date;

  if (iso && cl_date_parse (iso, &date, NULL))
    return cl_date_format (&date, style, today);
  return g_strdup ("—");
}

char *
cl_date_format_range (const GDate *from,
                      const GDate *to,
                      ClDateStyle  style,
                      const GDate *today)
{
  g_autofree char *a = cl_date_format (from, style, today);
  g_autofree char *b = cl_date_format (to, style, today);

  return g_strdup_printf ("%s – %s", a ? a : "—", b ? b : "—");
}

char *
cl_date_format_time (gint64       unix_time,
                     ClDateStyle  style,
                     const GDate *today)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (unix_time);
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  GDate date;

  if (at == NULL)
    return g_strdup ("—");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (at),
                  (GDateMonth) g_date_time_get_month (at),
                  (GDateYear) g_date_time_get_year (at));
  day = cl_date_format (&date, style, today);
  time = g_date_time_format (at, "%H:%M");
  return g_strdup_printf ("%s %s", day, time);
}

char *
cl_date_format_month (const char *month)
{
  g_autoptr(GDateTime) dt = NULL;
  guint year = 0, mon = 0;
  char tail = 0;

  if (month == NULL || sscanf (month, "%4u-%2u%c", &year, &mon, &tail) != 2
      || year < 1 || year > 9999 || mon < 1 || mon > 12)
    return g_strdup (month ? month : "—");
  dt = g_date_time_new_utc ((gint) year, (gint) mon, 1, 0, 0, 0);
  /* The month abbreviated as in a full date ("8 Oct 2026"), which
   * also keeps a late entry's "(late, for Sep 2026)" inside its
   * column on the printed statement.
   * Translators: a month, as g_date_time_format() takes it:
   * "Oct 2026"; in Chinese "%Y年%-m月" */
  return g_date_time_format (dt, C_("month format", "%b %Y"));
}

char *
cl_date_format_display (const GDate *date)
{
  return cl_date_format (date, CL_DATE_FULL, NULL);
}

char *
cl_date_format_short (const GDate *date,
                      const GDate *today)
{
  return cl_date_format (date, CL_DATE_SHORT, today);
}

char *
cl_date_format_iso_display (const char *iso)
{
  return cl_date_format_iso (iso, CL_DATE_FULL, NULL);
}

char *
cl_date_format_ga (gint      days,
                   gint      to_days,
                   ClGaStyle style)
{
  g_autofree char *figures = NULL;

  if (days < 0)
    return NULL;

  if (to_days >= 0)
    figures = g_strdup_printf ("%d+%d–%d+%d", days / 7, days % 7, to_days / 7, to_days % 7);
  else
    figures = g_strdup_printf ("%d+%d", days / 7, days % 7);

  if (style == CL_GA_PLAIN)
    return g_steal_pointer (&figures);

  /* Translators: a gestational age or window with its unit; %s is
   * "32+4" or "29+0–32+6".  zh_CN: "孕 %s 周" */
  return g_strdup_printf (C_("gestational age", "%s wk"), figures);
}
