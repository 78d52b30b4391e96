/* GET /patients of the real careline-server, checked against the store
 * file itself: each page holds the first matches in roster order with
 * the fields of their roster rows, "total" counts all matches, and this
 * stays true while other desks add patients and several clients search
 * at once, and a patient pushed is found by the next search.  Also the JSON string escape the server writes pages with. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-date.h"
#include "cl-patient.h"
#include "cl-phone.h"
#include "cl-sync-server.h"
#include "cl-test-util.h"

#define N_DEMO     300
#define N_ADDED    40
#define N_CLIENTS  4
#define N_SEARCHES 40

static const char *server_binary;
static char *tmp_dir;
static char *db_path;
static GSubprocess *server;
static char *server_url;
static char *token;

static const char * const queries[] = { "", "zh", "z", "l", "13", "李", "张", "wang", "qqqq", NULL };

static char *login (const char *username,
                    const char *password);

/* @bytes (not NUL-terminated) as JSON. */
static JsonNode *
parse (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* @method /api/v1@path on @session, with the session @bearer (NULL:
 * none) and the JSON @body (NULL: none); returns the answer's body and
 * sets @status. */
static GBytes *
send_request (SoupSession *session,
              const char  *method,
              const char  *path,
              const char  *bearer,
              const char  *body,
              guint       *status)
{
  g_autofree char *url = g_strdup_printf ("%sapi/v1%s", server_url, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *answer;

  if (bearer)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", bearer);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  return answer;
}

/* The server's answer to /patients?q=@query&limit=@limit. */
static JsonNode *
search (SoupSession *session,
        const char  *query,
        guint        limit)
{
  g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/patients?q=%s&limit=%u", escaped, limit);
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = send_request (session, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return parse (body);
}

/* Flagged patients (a stored flag, or aged 70+ on the day ?3) sort
 * first in a search; ?3 is NULL for no search. */
#define GROUP_KEY \
  "CASE WHEN ?3 IS NOT NULL AND (r.priority <> '' OR (r.birth_date > '' AND r.birth_date <= ?3))" \
  " THEN '0' ELSE '1' END"

/* The roster rows matching @query (a prefix of a search key, as the
 * roster's search has it for one term), by sort key: read from the
 * store with plain SQL, as "patient_id\tsort_key" strings. */
static GPtrArray *
expected_rows (sqlite3    *db,
               const char *query)
{
  g_autofree char *upper = g_strconcat (query, "\xf4\x8f\xbf\xbf", NULL);
  g_autofree char *cutoff = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  GDate today;

  /* A search lists the flagged patients first, by name in each group
   * (a query "" is no search: by name alone). */
  cl_date_today (&today);
  cutoff = cl_patient_aged_birth_cutoff (&today);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT patient_id, " GROUP_KEY " || hex(sort_key) AS k FROM roster r"
                                       " WHERE ?1 = '' OR r.patient_rowid IN"
                                       "  (SELECT patient_rowid FROM search_key WHERE key >= ?1 AND key < ?2)"
                                       " ORDER BY k", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, *query ? cutoff : NULL, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup_printf ("%s\t%s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return rows;
}

/* Checks one answer's row against the store's roster row; returns its
 * sort key (hex). */
static char *
check_row (sqlite3    *db,
           JsonObject *row,
           gboolean    searched)
{
  sqlite3_stmt *stmt;
  const char *phone, *birth, *edd, *risk;
  g_autofree char *masked = NULL;
  char *sort_key;
  GDate today, birth_date;

  g_autofree char *cutoff = NULL;

  cl_date_today (&today);
  cutoff = cl_patient_aged_birth_cutoff (&today);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name, phone, birth_date, edd, risk, " GROUP_KEY " || hex(sort_key),"
                                       " priority"
                                       " FROM roster r WHERE patient_id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json_object_get_string_member (row, "id"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, searched ? cutoff : NULL, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, (const char *) sqlite3_column_text (stmt, 0));
  phone = (const char *) sqlite3_column_text (stmt, 1);
  masked = phone ? cl_phone_mask (phone) : NULL;
  g_assert_cmpstr (json_object_get_string_member (row, "phone_masked"), ==, masked);

  birth = (const char *) sqlite3_column_text (stmt, 2);
  if (birth && cl_date_parse (birth, &birth_date, NULL) && cl_date_age_years (&birth_date, &today) >= 0)
    g_assert_cmpint (json_object_get_int_member (row, "age"), ==, cl_date_age_years (&birth_date, &today));
  else
    g_assert_true (json_object_get_null_member (row, "age"));

  edd = (const char *) sqlite3_column_text (stmt, 3);
  risk = (const char *) sqlite3_column_text (stmt, 4);
  if (edd && *edd)
    g_assert_cmpstr (json_object_get_string_member (row, "edd"), ==, edd);
  else
    g_assert_true (json_object_get_null_member (row, "edd"));
  if (risk && *risk)
    g_assert_cmpstr (json_object_get_string_member (row, "risk"), ==, risk);
  else
    g_assert_true (json_object_get_null_member (row, "risk"));

  /* Her flags today: the stored ones and aged 70+. */
  {
    g_autofree char *flags = cl_patient_effective_flags ((const char *) sqlite3_column_text (stmt, 6),
                                                         birth, &today);

    if (*flags)
      g_assert_cmpstr (json_object_get_string_member (row, "flags"), ==, flags);
    else
      g_assert_true (json_object_get_null_member (row, "flags"));
  }

  sort_key = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  sqlite3_finalize (stmt);
  return sort_key;
}

/* Checks a whole answer: its "total" is @expected's length (when
 * @exact) or at least its length; its rows are the first @limit of
 * @expected (flagged first in a search, then by sort key: rows with
 * equal keys may come in any order)
 * with the fields of their roster rows. */
static void
check_answer (sqlite3    *db,
              const char *query,
              JsonNode   *answer,
              GPtrArray  *expected,
              guint       limit,
              gboolean    exact)
{
  JsonObject *object = json_node_get_object (answer);
  JsonArray *patients = json_object_get_array_member (object, "patients");
  gint64 total = json_object_get_int_member (object, "total");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *previous = NULL;
  guint n = json_array_get_length (patients);

  if (exact)
    g_assert_cmpint (total, ==, expected->len);
  else
    g_assert_cmpint (total, <=, expected->len);
  g_assert_cmpuint (n, ==, MIN ((guint) total, limit));

  for (guint i = 0; i < expected->len; i++)
    {
      char *row = g_ptr_array_index (expected, i);
      char *tab = strchr (row, '\t');

      /* "id\tsort_key" becomes "id\0sort_key". */
      *tab = '\0';
      g_hash_table_insert (ids, row, tab + 1);
    }
  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_array_get_object_element (patients, i);
      g_autofree char *sort_key = check_row (db, row, *query != '\0');

      /* A match of the query, in sort key order, and (when the store
       * holds still) in the place its sort key says. */
      g_assert_nonnull (g_hash_table_lookup (ids, json_object_get_string_member (row, "id")));
      if (exact)
        g_assert_cmpstr (sort_key, ==, strchr (g_ptr_array_index (expected, i), '\0') + 1);
      if (previous)
        g_assert_cmpint (strcmp (previous, sort_key), <=, 0);
      g_free (previous);
      previous = g_steal_pointer (&sort_key);
    }
}

static sqlite3 *
open_db (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static void
test_pages (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  sqlite3 *db = open_db ();

  for (guint q = 0; queries[q]; q++)
    {
      const guint limits[] = { 1, 7, 50, 500 };

      for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
        {
          g_autoptr(JsonNode) answer = search (session, queries[q], limits[l]);
          g_autoptr(GPtrArray) expected = expected_rows (db, queries[q]);

          g_test_message ("q=%s limit=%u: %u matches", queries[q], limits[l], expected->len);
          check_answer (db, queries[q], answer, expected, limits[l], TRUE);
        }
    }
  sqlite3_close (db);
}

/* One client searching over and over while patients are added. */
static gpointer
client_thread (gpointer data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  GRand *rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  sqlite3 *db = open_db ();

  for (guint i = 0; i < N_SEARCHES; i++)
    {
      const char *query = queries[g_rand_int_range (rand, 0, G_N_ELEMENTS (queries) - 1)];
      guint limit = g_rand_int_range (rand, 1, 60);
      g_autoptr(JsonNode) answer = search (session, query, limit);
      /* Read after the answer: the store can only have more rows. */
      g_autoptr(GPtrArray) expected = expected_rows (db, query);

      check_answer (db, query, answer, expected, limit, FALSE);
    }
  sqlite3_close (db);
  g_rand_free (rand);
  return NULL;
}

/* Pushes a new patient 章… with the phone 139 + @i in 8 digits; returns
 * her id. */
static char *
add_patient (SoupSession *session,
             guint        i)
{
  static const char * const given[] = { "晓燕", "丽", "美玲", "秀英", "婷" };
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *body =
    g_strdup_printf ("{\"changes\":[{\"key\":\"%s\",\"table\":\"patient\",\"id\":\"%s\",\"base_rev\":0,"
                     "\"op\":\"upsert\",\"data\":{\"name\":\"章%s\",\"phone\":\"139%08u\","
                     "\"birth_date\":\"1990-0%u-15\"}}]}",
                     key, id, given[i % G_N_ELEMENTS (given)], i, 1 + i % 9);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *results;
  guint status;

  answer = send_request (session, "POST", "/changes", token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  node = parse (answer);
  results = json_object_get_array_member (json_node_get_object (node), "results");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "status"),
                   ==, "applied");
  return g_steal_pointer (&id);
}

static void
test_concurrent (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  GThread *clients[N_CLIENTS];
  gint64 deadline;
  sqlite3 *db;

  for (guint c = 0; c < N_CLIENTS; c++)
    clients[c] = g_thread_new ("client", client_thread, GUINT_TO_POINTER (c + 1));
  for (guint i = 0; i < N_ADDED; i++)
    g_free (add_patient (session, i));
  for (guint c = 0; c < N_CLIENTS; c++)
    g_thread_join (clients[c]);

  /* The server's roster follows the store as soon as it has heard of
   * the changes; then every answer is exact again. */
  db = open_db ();
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(JsonNode) answer = search (session, "zh", 5);
      g_autoptr(GPtrArray) expected = expected_rows (db, "zh");

      if (json_object_get_int_member (json_node_get_object (answer), "total") == expected->len)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50000);
    }
  for (guint q = 0; queries[q]; q++)
    {
      g_autoptr(JsonNode) answer = search (session, queries[q], 100);
      g_autoptr(GPtrArray) expected = expected_rows (db, queries[q]);

      check_answer (db, queries[q], answer, expected, 100, TRUE);
    }
  sqlite3_close (db);
}

/* One request on a plain kept-alive socket, written at once, its answer
 * read to the end (Content-Length): no HTTP library between the two
 * requests of a test that is about what comes right after a write. */
static JsonNode *
raw_request (GSocketConnection *connection,
             GDataInputStream  *in,
             const char        *method,
             const char        *path,
             const char        *body)
{
  g_autofree char *request =
    g_strdup_printf ("%s /api/v1%s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                     method, path, token, body ? strlen (body) : 0, body ? body : "");
  g_autoptr(GError) error = NULL;
  g_autofree char *status_line = NULL;
  g_autofree char *answer = NULL;
  gsize length = 0;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
  status_line = g_data_input_stream_read_line (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (status_line, "HTTP/1.1 200"));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_strchomp (line);
      if (*line == '\0')
        break;
      if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        length = g_ascii_strtoull (line + 15, NULL, 10);
    }
  answer = g_malloc0 (length + 1);
  g_input_stream_read_all (G_INPUT_STREAM (in), answer, length, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    JsonNode *node = json_from_string (answer, &error);

    g_assert_no_error (error);
    return node;
  }
}

/* A patient pushed is found by the very next search on the same
 * connection: the roster follows the store's commits at once, not when
 * the store's "changed" signal reaches the server's main context (about
 * one search in ten missed it before). */
static void
test_read_your_writes (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GUri) uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;

  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri),
                                                NULL, &error);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *key = g_uuid_string_random ();
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *push =
        g_strdup_printf ("{\"changes\":[{\"key\":\"%s\",\"table\":\"patient\",\"id\":\"%s\","
                         "\"base_rev\":0,\"op\":\"upsert\",\"data\":{\"name\":\"章丽\","
                         "\"phone\":\"1370000%04u\"}}]}", key, id, 7000 + i);
      g_autofree char *path = g_strdup_printf ("/patients?q=%04u&limit=500", 7000 + i);
      g_autoptr(JsonNode) pushed = raw_request (connection, in, "POST", "/changes", push);
      g_autoptr(JsonNode) answer = raw_request (connection, in, "GET", path, NULL);
      JsonArray *patients = json_object_get_array_member (json_node_get_object (answer), "patients");
      gboolean found = FALSE;

      for (guint p = 0; p < json_array_get_length (patients) && !found; p++)
        found = g_str_equal (json_object_get_string_member (json_array_get_object_element (patients, p), "id"), id);
      if (!found)
        g_error ("search %u did not find the patient just pushed", i);
    }
}

/* The status of @method @path with @bearer on @session (one kept-alive
 * connection: one thread of the server, its cached statements and read
 * transactions). */
static guint
status_of (SoupSession *session,
           const char  *method,
           const char  *path,
           const char  *bearer)
{
  g_autoptr(GBytes) answer = NULL;
  guint status;

  answer = send_request (session, method, path, bearer, NULL, &status);
  return status;
}

/* Logging out and disabling the account end a session at once for
 * /patients too (its session check shares a read transaction with the
 * page: each request's own). */
static void
test_session_ends (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *second = login ("cm", "pw-cm");
  g_autofree char *temp = NULL;

  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (status_of (session, "GET", "/patients?q=zh", second), ==, 200);
  g_assert_cmpuint (status_of (session, "DELETE", "/session", second), ==, 204);
  g_assert_cmpuint (status_of (session, "GET", "/patients?q=zh", second), ==, 401);
  /* The other session of the same account goes on. */
  g_assert_cmpuint (status_of (session, "GET", "/patients?q=zh", token), ==, 200);

  g_assert_cmpint (cl_test_run_server_cli (server_binary, "pw-temp\n", "user", "add", "temp",
                                           "--role", "case_manager", "--db", db_path, NULL), ==, 0);
  temp = login ("temp", "pw-temp");
  g_assert_cmpuint (status_of (session, "GET", "/patients?q=zh", temp), ==, 200);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, NULL, "user", "disable", "temp",
                                           "--db", db_path, NULL), ==, 0);
  g_assert_cmpuint (status_of (session, "GET", "/patients?q=zh", temp), ==, 401);
  g_assert_cmpuint (status_of (session, "GET", "/patients?q=zh", token), ==, 200);
}

/* The escape is JSON that reads back as the same text. */
static void
test_json_string (void)
{
  const char *texts[] = {
    "", "plain", "王小美", "quote \" and backslash \\", "tab\tnew\nline\rcr\bbs\fff",
    "\x01\x1f\x7f control", "</script>", "emoji \xf0\x9f\x98\x80",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      cl_sync_server_append_json_string (out, texts[i]);
      node = json_from_string (out->str, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_node_get_string (node), ==, texts[i]);
      for (const char *p = out->str; *p; p++)
        g_assert_cmpint ((guchar) *p, >=, 0x20);
    }

  /* NULL is null; bytes that are not UTF-8 become U+FFFD. */
  {
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(GError) error = NULL;

    cl_sync_server_append_json_string (out, NULL);
    g_assert_cmpstr (out->str, ==, "null");
    g_string_truncate (out, 0);
    cl_sync_server_append_json_string (out, "a\xff" "b");
    g_assert_true (g_utf8_validate (out->str, -1, NULL));
    node = json_from_string (out->str, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_node_get_string (node), ==, "a\xef\xbf\xbd" "b");
  }
}

static char *
login (const char *username,
       const char *password)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}",
                                           username, password);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status;

  answer = send_request (session, "POST", "/session", NULL, body, &status);
  g_assert_cmpuint (status, ==, 200);
  node = parse (answer);
  return g_strdup (json_object_get_string_member (json_node_get_object (node), "token"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *n_demo = g_strdup_printf ("%d", N_DEMO);
  int ret;

  g_test_init (&argc, &argv, NULL);

  server_binary = g_getenv ("CARELINE_SERVER");
  if (server_binary == NULL)
    g_error ("set CARELINE_SERVER to the careline-server binary");

  tmp_dir = cl_test_make_tmp_dir ("server-patients");
  db_path = g_build_filename (tmp_dir, "careline.db", NULL);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, NULL, "demo-data", "--db", db_path,
                                           "--patients", n_demo, NULL), ==, 0);
  g_assert_cmpint (cl_test_run_server_cli (server_binary, "pw-cm\n", "user", "add", "cm",
                                           "--role", "case_manager", "--db", db_path, NULL), ==, 0);
  server = cl_test_start_server (server_binary, db_path, &server_url);
  token = login ("cm", "pw-cm");

  g_test_add_func ("/server-patients/json-string", test_json_string);
  g_test_add_func ("/server-patients/pages", test_pages);
  g_test_add_func ("/server-patients/concurrent", test_concurrent);
  g_test_add_func ("/server-patients/session-ends", test_session_ends);
  g_test_add_func ("/server-patients/read-your-writes", test_read_your_writes);

  ret = g_test_run ();

  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  g_clear_object (&server);
  g_free (server_url);
  g_free (token);
  cl_test_remove_tree (tmp_dir);
  g_free (db_path);
  g_free (tmp_dir);
  return ret;
}
