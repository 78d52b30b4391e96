#define G_LOG_DOMAIN "test-schedule-forms"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-escort-store.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-test-desk.h"
#include "cl-test-store.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"

/* What the booking and escort forms ask core (issue #14) on a real
 * SQLite file: the times a picker offers, the escorts free for a time,
 * the day a booking may be checked in from, and who booked it.  Time:
 * TZ=Asia/Shanghai, today Monday 2026-11-23, now 08:00. */

#define at(day, hour, minute) cl_test_nov_2026 ((day), (hour), (minute))

typedef struct
{
  char    *dir;
  CLStore *store;
  char    *wang;     /* 王芳, escort, default hours */
  char    *li;       /* 李娜, escort, default hours */
  char    *zhou;     /* 周丽, escort, Tuesdays 13:00–17:00 only */
  char    *gone;     /* 陈静, escort, inactive */
  char    *patient;
  char    *room;     /* 08:30–17:30, 60-minute slots */
} Fixture;

static char *
add_escort (CLStore    *store,
            const char *username,
            const char *name,
            gboolean    tuesday_afternoons,
            gboolean    active)
{
  g_autoptr(CLStaff) staff = cl_staff_new (username, name, CL_ROLE_ESCORT);

  if (tuesday_afternoons)
    for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
      cl_staff_set_day_hours (staff, d, d == G_DATE_TUESDAY ? 13 * 60 : -1, d == G_DATE_TUESDAY ? 17 * 60 : -1);
  cl_staff_set_active (staff, active);
  return cl_test_save (store, staff);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLVipRoom) room = cl_vip_room_new ();
  g_autoptr(GError) error = NULL;

  f->dir = cl_test_make_tmp_dir ("test-schedule-forms");
  f->store = cl_test_store_open (f->dir);
  cl_store_set_actor (f->store, "wangfang");
  f->wang = add_escort (f->store, "wangfang", "王芳", FALSE, TRUE);
  f->li = add_escort (f->store, "lina", "李娜", FALSE, TRUE);
  f->zhou = add_escort (f->store, "zhouli", "周丽", TRUE, TRUE);
  f->gone = add_escort (f->store, "chenjing", "陈静", FALSE, FALSE);
  cl_patient_set_name (patient, "张小梅");
  f->patient = cl_test_save (f->store, patient);

  cl_vip_room_set_name (room, "VIP 诊室 1");
  cl_vip_room_set_opens (room, 8 * 60 + 30);
  cl_vip_room_set_closes (room, 17 * 60 + 30);
  cl_vip_room_set_slot_minutes (room, 60);
  g_assert_true (cl_vip_store_save_room (f->store, room, "admin", &error));
  g_assert_no_error (error);
  f->room = g_strdup (cl_record_get_id (CL_RECORD (room)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->wang);
  g_free (f->li);
  g_free (f->zhou);
  g_free (f->gone);
  g_free (f->patient);
  g_free (f->room);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Their user names, sorted (the list is in display-name order). */
static char *
names (GListStore *staff)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (staff));
  g_autofree char **users = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLStaff) one = g_list_model_get_item (G_LIST_MODEL (staff), i);

      users[i] = (char *) cl_staff_get_username (one);
    }
  qsort (users, n, sizeof (char *), compare_strings);
  return g_strjoinv (",", users);
}

static void
test_free_escorts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CLEscortTask) task = cl_test_new_task (f->patient, f->wang, at (24, 14, 0), at (24, 15, 0));
  g_autoptr(GError) error = NULL;
  struct { gint64 start, end; const char *except; const char *free; } cases[] = {
    /* Tuesday morning: 周丽 works only in the afternoon. */
    { at (24, 9, 0), at (24, 10, 0), NULL, "lina,wangfang" },
    /* 王芳 has the 14:00–15:00 task; 周丽 works then; 陈静 is inactive. */
    { at (24, 14, 0), at (24, 15, 0), NULL, "lina,zhouli" },
    { at (24, 14, 30), at (24, 15, 30), NULL, "lina,zhouli" },
    /* Touching is not overlapping. */
    { at (24, 15, 0), at (24, 16, 0), NULL, "lina,wangfang,zhouli" },
    /* Moving 王芳's own task: it is not in her way. */
    { at (24, 14, 30), at (24, 15, 30), "self", "lina,wangfang,zhouli" },
    /* Past 17:00 周丽 has gone home; after 17:30 everyone has. */
    { at (24, 16, 30), at (24, 17, 30), NULL, "lina,wangfang" },
    { at (24, 17, 30), at (24, 18, 0), NULL, "" },
    /* Monday: 周丽 is off. */
    { at (23, 14, 0), at (23, 15, 0), NULL, "lina,wangfang" },
    /* No interval, no one. */
    { at (24, 15, 0), at (24, 14, 0), NULL, "" },
  };

  g_assert_true (cl_escort_store_save (f->store, task, "admin", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListStore) free = cl_escort_store_free_escorts (f->store, cases[i].start, cases[i].end,
                                                                 cases[i].except ? cl_record_get_id (CL_RECORD (task)) : NULL);
      g_autofree char *got = names (free);

      g_test_message ("case %u: %s", i, got);
      g_assert_cmpstr (got, ==, cases[i].free);
    }

  /* A cancelled task frees its escort. */
  g_assert_true (cl_escort_store_cancel (f->store, task, "admin", &error));
  {
    g_autoptr(GListStore) free = cl_escort_store_free_escorts (f->store, at (24, 14, 0), at (24, 15, 0), NULL);
    g_autofree char *got = names (free);

    g_assert_cmpstr (got, ==, "lina,wangfang,zhouli");
  }
}

static char *
times (GArray *minutes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < minutes->len; i++)
    {
      gint m = g_array_index (minutes, gint, i);

      g_string_append_printf (out, "%s%02d:%02d", i ? " " : "", m / 60, m % 60);
    }
  g_array_unref (minutes);
  return g_string_free (out, FALSE);
}

static void
test_time_choices (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CLVipRoom) room = (CLVipRoom *) cl_store_load_record (f->store, CL_TYPE_VIP_ROOM, f->room, NULL);
  g_autofree char *starts = times (cl_schedule_room_times (room, FALSE));
  g_autofree char *ends = times (cl_schedule_room_times (room, TRUE));
  g_autofree char *zhou_tue = NULL;
  g_autofree char *zhou_mon = NULL;
  g_autofree char *wang = NULL;
  GDate day;

  g_assert_cmpstr (starts, ==, "08:30 09:30 10:30 11:30 12:30 13:30 14:30 15:30 16:30");
  g_assert_cmpstr (ends, ==, "09:30 10:30 11:30 12:30 13:30 14:30 15:30 16:30 17:30");

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 24, G_DATE_NOVEMBER, 2026);
  zhou_tue = times (cl_schedule_escort_times (f->store, f->zhou, &day, FALSE));
  g_assert_true (g_str_has_prefix (zhou_tue, "13:00 13:15 13:30"));
  g_assert_true (g_str_has_suffix (zhou_tue, "16:30 16:45"));
  wang = times (cl_schedule_escort_times (f->store, f->wang, &day, TRUE));
  g_assert_true (g_str_has_prefix (wang, "07:45 08:00"));
  g_assert_true (g_str_has_suffix (wang, "17:15 17:30"));
  g_date_set_dmy (&day, 23, G_DATE_NOVEMBER, 2026);
  zhou_mon = times (cl_schedule_escort_times (f->store, f->zhou, &day, FALSE));
  g_assert_cmpstr (zhou_mon, ==, "");
}

static void
test_check_in_day (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CLVipBooking) today = cl_test_book (f->store, "admin", f->room, f->patient, at (23, 9, 30), at (23, 10, 30));
  g_autoptr(CLVipBooking) later = cl_test_book (f->store, "admin", f->room, f->patient, at (26, 9, 30), at (26, 10, 30));
  g_autoptr(CLVipBooking) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = cl_schedule_now ();

  g_assert_true (cl_vip_booking_may_check_in (today, now));
  g_assert_false (cl_vip_booking_may_check_in (later, now));
  /* From the first minute of its day, whatever the hour. */
  g_assert_true (cl_vip_booking_may_check_in (later, at (26, 0, 0)));
  g_assert_false (cl_vip_booking_may_check_in (later, at (25, 23, 59)));

  /* The store refuses it as the desk would not offer it. */
  g_assert_false (cl_vip_store_set_booking_status (f->store, later, CL_VIP_STATUS_CHECKED_IN, "admin", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_STATUS);
  g_test_message ("early check-in: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpstr (cl_vip_booking_get_status (later), ==, CL_VIP_STATUS_BOOKED);

  /* So does the server's check, at its own "now". */
  copy = CL_VIP_BOOKING (cl_record_dup (CL_RECORD (later)));
  cl_vip_booking_set_status (copy, CL_VIP_STATUS_CHECKED_IN);
  g_assert_false (cl_schedule_check_booking (f->store, copy, later, now, CL_SCHEDULE_CHECK_SERVER, NULL, &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_true (cl_schedule_check_booking (f->store, copy, later, at (26, 9, 0), CL_SCHEDULE_CHECK_SERVER, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (cl_vip_store_set_booking_status (f->store, today, CL_VIP_STATUS_CHECKED_IN, "admin", &error));
  g_assert_no_error (error);
  g_assert_false (cl_vip_booking_may_check_in (today, now));
}

static void
test_booked_by (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CLVipBooking) booking = cl_test_book (f->store, "admin", f->room, f->patient, at (24, 9, 30), at (24, 10, 30));
  g_autofree char *name = NULL;
  g_autofree char *user = NULL;
  g_autofree char *none = NULL;

  g_assert_cmpstr (cl_vip_booking_get_booked_by (booking), ==, "wangfang");
  name = cl_vip_store_booked_by_name (f->store, booking);
  g_assert_cmpstr (name, ==, "王芳");
  /* The printed day list names her too. */
  {
    GDate day;
    g_autoptr(CLScheduleSheet) sheet = NULL;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 24, G_DATE_NOVEMBER, 2026);
    sheet = cl_vip_store_day_sheet (f->store, &day, f->room);
    g_assert_cmpuint (cl_schedule_sheet_get_n_rows (sheet, 0), ==, 1);
    g_assert_cmpstr (cl_schedule_sheet_get_cell (sheet, 0, 0, 4), ==, "王芳");
  }
  /* A user without a staff row is shown by user name. */
  cl_vip_booking_set_booked_by (booking, "root");
  user = cl_vip_store_booked_by_name (f->store, booking);
  g_assert_cmpstr (user, ==, "root");
  cl_vip_booking_set_booked_by (booking, NULL);
  none = cl_vip_store_booked_by_name (f->store, booking);
  g_assert_cmpstr (none, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T08:00:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/schedule-forms/free-escorts", Fixture, NULL, fixture_set_up, test_free_escorts, fixture_tear_down);
  g_test_add ("/schedule-forms/time-choices", Fixture, NULL, fixture_set_up, test_time_choices, fixture_tear_down);
  g_test_add ("/schedule-forms/check-in-day", Fixture, NULL, fixture_set_up, test_check_in_day, fixture_tear_down);
  g_test_add ("/schedule-forms/booked-by", Fixture, NULL, fixture_set_up, test_booked_by, fixture_tear_down);
  return g_test_run ();
}
