/* test-events-sync.c
 *
 * Health events between two desks and the real careline-server: a
 * waiting list built at two desks; a cancel at one desk and the
 * promotion it makes, pushed together, applied by the server in that
 * order and pulled by the other desk; and the last place registered at
 * two desks at once, where the server keeps the first, refuses the
 * second as full, and that desk undoes it.  Both desks end with the
 * same live registrations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-event-store.h"
#include "cl-staff.h"
#include "cl-store-events.h"
#include "cl-test-store.h"
#include "cl-test-sync.h"
#include "cl-test-util.h"

static char *
new_event (CLStore    *store,
           const char *title,
           gint        capacity)
{
  g_autoptr(CLHealthEvent) event = cl_health_event_new ();
  g_autoptr(GError) error = NULL;

  cl_health_event_set_title (event, title);
  cl_health_event_set_kind (event, "salon");
  cl_health_event_set_date (event, "2026-11-28");
  cl_health_event_set_starts (event, 9 * 60);
  cl_health_event_set_ends (event, 10 * 60);
  cl_health_event_set_place (event, "产科 2 楼活动室");
  cl_health_event_set_capacity (event, capacity);
  g_assert_true (cl_event_store_save_event (store, event, CL_ROLE_CASE_MANAGER, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (cl_record_get_id (CL_RECORD (event)));
}

static CLEventRegistration *
reg (CLStore    *store,
     const char *event_id,
     const char *patient_id)
{
  g_autoptr(GError) error = NULL;
  CLEventRegistration *one = cl_event_store_register (store, event_id, patient_id, CL_ROLE_CASE_MANAGER, &error);

  g_assert_no_error (error);
  return one;
}

static gint64
count_state (CLStore    *store,
             const char *event_id,
             const char *state)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM event_registration WHERE event_id = '%s'"
                                          " AND state = '%s' AND deleted = 0", event_id, state);

  return cl_test_store_count (store, sql);
}

static void
test_events_sync (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *a = cl_test_sync_desk_new ("test-events-sync-a");
  CLTestSyncDesk *b = cl_test_sync_desk_new ("test-events-sync-b");
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL;
  g_autofree char *salon = NULL, *last = NULL;
  g_autoptr(CLEventRegistration) r1 = NULL;
  g_autoptr(CLEventRegistration) r2 = NULL;
  g_autoptr(CLEventRegistration) r3 = NULL;
  g_autoptr(CLEventRegistration) promoted = NULL;
  g_autoptr(CLEventRegistration) first = NULL;
  g_autoptr(CLEventRegistration) second = NULL;
  g_autoptr(GError) error = NULL;

  cl_test_sync_desk_login (a, server->url, "desk_a");
  cl_test_sync_desk_login (b, server->url, "desk_b");
  p1 = cl_test_sync_save_patient (a->store, 41, "张小梅");
  p2 = cl_test_sync_save_patient (a->store, 42, "李小红");
  p3 = cl_test_sync_save_patient (a->store, 43, "王芳");
  p4 = cl_test_sync_save_patient (a->store, 44, "赵敏");
  salon = new_event (a->store, "产后康复沙龙", 2);
  r1 = reg (a->store, salon, p1);
  r2 = reg (a->store, salon, p2);
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);

  /* B sees the salon full: the third waits. */
  r3 = reg (b->store, salon, p3);
  g_assert_true (cl_event_registration_is_waitlisted (r3));
  cl_test_sync_desk_sync_ok (b);
  cl_test_sync_desk_sync_ok (a);

  /* A cancels the first: the waiter B registered has the place, on
   * the server and at B. */
  g_assert_true (cl_event_store_cancel (a->store, r1, CL_ROLE_CASE_MANAGER, &promoted, &error));
  g_assert_no_error (error);
  g_assert_nonnull (promoted);
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (promoted)), ==, cl_record_get_id (CL_RECORD (r3)));
  cl_test_sync_desk_sync_ok (a);
  g_assert_cmpuint (a->rejected.n, ==, 0);
  cl_test_sync_desk_sync_ok (b);
  g_assert_cmpint (count_state (b->store, salon, "registered"), ==, 2);
  g_assert_cmpint (count_state (b->store, salon, "waitlisted"), ==, 0);
  g_assert_cmpint (count_state (b->store, salon, "cancelled"), ==, 1);

  /* One place left, taken at both desks before either syncs. */
  last = new_event (a->store, "分娩体验课", 1);
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  first = reg (a->store, last, p1);
  second = reg (b->store, last, p4);
  g_assert_true (cl_event_registration_is_registered (first));
  g_assert_true (cl_event_registration_is_registered (second));
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  g_assert_cmpuint (b->rejected.n, ==, 1);
  g_assert_cmpstr (b->rejected.reason, ==, "invalid");
  g_assert_cmpstr (b->rejected.record_id, ==, cl_record_get_id (CL_RECORD (second)));
  g_assert_true (g_str_has_suffix (b->rejected.message, "state: The event is full (1 place); she can join the waiting list"));
  g_assert_cmpint (cl_store_count_outbox (b->store), ==, 0);
  g_assert_cmpint (count_state (b->store, last, "registered"), ==, 1);
  cl_test_sync_desk_sync_ok (a);

  /* The same live registrations at both desks (B keeps its refused
   * one as a local tombstone, never sent). */
  {
    const char *sql = "SELECT id, event_id, patient_id, state, rev, registered_at FROM event_registration"
                      " WHERE deleted = 0 ORDER BY id";
    g_autoptr(GPtrArray) rows_a = cl_test_store_rows (a->store, sql);
    g_autoptr(GPtrArray) rows_b = cl_test_store_rows (b->store, sql);

    g_assert_cmpuint (rows_a->len, ==, 4);
    g_assert_cmpuint (rows_b->len, ==, rows_a->len);
    for (guint i = 0; i < rows_a->len; i++)
      g_assert_cmpstr (g_ptr_array_index (rows_a, i), ==, g_ptr_array_index (rows_b, i));
  }

  cl_test_sync_desk_free (a);
  cl_test_sync_desk_free (b);
  cl_test_sync_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  const char *server_binary = g_getenv ("CARELINE_SERVER");

  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (server_binary);
  g_assert_true (g_file_test (server_binary, G_FILE_TEST_IS_EXECUTABLE));
  g_test_add_func ("/events-sync/waiting-list", test_events_sync);
  return g_test_run ();
}
