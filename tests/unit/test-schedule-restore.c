#define G_LOG_DOMAIN "test-schedule-restore"

#include "config.h"

#include <string.h>

#include "cl-escort-store.h"
#include "cl-patient.h"
#include "cl-schedule.h"
#include "cl-test-desk.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"

/* Undoing a cancellation (the "Undo" of the views' "Booking cancelled"
 * toast) on a real SQLite file: cl_vip_store_restore_booking() and
 * cl_escort_store_restore() write through the outbox like any change,
 * and the overlap invariant still holds, at the desk and in the
 * server's hook (cl_schedule_check_change()).  TZ=Asia/Shanghai, now
 * 2026-11-23 08:00. */

#define at(day, hour, minute) cl_test_nov_2026 ((day), (hour), (minute))

typedef struct
{
  char    *dir;
  CLStore *store;
  char    *escort;
  char    *patient;
  char    *room;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();

  f->dir = cl_test_make_tmp_dir ("test-schedule-restore");
  f->store = cl_test_store_open (f->dir);
  cl_store_set_actor (f->store, "zhaomin");
  f->escort = cl_test_add_staff (f->store, "wangfang", "王芳", CL_ROLE_ESCORT);
  cl_patient_set_name (patient, "张小梅");
  f->patient = cl_test_save (f->store, patient);
  /* Open 08:00–17:30 on a 30-minute grid. */
  f->room = cl_test_add_room (f->store, "VIP 诊室 1", "门诊楼 3 层 302");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->escort);
  g_free (f->patient);
  g_free (f->room);
}

static CLEscortTask *
plan (Fixture *f,
      gint64   start_at,
      gint64   end_at)
{
  CLEscortTask *task = cl_test_new_task (f->patient, f->escort, start_at, end_at);
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_escort_store_save (f->store, task, "case_manager", &error));
  g_assert_no_error (error);
  return task;
}

static char *
stored_status (Fixture    *f,
               const char *table,
               CLRecord   *record)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM %s WHERE id = '%s'", table,
                                          cl_record_get_id (record));
  g_autoptr(GPtrArray) rows = cl_test_store_rows (f->store, sql);

  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (g_ptr_array_index (rows, 0));
}

static void
test_restore_booking (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CLVipBooking) booking = cl_test_book (f->store, "vip_steward", f->room, f->patient, at (24, 9, 0), at (24, 10, 0));
  g_autoptr(CLVipBooking) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 outbox;

  g_assert_true (cl_vip_store_cancel_booking (f->store, booking, "vip_steward", &error));
  g_assert_no_error (error);

  /* Undo at once: booked again, one more change waiting to be pushed. */
  outbox = cl_store_count_outbox (f->store);
  g_assert_true (cl_vip_store_restore_booking (f->store, booking, "vip_steward", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_vip_booking_get_status (booking), ==, CL_VIP_STATUS_BOOKED);
  status = stored_status (f, "vip_booking", CL_RECORD (booking));
  g_assert_cmpstr (status, ==, CL_VIP_STATUS_BOOKED);
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox + 1);

  /* Cancelled again, and the freed slot is booked by someone else
   * before the undo: refused, saying why, and nothing written. */
  g_assert_true (cl_vip_store_cancel_booking (f->store, booking, "vip_steward", &error));
  other = cl_test_book (f->store, "vip_steward", f->room, f->patient, at (24, 9, 30), at (24, 10, 0));
  outbox = cl_store_count_outbox (f->store);
  g_assert_false (cl_vip_store_restore_booking (f->store, booking, "vip_steward", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP);
  g_test_message ("restore over a later booking: %s", error->message);
  g_assert_nonnull (strstr (error->message, "restored"));
  g_assert_nonnull (strstr (error->message, "09:30–10:00"));
  g_clear_error (&error);
  g_assert_cmpstr (cl_vip_booking_get_status (booking), ==, CL_VIP_STATUS_CANCELLED);
  g_clear_pointer (&status, g_free);
  status = stored_status (f, "vip_booking", CL_RECORD (booking));
  g_assert_cmpstr (status, ==, CL_VIP_STATUS_CANCELLED);
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox);

  /* Once that one is cancelled too, the undo goes through. */
  g_assert_true (cl_vip_store_cancel_booking (f->store, other, "vip_steward", &error));
  g_assert_true (cl_vip_store_restore_booking (f->store, booking, "vip_steward", &error));
  g_assert_no_error (error);

  /* Only a cancelled booking goes back to booked.  (Checked in on its
   * day, the only day it may be.) */
  g_setenv ("CARELINE_NOW", "2026-11-24T08:00:00", TRUE);
  g_assert_true (cl_vip_store_set_booking_status (f->store, booking, CL_VIP_STATUS_CHECKED_IN,
                                                  "vip_steward", &error));
  g_setenv ("CARELINE_NOW", "2026-11-23T08:00:00", TRUE);
  g_assert_false (cl_vip_store_restore_booking (f->store, booking, "vip_steward", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);

  /* A role that may not write bookings may not restore one either. */
  g_assert_true (cl_vip_store_cancel_booking (f->store, other, "vip_steward", &error));
  g_assert_false (cl_vip_store_restore_booking (f->store, other, "finance", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_FORBIDDEN);
}

static void
test_restore_task (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CLEscortTask) task = plan (f, at (24, 9, 0), at (24, 10, 0));
  g_autoptr(CLEscortTask) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 outbox;

  /* Cancelled while in progress: the undo puts it back in progress. */
  g_assert_true (cl_escort_store_set_status (f->store, task, CL_ESCORT_STATUS_IN_PROGRESS,
                                             "case_manager", &error));
  g_assert_true (cl_escort_store_cancel (f->store, task, "case_manager", &error));
  g_assert_no_error (error);
  outbox = cl_store_count_outbox (f->store);
  g_assert_true (cl_escort_store_restore (f->store, task, CL_ESCORT_STATUS_IN_PROGRESS,
                                          "case_manager", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_escort_task_get_status (task), ==, CL_ESCORT_STATUS_IN_PROGRESS);
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox + 1);

  /* Not to a status it could not have been cancelled from. */
  g_assert_true (cl_escort_store_cancel (f->store, task, "case_manager", &error));
  g_assert_false (cl_escort_store_restore (f->store, task, CL_ESCORT_STATUS_DONE, "case_manager", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);

  /* The escort was given another task at that time meanwhile. */
  other = plan (f, at (24, 9, 45), at (24, 10, 30));
  outbox = cl_store_count_outbox (f->store);
  g_assert_false (cl_escort_store_restore (f->store, task, CL_ESCORT_STATUS_PLANNED, "case_manager", &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP);
  g_test_message ("restore over a later task: %s", error->message);
  g_assert_nonnull (strstr (error->message, "restored"));
  g_assert_cmpstr (cl_schedule_error_field (error), ==, "start_at");
  g_clear_error (&error);
  g_assert_cmpstr (cl_escort_task_get_status (task), ==, CL_ESCORT_STATUS_CANCELLED);
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox);
}

/* The server judges a pushed restore with the same hook it uses for
 * every change: allowed while the time is free, an overlap when not. */
static void
test_server_hook (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLVipBooking) booking = cl_test_book (f->store, "vip_steward", f->room, f->patient, at (24, 11, 0), at (24, 12, 0));
  g_autoptr(CLVipBooking) cancelled = NULL;
  g_autoptr(CLVipBooking) restored = NULL;
  g_autoptr(CLRecord) conflict = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_vip_store_cancel_booking (f->store, booking, "vip_steward", &error));
  cancelled = CL_VIP_BOOKING (cl_record_dup (CL_RECORD (booking)));
  restored = CL_VIP_BOOKING (cl_record_dup (CL_RECORD (booking)));
  cl_vip_booking_set_status (restored, CL_VIP_STATUS_BOOKED);

  g_assert_true (cl_schedule_check_change (f->store, CL_RECORD (restored), CL_RECORD (cancelled),
                                           "tester", "vip_steward", &conflict, &error));
  g_assert_no_error (error);

  {
    g_autoptr(CLVipBooking) taken = cl_test_book (f->store, "vip_steward", f->room, f->patient, at (24, 11, 30), at (24, 12, 0));

    g_assert_false (cl_schedule_check_change (f->store, CL_RECORD (restored), CL_RECORD (cancelled),
                                              "tester", "vip_steward", &conflict, &error));
    g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP);
    g_assert_nonnull (conflict);
    g_assert_cmpstr (cl_record_get_id (conflict), ==, cl_record_get_id (CL_RECORD (taken)));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T08:00:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/schedule-restore/booking", Fixture, NULL,
              fixture_set_up, test_restore_booking, fixture_tear_down);
  g_test_add ("/schedule-restore/task", Fixture, NULL,
              fixture_set_up, test_restore_task, fixture_tear_down);
  g_test_add ("/schedule-restore/server-hook", Fixture, NULL,
              fixture_set_up, test_server_hook, fixture_tear_down);

  return g_test_run ();
}
