/* Pushing to and pulling from careline-server over HTTP as a desk
 * would: duplicates, stale edits, deletions, unique numbers, paging the
 * feed, the WebSocket nudges, and closed settlement months. */

#define G_LOG_DOMAIN "test-server-push"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cl-test-server.h"
#include "cl-test-util.h"

static const char patient_data[] = "{\"name\":\"张小梅\",\"phone\":\"13800138000\"}";

static void
test_push_duplicate_stale (void)
{
  const char *db_path = cl_test_shared_db ();
  const char *cm = cl_test_token_of ("case_manager");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *key1 = cl_test_new_key ();
  g_autofree char *key2 = cl_test_new_key ();
  g_autofree char *key3 = cl_test_new_key ();
  g_autofree char *change1 = cl_test_change_json (key1, "patient", id, 0, "upsert", patient_data);
  g_autofree char *change2 = NULL;
  g_autofree char *change3 = NULL;
  g_autoptr(JsonNode) h1 = NULL, h2 = NULL, h3 = NULL, h4 = NULL, h5 = NULL;
  JsonObject *result, *current;
  gint64 rev1, rev2;

  /* A new patient: applied, with a rev, and the server's version. */
  result = cl_test_push_one (cm, change1, &h1);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  rev1 = json_object_get_int_member (result, "rev");
  g_assert_cmpint (rev1, >, 0);
  current = json_object_get_object_member (result, "current");
  g_assert_cmpint (json_object_get_int_member (current, "rev"), ==, rev1);
  g_assert_cmpstr (json_object_get_string_member (current, "updated_by"), ==, "u-case_manager");

  /* The same key again (the answer was lost): the same rev, no new
   * change. */
  result = cl_test_push_one (cm, change1, &h2);
  g_assert_cmpstr (cl_test_status_of (result), ==, "duplicate");
  g_assert_cmpint (json_object_get_int_member (result, "rev"), ==, rev1);

  /* Desk A edits on top of rev1; desk B, still on rev1, loses. */
  change2 = cl_test_change_json (key2, "patient", id, rev1, "upsert",
                                 "{\"name\":\"张小梅\",\"phone\":\"13800138000\",\"note\":\"desk A\"}");
  result = cl_test_push_one (cm, change2, &h3);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  rev2 = json_object_get_int_member (result, "rev");
  g_assert_cmpint (rev2, >, rev1);

  change3 = cl_test_change_json (key3, "patient", id, rev1, "upsert",
                                 "{\"name\":\"张小梅\",\"phone\":\"13800138000\",\"note\":\"desk B\"}");
  result = cl_test_push_one (cl_test_token_of ("service_desk"), change3, &h4);
  g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
  g_assert_cmpstr (cl_test_reason_of (result), ==, "stale");
  current = json_object_get_object_member (result, "current");
  g_assert_nonnull (current);
  g_assert_cmpint (json_object_get_int_member (current, "rev"), ==, rev2);
  g_assert_cmpstr (json_object_get_string_member (current, "note"), ==, "desk A");

  /* A retry of the rejected change gets the same answer. */
  result = cl_test_push_one (cl_test_token_of ("service_desk"), change3, &h5);
  g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
  g_assert_cmpstr (cl_test_reason_of (result), ==, "stale");

  /* Exactly two changes of this patient in the feed. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE record_id = '%s'", id);
    g_assert_cmpint (cl_test_db_count (db_path, sql), ==, 2);
  }
}

/* Two desks registering one woman: the ID number and the record
 * number are unique among live patients, checked by the server inside
 * its write transaction (also between changes of one batch). */
static void
test_push_unique (void)
{
  const char *db_path = cl_test_shared_db ();
  const char *cm = cl_test_token_of ("case_manager");
  const char *desk = cl_test_token_of ("service_desk");
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autofree char *c = g_uuid_string_random ();
  g_autofree char *d = g_uuid_string_random ();
  g_autofree char *ka = cl_test_new_key (), *kb = cl_test_new_key ();
  g_autofree char *kc = cl_test_new_key (), *kd = cl_test_new_key ();
  g_autofree char *ke = cl_test_new_key (), *kf = cl_test_new_key (), *kg = cl_test_new_key ();
  g_autofree char *ca = NULL, *cb = NULL, *cc = NULL, *cd = NULL, *ce = NULL, *cf = NULL, *cg = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) h1 = NULL, h2 = NULL, h3 = NULL, h4 = NULL, h5 = NULL;
  JsonArray *results;
  JsonObject *result;
  guint status;
  gint64 rev;

  ca = cl_test_change_json (ka, "patient", a, 0, "upsert",
                            "{\"name\":\"李春花\",\"phone\":\"13800138001\","
                            "\"id_number\":\"440306198511200024\",\"mrn\":\"MRN-UNIQ-1\"}");
  result = cl_test_push_one (cm, ca, &h1);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  rev = json_object_get_int_member (result, "rev");

  /* Another desk, another record, the same ID number. */
  cb = cl_test_change_json (kb, "patient", b, 0, "upsert",
                            "{\"name\":\"李春华\",\"phone\":\"13800138002\","
                            "\"id_number\":\"440306198511200024\"}");
  result = cl_test_push_one (desk, cb, &h2);
  g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
  g_assert_cmpstr (cl_test_reason_of (result), ==, "invalid");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "message"), "id_number: "));
  g_assert_nonnull (strstr (json_object_get_string_member (result, "message"), "ID number"));

  /* The same record number. */
  cc = cl_test_change_json (kc, "patient", c, 0, "upsert",
                            "{\"name\":\"王芳\",\"phone\":\"13800138003\",\"mrn\":\"MRN-UNIQ-1\"}");
  result = cl_test_push_one (desk, cc, &h3);
  g_assert_cmpstr (cl_test_reason_of (result), ==, "invalid");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "message"), "mrn: "));

  /* Her own record keeps its numbers when edited. */
  cd = cl_test_change_json (kd, "patient", a, rev, "upsert",
                            "{\"name\":\"李春花\",\"phone\":\"13800138001\",\"note\":\"edited\","
                            "\"id_number\":\"440306198511200024\",\"mrn\":\"MRN-UNIQ-1\"}");
  result = cl_test_push_one (cm, cd, &h4);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  rev = json_object_get_int_member (result, "rev");

  /* One batch: her deletion frees the numbers for the new record that
   * follows it; a third record with them is refused again. */
  ce = cl_test_change_json (ke, "patient", a, rev, "delete", "null");
  cf = cl_test_change_json (kf, "patient", b, 0, "upsert",
                            "{\"name\":\"李春华\",\"phone\":\"13800138002\","
                            "\"id_number\":\"440306198511200024\",\"mrn\":\"MRN-UNIQ-1\"}");
  cg = cl_test_change_json (kg, "patient", d, 0, "upsert",
                            "{\"name\":\"赵敏\",\"phone\":\"13800138004\",\"mrn\":\"MRN-UNIQ-1\"}");
  body = g_strdup_printf ("{\"changes\":[%s,%s,%s]}", ce, cf, cg);
  h5 = cl_test_request ("POST", "/changes", cm, body, &status);
  g_assert_cmpuint (status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (h5), "results");
  g_assert_cmpstr (cl_test_status_of (json_array_get_object_element (results, 0)), ==, "applied");
  g_assert_cmpstr (cl_test_status_of (json_array_get_object_element (results, 1)), ==, "applied");
  g_assert_cmpstr (cl_test_reason_of (json_array_get_object_element (results, 2)), ==, "invalid");

  g_assert_cmpint (cl_test_db_count (db_path, "SELECT count(*) FROM patient WHERE deleted = 0"
                                     " AND id_number = '440306198511200024'"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db_path, "SELECT count(*) FROM patient WHERE deleted = 0"
                                     " AND mrn = 'MRN-UNIQ-1'"), ==, 1);
  /* The refused ones left nothing in the feed. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE record_id IN ('%s', '%s')",
                                            c, d);
    g_assert_cmpint (cl_test_db_count (db_path, sql), ==, 0);
  }
}

static void
test_delete_and_new_with_base (void)
{
  const char *db_path = cl_test_shared_db ();
  const char *cm = cl_test_token_of ("case_manager");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *k1 = cl_test_new_key (), *k2 = cl_test_new_key ();
  g_autofree char *k3 = cl_test_new_key (), *k4 = cl_test_new_key ();
  g_autofree char *c1 = cl_test_change_json (k1, "patient", id, 0, "upsert", patient_data);
  g_autofree char *c2 = NULL, *c3 = NULL, *c4 = NULL;
  g_autoptr(JsonNode) h1 = NULL, h2 = NULL, h3 = NULL, h4 = NULL;
  JsonObject *result;
  gint64 rev;

  result = cl_test_push_one (cm, c1, &h1);
  rev = json_object_get_int_member (result, "rev");

  c2 = cl_test_change_json (k2, "patient", id, rev, "delete", "null");
  result = cl_test_push_one (cm, c2, &h2);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (result, "current"), "deleted"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT deleted FROM patient WHERE id = '%s'", id);
    g_assert_cmpint (cl_test_db_count (db_path, sql), ==, 1);  /* a tombstone, not gone */
  }

  /* Deleting what is not there, or creating with a base rev. */
  c3 = cl_test_change_json (k3, "patient", "no-such-id", 0, "delete", "null");
  result = cl_test_push_one (cm, c3, &h3);
  g_assert_cmpstr (cl_test_reason_of (result), ==, "invalid");
  c4 = cl_test_change_json (k4, "patient", "no-such-id-2", 7, "upsert", patient_data);
  result = cl_test_push_one (cm, c4, &h4);
  g_assert_cmpstr (cl_test_reason_of (result), ==, "stale");
  g_assert_true (json_node_is_null (json_object_get_member (result, "current")));
}

static void
test_pull (void)
{
  const char *cm = cl_test_token_of ("case_manager");
  g_autofree char *patient_id = g_uuid_string_random ();
  g_autofree char *pregnancy_id = g_uuid_string_random ();
  g_autofree char *k1 = cl_test_new_key (), *k2 = cl_test_new_key ();
  g_autofree char *c1 = cl_test_change_json (k1, "patient", patient_id, 0, "upsert", patient_data);
  g_autofree char *pregnancy = g_strdup_printf ("{\"patient_id\":\"%s\",\"lmp\":\"2026-08-01\","
                                                "\"status\":\"ongoing\",\"gravida\":1,\"para\":0,"
                                                "\"risk\":\"green\"}", patient_id);
  g_autofree char *c2 = cl_test_change_json (k2, "pregnancy", pregnancy_id, 0, "upsert", pregnancy);
  g_autoptr(JsonNode) h1 = NULL, h2 = NULL, page = NULL;
  JsonObject *result, *object;
  JsonArray *changes;
  gint64 rev_patient, rev_pregnancy, since;
  gboolean saw_pregnancy = FALSE;
  guint status;

  result = cl_test_push_one (cm, c1, &h1);
  rev_patient = json_object_get_int_member (result, "rev");
  result = cl_test_push_one (cm, c2, &h2);
  g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
  rev_pregnancy = json_object_get_int_member (result, "rev");
  /* The server computed the EDD. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "current"), "edd"),
                   ==, "2027-05-08");

  /* Paging one at a time from just before the patient. */
  {
    g_autofree char *path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT "&limit=1", rev_patient - 1);

    page = cl_test_request ("GET", path, cm, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
    object = json_node_get_object (page);
    changes = json_object_get_array_member (object, "changes");
    g_assert_cmpuint (json_array_get_length (changes), ==, 1);
    g_assert_cmpint (json_object_get_int_member (object, "next"), ==, rev_patient);
    g_assert_true (json_object_get_boolean_member (object, "more"));
    {
      JsonObject *change = json_array_get_object_element (changes, 0);
      JsonObject *data = json_object_get_object_member (change, "data");

      g_assert_cmpstr (json_object_get_string_member (change, "table"), ==, "patient");
      g_assert_cmpstr (json_object_get_string_member (change, "id"), ==, patient_id);
      g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "upsert");
      g_assert_cmpstr (json_object_get_string_member (data, "name"), ==, "张小梅");
      g_assert_cmpint (json_object_get_int_member (data, "rev"), ==, rev_patient);
    }
  }

  /* Finance may not read pregnancies: the row is skipped, yet "next"
   * moves past it so the desk never asks for it again. */
  since = rev_patient;
  for (;;)
    {
      g_autofree char *path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT "&limit=5", since);
      g_autoptr(JsonNode) more_page = cl_test_request ("GET", path, cl_test_token_of ("finance"), NULL, &status);

      g_assert_cmpuint (status, ==, 200);
      object = json_node_get_object (more_page);
      changes = json_object_get_array_member (object, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, i), "table"),
                         !=, "pregnancy");
      since = json_object_get_int_member (object, "next");
      if (!json_object_get_boolean_member (object, "more"))
        break;
    }
  g_assert_cmpint (since, >=, rev_pregnancy);

  /* The case manager does see it. */
  {
    g_autofree char *path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT "&limit=1", rev_pregnancy - 1);
    g_autoptr(JsonNode) cm_page = cl_test_request ("GET", path, cm, NULL, &status);

    changes = json_object_get_array_member (json_node_get_object (cm_page), "changes");
    g_assert_cmpuint (json_array_get_length (changes), ==, 1);
    saw_pregnancy = g_str_equal (json_object_get_string_member (json_array_get_object_element (changes, 0), "table"),
                                 "pregnancy");
  }
  g_assert_true (saw_pregnancy);
}

typedef struct
{
  SoupWebsocketConnection *conn;
  GError                  *error;
  GPtrArray               *messages;
} EventsState;

static void
ws_message_cb (SoupWebsocketConnection *conn,
               gint                     type,
               GBytes                  *message,
               EventsState             *state)
{
  g_ptr_array_add (state->messages, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
ws_connected_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EventsState *state = user_data;

  state->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &state->error);
  if (state->conn)
    g_signal_connect (state->conn, "message", G_CALLBACK (ws_message_cb), state);
}

static void
ws_connect (const char  *query,
            EventsState *state)
{
  g_autofree char *url = g_strconcat (cl_test_shared_server ()->url, "api/v1/events", query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  state->messages = g_ptr_array_new_with_free_func (g_free);
  soup_session_websocket_connect_async (cl_test_api_session (), msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        ws_connected_cb, state);
  while (state->conn == NULL && state->error == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_messages (EventsState *state,
               guint        n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, timeout_cb, &timed_out);

  while (state->messages->len < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (state->messages->len, >=, n);
}

/* The server serves from several threads (4 in tests): a nudge must
 * reach every desk's socket, whichever thread accepted it. */
#define N_EVENT_SOCKETS 8

static void
test_events (void)
{
  g_autofree char *query = g_strdup_printf ("?token=%s", cl_test_token_of ("escort"));
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *change = cl_test_change_json (key, "patient", id, 0, "upsert", patient_data);
  g_autoptr(JsonNode) holder = NULL;
  EventsState states[N_EVENT_SOCKETS] = { 0 }, denied = { 0 };
  g_autofree char *expected = NULL;
  gint64 rev;

  ws_connect ("", &denied);
  g_assert_nonnull (denied.error);
  g_clear_error (&denied.error);
  g_ptr_array_unref (denied.messages);

  for (guint i = 0; i < N_EVENT_SOCKETS; i++)
    {
      ws_connect (query, &states[i]);
      g_assert_no_error (states[i].error);
    }
  rev = json_object_get_int_member (cl_test_push_one (cl_test_token_of ("case_manager"), change, &holder), "rev");
  expected = g_strdup_printf ("{\"rev\":%" G_GINT64_FORMAT "}", rev);
  for (guint i = 0; i < N_EVENT_SOCKETS; i++)
    {
      wait_messages (&states[i], 1);
      g_assert_cmpstr (g_ptr_array_index (states[i].messages, 0), ==, expected);
    }

  for (guint i = 0; i < N_EVENT_SOCKETS; i++)
    {
      soup_websocket_connection_close (states[i].conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      while (soup_websocket_connection_get_state (states[i].conn) != SOUP_WEBSOCKET_STATE_CLOSED)
        g_main_context_iteration (NULL, TRUE);
      g_clear_object (&states[i].conn);
      g_ptr_array_unref (states[i].messages);
    }
}

/* Pushes @data to @table as a new record (base_rev 0) and returns the
 * result's status; its reason and message go to @reason / @message. */
static char *
push_op (const char  *role,
         const char  *op,
         const char  *table,
         const char  *id,
         gint64       base_rev,
         const char  *data,
         char       **message)
{
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *change = cl_test_change_json (key, table, id, base_rev, op, data);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *result = cl_test_push_one (cl_test_token_of (role), change, &holder);
  const char *reason = cl_test_reason_of (result);

  if (message)
    *message = g_strdup (json_object_get_string_member_with_default (result, "message", ""));
  return g_strdup (reason ? reason : cl_test_status_of (result));
}

static char *
push_new (const char  *role,
          const char  *table,
          const char  *id,
          gint64       base_rev,
          const char  *data,
          char       **message)
{
  return push_op (role, "upsert", table, id, base_rev, data, message);
}

static gint64
rev_of (const char *table,
        const char *id)
{
  const char *db_path = cl_test_shared_db ();
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = '%s'", table, id);

  return cl_test_db_count (db_path, sql);
}

/* A closed settlement month is refused by the server itself, inside the
 * write transaction, whatever the desk knew: a payment, refund or
 * deduction dated in it, a change to what it settled, a rate effective
 * in it, reopening it, and deleting it or what it settled.  Each gets
 * reason "closed" with a message that says why, and nothing of it is
 * written. */
static void
test_closed_month (void)
{
  const char *db_path = cl_test_shared_db ();
  const char *paid = "c1000000-0000-4000-8000-000000000001";
  const char *late = "c1000000-0000-4000-8000-000000000002";
  const char *month = "c1000000-0000-4000-8000-000000000003";
  const char *deduction = "c1000000-0000-4000-8000-000000000004";
  const char *rate = "c1000000-0000-4000-8000-000000000005";
  const char *september = "c1000000-0000-4000-8000-000000000006";
  const char *settled_deduction = "c1000000-0000-4000-8000-000000000008";
  g_autofree char *message = NULL;
  g_autofree char *answer = NULL;
  gint64 feed;

  /* Her record and the packages, so that the enrolments below are
   * valid (the server checks them as the desk's dialog does). */
  {
    struct { const char *table, *id, *data; } fixtures[] = {
      { "patient", "p-closed", "{\"name\":\"刘秋\",\"phone\":\"13800138001\",\"birth_date\":\"1992-03-01\"}" },
      { "pregnancy", "p-closed-1", "{\"patient_id\":\"p-closed\",\"lmp\":\"2026-05-01\",\"status\":\"ongoing\","
                                   "\"gravida\":1,\"para\":0,\"risk\":\"green\"}" },
      /* One patient per enrolment: a second live one of hers would be
       * refused as enrolled twice, before any month is looked at. */
      { "patient", "p-closed-b", "{\"name\":\"王秋\",\"phone\":\"13800138002\",\"birth_date\":\"1992-03-02\"}" },
      { "pregnancy", "p-closed-b-1", "{\"patient_id\":\"p-closed-b\",\"lmp\":\"2026-05-01\",\"status\":\"ongoing\","
                                     "\"gravida\":1,\"para\":0,\"risk\":\"green\"}" },
      { "patient", "p-closed-c", "{\"name\":\"李秋\",\"phone\":\"13800138003\",\"birth_date\":\"1992-03-03\"}" },
      { "pregnancy", "p-closed-c-1", "{\"patient_id\":\"p-closed-c\",\"lmp\":\"2026-05-01\",\"status\":\"ongoing\","
                                     "\"gravida\":1,\"para\":0,\"risk\":\"green\"}" },
      { "package", "whole", "{\"code\":\"WHOLE\",\"name\":\"孕期全程\",\"price_fen\":298000,\"enrol_from_day\":0,"
                            "\"enrol_to_day\":280,\"services\":\"\",\"active\":true}" },
      { "package", "mid", "{\"code\":\"MID\",\"name\":\"孕中期\",\"price_fen\":198000,\"enrol_from_day\":0,"
                          "\"enrol_to_day\":280,\"services\":\"\",\"active\":true}" },
      { "package", "late", "{\"code\":\"LATE\",\"name\":\"孕晚期\",\"price_fen\":128000,\"enrol_from_day\":0,"
                           "\"enrol_to_day\":280,\"services\":\"\",\"active\":true}" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
      {
        answer = push_new ("admin", fixtures[i].table, fixtures[i].id, 0, fixtures[i].data, &message);
        if (g_strcmp0 (answer, "applied") != 0)
          g_error ("%s %s: %s", fixtures[i].table, fixtures[i].id, message);
        g_clear_pointer (&answer, g_free);
        g_clear_pointer (&message, g_free);
      }
  }

  /* A payment of 5 August, then finance closes August. */
  answer = push_new ("case_manager", "enrolment", paid, 0,
                     "{\"patient_id\":\"p-closed\",\"package_id\":\"whole\",\"price_fen\":298000,"
                     "\"agreement_date\":\"2026-08-05\",\"explained_by\":\"王护士\",\"paid_date\":\"2026-08-05\","
                     "\"paid_fen\":298000,\"receipt_no\":\"FP-0805\",\"status\":\"active\"}", NULL);
  g_assert_cmpstr (answer, ==, "applied");
  g_free (answer);
  answer = push_new ("finance", "deduction", settled_deduction, 0,
                     "{\"date\":\"2026-08-10\",\"amount_fen\":50000,\"reason\":\"投诉未闭环\"}", NULL);
  g_assert_cmpstr (answer, ==, "applied");
  g_free (answer);
  answer = push_new ("finance", "settlement_month", month, 0,
                     "{\"month\":\"2026-08\",\"closed\":true,\"closed_by\":\"u-finance\",\"snapshot\":\"{}\"}", NULL);
  g_assert_cmpstr (answer, ==, "applied");
  feed = cl_test_db_count (db_path, "SELECT count(*) FROM change_log");

  /* A new payment dated in August (a desk that had not heard of the
   * close). */
  g_free (answer);
  answer = push_new ("case_manager", "enrolment", late, 0,
                     "{\"patient_id\":\"p-closed-b\",\"package_id\":\"mid\",\"price_fen\":198000,"
                     "\"agreement_date\":\"2026-08-20\",\"explained_by\":\"王护士\",\"paid_date\":\"2026-08-20\","
                     "\"paid_fen\":198000,\"receipt_no\":\"FP-0820\",\"status\":\"active\"}", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "Aug 2026 is a settlement month that finance has closed"));
  g_assert_cmpint (rev_of ("enrolment", late), ==, -1);

  /* A refund of the settled payment dated in August, and a change of
   * its amount. */
  g_free (answer);
  g_free (message);
  answer = push_new ("case_manager", "enrolment", paid, rev_of ("enrolment", paid),
                     "{\"status\":\"cancelled\",\"cancel_date\":\"2026-08-30\",\"refund_fen\":298000}", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "Aug 2026"));
  g_free (answer);
  g_free (message);
  answer = push_new ("case_manager", "enrolment", paid, rev_of ("enrolment", paid), "{\"paid_fen\":288000}", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "settled in the closed month Aug 2026"));
  g_assert_cmpint (cl_test_db_count (db_path,
                                     "SELECT paid_fen FROM enrolment WHERE id = 'c1000000-0000-4000-8000-000000000001'"),
                   ==, 298000);

  /* A deduction dated in August, a rate effective in it. */
  g_free (answer);
  answer = push_new ("finance", "deduction", deduction, 0,
                     "{\"date\":\"2026-08-31\",\"amount_fen\":200000,\"reason\":\"整改未完成\"}", NULL);
  g_assert_cmpstr (answer, ==, "closed");
  g_free (answer);
  answer = push_new ("finance", "share_rate", rate, 0, "{\"effective_from\":\"2026-08-15\",\"rate_bp\":4000}", NULL);
  g_assert_cmpstr (answer, ==, "closed");

  /* Reopening August, or closing it again with another snapshot. */
  g_free (answer);
  g_free (message);
  answer = push_new ("finance", "settlement_month", month, rev_of ("settlement_month", month),
                     "{\"closed\":false}", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "Aug 2026 is already closed"));
  g_free (answer);
  answer = push_new ("finance", "settlement_month", "c1000000-0000-4000-8000-000000000007", 0,
                     "{\"month\":\"2026-08\",\"closed\":true,\"snapshot\":\"{}\"}", NULL);
  g_assert_cmpstr (answer, ==, "closed");

  /* Deleting what August settled, or August itself, is refused too. */
  g_free (answer);
  g_free (message);
  answer = push_op ("case_manager", "delete", "enrolment", paid, rev_of ("enrolment", paid), "null", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "settled in the closed month Aug 2026"));
  g_free (answer);
  g_free (message);
  answer = push_op ("finance", "delete", "deduction", settled_deduction,
                    rev_of ("deduction", settled_deduction), "null", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "settled in the closed month Aug 2026"));
  g_free (answer);
  g_free (message);
  answer = push_op ("finance", "delete", "settlement_month", month, rev_of ("settlement_month", month),
                    "null", &message);
  g_assert_cmpstr (answer, ==, "closed");
  g_assert_nonnull (strstr (message, "Aug 2026 is already closed"));
  g_assert_cmpint (cl_test_db_count (db_path, "SELECT count(*) FROM enrolment"
                                     " WHERE id = 'c1000000-0000-4000-8000-000000000001' AND deleted = 0"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db_path, "SELECT count(*) FROM deduction"
                                     " WHERE id = 'c1000000-0000-4000-8000-000000000008' AND deleted = 0"), ==, 1);
  g_assert_cmpint (cl_test_db_count (db_path, "SELECT count(*) FROM settlement_month"
                                     " WHERE month = '2026-08' AND deleted = 0"), ==, 1);

  /* Nothing of it reached the store or the feed. */
  g_assert_cmpint (cl_test_db_count (db_path, "SELECT count(*) FROM change_log"), ==, feed);
  g_assert_cmpint (rev_of ("deduction", deduction), ==, -1);
  g_assert_cmpint (rev_of ("share_rate", rate), ==, -1);
  g_assert_cmpint (cl_test_db_count (db_path, "SELECT count(*) FROM share_rate WHERE effective_from = '2026-08-15'"),
                   ==, 0);
  g_assert_cmpint (cl_test_db_count (db_path, "SELECT closed FROM settlement_month WHERE month = '2026-08'"), ==, 1);

  /* September is open: its payments go through. */
  g_free (answer);
  answer = push_new ("case_manager", "enrolment", september, 0,
                     "{\"patient_id\":\"p-closed-c\",\"package_id\":\"late\",\"price_fen\":128000,"
                     "\"agreement_date\":\"2026-09-02\",\"explained_by\":\"王护士\",\"paid_date\":\"2026-09-02\","
                     "\"paid_fen\":128000,\"receipt_no\":\"FP-0902\",\"status\":\"active\"}", NULL);
  g_assert_cmpstr (answer, ==, "applied");
  /* And an open month's payment can still be deleted. */
  g_free (answer);
  answer = push_op ("case_manager", "delete", "enrolment", september, rev_of ("enrolment", september),
                    "null", NULL);
  g_assert_cmpstr (answer, ==, "applied");
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  cl_test_shared_server_init ("server-push");

  g_test_add_func ("/server/push/duplicate-stale", test_push_duplicate_stale);
  g_test_add_func ("/server/push/delete", test_delete_and_new_with_base);
  g_test_add_func ("/server/push/unique", test_push_unique);
  g_test_add_func ("/server/pull", test_pull);
  g_test_add_func ("/server/events", test_events);
  g_test_add_func ("/server/settlement/closed-month", test_closed_month);

  ret = g_test_run ();

  cl_test_shared_server_finish ();
  return ret;
}
