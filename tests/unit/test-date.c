/* test-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-date.h"
#include "cl-validation.h"

/* -1 as an error code means "must succeed". */
#define OK -1

static void
make_date (GDate      *date,
           const char *iso)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_date_parse (iso, date, &error));
  g_assert_no_error (error);
}

static void
test_parse (void)
{
  static const struct
  {
    const char *text;
    gint        code;
    const char *iso;
  } cases[] = {
    { "2026-03-05", OK, "2026-03-05" },
    { "2026-3-5", OK, "2026-03-05" },
    { "2026/3/5", OK, "2026-03-05" },
    { "2026.3.5", OK, "2026-03-05" },
    { "2026/03/05", OK, "2026-03-05" },
    { "20260305", OK, "2026-03-05" },
    { "  2026-03-05\t", OK, "2026-03-05" },
    { "２０２６－０３－０５", OK, "2026-03-05" },  /* full-width IME input */
    { "2024-02-29", OK, "2024-02-29" },  /* leap year */
    { "2000-02-29", OK, "2000-02-29" },  /* divisible by 400: leap */
    { "2025-12-31", OK, "2025-12-31" },
    { "1900-02-29", CL_VALIDATION_ERROR_DATE, NULL },  /* divisible by 100: common */
    { "2026-02-29", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026-02-30", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026-04-31", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026-13-01", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026-00-10", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026-01-00", CL_VALIDATION_ERROR_DATE, NULL },
    { "0000-01-01", CL_VALIDATION_ERROR_DATE, NULL },
    { "20260230", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026030", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026-3/5", CL_VALIDATION_ERROR_DATE, NULL },  /* mixed separators */
    { "2026-003-05", CL_VALIDATION_ERROR_DATE, NULL },
    { "26-03-05", CL_VALIDATION_ERROR_DATE, NULL },
    { "05/03/2026", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026-03-05x", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026-03-05 10:00", CL_VALIDATION_ERROR_DATE, NULL },
    { "2026 03 05", CL_VALIDATION_ERROR_DATE, NULL },
    { "yesterday", CL_VALIDATION_ERROR_DATE, NULL },
    { "", CL_VALIDATION_ERROR_EMPTY, NULL },
    { " \t ", CL_VALIDATION_ERROR_EMPTY, NULL },
    { NULL, CL_VALIDATION_ERROR_EMPTY, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok;

      g_test_message ("parse “%s”", cases[i].text ? cases[i].text : "(null)");
      g_date_clear (&date, 1);
      ok = cl_date_parse (cases[i].text, &date, &error);

      if (cases[i].code == OK)
        {
          g_autofree char *iso = NULL;

          g_assert_no_error (error);
          g_assert_true (ok);
          iso = cl_date_to_iso (&date);
          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, CL_VALIDATION_ERROR, cases[i].code);
          g_assert_nonnull (error->message);
          g_assert_cmpuint (strlen (error->message), >, 0);
        }
    }
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  /* The tests run in C.UTF-8, so the messages are the English source. */
  g_assert_false (cl_date_parse ("5.3.26", &date, &error));
  g_assert_cmpstr (error->message, ==, "Enter a date as YYYY-MM-DD, for example 2026-03-05");
  g_clear_error (&error);

  g_assert_false (cl_date_parse ("2026-02-30", &date, &error));
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
}

static void
test_to_iso (void)
{
  GDate date;
  g_autofree char *iso = NULL;
  g_autofree char *early = NULL;

  g_date_clear (&date, 1);
  g_assert_null (cl_date_to_iso (&date));
  g_assert_null (cl_date_to_iso (NULL));

  g_date_set_dmy (&date, 9, G_DATE_JULY, 2026);
  iso = cl_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2026-07-09");

  /* Zero-padded to four digits, so text order is date order. */
  g_date_set_dmy (&date, 2, G_DATE_JANUARY, 5);
  early = cl_date_to_iso (&date);
  g_assert_cmpstr (early, ==, "0005-01-02");
}

static void
test_today (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("CARELINE_TODAY"));
  g_autofree char *iso = NULL;
  g_autofree char *leap = NULL;
  GDate today;

  /* tests/meson.build fixes the date. */
  g_assert_cmpstr (saved, ==, "2026-11-23");
  cl_date_today (&today);
  iso = cl_date_to_iso (&today);
  g_assert_cmpstr (iso, ==, "2026-11-23");

  g_setenv ("CARELINE_TODAY", "2024-02-29", TRUE);
  cl_date_today (&today);
  leap = cl_date_to_iso (&today);
  g_assert_cmpstr (leap, ==, "2024-02-29");

  /* A broken override warns and falls back to the clock. */
  g_setenv ("CARELINE_TODAY", "2026-02-30", TRUE);
  g_test_expect_message ("cl-date", G_LOG_LEVEL_WARNING, "Ignoring CARELINE_TODAY=2026-02-30*");
  cl_date_today (&today);
  g_test_assert_expected_messages ();
  g_assert_true (g_date_valid (&today));
  g_assert_cmpuint (g_date_get_year (&today), >=, 2024);

  /* Without the override: the local date, which follows TZ at once
   * (cl_date_today() keeps its answer for a second, but per TZ).  At
   * any moment UTC+14 is a day or two ahead of UTC-12. */
  {
    g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
    const char *zones[] = { "UTC-14", "UTC+12" };
    GDate dates[G_N_ELEMENTS (zones)];

    g_unsetenv ("CARELINE_TODAY");
    for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
      {
        g_autoptr(GDateTime) now = NULL;

        g_setenv ("TZ", zones[i], TRUE);
        cl_date_today (&dates[i]);
        now = g_date_time_new_now_local ();
        g_assert_cmpint (g_date_get_day (&dates[i]), ==, g_date_time_get_day_of_month (now));
        g_assert_cmpint (g_date_get_month (&dates[i]), ==, g_date_time_get_month (now));
      }
    g_assert_cmpint (cl_date_days_between (&dates[1], &dates[0]), >=, 1);
    if (saved_tz)
      g_setenv ("TZ", saved_tz, TRUE);
    else
      g_unsetenv ("TZ");
  }

  g_setenv ("CARELINE_TODAY", saved, TRUE);
}

static void
test_days_between (void)
{
  static const struct
  {
    const char *from;
    const char *to;
    gint        days;
  } cases[] = {
    { "2026-03-05", "2026-03-05", 0 },
    { "2026-03-05", "2026-03-06", 1 },
    { "2026-03-06", "2026-03-05", -1 },
    { "2025-12-31", "2026-01-01", 1 },   /* year end */
    { "2024-02-28", "2024-03-01", 2 },   /* leap year */
    { "2023-02-28", "2023-03-01", 1 },   /* common year */
    { "2024-01-01", "2025-01-01", 366 },
    { "2025-01-01", "2026-01-01", 365 },
    { "2026-11-23", "2026-01-01", -326 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, to;

      make_date (&from, cases[i].from);
      make_date (&to, cases[i].to);
      g_assert_cmpint (cl_date_days_between (&from, &to), ==, cases[i].days);
    }
}

static void
test_age (void)
{
  static const struct
  {
    const char *birth;
    const char *on;
    gint        age;
  } cases[] = {
    { "1990-03-07", "2026-03-07", 36 },  /* on the birthday */
    { "1990-03-07", "2026-03-06", 35 },  /* the day before */
    { "1990-03-07", "2026-03-08", 36 },
    { "1990-12-31", "2026-01-01", 35 },
    { "1991-01-01", "2025-12-31", 34 },
    { "2000-02-29", "2026-02-28", 25 },  /* 29 Feb: not yet in a common year */
    { "2000-02-29", "2026-03-01", 26 },  /* ... but on 1 Mar */
    { "2000-02-29", "2028-02-28", 27 },
    { "2000-02-29", "2028-02-29", 28 },  /* on the real day in a leap year */
    { "2026-11-23", "2026-11-23", 0 },
    { "2026-11-23", "2026-11-22", -1 },  /* not born yet */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate birth, on;

      g_test_message ("born %s, on %s", cases[i].birth, cases[i].on);
      make_date (&birth, cases[i].birth);
      make_date (&on, cases[i].on);
      g_assert_cmpint (cl_date_age_years (&birth, &on), ==, cases[i].age);
    }
}

static void
test_format (void)
{
  static const struct
  {
    const char *date;
    const char *display;
    const char *short_form;  /* with today = 2026-11-23 */
  } cases[] = {
    { "2026-03-05", "5 Mar 2026", "5 Mar" },
    { "2026-12-31", "31 Dec 2026", "31 Dec" },
    /* another year: in full, never a short date without its year */
    { "2024-02-29", "29 Feb 2024", "29 Feb 2024" },
    { "2025-03-05", "5 Mar 2025", "5 Mar 2025" },
    { "2027-01-02", "2 Jan 2027", "2 Jan 2027" },
  };
  GDate today;
  GDate cleared;

  make_date (&today, "2026-11-23");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *display = NULL;
      g_autofree char *short_form = NULL;
      g_autofree char *short_default = NULL;
      GDate date;

      make_date (&date, cases[i].date);
      display = cl_date_format_display (&date);
      short_form = cl_date_format_short (&date, &today);
      /* NULL today means CARELINE_TODAY, the same day */
      short_default = cl_date_format_short (&date, NULL);

      g_assert_cmpstr (display, ==, cases[i].display);
      g_assert_cmpstr (short_form, ==, cases[i].short_form);
      g_assert_cmpstr (short_default, ==, cases[i].short_form);
    }

  g_date_clear (&cleared, 1);
  g_assert_null (cl_date_format_display (&cleared));
  g_assert_null (cl_date_format_short (&cleared, &today));
  g_assert_null (cl_date_format (&cleared, CL_DATE_FULL, &today));
}

/* The one function and its helpers: ISO text from the store, spans,
 * instants, and gestational ages and windows. */
static void
test_format_style (void)
{
  g_autofree char *full = NULL;
  g_autofree char *iso_short = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *range = NULL;
  g_autofree char *range_years = NULL;
  g_autofree char *at = NULL;
  GDate today, a, b;

  make_date (&today, "2026-11-23");
  make_date (&a, "2026-12-08");
  make_date (&b, "2027-01-05");

  full = cl_date_format (&a, CL_DATE_FULL, &today);
  g_assert_cmpstr (full, ==, "8 Dec 2026");
  iso_short = cl_date_format_iso ("2026-12-08", CL_DATE_SHORT, &today);
  g_assert_cmpstr (iso_short, ==, "8 Dec");
  missing = cl_date_format_iso (NULL, CL_DATE_SHORT, &today);
  g_assert_cmpstr (missing, ==, "—");
  range = cl_date_format_range (&today, &a, CL_DATE_SHORT, &today);
  g_assert_cmpstr (range, ==, "23 Nov – 8 Dec");
  range_years = cl_date_format_range (&a, &b, CL_DATE_SHORT, &today);
  g_assert_cmpstr (range_years, ==, "8 Dec – 5 Jan 2027");

  /* 2026-12-08 14:05 local time */
  {
    g_autoptr(GDateTime) local = g_date_time_new_local (2026, 12, 8, 14, 5, 0);

    at = cl_date_format_time (g_date_time_to_unix (local), CL_DATE_FULL, &today);
    g_assert_cmpstr (at, ==, "8 Dec 2026 14:05");
  }
}

static void
test_format_ga (void)
{
  static const struct
  {
    gint        days;
    gint        to_days;
    const char *plain;
    const char *weeks;
  } cases[] = {
    { 228, -1, "32+4", "32+4 wk" },
    { 0, -1, "0+0", "0+0 wk" },
    { 203, 230, "29+0–32+6", "29+0–32+6 wk" },
    { 42, 97, "6+0–13+6", "6+0–13+6 wk" },
    { -1, -1, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = cl_date_format_ga (cases[i].days, cases[i].to_days, CL_GA_PLAIN);
      g_autofree char *weeks = cl_date_format_ga (cases[i].days, cases[i].to_days, CL_GA_WEEKS);

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (weeks, ==, cases[i].weeks);
    }
}

/* A settlement month reads one way on screen, in messages and in
 * print; what is not a month is left as it is. */
static void
test_format_month (void)
{
  static const struct
  {
    const char *month;
    const char *shown;
  } cases[] = {
    { "2026-10", "Oct 2026" },
    { "2027-01", "Jan 2027" },
    { "2026-13", "2026-13" },
    { "2026-10-05", "2026-10-05" },
    { "", "" },
    { NULL, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = cl_date_format_month (cases[i].month);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

/* In Chinese, as the staff read it: the formats are translated. */
static void
test_format_chinese (void)
{
  const char *localedir = g_getenv ("CARELINE_LOCALEDIR");
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *full = NULL;
  g_autofree char *short_form = NULL;
  g_autofree char *other_year = NULL;
  g_autofree char *ga = NULL;
  g_autofree char *window = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *month = NULL;
  GDate today, a, b;

  /* tests/unit/meson.build gives this test the compiled translations */
  g_assert_nonnull (localedir);
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  make_date (&today, "2026-11-23");
  make_date (&a, "2026-12-08");
  make_date (&b, "2027-01-05");
  full = cl_date_format (&a, CL_DATE_FULL, &today);
  short_form = cl_date_format (&a, CL_DATE_SHORT, &today);
  other_year = cl_date_format (&b, CL_DATE_SHORT, &today);
  ga = cl_date_format_ga (228, -1, CL_GA_WEEKS);
  window = cl_date_format_ga (203, 230, CL_GA_WEEKS);
  plain = cl_date_format_ga (203, 230, CL_GA_PLAIN);
  month = cl_date_format_month ("2026-10");

  setlocale (LC_ALL, saved);
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (full, ==, "2026年12月8日");
  g_assert_cmpstr (month, ==, "2026年10月");
  g_assert_cmpstr (short_form, ==, "12月8日");
  g_assert_cmpstr (other_year, ==, "2027年1月5日");
  g_assert_cmpstr (ga, ==, "孕 32+4 周");
  g_assert_cmpstr (window, ==, "孕 29+0–32+6 周");
  g_assert_cmpstr (plain, ==, "29+0–32+6");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/messages", test_messages);
  g_test_add_func ("/date/to-iso", test_to_iso);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/days-between", test_days_between);
  g_test_add_func ("/date/age", test_age);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/format-style", test_format_style);
  g_test_add_func ("/date/format-ga", test_format_ga);
  g_test_add_func ("/date/format-month", test_format_month);
  g_test_add_func ("/date/format-chinese", test_format_chinese);

  return g_test_run ();
}
