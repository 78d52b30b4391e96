#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-survey-campaign.h"

G_BEGIN_DECLS

/* Records one person's answers to @campaign at the desk or from a phone
 * call: who answered (one of the campaign's people; nobody in an
 * anonymous campaign), the department where the survey asks one, the
 * channel, and a row per question built from the survey's template:
 * the five marks as radio buttons with the survey's labels, yes or no,
 * or a text box (cl_survey_store_save_answer()).  "saved" with the
 * answer's id. */
#define CL_TYPE_SURVEY_ANSWER_DIALOG (cl_survey_answer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLSurveyAnswerDialog, cl_survey_answer_dialog, CL, SURVEY_ANSWER_DIALOG, AdwWindow)

CLSurveyAnswerDialog *cl_survey_answer_dialog_new     (GtkWindow            *parent,
                                                       CLContext            *context,
                                                       CLSurveyCampaign     *campaign);

gboolean              cl_survey_answer_dialog_save    (CLSurveyAnswerDialog *self);

/* Sets who answered to the person of @kind and @id (one of the
 * campaign's people or not: a discharge the desk reached by phone), who
 * can then not be changed, and the department (may be NULL). */
void                  cl_survey_answer_dialog_set_respondent (CLSurveyAnswerDialog *self,
                                                              const char           *kind,
                                                              const char           *id,
                                                              const char           *department_id);
/* Chooses the channel: "desk" or "phone". */
void                  cl_survey_answer_dialog_set_channel    (CLSurveyAnswerDialog *self,
                                                              const char           *channel);

/* For tests: answers question @id with @mark (1-5; for a yes/no 1 is
 * yes and 0 no) or @text; chooses the department by its id and the
 * person by index of the campaign's people; the message at "person_id",
 * "department_id", "channel", "answers" or "" (the form's). */
void                  cl_survey_answer_dialog_set_mark (CLSurveyAnswerDialog *self,
                                                        const char           *id,
                                                        gint                  mark);
void                  cl_survey_answer_dialog_set_text (CLSurveyAnswerDialog *self,
                                                        const char           *id,
                                                        const char           *text);
void                  cl_survey_answer_dialog_set_department (CLSurveyAnswerDialog *self,
                                                              const char           *department_id);
const char           *cl_survey_answer_dialog_get_error (CLSurveyAnswerDialog *self,
                                                         const char           *field);

G_END_DECLS
