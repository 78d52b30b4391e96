#define G_LOG_DOMAIN "test-schedule"

#include "config.h"

#include <string.h>

#include "cl-date.h"
#include "cl-schedule.h"
#include "cl-test-desk.h"

/* The rules of the escort schedule and the VIP room calendar (issue
 * #5), table-driven, on their own (the stores: test-schedule-store.c).  Time: TZ=Asia/Shanghai, today 2026-11-23
 * (CARELINE_TODAY), now 08:00 that day (CARELINE_NOW). */

#define NOW_TEXT "2026-11-23T08:00:00"

#define at(day, hour, minute) cl_test_nov_2026 ((day), (hour), (minute))

/* ---- time ---------------------------------------------------------- */

static void
test_time (void)
{
  GDate day, today;
  g_autofree char *hm = NULL;
  g_autofree char *span = NULL;

  /* Shanghai is UTC+8 all year. */
  g_assert_cmpint (at (23, 8, 0), ==, 1795392000);
  g_assert_cmpint (cl_schedule_now (), ==, at (23, 8, 0));
  g_assert_cmpint (cl_schedule_minutes_of_day (at (23, 7, 30)), ==, 450);
  cl_schedule_day_of (at (23, 23, 59), &day);
  cl_date_today (&today);
  g_assert_cmpint (g_date_compare (&day, &today), ==, 0);
  g_assert_cmpint (cl_schedule_day_start (&day), ==, at (23, 0, 0));
  g_assert_cmpint (cl_schedule_at (&day, 24 * 60), ==, at (24, 0, 0));
  hm = cl_schedule_format_time (at (23, 9, 5));
  g_assert_cmpstr (hm, ==, "09:05");
  span = cl_schedule_format_interval (at (23, 9, 0), at (23, 10, 30));
  g_assert_cmpstr (span, ==, "09:00–10:30");
}

static void
test_now (void)
{
  static const struct { const char *text; gint64 expected; } cases[] = {
    { "2026-11-23T08:00:00", 1795392000 },
    { "2026-11-23 08:00", 1795392000 },
    { "2026-11-23T00:00:00Z", 1795392000 },
    { "2026-11-23T09:30:00+09:00", 1795392000 + 30 * 60 },
    { "1795392000", 1795392000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_setenv ("CARELINE_NOW", cases[i].text, TRUE);
      g_assert_cmpint (cl_schedule_now (), ==, cases[i].expected);
    }

  /* Without CARELINE_NOW: CARELINE_TODAY's day at the clock's time of day. */
  g_unsetenv ("CARELINE_NOW");
  {
    gint64 before = g_get_real_time () / G_USEC_PER_SEC;
    gint64 now = cl_schedule_now ();
    gint64 after = g_get_real_time () / G_USEC_PER_SEC;
    gint minutes = cl_schedule_minutes_of_day (now);
    GDate day;

    cl_schedule_day_of (now, &day);
    g_assert_cmpint (g_date_get_day (&day), ==, 23);
    g_assert_true (minutes == cl_schedule_minutes_of_day (before) ||
                   minutes == cl_schedule_minutes_of_day (after));
  }
  g_setenv ("CARELINE_NOW", NOW_TEXT, TRUE);
}

static void
test_overlaps (void)
{
  /* [a, b) against [c, d), minutes after 09:00 */
  static const struct { int a, b, c, d; gboolean overlap; } cases[] = {
    { 0, 30, 30, 60, FALSE },   /* touching */
    { 30, 60, 0, 30, FALSE },   /* touching, the other way */
    { 0, 31, 30, 60, TRUE },    /* one minute */
    { 29, 60, 0, 30, TRUE },    /* one minute, the other way */
    { 0, 60, 10, 20, TRUE },    /* inside */
    { 10, 20, 0, 60, TRUE },    /* around */
    { 0, 30, 0, 30, TRUE },     /* the same */
    { 0, 10, 50, 60, FALSE },   /* apart */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 base = at (24, 9, 0);

      g_assert_cmpint (cl_schedule_overlaps (base + cases[i].a * 60, base + cases[i].b * 60,
                                             base + cases[i].c * 60, base + cases[i].d * 60),
                       ==, cases[i].overlap);
    }
}

/* A refusal's code and field, or success (-1). */
static void
assert_refusal (gboolean    ok,
                GError     *error,
                int         code,
                const char *field)
{
  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, CL_SCHEDULE_ERROR, code);
  g_assert_cmpstr (cl_schedule_error_field (error), ==, field);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static void
test_single_rules (void)
{
  static const struct { guint sd, sh, sm, ed, eh, em; int interval; int hours; int slots; int past; } cases[] = {
    /* a good half hour */
    { 24, 9, 0, 24, 9, 30, -1, -1, -1, -1 },
    /* end before start, end at start */
    { 24, 9, 0, 24, 8, 30, CL_SCHEDULE_ERROR_END_BEFORE_START, -2, -2, -1 },
    { 24, 9, 0, 24, 9, 0, CL_SCHEDULE_ERROR_END_BEFORE_START, -2, -2, -1 },
    /* longer than a day */
    { 24, 9, 0, 25, 9, 30, CL_SCHEDULE_ERROR_TOO_LONG, -2, -2, -1 },
    /* working hours 07:30–17:30 and slots of 30 from 08:00 */
    { 24, 7, 30, 24, 8, 0, -1, -1, -1, -1 },   /* on the grid, before the opening (hours) */
    { 24, 7, 29, 24, 8, 0, -1, CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS, CL_SCHEDULE_ERROR_START_OFF_SLOT, -1 },
    { 24, 17, 0, 24, 17, 30, -1, -1, -1, -1 },
    { 24, 17, 0, 24, 17, 31, -1, CL_SCHEDULE_ERROR_END_OUTSIDE_HOURS, CL_SCHEDULE_ERROR_END_OFF_SLOT, -1 },
    { 24, 17, 30, 24, 18, 0, -1, CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS, -1, -1 },
    { 24, 9, 15, 24, 9, 45, -1, -1, CL_SCHEDULE_ERROR_START_OFF_SLOT, -1 },
    { 24, 9, 0, 24, 9, 45, -1, -1, CL_SCHEDULE_ERROR_END_OFF_SLOT, -1 },
    /* across midnight */
    { 24, 17, 0, 25, 8, 0, -1, CL_SCHEDULE_ERROR_END_OUTSIDE_HOURS, -2, -1 },
    /* the past: now is 23 Nov 08:00 */
    { 23, 7, 59, 23, 8, 30, -1, -1, -2, CL_SCHEDULE_ERROR_PAST },
    { 23, 8, 0, 23, 8, 30, -1, -1, -1, -1 },
    { 22, 9, 0, 22, 9, 30, -1, -1, -1, CL_SCHEDULE_ERROR_PAST },
  };
  static const char * const fields[] = {
    [CL_SCHEDULE_ERROR_END_BEFORE_START] = "end_at",
    [CL_SCHEDULE_ERROR_TOO_LONG] = "end_at",
    [CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS] = "start_at",
    [CL_SCHEDULE_ERROR_END_OUTSIDE_HOURS] = "end_at",
    [CL_SCHEDULE_ERROR_START_OFF_SLOT] = "start_at",
    [CL_SCHEDULE_ERROR_END_OFF_SLOT] = "end_at",
    [CL_SCHEDULE_ERROR_PAST] = "start_at",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 s = at (cases[i].sd, cases[i].sh, cases[i].sm);
      gint64 e = at (cases[i].ed, cases[i].eh, cases[i].em);
      GError *error = NULL;
      gboolean ok;

      g_test_message ("case %u", i);
      ok = cl_schedule_check_interval (s, e, &error);
      assert_refusal (ok, error, cases[i].interval, cases[i].interval >= 0 ? fields[cases[i].interval] : NULL);
      g_clear_error (&error);
      if (cases[i].hours != -2)
        {
          ok = cl_schedule_check_hours (s, e, CL_ESCORT_DAY_OPENS, CL_ESCORT_DAY_CLOSES, FALSE, &error);
          assert_refusal (ok, error, cases[i].hours, cases[i].hours >= 0 ? fields[cases[i].hours] : NULL);
          g_clear_error (&error);
        }
      if (cases[i].slots != -2)
        {
          ok = cl_schedule_check_slots (s, e, 8 * 60, 30, &error);
          assert_refusal (ok, error, cases[i].slots, cases[i].slots >= 0 ? fields[cases[i].slots] : NULL);
          g_clear_error (&error);
        }
      ok = cl_schedule_check_not_past (s, cl_schedule_now (), &error);
      assert_refusal (ok, error, cases[i].past, cases[i].past >= 0 ? fields[cases[i].past] : NULL);
      g_clear_error (&error);
    }

  /* No start at all */
  {
    GError *error = NULL;

    gboolean ok = cl_schedule_check_interval (0, at (24, 9, 0), &error);

    assert_refusal (ok, error, CL_SCHEDULE_ERROR_NO_START, "start_at");
    g_clear_error (&error);
  }
}

static void
test_status_rules (void)
{
  static const struct { const char *from, *to; gboolean ok; } tasks[] = {
    { NULL, "planned", TRUE },
    { NULL, "done", FALSE },
    { "planned", "planned", TRUE },
    { "planned", "in-progress", TRUE },
    { "planned", "cancelled", TRUE },
    { "planned", "no-show", TRUE },
    { "planned", "done", FALSE },
    { "in-progress", "done", TRUE },
    { "in-progress", "cancelled", TRUE },
    { "in-progress", "planned", FALSE },
    { "done", "planned", FALSE },
    /* Undo of a cancellation: back to what it can be cancelled from. */
    { "cancelled", "planned", TRUE },
    { "cancelled", "in-progress", TRUE },
    { "cancelled", "done", FALSE },
    { "cancelled", "no-show", FALSE },
    { "no-show", "planned", FALSE },
    { "no-show", "in-progress", FALSE },
    { "planned", "lost", FALSE },
  };
  static const struct { const char *from, *to; gboolean ok; } bookings[] = {
    { NULL, "booked", TRUE },
    { NULL, "checked-in", FALSE },
    { "booked", "checked-in", TRUE },
    { "booked", "cancelled", TRUE },
    { "booked", "done", FALSE },
    { "checked-in", "done", TRUE },
    { "checked-in", "booked", FALSE },
    { "cancelled", "booked", TRUE },
    { "cancelled", "checked-in", FALSE },
    { "cancelled", "done", FALSE },
    { "done", "cancelled", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      GError *error = NULL;
      gboolean ok = cl_schedule_check_task_status (tasks[i].from, tasks[i].to, &error);

      g_test_message ("task %s → %s", tasks[i].from, tasks[i].to);
      assert_refusal (ok, error, tasks[i].ok ? -1 : CL_SCHEDULE_ERROR_STATUS, "status");
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bookings); i++)
    {
      GError *error = NULL;
      gboolean ok = cl_schedule_check_booking_status (bookings[i].from, bookings[i].to, &error);

      g_test_message ("booking %s → %s", bookings[i].from, bookings[i].to);
      assert_refusal (ok, error, bookings[i].ok ? -1 : CL_SCHEDULE_ERROR_STATUS, "status");
      g_clear_error (&error);
    }
}

static void
test_room_rules (void)
{
  static const struct { const char *name; int opens, closes, slot; int code; const char *field; } cases[] = {
    { "VIP 诊室 1", 480, 1050, 30, -1, NULL },
    { "  ", 480, 1050, 30, CL_SCHEDULE_ERROR_ROOM_NAME, "name" },
    { "VIP 诊室 1", 1050, 480, 30, CL_SCHEDULE_ERROR_ROOM_HOURS, "closes" },
    { "VIP 诊室 1", 480, 1500, 30, CL_SCHEDULE_ERROR_ROOM_HOURS, "closes" },
    { "VIP 诊室 1", 480, 1050, 4, CL_SCHEDULE_ERROR_ROOM_SLOT, "slot_minutes" },
    { "VIP 诊室 1", 480, 1050, 40, CL_SCHEDULE_ERROR_ROOM_SLOT, "slot_minutes" },
    { "VIP 诊室 1", 480, 1020, 45, -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLVipRoom) room = cl_vip_room_new ();
      GError *error = NULL;
      gboolean ok;

      cl_vip_room_set_name (room, cases[i].name);
      cl_vip_room_set_opens (room, cases[i].opens);
      cl_vip_room_set_closes (room, cases[i].closes);
      cl_vip_room_set_slot_minutes (room, cases[i].slot);
      ok = cl_schedule_check_room (room, &error);
      assert_refusal (ok, error, cases[i].code, cases[i].field);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", NOW_TEXT, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/time", test_time);
  g_test_add_func ("/schedule/now", test_now);
  g_test_add_func ("/schedule/overlaps", test_overlaps);
  g_test_add_func ("/schedule/single-rules", test_single_rules);
  g_test_add_func ("/schedule/status-rules", test_status_rules);
  g_test_add_func ("/schedule/room-rules", test_room_rules);

  return g_test_run ();
}
