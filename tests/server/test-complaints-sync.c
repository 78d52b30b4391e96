/* test-complaints-sync.c
 *
 * Complaint tickets between two service desks and the real
 * careline-server: the department and the promised hours an
 * administrator set reach both desks; a ticket opened at one desk is
 * promised by that setting and moved on there, and the other desk sees
 * each step; a hand-over by someone who is not the owner, and a step
 * skipped, written past the desk's rules, are refused by the server
 * with the core's message and undone at that desk.  Both desks end
 * with the same ticket.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-complaint-store.h"
#include "cl-department.h"
#include "cl-desk-setting.h"
#include "cl-directory-store.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store-complaints.h"
#include "cl-test-store.h"
#include "cl-test-sync.h"
#include "cl-test-util.h"

static void
login_desk (CLTestSyncDesk *desk,
            const char     *url,
            const char     *user,
            const char     *role)
{
  cl_test_desk_login_client (desk->client, url, user, CL_TEST_SYNC_PASSWORD);
  g_assert_cmpstr (cl_sync_client_get_role (desk->client), ==, role);
}

static CLComplaint *
load (CLStore    *store,
      const char *id)
{
  CLRecord *record = cl_store_load_record (store, CL_TYPE_COMPLAINT, id, NULL);

  g_assert_nonnull (record);
  return CL_COMPLAINT (record);
}

/* Written as it is, past the desk's rules: what a desk that did not
 * check would push. */
static void
save_raw (CLStore     *store,
          CLComplaint *complaint)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_save_record (store, CL_RECORD (complaint), &error));
  g_assert_no_error (error);
}

static void
test_complaints_sync (void)
{
  CLTestSyncServer *server = cl_test_sync_server_new ();
  CLTestSyncDesk *admin = cl_test_sync_desk_new ("test-complaints-sync-admin");
  CLTestSyncDesk *a = NULL;
  CLTestSyncDesk *b = NULL;
  g_autoptr(CLDepartment) department = cl_department_new ();
  g_autoptr(CLComplaint) ticket = NULL;
  g_autoptr(CLComplaint) at_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 opened;

  cl_test_sync_server_stop (server);
  cl_test_sync_server_add_user (server, "svc_a", "service_desk");
  cl_test_sync_server_add_user (server, "svc_b", "service_desk");
  cl_test_sync_server_start (server);
  a = cl_test_sync_desk_new ("test-complaints-sync-a");
  b = cl_test_sync_desk_new ("test-complaints-sync-b");

  /* The administrator's department and promised hours. */
  login_desk (admin, server->url, "reader", CL_ROLE_ADMIN);
  cl_department_set_name (department, "产科门诊");
  g_assert_true (cl_directory_store_save_department (admin->store, department, CL_ROLE_ADMIN, NULL, &error));
  g_assert_true (cl_desk_settings_set_int (admin->store, "complaint.hours.serious", 12, CL_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  cl_test_sync_desk_sync_ok (admin);

  login_desk (a, server->url, "svc_a", CL_ROLE_SERVICE_DESK);
  login_desk (b, server->url, "svc_b", CL_ROLE_SERVICE_DESK);
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  g_assert_cmpint (cl_desk_settings_get_int (a->store, "complaint.hours.serious"), ==, 12);

  /* Opened at A, promised 12 hours on. */
  opened = cl_schedule_now ();
  ticket = cl_complaint_new (opened, "svc_a");
  cl_complaint_set_complainant_name (ticket, "王女士");
  cl_complaint_set_department_id (ticket, cl_record_get_id (CL_RECORD (department)));
  cl_complaint_set_description (ticket, "B 超室候诊三小时");
  cl_complaint_set_severity (ticket, "serious");
  cl_complaint_store_promise (a->store, ticket);
  g_assert_cmpint (cl_complaint_get_promised_at (ticket), ==, opened + 12 * 3600);
  g_assert_true (cl_complaint_store_save (a->store, ticket, CL_ROLE_SERVICE_DESK, "svc_a", NULL, &error));
  g_assert_no_error (error);
  id = g_strdup (cl_record_get_id (CL_RECORD (ticket)));
  cl_test_sync_desk_sync_ok (a);
  g_assert_cmpuint (a->rejected.n, ==, 0);
  cl_test_sync_desk_sync_ok (b);
  at_b = load (b->store, id);
  g_assert_cmpstr (cl_complaint_get_state (at_b), ==, "open");
  g_assert_cmpint (cl_complaint_get_promised_at (at_b), ==, opened + 12 * 3600);

  /* B is not its owner: its desk refuses the hand-over, and so does
   * the server when a desk pushes it anyway. */
  cl_complaint_set_owner_id (at_b, "svc_b");
  g_assert_false (cl_complaint_store_save (b->store, at_b, CL_ROLE_SERVICE_DESK, "svc_b", NULL, &error));
  g_clear_error (&error);
  save_raw (b->store, at_b);
  cl_test_sync_desk_sync_ok (b);
  g_assert_cmpuint (b->rejected.n, ==, 1);
  g_assert_cmpstr (b->rejected.reason, ==, "invalid");
  g_assert_true (g_str_has_suffix (b->rejected.message,
                                   "owner_id: Only its owner or an administrator may hand a complaint over"));
  g_clear_object (&at_b);
  at_b = load (b->store, id);
  g_assert_cmpstr (cl_complaint_get_owner_id (at_b), ==, "svc_a");

  /* A starts work; B sees it. */
  cl_complaint_step (ticket, CL_COMPLAINT_STATE_IN_PROGRESS, opened + 600, "svc_a");
  g_assert_true (cl_complaint_store_save (a->store, ticket, CL_ROLE_SERVICE_DESK, "svc_a", NULL, &error));
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  g_clear_object (&at_b);
  at_b = load (b->store, id);
  g_assert_cmpstr (cl_complaint_get_state (at_b), ==, "in_progress");

  /* Straight to closed, past resolved: refused by the server. */
  cl_complaint_set_resolution (at_b, "已致歉");
  cl_complaint_set_satisfaction (at_b, "satisfied");
  cl_complaint_step (at_b, CL_COMPLAINT_STATE_CLOSED, opened + 900, "svc_b");
  save_raw (b->store, at_b);
  cl_test_sync_desk_sync_ok (b);
  g_assert_cmpuint (b->rejected.n, ==, 2);
  g_assert_true (g_str_has_suffix (b->rejected.message,
                                   "state: A complaint moves one step at a time: open, in progress, resolved, closed"));

  /* Resolved at A, as the rules allow; both desks the same. */
  cl_complaint_set_resolution (ticket, "已致歉并调整叫号");
  cl_complaint_step (ticket, CL_COMPLAINT_STATE_RESOLVED, opened + 1800, "svc_a");
  g_assert_true (cl_complaint_store_save (a->store, ticket, CL_ROLE_SERVICE_DESK, "svc_a", NULL, &error));
  cl_test_sync_desk_sync_ok (a);
  cl_test_sync_desk_sync_ok (b);
  {
    const char *sql = "SELECT id, state, owner_id, promised_at, resolved_at, resolution, rev FROM complaint"
                      " WHERE deleted = 0 ORDER BY id";
    g_autoptr(GPtrArray) rows_a = cl_test_store_rows (a->store, sql);
    g_autoptr(GPtrArray) rows_b = cl_test_store_rows (b->store, sql);

    g_assert_cmpuint (rows_a->len, ==, 1);
    g_assert_cmpuint (rows_b->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (rows_a, 0), ==, g_ptr_array_index (rows_b, 0));
  }
  g_assert_cmpint (cl_store_count_outbox (b->store), ==, 0);

  cl_test_sync_desk_free (a);
  cl_test_sync_desk_free (b);
  cl_test_sync_desk_free (admin);
  cl_test_sync_server_free (server);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/complaints-sync/two-desks", test_complaints_sync);
  return g_test_run ();
}
