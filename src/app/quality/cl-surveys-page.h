#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-survey-campaign.h"
#include "cl-survey-results.h"

G_BEGIN_DECLS

/* The Service Desk's Surveys page: the quarter's survey campaigns
 * (← This Quarter →) with their progress (answers of the target), New
 * Campaign…, Record Answer… and Send Link… (a link one of its patients
 * opens on her phone) for the selected campaign, and Close
 * Campaign; under them the selected campaign's survey results of the
 * quarter per department, with the trend of the last four quarters as
 * a chart. */
#define CL_TYPE_SURVEYS_PAGE (cl_surveys_page_get_type ())
G_DECLARE_FINAL_TYPE (CLSurveysPage, cl_surveys_page, CL, SURVEYS_PAGE, GtkWidget)

GtkWidget        *cl_surveys_page_new             (CLContext     *context);

/* The quarter shown, "2026-Q4"; set another. */
const char       *cl_surveys_page_get_quarter     (CLSurveysPage *self);
void              cl_surveys_page_set_quarter     (CLSurveysPage *self,
                                                   const char    *quarter);

/* For tests: the campaigns shown and row @i's (transfer none), its
 * answer count; selects row @i; the dialogs the buttons open (transfer
 * none); closes the selected campaign; the results shown (transfer
 * none, NULL without a selection), the results row selected by
 * department key and the chart. */
guint             cl_surveys_page_get_n_rows      (CLSurveysPage *self);
CLSurveyCampaign *cl_surveys_page_get_campaign    (CLSurveysPage *self,
                                                   guint          i);
guint             cl_surveys_page_get_n_answers   (CLSurveysPage *self,
                                                   guint          i);
void              cl_surveys_page_select          (CLSurveysPage *self,
                                                   guint          i);
GtkWindow        *cl_surveys_page_open_new        (CLSurveysPage *self);
GtkWindow        *cl_surveys_page_open_answer     (CLSurveysPage *self);
GtkWindow        *cl_surveys_page_open_link       (CLSurveysPage *self);
gboolean          cl_surveys_page_close_selected  (CLSurveysPage *self);
CLSurveyResults  *cl_surveys_page_get_results     (CLSurveysPage *self);
void              cl_surveys_page_select_department (CLSurveysPage *self,
                                                     const char    *key);
GtkWidget        *cl_surveys_page_get_chart       (CLSurveysPage *self);

G_END_DECLS
