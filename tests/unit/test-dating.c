/* test-dating.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <locale.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-validation.h"

#define OK -1
#define TODAY "2026-11-23"  /* CARELINE_TODAY in tests/meson.build */

/* NULL or "" gives a cleared date, so tables can leave fields out. */
static void
make_date (GDate      *date,
           const char *iso)
{
  g_autoptr(GError) error = NULL;

  g_date_clear (date, 1);
  if (iso == NULL || *iso == '\0')
    return;

  g_assert_true (cl_date_parse (iso, date, &error));
  g_assert_no_error (error);
}

static void
test_edd (void)
{
  static const struct
  {
    const char *lmp;
    const char *edd;
  } cases[] = {
    { "2026-01-01", "2026-10-08" },
    { "2025-06-01", "2026-03-08" },  /* across the year end */
    { "2025-03-25", "2025-12-30" },
    { "2023-06-01", "2024-03-07" },  /* across 29 Feb 2024 */
    { "2024-05-25", "2025-03-01" },  /* 28 Feb 2025 is not followed by 29 */
    { "2026-04-01", "2027-01-06" },
  };
  GDate cleared, edd;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;
      GDate lmp;

      make_date (&lmp, cases[i].lmp);
      cl_dating_edd_from_lmp (&lmp, &edd);
      iso = cl_date_to_iso (&edd);
      g_assert_cmpstr (iso, ==, cases[i].edd);
      g_assert_cmpint (cl_dating_gestational_days (&edd, &lmp), ==, 0);
    }

  g_date_clear (&cleared, 1);
  make_date (&edd, "2026-01-01");
  cl_dating_edd_from_lmp (&cleared, &edd);
  g_assert_false (g_date_valid (&edd));
}

static void
test_gestational_days (void)
{
  static const struct
  {
    const char *edd;
    const char *on;
    gint        days;
    const char *ga;
  } cases[] = {
    { "2027-01-14", "2026-11-23", 228, "32+4" },
    { "2026-11-23", "2026-11-23", 280, "40+0" },
    { "2026-11-16", "2026-11-23", 287, "41+0" },
    { "2027-08-30", "2026-11-23", 0, "0+0" },
    { "2027-08-31", "2026-11-23", -1, NULL },
    { "2026-03-08", "2025-12-31", 213, "30+3" },  /* LMP 2025-06-01, year end */
    { "2024-03-07", "2024-03-01", 274, "39+1" },  /* across 29 Feb */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ga = NULL;
      GDate edd, on;

      make_date (&edd, cases[i].edd);
      make_date (&on, cases[i].on);
      g_assert_cmpint (cl_dating_gestational_days (&edd, &on), ==, cases[i].days);
      ga = cl_dating_format_ga (cases[i].days);
      g_assert_cmpstr (ga, ==, cases[i].ga);
    }
}

static void
test_corrected_edd (void)
{
  g_autofree char *by_lmp = NULL;
  g_autofree char *by_scan = NULL;
  GDate lmp, edd, corrected, today;

  /* LMP 2026-04-01 gives 2027-01-06; an early scan moved it 5 days
   * later, so the pregnancy is 5 days younger than the LMP says. */
  make_date (&lmp, "2026-04-01");
  make_date (&today, TODAY);
  make_date (&corrected, "2027-01-11");
  cl_dating_edd_from_lmp (&lmp, &edd);

  g_assert_cmpint (cl_dating_gestational_days (&edd, &today), ==, 236);
  g_assert_cmpint (cl_dating_gestational_days (&corrected, &today), ==, 231);

  by_lmp = cl_dating_format_ga (cl_dating_gestational_days (&edd, &today));
  by_scan = cl_dating_format_ga (cl_dating_gestational_days (&corrected, &today));
  g_assert_cmpstr (by_lmp, ==, "33+5");
  g_assert_cmpstr (by_scan, ==, "33+0");
}

static void
test_format_ga (void)
{
  static const struct
  {
    gint        days;
    const char *ga;
    const char *display;
  } cases[] = {
    { 0, "0+0", "0+0 wk" },
    { 6, "0+6", "0+6 wk" },
    { 7, "1+0", "1+0 wk" },
    { 97, "13+6", "13+6 wk" },
    { 98, "14+0", "14+0 wk" },
    { 228, "32+4", "32+4 wk" },
    { 280, "40+0", "40+0 wk" },
    { 301, "43+0", "43+0 wk" },
    { -1, NULL, NULL },
    { -30, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ga = cl_dating_format_ga (cases[i].days);
      g_autofree char *display = cl_dating_format_ga_display (cases[i].days);

      g_assert_cmpstr (ga, ==, cases[i].ga);
      g_assert_cmpstr (display, ==, cases[i].display);
    }
}

static void
test_postpartum_day (void)
{
  static const struct
  {
    const char *delivery;
    const char *on;
    gint        day;
  } cases[] = {
    { "2026-11-23", "2026-11-23", 0 },
    { "2026-11-23", "2026-11-22", -1 },
    { "2026-10-12", "2026-11-23", 42 },
    { "2026-10-11", "2026-11-23", 43 },
    { "2025-12-31", "2026-01-01", 1 },
    { "2024-02-28", "2024-03-01", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate delivery, on;

      make_date (&delivery, cases[i].delivery);
      make_date (&on, cases[i].on);
      g_assert_cmpint (cl_dating_postpartum_day (&delivery, &on), ==, cases[i].day);
    }
}

static void
test_stage (void)
{
  /* All on TODAY = 2026-11-23; an EDD of TODAY + (280 - n) days puts
   * the pregnancy at n days. */
  static const struct
  {
    const char *status;
    const char *edd;
    const char *delivery;
    ClStage     stage;
  } cases[] = {
    { "ongoing", "2027-08-30", NULL, CL_STAGE_FIRST_TRIMESTER },   /* 0+0 */
    { "ongoing", "2027-05-25", NULL, CL_STAGE_FIRST_TRIMESTER },   /* 13+6 */
    { "ongoing", "2027-05-24", NULL, CL_STAGE_SECOND_TRIMESTER },  /* 14+0 */
    { "ongoing", "2027-02-16", NULL, CL_STAGE_SECOND_TRIMESTER },  /* 27+6 */
    { "ongoing", "2027-02-15", NULL, CL_STAGE_THIRD_TRIMESTER },   /* 28+0 */
    { "ongoing", "2026-11-23", NULL, CL_STAGE_THIRD_TRIMESTER },   /* 40+0 */
    { "ongoing", "2026-10-24", NULL, CL_STAGE_THIRD_TRIMESTER },   /* post-term 44+2 */
    { "ongoing", "2027-08-31", NULL, CL_STAGE_NONE },              /* before the LMP */
    { "ongoing", NULL, NULL, CL_STAGE_NONE },
    { NULL, "2027-05-23", NULL, CL_STAGE_SECOND_TRIMESTER },       /* no status: ongoing, 14+1 */
    { "delivered", "2026-11-20", "2026-11-23", CL_STAGE_POSTPARTUM },  /* day 0 */
    { "delivered", "2026-10-20", "2026-10-12", CL_STAGE_POSTPARTUM },  /* day 42 */
    { "delivered", "2026-10-20", "2026-10-11", CL_STAGE_CLOSED },      /* day 43 */
    { "delivered", NULL, "2026-10-12", CL_STAGE_POSTPARTUM },
    { "delivered", NULL, NULL, CL_STAGE_POSTPARTUM },              /* date still to be entered */
    { "delivered", "2027-02-13", "2026-12-01", CL_STAGE_THIRD_TRIMESTER },  /* on a day before the delivery */
    { "ended", "2027-05-23", NULL, CL_STAGE_CLOSED },
    { "ended", NULL, NULL, CL_STAGE_CLOSED },
  };
  GDate today;

  make_date (&today, TODAY);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate edd, delivery;

      g_test_message ("stage %s edd %s delivery %s", cases[i].status,
                      cases[i].edd, cases[i].delivery);
      make_date (&edd, cases[i].edd);
      make_date (&delivery, cases[i].delivery);

      g_assert_cmpint (cl_dating_stage (cases[i].status,
                                        cases[i].edd ? &edd : NULL,
                                        cases[i].delivery ? &delivery : NULL,
                                        &today),
                       ==, cases[i].stage);
      /* a cleared date means the same as NULL */
      g_assert_cmpint (cl_dating_stage (cases[i].status, &edd, &delivery, &today),
                       ==, cases[i].stage);
    }

  /* NULL @on is today */
  make_date (&today, "2027-05-23");
  g_assert_cmpint (cl_dating_stage ("ongoing", &today, NULL, NULL), ==, CL_STAGE_SECOND_TRIMESTER);
}

static void
test_stage_labels (void)
{
  static const struct
  {
    ClStage     stage;
    const char *label;
  } cases[] = {
    { CL_STAGE_NONE, "Not dated" },
    { CL_STAGE_FIRST_TRIMESTER, "First trimester" },
    { CL_STAGE_SECOND_TRIMESTER, "Second trimester" },
    { CL_STAGE_THIRD_TRIMESTER, "Third trimester" },
    { CL_STAGE_POSTPARTUM, "Postpartum" },
    { CL_STAGE_CLOSED, "Closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (cl_stage_to_label (cases[i].stage), ==, cases[i].label);
}

static void
test_check (void)
{
  static const struct
  {
    const char *lmp;
    const char *corrected_edd;
    const char *delivery;
    gint        code;
    const char *field;
  } cases[] = {
    { NULL, NULL, NULL, OK, NULL },
    { "2026-04-01", NULL, NULL, OK, NULL },
    { TODAY, NULL, NULL, OK, NULL },
    { "2026-11-24", NULL, NULL, CL_VALIDATION_ERROR_RANGE, "lmp" },
    /* 45 weeks back is the limit while ongoing ... */
    { "2026-01-12", NULL, NULL, OK, NULL },
    { "2026-01-11", NULL, NULL, CL_VALIDATION_ERROR_RANGE, "lmp" },
    /* ... but fine once delivered */
    { "2026-01-11", NULL, "2026-10-20", OK, NULL },
    /* corrected EDD against LMP 2026-04-01 (EDD 2027-01-06) */
    { "2026-04-01", "2027-01-11", NULL, OK, NULL },
    { "2026-04-01", "2027-01-27", NULL, OK, NULL },    /* +21 days */
    { "2026-04-01", "2027-01-28", NULL, CL_VALIDATION_ERROR_RANGE, "corrected-edd" },
    { "2026-04-01", "2026-12-16", NULL, OK, NULL },    /* -21 days */
    { "2026-04-01", "2026-12-15", NULL, CL_VALIDATION_ERROR_RANGE, "corrected-edd" },
    { "2026-04-01", "2026-04-01", NULL, CL_VALIDATION_ERROR_ORDER, "corrected-edd" },
    { "2026-04-01", "2026-03-01", NULL, CL_VALIDATION_ERROR_ORDER, "corrected-edd" },
    { "2026-04-01", "2028-01-06", NULL, CL_VALIDATION_ERROR_RANGE, "corrected-edd" },  /* year typo */
    /* corrected EDD without an LMP: its implied LMP is checked */
    { NULL, "2027-08-30", NULL, OK, NULL },
    { NULL, "2027-08-31", NULL, CL_VALIDATION_ERROR_RANGE, "corrected-edd" },
    { NULL, "2026-10-19", NULL, OK, NULL },
    { NULL, "2026-10-18", NULL, CL_VALIDATION_ERROR_RANGE, "corrected-edd" },
    { NULL, "2026-10-18", "2026-10-20", OK, NULL },
    /* delivery */
    { "2026-01-12", NULL, TODAY, OK, NULL },
    { "2026-04-01", NULL, "2026-06-01", OK, NULL },    /* miscarriage at 8+5 */
    { "2026-04-01", NULL, "2026-03-31", CL_VALIDATION_ERROR_ORDER, "delivery-date" },
    { "2026-04-01", NULL, "2026-11-24", CL_VALIDATION_ERROR_RANGE, "delivery-date" },
    { NULL, NULL, "2026-11-24", CL_VALIDATION_ERROR_RANGE, "delivery-date" },
    { "2025-01-01", NULL, "2025-11-12", OK, NULL },    /* LMP + 45 weeks */
    { "2025-01-01", NULL, "2025-11-13", CL_VALIDATION_ERROR_RANGE, "delivery-date" },
    /* the first problem wins, in field order */
    { "2026-11-24", "2025-01-01", "2030-01-01", CL_VALIDATION_ERROR_RANGE, "lmp" },
  };
  GDate today;

  make_date (&today, TODAY);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *field = "unset";
      GDate lmp, corrected, delivery;
      gboolean ok;

      g_test_message ("check lmp %s corrected %s delivery %s", cases[i].lmp,
                      cases[i].corrected_edd, cases[i].delivery);
      make_date (&lmp, cases[i].lmp);
      make_date (&corrected, cases[i].corrected_edd);
      make_date (&delivery, cases[i].delivery);

      ok = cl_dating_check (cases[i].lmp ? &lmp : NULL,
                            cases[i].corrected_edd ? &corrected : NULL,
                            cases[i].delivery ? &delivery : NULL,
                            &today, &field, &error);

      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_null (field);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, CL_VALIDATION_ERROR, cases[i].code);
          g_assert_cmpstr (field, ==, cases[i].field);
        }

      /* NULL today is CARELINE_TODAY, so the same answer */
      g_assert_cmpint (cl_dating_check (cases[i].lmp ? &lmp : NULL,
                                        cases[i].corrected_edd ? &corrected : NULL,
                                        cases[i].delivery ? &delivery : NULL,
                                        NULL, NULL, NULL),
                       ==, ok);
    }
}

static void
test_check_messages (void)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  GDate lmp, corrected;

  make_date (&lmp, "2026-04-01");
  make_date (&corrected, "2026-03-01");
  g_assert_false (cl_dating_check (&lmp, &corrected, NULL, NULL, &field, &error));
  g_assert_cmpstr (error->message, ==, "The expected delivery date must be after the last menstrual period");
  g_assert_cmpstr (field, ==, "corrected-edd");
}

/* Weeks+days as a package editor types them. */
static void
test_parse_ga (void)
{
  g_autoptr(GError) error = NULL;
  gint days = -1, n = -1;

  g_assert_true (cl_dating_parse_ga ("12+0", &days, &error));
  g_assert_cmpint (days, ==, 84);
  g_assert_true (cl_dating_parse_ga (" 27+6 ", &days, &error));
  g_assert_cmpint (days, ==, 195);
  g_assert_true (cl_dating_parse_ga ("２８＋０", &days, &error));
  g_assert_cmpint (days, ==, 196);
  g_assert_true (cl_dating_parse_ga ("13", &days, &error));
  g_assert_cmpint (days, ==, 91);
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "", "12+7", "43+0", "-1+0", "12+", "abc" };

      days = -1;
      g_assert_false (cl_dating_parse_ga (bad[i], &days, &error));
      g_assert_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT);
      g_assert_cmpint (days, ==, -1);
      g_clear_error (&error);
    }

  g_assert_true (cl_validation_parse_int ("４２", 0, 365, &n, &error));
  g_assert_cmpint (n, ==, 42);
  g_assert_false (cl_validation_parse_int ("0", 1, 999, &n, &error));
  g_assert_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (cl_validation_parse_int ("1.5", 1, 999, &n, &error));
  g_assert_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (cl_validation_parse_int ("99999999999", 1, 999, &n, &error));
  g_clear_error (&error);
  g_assert_cmpint (n, ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dating/edd", test_edd);
  g_test_add_func ("/dating/gestational-days", test_gestational_days);
  g_test_add_func ("/dating/corrected-edd", test_corrected_edd);
  g_test_add_func ("/dating/format-ga", test_format_ga);
  g_test_add_func ("/dating/postpartum-day", test_postpartum_day);
  g_test_add_func ("/dating/stage", test_stage);
  g_test_add_func ("/dating/stage-labels", test_stage_labels);
  g_test_add_func ("/dating/check", test_check);
  g_test_add_func ("/dating/check-messages", test_check_messages);
  g_test_add_func ("/dating/parse-ga", test_parse_ga);

  return g_test_run ();
}
