/* cl-server-links.c
 *
 * Patients' links: POST /api/v1/patient-links, where a desk issues one,
 * and /p/TOKEN, the page she opens on her phone (cl-link-page.h).
 * Her answers are stored as the changes a desk would push
 * (cl_sync_server_apply_changes_then()), so they pass the same rules,
 * reach every desk through the feed, and spend the link in the same
 * transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-department.h"
#include "cl-followup-item.h"
#include "cl-followup-record.h"
#include "cl-patient-link.h"
#include "cl-link-page.h"
#include "cl-patient-store.h"
#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-scale-record.h"
#include "cl-scale-store.h"
#include "cl-server-private.h"
#include "cl-sync-server-private.h"
#include "cl-schedule.h"
#include "cl-store-directory.h"
#include "cl-store-save.h"
#include "cl-survey-answer.h"
#include "cl-survey-catalog.h"
#include "cl-sync-server.h"
#include "cl-tables.h"
#include "cl-util.h"

/* Who a patient's answers are written as: not an account, so nobody
 * logs in as it, but a name every audit line and feed entry shows. */
#define LINK_USERNAME "patient-link"
/* The least role that may write what her answers make (a scale result,
 * an urgent item, her item marked done). */
#define LINK_ROLE     "case_manager"

/* libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The server's public address, else what the desk called it by. */
static char *
public_base (CLServer          *self,
             SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);

  if (self->public_url)
    return g_strdup (self->public_url);
  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), "/", NULL, NULL);
}

/* POST /api/v1/patient-links {"patient_id", "form", "item_id"?,
 * "kind"?} → {"url", "expires_at", "patient_id", "form"}: "kind" is
 * "scale" (the default; "form" a scale's id) or "survey" ("form" an
 * open campaign's id). */
void
cl_server_handle_patient_links (CLServer          *self,
                                SoupServerMessage *msg,
                                const char        *username,
                                const char        *role)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  JsonObject *object;
  const char *patient_id, *form, *item_id, *kind;
  gboolean survey;
  gint64 expires_at = 0;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      cl_server_send_method_not_allowed (msg, "POST");
      return;
    }
  body = cl_server_parse_json_body (msg);
  if (body == NULL)
    return;
  object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  if (object == NULL ||
      !cl_sync_server_member_is (object, "patient_id", G_TYPE_STRING) ||
      !cl_sync_server_member_is (object, "form", G_TYPE_STRING) ||
      (json_object_has_member (object, "item_id") &&
       !json_object_get_null_member (object, "item_id") &&
       !cl_sync_server_member_is (object, "item_id", G_TYPE_STRING)) ||
      (json_object_has_member (object, "kind") &&
       (!cl_sync_server_member_is (object, "kind", G_TYPE_STRING) ||
        (g_strcmp0 (json_object_get_string_member (object, "kind"), CL_PATIENT_LINK_FORM_SCALE) != 0 &&
         g_strcmp0 (json_object_get_string_member (object, "kind"), CL_PATIENT_LINK_FORM_SURVEY) != 0))))
    {
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                            _("Send {\"patient_id\": …, \"form\": the scale’s id}"));
      return;
    }
  patient_id = json_object_get_string_member (object, "patient_id");
  form = json_object_get_string_member (object, "form");
  item_id = json_object_get_string_member_with_default (object, "item_id", NULL);
  /* A scale (the default) or a survey campaign: whoever may write its
   * answers may send her one to fill. */
  kind = json_object_get_string_member_with_default (object, "kind", CL_PATIENT_LINK_FORM_SCALE);
  survey = g_str_equal (kind, CL_PATIENT_LINK_FORM_SURVEY);

  if (!cl_server_authorize (self, msg, username, role,
                            cl_tables_can_write (role, survey ? "survey_answer" : "scale_result"), patient_id))
    return;

  if (!cl_patient_link_issue (self->store, patient_id, kind, form, item_id, username,
                              now_seconds (), self->link_lifetime, &token, &expires_at, &error))
    {
      if (g_error_matches (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID))
        {
          cl_server_audit (self, username, role, "issue-link", "patient_link", NULL, patient_id,
                           SOUP_STATUS_UNPROCESSABLE_ENTITY, error->message);
          cl_server_send_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid", error->message);
        }
      else
        cl_server_send_store_error (msg, error);
      return;
    }

  hash = cl_patient_link_hash (token);
  cl_server_audit (self, username, role, "issue-link", "patient_link", hash, patient_id, SOUP_STATUS_OK, form);

  base = public_base (self, msg);
  url = cl_patient_link_url (base, token);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_int_value (builder, expires_at);
  json_builder_set_member_name (builder, "patient_id");
  json_builder_add_string_value (builder, patient_id);
  json_builder_set_member_name (builder, "form");
  json_builder_add_string_value (builder, form);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  /* The token is in it: no proxy or cache keeps a copy. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
  cl_server_send_json (msg, SOUP_STATUS_CREATED, answer);
}

/* The page */

static void
language_for (CLServer          *self,
              SoupServerMessage *msg,
              ClPageLanguage    *language)
{
  const char *accept = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Accept-Language");

  language->lang = cl_patient_page_choose_language (accept);
  if (g_str_equal (language->lang, "en"))
    {
      language->html_lang = "en";
      language->catalog = NULL;
    }
  else
    {
      language->html_lang = "zh-CN";
      language->catalog = self->catalog_zh;
    }
}

static void
send_message (SoupServerMessage    *msg,
              const ClPageLanguage *language,
              guint                 status,
              ClPatientPageMessage  message)
{
  cl_patient_page_send (msg, status, cl_patient_page_message (language, message));
}

/* The change a desk would push for @record, new on the server. */
static JsonNode *
change_of (CLRecord   *record,
           const char *key,
           gint64      base_rev)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, cl_record_get_table_name (record));
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, cl_record_get_id (record));
  json_builder_set_member_name (builder, "base_rev");
  json_builder_add_int_value (builder, base_rev);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, "upsert");
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, cl_record_to_json (record));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef struct
{
  const char *token_hash;
  const char *record_id;
  gint64      now;
} Spend;

/* In the changes' transaction: every change applied, and the link
 * still open; else nothing of it is kept. */
static gboolean
spend_cb (CLStore    *store,
          JsonArray  *results,
          gpointer    user_data,
          GError    **error)
{
  Spend *spend = user_data;
  gboolean spent = FALSE;

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status = json_object_get_string_member (result, "status");

      /* Its keys are the link's: a request that read the link as open
       * just before another stored her answers finds them taken. */
      if (g_strcmp0 (status, "duplicate") == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "the link was answered meanwhile");
          return FALSE;
        }
      if (g_strcmp0 (status, "applied") != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s",
                       json_object_get_string_member (result, "key"),
                       json_object_get_string_member_with_default (result, "message", "refused"));
          return FALSE;
        }
    }
  if (!cl_store_links_spend (store, spend->token_hash, spend->now, spend->record_id, &spent, error))
    return FALSE;
  if (!spent)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "the link was spent or expired meanwhile");
      return FALSE;
    }
  return TRUE;
}

/* Her follow-up item that the link answers, marked done, when it is
 * still open. */
static CLFollowupRecord *
answered_item (CLStore     *store,
               ClStoreLink *link,
               gint64       now)
{
  g_autoptr(CLFollowupRecord) item = NULL;
  CLFollowupState state;

  if (link->item_id == NULL)
    return NULL;
  item = CL_FOLLOWUP_RECORD (cl_store_load_record (store, CL_TYPE_FOLLOWUP_RECORD, link->item_id, NULL));
  if (item == NULL || cl_record_get_deleted (CL_RECORD (item)))
    return NULL;
  if (!cl_followup_state_from_string (cl_followup_record_get_state (item), &state) ||
      (state != CL_FOLLOWUP_STATE_DUE && state != CL_FOLLOWUP_STATE_RESCHEDULED))
    return NULL;
  cl_followup_record_set_state (item, cl_followup_state_to_string (CL_FOLLOWUP_STATE_DONE));
  cl_followup_record_set_outcome (item, cl_followup_outcome_to_string (CL_FOLLOWUP_OUTCOME_REACHED));
  cl_followup_record_set_done_at (item, now);
  return g_steal_pointer (&item);
}

/* Stores her answers and spends the link; FALSE with G_IO_ERROR_EXISTS
 * when another request spent it first (or it expired meanwhile). */
static gboolean
store_answers (CLServer      *self,
               ClStoreLink   *link,
               CLScale       *scale,
               CLScaleResult *result,
               const gint    *answers,
               char         **record_id,
               GError       **error)
{
  g_autoptr(CLScaleRecord) record = cl_scale_record_new ();
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(CLFollowupRecord) urgent = NULL;
  g_autoptr(CLFollowupRecord) done = NULL;
  g_autoptr(JsonArray) changes = json_array_new ();
  g_autoptr(JsonArray) results = NULL;
  g_autofree char *key = NULL;
  gint64 now = now_seconds ();
  gint64 max_rev = 0;
  Spend spend;

  pregnancy = cl_patient_store_current_pregnancy (self->store, link->patient_id);
  cl_scale_record_set_patient_id (record, link->patient_id);
  cl_scale_record_set_pregnancy_id (record, pregnancy ? cl_record_get_id (CL_RECORD (pregnancy)) : NULL);
  cl_scale_record_set_result (record, result, answers, cl_scale_get_n_items (scale));
  cl_scale_record_set_source (record, "link");
  cl_scale_record_set_filled_at (record, now);
  /* Who sent her the link: the urgent item falls to them when she has
   * no case manager. */
  cl_scale_record_set_filled_by (record, link->created_by);

  /* Keys made from the link: a second request for the same link gets
   * the first one's answers, never a second record. */
  key = g_strdup_printf ("link:%s:result", link->token_hash);
  json_array_add_element (changes, change_of (CL_RECORD (record), key, 0));
  urgent = cl_scale_store_urgent_item (self->store, record, result);
  if (urgent)
    {
      g_free (key);
      key = g_strdup_printf ("link:%s:urgent", link->token_hash);
      json_array_add_element (changes, change_of (CL_RECORD (urgent), key, 0));
    }
  done = answered_item (self->store, link, now);
  if (done)
    {
      g_free (key);
      key = g_strdup_printf ("link:%s:item", link->token_hash);
      json_array_add_element (changes, change_of (CL_RECORD (done), key, cl_record_get_rev (CL_RECORD (done))));
    }

  spend.token_hash = link->token_hash;
  spend.record_id = cl_record_get_id (CL_RECORD (record));
  spend.now = now;
  results = cl_sync_server_apply_changes_then (self->store, changes, LINK_USERNAME, LINK_ROLE,
                                               spend_cb, &spend, &max_rev, error);
  if (results == NULL)
    return FALSE;
  if (max_rev > 0)
    cl_server_broadcast_rev (self, max_rev);
  *record_id = g_strdup (cl_record_get_id (CL_RECORD (record)));
  return TRUE;
}

static const char *
state_action (CLPatientLinkState state)
{
  switch (state)
    {
    case CL_PATIENT_LINK_EXPIRED:
      return "link-expired";
    case CL_PATIENT_LINK_SPENT:
      return "link-spent";
    case CL_PATIENT_LINK_UNKNOWN:
    case CL_PATIENT_LINK_OPEN:
    default:
      return "link-unknown";
    }
}

/* A link she cannot use: its page and an audit line (the client's
 * address as the detail, for a forged one: who is probing). */
static void
refuse_link (CLServer             *self,
             SoupServerMessage    *msg,
             const ClPageLanguage *language,
             ClStoreLink          *link,
             CLPatientLinkState    state)
{
  const char *address = soup_server_message_get_remote_host (msg);

  cl_server_audit (self, NULL, NULL, state_action (state), "patient_link",
                   link ? link->token_hash : NULL, link ? link->patient_id : NULL,
                   state == CL_PATIENT_LINK_UNKNOWN ? SOUP_STATUS_NOT_FOUND : SOUP_STATUS_GONE, address);
  if (state == CL_PATIENT_LINK_EXPIRED)
    send_message (msg, language, SOUP_STATUS_GONE, CL_PATIENT_PAGE_EXPIRED);
  else if (state == CL_PATIENT_LINK_SPENT)
    send_message (msg, language, SOUP_STATUS_GONE, CL_PATIENT_PAGE_SPENT);
  else
    send_message (msg, language, SOUP_STATUS_NOT_FOUND, CL_PATIENT_PAGE_UNKNOWN);
}

/* Her survey */

/* The live departments, for a survey that asks which: ids and the
 * names in her language. */
static void
departments_for (CLServer             *self,
                 const ClPageLanguage *language,
                 GPtrArray            *ids,
                 GPtrArray            *names)
{
  g_autoptr(GPtrArray) departments = cl_store_departments (self->store, TRUE);

  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);
      const char *english = cl_department_get_name_en (department);

      g_ptr_array_add (ids, g_strdup (cl_record_get_id (CL_RECORD (department))));
      g_ptr_array_add (names, g_strdup (g_str_equal (language->lang, "en") && !cl_str_empty (english)
                                        ? english : cl_department_get_name (department)));
    }
}

/* Stores her answers to the campaign as the answer a desk would push,
 * and spends the link, in one transaction. */
static gboolean
store_survey_answer (CLServer          *self,
                     ClStoreLink       *link,
                     CLSurveyCampaign  *campaign,
                     JsonObject        *answers,
                     const char        *department_id,
                     char             **record_id,
                     GError           **error)
{
  g_autoptr(CLSurveyAnswer) answer = cl_survey_answer_new ();
  g_autoptr(JsonArray) changes = json_array_new ();
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  gint64 now = now_seconds ();
  gint64 max_rev = 0;
  Spend spend;

  json_node_set_object (root, answers);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  cl_survey_answer_set_campaign_id (answer, cl_record_get_id (CL_RECORD (campaign)));
  /* An anonymous campaign's answer names no one, even from her link. */
  if (!cl_survey_campaign_get_anonymous (campaign))
    {
      cl_survey_answer_set_person_kind (answer, cl_survey_person_kinds ()[0]);
      cl_survey_answer_set_person_id (answer, link->patient_id);
    }
  cl_survey_answer_set_channel (answer, "link");
  /* By the clock the answer's rules read (cl_schedule_now()). */
  cl_survey_answer_set_answered_at (answer, cl_schedule_now ());
  cl_survey_answer_set_department_id (answer, department_id);
  cl_survey_answer_set_answers (answer, text);
  key = g_strdup_printf ("link:%s:survey", link->token_hash);
  json_array_add_element (changes, change_of (CL_RECORD (answer), key, 0));

  spend.token_hash = link->token_hash;
  spend.record_id = cl_record_get_id (CL_RECORD (answer));
  spend.now = now;
  results = cl_sync_server_apply_changes_then (self->store, changes, LINK_USERNAME, LINK_ROLE,
                                               spend_cb, &spend, &max_rev, error);
  if (results == NULL)
    return FALSE;
  if (max_rev > 0)
    cl_server_broadcast_rev (self, max_rev);
  *record_id = g_strdup (cl_record_get_id (CL_RECORD (answer)));
  return TRUE;
}

static void
survey_page (CLServer             *self,
             SoupServerMessage    *msg,
             const ClPageLanguage *language,
             ClStoreLink          *link,
             const char           *token)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(CLSurveyCampaign) campaign = cl_store_load_live (self->store, CL_TYPE_SURVEY_CAMPAIGN, link->form_id);
  CLSurveyTemplate *template = campaign ? cl_survey_catalog_lookup (cl_survey_campaign_get_template_id (campaign))
                                        : NULL;
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(JsonObject) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *action = NULL;
  g_autofree char *department_id = NULL;
  g_autofree char *record_id = NULL;
  g_autofree char *problem = NULL;

  /* A campaign gone or closed since the link was made: it takes no
   * more answers, hers included. */
  if (template == NULL || !cl_survey_campaign_is_open (campaign))
    {
      refuse_link (self, msg, language, link, CL_PATIENT_LINK_EXPIRED);
      return;
    }
  patient = CL_PATIENT (cl_store_load_record (self->store, CL_TYPE_PATIENT, link->patient_id, NULL));
  given = cl_patient_given_name (patient ? cl_patient_get_name (patient) : NULL);
  action = g_strconcat ("/p/", token, NULL);
  if (cl_survey_template_get_asks_department (template))
    departments_for (self, language, ids, names);

  if (!g_str_equal (method, "POST"))
    {
      cl_server_audit (self, NULL, NULL, "link-open", "patient_link", link->token_hash, link->patient_id,
                       SOUP_STATUS_OK, link->form_id);
      cl_patient_page_send (msg, SOUP_STATUS_OK,
                            cl_patient_page_survey_form (language, template, given, action, ids, names,
                                                         NULL, NULL, NULL));
      return;
    }

  {
    SoupMessageBody *body = soup_server_message_get_request_body (msg);
    g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
    gsize length;
    const char *data = g_bytes_get_data (bytes, &length);

    missing = cl_patient_page_read_survey (template, data, length, ids, &answers, &department_id);
  }
  /* Unanswered: the form again, her answers kept, the missing ones
   * marked; nothing stored. */
  if (missing->len > 0)
    {
      cl_patient_page_send (msg, SOUP_STATUS_OK,
                            cl_patient_page_survey_form (language, template, given, action, ids, names,
                                                         answers, department_id, missing));
      return;
    }
  if (!store_survey_answer (self, link, campaign, answers, department_id, &record_id, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          CLPatientLinkState state;
          g_autoptr(ClStoreLink) again = cl_patient_link_lookup (self->store, token, now_seconds (), &state, NULL);

          refuse_link (self, msg, language, again, state == CL_PATIENT_LINK_OPEN ? CL_PATIENT_LINK_SPENT : state);
          return;
        }
      g_warning ("POST /p/…: %s", error->message);
      send_message (msg, language, SOUP_STATUS_INTERNAL_SERVER_ERROR, CL_PATIENT_PAGE_FAILED);
      return;
    }
  cl_server_audit (self, NULL, NULL, "link-answer", "survey_answer", record_id, link->patient_id,
                   SOUP_STATUS_OK, link->form_id);
  send_message (msg, language, SOUP_STATUS_OK, CL_PATIENT_PAGE_THANKS);
}

static void
link_page_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *unused,
              gpointer           user_data)
{
  CLServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *token = g_str_has_prefix (path, "/p/") ? path + 3 : "";
  g_autofree char *hash = cl_patient_link_hash (token);
  g_autoptr(ClStoreLink) link = NULL;
  g_autoptr(CLPatient) patient = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *action = NULL;
  g_autofree gint *answers = NULL;
  CLPatientLinkState state;
  ClPageLanguage language;
  CLScale *scale;
  gint64 retry_after = 0;

  language_for (self, msg, &language);

  if (!g_str_equal (method, "GET") && !g_str_equal (method, "HEAD") && !g_str_equal (method, "POST"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, POST");
      send_message (msg, &language, SOUP_STATUS_METHOD_NOT_ALLOWED, CL_PATIENT_PAGE_UNKNOWN);
      return;
    }

  /* Counted before the look-up: trying tokens costs the prober its
   * address's allowance.  Only a well-formed token has a count of its
   * own. */
  if (!cl_link_throttle_allow (self->link_throttle, hash, soup_server_message_get_remote_host (msg),
                               now_seconds (), &retry_after))
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, retry_after);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", seconds);
      send_message (msg, &language, STATUS_TOO_MANY_REQUESTS, CL_PATIENT_PAGE_BUSY);
      return;
    }

  link = cl_patient_link_lookup (self->store, token, now_seconds (), &state, &error);
  if (error)
    {
      g_warning ("%s /p/…: %s", method, error->message);
      send_message (msg, &language, SOUP_STATUS_INTERNAL_SERVER_ERROR, CL_PATIENT_PAGE_FAILED);
      return;
    }
  if (link && state == CL_PATIENT_LINK_OPEN &&
      g_strcmp0 (link->form_kind, CL_PATIENT_LINK_FORM_SURVEY) == 0)
    {
      survey_page (self, msg, &language, link, token);
      return;
    }
  scale = link && g_strcmp0 (link->form_kind, CL_PATIENT_LINK_FORM_SCALE) == 0 ? cl_scale_lookup (link->form_id)
                                                                               : NULL;
  if (state == CL_PATIENT_LINK_OPEN && scale == NULL)
    state = CL_PATIENT_LINK_UNKNOWN;   /* a form this server no longer has */
  if (state != CL_PATIENT_LINK_OPEN)
    {
      refuse_link (self, msg, &language, link, state);
      return;
    }

  patient = CL_PATIENT (cl_store_load_record (self->store, CL_TYPE_PATIENT, link->patient_id, NULL));
  given = cl_patient_given_name (patient ? cl_patient_get_name (patient) : NULL);
  /* Relative: right behind whatever proxy serves the public address. */
  action = g_strconcat ("/p/", token, NULL);
  answers = g_new0 (gint, MAX (cl_scale_get_n_items (scale), 1));

  if (!g_str_equal (method, "POST"))
    {
      cl_server_audit (self, NULL, NULL, "link-open", "patient_link", link->token_hash, link->patient_id,
                       SOUP_STATUS_OK, link->form_id);
      cl_patient_page_send (msg, SOUP_STATUS_OK,
                            cl_patient_page_form (&language, scale, given, action, NULL, FALSE));
      return;
    }

  {
    SoupMessageBody *body = soup_server_message_get_request_body (msg);
    g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
    g_autoptr(CLScaleResult) result = NULL;
    g_autofree char *record_id = NULL;
    gsize length;
    const char *data = g_bytes_get_data (bytes, &length);

    /* Unanswered: the form again, her answers kept, the missing ones
     * marked; nothing stored. */
    if (!cl_patient_page_read_answers (scale, data, length, answers) ||
        !cl_scale_score (scale, answers, cl_scale_get_n_items (scale), &result, NULL))
      {
        cl_patient_page_send (msg, SOUP_STATUS_OK,
                              cl_patient_page_form (&language, scale, given, action, answers, TRUE));
        return;
      }

    if (!store_answers (self, link, scale, result, answers, &record_id, &error))
      {
        if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
          {
            /* The other tab was first: hers is the one kept. */
            g_clear_pointer (&link, cl_store_link_free);
            link = cl_patient_link_lookup (self->store, token, now_seconds (), &state, NULL);
            refuse_link (self, msg, &language, link,
                         state == CL_PATIENT_LINK_OPEN ? CL_PATIENT_LINK_SPENT : state);
            return;
          }
        g_warning ("POST /p/…: %s", error->message);
        send_message (msg, &language, SOUP_STATUS_INTERNAL_SERVER_ERROR, CL_PATIENT_PAGE_FAILED);
        return;
      }
    cl_server_audit (self, NULL, NULL, "link-answer", "scale_result", record_id, link->patient_id,
                     SOUP_STATUS_OK, link->form_id);
    /* No score: what it means is for her care team to tell her. */
    send_message (msg, &language, SOUP_STATUS_OK, CL_PATIENT_PAGE_THANKS);
  }
}

void
cl_server_links_add_handlers (CLServer   *self,
                              SoupServer *soup)
{
  soup_server_add_handler (soup, "/p", link_page_cb, self, NULL);
}
