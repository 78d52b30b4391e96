/* Two desks and the real server under Xvfb: desk A is the app, desk B
 * another desk's store and sync client, booking the same VIP room
 * against each other. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>

#include "cl-patient.h"
#include "cl-store-private.h"
#include "cl-sync-client.h"
#include "cl-test-desk.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-time-grid.h"
#include "cl-vip-store.h"
#include "cl-vip-view.h"
#include "cl-window.h"

#define PASSWORD "correct horse battery staple"

/* The same seed and day give both desks the very same demo rooms and
 * patients, ids included: as if both had pulled them. */
static CLStore *
demo_store (const char *dir)
{
  return cl_test_store_new_demo (dir, "careline.db", 200, 11);
}

/* The server holds what both desks pulled: @records, pushed by an
 * administrator (the server checks a booking's room and patient). */
static void
put_on_server (const char *base,
               GPtrArray  *records)
{
  g_autofree char *session_url = g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/", "api/v1/session", NULL);
  g_autofree char *changes_url = g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/", "api/v1/changes", NULL);
  g_autofree char *login = g_strdup_printf ("{\"username\":\"admin\",\"password\":\"%s\"}", PASSWORD);
  g_autoptr(GBytes) login_body = g_bytes_new (login, strlen (login));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autofree char *token = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) body = NULL;
  JsonArray *results;
  guint status;

  reply = cl_test_http ("POST", session_url, NULL, "application/json", login_body, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  answer = json_from_string (g_bytes_get_data (reply, NULL), NULL);
  token = g_strdup (json_object_get_string_member (json_node_get_object (answer), "token"));
  g_clear_pointer (&answer, json_node_unref);
  g_clear_pointer (&reply, g_bytes_unref);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      CLRecord *record = g_ptr_array_index (records, i);
      g_autofree char *key = g_uuid_string_random ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, key);
      json_builder_set_member_name (builder, "table");
      json_builder_add_string_value (builder, cl_record_get_table_name (record));
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, cl_record_get_id (record));
      json_builder_set_member_name (builder, "base_rev");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, "upsert");
      json_builder_set_member_name (builder, "data");
      json_builder_add_value (builder, cl_record_to_json (record));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  text = json_to_string (request, FALSE);
  body = g_bytes_new (text, strlen (text));
  reply = cl_test_http ("POST", changes_url, token, "application/json", body, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  answer = json_from_string (g_bytes_get_data (reply, NULL), NULL);
  results = json_object_get_array_member (json_node_get_object (answer), "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      if (g_strcmp0 (json_object_get_string_member (result, "status"), "applied") != 0)
        g_error ("the server refused a record of the desks: %s",
                 json_object_get_string_member_with_default (result, "message", ""));
    }
}

static char *
book (CLStore    *store,
      const char *room_id,
      const char *patient_id,
      gint64      start,
      gint64      end)
{
  g_autoptr(CLVipBooking) booking = cl_test_book (store, "vip_steward", room_id, patient_id, start, end);

  return g_strdup (cl_record_get_id (CL_RECORD (booking)));
}

typedef struct
{
  CLTimeGrid *grid;
  const char *id;
} BlockShown;

static gboolean
block_shown (gpointer data)
{
  BlockShown *shown = data;
  GdkRectangle area;

  return cl_time_grid_get_block_area (shown->grid, shown->id, &area);
}

static gboolean
rejected (gpointer data)
{
  return ((CLTestRejections *) data)->n > 0;
}

/* Desk A is the app; desk B another desk's store and sync client.  A
 * books a slot while offline, B books the same slot and pushes first:
 * A's change comes back refused and A's steward is told, and B's
 * booking shows at A.  Then B books again while A is online, and it
 * shows at A without anyone touching A. */
static void
test_two_desks (void)
{
  const char *server_binary = g_getenv ("CARELINE_SERVER");
  g_autofree char *server_dir = cl_test_make_tmp_dir ("ui-schedule-server");
  g_autofree char *dir_a = cl_test_make_tmp_dir ("ui-schedule-desk-a");
  g_autofree char *dir_b = cl_test_make_tmp_dir ("ui-schedule-desk-b");
  g_autofree char *server_db = g_build_filename (server_dir, "server.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(CLStore) store_b = NULL;
  g_autoptr(CLSyncClient) client_b = NULL;
  g_autoptr(GListStore) rooms = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *later = NULL;
  CLTestRejections rejection = { 0 };
  CLWindow *window;
  CLVipView *view;
  BlockShown shown;
  const char *room;
  gint64 slot = 0, t0;
  GDate today;

  if (server_binary == NULL)
    {
      g_test_skip ("CARELINE_SERVER is not set");
      return;
    }
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "steward_a",
                                           "--role", "vip_steward", "--db", server_db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "steward_b",
                                           "--role", "vip_steward", "--db", server_db, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, PASSWORD "\n", "user", "add", "admin",
                                           "--role", "admin", "--db", server_db, NULL), ==, 0);
  server = cl_test_start_server (server_binary, server_db, &url);

  g_clear_object (&store_b);
  {
    g_autoptr(CLStore) store_a = demo_store (dir_a);
  }
  store_b = demo_store (dir_b);
  rooms = cl_vip_store_list_rooms (store_b, FALSE);
  patients = cl_store_query_records (store_b, CL_TYPE_PATIENT, "deleted = 0 ORDER BY id LIMIT 2", NULL);

  /* Two free hours in a room, at both desks: ten days ahead, past the
   * demo's busy days. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 3, 12, 2026);
  room = NULL;
  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (rooms)) && slot == 0; r++)
    {
      g_autoptr(CLVipRoom) candidate = g_list_model_get_item (G_LIST_MODEL (rooms), r);

      for (int minute = cl_vip_room_get_opens (candidate); minute + 120 <= cl_vip_room_get_closes (candidate) && slot == 0;
           minute += cl_vip_room_get_slot_minutes (candidate))
        if (minute >= 10 * 60 &&
            cl_vip_store_is_free (store_b, cl_record_get_id (CL_RECORD (candidate)), cl_schedule_at (&today, minute),
                                  cl_schedule_at (&today, minute + 120), NULL, NULL))
          {
            slot = cl_schedule_at (&today, minute);
            room = cl_record_get_id (CL_RECORD (candidate));  /* the list keeps it */
          }
    }
  g_assert_cmpint (slot, >, 0);
  {
    g_autoptr(GPtrArray) pulled = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (pulled, cl_store_load_record (store_b, CL_TYPE_VIP_ROOM, room, NULL));
    for (guint i = 0; i < patients->len; i++)
      g_ptr_array_add (pulled, g_object_ref (g_ptr_array_index (patients, i)));
    put_on_server (url, pulled);
  }

  window = CL_WINDOW (cl_test_ui_open_window (dir_a));
  view = CL_VIP_VIEW (cl_window_get_vip_view (window));
  cl_window_show_view (window, "vip-rooms");
  cl_test_desk_watch_rejections (cl_window_get_sync_client (window), &rejection);
  cl_vip_view_set_date (view, &today);

  /* A, offline, books the hour. */
  mine = book (cl_window_get_store (window), room, cl_record_get_id (g_ptr_array_index (patients, 0)),
               slot, slot + 3600);
  /* B books it too, online, and its push is first. */
  client_b = cl_sync_client_new (store_b);
  cl_test_desk_login_client (client_b, url, "steward_b", PASSWORD);
  theirs = book (store_b, room, cl_record_get_id (g_ptr_array_index (patients, 1)), slot, slot + 3600);
  cl_test_desk_sync (client_b);

  /* A comes online: its booking is refused by the server, said to its
   * steward, undone, and B's shows in its place. */
  cl_test_desk_login_client (cl_window_get_sync_client (window), url, "steward_a", PASSWORD);
  cl_test_ui_wait_until (rejected, &rejection);
  g_test_message ("rejected at desk A: %s", rejection.message);
  g_assert_cmpstr (rejection.record_id, ==, mine);
  if (cl_test_ui_is_chinese ())
    g_assert_true (cl_test_ui_has_non_ascii (rejection.message));
  shown.grid = cl_vip_view_get_grid (view);
  shown.id = theirs;
  cl_time_grid_scroll_to_minute (shown.grid, cl_schedule_minutes_of_day (slot) - 60);
  cl_test_ui_wait_until (block_shown, &shown);
  {
    GdkRectangle area;
    g_assert_false (cl_time_grid_get_block_area (shown.grid, mine, &area));
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "vip-rejected");

  /* B books another hour while A is online: it appears at A. */
  later = book (store_b, room, cl_record_get_id (g_ptr_array_index (patients, 1)), slot + 3600, slot + 7200);
  t0 = g_get_monotonic_time ();
  cl_test_desk_sync (client_b);
  shown.id = later;
  cl_test_ui_wait_until (block_shown, &shown);
  g_test_message ("a booking at desk B showed at desk A %.0f ms after B's push was answered",
                  (g_get_monotonic_time () - t0) / 1000.0);

  cl_sync_client_set_server_url (cl_window_get_sync_client (window), "");
  cl_sync_client_set_server_url (client_b, "");
  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_rejections_clear (&rejection);
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  cl_test_remove_tree (server_dir);
  cl_test_remove_tree (dir_a);
  cl_test_remove_tree (dir_b);
}

int
main (int   argc,
      char *argv[])
{
  /* The hospital's time zone and a fixed "now", whatever the machine's. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  cl_test_ui_init (&argc, &argv);

  g_test_add_func ("/schedule/two-desks", test_two_desks);

  return g_test_run ();
}
