/* test-appoint-sync.c
 *
 * Appointments between two service-desk seats and the real
 * careline-server: the morning's last place booked at both seats before
 * either syncs; the server keeps the first to reach it, refuses the other with the
 * overbook reason asked (judged inside its write transaction, as the
 * seat's own save judges it), and that seat undoes it.  Booked again
 * with a reason, it goes through; a community referral's booking needs
 * none.  Both seats end with the same live bookings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-appoint-store.h"
#include "cl-date.h"
#include "cl-directory-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-appoint.h"
#include "cl-test-store.h"
#include "cl-test-sync.h"
#include "cl-test-util.h"

static CLAppointment *
booking (const char *patient_id,
         const char *department_id,
         const char *date)
{
  CLAppointment *appointment = cl_appointment_new ();

  cl_appointment_set_patient_id (appointment, patient_id);
  cl_appointment_set_kind (appointment, "examination");
  cl_appointment_set_department_id (appointment, department_id);
  cl_appointment_set_date (appointment, date);
  cl_appointment_set_slot (appointment, CL_SLOT_AM);
  cl_appointment_set_source (appointment, "hotline");
  return appointment;
}

static gint64
count_live (CLStore    *store,
            const char *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM appointment WHERE date = '%s'"
                                          " AND slot = 'am' AND deleted = 0 AND state <> 'cancelled'", date);

  return cl_test_store_count (store, sql);
}

static void
test_last_place (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *office = cl_test_sync_desk_new ("test-appoint-sync-admin");
  CLTestSyncDesk *a = cl_test_sync_desk_new ("test-appoint-sync-a");
  CLTestSyncDesk *b = cl_test_sync_desk_new ("test-appoint-sync-b");
  g_autoptr(CLDepartment) department = cl_department_new ();
  g_autoptr(CLSlotCapacity) capacity = cl_slot_capacity_new ();
  g_autoptr(CLReferringHospital) hospital = cl_referring_hospital_new ();
  g_autoptr(CLAppointment) first = NULL;
  g_autoptr(CLAppointment) second = NULL;
  g_autoptr(CLAppointment) again = NULL;
  g_autoptr(CLAppointment) referred = NULL;
  g_autoptr(CLReferral) referral = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL;
  g_autofree char *date = NULL;
  const char *department_id;
  CLTestSyncDesk *loser;
  CLAppointment *lost;
  GDate day;

  /* Tomorrow, by the server's clock and the seats'. */
  cl_schedule_day_of (cl_schedule_now (), &day);
  g_date_add_days (&day, 1);
  date = cl_date_to_iso (&day);

  cl_test_sync_server_add_user (server, "seat_a", CL_ROLE_SERVICE_DESK);
  cl_test_sync_server_add_user (server, "seat_b", CL_ROLE_SERVICE_DESK);
  /* cl_test_sync_desk_login() is for case managers. */
  cl_test_desk_login_client (office->client, server->url, "reader", CL_TEST_SYNC_PASSWORD);
  cl_test_desk_login_client (a->client, server->url, "seat_a", CL_TEST_SYNC_PASSWORD);
  cl_test_desk_login_client (b->client, server->url, "seat_b", CL_TEST_SYNC_PASSWORD);
  g_assert_cmpstr (cl_sync_client_get_role (a->client), ==, CL_ROLE_SERVICE_DESK);
  g_assert_cmpstr (cl_sync_client_get_role (office->client), ==, CL_ROLE_ADMIN);

  /* The administrator's settings: one place every morning. */
  cl_department_set_name (department, "超声科");
  g_assert_true (cl_directory_store_save_department (office->store, department, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  department_id = cl_record_get_id (CL_RECORD (department));
  cl_slot_capacity_set_department_id (capacity, department_id);
  cl_slot_capacity_set_slot (capacity, CL_SLOT_AM);
  cl_slot_capacity_set_places (capacity, 1);
  g_assert_true (cl_appoint_store_save_capacity (office->store, capacity, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  cl_referring_hospital_set_name (hospital, "思明社区卫生服务中心");
  g_assert_true (cl_appoint_store_save_hospital (office->store, hospital, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  p1 = cl_test_sync_save_patient (office->store, 51, "张小梅");
  p2 = cl_test_sync_save_patient (office->store, 52, "李小红");
  p3 = cl_test_sync_save_patient (office->store, 53, "王芳");
  cl_test_sync_desk_sync_ok (office);
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);

  /* The last place, taken at both seats before either syncs: each sees
   * it free. */
  first = booking (p1, department_id, date);
  second = booking (p2, department_id, date);
  g_assert_true (cl_appoint_store_save_appointment (a->store, first, CL_ROLE_SERVICE_DESK, "seat_a", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cl_appoint_store_save_appointment (b->store, second, CL_ROLE_SERVICE_DESK, "seat_b", NULL, &error));
  g_assert_no_error (error);
  /* Each seat's client may push on its own as soon as it saves: which
   * reaches the server first is not fixed, only that one does. */
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  cl_test_sync_desk_sync_ok (a);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 1);
  loser = a->rejected.n == 1 ? a : b;
  lost = a->rejected.n == 1 ? first : second;
  g_assert_cmpstr (loser->rejected.reason, ==, "invalid");
  g_assert_cmpstr (loser->rejected.record_id, ==, cl_record_get_id (CL_RECORD (lost)));
  g_assert_true (g_str_has_suffix (loser->rejected.message,
                                   "overbook_reason: Morning: the 1 place is booked; give a reason to book over"));
  g_assert_cmpint (cl_store_count_outbox (loser->store), ==, 0);
  /* The loser undid its own and has the other's. */
  g_assert_cmpint (count_live (loser->store, date), ==, 1);

  /* Booked again there, where the morning is now known to be full:
   * asked for the reason at once, and with it the server takes it. */
  again = booking (cl_appointment_get_patient_id (lost), department_id, date);
  g_assert_false (cl_appoint_store_save_appointment (loser->store, again, CL_ROLE_SERVICE_DESK, "seat", &field_errors,
                                                     &error));
  g_assert_true (g_hash_table_contains (field_errors, "overbook_reason"));
  g_clear_error (&error);
  cl_appointment_set_overbook_reason (again, "孕晚期复查，主任同意加号");
  g_assert_true (cl_appoint_store_save_appointment (loser->store, again, CL_ROLE_SERVICE_DESK, "seat", NULL, &error));
  g_assert_no_error (error);
  cl_test_sync_desk_sync_ok (loser);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 1);

  /* A referral received at B and booked from it at A, over the
   * capacity and without a reason: the server takes that too. */
  referral = cl_referral_new (cl_schedule_now () - 3600);
  cl_referral_set_patient_id (referral, p3);
  cl_referral_set_hospital_id (referral, cl_record_get_id (CL_RECORD (hospital)));
  cl_referral_set_reason (referral, "胎儿生长受限待排");
  cl_referral_set_department_id (referral, department_id);
  cl_referral_set_priority (referral, CL_REFERRAL_URGENT);
  g_assert_true (cl_appoint_store_save_referral (b->store, referral, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  cl_test_sync_desk_sync_ok (b);
  cl_test_sync_desk_sync_ok (a);
  {
    g_autoptr(CLReferral) at_a = CL_REFERRAL (cl_store_load_record (a->store, CL_TYPE_REFERRAL,
                                                                    cl_record_get_id (CL_RECORD (referral)), NULL));

    g_assert_nonnull (at_a);
    referred = booking (p3, department_id, date);
    g_assert_true (cl_appoint_store_book_referral (a->store, referred, at_a, CL_ROLE_SERVICE_DESK, "seat_a",
                                                   NULL, &error));
    g_assert_no_error (error);
  }
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 1);

  /* The same live bookings at both seats, the referral pointing at its
   * appointment. */
  {
    const char *sql = "SELECT id, patient_id, date, slot, source, state, overbook_reason, referral_id, rev"
                      " FROM appointment WHERE deleted = 0 ORDER BY id";
    g_autoptr(GPtrArray) rows_a = cl_test_store_rows (a->store, sql);
    g_autoptr(GPtrArray) rows_b = cl_test_store_rows (b->store, sql);
    g_autofree char *linked = cl_test_store_text (b->store, "SELECT appointment_id FROM referral");

    g_assert_cmpuint (rows_a->len, ==, 3);
    g_assert_cmpuint (rows_b->len, ==, rows_a->len);
    for (guint i = 0; i < rows_a->len; i++)
      g_assert_cmpstr (g_ptr_array_index (rows_a, i), ==, g_ptr_array_index (rows_b, i));
    g_assert_cmpstr (linked, ==, cl_record_get_id (CL_RECORD (referred)));
  }
  g_assert_cmpint (count_live (a->store, date), ==, 3);

  cl_test_sync_desk_free (office);
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
  g_test_add_func ("/appoint-sync/last-place", test_last_place);
  return g_test_run ();
}
