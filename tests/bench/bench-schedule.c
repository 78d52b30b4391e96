/* Schedule benchmark (issue #5):
 *  (a) a VIP booking made at desk A until it shows at desk B, which only
 *      listens to /api/v1/events, against the real careline-server:
 *      N_LATENCY samples, p50 and p95; the yardstick, in the same run,
 *      is the same trip for a patient record (the path every table
 *      takes), so the ratio is what the schedule's rules and queries
 *      add to it;
 *  (b) the queries the views make, on a store with 5 000 bookings in
 *      10 rooms and a day of 40 escorts × 20 tasks: medians of
 *      N_RUNS, against a yardstick of reading every booking row with
 *      plain SQLite in the same process.
 *
 * Usage: bench-schedule CARELINE_SERVER */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sqlite3.h>

#include "cl-date.h"
#include "cl-escort-store.h"
#include "cl-id-card.h"
#include "cl-patient-store.h"
#include "cl-store-private.h"
#include "cl-test-desk.h"
#include "cl-test-util.h"
#include "cl-vip-store.h"

#define PASSWORD "bench-password"
#define N_LATENCY 40
#define N_RUNS 15
#define N_ROOMS 10
#define N_BOOKINGS 5000
#define N_ESCORTS 40
#define N_TASKS_EACH 20

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

/* ---- (a) ------------------------------------------------------------ */

static void
changed_cb (CLStore    *store,
            const char *table,
            gboolean   *flag)
{
  *flag = TRUE;
}

/* Waits until @id of @type is in @store; milliseconds since @start. */
static double
wait_visible (CLStore    *store,
              GType       type,
              const char *id,
              gboolean   *changed,
              gint64      start)
{
  for (;;)
    {
      g_autoptr(CLRecord) seen = cl_store_load_record (store, type, id, NULL);

      if (seen)
        return (now_us () - start) / 1000.0;
      *changed = FALSE;
      cl_test_wait_flag (changed);
    }
}

static char *
patient_for (CLStore *store,
             guint    n)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autofree char *first17 = g_strdup_printf ("11010519900%03u%02u2", 101 + n % 28, (n / 28) % 100);
  g_autofree char *number = NULL;
  g_autofree char *phone = g_strdup_printf ("137%08u", 20000000 + n);
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  number = g_strdup_printf ("%s%c", first17, cl_id_card_check_digit (first17));
  cl_patient_set_name (patient, "时延测试");
  cl_patient_set_id_number (patient, number);
  cl_patient_set_phone (patient, phone);
  g_assert_true (cl_patient_store_save (store, patient, NULL, &field_errors, &error));
  return g_strdup (cl_record_get_id (CL_RECORD (patient)));
}

static void
bench_latency (const char *server_binary,
               const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLStore) a = cl_test_desk_open_store (dir, "desk-a");
  g_autoptr(CLStore) b = cl_test_desk_open_store (dir, "desk-b");
  g_autoptr(CLSyncClient) client_a = NULL, client_b = NULL;
  g_autoptr(CLVipRoom) room = cl_vip_room_new ();
  g_autoptr(GArray) bookings = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) patients = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *patient_id = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;
  double b50, b95, p50, p95;
  GDate day;

  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "bench",
                                           "--role", "admin", "--db", db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, db, &url);
  client_a = cl_test_desk_login (a, url, "bench", PASSWORD);
  client_b = cl_test_desk_login (b, url, "bench", PASSWORD);

  cl_vip_room_set_name (room, "VIP 诊室 1");
  cl_vip_room_set_opens (room, 0);
  cl_vip_room_set_closes (room, 24 * 60);
  cl_vip_room_set_slot_minutes (room, 15);
  g_assert_true (cl_vip_store_save_room (a, room, "admin", &error));
  patient_id = patient_for (a, 0);
  cl_test_desk_sync (client_a);
  cl_test_desk_sync (client_b);
  /* Both event sockets open, nothing left to do. */
  cl_test_spin (1000);

  g_signal_connect (b, "changed", G_CALLBACK (changed_cb), &changed);
  cl_date_today (&day);
  g_date_add_days (&day, 1);
  for (guint i = 0; i < N_LATENCY; i++)
    {
      g_autoptr(CLVipBooking) booking = cl_vip_booking_new ();
      g_autofree char *yardstick_id = NULL;
      gint64 start;
      double ms;

      /* People do not save in lockstep with the feed. */
      cl_test_spin (g_random_int_range (50, 300));
      cl_vip_booking_set_room_id (booking, cl_record_get_id (CL_RECORD (room)));
      cl_vip_booking_set_patient_id (booking, patient_id);
      cl_vip_booking_set_purpose (booking, CL_VIP_PURPOSE_CONSULTATION);
      cl_vip_booking_set_start_at (booking, cl_schedule_at (&day, i * 15));
      cl_vip_booking_set_end_at (booking, cl_schedule_at (&day, (i + 1) * 15));
      start = now_us ();
      g_assert_true (cl_vip_store_save_booking (a, booking, "admin", &error));
      ms = wait_visible (b, CL_TYPE_VIP_BOOKING, cl_record_get_id (CL_RECORD (booking)), &changed, start);
      g_array_append_val (bookings, ms);

      /* The yardstick: a patient record over the same path. */
      cl_test_spin (g_random_int_range (50, 300));
      start = now_us ();
      yardstick_id = patient_for (a, i + 1);
      ms = wait_visible (b, CL_TYPE_PATIENT, yardstick_id, &changed, start);
      g_array_append_val (patients, ms);
    }
  g_signal_handlers_disconnect_by_data (b, &changed);

  b50 = cl_test_percentile (bookings, 0.5);
  b95 = cl_test_percentile (bookings, 0.95);
  p50 = cl_test_percentile (patients, 0.5);
  p95 = cl_test_percentile (patients, 0.95);
  g_print ("(a) booking at desk A → visible at desk B (events), %u samples:"
           " p50 %.0f ms, p95 %.0f ms, max %.0f ms (target: within a second)\n"
           "    yardstick, a patient record the same way: p50 %.0f ms, p95 %.0f ms;"
           " ratio p50 %.2f, p95 %.2f\n",
           N_LATENCY, b50, b95, cl_test_percentile (bookings, 1.0), p50, p95, b50 / p50, b95 / p95);

  g_clear_object (&client_a);
  g_clear_object (&client_b);
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
}

/* ---- (b) ------------------------------------------------------------ */

typedef struct
{
  CLStore   *store;
  GPtrArray *rooms;     /* ids */
  GPtrArray *escorts;   /* ids */
  GDate      monday;    /* the week measured */
} Calendar;

static void
write_no_outbox (CLStore  *store,
                 gpointer  record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_write_record (store, CL_RECORD (record), CL_WRITE_NO_OUTBOX, &error));
}

/* 5 000 bookings: 10 rooms, 50 days around the week measured, 10 a day
 * per room (half-hour slots from 08:00 with gaps); and one day of 40
 * escorts with 20 half-hour tasks each. */
static void
fill (Calendar *cal)
{
  g_autoptr(GPtrArray) patients = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (cl_store_begin (cal->store, &error));
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(CLPatient) p = cl_patient_new ();
      g_autofree char *name = g_strdup_printf ("测试%u", i);

      cl_patient_set_name (p, name);
      write_no_outbox (cal->store, p);
      g_ptr_array_add (patients, g_strdup (cl_record_get_id (CL_RECORD (p))));
    }
  for (guint r = 0; r < N_ROOMS; r++)
    {
      g_autoptr(CLVipRoom) room = cl_vip_room_new ();
      g_autofree char *name = g_strdup_printf ("VIP 诊室 %u", r + 1);

      cl_vip_room_set_name (room, name);
      write_no_outbox (cal->store, room);
      g_ptr_array_add (cal->rooms, g_strdup (cl_record_get_id (CL_RECORD (room))));
    }
  for (guint d = 0; n < N_BOOKINGS; d++)
    for (guint r = 0; r < N_ROOMS && n < N_BOOKINGS; r++)
      for (guint k = 0; k < 10 && n < N_BOOKINGS; k++, n++)
        {
          g_autoptr(CLVipBooking) b = cl_vip_booking_new ();
          GDate day = cal->monday;

          g_date_subtract_days (&day, 21);
          g_date_add_days (&day, d);
          cl_vip_booking_set_room_id (b, g_ptr_array_index (cal->rooms, r));
          cl_vip_booking_set_patient_id (b, g_ptr_array_index (patients, n % patients->len));
          cl_vip_booking_set_purpose (b, CL_VIP_PURPOSE_CONSULTATION);
          cl_vip_booking_set_start_at (b, cl_schedule_at (&day, 8 * 60 + k * 55));
          cl_vip_booking_set_end_at (b, cl_schedule_at (&day, 8 * 60 + k * 55 + 30));
          write_no_outbox (cal->store, b);
        }
  for (guint e = 0; e < N_ESCORTS; e++)
    {
      g_autofree char *username = g_strdup_printf ("escort%u", e);
      g_autoptr(CLStaff) staff = cl_staff_new (username, username, CL_ROLE_ESCORT);

      write_no_outbox (cal->store, staff);
      g_ptr_array_add (cal->escorts, g_strdup (cl_record_get_id (CL_RECORD (staff))));
      for (guint t = 0; t < N_TASKS_EACH; t++)
        {
          g_autoptr(CLEscortTask) task = cl_escort_task_new ();

          cl_escort_task_set_patient_id (task, g_ptr_array_index (patients, (e * N_TASKS_EACH + t) % patients->len));
          cl_escort_task_set_kind (task, CL_ESCORT_KIND_EXAMINATION);
          cl_escort_task_set_escort_id (task, g_ptr_array_index (cal->escorts, e));
          cl_escort_task_set_start_at (task, cl_schedule_at (&cal->monday, CL_ESCORT_DAY_OPENS + t * 30));
          cl_escort_task_set_end_at (task, cl_schedule_at (&cal->monday, CL_ESCORT_DAY_OPENS + t * 30 + 30));
          cl_escort_task_set_status (task, CL_ESCORT_STATUS_PLANNED);
          write_no_outbox (cal->store, task);
        }
    }
  g_assert_true (cl_store_commit (cal->store, &error));
}

typedef void (*Query) (Calendar *cal);

static double
median_ms (Calendar *cal,
           Query     query)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  query (cal);   /* warm: statements prepared, pages cached */
  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = now_us ();
      double ms;

      query (cal);
      ms = (now_us () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }
  return cl_test_percentile (samples, 0.5);
}

static void
yardstick (Calendar *cal)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  cl_store_lock (cal->store);
  g_assert_cmpint (sqlite3_prepare_v2 (cl_store_get_db (cal->store), "SELECT * FROM vip_booking",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n += sqlite3_column_bytes (stmt, 0);
  sqlite3_finalize (stmt);
  cl_store_unlock (cal->store);
  g_assert_cmpint (n, >, 0);
}

static void
room_week (Calendar *cal)
{
  g_autoptr(GListStore) list = cl_vip_store_bookings_of_room (cal->store, g_ptr_array_index (cal->rooms, 0),
                                                              &cal->monday, 7);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 70);
}

static void
rooms_day (Calendar *cal)
{
  g_autoptr(GListStore) list = cl_vip_store_bookings_of_day (cal->store, &cal->monday);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
}

static void
escorts_day (Calendar *cal)
{
  g_autoptr(GListStore) list = cl_escort_store_tasks_of_day (cal->store, &cal->monday);
  g_autoptr(GHashTable) names = cl_schedule_patient_names (cal->store, G_LIST_MODEL (list));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ESCORTS * N_TASKS_EACH);
  g_assert_cmpuint (g_hash_table_size (names), >, 0);
}

static void
escorts_day_only (Calendar *cal)
{
  g_autoptr(GListStore) list = cl_escort_store_tasks_of_day (cal->store, &cal->monday);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ESCORTS * N_TASKS_EACH);
}

static void
escorts_week (Calendar *cal)
{
  g_autoptr(GHashTable) counts = cl_escort_store_count_by_day (cal->store, &cal->monday, 7);

  g_assert_cmpuint (g_hash_table_size (counts), ==, N_ESCORTS);
}

/* A booking checked against a full calendar (refused: the slot is
 * taken), as at every save and drop. */
static void
check_booking (Calendar *cal)
{
  g_autoptr(CLVipBooking) b = cl_vip_booking_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CLVipBooking) conflict = NULL;

  cl_vip_booking_set_room_id (b, g_ptr_array_index (cal->rooms, 3));
  cl_vip_booking_set_start_at (b, cl_schedule_at (&cal->monday, 8 * 60));
  cl_vip_booking_set_end_at (b, cl_schedule_at (&cal->monday, 8 * 60 + 30));
  g_assert_false (cl_vip_store_is_free (cal->store, g_ptr_array_index (cal->rooms, 3),
                                        cl_vip_booking_get_start_at (b), cl_vip_booking_get_end_at (b),
                                        NULL, &conflict));
}

static void
bench_queries (const char *dir)
{
  Calendar cal = { 0 };
  static const struct { const char *what; Query query; } queries[] = {
    { "week of one room (70 bookings)", room_week },
    { "day across 10 rooms (100 bookings)", rooms_day },
    { "day of 40 escorts × 20 tasks, with patient names", escorts_day },
    { "day of 40 escorts × 20 tasks, the tasks alone", escorts_day_only },
    { "week counts per escort per day", escorts_week },
    { "overlap check of one booking", check_booking },
  };
  double base;

  cal.store = cl_test_desk_open_store (dir, "calendar");
  cal.rooms = g_ptr_array_new_with_free_func (g_free);
  cal.escorts = g_ptr_array_new_with_free_func (g_free);
  cl_date_today (&cal.monday);
  fill (&cal);

  base = median_ms (&cal, yardstick);
  g_print ("(b) queries on %u bookings and %u tasks, median of %u runs;"
           " yardstick: reading all %u booking rows with plain SQLite, %.2f ms\n",
           N_BOOKINGS, N_ESCORTS * N_TASKS_EACH, N_RUNS, N_BOOKINGS, base);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      double ms = median_ms (&cal, queries[i].query);

      g_print ("    %-52s %7.2f ms  (ratio %.2f)\n", queries[i].what, ms, ms / base);
    }

  g_ptr_array_unref (cal.rooms);
  g_ptr_array_unref (cal.escorts);
  g_object_unref (cal.store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: bench-schedule CARELINE_SERVER\n");
      return 2;
    }
  dir = cl_test_make_tmp_dir ("bench-schedule");
  bench_queries (dir);
  bench_latency (argv[1], dir);
  cl_test_remove_tree (dir);
  return 0;
}
