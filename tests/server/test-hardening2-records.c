#define G_LOG_DOMAIN "test-hardening2-records"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cl-record-rules.h"
#include "cl-test-util.h"
#include "hardening2-common.h"

/* Values the forms refuse are refused by the server too, inside the
 * write transaction, at their field, in the desk's words
 * (cl-record-rules.h): money below 0 or above the desk's bound, instants
 * outside 2000–2100, overlong texts.  The server runs with
 * G_DEBUG=fatal-criticals, so a GLib critical on the way (what a
 * start_at of 1 used to log) fails the test by killing it. */

static const char *server_binary;

typedef struct
{
  const char *role;
  const char *table;
  const char *data;    /* members besides "id", as JSON text */
  const char *field;   /* where it is refused */
} Case;

#define LONG_NOTE_CHARS 4001

static const Case cases[] = {
  { "case_manager", "enrolment", "\"paid_fen\":-1", "paid_fen" },
  { "case_manager", "enrolment", "\"paid_fen\":1000000000000", "paid_fen" },
  { "case_manager", "enrolment", "\"paid_fen\":9223372036854775807", "paid_fen" },
  { "case_manager", "enrolment", "\"price_fen\":-298000", "price_fen" },
  { "case_manager", "enrolment", "\"refund_fen\":-5", "refund_fen" },
  { "finance", "deduction", "\"amount_fen\":-100", "amount_fen" },
  { "finance", "deduction", "\"amount_fen\":10000000000", "amount_fen" },
  { "admin", "package", "\"price_fen\":-1", "price_fen" },
  { "vip_steward", "vip_booking", "\"start_at\":1,\"end_at\":1801", "end_at" },
  { "vip_steward", "vip_booking", "\"start_at\":1,\"end_at\":1800000000", "start_at" },
  { "vip_steward", "vip_booking", "\"start_at\":9223372036854774006,\"end_at\":9223372036854775807", "end_at" },
  { "vip_steward", "vip_booking", "\"start_at\":1800000000,\"end_at\":9223372036854775807", "end_at" },
  { "case_manager", "escort_task", "\"start_at\":1,\"end_at\":1800003600", "start_at" },
  { "case_manager", "escort_task", "\"start_at\":1800000000,\"end_at\":1800003600,\"handover_at\":-7", "handover_at" },
  { "case_manager", "escort_task", "\"start_at\":4102444800,\"end_at\":4102448400", "end_at" },
  { "finance", "settlement_month", "\"closed_at\":5", "closed_at" },
  { "case_manager", "patient", "\"name\":\"王\",\"phone\":\"13800138000\",\"note\":\"%LONG%\"", "note" },
  { "case_manager", "vip_booking", "\"start_at\":1800000000,\"end_at\":1800001800,\"note\":\"%LONG%\"", "note" },
};

static char *
long_text (void)
{
  GString *text = g_string_new (NULL);

  /* Characters, not bytes: a Chinese note of 4 000 characters is fine. */
  for (int i = 0; i < LONG_NOTE_CHARS; i++)
    g_string_append (text, "注");
  return g_string_free (text, FALSE);
}

static JsonObject *
push (const char  *url,
      const char  *token,
      const char  *table,
      const char  *data,
      JsonNode   **holder)
{
  g_autofree char *changes = h2_api (url, "/changes");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *body = NULL;
  JsonArray *results;
  guint status;

  body = g_strdup_printf ("{\"changes\":[{\"key\":\"%s\",\"table\":\"%s\",\"id\":\"%s\",\"base_rev\":0,"
                          "\"op\":\"upsert\",\"data\":{\"id\":\"%s\",%s}}]}",
                          key, table, id, id, data);
  *holder = h2_request ("POST", changes, token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (*holder);
  results = json_object_get_array_member (json_node_get_object (*holder), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  return json_array_get_object_element (results, 0);
}

static void
test_out_of_range (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-hardening2-records");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *url = NULL, *long_note = long_text ();
  g_autoptr(GSubprocess) server = NULL;
  const char *roles[] = { "admin", "case_manager", "finance", "vip_steward", NULL };
  char *tokens[G_N_ELEMENTS (roles)] = { NULL };

  for (guint i = 0; roles[i]; i++)
    h2_add_user (server_binary, db, roles[i], roles[i]);
  g_setenv ("G_DEBUG", "fatal-criticals", TRUE);
  server = cl_test_start_server (server_binary, db, &url);
  g_unsetenv ("G_DEBUG");
  for (guint i = 0; roles[i]; i++)
    g_assert_cmpuint (h2_log_in (url, roles[i], H2_PASSWORD, &tokens[i]), ==, 200);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) data = g_string_new (cases[c].data);
      g_autoptr(JsonNode) holder = NULL;
      g_autofree char *prefix = g_strconcat (cases[c].field, ": ", NULL);
      const char *token = NULL;
      JsonObject *result;

      g_string_replace (data, "%LONG%", long_note, 0);
      for (guint i = 0; roles[i]; i++)
        if (g_str_equal (roles[i], cases[c].role))
          token = tokens[i];
      result = push (url, token, cases[c].table, data->str, &holder);
      g_test_message ("%s {%.80s}: %s %s", cases[c].table, cases[c].data,
                      json_object_get_string_member (result, "status"),
                      json_object_get_string_member_with_default (result, "message", ""));
      g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "rejected");
      g_assert_cmpstr (json_object_get_string_member (result, "reason"), ==, "invalid");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "message"), prefix));
      g_assert_true (h2_healthy (url));
    }

  /* Within bounds it goes through: the rules refuse nothing a desk
   * would write.  The task is one a desk's form would take (a patient,
   * a kind, within working hours), on the range's last days. */
  {
    g_autoptr(JsonNode) holder = NULL;
    g_autoptr(JsonNode) patient_holder = NULL;
    g_autofree char *note = g_utf8_substring (long_note, 0, LONG_NOTE_CHARS - 1);
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();
    g_autoptr(GDateTime) start = g_date_time_new (local, 2099, 12, 30, 16, 30, 0);
    g_autofree char *data = NULL;
    JsonObject *result, *patient;
    const char *patient_id;

    patient = push (url, tokens[0], "patient", "\"name\":\"王\",\"phone\":\"13800138000\"", &patient_holder);
    g_assert_cmpstr (json_object_get_string_member (patient, "status"), ==, "applied");
    patient_id = json_object_get_string_member (json_object_get_object_member (patient, "current"), "id");
    g_assert_cmpint (g_date_time_to_unix (start) + 3600, <, CL_INSTANT_MAX);
    data = g_strdup_printf ("\"patient_id\":\"%s\",\"kind\":\"examination\",\"status\":\"planned\","
                            "\"start_at\":%" G_GINT64_FORMAT ",\"end_at\":%" G_GINT64_FORMAT ",\"note\":\"%s\"",
                            patient_id, g_date_time_to_unix (start), g_date_time_to_unix (start) + 3600, note);
    result = push (url, tokens[1], "escort_task", data, &holder);

    g_test_message ("escort_task in bounds: %s %s", json_object_get_string_member (result, "status"),
                    json_object_get_string_member_with_default (result, "message", ""));
    g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
  }

  for (guint i = 0; roles[i]; i++)
    g_free (tokens[i]);
  cl_test_stop_server (&server);
  cl_test_remove_tree (dir);
}

/* The core rules themselves, as the desk's forms see them. */
static void
test_rules (void)
{
  g_autofree char *negative = cl_record_rules_money_message (-1);
  g_autofree char *big = cl_record_rules_money_message (G_GINT64_CONSTANT (1000000000000));
  g_autofree char *fine = cl_record_rules_money_message (298000);
  g_autofree char *early = cl_record_rules_instant_message (1);
  g_autofree char *late = cl_record_rules_instant_message (G_MAXINT64 - 1801);
  g_autofree char *now = cl_record_rules_instant_message (1800000000);

  g_assert_nonnull (negative);
  g_assert_nonnull (big);
  g_assert_null (fine);
  g_assert_nonnull (early);
  g_assert_nonnull (late);
  g_assert_null (now);
  g_assert_cmpuint (cl_record_rules_text_limit ("note"), >, cl_record_rules_text_limit ("name"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hardening2/records/rules", test_rules);
  server_binary = cl_test_server_binary ();
  if (server_binary != NULL)
    g_test_add_func ("/hardening2/records/out-of-range", test_out_of_range);
  return g_test_run ();
}
