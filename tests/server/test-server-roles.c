/* Who may do what on careline-server, over HTTP: the permission
 * table for every role and table, the endpoints' 401 and 403, the
 * roster search, documents, and the audit log of it all. */

#define G_LOG_DOMAIN "test-server-roles"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-tables.h"
#include "cl-test-server.h"
#include "cl-test-util.h"

static const char patient_data[] = "{\"name\":\"张小梅\",\"phone\":\"13800138000\"}";

/* What each role may write, as the README's permission table says. */
static gboolean
expected_write (const char *role,
                const char *table)
{
  static const struct { const char *table; const char *writers; } expected[] = {
    { "patient", "admin case_manager service_desk" },
    { "pregnancy", "admin case_manager" },
    { "risk_event", "admin case_manager" },
    { "staff", "admin" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_str_equal (expected[i].table, table))
      {
        g_auto(GStrv) writers = g_strsplit (expected[i].writers, " ", -1);
        return g_strv_contains ((const char * const *) writers, role);
      }
  /* Tables added by later issues: as the shared registry says. */
  return cl_tables_can_write (role, table);
}

static void
test_role_matrix_changes (void)
{
  const char * const *tables = cl_tables_list ();
  g_autofree char *patient_id = g_uuid_string_random ();
  g_autofree char *pregnancy_id = g_uuid_string_random ();
  g_autofree char *k = cl_test_new_key (), *k2 = cl_test_new_key ();
  g_autofree char *c = cl_test_change_json (k, "patient", patient_id, 0, "upsert", patient_data);
  g_autofree char *pregnancy = g_strdup_printf ("{\"patient_id\":\"%s\",\"lmp\":\"2026-08-01\","
                                                "\"status\":\"ongoing\",\"gravida\":1,\"para\":0,"
                                                "\"risk\":\"green\"}", patient_id);
  g_autofree char *c2 = cl_test_change_json (k2, "pregnancy", pregnancy_id, 0, "upsert", pregnancy);
  g_autoptr(JsonNode) h = NULL, h2 = NULL;

  cl_test_push_one (cl_test_token_of ("admin"), c, &h);
  g_assert_cmpstr (cl_test_status_of (cl_test_push_one (cl_test_token_of ("admin"), c2, &h2)), ==, "applied");

  for (guint r = 0; cl_test_roles[r]; r++)
    {
      const char *role = cl_test_roles[r];

      /* Valid records of the four base tables: applied or forbidden. */
      {
        struct { const char *table; char *data; } samples[] = {
          { "patient", g_strdup (patient_data) },
          { "pregnancy", g_strdup (pregnancy) },
          { "risk_event", g_strdup_printf ("{\"pregnancy_id\":\"%s\",\"date\":\"2026-11-01\",\"risk\":\"yellow\"}",
                                           pregnancy_id) },
          { "staff", g_strdup_printf ("{\"username\":\"s-%s\",\"display_name\":\"王医生\",\"role\":\"escort\"}", role) },
        };

        for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
          {
            g_autofree char *key = cl_test_new_key ();
            g_autofree char *id = g_uuid_string_random ();
            g_autofree char *change = cl_test_change_json (key, samples[s].table, id, 0, "upsert", samples[s].data);
            g_autoptr(JsonNode) holder = NULL;
            JsonObject *result = cl_test_push_one (cl_test_token_of (role), change, &holder);

            if (g_test_verbose ())
              g_test_message ("%s writes %s: %s %s", role, samples[s].table, cl_test_status_of (result),
                              cl_test_reason_of (result));
            if (expected_write (role, samples[s].table))
              g_assert_cmpstr (cl_test_status_of (result), ==, "applied");
            else
              {
                g_assert_cmpstr (cl_test_status_of (result), ==, "rejected");
                g_assert_cmpstr (cl_test_reason_of (result), ==, "forbidden");
              }
            g_free (samples[s].data);
          }
      }

      /* Every table, even ones whose rules this test does not know: a
       * role that may not write gets "forbidden", one that may never
       * does. */
      for (guint t = 0; tables[t]; t++)
        {
          g_autofree char *key = cl_test_new_key ();
          g_autofree char *id = g_uuid_string_random ();
          g_autofree char *change = cl_test_change_json (key, tables[t], id, 0, "upsert", "{}");
          g_autoptr(JsonNode) holder = NULL;
          JsonObject *result = cl_test_push_one (cl_test_token_of (role), change, &holder);

          if (expected_write (role, tables[t]))
            g_assert_cmpstr (cl_test_reason_of (result), !=, "forbidden");
          else
            g_assert_cmpstr (cl_test_reason_of (result), ==, "forbidden");
        }
    }
}

static void
test_role_matrix_endpoints (void)
{
  g_autoptr(GBytes) pdf = cl_test_small_pdf ("role matrix");
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *doc_path = g_strdup_printf ("/documents/%s", sha);
  static const char * const doc_writers[] = { "admin", "case_manager", "service_desk", NULL };
  static const char * const doc_readers[] = { "admin", "case_manager", "service_desk", NULL };
  static const char * const authed[] = {
    "GET /changes", "POST /changes", "GET /patients", "GET /documents", "PUT /documents",
    "GET /snapshot", "DELETE /session", NULL,
  };
  guint status;

  /* No token, a malformed one and an unknown one: 401 everywhere. */
  for (guint i = 0; authed[i]; i++)
    {
      const char *fake_tokens[] = { NULL, "abc", "0123456789012345678901234567890123456789012345678901234567890123" };

      for (guint f = 0; f < G_N_ELEMENTS (fake_tokens); f++)
        {
          g_auto(GStrv) parts = g_strsplit (authed[i], " ", 2);
          const char *path = g_str_equal (parts[1], "/documents") ? doc_path : parts[1];
          g_autoptr(JsonNode) answer = NULL;

          if (g_str_equal (parts[0], "PUT"))
            {
              g_autoptr(GBytes) reply = NULL;
              g_autoptr(SoupMessage) msg = cl_test_api_message (cl_test_shared_server (), "PUT", path, fake_tokens[f]);

              soup_message_set_request_body_from_bytes (msg, "application/pdf", pdf);
              reply = cl_test_api_send (msg, &status);
            }
          else
            answer = cl_test_request (parts[0], path, fake_tokens[f],
                                      g_str_equal (parts[0], "POST") ? "{\"changes\":[]}" : NULL, &status);
          g_assert_cmpuint (status, ==, 401);
        }
    }

  /* Health needs no one. */
  {
    g_autoptr(JsonNode) answer = cl_test_request ("GET", "/health", NULL, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
  }

  /* Upload once so the readers have something to read. */
  g_assert_cmpuint (cl_test_send_bytes ("PUT", doc_path, cl_test_token_of ("case_manager"), pdf, NULL), ==, 201);

  for (guint r = 0; cl_test_roles[r]; r++)
    {
      const char *token = cl_test_token_at (r);
      g_autoptr(JsonNode) a1 = NULL, a2 = NULL, a3 = NULL;

      a1 = cl_test_request ("GET", "/changes?limit=10", token, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      a2 = cl_test_request ("POST", "/changes", token, "{\"changes\":[]}", &status);
      g_assert_cmpuint (status, ==, 200);
      a3 = cl_test_request ("GET", "/patients?q=zxm&limit=5", token, NULL, &status);
      g_assert_cmpuint (status, ==, cl_tables_can_read (cl_test_roles[r], "patient") ? 200 : 403);

      status = cl_test_send_bytes ("GET", doc_path, token, NULL, NULL);
      g_assert_cmpuint (status, ==, g_strv_contains (doc_readers, cl_test_roles[r]) ? 200 : 403);
      /* Every role gets a snapshot of what it may read (test-snapshot
       * looks inside); no role may change one. */
      status = cl_test_send_bytes ("GET", "/snapshot", token, NULL, NULL);
      g_assert_cmpuint (status, ==, 200);
      status = cl_test_send_bytes ("PUT", "/snapshot", token, pdf, NULL);
      g_assert_cmpuint (status, ==, 405);
      status = cl_test_send_bytes ("PUT", doc_path, token, pdf, NULL);
      /* Already stored: 200 rather than 201. */
      g_assert_cmpuint (status, ==, g_strv_contains (doc_writers, cl_test_roles[r]) ? 200 : 403);
    }
}

static void
test_patients_search (void)
{
  const char *cm = cl_test_token_of ("case_manager");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *change = cl_test_change_json (key, "patient", id, 0, "upsert",
                                                 "{\"name\":\"单晓燕\",\"phone\":\"13912345678\"}");
  g_autoptr(JsonNode) holder = NULL, answer = NULL;
  JsonArray *patients;
  guint status;

  g_assert_cmpstr (cl_test_status_of (cl_test_push_one (cm, change, &holder)), ==, "applied");

  /* Pinyin with the surname's special reading, initials, last four. */
  {
    const char *queries[] = { "shan%20xiao%20yan", "sxy", "5678", "%E5%8D%95%E6%99%93" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autofree char *path = g_strdup_printf ("/patients?q=%s", queries[i]);
        gboolean found = FALSE;

        g_clear_pointer (&answer, json_node_unref);
        answer = cl_test_request ("GET", path, cm, NULL, &status);
        g_assert_cmpuint (status, ==, 200);
        patients = json_object_get_array_member (json_node_get_object (answer), "patients");
        for (guint p = 0; p < json_array_get_length (patients); p++)
          {
            JsonObject *row = json_array_get_object_element (patients, p);

            if (g_str_equal (json_object_get_string_member (row, "id"), id))
              {
                found = TRUE;
                g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "单晓燕");
                g_assert_cmpstr (json_object_get_string_member (row, "phone_masked"), ==, "139****5678");
              }
          }
        if (!found)
          g_error ("query %s did not find the patient", queries[i]);
      }
  }

  /* Bad limits. */
  {
    const char *bad[] = { "limit=0", "limit=-1", "limit=abc", "limit=99999", "limit=1e3" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *path = g_strdup_printf ("/patients?q=a&%s", bad[i]);

        g_clear_pointer (&answer, json_node_unref);
        answer = cl_test_request ("GET", path, cm, NULL, &status);
        g_assert_cmpuint (status, ==, 400);
      }
  }

  /* SQL in a search is just text that matches nothing. */
  g_clear_pointer (&answer, json_node_unref);
  answer = cl_test_request ("GET", "/patients?q=%27%3B%20DROP%20TABLE%20patient%3B--", cm, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_documents (void)
{
  const char *db_path = cl_test_shared_db ();
  const char *cm = cl_test_token_of ("case_manager");
  g_autoptr(GBytes) pdf = cl_test_small_pdf ("B-ultrasound report");
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *path = g_strdup_printf ("/documents/%s?patient=patient-42", sha);
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *audit = NULL;

  g_assert_cmpuint (cl_test_send_bytes ("GET", path, cm, NULL, NULL), ==, 404);
  g_assert_cmpuint (cl_test_send_bytes ("PUT", path, cm, pdf, NULL), ==, 201);
  g_assert_cmpuint (cl_test_send_bytes ("GET", path, cl_test_token_of ("service_desk"), NULL, &answer), ==, 200);
  g_assert_true (g_bytes_equal (answer, pdf));

  /* The wrong hash, not a PDF, empty, too big. */
  {
    g_autoptr(GBytes) other = cl_test_small_pdf ("another");
    g_autoptr(GBytes) text = g_bytes_new_static ("hello, not a pdf", 16);
    g_autofree char *text_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, text);
    g_autofree char *text_path = g_strdup_printf ("/documents/%s", text_sha);
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autofree char *empty_path = g_strdup_printf ("/documents/%s",
                                                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    gsize size = 51 * 1024 * 1024;
    g_autoptr(GBytes) huge = g_bytes_new_take (g_malloc0 (size), size);

    g_assert_cmpuint (cl_test_send_bytes ("PUT", path, cm, other, NULL), ==, 400);
    g_assert_cmpuint (cl_test_send_bytes ("PUT", text_path, cm, text, NULL), ==, 400);
    g_assert_cmpuint (cl_test_send_bytes ("PUT", empty_path, cm, empty, NULL), ==, 400);
    g_assert_cmpuint (cl_test_send_bytes ("PUT", text_path, cm, huge, NULL), ==, 413);
    g_assert_cmpuint (cl_test_send_bytes ("GET", text_path, cm, NULL, NULL), ==, 404);
  }

  /* Who opened her documents is on record. */
  g_assert_cmpint (cl_test_server_cli (NULL, &audit, "audit", "--db", db_path, "--patient", "patient-42", NULL), ==, 0);
  g_assert_nonnull (strstr (audit, "u-service_desk\tservice_desk\topen-document\tdocument"));
  g_assert_nonnull (strstr (audit, "u-case_manager\tcase_manager\tput-document\tdocument"));
  g_assert_nonnull (strstr (audit, sha));
}

static void
test_audit (void)
{
  const char *db_path = cl_test_shared_db ();
  g_autofree char *all = NULL;
  sqlite3 *handle = NULL;
  char *message = NULL;

  /* A forbidden change, and a forbidden call. */
  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *change = cl_test_change_json (key, "patient", "audit-target", 0, "upsert", patient_data);
    g_autoptr(JsonNode) holder = NULL, answer = NULL;
    guint status;

    g_assert_cmpstr (cl_test_reason_of (cl_test_push_one (cl_test_token_of ("escort"), change, &holder)), ==,
                     "forbidden");
    g_assert_cmpuint (cl_test_send_bytes ("GET",
                                          "/documents/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                          cl_test_token_of ("finance"), NULL, NULL), ==, 403);
    answer = cl_test_request ("GET", "/changes", NULL, NULL, &status);
  }

  /* A patient written and a wrong password, here rather than by the
   * tests before: the log's lines below must not depend on which tests
   * ran (-p /server/audit runs this one alone). */
  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *id = g_uuid_string_random ();
    g_autofree char *change = cl_test_change_json (key, "patient", id, 0, "upsert", patient_data);
    g_autoptr(JsonNode) holder = NULL, answer = NULL;
    guint status;

    g_assert_cmpstr (cl_test_status_of (cl_test_push_one (cl_test_token_of ("case_manager"), change, &holder)), ==,
                     "applied");
    answer = cl_test_request ("POST", "/session", NULL, "{\"username\":\"u-escort\",\"password\":\"nope\"}",
                              &status);
    g_assert_cmpuint (status, ==, 401);
  }

  g_assert_cmpint (cl_test_server_cli (NULL, &all, "audit", "--db", db_path, NULL), ==, 0);
  g_assert_nonnull (strstr (all, "u-escort\tescort\tupsert\tpatient\taudit-target\taudit-target\t403\tforbidden"));
  g_assert_nonnull (strstr (all, "u-finance\tfinance\tforbidden\t-\t-\t-\t403\tGET /api/v1/documents/"));
  g_assert_nonnull (strstr (all, "-\t-\tunauthorized\t-\t-\t-\t401\tGET /api/v1/changes"));
  g_assert_nonnull (strstr (all, "u-case_manager\tcase_manager\tupsert\tpatient\t"));
  g_assert_nonnull (strstr (all, "\tlogin\t-\t-\t-\t401\t"));
  g_assert_nonnull (strstr (all, "u-case_manager\tcase_manager\tupsert\tpatient\t"));
  /* Times are local ISO 8601. */
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d\\t", all,
                                       G_REGEX_MULTILINE, 0));

  /* The log cannot be edited, even by someone with the file. */
  g_assert_cmpint (sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE audit SET username = 'nobody'", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM audit", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  sqlite3_close (handle);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  cl_test_shared_server_init ("server-roles");

  g_test_add_func ("/server/roles/changes", test_role_matrix_changes);
  g_test_add_func ("/server/roles/endpoints", test_role_matrix_endpoints);
  g_test_add_func ("/server/patients", test_patients_search);
  g_test_add_func ("/server/documents", test_documents);
  g_test_add_func ("/server/audit", test_audit);

  ret = g_test_run ();

  cl_test_shared_server_finish ();
  return ret;
}
