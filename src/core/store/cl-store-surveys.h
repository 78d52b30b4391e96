#pragma once

#include "cl-store.h"
#include "cl-survey-answer.h"
#include "cl-survey-campaign.h"

G_BEGIN_DECLS

/* The satisfaction surveys' reads (cl-store-surveys.c).  The rules over
 * them are in src/core/survey/cl-survey-store.h. */

/* The live CLSurveyCampaigns of @quarter ("2026-Q4"), open ones first,
 * then by title. */
GPtrArray *cl_store_survey_campaigns_of_quarter (CLStore    *store,
                                                 const char *quarter);
/* The live CLSurveyAnswers of @campaign_id, the oldest first. */
GPtrArray *cl_store_survey_answers_of_campaign  (CLStore    *store,
                                                 const char *campaign_id);

/* The live CLSurveyAnswers given by @person_kind @person_id, the oldest
 * first. */
GPtrArray *cl_store_survey_answers_by           (CLStore    *store,
                                                 const char *person_kind,
                                                 const char *person_id);

G_END_DECLS
