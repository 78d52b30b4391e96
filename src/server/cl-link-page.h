#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cl-message-catalog.h"
#include "cl-scale.h"
#include "cl-survey-template.h"

G_BEGIN_DECLS

/* The HTML a patient reads at her link (/p/TOKEN): one scale as a form
 * of radio groups, and the short pages that answer it.  Small, with its
 * style inline and nothing from elsewhere (a phone's or WeChat's
 * browser, a slow line), no script, every text escaped.  In Chinese,
 * or in English when her browser prefers it. */

typedef struct
{
  const char       *lang;      /* "zh_CN" or "en" (the scales' and the catalog's) */
  const char       *html_lang; /* "zh-CN" or "en" */
  ClMessageCatalog *catalog;   /* NULL: the untranslated (English) texts */
} ClPageLanguage;

/* "zh_CN" unless @accept_language (an Accept-Language header, may be
 * NULL) ranks English above Chinese; then "en". */
const char *cl_patient_page_choose_language (const char *accept_language);

typedef enum
{
  CL_PATIENT_PAGE_THANKS,     /* her answers were stored */
  CL_PATIENT_PAGE_SPENT,      /* the link was used already */
  CL_PATIENT_PAGE_EXPIRED,
  CL_PATIENT_PAGE_UNKNOWN,    /* no such link */
  CL_PATIENT_PAGE_BUSY,       /* too many requests */
  CL_PATIENT_PAGE_FAILED,     /* the server could not store them */
} ClPatientPageMessage;

/* The form of @scale for her (@given_name), posting to @action; the
 * options in @answers (one per item, CL_SCALE_UNANSWERED for none; NULL
 * for a fresh form) are checked, and when @show_missing each item
 * without an answer says so, with a summary at the top. */
char       *cl_patient_page_form            (const ClPageLanguage *language,
                                             CLScale              *scale,
                                             const char           *given_name,
                                             const char           *action,
                                             const gint           *answers,
                                             gboolean              show_missing);

/* The form of a satisfaction survey (@template) for her, posting to
 * @action: a radio group of the five marks (with the survey's labels)
 * or yes and no for each rated question, a text box for free text, and
 * when the survey asks which department, a choice of @department_names
 * (parallel to @department_ids).  What she sent is kept: @answers (a
 * JSON object as cl-survey-answer.h's, may be NULL) and @department_id
 * (may be NULL); each id in @missing (question ids, "department"; NULL
 * or empty for a fresh form) says it is still to answer, with a summary
 * at the top. */
char       *cl_patient_page_survey_form     (const ClPageLanguage *language,
                                             CLSurveyTemplate     *template,
                                             const char           *given_name,
                                             const char           *action,
                                             GPtrArray            *department_ids,
                                             GPtrArray            *department_names,
                                             JsonObject           *answers,
                                             const char           *department_id,
                                             GPtrArray            *missing);

/* Reads a form-urlencoded survey ("q-wait=4&q-privacy=yes&department=…")
 * into @answers (a new object: marks 1-5, true/false, trimmed text;
 * anything else left out) and @department_id (one of @department_ids,
 * else NULL).  Returns the ids still to answer, as
 * cl_patient_page_survey_form() takes them: the required questions left
 * out, and "department" when the survey asks one and none was chosen. */
GPtrArray  *cl_patient_page_read_survey     (CLSurveyTemplate     *template,
                                             const char           *body,
                                             gsize                 length,
                                             GPtrArray            *department_ids,
                                             JsonObject          **answers,
                                             char                **department_id);

/* One of the short pages. */
char       *cl_patient_page_message         (const ClPageLanguage *language,
                                             ClPatientPageMessage  message);

/* Reads a form-urlencoded body of answers ("q1=0&q2=3…") into
 * @answers (cl_scale_get_n_items() of them): CL_SCALE_UNANSWERED for an
 * item without an answer or with one that is not among its options.
 * Returns FALSE when some item is unanswered. */
gboolean    cl_patient_page_read_answers    (CLScale              *scale,
                                             const char           *body,
                                             gsize                 length,
                                             gint                 *answers);

/* Sends @html with @status and the headers that keep the page to
 * itself: a Content-Security-Policy allowing only its own inline style
 * and posting to itself, nosniff, no referrer, no caching, no
 * framing. */
void        cl_patient_page_send            (SoupServerMessage    *msg,
                                             guint                 status,
                                             char                 *html);

G_END_DECLS
