#pragma once

#include <gio/gio.h>

#include "cl-ini.h"

G_BEGIN_DECLS

/* A satisfaction survey as data, like the assessment scales: who answers
 * it, whether it may be answered anonymously, and its questions in
 * English and Chinese, each a 1–5 satisfaction scale, a yes/no or free
 * text, and what it is about (a department, named as in the directory,
 * or a service).  Read from a key file (data/surveys/ID.ini, described in
 * the README, "Satisfaction surveys"). */

#define CL_TYPE_SURVEY_TEMPLATE (cl_survey_template_get_type ())
G_DECLARE_FINAL_TYPE (CLSurveyTemplate, cl_survey_template, CL, SURVEY_TEMPLATE, GObject)

/* The highest mark of a satisfaction question (1 very dissatisfied …
 * 5 very satisfied). */
#define CL_SURVEY_SCALE_MAX 5

typedef enum
{
  CL_SURVEY_QUESTION_SCALE,
  CL_SURVEY_QUESTION_YES_NO,
  CL_SURVEY_QUESTION_TEXT,
} CLSurveyQuestionKind;

typedef enum
{
  CL_SURVEY_RESPONDENTS_PATIENTS,
  CL_SURVEY_RESPONDENTS_STAFF,
  CL_SURVEY_RESPONDENTS_ANYONE,
} CLSurveyRespondents;

typedef struct
{
  char                 *id;          /* "wait", from [Question wait]; the key of its answer */
  CLSurveyQuestionKind  kind;
  CLLocalText          *text;
  gboolean              required;
  char                 *department;  /* a department's name, or NULL */
  CLLocalText          *service;     /* a service ("Guide desk"), or NULL */
} CLSurveyQuestion;

CLSurveyTemplate       *cl_survey_template_new_from_bytes   (GBytes           *bytes,
                                                             const char       *source,
                                                             GError          **error);
CLSurveyTemplate       *cl_survey_template_new_from_file    (const char       *path,
                                                             GError          **error);
/* One of the templates compiled into core (cl_survey_template_get_builtin_ids()). */
CLSurveyTemplate       *cl_survey_template_new_builtin      (const char       *id,
                                                             GError          **error);
const char * const     *cl_survey_template_get_builtin_ids  (void);

const char             *cl_survey_template_get_id           (CLSurveyTemplate *self);
const char             *cl_survey_template_get_title        (CLSurveyTemplate *self,
                                                             const char       *lang);
CLSurveyRespondents     cl_survey_template_get_respondents  (CLSurveyTemplate *self);
/* Whether a campaign of it may record no person with an answer. */
gboolean                cl_survey_template_get_may_be_anonymous (CLSurveyTemplate *self);
/* Whether each answer says which department it is about (the one the
 * patient was seen in, the one the staff member rates). */
gboolean                cl_survey_template_get_asks_department (CLSurveyTemplate *self);
/* The label of mark @mark (1 … CL_SURVEY_SCALE_MAX). */
const char             *cl_survey_template_get_scale_label  (CLSurveyTemplate *self,
                                                             guint             mark,
                                                             const char       *lang);
guint                   cl_survey_template_get_n_questions  (CLSurveyTemplate *self);
const CLSurveyQuestion *cl_survey_template_get_question     (CLSurveyTemplate *self,
                                                             guint             index);
const CLSurveyQuestion *cl_survey_template_lookup_question  (CLSurveyTemplate *self,
                                                             const char       *id);

/* The word of @respondents in the file ("patients", "staff", "anyone"). */
const char             *cl_survey_respondents_to_string     (CLSurveyRespondents respondents);

G_END_DECLS
