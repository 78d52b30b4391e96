/* cl-link-page.c
 *
 * The patient's page (cl-link-page.h).  Its words are marked N_()
 * and looked up in the page's own catalog (cl-message-catalog.h), not
 * with _(): the server's locale is not hers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-link-page.h"
#include "cl-scale-result.h"
#include "cl-survey-template.h"

/* Large type and whole-row targets for a thumb; the text's contrast
 * is above WCAG AA in both schemes.  No web fonts, no images. */
static const char page_style[] =
  "*{box-sizing:border-box}"
  "html{-webkit-text-size-adjust:100%}"
  "body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',"
  "'Noto Sans CJK SC',sans-serif;color:#1a1a1a;background:#f6f5f4}"
  "main{max-width:40rem;margin:0 auto;padding:1rem}"
  "h1{font-size:1.35rem;line-height:1.3;margin:.5rem 0 1rem}"
  "p{margin:0 0 1rem}"
  "fieldset{border:1px solid #c0bfbc;border-radius:.75rem;background:#fff;margin:0 0 1rem;padding:.75rem}"
  "legend{font-weight:600;padding:0 .25rem;float:left;width:100%;margin-bottom:.5rem}"
  "legend+*{clear:both}"
  "label{display:flex;gap:.75rem;align-items:flex-start;padding:.625rem .5rem;border-radius:.5rem;"
  "min-height:2.75rem;cursor:pointer}"
  "label:hover{background:#f0f0ee}"
  "input[type=radio]{width:1.375rem;height:1.375rem;margin:.125rem 0 0;flex:none;accent-color:#1c71d8}"
  "input:focus-visible,textarea:focus-visible,select:focus-visible{outline:3px solid #1c71d8;outline-offset:2px}"
  "textarea,select{font:inherit;width:100%;border:1px solid #77767b;border-radius:.5rem;padding:.5rem;"
  "background:#fff;color:inherit}"
  ".missing{border:2px solid #c01c28}"
  ".field-error,.summary{color:#a51d2d;font-weight:600}"
  ".summary{border:2px solid #c01c28;border-radius:.75rem;background:#fff;padding:.75rem}"
  ".summary a{color:#a51d2d}"
  ".summary p:last-child{margin-bottom:0}"
  "button{font:inherit;font-weight:600;width:100%;min-height:3rem;border:0;border-radius:.75rem;"
  "background:#1c71d8;color:#fff;padding:.75rem 1rem;cursor:pointer}"
  "button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}"
  ".note{color:#5e5c64;font-size:.9375rem;margin-top:1rem}"
  "@media (prefers-color-scheme:dark){"
  "body{color:#f6f5f4;background:#1e1e1e}"
  "fieldset,.summary{background:#2a2a2a;border-color:#5e5c64}"
  "textarea,select{background:#1e1e1e;border-color:#9a9996}"
  "label:hover{background:#353535}"
  ".field-error,.summary,.summary a{color:#ff7b63}"
  ".missing,.summary{border-color:#ff7b63}"
  ".note{color:#c0bfbc}"
  "button:focus-visible{outline-color:#f6f5f4}}";

static const char *
tr (const ClPageLanguage *language,
    const char           *msgid)
{
  return language->catalog ? cl_message_catalog_lookup (language->catalog, msgid) : msgid;
}

/* The q of a language range ("en;q=0.8" → 0.8; without one, 1). */
static double
quality (const char *params)
{
  const char *q = params ? strstr (params, "q=") : NULL;

  return q ? g_ascii_strtod (q + 2, NULL) : 1.0;
}

const char *
cl_patient_page_choose_language (const char *accept_language)
{
  g_auto(GStrv) ranges = NULL;
  double zh = 0, en = 0;

  if (accept_language == NULL)
    return "zh_CN";
  ranges = g_strsplit (accept_language, ",", 32);
  for (guint i = 0; ranges[i]; i++)
    {
      char *range = g_strstrip (ranges[i]);
      char *params = strchr (range, ';');
      double q;

      if (params)
        *params++ = '\0';
      q = quality (params);
      g_strstrip (range);
      if (g_ascii_strncasecmp (range, "zh", 2) == 0 && (range[2] == '\0' || range[2] == '-'))
        zh = MAX (zh, q);
      else if (g_ascii_strncasecmp (range, "en", 2) == 0 && (range[2] == '\0' || range[2] == '-'))
        en = MAX (en, q);
    }
  /* Chinese is the hospital's language: English only when asked for
   * before it. */
  return en > zh ? "en" : "zh_CN";
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

static void
page_begin (GString              *out,
            const ClPageLanguage *language,
            const char           *title)
{
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"referrer\" content=\"no-referrer\">\n"
                          "<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>",
                          language->html_lang);
  append_escaped (out, title);
  g_string_append (out, "</title>\n<style>");
  g_string_append (out, page_style);
  g_string_append (out, "</style>\n</head>\n<body>\n<main>\n<h1>");
  append_escaped (out, title);
  g_string_append (out, "</h1>\n");
}

static char *
page_end (GString *out)
{
  g_string_append (out, "</main>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

/* <p class="@klass">@text</p>, @text escaped. */
static void
append_paragraph (GString    *out,
                  const char *klass,
                  const char *text)
{
  if (klass)
    g_string_append_printf (out, "<p class=\"%s\">", klass);
  else
    g_string_append (out, "<p>");
  append_escaped (out, text);
  g_string_append (out, "</p>\n");
}

char *
cl_patient_page_form (const ClPageLanguage *language,
                      CLScale              *scale,
                      const char           *given_name,
                      const char           *action,
                      const gint           *answers,
                      gboolean              show_missing)
{
  GString *out = g_string_sized_new (16 * 1024);
  guint n_items = cl_scale_get_n_items (scale);
  guint n_missing = 0;

  page_begin (out, language, cl_scale_get_title (scale, language->lang));

  if (given_name && *given_name)
    {
      /* TRANSLATORS: the greeting on the patient's own form; %s is her given name */
      g_autofree char *hello = g_strdup_printf (tr (language, N_("Hello, %s")), given_name);

      append_paragraph (out, NULL, hello);
    }
  if (cl_scale_get_instructions (scale, language->lang))
    append_paragraph (out, NULL, cl_scale_get_instructions (scale, language->lang));

  for (guint i = 0; show_missing && answers && i < n_items; i++)
    if (answers[i] == CL_SCALE_UNANSWERED)
      n_missing++;
  if (n_missing > 0)
    {
      gboolean first = TRUE;

      g_string_append (out, "<div class=\"summary\" role=\"alert\" id=\"missing\">\n<p>");
      append_escaped (out, tr (language, N_("Please answer every question. Still to answer:")));
      g_string_append (out, "</p>\n<p>");
      for (guint i = 0; i < n_items; i++)
        if (answers[i] == CL_SCALE_UNANSWERED)
          {
            /* TRANSLATORS: a link to an unanswered question on the patient's form; %u is its number */
            g_autofree char *label = g_strdup_printf (tr (language, N_("Question %u")),
                                                      cl_scale_get_item (scale, i)->number);

            if (!first)
              g_string_append (out, tr (language, N_(", ")));
            first = FALSE;
            g_string_append_printf (out, "<a href=\"#q%u\">", cl_scale_get_item (scale, i)->number);
            append_escaped (out, label);
            g_string_append (out, "</a>");
          }
      g_string_append (out, "</p>\n</div>\n");
    }

  g_string_append (out, "<form method=\"post\" action=\"");
  append_escaped (out, action);
  g_string_append (out, "\" accept-charset=\"utf-8\">\n");
  for (guint i = 0; i < n_items; i++)
    {
      const CLScaleItem *item = cl_scale_get_item (scale, i);
      gboolean missing = show_missing && answers && answers[i] == CL_SCALE_UNANSWERED;

      g_string_append_printf (out, "<fieldset id=\"q%u\" role=\"radiogroup\" aria-required=\"true\"",
                              item->number);
      if (missing)
        g_string_append_printf (out, " class=\"missing\" aria-invalid=\"true\" aria-describedby=\"q%u-error\"",
                                item->number);
      g_string_append_printf (out, ">\n<legend>%u. ", item->number);
      append_escaped (out, cl_local_text_get (item->text, language->lang));
      g_string_append (out, "</legend>\n");
      if (missing)
        {
          g_string_append_printf (out, "<p class=\"field-error\" id=\"q%u-error\">", item->number);
          append_escaped (out, tr (language, N_("Please choose an answer to this question.")));
          g_string_append (out, "</p>\n");
        }
      for (guint k = 0; k < item->n_options; k++)
        {
          g_string_append_printf (out, "<label><input type=\"radio\" name=\"q%u\" value=\"%u\"%s> <span>",
                                  item->number, k,
                                  answers && answers[i] == (gint) k ? " checked" : "");
          append_escaped (out, cl_local_text_get (item->options[k].text, language->lang));
          g_string_append (out, "</span></label>\n");
        }
      g_string_append (out, "</fieldset>\n");
    }
  g_string_append (out, "<button type=\"submit\">");
  append_escaped (out, tr (language, N_("Send my answers")));
  g_string_append (out, "</button>\n</form>\n");
  append_paragraph (out, "note",
                    tr (language, N_("Your answers go only to your care team at the hospital. "
                                     "This link can be used once.")));
  return page_end (out);
}

/* A survey's page: "q-ID" names a question's answer. */
static gboolean
is_missing (GPtrArray  *missing,
            const char *id)
{
  for (guint i = 0; missing && i < missing->len; i++)
    if (g_str_equal (g_ptr_array_index (missing, i), id))
      return TRUE;
  return FALSE;
}

static void
append_field_error (GString              *out,
                    const ClPageLanguage *language,
                    const char           *id)
{
  g_string_append (out, "<p class=\"field-error\" id=\"");
  append_escaped (out, id);
  g_string_append (out, "-error\">");
  append_escaped (out, tr (language, N_("Please choose an answer to this question.")));
  g_string_append (out, "</p>\n");
}

static void
append_radio (GString    *out,
              const char *name,
              const char *value,
              gboolean    checked,
              const char *label)
{
  g_string_append (out, "<label><input type=\"radio\" name=\"");
  append_escaped (out, name);
  g_string_append (out, "\" value=\"");
  append_escaped (out, value);
  g_string_append_printf (out, "\"%s> <span>", checked ? " checked" : "");
  append_escaped (out, label);
  g_string_append (out, "</span></label>\n");
}

static void
append_survey_question (GString                *out,
                        const ClPageLanguage   *language,
                        CLSurveyTemplate       *template,
                        guint                   number,
                        const CLSurveyQuestion *question,
                        JsonObject             *answers,
                        gboolean                missing)
{
  g_autofree char *id = g_strconcat ("q-", question->id, NULL);
  JsonNode *node = answers ? json_object_get_member (answers, question->id) : NULL;

  g_string_append (out, "<fieldset id=\"");
  append_escaped (out, id);
  g_string_append (out, "\"");
  if (question->kind != CL_SURVEY_QUESTION_TEXT)
    g_string_append_printf (out, " role=\"radiogroup\"%s", question->required ? " aria-required=\"true\"" : "");
  if (missing)
    {
      g_string_append (out, " class=\"missing\" aria-invalid=\"true\" aria-describedby=\"");
      append_escaped (out, id);
      g_string_append (out, "-error\"");
    }
  g_string_append_printf (out, ">\n<legend>%u. ", number);
  append_escaped (out, cl_local_text_get (question->text, language->lang));
  g_string_append (out, question->required ? " *</legend>\n" : "</legend>\n");
  if (missing)
    append_field_error (out, language, id);
  if (question->kind == CL_SURVEY_QUESTION_SCALE)
    for (guint mark = CL_SURVEY_SCALE_MAX; mark >= 1; mark--)
      {
        char value[4];

        g_snprintf (value, sizeof value, "%u", mark);
        append_radio (out, id, value, node && JSON_NODE_HOLDS_VALUE (node) &&
                                      json_node_get_value_type (node) == G_TYPE_INT64 &&
                                      json_node_get_int (node) == mark,
                      cl_survey_template_get_scale_label (template, mark, language->lang));
      }
  else if (question->kind == CL_SURVEY_QUESTION_YES_NO)
    {
      gboolean given = node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;

      append_radio (out, id, "yes", given && json_node_get_boolean (node), tr (language, N_("Yes")));
      append_radio (out, id, "no", given && !json_node_get_boolean (node), tr (language, N_("No")));
    }
  else
    {
      g_string_append (out, "<textarea name=\"");
      append_escaped (out, id);
      g_string_append (out, "\" rows=\"4\" maxlength=\"2000\" aria-label=\"");
      append_escaped (out, cl_local_text_get (question->text, language->lang));
      g_string_append (out, "\">");
      if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        append_escaped (out, json_node_get_string (node));
      g_string_append (out, "</textarea>\n");
    }
  g_string_append (out, "</fieldset>\n");
}

char *
cl_patient_page_survey_form (const ClPageLanguage *language,
                             CLSurveyTemplate     *template,
                             const char           *given_name,
                             const char           *action,
                             GPtrArray            *department_ids,
                             GPtrArray            *department_names,
                             JsonObject           *answers,
                             const char           *department_id,
                             GPtrArray            *missing)
{
  GString *out = g_string_sized_new (16 * 1024);
  guint n = cl_survey_template_get_n_questions (template);

  page_begin (out, language, cl_survey_template_get_title (template, language->lang));
  if (given_name && *given_name)
    {
      g_autofree char *hello = g_strdup_printf (tr (language, N_("Hello, %s")), given_name);

      append_paragraph (out, NULL, hello);
    }
  append_paragraph (out, NULL, tr (language, N_("Please tell us how we did. Questions marked * need an answer.")));

  if (missing && missing->len > 0)
    {
      gboolean first = TRUE;

      g_string_append (out, "<div class=\"summary\" role=\"alert\" id=\"missing\">\n<p>");
      append_escaped (out, tr (language, N_("Some answers are still missing:")));
      g_string_append (out, "</p>\n<p>");
      if (is_missing (missing, "department"))
        {
          g_string_append (out, "<a href=\"#department\">");
          append_escaped (out, tr (language, N_("Department")));
          g_string_append (out, "</a>");
          first = FALSE;
        }
      for (guint i = 0; i < n; i++)
        {
          const CLSurveyQuestion *question = cl_survey_template_get_question (template, i);
          g_autofree char *label = NULL;

          if (!is_missing (missing, question->id))
            continue;
          label = g_strdup_printf (tr (language, N_("Question %u")), i + 1);
          if (!first)
            g_string_append (out, tr (language, N_(", ")));
          first = FALSE;
          g_string_append (out, "<a href=\"#q-");
          append_escaped (out, question->id);
          g_string_append (out, "\">");
          append_escaped (out, label);
          g_string_append (out, "</a>");
        }
      g_string_append (out, "</p>\n</div>\n");
    }

  g_string_append (out, "<form method=\"post\" action=\"");
  append_escaped (out, action);
  g_string_append (out, "\" accept-charset=\"utf-8\">\n");
  if (cl_survey_template_get_asks_department (template) && department_ids)
    {
      gboolean wrong = is_missing (missing, "department");

      g_string_append (out, "<fieldset id=\"department\">\n<legend><label for=\"department-choice\">");
      append_escaped (out, tr (language, N_("Which department are your answers about? *")));
      g_string_append (out, "</label></legend>\n");
      if (wrong)
        append_field_error (out, language, "department");
      g_string_append (out, "<select id=\"department-choice\" name=\"department\" aria-required=\"true\"");
      if (wrong)
        g_string_append (out, " aria-invalid=\"true\" aria-describedby=\"department-error\"");
      g_string_append (out, ">\n<option value=\"\"></option>\n");
      for (guint i = 0; i < department_ids->len; i++)
        {
          const char *id = g_ptr_array_index (department_ids, i);

          g_string_append (out, "<option value=\"");
          append_escaped (out, id);
          g_string_append_printf (out, "\"%s>", g_strcmp0 (id, department_id) == 0 ? " selected" : "");
          append_escaped (out, g_ptr_array_index (department_names, i));
          g_string_append (out, "</option>\n");
        }
      g_string_append (out, "</select>\n</fieldset>\n");
    }
  for (guint i = 0; i < n; i++)
    {
      const CLSurveyQuestion *question = cl_survey_template_get_question (template, i);

      append_survey_question (out, language, template, i + 1, question, answers, is_missing (missing, question->id));
    }
  g_string_append (out, "<button type=\"submit\">");
  append_escaped (out, tr (language, N_("Send my answers")));
  g_string_append (out, "</button>\n</form>\n");
  append_paragraph (out, "note",
                    tr (language, N_("Your answers go to the hospital’s quality office, to improve its services. "
                                     "This link can be used once.")));
  return page_end (out);
}

GPtrArray *
cl_patient_page_read_survey (CLSurveyTemplate  *template,
                             const char        *body,
                             gsize              length,
                             GPtrArray         *department_ids,
                             JsonObject       **answers,
                             char             **department_id)
{
  g_autoptr(GHashTable) params = NULL;
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object = json_object_new ();
  const char *department;

  if (body && length > 0)
    params = g_uri_parse_params (body, length, "&", G_URI_PARAMS_WWW_FORM, NULL);
  *department_id = NULL;
  department = params ? g_hash_table_lookup (params, "department") : NULL;
  for (guint i = 0; department && department_ids && i < department_ids->len; i++)
    if (g_str_equal (department, g_ptr_array_index (department_ids, i)))
      *department_id = g_strdup (department);
  if (cl_survey_template_get_asks_department (template) && *department_id == NULL)
    g_ptr_array_add (missing, g_strdup ("department"));

  for (guint i = 0; i < cl_survey_template_get_n_questions (template); i++)
    {
      const CLSurveyQuestion *question = cl_survey_template_get_question (template, i);
      g_autofree char *name = g_strconcat ("q-", question->id, NULL);
      const char *value = params ? g_hash_table_lookup (params, name) : NULL;
      gboolean given = FALSE;
      guint64 mark;

      if (value == NULL)
        ;
      else if (question->kind == CL_SURVEY_QUESTION_SCALE)
        {
          if (g_ascii_string_to_unsigned (value, 10, 1, CL_SURVEY_SCALE_MAX, &mark, NULL))
            {
              json_object_set_int_member (object, question->id, (gint64) mark);
              given = TRUE;
            }
        }
      else if (question->kind == CL_SURVEY_QUESTION_YES_NO)
        {
          if (g_str_equal (value, "yes") || g_str_equal (value, "no"))
            {
              json_object_set_boolean_member (object, question->id, g_str_equal (value, "yes"));
              given = TRUE;
            }
        }
      else if (g_utf8_validate (value, -1, NULL))
        {
          g_autofree char *text = g_strstrip (g_utf8_substring (value, 0, 2000));

          if (*text != '\0')
            {
              json_object_set_string_member (object, question->id, text);
              given = TRUE;
            }
        }
      if (!given && question->required)
        g_ptr_array_add (missing, g_strdup (question->id));
    }
  *answers = object;
  return missing;
}

char *
cl_patient_page_message (const ClPageLanguage *language,
                         ClPatientPageMessage  message)
{
  GString *out = g_string_sized_new (4096);
  const char *title = NULL;
  const char *text = NULL;

  switch (message)
    {
    case CL_PATIENT_PAGE_THANKS:
      title = N_("Thank you");
      text = N_("Your answers have been sent to your care team. You can close this page.");
      break;
    case CL_PATIENT_PAGE_SPENT:
      title = N_("This form has been answered");
      text = N_("The answers were received, and this link works only once. "
                "If you want to change an answer, please tell your care team.");
      break;
    case CL_PATIENT_PAGE_EXPIRED:
      title = N_("This link has expired");
      text = N_("Links stay open for a limited time. Please ask your care team for a new one.");
      break;
    case CL_PATIENT_PAGE_UNKNOWN:
      title = N_("This link is not valid");
      text = N_("Please check that the whole address was copied, or ask your care team for a new link.");
      break;
    case CL_PATIENT_PAGE_BUSY:
      title = N_("Too many requests");
      text = N_("Please wait a minute, then try again.");
      break;
    case CL_PATIENT_PAGE_FAILED:
    default:
      title = N_("Your answers could not be saved");
      text = N_("Nothing was saved. Please try again in a few minutes.");
      break;
    }
  page_begin (out, language, tr (language, title));
  append_paragraph (out, NULL, tr (language, text));
  return page_end (out);
}

gboolean
cl_patient_page_read_answers (CLScale    *scale,
                              const char *body,
                              gsize       length,
                              gint       *answers)
{
  g_autoptr(GHashTable) params = NULL;
  guint n_items = cl_scale_get_n_items (scale);
  gboolean complete = TRUE;

  if (body && length > 0)
    params = g_uri_parse_params (body, length, "&", G_URI_PARAMS_WWW_FORM, NULL);

  for (guint i = 0; i < n_items; i++)
    {
      const CLScaleItem *item = cl_scale_get_item (scale, i);
      g_autofree char *name = g_strdup_printf ("q%u", item->number);
      const char *value = params ? g_hash_table_lookup (params, name) : NULL;
      guint64 option;

      if (value && g_ascii_string_to_unsigned (value, 10, 0, item->n_options - 1, &option, NULL))
        answers[i] = (gint) option;
      else
        {
          answers[i] = CL_SCALE_UNANSWERED;
          complete = FALSE;
        }
    }
  return complete;
}

void
cl_patient_page_send (SoupServerMessage *msg,
                      guint              status,
                      char              *html)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  static char *policy;
  static gsize made;

  if (g_once_init_enter (&made))
    {
      /* The style is allowed by its hash, so nothing injected could
       * style (or script) the page.  'unsafe-inline' is only for
       * browsers older than hashes (some in-app ones): those that know
       * hashes ignore it when one is given. */
      guint8 digest[32];
      gsize digest_length = sizeof digest;
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autofree char *hash = NULL;

      g_checksum_update (checksum, (const guchar *) page_style, strlen (page_style));
      g_checksum_get_digest (checksum, digest, &digest_length);
      hash = g_base64_encode (digest, digest_length);
      policy = g_strdup_printf ("default-src 'none'; style-src 'sha256-%s' 'unsafe-inline'; "
                                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'", hash);
      g_once_init_leave (&made, 1);
    }
  soup_message_headers_replace (headers, "Content-Security-Policy", policy);
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Vary", "Accept-Language");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE, html, strlen (html));
}
