/* A patient's link on the real careline-server over HTTP: issued by the
 * desks' roles that may, the page at /p/TOKEN in Chinese and English
 * with nothing of her but her given name, an incomplete answer sent
 * back with nothing stored, a complete one stored as a scale_result the
 * desks pull (and the urgent item for a flagged answer), the link spent
 * (410), expired (410), forged (404), two tabs keeping one answer, the
 * limits per link and per address (429), and the audit lines. */

#define G_LOG_DOMAIN "test-patient-link"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cl-scale-record.h"
#include "cl-scale-result.h"
#include "cl-test-server.h"
#include "cl-test-util.h"

/* Low enough to reach in a test, high enough for the other tests' few
 * requests per link; the address limit is the second server's. */
#define PER_TOKEN 8

static char *patient_id;
static char *case_manager_staff_id;

/* A patient with a case manager and a pregnancy, pushed by the admin. */
static char *
new_patient (const char *name,
             const char *phone)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *pregnancy_id = g_uuid_string_random ();
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *key2 = cl_test_new_key ();
  g_autofree char *data = g_strdup_printf ("{\"name\":\"%s\",\"phone\":\"%s\",\"case_manager_id\":\"%s\"}",
                                           name, phone, case_manager_staff_id);
  g_autofree char *pregnancy = g_strdup_printf ("{\"patient_id\":\"%s\",\"lmp\":\"2026-04-01\","
                                                "\"status\":\"ongoing\",\"gravida\":1,\"para\":0,"
                                                "\"risk\":\"green\"}", id);
  g_autofree char *change = cl_test_change_json (key, "patient", id, 0, "upsert", data);
  g_autofree char *change2 = cl_test_change_json (key2, "pregnancy", pregnancy_id, 0, "upsert", pregnancy);
  g_autoptr(JsonNode) holder = NULL, holder2 = NULL;

  g_assert_cmpstr (cl_test_status_of (cl_test_push_one (cl_test_token_of ("admin"), change, &holder)), ==, "applied");
  g_assert_cmpstr (cl_test_status_of (cl_test_push_one (cl_test_token_of ("admin"), change2, &holder2)), ==, "applied");
  return g_steal_pointer (&id);
}

/* POST /patient-links as @role; the status, and the answer. */
static JsonNode *
issue_on (CLTestServer *server,
          const char   *token,
          const char   *patient,
          const char   *form,
          guint        *status)
{
  g_autofree char *body = g_strdup_printf ("{\"patient_id\":\"%s\",\"form\":\"%s\"}", patient, form);

  return cl_test_api_request (server, "POST", "/patient-links", token, body, status);
}

/* A new link's address for @patient, issued by the case manager. */
static char *
issue_url (const char *patient)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = issue_on (cl_test_shared_server (), cl_test_token_of ("case_manager"), patient, "epds", &status);
  g_assert_cmpuint (status, ==, 201);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "url"));
}

/* The page at @url: @method, with Accept-Language @lang (may be NULL)
 * and, for a POST, the form @form.  Returns the body as text. */
static char *
fetch (const char          *url,
       const char          *method,
       const char          *lang,
       const char          *form,
       guint               *status,
       SoupMessageHeaders **headers)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) body = NULL;
  gsize size;
  const char *data;

  g_assert_nonnull (msg);
  if (lang)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept-Language", lang);
  if (form)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", bytes);
    }
  body = cl_test_api_send (msg, status);
  if (headers)
    *headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  data = g_bytes_get_data (body, &size);
  return g_strndup (data, size);
}

/* A whole EPDS as a form; @item10 is the position of item 10's answer
 * (0, "Yes, quite often", flags self-harm; 3, "Never", does not). */
static char *
epds_form (guint item10)
{
  return g_strdup_printf ("q1=1&q2=1&q3=1&q4=1&q5=1&q6=1&q7=1&q8=1&q9=1&q10=%u", item10);
}

static gint64
count (const char *sql_format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, sql_format);
  sql = g_strdup_vprintf (sql_format, args);
  va_end (args);
  return cl_test_db_count (cl_test_shared_db (), sql);
}

static char *
audit_text (void)
{
  char *out = NULL;

  g_assert_cmpint (cl_test_server_cli (NULL, &out, "audit", "--db", cl_test_shared_db (), NULL), ==, 0);
  return out;
}

static void
test_issue (void)
{
  CLTestServer *server = cl_test_shared_server ();
  g_autofree char *base = g_strconcat (server->url, "p/", NULL);

  for (guint i = 0; cl_test_roles[i]; i++)
    {
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;
      gboolean may = g_str_equal (cl_test_roles[i], "admin") || g_str_equal (cl_test_roles[i], "case_manager");

      answer = issue_on (server, cl_test_token_at (i), patient_id, "epds", &status);
      g_assert_cmpuint (status, ==, may ? 201 : 403);
      if (may)
        {
          JsonObject *object = json_node_get_object (answer);
          const char *url = json_object_get_string_member (object, "url");
          gint64 expires = json_object_get_int_member (object, "expires_at");
          gint64 now = g_get_real_time () / G_USEC_PER_SEC;

          /* No --public-url: the address the desk used. */
          g_assert_true (g_str_has_prefix (url, base));
          /* 256 bits, URL-safe base64. */
          g_assert_cmpuint (strlen (url + strlen (base)), ==, 43);
          g_assert_cmpint (expires, >=, now + 7 * 24 * 3600 - 60);
          g_assert_cmpint (expires, <=, now + 7 * 24 * 3600 + 60);
        }
    }

  {
    g_autoptr(JsonNode) a = NULL, b = NULL, c = NULL;
    guint status = 0;

    a = issue_on (server, cl_test_token_of ("admin"), "no-such-patient", "epds", &status);
    g_assert_cmpuint (status, ==, 422);
    b = issue_on (server, cl_test_token_of ("admin"), patient_id, "no-such-scale", &status);
    g_assert_cmpuint (status, ==, 422);
    c = issue_on (server, NULL, patient_id, "epds", &status);
    g_assert_cmpuint (status, ==, 401);
  }

  /* Only hashes are kept: no stored column holds a token. */
  g_assert_cmpint (count ("SELECT count(*) FROM patient_link WHERE patient_id = '%s'", patient_id), ==, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM patient_link WHERE length(token_hash) = 64"
                          " AND token_hash GLOB '[0-9a-f]*'"), ==, count ("SELECT count(*) FROM patient_link"));

  {
    g_autofree char *audit = audit_text ();

    cl_test_assert_contains (audit, "u-case_manager\tcase_manager\tissue-link\tpatient_link");
    cl_test_assert_contains (audit, "u-escort\tescort\tforbidden");
  }
}

static void
test_page (void)
{
  g_autofree char *url = issue_url (patient_id);
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autofree char *zh_en = NULL;
  guint status = 0;

  zh = fetch (url, "GET", NULL, NULL, &status, &headers);
  g_assert_cmpuint (status, ==, 200);
  cl_test_assert_contains (zh, "<html lang=\"zh-CN\">");
  /* Her given name, greeted in Chinese (the page's own catalog, on a
   * server running in C.UTF-8). */
  cl_test_assert_contains (zh, "小梅，您好");
  g_assert_null (strstr (zh, "张小梅"));
  g_assert_null (strstr (zh, "13800138000"));
  g_assert_null (strstr (zh, "8000"));
  cl_test_assert_contains (zh, "爱丁堡产后抑郁量表");
  cl_test_assert_contains (zh, "我能看到事物有趣的一面");
  cl_test_assert_contains (zh, "<fieldset id=\"q10\" role=\"radiogroup\"");
  cl_test_assert_contains (zh, "<legend>10. ");
  cl_test_assert_contains (zh, "<label><input type=\"radio\" name=\"q1\" value=\"0\"> <span>同以前一样</span></label>");
  cl_test_assert_contains (zh, "提交我的答案");
  g_assert_null (strstr (zh, "<script"));
  g_assert_null (strstr (zh, "http://"));
  g_assert_null (strstr (zh, "https://"));
  cl_test_assert_contains (soup_message_headers_get_one (headers, "Content-Type"), "text/html; charset=utf-8");
  cl_test_assert_contains (soup_message_headers_get_one (headers, "Content-Security-Policy"), "default-src 'none'");
  cl_test_assert_contains (soup_message_headers_get_one (headers, "Content-Security-Policy"), "form-action 'self'");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Referrer-Policy"), ==, "no-referrer");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Cache-Control"), ==, "no-store");

  en = fetch (url, "GET", "en-US,en;q=0.9", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  cl_test_assert_contains (en, "<html lang=\"en\">");
  cl_test_assert_contains (en, "Hello, 小梅");
  cl_test_assert_contains (en, "Edinburgh Postnatal Depression Scale");
  cl_test_assert_contains (en, "I have been able to laugh and see the funny side of things");
  cl_test_assert_contains (en, "Send my answers");
  g_assert_null (strstr (en, "我能看到"));

  /* Chinese ranked above English: Chinese. */
  zh_en = fetch (url, "GET", "zh-CN,zh;q=0.9,en;q=0.8", NULL, &status, NULL);
  cl_test_assert_contains (zh_en, "<html lang=\"zh-CN\">");
}

static void
test_given_name_escaped (void)
{
  /* Whatever a desk typed is text on her page, never markup. */
  g_autofree char *id = new_patient ("李<b>娜</b>&amp;", "13900139000");
  g_autofree char *url = issue_url (id);
  g_autofree char *page = NULL;
  guint status = 0;

  page = fetch (url, "GET", "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  cl_test_assert_contains (page, "Hello, &lt;b&gt;娜&lt;/b&gt;&amp;amp;");
  g_assert_null (strstr (page, "<b>"));
}

static void
test_incomplete (void)
{
  g_autofree char *url = issue_url (patient_id);
  g_autofree char *page = NULL;
  g_autofree char *again = NULL;
  gint64 before = count ("SELECT count(*) FROM scale_result WHERE patient_id = '%s'", patient_id);
  guint status = 0;

  /* Items 3 and 10 left out, item 5's answer out of range. */
  page = fetch (url, "POST", "en", "q1=1&q2=0&q4=2&q5=9&q6=0&q7=0&q8=0&q9=0", &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  cl_test_assert_contains (page, "Please answer every question");
  cl_test_assert_contains (page, "<a href=\"#q3\">Question 3</a>");
  cl_test_assert_contains (page, "<a href=\"#q5\">Question 5</a>");
  cl_test_assert_contains (page, "<a href=\"#q10\">Question 10</a>");
  g_assert_null (strstr (page, "<a href=\"#q4\">"));
  cl_test_assert_contains (page, "<p class=\"field-error\" id=\"q3-error\">Please choose an answer to this question.</p>");
  cl_test_assert_contains (page, "aria-describedby=\"q10-error\"");
  /* What she did answer is kept. */
  cl_test_assert_contains (page, "name=\"q4\" value=\"2\" checked");
  cl_test_assert_contains (page, "name=\"q1\" value=\"1\" checked");

  /* In Chinese too. */
  g_free (page);
  page = fetch (url, "POST", NULL, "q1=1", &status, NULL);
  cl_test_assert_contains (page, "请回答每一道题");
  cl_test_assert_contains (page, "第 10 题");

  /* Nothing stored, the link still open. */
  g_assert_cmpint (count ("SELECT count(*) FROM scale_result WHERE patient_id = '%s'", patient_id), ==, before);
  again = fetch (url, "GET", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_complete (void)
{
  g_autofree char *url = issue_url (patient_id);
  g_autofree char *form = epds_form (0);
  g_autofree char *thanks = NULL;
  g_autofree char *spent = NULL;
  g_autofree char *spent_en = NULL;
  g_autofree char *audit = NULL;
  g_autoptr(JsonNode) feed = NULL;
  g_autoptr(CLScaleResult) expected = NULL;
  g_autofree char *feed_text = NULL;
  const gint answers[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 0 };
  guint status = 0;

  g_assert_true (cl_scale_score (cl_scale_lookup ("epds"), answers, G_N_ELEMENTS (answers), &expected, NULL));
  g_assert_true (cl_scale_result_is_urgent (expected));

  thanks = fetch (url, "POST", "en", form, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  cl_test_assert_contains (thanks, "Thank you");
  /* No score, no band. */
  g_assert_null (strstr (thanks, "depression"));
  {
    g_autofree char *total = g_strdup_printf ("%u", cl_scale_result_get_total (expected));

    g_assert_null (strstr (strstr (thanks, "<body>"), total));
  }

  /* One result, scored by the server, from the link; the urgent item
   * for her case manager in the same transaction; the link spent. */
  g_assert_cmpint (count ("SELECT count(*) FROM scale_result WHERE patient_id = '%s' AND source = 'link'"
                          " AND scale_id = 'epds' AND total = %u AND flags = 'self-harm' AND deleted = 0",
                          patient_id, cl_scale_result_get_total (expected)), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM followup_item f JOIN scale_result s ON f.source_id = s.id"
                          " WHERE s.patient_id = '%s' AND s.source = 'link' AND f.kind = 'psychological-support'"
                          " AND f.owner_id = '%s' AND f.state = 'due'",
                          patient_id, case_manager_staff_id), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM patient_link p JOIN scale_result s ON p.record_id = s.id"
                          " WHERE p.spent_at > 0 AND s.patient_id = '%s'", patient_id), ==, 1);

  /* The desk pulls it like any change. */
  feed = cl_test_request ("GET", "/changes?since=0&limit=5000", cl_test_token_of ("case_manager"), NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  feed_text = json_to_string (feed, FALSE);
  cl_test_assert_contains (feed_text, "\"table\":\"scale_result\"");
  cl_test_assert_contains (feed_text, "\"source\":\"link\"");

  spent = fetch (url, "GET", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 410);
  cl_test_assert_contains (spent, "此问卷已经填写过了");
  g_assert_null (strstr (spent, "<form"));
  spent_en = fetch (url, "POST", "en", form, &status, NULL);
  g_assert_cmpuint (status, ==, 410);
  cl_test_assert_contains (spent_en, "This form has been answered");
  g_assert_cmpint (count ("SELECT count(*) FROM scale_result WHERE patient_id = '%s' AND source = 'link'",
                          patient_id), ==, 1);

  audit = audit_text ();
  cl_test_assert_contains (audit, "\tlink-open\tpatient_link\t");
  cl_test_assert_contains (audit, "\tlink-answer\tscale_result\t");
  cl_test_assert_contains (audit, "\tlink-spent\tpatient_link\t");
  cl_test_assert_contains (audit, "patient-link\tcase_manager\tupsert\tscale_result");
  cl_test_assert_contains (audit, "patient-link\tcase_manager\tupsert\tfollowup_item");
}

/* A link that answers her follow-up item: her answer marks it done. */
static void
test_answers_item (void)
{
  g_autofree char *id = new_patient ("刘洋", "13500135000");
  g_autofree char *item_id = g_uuid_string_random ();
  g_autofree char *key = cl_test_new_key ();
  g_autofree char *data = g_strdup_printf ("{\"patient_id\":\"%s\",\"kind\":\"scale\",\"due_date\":\"2026-11-23\","
                                           "\"channel\":\"wechat\",\"content\":\"EPDS\",\"state\":\"due\","
                                           "\"owner_id\":\"%s\"}", id, case_manager_staff_id);
  g_autofree char *change = cl_test_change_json (key, "followup_item", item_id, 0, "upsert", data);
  g_autofree char *body = g_strdup_printf ("{\"patient_id\":\"%s\",\"form\":\"epds\",\"item_id\":\"%s\"}",
                                           id, item_id);
  g_autofree char *other = g_strdup_printf ("{\"patient_id\":\"%s\",\"form\":\"epds\",\"item_id\":\"%s\"}",
                                            patient_id, item_id);
  g_autofree char *form = epds_form (3);
  g_autofree char *page = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) refused = NULL;
  guint status = 0;

  {
    JsonObject *pushed = cl_test_push_one (cl_test_token_of ("case_manager"), change, &holder);
    g_assert_cmpstr (cl_test_status_of (pushed), ==, "applied");
  }
  /* Not another patient's item. */
  refused = cl_test_request ("POST", "/patient-links", cl_test_token_of ("case_manager"), other, &status);
  g_assert_cmpuint (status, ==, 422);
  answer = cl_test_request ("POST", "/patient-links", cl_test_token_of ("case_manager"), body, &status);
  g_assert_cmpuint (status, ==, 201);
  page = fetch (json_object_get_string_member (json_node_get_object (answer), "url"), "POST", NULL, form,
                &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (count ("SELECT count(*) FROM followup_item WHERE id = '%s' AND state = 'done'"
                          " AND outcome = 'reached' AND done_at > 0 AND rev > 0", item_id), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM patient_link WHERE item_id = '%s' AND spent_at > 0", item_id), ==, 1);
}

static void
test_forged (void)
{
  CLTestServer *server = cl_test_shared_server ();
  const char *tokens[] = {
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",   /* well formed, unknown */
    "short",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/more",
    "%3Cscript%3E",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autofree char *url = g_strconcat (server->url, "p/", tokens[i], NULL);
      g_autofree char *page = NULL;
      guint status = 0;

      page = fetch (url, "GET", "en", NULL, &status, NULL);
      g_assert_cmpuint (status, ==, 404);
      cl_test_assert_contains (page, "This link is not valid");
      g_assert_null (strstr (page, "<script>"));
    }
  {
    g_autofree char *audit = audit_text ();

    cl_test_assert_contains (audit, "\tlink-unknown\tpatient_link\t-\t-\t404\t127.0.0.1");
  }
}

typedef struct
{
  const char *url;
  char       *form;
  guint       status;
} Submit;

static gpointer
submit_thread (gpointer data)
{
  Submit *submit = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", submit->url);
  g_autoptr(GBytes) form = g_bytes_new (submit->form, strlen (submit->form));
  g_autoptr(GBytes) body = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", form);
  body = soup_session_send_and_read (session, msg, NULL, NULL);
  submit->status = soup_message_get_status (msg);
  return NULL;
}

/* Three tabs send at once, a few times over, so that some requests
 * find the link open and then taken while they store. */
static void
test_two_tabs (void)
{
  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *name = g_strdup_printf ("王芳%u", round);
      g_autofree char *id = new_patient (name, "13700137000");
      g_autofree char *url = issue_url (id);
      Submit tabs[3] = { { url, epds_form (3), 0 }, { url, epds_form (2), 0 }, { url, epds_form (1), 0 } };
      GThread *threads[3];
      guint stored = 0, refused = 0;

      for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
        threads[i] = g_thread_new ("tab", submit_thread, &tabs[i]);
      for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
        {
          g_thread_join (threads[i]);
          g_free (tabs[i].form);
          stored += tabs[i].status == 200;
          refused += tabs[i].status == 410;
        }

      /* One was stored, the others told the form was answered. */
      g_assert_cmpuint (stored, ==, 1);
      g_assert_cmpuint (refused, ==, 2);
      g_assert_cmpint (count ("SELECT count(*) FROM scale_result WHERE patient_id = '%s'", id), ==, 1);
    }
}

static void
test_limit_per_link (void)
{
  g_autofree char *url = issue_url (patient_id);
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autofree char *busy = NULL;
  guint status = 0;

  for (guint i = 0; i < PER_TOKEN; i++)
    {
      g_autofree char *page = fetch (url, "GET", NULL, NULL, &status, NULL);

      g_assert_cmpuint (status, ==, 200);
    }
  busy = fetch (url, "GET", "en", NULL, &status, &headers);
  g_assert_cmpuint (status, ==, 429);
  cl_test_assert_contains (busy, "Too many requests");
  g_assert_nonnull (soup_message_headers_get_one (headers, "Retry-After"));
  g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (headers, "Retry-After"), NULL, 10), >, 0);

  /* Another link is not held up by this one. */
  {
    g_autofree char *other = issue_url (patient_id);
    g_autofree char *page = fetch (other, "GET", NULL, NULL, &status, NULL);

    g_assert_cmpuint (status, ==, 200);
  }
}

/* A server of its own: links open for a second, and few requests per
 * address. */
static void
test_expired_and_per_address (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("patient-link-expiry");
  g_autofree char *db = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *token = NULL;
  g_autofree char *url = NULL;
  g_autofree char *page = NULL;
  g_autofree char *audit = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *id = NULL;
  CLTestServer server = { 0 };
  guint status = 0;

  g_assert_cmpint (cl_test_server_cli ("pw-admin\n", NULL, "user", "add", "boss", "--role", "admin",
                                       "--db", db, NULL), ==, 0);
  g_setenv ("CARELINE_TEST_LINK_SECONDS", "1", TRUE);
  g_setenv ("CARELINE_LINK_LIMITS", "per-token=100,per-address=6,window=600", TRUE);
  cl_test_server_start (&server, db);
  g_unsetenv ("CARELINE_TEST_LINK_SECONDS");
  token = cl_test_api_login (&server, "boss", "pw-admin");

  {
    g_autofree char *key = cl_test_new_key ();
    g_autofree char *pid = g_uuid_string_random ();
    g_autofree char *change = cl_test_change_json (key, "patient", pid, 0, "upsert",
                                                   "{\"name\":\"赵敏\",\"phone\":\"13600136000\"}");
    g_autofree char *body = g_strdup_printf ("{\"changes\":[%s]}", change);
    g_autoptr(JsonNode) pushed = cl_test_api_request (&server, "POST", "/changes", token, body, &status);

    g_assert_cmpuint (status, ==, 200);
    id = g_steal_pointer (&pid);
  }
  answer = issue_on (&server, token, id, "epds", &status);
  g_assert_cmpuint (status, ==, 201);
  url = g_strdup (json_object_get_string_member (json_node_get_object (answer), "url"));
  g_usleep (2100 * 1000);

  page = fetch (url, "GET", "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 410);
  cl_test_assert_contains (page, "This link has expired");
  g_free (page);
  page = fetch (url, "POST", NULL, "q1=0", &status, NULL);
  g_assert_cmpuint (status, ==, 410);
  cl_test_assert_contains (page, "此链接已过期");

  /* Two of six spent; four forged tokens use the rest; the seventh
   * request from this address waits, whatever it asks for. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *forged = g_strdup_printf ("%sp/%043u", server.url, i);

      g_free (page);
      page = fetch (forged, "GET", NULL, NULL, &status, NULL);
      g_assert_cmpuint (status, ==, 404);
    }
  g_free (page);
  page = fetch (url, "GET", "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 429);
  cl_test_assert_contains (page, "Please wait a minute");

  g_assert_cmpint (cl_test_server_cli (NULL, &audit, "audit", "--db", db, NULL), ==, 0);
  cl_test_assert_contains (audit, "\tlink-expired\tpatient_link\t");
  cl_test_assert_contains (audit, "\t410\t");

  cl_test_server_stop (&server);
  g_unsetenv ("CARELINE_LINK_LIMITS");
  cl_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("CARELINE_LINK_LIMITS", "per-token=" G_STRINGIFY (PER_TOKEN) ",per-address=100000,window=600", TRUE);
  cl_test_shared_server_init ("patient-link");
  g_unsetenv ("CARELINE_LINK_LIMITS");
  case_manager_staff_id = cl_test_api_staff_id (cl_test_shared_server (), cl_test_token_of ("admin"),
                                                "u-case_manager", NULL);
  patient_id = new_patient ("张小梅", "13800138000");

  g_test_add_func ("/link/issue", test_issue);
  g_test_add_func ("/link/page", test_page);
  g_test_add_func ("/link/escaped", test_given_name_escaped);
  g_test_add_func ("/link/incomplete", test_incomplete);
  g_test_add_func ("/link/complete", test_complete);
  g_test_add_func ("/link/answers-item", test_answers_item);
  g_test_add_func ("/link/forged", test_forged);
  g_test_add_func ("/link/two-tabs", test_two_tabs);
  g_test_add_func ("/link/limit-per-link", test_limit_per_link);
  g_test_add_func ("/link/expired-and-per-address", test_expired_and_per_address);

  ret = g_test_run ();

  cl_test_shared_server_finish ();
  g_free (patient_id);
  g_free (case_manager_staff_id);
  return ret;
}
