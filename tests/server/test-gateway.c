/* careline-server's SMS/WeChat gateway against a real receiver.
 *
 * The receiver (gateway-receiver.c) is a libsoup server on 127.0.0.1
 * in a thread of this program, playing the hospital's provider: it
 * checks every message's signature with the secret it shares with the
 * server, remembers each POST's Idempotency-Key and body, and answers
 * as the test tells it (200, 500, 400, hang, slowly, or hold the
 * request until told).  The
 * real careline-server runs as a child; its data file is read directly
 * (README, "SMS and WeChat gateway"). */

#define G_LOG_DOMAIN "test-gateway"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cl-followup-record.h"
#include "cl-followup-worklist.h"
#include "cl-gateway-config.h"
#include "cl-patient.h"
#include "cl-store.h"
#include "cl-test-server.h"
#include "cl-test-util.h"
#include "gateway-receiver.h"

#define PHONE  "13800138000"
#define OWNER  "b9c1d2e3-0000-4000-8000-00000000c0de"

/* Each test's data file: a patient with a mobile number and one SMS
 * item of hers due 2026-03-02, with the server's clock at 10:00 that
 * day in Shanghai; the test sets the gateway itself. */
typedef struct
{
  char *dir;
  char *db;
  char *secret_file;
  char *item_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLFollowupRecord) item = cl_followup_record_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = cl_test_make_tmp_dir ("gateway");
  fixture->db = g_build_filename (fixture->dir, "careline.db", NULL);
  fixture->secret_file = g_build_filename (fixture->dir, "gateway.secret", NULL);
  g_file_set_contents (fixture->secret_file, SECRET "\n", -1, &error);
  g_assert_no_error (error);

  store = cl_store_open (fixture->db, &error);
  g_assert_no_error (error);
  cl_patient_set_name (patient, "张小梅");
  cl_patient_set_phone (patient, PHONE);
  cl_followup_record_set_patient_id (item, cl_record_get_id (CL_RECORD (patient)));
  cl_followup_record_set_kind (item, "visit-reminder");
  cl_followup_record_set_channel (item, "sms");
  cl_followup_record_set_due_date (item, "2026-03-02");
  cl_followup_record_set_content (item, "张小梅，您好：3 月 5 日请来院做 28 周产检。");
  cl_followup_record_set_owner_id (item, OWNER);
  cl_followup_record_set_state (item, "due");
  fixture->item_id = g_strdup (cl_record_get_id (CL_RECORD (item)));
  g_assert_true (cl_store_begin (store, &error));
  g_assert_true (cl_store_write_record (store, CL_RECORD (patient), CL_WRITE_NO_OUTBOX, &error));
  g_assert_true (cl_store_write_record (store, CL_RECORD (item), CL_WRITE_NO_OUTBOX, &error));
  g_assert_true (cl_store_commit (store, &error));
  g_assert_no_error (error);

  /* 2026-03-02 10:00 in Shanghai: the item is due, and it is daytime. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_GATEWAY_NOW", "1772416800", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->secret_file);
  g_free (fixture->item_id);
}

static void
gateway_set (Fixture    *fixture,
             const char *secret_file,
             const char *extra,
             const char *extra_value)
{
  g_autofree char *out = NULL;
  int status;

  status = cl_test_server_cli (NULL, &out, "gateway", "set", receiver.url,
                               "--secret-file", secret_file ? secret_file : fixture->secret_file,
                               "--timeout", "2", "--backoff", "1", "--retries", "2",
                               "--db", fixture->db, extra, extra_value, NULL);
  g_assert_cmpint (status, ==, 0);
}

static gint64
count (Fixture    *fixture,
       const char *sql_format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, sql_format);
  sql = g_strdup_vprintf (sql_format, args);
  va_end (args);
  return cl_test_db_count (fixture->db, sql);
}

/* Waits up to @seconds until @sql counts 1. */
static void
wait_for_row (Fixture    *fixture,
              const char *sql,
              guint       seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (cl_test_db_count (fixture->db, sql) != 1)
    {
      if (g_get_monotonic_time () > end)
        g_error ("not within %u s: %s", seconds, sql);
      g_usleep (50 * 1000);
    }
}

static void
wait_for_message_state (Fixture    *fixture,
                        const char *state,
                        guint       seconds)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM gateway_message WHERE followup_item_id = '%s'"
                                          " AND state = '%s'", fixture->item_id, state);

  wait_for_row (fixture, sql, seconds);
}

/* The item as the desks' feed has it: done with outcome sent, or open. */
static void
assert_item (Fixture    *fixture,
             const char *state,
             const char *outcome)
{
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM followup_item WHERE id = '%s' AND state = '%s'"
                          " AND coalesce(outcome, '') = '%s'", fixture->item_id, state, outcome), ==, 1);
}

static void
assert_delivery (Fixture    *fixture,
                 const char *status)
{
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM followup_delivery WHERE followup_item_id = '%s'"
                          " AND status = '%s'", fixture->item_id, status), ==, 1);
  /* Through the change feed, as desks learn of it. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM change_log WHERE tbl = 'followup_delivery'"), >=, 1);
}

static void
test_sent_signed (Fixture       *fixture,
                  gconstpointer  data)
{
  CLTestServer server = { 0 };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  g_autofree char *expected_callback = NULL;

  receiver_reset ("200", NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  cl_test_server_start (&server, fixture->db);
  receiver_wait_for (1, 10);
  wait_for_message_state (fixture, "sent", 10);

  g_assert_cmpuint (receiver.bad_signatures, ==, 0);
  body = json_from_string (g_ptr_array_index (receiver.bodies, 0), &error);
  g_assert_no_error (error);
  object = json_node_get_object (body);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, receiver_key (0));
  g_assert_cmpstr (json_object_get_string_member (object, "item_id"), ==, fixture->item_id);
  g_assert_cmpstr (json_object_get_string_member (object, "channel"), ==, "sms");
  g_assert_cmpstr (json_object_get_string_member (object, "phone"), ==, PHONE);
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "张小梅，您好：3 月 5 日请来院做 28 周产检。");
  expected_callback = g_strconcat (server.url, "api/v1/gateway/callback", NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "callback_url"), ==, expected_callback);

  assert_item (fixture, "done", "sent");
  assert_delivery (fixture, "sent");
  cl_test_server_stop (&server);
  g_assert_cmpuint (receiver_count (), ==, 1);
}

static void
test_retry_500 (Fixture       *fixture,
                gconstpointer  data)
{
  CLTestServer server = { 0 };

  receiver_reset ("500", "200", NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  cl_test_server_start (&server, fixture->db);
  receiver_wait_for (2, 15);
  wait_for_message_state (fixture, "sent", 10);
  g_assert_cmpstr (receiver_key (0), ==, receiver_key (1));
  assert_item (fixture, "done", "sent");
  cl_test_server_stop (&server);
}

static void
test_hang_timeout (Fixture       *fixture,
                   gconstpointer  data)
{
  CLTestServer server = { 0 };

  receiver_reset ("hang", "200", NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  cl_test_server_start (&server, fixture->db);
  receiver_wait_for (2, 15);
  wait_for_message_state (fixture, "sent", 10);
  g_assert_cmpstr (receiver_key (0), ==, receiver_key (1));
  g_assert_cmpint (count (fixture, "SELECT attempts FROM gateway_message"), ==, 2);
  cl_test_server_stop (&server);
}

static void
test_slow (Fixture       *fixture,
           gconstpointer  data)
{
  CLTestServer server = { 0 };

  /* 1.5 s, within the 2 s timeout: one POST, sent. */
  receiver_reset ("slow", NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  cl_test_server_start (&server, fixture->db);
  wait_for_message_state (fixture, "sent", 15);
  g_assert_cmpuint (receiver_count (), ==, 1);
  cl_test_server_stop (&server);
}

/* The worklist row a desk shows for the item. */
static char *
worklist_delivery (Fixture *fixture)
{
  g_autoptr(CLStore) store = cl_store_open (fixture->db, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  GDate today;
  CLFollowupRow *row;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, 3, 2026);
  rows = cl_followup_worklist_load (store, OWNER, &today);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  return g_strdup (row->delivery);
}

static void
test_limit_failed (Fixture       *fixture,
                   gconstpointer  data)
{
  CLTestServer server = { 0 };
  g_autofree char *delivery = NULL;

  /* The first POST and two retries, then a person must phone her. */
  receiver_reset ("500", "500", "500", "200", NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  cl_test_server_start (&server, fixture->db);
  wait_for_message_state (fixture, "failed", 20);
  g_assert_cmpuint (receiver_count (), ==, 3);
  assert_item (fixture, "due", "");
  assert_delivery (fixture, "failed");
  cl_test_server_stop (&server);

  /* Back on her case manager's worklist, saying so. */
  delivery = worklist_delivery (fixture);
  g_assert_cmpstr (delivery, ==, "failed");
  g_assert_cmpuint (receiver_count (), ==, 3);
}

static void
test_client_error (Fixture       *fixture,
                   gconstpointer  data)
{
  CLTestServer server = { 0 };

  /* A 4xx will never be taken: failed at once, no retry. */
  receiver_reset ("400", "200", NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  cl_test_server_start (&server, fixture->db);
  wait_for_message_state (fixture, "failed", 10);
  g_usleep (2 * G_USEC_PER_SEC);
  g_assert_cmpuint (receiver_count (), ==, 1);
  assert_item (fixture, "due", "");
  cl_test_server_stop (&server);
}

static void
test_bad_secret (Fixture       *fixture,
                 gconstpointer  data)
{
  CLTestServer server = { 0 };
  g_autofree char *wrong = g_build_filename (fixture->dir, "wrong.secret", NULL);

  /* The provider refuses what the server signs with another secret. */
  g_assert_true (g_file_set_contents (wrong, "not the provider's secret", -1, NULL));
  receiver_reset (NULL, NULL);
  gateway_set (fixture, wrong, NULL, NULL);
  cl_test_server_start (&server, fixture->db);
  wait_for_message_state (fixture, "failed", 10);
  g_assert_cmpuint (receiver.bad_signatures, ==, 1);
  g_assert_cmpuint (receiver_count (), ==, 1);
  cl_test_server_stop (&server);
}

static void
test_quiet_hours (Fixture       *fixture,
                  gconstpointer  data)
{
  CLTestServer server = { 0 };

  receiver_reset (NULL, NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  /* 2026-03-02 22:30 in Shanghai, in the default 21:00-08:00. */
  g_setenv ("CARELINE_GATEWAY_NOW", "1772461800", TRUE);
  cl_test_server_start (&server, fixture->db);
  g_usleep (3 * G_USEC_PER_SEC);
  cl_test_server_stop (&server);
  g_assert_cmpuint (receiver_count (), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM gateway_message"), ==, 0);

  /* The same moment is 15:30 in Berlin: not quiet there. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  cl_test_server_start (&server, fixture->db);
  wait_for_message_state (fixture, "sent", 10);
  cl_test_server_stop (&server);
  g_assert_cmpuint (receiver_count (), ==, 1);

  /* --quiet-hours off lets it send at night: another item, another day. */
}

static void
test_quiet_hours_off (Fixture       *fixture,
                      gconstpointer  data)
{
  CLTestServer server = { 0 };

  receiver_reset (NULL, NULL);
  gateway_set (fixture, NULL, "--quiet-hours", "off");
  g_setenv ("CARELINE_GATEWAY_NOW", "1772461800", TRUE);
  cl_test_server_start (&server, fixture->db);
  wait_for_message_state (fixture, "sent", 10);
  cl_test_server_stop (&server);
}

static void
test_no_gateway (Fixture       *fixture,
                 gconstpointer  data)
{
  CLTestServer server = { 0 };
  g_autofree char *out = NULL;

  /* Never set, or cleared: the item stays for a person. */
  receiver_reset (NULL, NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  g_assert_cmpint (cl_test_server_cli (NULL, &out, "gateway", "clear", "--db", fixture->db, NULL), ==, 0);
  cl_test_server_start (&server, fixture->db);
  g_usleep (3 * G_USEC_PER_SEC);
  cl_test_server_stop (&server);
  g_assert_cmpuint (receiver_count (), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM gateway_message"), ==, 0);
  assert_item (fixture, "due", "");
}

static void
test_kill9 (Fixture       *fixture,
            gconstpointer  data)
{
  CLTestServer server = { 0 };
  g_autofree char *out = NULL;

  /* The provider holds the POST: the server cannot learn of success. */
  receiver_reset ("hold", NULL);
  cl_test_server_cli (NULL, &out, "gateway", "set", receiver.url, "--secret-file", fixture->secret_file,
                      "--timeout", "60", "--backoff", "1", "--db", fixture->db, NULL);
  cl_test_server_start (&server, fixture->db);
  receiver_wait_for (1, 10);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM gateway_message WHERE state = 'sending'"), ==, 1);
  cl_test_server_kill (&server);

  /* Restarted, it posts the interrupted message again, under the same
   * key, so the provider can drop the duplicate. */
  receiver_answer_next ("200");
  cl_test_server_start (&server, fixture->db);
  receiver_wait_for (2, 10);
  g_assert_cmpstr (receiver_key (0), ==, receiver_key (1));
  g_assert_cmpstr (g_ptr_array_index (receiver.bodies, 0), ==, g_ptr_array_index (receiver.bodies, 1));
  wait_for_message_state (fixture, "sent", 10);
  assert_item (fixture, "done", "sent");
  cl_test_server_kill (&server);

  /* A sent message is never posted again. */
  cl_test_server_start (&server, fixture->db);
  g_usleep (3 * G_USEC_PER_SEC);
  cl_test_server_stop (&server);
  g_assert_cmpuint (receiver_count (), ==, 2);
}

/* POST /api/v1/gateway/callback with @body, signed with @secret (none
 * when NULL). */
static guint
callback (CLTestServer *server,
          const char   *body,
          const char   *secret)
{
  g_autoptr(SoupMessage) msg = cl_test_api_message (server, "POST", "/gateway/callback", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  guint status;

  if (secret)
    {
      g_autofree char *signature = cl_gateway_sign (secret, body, strlen (body));

      soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Careline-Signature", signature);
    }
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  answer = cl_test_api_send (msg, &status);
  return status;
}

static void
test_callback (Fixture       *fixture,
               gconstpointer  data)
{
  CLTestServer server = { 0 };
  g_autofree char *delivered = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *delivery = NULL;

  receiver_reset ("200", NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  cl_test_server_start (&server, fixture->db);
  wait_for_message_state (fixture, "sent", 10);
  delivered = g_strdup_printf ("{\"idempotency_key\": \"%s\", \"status\": \"delivered\"}", receiver_key (0));
  failed = g_strdup_printf ("{\"idempotency_key\": \"%s\", \"status\": \"failed\", \"detail\": \"handset off\"}",
                            receiver_key (0));

  /* Unsigned, or signed with another secret: 401, audited, nothing written. */
  g_assert_cmpuint (callback (&server, delivered, NULL), ==, 401);
  g_assert_cmpuint (callback (&server, delivered, "a guess"), ==, 401);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE action = 'gateway-callback'"
                          " AND status = 401"), ==, 2);
  assert_delivery (fixture, "sent");
  /* An unknown key: 404. */
  g_assert_cmpuint (callback (&server, "{\"idempotency_key\": \"nope\", \"status\": \"delivered\"}", SECRET), ==, 404);
  g_assert_cmpuint (callback (&server, "{\"idempotency_key\": \"nope\", \"status\": \"read\"}", SECRET), ==, 422);
  g_assert_cmpuint (callback (&server, "[]", SECRET), ==, 400);

  g_assert_cmpuint (callback (&server, delivered, SECRET), ==, 204);
  assert_delivery (fixture, "delivered");
  assert_item (fixture, "done", "sent");

  /* The provider's later word that it did not arrive: back to a person. */
  g_assert_cmpuint (callback (&server, failed, SECRET), ==, 204);
  assert_delivery (fixture, "failed");
  assert_item (fixture, "due", "");
  cl_test_server_stop (&server);
  delivery = worklist_delivery (fixture);
  g_assert_cmpstr (delivery, ==, "failed");
  g_assert_cmpuint (receiver_count (), ==, 1);
}

static void
test_desks_cannot_push (Fixture       *fixture,
                        gconstpointer  data)
{
  CLTestServer server = { 0 };
  g_autofree char *out = NULL;
  const char * const roles[] = { "admin", "case_manager" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *name = g_strdup_printf ("u-%s", roles[i]);

      g_assert_cmpint (cl_test_server_cli ("pw-long-enough\n", &out, "user", "add", name, "--role", roles[i],
                                           "--db", fixture->db, NULL), ==, 0);
      g_clear_pointer (&out, g_free);
    }
  cl_test_server_start (&server, fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *name = g_strdup_printf ("u-%s", roles[i]);
      g_autofree char *token = cl_test_api_login (&server, name, "pw-long-enough");
      g_autofree char *key = cl_test_new_key ();
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *data = g_strdup_printf ("{\"followup_item_id\": \"%s\", \"status\": \"sent\"}", fixture->item_id);
      g_autofree char *change = cl_test_change_json (key, "followup_delivery", id, 0, "upsert", data);
      g_autoptr(JsonNode) holder = NULL;
      JsonObject *result = cl_test_api_push_one (&server, token, change, &holder);

      /* No desk, not even an administrator's, can make a message look sent. */
      g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
      g_assert_cmpstr (cl_test_reason_of (result), ==, "forbidden");
    }
  cl_test_server_stop (&server);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM followup_delivery"), ==, 0);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.secret", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.secret", NULL);

  /* Nothing set: the items stay manual, and show says so. */
  g_assert_cmpint (cl_test_server_cli (NULL, &out, "gateway", "show", "--db", fixture->db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No gateway"));
  g_clear_pointer (&out, g_free);

  /* The secret comes from a file that exists and is not empty, never
   * from the command line. */
  g_assert_true (g_file_set_contents (empty, "\n", -1, NULL));
  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "gateway", "set", receiver.url, "--secret-file", empty,
                                       "--db", fixture->db, NULL), ==, 1);
  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "gateway", "set", receiver.url, "--secret-file", missing,
                                       "--db", fixture->db, NULL), ==, 1);
  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "gateway", "set", receiver.url,
                                       "--db", fixture->db, NULL), ==, 2);
  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "gateway", "set", receiver.url, "--secret", SECRET,
                                       "--db", fixture->db, NULL), ==, 2);
  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "gateway", "set", "ftp://example.org/", "--secret-file",
                                       fixture->secret_file, "--db", fixture->db, NULL), ==, 2);
  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "gateway", "set", receiver.url, "--secret-file",
                                       fixture->secret_file, "--quiet-hours", "21:00-21:00",
                                       "--db", fixture->db, NULL), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM gateway_setting"), ==, 0);

  gateway_set (fixture, NULL, "--quiet-hours", "22:30-07:00");
  g_assert_cmpint (cl_test_server_cli (NULL, &out, "gateway", "show", "--db", fixture->db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, receiver.url));
  g_assert_nonnull (strstr (out, "quiet-hours: 22:30-07:00"));
  g_assert_nonnull (strstr (out, "retries: 2"));
  g_assert_null (strstr (out, SECRET));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cl_test_server_cli (NULL, NULL, "gateway", "clear", "--db", fixture->db, NULL), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM gateway_setting"), ==, 0);

  /* Both audited, the secret in neither. */
  g_assert_cmpint (cl_test_server_cli (NULL, &audit, "audit", "--db", fixture->db, NULL), ==, 0);
  g_assert_nonnull (strstr (audit, "gateway-set"));
  g_assert_nonnull (strstr (audit, "gateway-clear"));
  g_assert_null (strstr (audit, SECRET));
}

static void
test_config_rules (void)
{
  ClGatewayConfig config = { 0 };
  gint start, end;

  g_assert_true (cl_gateway_parse_quiet_hours ("21:00-08:00", &start, &end, NULL));
  g_assert_cmpint (start, ==, 21 * 60);
  g_assert_cmpint (end, ==, 8 * 60);
  g_assert_true (cl_gateway_parse_quiet_hours ("off", &start, &end, NULL));
  g_assert_cmpint (start, ==, -1);
  for (guint i = 0; i < 6; i++)
    {
      static const char * const bad[] = { "", "21-08", "24:00-08:00", "21:00-08:60", "21:00", "21:00-21:00" };
      g_autoptr(GError) error = NULL;

      g_assert_false (cl_gateway_parse_quiet_hours (bad[i], &start, &end, &error));
      g_assert_nonnull (error);
    }

  /* Asia/Shanghai (the fixture's TZ is set by main): 2026-03-02. */
  config.backoff = 60;
  cl_gateway_parse_quiet_hours ("21:00-08:00", &config.quiet_start, &config.quiet_end, NULL);
  g_assert_false (cl_gateway_in_quiet_hours (&config, 1772416800));          /* 10:00 */
  g_assert_true (cl_gateway_in_quiet_hours (&config, 1772461800));           /* 22:30 */
  g_assert_true (cl_gateway_in_quiet_hours (&config, 1772416800 - 2 * 3600 - 1));  /* 07:59:59 */
  g_assert_false (cl_gateway_in_quiet_hours (&config, 1772416800 - 2 * 3600));     /* 08:00 */
  cl_gateway_parse_quiet_hours ("13:00-14:00", &config.quiet_start, &config.quiet_end, NULL);
  g_assert_true (cl_gateway_in_quiet_hours (&config, 1772416800 + 3 * 3600 + 30 * 60)); /* 13:30 */
  g_assert_false (cl_gateway_in_quiet_hours (&config, 1772416800));

  g_assert_cmpint (cl_gateway_backoff (&config, 1), ==, 60);
  g_assert_cmpint (cl_gateway_backoff (&config, 2), ==, 120);
  g_assert_cmpint (cl_gateway_backoff (&config, 4), ==, 480);
  g_assert_cmpint (cl_gateway_backoff (&config, 60), ==, 24 * 3600);

  /* The signature: HMAC-SHA256 of the exact bytes, lower-case hex
   * (RFC 4231, test case 2). */
  {
    g_autofree char *signature = cl_gateway_sign ("Jefe", "what do ya want for nothing?", 28);

    g_assert_cmpstr (signature, ==, "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    g_assert_true (cl_gateway_signature_ok ("Jefe", "what do ya want for nothing?", 28, signature));
    g_assert_false (cl_gateway_signature_ok ("Jefe", "what do ya want for nothing!", 28, signature));
    g_assert_false (cl_gateway_signature_ok ("", "what do ya want for nothing?", 28, signature));
  }
}

/* A scale item's message carries her link: the provider gets it in
 * "link" and at the end of the text, and her answer at that link lands
 * as a scale result and marks the item done (README, "Her link"). */
static void
test_scale_link (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char answers[] = "q1=0&q2=0&q3=0&q4=0&q5=0&q6=0&q7=0&q8=0&q9=0&q10=3";
  CLTestServer server = { 0 };
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLFollowupRecord) item = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rules = g_build_filename (fixture->dir, "rules.ini", NULL);
  g_autofree char *link_prefix = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SoupMessage) get = NULL;
  g_autoptr(SoupMessage) post = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GBytes) form = g_bytes_new_static (answers, strlen (answers));
  const char *link;
  JsonObject *object;
  guint status = 0;

  /* The server reads the rules in force to learn which scale it asks. */
  g_file_set_contents (rules,
                       "[Rule epds-pregnancy]\nkind=scale\ntrigger=gestational-weeks\nweeks=28-32\n"
                       "scale=epds\nchannel=sms\ntemplate=Please fill in the {visit}.\n"
                       "template[zh_CN]=请填写{visit}。\n", -1, &error);
  g_assert_no_error (error);
  g_setenv ("CARELINE_FOLLOWUP_RULES", rules, TRUE);
  store = cl_store_open (fixture->db, &error);
  g_assert_no_error (error);
  item = CL_FOLLOWUP_RECORD (cl_store_load_record (store, CL_TYPE_FOLLOWUP_RECORD, fixture->item_id, &error));
  g_assert_no_error (error);
  cl_followup_record_set_kind (item, "scale");
  cl_followup_record_set_rule_id (item, "epds-pregnancy");
  cl_followup_record_set_content (item, "张小梅您好，请在下次产检前填写爱丁堡产后抑郁量表。");
  g_assert_true (cl_store_begin (store, &error));
  g_assert_true (cl_store_write_record (store, CL_RECORD (item), CL_WRITE_NO_OUTBOX, &error));
  g_assert_true (cl_store_commit (store, &error));
  g_clear_object (&store);

  receiver_reset ("200", NULL);
  gateway_set (fixture, NULL, NULL, NULL);
  cl_test_server_start (&server, fixture->db);
  receiver_wait_for (1, 10);
  wait_for_message_state (fixture, "sent", 10);

  body = json_from_string (g_ptr_array_index (receiver.bodies, 0), &error);
  g_assert_no_error (error);
  object = json_node_get_object (body);
  link = json_object_get_string_member (object, "link");
  link_prefix = g_strconcat (server.url, "p/", NULL);
  g_assert_true (g_str_has_prefix (link, link_prefix));
  text = g_strconcat ("张小梅您好，请在下次产检前填写爱丁堡产后抑郁量表。\n", link, NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, text);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM patient_link WHERE item_id = '%s' AND form_id = 'epds'"
                          " AND spent_at = 0", fixture->item_id), ==, 1);

  /* Sent, but not done: she has yet to answer. */
  assert_item (fixture, "due", "");
  assert_delivery (fixture, "sent");

  /* She opens it and answers. */
  get = soup_message_new ("GET", link);
  page = cl_test_api_send (get, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page), "小梅"));
  post = soup_message_new ("POST", link);
  soup_message_set_request_body_from_bytes (post, "application/x-www-form-urlencoded", form);
  g_clear_pointer (&page, g_bytes_unref);
  page = cl_test_api_send (post, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM scale_result WHERE scale_id = 'epds' AND source = 'link'"),
                   ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM patient_link WHERE item_id = '%s' AND spent_at > 0",
                          fixture->item_id), ==, 1);
  assert_item (fixture, "done", "reached");
  cl_test_server_stop (&server);
  g_unsetenv ("CARELINE_FOLLOWUP_RULES");
  g_assert_cmpuint (receiver_count (), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Before any thread: quiet hours are the server's local time. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  receiver_start ();

  g_test_add_func ("/gateway/config-rules", test_config_rules);

#define ADD(path, func) \
  g_test_add ("/gateway/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sent-signed", test_sent_signed);
  ADD ("retry-500", test_retry_500);
  ADD ("hang-timeout", test_hang_timeout);
  ADD ("slow", test_slow);
  ADD ("limit-failed", test_limit_failed);
  ADD ("client-error", test_client_error);
  ADD ("bad-secret", test_bad_secret);
  ADD ("quiet-hours", test_quiet_hours);
  ADD ("quiet-hours-off", test_quiet_hours_off);
  ADD ("no-gateway", test_no_gateway);
  ADD ("kill9", test_kill9);
  ADD ("callback", test_callback);
  ADD ("desks-cannot-push", test_desks_cannot_push);
  ADD ("cli", test_cli);
  ADD ("scale-link", test_scale_link);
#undef ADD

  return g_test_run ();
}
