#define G_LOG_DOMAIN "test-first-day"

#include "config.h"

#include <signal.h>
#include <string.h>

#include "cl-escort-store.h"
#include "cl-enrolment-store.h"
#include "cl-id-card.h"
#include "cl-package.h"
#include "cl-patient-store.h"
#include "cl-share-rate.h"
#include "cl-staff-store.h"
#include "cl-test-desk.h"
#include "cl-test-server.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"

/* A hospital's first day (issue #13): a fresh server with one
 * administrator from `careline-server user add` and no demo data is set
 * up from a desk — staff, a room, a package's price, the share rate —
 * through the same save functions as the windows; the command line
 * links log-ins to the staff the desk made; then two desks book escorts
 * for the new escort at once, and the server keeps one of two
 * overlapping tasks. */

#define PASSWORD "correct horse battery staple"

static const char *server_binary;

static char *
save_staff (CLStore    *store,
            const char *username,
            const char *name,
            const char *role)
{
  g_autoptr(CLStaff) staff = cl_staff_new (username, name, role);
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_staff_store_save (store, staff, CL_ROLE_ADMIN, &field_errors, &error));
  g_assert_no_error (error);
  return g_strdup (cl_record_get_id (CL_RECORD (staff)));
}

static CLEscortTask *
new_task (const char *patient_id,
          const char *escort_id,
          gint64      start_at,
          gint64      end_at)
{
  CLEscortTask *task = cl_escort_task_new ();

  cl_escort_task_set_patient_id (task, patient_id);
  cl_escort_task_set_kind (task, CL_ESCORT_KIND_EXAMINATION);
  cl_escort_task_set_place_from (task, "产科门诊");
  cl_escort_task_set_place_to (task, "超声科");
  cl_escort_task_set_start_at (task, start_at);
  cl_escort_task_set_end_at (task, end_at);
  cl_escort_task_set_escort_id (task, escort_id);
  return task;
}

static void
sync_all (CLSyncClient **clients,
          guint          n)
{
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < n; i++)
      cl_test_desk_sync (clients[i]);
}

static void
test_first_day (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-first-day");
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLStore) admin_store = NULL, b_store = NULL, c_store = NULL;
  g_autoptr(CLSyncClient) admin = NULL, b = NULL, c = NULL;
  g_autofree char *escort_id = NULL;
  g_autofree char *room_id = NULL;
  g_autofree char *patient_id = NULL;
  g_autoptr(GError) error = NULL;
  CLTestRejections b_rejected = { 0 }, c_rejected = { 0 };

  /* Day one: one administrator, nothing else. */
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "boss",
                                           "--role", "admin", "--db", db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, db, &url);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM patient"), ==, 0);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE deleted = 0"), ==, 1);

  /* The administrator's desk makes the staff, a room and the rate. */
  admin_store = cl_test_desk_open_store (dir, "admin");
  admin = cl_test_desk_login (admin_store, url, "boss", PASSWORD);
  cl_test_desk_sync (admin);
  escort_id = save_staff (admin_store, "wangfang", "王芳", CL_ROLE_ESCORT);
  g_free (save_staff (admin_store, "lina", "李娜", CL_ROLE_CASE_MANAGER));
  g_free (save_staff (admin_store, "zhaomin", "赵敏", CL_ROLE_CASE_MANAGER));
  room_id = cl_test_add_room (admin_store, "VIP 诊室 1", "门诊楼 3 层 301");
  {
    g_autoptr(CLShareRate) rate = cl_share_rate_new ();

    cl_share_rate_set_effective_from (rate, "2026-11-01");
    cl_share_rate_set_rate_bp (rate, 3525);
    g_assert_true (cl_enrolment_store_save_rate (admin_store, rate, CL_ROLE_ADMIN, &error));
    g_assert_no_error (error);
  }
  /* The hospital's own price for the first package on the list. */
  {
    g_autoptr(GPtrArray) packages = cl_enrolment_store_list_packages (admin_store, FALSE);
    g_autoptr(GHashTable) field_errors = NULL;
    CLPackage *package;

    g_assert_cmpuint (packages->len, >, 0);
    package = g_ptr_array_index (packages, 0);
    cl_package_set_price_fen (package, 318800);
    g_assert_true (cl_enrolment_store_save_package (admin_store, package, CL_ROLE_ADMIN, &field_errors, &error));
    g_assert_no_error (error);
  }
  cl_test_desk_sync (admin);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM package WHERE deleted = 0 AND price_fen = 318800"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE deleted = 0 AND active = 1"), ==, 4);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM vip_room WHERE deleted = 0"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM share_rate WHERE deleted = 0 AND rate_bp = 3525"), ==, 1);

  /* Their log-ins, linked by the command line to the rows the desk
   * made: no second staff row. */
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "lina",
                                           "--role", "case_manager", "--db", db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "zhaomin",
                                           "--role", "case_manager", "--db", db, NULL), ==, 0);
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM staff WHERE deleted = 0 AND username = 'lina'"), ==, 1);

  /* Two case managers' desks. */
  b_store = cl_test_desk_open_store (dir, "lina");
  b = cl_test_desk_login (b_store, url, "lina", PASSWORD);
  cl_test_desk_watch_rejections (b, &b_rejected);
  c_store = cl_test_desk_open_store (dir, "zhaomin");
  c = cl_test_desk_login (c_store, url, "zhaomin", PASSWORD);
  cl_test_desk_watch_rejections (c, &c_rejected);
  cl_test_desk_sync (b);
  cl_test_desk_sync (c);
  /* The new escort is a lane at the other desks. */
  {
    g_autoptr(GListStore) escorts = cl_escort_store_list_escorts (c_store);
    g_autoptr(CLStaff) first = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (escorts)), ==, 1);
    first = g_list_model_get_item (G_LIST_MODEL (escorts), 0);
    g_assert_cmpstr (cl_record_get_id (CL_RECORD (first)), ==, escort_id);
    g_assert_cmpstr (cl_staff_get_display_name (first), ==, "王芳");
  }

  /* Desk B registers her patient; both desks have her. */
  {
    g_autoptr(CLPatient) patient = cl_patient_new ();
    g_autoptr(GHashTable) field_errors = NULL;
    const char *first17 = "11010519920301002";
    g_autofree char *number = g_strdup_printf ("%s%c", first17, cl_id_card_check_digit (first17));

    cl_patient_set_name (patient, "张小梅");
    cl_patient_set_id_number (patient, number);
    cl_patient_set_phone (patient, "13900000001");
    g_assert_true (cl_patient_store_save (b_store, patient, NULL, &field_errors, &error));
    g_assert_no_error (error);
    patient_id = g_strdup (cl_record_get_id (CL_RECORD (patient)));
  }
  {
    CLSyncClient *clients[] = { b, c };

    sync_all (clients, 2);
  }

  /* Both book the new escort, at once, for overlapping hours on the
   * 24th: each desk's own check passes, the server keeps one. */
  {
    g_autoptr(CLEscortTask) at_b = new_task (patient_id, escort_id, cl_test_nov_2026 (24, 9, 0), cl_test_nov_2026 (24, 10, 0));
    g_autoptr(CLEscortTask) at_c = new_task (patient_id, escort_id, cl_test_nov_2026 (24, 9, 30), cl_test_nov_2026 (24, 10, 30));
    g_autoptr(CLEscortTask) later = new_task (patient_id, escort_id, cl_test_nov_2026 (24, 14, 0), cl_test_nov_2026 (24, 15, 0));
    CLSyncClient *clients[] = { b, c };

    g_assert_true (cl_escort_store_save (b_store, at_b, CL_ROLE_CASE_MANAGER, &error));
    g_assert_no_error (error);
    g_assert_true (cl_escort_store_save (c_store, at_c, CL_ROLE_CASE_MANAGER, &error));
    g_assert_no_error (error);
    g_assert_true (cl_escort_store_save (c_store, later, CL_ROLE_CASE_MANAGER, &error));
    g_assert_no_error (error);
    sync_all (clients, 2);
  }

  g_assert_cmpuint (b_rejected.n + c_rejected.n, ==, 1);
  g_assert_cmpstr (b_rejected.n ? b_rejected.reason : c_rejected.reason, ==, "overlap");
  g_assert_cmpint (cl_test_db_count (db, "SELECT count(*) FROM escort_task WHERE deleted = 0 AND status <> 'cancelled'"), ==, 2);
  /* The desks agree with the server. */
  g_assert_cmpint (cl_test_count (b_store, "SELECT count(*) FROM escort_task WHERE deleted = 0 AND status <> 'cancelled'"), ==, 2);
  g_assert_cmpint (cl_test_count (c_store, "SELECT count(*) FROM escort_task WHERE deleted = 0 AND status <> 'cancelled'"), ==, 2);

  cl_test_rejections_clear (&b_rejected);
  cl_test_rejections_clear (&c_rejected);
  g_clear_object (&admin);
  g_clear_object (&b);
  g_clear_object (&c);
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  server_binary = cl_test_server_binary ();
  if (server_binary)
    g_test_add_func ("/first-day/set-up-and-book", test_first_day);
  return g_test_run ();
}
