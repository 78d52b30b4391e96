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
  "input:focus-visible{outline:3px solid #1c71d8;outline-offset:2px}"
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
