#define G_LOG_DOMAIN "test-schedule-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cl-date.h"
#include "cl-demo-data.h"
#include "cl-escort-store.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-sync-server.h"
#include "cl-test-desk.h"
#include "cl-test-store.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"

/* The escort and VIP stores on a real SQLite file (issue #5): their
 * rules, changes and queries, the server's invariant hook headless, and
 * the demo schedule.  Time: TZ=Asia/Shanghai, today 2026-11-23
 * (CARELINE_TODAY), now 08:00 that day (CARELINE_NOW). */

#define NOW_TEXT "2026-11-23T08:00:00"

#define at(day, hour, minute) cl_test_nov_2026 ((day), (hour), (minute))

static void
nov (GDate *d,
     guint  day)
{
  g_date_clear (d, 1);
  g_date_set_dmy (d, day, G_DATE_NOVEMBER, 2026);
}

/* ---- stores -------------------------------------------------------- */

typedef struct
{
  char    *dir;
  CLStore *store;
  char    *escort1;      /* 王芳, escort */
  char    *escort2;      /* 李娜, escort */
  char    *manager;      /* a case manager, not an escort */
  char    *patient;      /* 张小梅 */
  char    *gone;         /* a deleted patient */
  char    *room;         /* VIP 诊室 1, 08:00–17:30, 30 min */
} Fixture;

static char *
add_patient (CLStore    *store,
             const char *name,
             gboolean    deleted)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();

  cl_patient_set_name (patient, name);
  cl_record_set_deleted (CL_RECORD (patient), deleted);
  return cl_test_save (store, patient);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CLVipRoom) room = cl_vip_room_new ();
  g_autoptr(GError) error = NULL;

  f->dir = cl_test_make_tmp_dir ("test-schedule");
  f->store = cl_test_store_open (f->dir);
  cl_store_set_actor (f->store, "wangfang");

  f->escort1 = cl_test_add_staff (f->store, "wangfang", "王芳", CL_ROLE_ESCORT);
  f->escort2 = cl_test_add_staff (f->store, "lina", "李娜", CL_ROLE_ESCORT);
  f->manager = cl_test_add_staff (f->store, "zhaomin", "赵敏", CL_ROLE_CASE_MANAGER);
  f->patient = add_patient (f->store, "张小梅", FALSE);
  f->gone = add_patient (f->store, "刘已删", TRUE);

  cl_vip_room_set_name (room, "VIP 诊室 1");
  cl_vip_room_set_location (room, "门诊楼 3 层 302");
  cl_vip_room_set_opens (room, 8 * 60);
  cl_vip_room_set_closes (room, 17 * 60 + 30);
  cl_vip_store_save_room (f->store, room, "admin", &error);
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
  g_free (f->escort1);
  g_free (f->escort2);
  g_free (f->manager);
  g_free (f->patient);
  g_free (f->gone);
  g_free (f->room);
}

static CLEscortTask *
new_task (Fixture    *f,
          const char *escort_id,
          gint64      start_at,
          gint64      end_at)
{
  return cl_test_new_task (f->patient, escort_id, start_at, end_at);
}

static void
test_escort_store_rules (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CLEscortTask) first = new_task (f, f->escort1, at (24, 9, 0), at (24, 10, 0));
  g_autoptr(GError) error = NULL;
  struct {
    const char *what;
    const char *escort;
    guint sh, sm, eh, em;
    guint day;
    gboolean gone;
    const char *kind;
    int code;
  } cases[] = {
    { "touching before", NULL, 8, 30, 9, 0, 24, FALSE, NULL, -1 },
    { "touching after", NULL, 10, 0, 10, 30, 24, FALSE, NULL, -1 },
    { "one minute over the start", NULL, 8, 30, 9, 1, 24, FALSE, NULL, CL_SCHEDULE_ERROR_OVERLAP },
    { "one minute over the end", NULL, 9, 59, 10, 30, 24, FALSE, NULL, CL_SCHEDULE_ERROR_OVERLAP },
    { "inside", NULL, 9, 15, 9, 45, 24, FALSE, NULL, CL_SCHEDULE_ERROR_OVERLAP },
    { "another escort", "2", 9, 0, 10, 0, 24, FALSE, NULL, -1 },
    { "unassigned", "-", 9, 0, 10, 0, 24, FALSE, NULL, -1 },
    { "not an escort", "m", 9, 0, 10, 0, 24, FALSE, NULL, CL_SCHEDULE_ERROR_ESCORT },
    { "no such staff", "x", 9, 0, 10, 0, 24, FALSE, NULL, CL_SCHEDULE_ERROR_ESCORT },
    { "deleted patient", NULL, 11, 0, 12, 0, 24, TRUE, NULL, CL_SCHEDULE_ERROR_PATIENT },
    { "end before start", NULL, 12, 0, 11, 0, 24, FALSE, NULL, CL_SCHEDULE_ERROR_END_BEFORE_START },
    { "before working hours", NULL, 7, 0, 8, 0, 24, FALSE, NULL, CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS },
    { "after working hours", NULL, 17, 0, 18, 0, 24, FALSE, NULL, CL_SCHEDULE_ERROR_END_OUTSIDE_HOURS },
    { "in the past", NULL, 7, 30, 7, 45, 23, FALSE, NULL, CL_SCHEDULE_ERROR_PAST },
    { "unknown kind", NULL, 11, 0, 12, 0, 24, FALSE, "picnic", CL_SCHEDULE_ERROR_KIND },
  };

  g_assert_true (cl_escort_store_save (f->store, first, "case_manager", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_escort_task_get_status (first), ==, CL_ESCORT_STATUS_PLANNED);
  g_assert_cmpint (cl_record_get_updated_at (CL_RECORD (first)), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *escort = f->escort1;
      g_autoptr(CLEscortTask) task = NULL;
      gint64 rows = cl_test_store_count (f->store, "SELECT count(*) FROM escort_task");
      gint64 outbox = cl_store_count_outbox (f->store);
      GError *local = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].what);
      if (g_strcmp0 (cases[i].escort, "2") == 0)
        escort = f->escort2;
      else if (g_strcmp0 (cases[i].escort, "-") == 0)
        escort = NULL;
      else if (g_strcmp0 (cases[i].escort, "m") == 0)
        escort = f->manager;
      else if (g_strcmp0 (cases[i].escort, "x") == 0)
        escort = "no-such-staff";
      task = new_task (f, escort, at (cases[i].day, cases[i].sh, cases[i].sm),
                       at (cases[i].day, cases[i].eh, cases[i].em));
      if (cases[i].gone)
        cl_escort_task_set_patient_id (task, f->gone);
      if (cases[i].kind)
        cl_escort_task_set_kind (task, cases[i].kind);
      ok = cl_escort_store_save (f->store, task, "case_manager", &local);
      if (cases[i].code >= 0)
        {
          g_assert_false (ok);
          g_assert_error (local, CL_SCHEDULE_ERROR, cases[i].code);
          g_test_message ("  %s: %s", cl_schedule_error_field (local), local->message);
          /* Nothing written */
          g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM escort_task"), ==, rows);
          g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox);
          g_clear_error (&local);
          continue;
        }
      g_assert_no_error (local);
      g_assert_true (ok);
      /* Cancel it again so the cases stay independent. */
      g_assert_true (cl_escort_store_cancel (f->store, task, "case_manager", &local));
      g_assert_no_error (local);
    }

  /* A cancelled or no-show task frees the time. */
  {
    g_autoptr(CLEscortTask) again = new_task (f, f->escort1, at (24, 9, 30), at (24, 10, 30));

    g_assert_false (cl_escort_store_save (f->store, again, "case_manager", &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP);
    g_clear_error (&error);
    g_assert_true (cl_escort_store_set_status (f->store, first, CL_ESCORT_STATUS_NO_SHOW,
                                               "case_manager", &error));
    g_assert_no_error (error);
    g_assert_true (cl_escort_store_save (f->store, again, "case_manager", &error));
    g_assert_no_error (error);
  }

  /* A role that may not write escort tasks */
  {
    g_autoptr(CLEscortTask) task = new_task (f, f->escort2, at (25, 9, 0), at (25, 10, 0));

    g_assert_false (cl_escort_store_save (f->store, task, "finance", &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }
}

static void
test_escort_store_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CLEscortTask) a = new_task (f, f->escort1, at (24, 9, 0), at (24, 10, 0));
  g_autoptr(CLEscortTask) b = new_task (f, f->escort2, at (24, 9, 0), at (24, 10, 0));
  g_autoptr(CLEscortTask) transfer = new_task (f, f->escort1, at (24, 14, 0), at (24, 15, 0));
  g_autoptr(CLEscortTask) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_escort_store_save (f->store, a, "case_manager", &error));
  g_assert_true (cl_escort_store_save (f->store, b, "case_manager", &error));
  cl_escort_task_set_kind (transfer, CL_ESCORT_KIND_DELIVERY_TRANSFER);
  cl_escort_task_set_place_from (transfer, "产科门诊");
  cl_escort_task_set_place_to (transfer, "产房");
  g_assert_true (cl_escort_store_save (f->store, transfer, "case_manager", &error));
  g_assert_no_error (error);

  /* Reassigning B onto A's escort at the same time: refused, B as it was. */
  g_assert_false (cl_escort_store_move (f->store, b, at (24, 9, 30), at (24, 10, 30), f->escort1,
                                        "case_manager", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP);
  g_clear_error (&error);
  g_assert_cmpstr (cl_escort_task_get_escort_id (b), ==, f->escort2);
  g_assert_cmpint (cl_escort_task_get_start_at (b), ==, at (24, 9, 0));

  /* Dragged to right after A: fine. */
  g_assert_true (cl_escort_store_move (f->store, b, at (24, 10, 0), at (24, 11, 0), f->escort1,
                                       "case_manager", &error));
  g_assert_no_error (error);
  stored = (CLEscortTask *) cl_store_load_record (f->store, CL_TYPE_ESCORT_TASK,
                                                  cl_record_get_id (CL_RECORD (b)), NULL);
  g_assert_cmpstr (cl_escort_task_get_escort_id (stored), ==, f->escort1);
  g_assert_cmpint (cl_escort_task_get_start_at (stored), ==, at (24, 10, 0));

  /* Status: planned → done is not a step; planned → in progress → done is. */
  g_assert_false (cl_escort_store_set_status (f->store, a, CL_ESCORT_STATUS_DONE, "case_manager", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_cmpstr (cl_escort_task_get_status (a), ==, CL_ESCORT_STATUS_PLANNED);

  /* An escort: only their own task's status, and not its time. */
  cl_store_set_actor (f->store, "wangfang");
  g_assert_true (cl_escort_store_set_status (f->store, a, CL_ESCORT_STATUS_IN_PROGRESS, "escort", &error));
  g_assert_no_error (error);
  g_assert_false (cl_escort_store_move (f->store, a, at (24, 11, 0), at (24, 12, 0), f->escort1,
                                        "escort", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  cl_store_set_actor (f->store, "lina");
  g_assert_false (cl_escort_store_set_status (f->store, a, CL_ESCORT_STATUS_DONE, "escort", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  cl_store_set_actor (f->store, "wangfang");
  g_assert_true (cl_escort_store_set_status (f->store, a, CL_ESCORT_STATUS_DONE, "escort", &error));
  g_assert_no_error (error);

  /* A task no longer planned stays where it is. */
  g_assert_false (cl_escort_store_move (f->store, a, at (24, 11, 0), at (24, 12, 0), f->escort1,
                                        "case_manager", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_LOCKED);
  g_clear_error (&error);

  /* The transfer is done only with its hand-over. */
  g_assert_true (cl_escort_store_set_status (f->store, transfer, CL_ESCORT_STATUS_IN_PROGRESS,
                                             "escort", &error));
  g_assert_false (cl_escort_store_set_status (f->store, transfer, CL_ESCORT_STATUS_DONE, "escort", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_HANDOVER);
  g_assert_cmpstr (cl_schedule_error_field (error), ==, "handover_to");
  g_clear_error (&error);
  g_assert_false (cl_escort_store_hand_over (f->store, transfer, "产科一病区", " ", 0, "escort", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_HANDOVER);
  g_clear_error (&error);
  g_assert_true (cl_escort_store_hand_over (f->store, transfer, "产科一病区", "陈护士", at (24, 14, 50),
                                            "escort", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_escort_task_get_status (transfer), ==, CL_ESCORT_STATUS_DONE);
  g_assert_cmpstr (cl_escort_task_get_handover_to (transfer), ==, "陈护士");

  /* Another desk's task over one of ours, pulled before ours was
   * refused: a status change is no new overlap and goes through. */
  {
    g_autoptr(CLEscortTask) pulled = new_task (f, f->escort2, at (24, 16, 0), at (24, 17, 0));
    g_autoptr(CLEscortTask) ours = new_task (f, f->escort2, at (24, 16, 30), at (24, 17, 30));

    cl_escort_task_set_status (pulled, CL_ESCORT_STATUS_PLANNED);
    cl_escort_task_set_status (ours, CL_ESCORT_STATUS_PLANNED);
    g_free (cl_test_save (f->store, pulled));
    g_free (cl_test_save (f->store, ours));
    g_assert_true (cl_escort_store_set_status (f->store, pulled, CL_ESCORT_STATUS_IN_PROGRESS,
                                               "case_manager", &error));
    g_assert_no_error (error);
    /* … but moving it still is judged. */
    g_assert_false (cl_escort_store_move (f->store, ours, at (24, 16, 15), at (24, 17, 15), f->escort2,
                                          "case_manager", &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP);
    g_clear_error (&error);
  }
}

static void
test_escort_store_queries (Fixture       *f,
                           gconstpointer  data)
{
  static const struct { int escort; guint day, hour; } plan[] = {
    { 1, 23, 9 }, { 1, 23, 11 }, { 1, 23, 10 }, { 2, 23, 9 }, { 0, 23, 13 },
    { 1, 24, 9 }, { 2, 25, 9 }, { 2, 25, 10 }, { 0, 29, 9 }, { 1, 30, 9 },
  };
  g_autoptr(GListStore) day = NULL, mine = NULL, unassigned = NULL, escorts = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  GArray *days;
  GDate d, monday;

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      const char *escort = plan[i].escort == 1 ? f->escort1 : plan[i].escort == 2 ? f->escort2 : NULL;
      g_autoptr(CLEscortTask) task = new_task (f, escort, at (plan[i].day, plan[i].hour, 0),
                                               at (plan[i].day, plan[i].hour, 45));

      g_assert_true (cl_escort_store_save (f->store, task, "case_manager", &error));
      g_assert_no_error (error);
      /* A cancelled one is in no list and no count. */
      if (i == 0)
        {
          g_autoptr(CLEscortTask) gone = new_task (f, escort, at (23, 16, 0), at (23, 17, 0));

          g_assert_true (cl_escort_store_save (f->store, gone, "case_manager", &error));
          g_assert_true (cl_escort_store_cancel (f->store, gone, "case_manager", &error));
        }
    }

  nov (&d, 23);
  day = cl_escort_store_tasks_of_day (f->store, &d);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (day)), ==, 5);
  mine = cl_escort_store_my_tasks_today (f->store, f->escort1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mine)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CLEscortTask) task = g_list_model_get_item (G_LIST_MODEL (mine), i);

      g_assert_cmpint (cl_escort_task_get_start_at (task), ==, at (23, 9 + i, 0));
    }
  unassigned = cl_escort_store_tasks_of_escort (f->store, &d, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unassigned)), ==, 1);

  nov (&monday, 23);
  counts = cl_escort_store_count_by_day (f->store, &monday, 7);
  days = g_hash_table_lookup (counts, f->escort1);
  g_assert_nonnull (days);
  g_assert_cmpuint (days->len, ==, 7);
  g_assert_cmpuint (g_array_index (days, guint, 0), ==, 3);
  g_assert_cmpuint (g_array_index (days, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (days, guint, 2), ==, 0);
  days = g_hash_table_lookup (counts, f->escort2);
  g_assert_cmpuint (g_array_index (days, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (days, guint, 2), ==, 2);
  days = g_hash_table_lookup (counts, "");
  g_assert_cmpuint (g_array_index (days, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (days, guint, 6), ==, 1);
  /* 30 Nov is the next week */
  g_assert_cmpuint (g_hash_table_size (counts), ==, 3);

  escorts = cl_escort_store_list_escorts (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (escorts)), ==, 2);
  {
    g_autoptr(CLStaff) me = cl_escort_store_find_staff (f->store, "lina");

    g_assert_cmpstr (cl_record_get_id (CL_RECORD (me)), ==, f->escort2);
  }
}

static CLVipBooking *
new_booking (Fixture *f,
             gint64   start_at,
             gint64   end_at)
{
  return cl_test_new_booking (f->room, f->patient, start_at, end_at);
}

static void
test_vip_store_rules (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CLVipBooking) first = new_booking (f, at (24, 9, 0), at (24, 10, 0));
  g_autoptr(GError) error = NULL;
  static const struct { const char *what; guint day, sh, sm, eh, em; int code; } cases[] = {
    { "touching before", 24, 8, 30, 9, 0, -1 },
    { "touching after", 24, 10, 0, 10, 30, -1 },
    { "a slot over the start", 24, 8, 30, 9, 30, CL_SCHEDULE_ERROR_OVERLAP },
    { "the same slot", 24, 9, 0, 9, 30, CL_SCHEDULE_ERROR_OVERLAP },
    { "a minute over, off the grid", 24, 9, 59, 10, 30, CL_SCHEDULE_ERROR_START_OFF_SLOT },
    { "off the grid", 24, 11, 10, 11, 40, CL_SCHEDULE_ERROR_START_OFF_SLOT },
    { "end off the grid", 24, 11, 0, 11, 40, CL_SCHEDULE_ERROR_END_OFF_SLOT },
    { "before opening", 24, 7, 30, 8, 0, CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS },
    { "after closing", 24, 17, 0, 18, 0, CL_SCHEDULE_ERROR_END_OUTSIDE_HOURS },
    { "end before start", 24, 12, 0, 11, 30, CL_SCHEDULE_ERROR_END_BEFORE_START },
    { "in the past", 22, 9, 0, 9, 30, CL_SCHEDULE_ERROR_PAST },
  };

  g_assert_true (cl_vip_store_save_booking (f->store, first, "vip_steward", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_vip_booking_get_status (first), ==, CL_VIP_STATUS_BOOKED);
  g_assert_cmpstr (cl_vip_booking_get_booked_by (first), ==, "wangfang");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLVipBooking) b = new_booking (f, at (cases[i].day, cases[i].sh, cases[i].sm),
                                               at (cases[i].day, cases[i].eh, cases[i].em));
      gint64 rows = cl_test_store_count (f->store, "SELECT count(*) FROM vip_booking");
      GError *local = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].what);
      ok = cl_vip_store_save_booking (f->store, b, "vip_steward", &local);
      if (cases[i].code >= 0)
        {
          g_assert_false (ok);
          g_assert_error (local, CL_SCHEDULE_ERROR, cases[i].code);
          g_test_message ("  %s: %s", cl_schedule_error_field (local), local->message);
          g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM vip_booking"), ==, rows);
          g_clear_error (&local);
          continue;
        }
      g_assert_no_error (local);
      g_assert_true (cl_vip_store_cancel_booking (f->store, b, "vip_steward", &local));
      g_assert_no_error (local);
    }

  /* A deleted patient, an unknown room, a closed room, a wrong role */
  {
    g_autoptr(CLVipBooking) b = new_booking (f, at (24, 11, 0), at (24, 11, 30));
    g_autoptr(CLVipRoom) room = (CLVipRoom *) cl_store_load_record (f->store, CL_TYPE_VIP_ROOM, f->room, NULL);

    cl_vip_booking_set_patient_id (b, f->gone);
    g_assert_false (cl_vip_store_save_booking (f->store, b, "vip_steward", &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_PATIENT);
    g_clear_error (&error);
    cl_vip_booking_set_patient_id (b, f->patient);
    cl_vip_booking_set_room_id (b, "no-such-room");
    g_assert_false (cl_vip_store_save_booking (f->store, b, "vip_steward", &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM);
    g_clear_error (&error);
    cl_vip_booking_set_room_id (b, f->room);
    g_assert_false (cl_vip_store_save_booking (f->store, b, "escort", &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN);
    g_clear_error (&error);
    g_assert_false (cl_vip_store_save_room (f->store, room, "vip_steward", &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN);
    g_clear_error (&error);
    cl_vip_room_set_active (room, FALSE);
    g_assert_true (cl_vip_store_save_room (f->store, room, "admin", &error));
    g_assert_false (cl_vip_store_save_booking (f->store, b, "vip_steward", &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM);
    g_clear_error (&error);

    /* A room closed, or removed, since: its bookings can still be
     * checked in (on its day) and cancelled, not moved. */
    g_setenv ("CARELINE_NOW", "2026-11-24T08:30:00", TRUE);
    g_assert_true (cl_vip_store_set_booking_status (f->store, first, CL_VIP_STATUS_CHECKED_IN,
                                                    "vip_steward", &error));
    g_setenv ("CARELINE_NOW", NOW_TEXT, TRUE);
    g_assert_no_error (error);
    g_assert_true (cl_store_delete_record (f->store, CL_RECORD (room), &error));
    g_assert_false (cl_vip_store_move_booking (f->store, first, f->room, at (24, 13, 0), at (24, 14, 0),
                                               "vip_steward", &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_ROOM);
    g_clear_error (&error);
    g_assert_true (cl_vip_store_set_booking_status (f->store, first, CL_VIP_STATUS_DONE,
                                                    "vip_steward", &error));
    g_assert_no_error (error);
  }
}

static void
test_vip_store_queries (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CLVipRoom) room2 = cl_vip_room_new ();
  g_autoptr(CLVipRoom) room = NULL;
  g_autoptr(GListStore) week = NULL, today = NULL, rooms = NULL;
  g_autoptr(GArray) slots = NULL;
  g_autoptr(CLVipBooking) conflict = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { int room; guint day, h, m, eh, em; } plan[] = {
    { 1, 23, 8, 0, 8, 30 }, { 1, 23, 9, 0, 10, 0 }, { 2, 23, 9, 0, 9, 30 },
    { 1, 25, 14, 0, 14, 30 }, { 1, 29, 8, 0, 9, 0 }, { 1, 30, 8, 0, 9, 0 },
  };
  GDate d;

  cl_vip_room_set_name (room2, "VIP 诊室 2");
  g_assert_true (cl_vip_store_save_room (f->store, room2, "admin", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(CLVipBooking) b = new_booking (f, at (plan[i].day, plan[i].h, plan[i].m),
                                               at (plan[i].day, plan[i].eh, plan[i].em));

      if (plan[i].room == 2)
        cl_vip_booking_set_room_id (b, cl_record_get_id (CL_RECORD (room2)));
      g_assert_true (cl_vip_store_save_booking (f->store, b, "vip_steward", &error));
      g_assert_no_error (error);
    }

  nov (&d, 23);
  week = cl_vip_store_bookings_of_room (f->store, f->room, &d, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (week)), ==, 4);
  today = cl_vip_store_bookings_of_day (f->store, &d);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (today)), ==, 3);
  {
    g_autoptr(CLVipBooking) last = g_list_model_get_item (G_LIST_MODEL (today), 2);

    /* by room name, then start */
    g_assert_cmpstr (cl_vip_booking_get_room_id (last), ==, cl_record_get_id (CL_RECORD (room2)));
  }

  g_assert_false (cl_vip_store_is_free (f->store, f->room, at (23, 9, 30), at (23, 10, 30), NULL, &conflict));
  g_assert_cmpint (cl_vip_booking_get_start_at (conflict), ==, at (23, 9, 0));
  g_assert_true (cl_vip_store_is_free (f->store, f->room, at (23, 10, 0), at (23, 10, 30), NULL, NULL));

  /* Free slots today from now (08:00): 08:00 is taken, 08:30 free,
   * 09:00 and 09:30 taken, then free to 17:00. */
  room = (CLVipRoom *) cl_store_load_record (f->store, CL_TYPE_VIP_ROOM, f->room, NULL);
  slots = cl_vip_store_free_slots (f->store, room, &d);
  g_assert_cmpuint (slots->len, ==, 19 - 3);
  g_assert_cmpint (g_array_index (slots, gint64, 0), ==, at (23, 8, 30));
  g_assert_cmpint (g_array_index (slots, gint64, 1), ==, at (23, 10, 0));

  rooms = cl_vip_store_list_rooms (f->store, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rooms)), ==, 2);

  /* The check-in bar's list: by start, whatever the room, and only
   * what is still to come; the day view's list is by room. */
  {
    g_autoptr(CLVipBooking) b = new_booking (f, at (23, 8, 30), at (23, 9, 0));
    g_autoptr(GPtrArray) due = NULL;
    gint64 expected[] = { at (23, 8, 0), at (23, 8, 30), at (23, 9, 0), at (23, 9, 0) };

    cl_vip_booking_set_room_id (b, cl_record_get_id (CL_RECORD (room2)));
    g_assert_true (cl_vip_store_save_booking (f->store, b, "vip_steward", &error));
    g_assert_no_error (error);

    due = cl_vip_store_to_check_in (f->store, &d, at (23, 8, 15), 8);
    g_assert_cmpuint (due->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < due->len; i++)
      g_assert_cmpint (cl_vip_booking_get_start_at (g_ptr_array_index (due, i)), ==, expected[i]);
    g_clear_pointer (&due, g_ptr_array_unref);

    /* 08:00–08:30 is over at 08:45; at most two. */
    due = cl_vip_store_to_check_in (f->store, &d, at (23, 8, 45), 2);
    g_assert_cmpuint (due->len, ==, 2);
    g_assert_cmpint (cl_vip_booking_get_start_at (g_ptr_array_index (due, 0)), ==, at (23, 8, 30));
    g_assert_cmpint (cl_vip_booking_get_start_at (g_ptr_array_index (due, 1)), ==, at (23, 9, 0));
  }
}

/* ---- the server's invariant, headless ------------------------------ */

static JsonArray *
one_change (const char *table,
            CLRecord   *record,
            gint64      base_rev)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *key = g_uuid_string_random ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, table);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, cl_record_get_id (record));
  json_builder_set_member_name (builder, "base_rev");
  json_builder_add_int_value (builder, base_rev);
  /* A tombstone goes as a delete, as a desk's outbox sends it. */
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, cl_record_get_deleted (record) ? "delete" : "upsert");
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, cl_record_to_json (record));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_array_ref (json_node_get_array (root));
}

static JsonObject *
apply_as (CLStore    *store,
          const char *table,
          CLRecord   *record,
          gint64      base_rev,
          const char *username,
          const char *role,
          JsonArray **holder)
{
  g_autoptr(JsonArray) changes = one_change (table, record, base_rev);
  g_autoptr(GError) error = NULL;

  *holder = cl_sync_server_apply_changes (store, changes, username, role, NULL, &error);
  g_assert_no_error (error);
  return json_array_get_object_element (*holder, 0);
}

#define apply(store, table, record, base_rev, role, holder) \
  apply_as ((store), (table), (record), (base_rev), "tester", (role), (holder))

static void
test_server_invariant (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CLVipBooking) first = new_booking (f, at (24, 9, 0), at (24, 10, 0));
  g_autoptr(CLVipBooking) second = new_booking (f, at (24, 9, 30), at (24, 10, 30));
  g_autoptr(CLVipBooking) after = new_booking (f, at (24, 10, 0), at (24, 10, 30));
  g_autoptr(CLEscortTask) t1 = new_task (f, f->escort1, at (24, 9, 0), at (24, 10, 0));
  g_autoptr(CLEscortTask) t2 = new_task (f, f->escort1, at (24, 9, 59), at (24, 11, 0));
  g_autoptr(JsonArray) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL;
  JsonObject *result, *current;
  gint64 rev;

  cl_vip_booking_set_status (first, CL_VIP_STATUS_BOOKED);
  cl_vip_booking_set_status (second, CL_VIP_STATUS_BOOKED);
  cl_vip_booking_set_status (after, CL_VIP_STATUS_BOOKED);
  result = apply (f->store, "vip_booking", CL_RECORD (first), 0, "vip_steward", &r1);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  rev = json_object_get_int_member (result, "rev");

  result = apply (f->store, "vip_booking", CL_RECORD (second), 0, "vip_steward", &r2);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (result, "reason"), ==, "overlap");
  current = json_object_get_object_member (result, "current");
  g_assert_cmpstr (json_object_get_string_member (current, "id"), ==, cl_record_get_id (CL_RECORD (first)));
  g_assert_true (json_object_has_member (result, "record"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (result, "record")));
  g_assert_null (cl_store_load_record (f->store, CL_TYPE_VIP_BOOKING,
                                       cl_record_get_id (CL_RECORD (second)), NULL));

  result = apply (f->store, "vip_booking", CL_RECORD (after), 0, "vip_steward", &r3);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");

  /* Moving the first onto the third: refused, with the server's own
   * version of the first as "record". */
  cl_vip_booking_set_start_at (first, at (24, 9, 30));
  cl_vip_booking_set_end_at (first, at (24, 10, 30));
  result = apply (f->store, "vip_booking", CL_RECORD (first), rev, "vip_steward", &r4);
  g_assert_cmpstr (json_object_get_string_member (result, "reason"), ==, "overlap");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (result, "record"), "start_at"),
                   ==, at (24, 9, 0));

  /* Escorts: a minute of overlap is refused. */
  cl_escort_task_set_status (t1, CL_ESCORT_STATUS_PLANNED);
  cl_escort_task_set_status (t2, CL_ESCORT_STATUS_PLANNED);
  result = apply (f->store, "escort_task", CL_RECORD (t1), 0, "case_manager", &r5);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  result = apply (f->store, "escort_task", CL_RECORD (t2), 0, "case_manager", &r6);
  g_assert_cmpstr (json_object_get_string_member (result, "reason"), ==, "overlap");
}

/* The server keeps an escort to the status and hand-over of their own
 * tasks, whatever their desk sends. */
static void
test_server_escort_limits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CLEscortTask) task = new_task (f, f->escort1, at (24, 9, 0), at (24, 10, 0));
  g_autoptr(JsonArray) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL, r7 = NULL;
  JsonObject *result;
  gint64 rev;

  cl_escort_task_set_status (task, CL_ESCORT_STATUS_PLANNED);
  result = apply (f->store, "escort_task", CL_RECORD (task), 0, "case_manager", &r1);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  rev = json_object_get_int_member (result, "rev");

  /* 王芳 (wangfang) moves her own task: no. */
  cl_escort_task_set_start_at (task, at (24, 11, 0));
  cl_escort_task_set_end_at (task, at (24, 12, 0));
  result = apply_as (f->store, "escort_task", CL_RECORD (task), rev, "wangfang", "escort", &r2);
  g_assert_cmpstr (json_object_get_string_member (result, "reason"), ==, "forbidden");

  /* 李娜 starts 王芳's task: no. */
  cl_escort_task_set_start_at (task, at (24, 9, 0));
  cl_escort_task_set_end_at (task, at (24, 10, 0));
  cl_escort_task_set_status (task, CL_ESCORT_STATUS_IN_PROGRESS);
  result = apply_as (f->store, "escort_task", CL_RECORD (task), rev, "lina", "escort", &r3);
  g_assert_cmpstr (json_object_get_string_member (result, "reason"), ==, "forbidden");

  /* 王芳 starts it: yes; then skips back to planned: invalid. */
  result = apply_as (f->store, "escort_task", CL_RECORD (task), rev, "wangfang", "escort", &r4);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  rev = json_object_get_int_member (result, "rev");
  cl_escort_task_set_status (task, CL_ESCORT_STATUS_PLANNED);
  result = apply_as (f->store, "escort_task", CL_RECORD (task), rev, "wangfang", "escort", &r5);
  g_assert_cmpstr (json_object_get_string_member (result, "reason"), ==, "invalid");

  /* Nor may she delete it (a delete goes through the same check); a
   * case manager may. */
  cl_escort_task_set_status (task, CL_ESCORT_STATUS_IN_PROGRESS);
  cl_record_set_deleted (CL_RECORD (task), TRUE);
  result = apply_as (f->store, "escort_task", CL_RECORD (task), rev, "wangfang", "escort", &r6);
  g_assert_cmpstr (json_object_get_string_member (result, "reason"), ==, "forbidden");
  result = apply (f->store, "escort_task", CL_RECORD (task), rev, "case_manager", &r7);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
}

/* ---- demo data ----------------------------------------------------- */

static void
test_demo_data (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-schedule-demo");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GListStore) rooms = NULL, escorts = NULL, today = NULL, bookings = NULL;
  g_autoptr(GError) error = NULL;
  GDate d;

  store = cl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_demo_data_generate (store, 300, 7, &error));
  g_assert_no_error (error);

  rooms = cl_vip_store_list_rooms (store, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rooms)), >=, 3);
  escorts = cl_escort_store_list_escorts (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (escorts)), >=, 3);
  cl_date_today (&d);
  today = cl_escort_store_tasks_of_day (store, &d);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (today)), >, 5);
  bookings = cl_vip_store_bookings_of_day (store, &d);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bookings)), >, 3);

  /* No overlaps anywhere: no live pair of one escort or one room. */
  g_assert_cmpint (cl_test_store_count (store,
                          "SELECT count(*) FROM escort_task a JOIN escort_task b"
                          " ON a.escort_id = b.escort_id AND a.id < b.id"
                          " AND a.start_at < b.end_at AND b.start_at < a.end_at"
                          " WHERE a.deleted = 0 AND b.deleted = 0"
                          " AND a.status NOT IN ('cancelled', 'no-show')"
                          " AND b.status NOT IN ('cancelled', 'no-show')"), ==, 0);
  g_assert_cmpint (cl_test_store_count (store,
                          "SELECT count(*) FROM vip_booking a JOIN vip_booking b"
                          " ON a.room_id = b.room_id AND a.id < b.id"
                          " AND a.start_at < b.end_at AND b.start_at < a.end_at"
                          " WHERE a.deleted = 0 AND b.deleted = 0"
                          " AND a.status != 'cancelled' AND b.status != 'cancelled'"), ==, 0);
  /* Every task's escort is an escort and every patient on the roster. */
  g_assert_cmpint (cl_test_store_count (store,
                          "SELECT count(*) FROM escort_task t LEFT JOIN staff s ON s.id = t.escort_id"
                          " WHERE t.escort_id IS NOT NULL AND coalesce (s.role, '') != 'escort'"), ==, 0);
  g_assert_cmpint (cl_test_store_count (store,
                          "SELECT count(*) FROM vip_booking b LEFT JOIN patient p ON p.id = b.patient_id"
                          " WHERE p.id IS NULL OR p.deleted = 1"), ==, 0);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", NOW_TEXT, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/schedule-store/escort-store/rules", Fixture, NULL,
              fixture_set_up, test_escort_store_rules, fixture_tear_down);
  g_test_add ("/schedule-store/escort-store/changes", Fixture, NULL,
              fixture_set_up, test_escort_store_changes, fixture_tear_down);
  g_test_add ("/schedule-store/escort-store/queries", Fixture, NULL,
              fixture_set_up, test_escort_store_queries, fixture_tear_down);
  g_test_add ("/schedule-store/vip-store/rules", Fixture, NULL,
              fixture_set_up, test_vip_store_rules, fixture_tear_down);
  g_test_add ("/schedule-store/vip-store/queries", Fixture, NULL,
              fixture_set_up, test_vip_store_queries, fixture_tear_down);
  g_test_add ("/schedule-store/server-invariant", Fixture, NULL,
              fixture_set_up, test_server_invariant, fixture_tear_down);
  g_test_add ("/schedule-store/server-escort-limits", Fixture, NULL,
              fixture_set_up, test_server_escort_limits, fixture_tear_down);
  g_test_add_func ("/schedule-store/demo-data", test_demo_data);

  return g_test_run ();
}
