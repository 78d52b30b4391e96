#define G_LOG_DOMAIN "test-schedule-sync"

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-escort-store.h"
#include "cl-id-card.h"
#include "cl-patient-store.h"
#include "cl-store-private.h"
#include "cl-test-desk.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"

/* The schedule's cross-desk invariants against the real careline-server
 * (issue #5): two desks book one slot, or give one escort two
 * overlapping tasks, at once; the server keeps exactly one, every desk
 * ends with that one, and the other desk is told why.  Time: Shanghai,
 * now 23 Nov 2026 08:00, everything booked on the 24th. */

#define PASSWORD "correct horse battery staple"

static const char *server_binary;

typedef struct
{
  char        *dir;
  char        *db;
  char        *url;
  GSubprocess *server;
  /* made at the admin desk and synced */
  char        *escort1;
  char        *escort2;
  char        *room;
  char        *patient1;
  char        *patient2;
} World;

typedef struct
{
  CLStore      *store;
  CLSyncClient *client;
  const char   *role;
  CLTestRejections rejected;
} Desk;

#define at(hour, minute) cl_test_nov_2026 (24, (hour), (minute))

static void
desk_connect (Desk       *desk,
              World      *world,
              const char *user)
{
  desk->client = cl_test_desk_login (desk->store, world->url, user, PASSWORD);
  cl_test_desk_watch_rejections (desk->client, &desk->rejected);
}

static Desk *
desk_new (World      *world,
          const char *user,
          const char *role)
{
  Desk *desk = g_new0 (Desk, 1);

  desk->store = cl_test_desk_open_store (world->dir, user);
  desk->role = role;
  desk_connect (desk, world, user);
  cl_test_desk_sync (desk->client);
  return desk;
}

static void
desk_free (Desk *desk)
{
  g_clear_object (&desk->client);
  g_clear_object (&desk->store);
  cl_test_rejections_clear (&desk->rejected);
  g_free (desk);
}

/* Sync rounds on every desk at once until nothing waits anywhere. */
static void
settle (Desk **desks,
        guint  n)
{
  for (guint round = 0; round < 5; round++)
    {
      GAsyncResult **slots[4];
      gboolean waiting = FALSE;

      g_assert_cmpuint (n, <=, G_N_ELEMENTS (slots));
      for (guint i = 0; i < n; i++)
        slots[i] = cl_test_desk_sync_start (desks[i]->client);
      for (guint i = 0; i < n; i++)
        cl_test_desk_sync_wait (desks[i]->client, slots[i]);
      for (guint i = 0; i < n; i++)
        waiting = waiting || cl_store_count_outbox (desks[i]->store) > 0;
      if (!waiting)
        break;
    }
  /* One more round everywhere: what one desk pushed last, all pull. */
  for (guint i = 0; i < n; i++)
    cl_test_desk_sync (desks[i]->client);
}

static gint64
server_count (World      *world,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (world->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
add_patient (CLStore    *store,
             const char *name,
             const char *first17,
             const char *phone)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  char check = cl_id_card_check_digit (first17);

  g_assert_cmpint (check, !=, 0);
  number = g_strdup_printf ("%s%c", first17, check);
  cl_patient_set_name (patient, name);
  cl_patient_set_id_number (patient, number);
  cl_patient_set_phone (patient, phone);
  g_assert_true (cl_patient_store_save (store, patient, NULL, &field_errors, &error));
  g_assert_no_error (error);
  return g_strdup (cl_record_get_id (CL_RECORD (patient)));
}

static World *
world_new (void)
{
  static const char * const users[][2] = {
    { "admin1", "admin" },
    { "steward_a", "vip_steward" },
    { "steward_b", "vip_steward" },
    { "manager_a", "case_manager" },
    { "manager_b", "case_manager" },
  };
  World *world = g_new0 (World, 1);
  g_autoptr(CLStaff) e1 = cl_staff_new ("wangfang", "王芳", CL_ROLE_ESCORT);
  g_autoptr(CLStaff) e2 = cl_staff_new ("lina", "李娜", CL_ROLE_ESCORT);
  Desk *admin;

  world->dir = cl_test_make_tmp_dir ("test-schedule-sync");
  world->db = g_build_filename (world->dir, "server.db", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", users[i][0],
                                             "--role", users[i][1], "--db", world->db, NULL), ==, 0);
  world->server = cl_test_start_server (server_binary, world->db, &world->url);

  /* The administrator sets up the escorts, the room and two patients. */
  admin = desk_new (world, "admin1", "admin");
  world->escort1 = cl_test_save (admin->store, e1);
  world->escort2 = cl_test_save (admin->store, e2);
  world->room = cl_test_add_room (admin->store, "VIP 诊室 1", "门诊楼 3 层 301");
  world->patient1 = add_patient (admin->store, "张小梅", "11010519920301002", "13900000001");
  world->patient2 = add_patient (admin->store, "刘晓燕", "11010519920302002", "13900000002");
  settle (&admin, 1);
  g_assert_cmpint (server_count (world, "SELECT count(*) FROM vip_room"), ==, 1);
  desk_free (admin);
  return world;
}

static void
world_free (World *world)
{
  g_subprocess_send_signal (world->server, SIGTERM);
  g_subprocess_wait (world->server, NULL, NULL);
  g_clear_object (&world->server);
  cl_test_remove_tree (world->dir);
  g_free (world->dir);
  g_free (world->db);
  g_free (world->url);
  g_free (world->escort1);
  g_free (world->escort2);
  g_free (world->room);
  g_free (world->patient1);
  g_free (world->patient2);
  g_free (world);
}

static CLVipBooking *
book (World      *world,
      Desk       *desk,
      const char *patient,
      gint64      start_at,
      gint64      end_at)
{
  return cl_test_book (desk->store, desk->role, world->room, patient, start_at, end_at);
}

static CLEscortTask *
assign (World      *world,
        Desk       *desk,
        const char *escort,
        gint64      start_at,
        gint64      end_at)
{
  CLEscortTask *task = cl_escort_task_new ();
  g_autoptr(GError) error = NULL;

  cl_escort_task_set_patient_id (task, world->patient1);
  cl_escort_task_set_kind (task, CL_ESCORT_KIND_EXAMINATION);
  cl_escort_task_set_place_from (task, "产科门诊");
  cl_escort_task_set_place_to (task, "超声科");
  cl_escort_task_set_start_at (task, start_at);
  cl_escort_task_set_end_at (task, end_at);
  cl_escort_task_set_escort_id (task, escort);
  g_assert_true (cl_escort_store_save (desk->store, task, desk->role, &error));
  g_assert_no_error (error);
  return task;
}

/* The id of the one live row of @sql's query on the desk, or NULL if
 * there is not exactly one. */
static char *
only_id (CLStore    *store,
         GType       type,
         const char *condition)
{
  g_autoptr(GPtrArray) rows = cl_store_query_records (store, type, condition, NULL);

  return rows->len == 1 ? g_strdup (cl_record_get_id (g_ptr_array_index (rows, 0))) : NULL;
}

static void
test_same_slot (void)
{
  World *world = world_new ();
  Desk *a = desk_new (world, "steward_a", "vip_steward");
  Desk *b = desk_new (world, "steward_b", "vip_steward");
  Desk *desks[] = { a, b };
  g_autoptr(CLVipBooking) at_a = NULL, at_b = NULL;
  g_autofree char *on_a = NULL, *on_b = NULL, *server_id = NULL;
  g_autofree char *live = NULL;
  Desk *loser;

  /* Both book 09:00–09:30 tomorrow for different women at once: each
   * desk's own rules pass, neither knows of the other. */
  at_a = book (world, a, world->patient1, at (9, 0), at (9, 30));
  at_b = book (world, b, world->patient2, at (9, 0), at (9, 30));
  settle (desks, 2);
  live = g_strdup_printf ("deleted = 0 AND status != 'cancelled' AND start_at = %" G_GINT64_FORMAT,
                          at (9, 0));

  /* Exactly one on the server … */
  g_assert_cmpint (server_count (world, "SELECT count(*) FROM vip_booking WHERE deleted = 0"), ==, 1);
  /* … and that one on both desks. */
  on_a = only_id (a->store, CL_TYPE_VIP_BOOKING, live);
  on_b = only_id (b->store, CL_TYPE_VIP_BOOKING, live);
  g_assert_nonnull (on_a);
  g_assert_cmpstr (on_a, ==, on_b);
  g_assert_true (g_str_equal (on_a, cl_record_get_id (CL_RECORD (at_a))) ||
                 g_str_equal (on_a, cl_record_get_id (CL_RECORD (at_b))));

  /* The other desk was told, with the overlap message. */
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 1);
  loser = a->rejected.n ? a : b;
  g_assert_cmpstr (loser->rejected.reason, ==, "overlap");
  g_assert_cmpstr (loser->rejected.message, ==, "This overlaps a booking made at another desk; it was undone");
  g_assert_cmpint (cl_store_count_outbox (a->store) + cl_store_count_outbox (b->store), ==, 0);

  /* Touching the kept booking is fine from either desk. */
  g_object_unref (book (world, loser, world->patient2, at (9, 30), at (10, 0)));
  settle (desks, 2);
  g_assert_cmpint (server_count (world, "SELECT count(*) FROM vip_booking WHERE deleted = 0"), ==, 2);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 1);

  desk_free (a);
  desk_free (b);
  world_free (world);
}

static void
test_escort_double (void)
{
  World *world = world_new ();
  Desk *a = desk_new (world, "manager_a", "case_manager");
  Desk *b = desk_new (world, "manager_b", "case_manager");
  Desk *desks[] = { a, b };
  g_autoptr(CLEscortTask) at_a = NULL, at_b = NULL, blocker = NULL;
  g_autoptr(CLEscortTask) mine = NULL;
  g_autofree char *on_a = NULL, *on_b = NULL;
  g_autofree char *condition = NULL;
  g_autoptr(GError) error = NULL;
  guint rejected_before;

  /* One escort, two overlapping tasks from two desks at once. */
  at_a = assign (world, a, world->escort1, at (9, 0), at (10, 0));
  at_b = assign (world, b, world->escort1, at (9, 30), at (10, 30));
  settle (desks, 2);

  g_assert_cmpint (server_count (world, "SELECT count(*) FROM escort_task WHERE deleted = 0"), ==, 1);
  condition = g_strdup_printf ("deleted = 0 AND escort_id = '%s'", world->escort1);
  on_a = only_id (a->store, CL_TYPE_ESCORT_TASK, condition);
  on_b = only_id (b->store, CL_TYPE_ESCORT_TASK, condition);
  g_assert_nonnull (on_a);
  g_assert_cmpstr (on_a, ==, on_b);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 1);
  g_assert_cmpstr ((a->rejected.n ? a : b)->rejected.reason, ==, "overlap");
  g_assert_cmpstr ((a->rejected.n ? a : b)->rejected.message, ==,
                   "The escort was given a task at this time at another desk; this change was undone");

  /* A move refused by the server is undone to the server's version:
   * desk A, offline, gives its task to escort 2 at 13:30 while desk B
   * has given her 13:00–14:00. */
  mine = (CLEscortTask *) cl_store_load_record (a->store, CL_TYPE_ESCORT_TASK, on_a, NULL);
  g_assert_nonnull (mine);
  rejected_before = a->rejected.n;
  cl_sync_client_logout (a->client);
  g_clear_object (&a->client);
  blocker = assign (world, b, world->escort2, at (13, 0), at (14, 0));
  cl_test_desk_sync (b->client);
  g_assert_true (cl_escort_store_move (a->store, mine, at (13, 30), at (14, 30), world->escort2,
                                       "case_manager", &error));
  g_assert_no_error (error);
  desk_connect (a, world, "manager_a");
  settle (desks, 2);

  g_assert_cmpuint (a->rejected.n, ==, rejected_before + 1);
  g_assert_cmpstr (a->rejected.reason, ==, "overlap");
  g_clear_object (&mine);
  mine = (CLEscortTask *) cl_store_load_record (a->store, CL_TYPE_ESCORT_TASK, on_a, NULL);
  g_assert_cmpstr (cl_escort_task_get_escort_id (mine), ==, world->escort1);
  g_assert_false (cl_record_get_deleted (CL_RECORD (mine)));
  g_assert_cmpint (cl_escort_task_get_start_at (mine), ==,
                   cl_escort_task_get_start_at (g_str_equal (on_a, cl_record_get_id (CL_RECORD (at_a))) ? at_a : at_b));
  g_assert_cmpint (server_count (world, "SELECT count(*) FROM escort_task WHERE deleted = 0"), ==, 2);

  desk_free (a);
  desk_free (b);
  world_free (world);
}

/* Undo of a cancellation (the toast's Undo) is a change like any other:
 * the server takes it while the slot is free, and refuses it, undone at
 * the desk, once another desk has booked the slot meanwhile. */
static void
test_restore (void)
{
  World *world = world_new ();
  Desk *a = desk_new (world, "steward_a", "vip_steward");
  Desk *b = desk_new (world, "steward_b", "vip_steward");
  Desk *desks[] = { a, b };
  g_autoptr(CLVipBooking) booking = book (world, a, world->patient1, at (10, 0), at (10, 30));
  g_autoptr(CLVipBooking) taken = NULL;
  g_autoptr(CLVipBooking) on_a = NULL;
  g_autoptr(CLVipBooking) on_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *booked = g_strdup_printf ("SELECT count(*) FROM vip_booking WHERE deleted = 0"
                                             " AND status = 'booked' AND id = '%s'",
                                             cl_record_get_id (CL_RECORD (booking)));

  settle (desks, 2);
  g_assert_true (cl_vip_store_cancel_booking (a->store, booking, a->role, &error));
  settle (desks, 2);
  g_assert_cmpint (server_count (world, booked), ==, 0);

  /* Undone: booked again on the server and at the other desk. */
  g_assert_true (cl_vip_store_restore_booking (a->store, booking, a->role, &error));
  g_assert_no_error (error);
  settle (desks, 2);
  g_assert_cmpint (server_count (world, booked), ==, 1);
  on_b = CL_VIP_BOOKING (cl_store_load_record (b->store, CL_TYPE_VIP_BOOKING,
                                               cl_record_get_id (CL_RECORD (booking)), NULL));
  g_assert_cmpstr (cl_vip_booking_get_status (on_b), ==, CL_VIP_STATUS_BOOKED);
  g_assert_cmpuint (a->rejected.n + b->rejected.n, ==, 0);

  /* Cancelled again; desk B books the freed slot while desk A is
   * offline, and A presses Undo before it has heard of that. */
  g_assert_true (cl_vip_store_cancel_booking (a->store, booking, a->role, &error));
  settle (desks, 2);
  cl_sync_client_logout (a->client);
  g_clear_object (&a->client);
  taken = book (world, b, world->patient2, at (10, 0), at (10, 30));
  cl_test_desk_sync (b->client);
  g_assert_true (cl_vip_store_restore_booking (a->store, booking, a->role, &error));
  g_assert_no_error (error);
  desk_connect (a, world, "steward_a");
  settle (desks, 2);

  g_assert_cmpint (server_count (world, booked), ==, 0);
  g_assert_cmpint (server_count (world, "SELECT count(*) FROM vip_booking WHERE deleted = 0"
                                        " AND status = 'booked'"), ==, 1);
  g_assert_cmpuint (a->rejected.n, ==, 1);
  g_assert_cmpstr (a->rejected.reason, ==, "overlap");
  on_a = CL_VIP_BOOKING (cl_store_load_record (a->store, CL_TYPE_VIP_BOOKING,
                                               cl_record_get_id (CL_RECORD (booking)), NULL));
  g_assert_cmpstr (cl_vip_booking_get_status (on_a), ==, CL_VIP_STATUS_CANCELLED);

  /* Online, desk A now knows: the Undo is refused at the desk, saying
   * why, and nothing is pushed. */
  g_assert_false (cl_vip_store_restore_booking (a->store, on_a, a->role, &error));
  g_assert_error (error, CL_SCHEDULE_ERROR, CL_SCHEDULE_ERROR_OVERLAP);
  g_assert_cmpint (cl_store_count_outbox (a->store), ==, 0);

  desk_free (a);
  desk_free (b);
  world_free (world);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T08:00:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  server_binary = g_getenv ("CARELINE_SERVER");
  if (server_binary == NULL || !g_file_test (server_binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("CARELINE_SERVER is not set to the server: skipping");
      return 77;
    }

  g_test_add_func ("/schedule-sync/same-slot", test_same_slot);
  g_test_add_func ("/schedule-sync/escort-double", test_escort_double);
  g_test_add_func ("/schedule-sync/restore", test_restore);

  return g_test_run ();
}
