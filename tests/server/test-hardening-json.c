/* Hostile JSON against the real server (README, "Reliability"): deep
 * nesting hidden from a bracket count by a comment or a '…' string,
 * text that is not UTF-8 or holds a lone surrogate or a NUL, and
 * numbers beyond gint64.  The server answers 400 (or refuses the field
 * as invalid), stores nothing of it and stays up. */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "hardening-util.h"

static HServer *server;
static char *cm_token;

static gint64
db_int (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (server->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static GString *
nested (const char *prefix,
        gsize       depth)
{
  GString *text = g_string_new (prefix);

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return text;
}

static void
test_hidden_nesting (void)
{
  /* What json-glib skips: a comment holding a quote, a '…' string
   * holding one, and plain nesting. */
  const char *session_prefixes[] = {
    "{\"username\":\"cm\" /* \" */, \"password\":",
    "{\"username\":'\"', \"password\":",
    "{\"username\":\"cm\",\"password\":",
  };
  const char *changes_prefixes[] = {
    "{\"changes\":[] /* \" */, \"x\":",
    "{\"changes\":'\"', \"x\":",
    "{\"changes\":",
  };

  for (gsize depth = 1000; depth <= 100000; depth *= 10)
    for (guint p = 0; p < G_N_ELEMENTS (session_prefixes); p++)
      {
        g_autoptr(GString) login = nested (session_prefixes[p], depth);
        g_autoptr(GString) push = nested (changes_prefixes[p], depth);
        g_autoptr(JsonNode) a1 = NULL, a2 = NULL;
        guint status;

        /* Before log-in.  A log-in body is at most 64 KiB: the deepest
         * is refused for its size, from the headers. */
        status = h_request (server, "POST", "/session", NULL, login->str, login->len, &a1);
        if (login->len <= 64 * 1024)
          {
            g_assert_cmpuint (status, ==, 400);
            g_assert_cmpstr (h_error_code (a1), ==, "bad_json");
          }
        else
          g_assert_cmpuint (status, ==, 413);

        status = h_request (server, "POST", "/changes", cm_token, push->str, push->len, &a2);
        g_assert_cmpuint (status, ==, 400);
        g_assert_cmpstr (h_error_code (a2), ==, "bad_json");
        g_assert_true (h_health_ok (server));
      }
}

static void
assert_bad_text (const char *body,
                 const char *token,
                 const char *path,
                 const char *part)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = h_request (server, "POST", path, token, body, strlen (body), &answer);

  if (status != 400)
    g_error ("%s: %u", body, status);
  g_assert_cmpstr (h_error_code (answer), ==, "bad_json");
  if (strstr (h_error_message (answer), part) == NULL)
    g_error ("%s: “%s” does not say “%s”", body, h_error_message (answer), part);
}

static void
test_bad_strings (void)
{
  gint64 patients = db_int ("SELECT count(*) FROM patient");
  struct { const char *text; const char *part; } bad[] = {
    { "\xff\xfe", "UTF-8" },
    { "\xc3(", "UTF-8" },
    { "\xed\xa0\x80", "UTF-8" },
    { "\\ud800", "surrogate" },
    { "\\udfff", "surrogate" },
    { "\\ud800\\u0041", "surrogate" },
    { "a\\u0000b", "NUL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *login = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"x\"}", bad[i].text);
      g_autofree char *push =
        g_strdup_printf ("{\"changes\":[{\"key\":\"k-%u\",\"table\":\"patient\",\"id\":\"bad-%u\","
                         "\"base_rev\":0,\"op\":\"upsert\",\"data\":{\"name\":\"%s\",\"phone\":\"13800138000\"}}]}",
                         i, i, bad[i].text);

      assert_bad_text (login, NULL, "/session", bad[i].part);
      assert_bad_text (push, cm_token, "/changes", bad[i].part);
    }
  g_assert_cmpint (db_int ("SELECT count(*) FROM patient"), ==, patients);

  /* A surrogate pair is a character like any other. */
  {
    const char *body = "{\"username\":\"\\ud83d\\ude00\",\"password\":\"x\"}";
    g_autoptr(JsonNode) answer = NULL;

    g_assert_cmpuint (h_request (server, "POST", "/session", NULL, body, strlen (body), &answer), ==, 401);
  }
  g_assert_true (h_health_ok (server));
}

/* An integer field given a number beyond gint64 (or not an integer) is
 * invalid at that field; it is never stored wrapped. */
static void
test_wide_numbers (void)
{
  const char *numbers[] = {
    "9223372036854775808", "-9223372036854775809", "18446744073709551616",
    "99999999999999999999999999", "1e3", "1.5", "1e400",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *id = g_strdup_printf ("c2000000-0000-4000-8000-00000000000%u", i);
      g_autofree char *body =
        g_strdup_printf ("{\"changes\":[{\"key\":\"wide-%u\",\"table\":\"enrolment\",\"id\":\"%s\","
                         "\"base_rev\":0,\"op\":\"upsert\",\"data\":{\"patient_id\":\"p-wide\","
                         "\"package_id\":\"whole\",\"price_fen\":298000,\"agreement_date\":\"2026-08-05\","
                         "\"explained_by\":\"王护士\",\"paid_date\":\"2026-08-05\",\"paid_fen\":%s,"
                         "\"receipt_no\":\"FP-%u\",\"status\":\"active\"}}]}",
                         i, id, numbers[i], i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM enrolment WHERE id = '%s'", id);
      g_autoptr(JsonNode) answer = NULL;
      JsonObject *result;
      guint status = h_request (server, "POST", "/changes", cm_token, body, strlen (body), &answer);

      g_assert_cmpuint (status, ==, 200);
      result = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer),
                                                                            "results"), 0);
      if (g_strcmp0 (json_object_get_string_member_with_default (result, "reason", NULL), "invalid") != 0)
        g_error ("paid_fen %s was %s", numbers[i], json_object_get_string_member (result, "status"));
      g_assert_nonnull (strstr (json_object_get_string_member (result, "message"), "paid_fen"));
      g_assert_cmpint (db_int (sql), ==, 0);
    }
  g_assert_cmpint (db_int ("SELECT count(*) FROM enrolment WHERE paid_fen < 0"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CARELINE_SERVER") == NULL)
    g_error ("set CARELINE_SERVER to the careline-server binary");
  server = h_server_start (NULL, FALSE);
  cm_token = h_login (server, "cm", "pw-cm");

  g_test_add_func ("/hardening/json/hidden-nesting", test_hidden_nesting);
  g_test_add_func ("/hardening/json/bad-strings", test_bad_strings);
  g_test_add_func ("/hardening/json/wide-numbers", test_wide_numbers);

  ret = g_test_run ();
  g_free (cm_token);
  h_server_stop (server);
  return ret;
}
