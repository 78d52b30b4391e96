#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A quarter's survey campaign (table survey_campaign), synced: which
 * template (an id of cl-survey-catalog.h), the quarter ("2026-Q4"), a
 * title, the number of answers the quality office wants, whether the
 * answers are anonymous (only for a template that allows it), open or
 * closed, and the people to ask: a JSON array of {"kind": "patient" |
 * "staff", "id": UUID} (a patient of the roster, including those the
 * service desk registered, or a member of staff). */
#define CL_TYPE_SURVEY_CAMPAIGN (cl_survey_campaign_get_type ())
G_DECLARE_FINAL_TYPE (CLSurveyCampaign, cl_survey_campaign, CL, SURVEY_CAMPAIGN, CLRecord)

/* A campaign's target is at most this many answers. */
#define CL_SURVEY_MAX_TARGET 100000

CLSurveyCampaign *cl_survey_campaign_new (void);

const char *cl_survey_campaign_get_template_id (CLSurveyCampaign *self);
void        cl_survey_campaign_set_template_id (CLSurveyCampaign *self, const char *value);
const char *cl_survey_campaign_get_quarter     (CLSurveyCampaign *self);
void        cl_survey_campaign_set_quarter     (CLSurveyCampaign *self, const char *value);
const char *cl_survey_campaign_get_title       (CLSurveyCampaign *self);
void        cl_survey_campaign_set_title       (CLSurveyCampaign *self, const char *value);
gint        cl_survey_campaign_get_target      (CLSurveyCampaign *self);
void        cl_survey_campaign_set_target      (CLSurveyCampaign *self, gint value);
gboolean    cl_survey_campaign_get_anonymous   (CLSurveyCampaign *self);
void        cl_survey_campaign_set_anonymous   (CLSurveyCampaign *self, gboolean value);
const char *cl_survey_campaign_get_status      (CLSurveyCampaign *self);
void        cl_survey_campaign_set_status      (CLSurveyCampaign *self, const char *value);
const char *cl_survey_campaign_get_people      (CLSurveyCampaign *self);
void        cl_survey_campaign_set_people      (CLSurveyCampaign *self, const char *value);

/* Whether it takes answers (its status is open). */
gboolean    cl_survey_campaign_is_open         (CLSurveyCampaign *self);
/* Sets the people to ask from @kinds and @ids, parallel and of @n. */
void        cl_survey_campaign_set_people_list (CLSurveyCampaign  *self,
                                                const char * const *kinds,
                                                const char * const *ids,
                                                guint               n);

/* The statuses as stored ("open", "closed") and the kinds of person
 * ("patient", "staff"); NULL-terminated. */
const char * const *cl_survey_campaign_statuses     (void);
const char * const *cl_survey_person_kinds          (void);
const char         *cl_survey_campaign_status_label (const char *status);

/* "2026-Q4" for @year and @quarter (1-4); and back, FALSE for anything
 * else. */
char       *cl_survey_quarter_format (gint        year,
                                      gint        quarter);
gboolean    cl_survey_quarter_parse  (const char *text,
                                      gint       *year,
                                      gint       *quarter);
/* The quarter @steps quarters after @quarter (before it when negative). */
char       *cl_survey_quarter_add    (const char *quarter,
                                      gint        steps);
/* What a person reads for @quarter: "2026 Q4" (2026年第4季度); @quarter
 * itself when it is no quarter. */
char       *cl_survey_quarter_label  (const char *quarter);
/* The quarter of the local day of @unix_time. */
char       *cl_survey_quarter_of     (gint64      unix_time);

/* The campaign's own rules, column → translated message: a template in
 * force, a quarter, a title, a target of 1 … CL_SURVEY_MAX_TARGET, an
 * anonymous campaign only of a template that may be, a status of the
 * list, and well-formed people of the kinds the template asks.  Empty
 * when valid. */
GHashTable *cl_survey_campaign_validate (CLSurveyCampaign *self);

G_END_DECLS
