#pragma once

#include "cl-record.h"
#include "cl-survey-campaign.h"
#include "cl-survey-template.h"

G_BEGIN_DECLS

/* One person's answers to a campaign (table survey_answer), synced: the
 * campaign, who answered (person_kind and person_id as in a campaign's
 * people, or the kind "discharge" with the id of a discharge whose
 * follow-up call reached her; both empty for an anonymous campaign), how (channel "desk",
 * "phone" or "link"), when (answered_at, Unix seconds), the department
 * it is about where the template asks one, and the answers: a JSON
 * object of question id → a mark 1-5, true/false or text. */
#define CL_TYPE_SURVEY_ANSWER (cl_survey_answer_get_type ())
G_DECLARE_FINAL_TYPE (CLSurveyAnswer, cl_survey_answer, CL, SURVEY_ANSWER, CLRecord)

CLSurveyAnswer *cl_survey_answer_new (void);

const char *cl_survey_answer_get_campaign_id   (CLSurveyAnswer *self);
void        cl_survey_answer_set_campaign_id   (CLSurveyAnswer *self, const char *value);
const char *cl_survey_answer_get_person_kind   (CLSurveyAnswer *self);
void        cl_survey_answer_set_person_kind   (CLSurveyAnswer *self, const char *value);
const char *cl_survey_answer_get_person_id     (CLSurveyAnswer *self);
void        cl_survey_answer_set_person_id     (CLSurveyAnswer *self, const char *value);
const char *cl_survey_answer_get_channel       (CLSurveyAnswer *self);
void        cl_survey_answer_set_channel       (CLSurveyAnswer *self, const char *value);
gint64      cl_survey_answer_get_answered_at   (CLSurveyAnswer *self);
void        cl_survey_answer_set_answered_at   (CLSurveyAnswer *self, gint64 value);
const char *cl_survey_answer_get_department_id (CLSurveyAnswer *self);
void        cl_survey_answer_set_department_id (CLSurveyAnswer *self, const char *value);
const char *cl_survey_answer_get_answers       (CLSurveyAnswer *self);
void        cl_survey_answer_set_answers       (CLSurveyAnswer *self, const char *value);

/* The answer's person kind for a discharged patient reached by the
 * desk's follow-up call: person_id is then the discharge's id. */
#define CL_SURVEY_KIND_DISCHARGE "discharge"

/* Whether an answer's person of @kind may answer @template: as
 * cl_survey_kind_answers(), and a discharge wherever a patient may. */
gboolean    cl_survey_answer_kind_answers (CLSurveyTemplate *template,
                                           const char       *kind);

/* The channels as stored: "desk", "phone", "link"; NULL-terminated. */
const char * const *cl_survey_answer_channels      (void);
const char         *cl_survey_answer_channel_label (const char *channel);

/* The answers of @self as an object (a new reference), or NULL when
 * they are not a JSON object. */
JsonObject *cl_survey_answer_dup_answers (CLSurveyAnswer *self);

/* Checks @json (the answers column) against @template: an object whose
 * keys are the template's questions, a mark 1-5 for a scale, true or
 * false for a yes/no, text for free text, and every required question
 * answered.  FALSE with a translated @message naming the question. */
gboolean    cl_survey_answers_check      (CLSurveyTemplate  *template,
                                          const char        *json,
                                          char             **message);

/* The answer's rules against its @campaign and the campaign's
 * @template (either NULL when unknown: then only the rules that need
 * neither): a channel of the list, a time, no person in an anonymous
 * campaign and a person of a kind that answers the template otherwise,
 * a department where the template asks one, answers as
 * cl_survey_answers_check() wants, and an open campaign.  Adds column →
 * translated message to @errors. */
void        cl_survey_answer_check       (CLSurveyAnswer    *self,
                                          CLSurveyCampaign  *campaign,
                                          CLSurveyTemplate  *template,
                                          GHashTable        *errors);
/* The rule against the clock: not answered after @now. */
void        cl_survey_answer_check_time  (CLSurveyAnswer    *self,
                                          gint64             now,
                                          GHashTable        *errors);

G_END_DECLS
