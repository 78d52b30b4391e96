#pragma once

#include "cl-store.h"
#include "cl-survey-answer.h"
#include "cl-survey-campaign.h"

G_BEGIN_DECLS

/* Writing survey campaigns and answers, at the desk and on the server,
 * with one set of rules and messages.  Reads are cl-store-surveys.h's. */

/* @campaign's rules with the store: its own (cl_survey_campaign_validate())
 * and every person to ask a live patient or member of staff.
 * Adds column → message to @errors. */
void     cl_survey_store_validate_campaign (CLStore          *store,
                                            CLSurveyCampaign *campaign,
                                            GHashTable       *errors);
/* @answer's rules with the store: a live campaign, then
 * cl_survey_answer_check() against it and its template, a live person
 * and department where named.  Adds column → message to @errors. */
void     cl_survey_store_validate_answer   (CLStore          *store,
                                            CLSurveyAnswer   *answer,
                                            GHashTable       *errors);

/* The name of the person of @kind ("patient", "staff") with @id, or
 * NULL when there is none. */
char    *cl_survey_store_person_name       (CLStore          *store,
                                            const char       *kind,
                                            const char       *id);

/* Every rule, then saves for @role.  On a refusal CL_STORE_ERROR_INVALID
 * and, if given, @field_errors (column → message); nothing is written. */
gboolean cl_survey_store_save_campaign     (CLStore          *store,
                                            CLSurveyCampaign *campaign,
                                            const char       *role,
                                            GHashTable      **field_errors,
                                            GError          **error);
/* Closes @campaign: it takes no more answers.  On a refusal @campaign is
 * left as it was. */
gboolean cl_survey_store_close_campaign    (CLStore          *store,
                                            CLSurveyCampaign *campaign,
                                            const char       *role,
                                            GError          **error);
/* As cl_survey_store_save_campaign(), with the answer not after now (by
 * cl_schedule_now()). */
gboolean cl_survey_store_save_answer       (CLStore          *store,
                                            CLSurveyAnswer   *answer,
                                            const char       *role,
                                            GHashTable      **field_errors,
                                            GError          **error);

/* The server's hook for survey_answer (cl-tables.c), inside the write
 * transaction of a pushed change: cl_survey_answer_check_time() with the
 * server's clock, as CL_STORE_ERROR_INVALID "column: message". */
gboolean cl_survey_store_check_answer_change (CLStore     *store,
                                              CLRecord    *incoming,
                                              CLRecord    *current,
                                              const char  *username,
                                              const char  *role,
                                              CLRecord   **conflict,
                                              GError     **error);

/* The template of the discharged-patient phone follow-up
 * (data/surveys/discharge-call.ini). */
#define CL_SURVEY_DISCHARGE_TEMPLATE "discharge-call"

/* The open, named campaign of that template for the quarter of @when
 * (Unix seconds) that a reached discharge call records answers in, or
 * NULL when there is none. */
CLSurveyCampaign *cl_survey_store_discharge_campaign (CLStore *store,
                                                      gint64   when);

G_END_DECLS
