#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-survey-campaign.h"

G_BEGIN_DECLS

/* Send Survey Link: for one of @campaign's patients, asks the server
 * for a link she opens on her phone to answer the survey (the same
 * /p/TOKEN page as a scale's), and shows it with Copy and when it
 * stops working.  Careline does not send it: the desk gives it to her. */
#define CL_TYPE_SURVEY_LINK_DIALOG (cl_survey_link_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLSurveyLinkDialog, cl_survey_link_dialog, CL, SURVEY_LINK_DIALOG, AdwWindow)

CLSurveyLinkDialog *cl_survey_link_dialog_new     (GtkWindow          *parent,
                                                   CLContext          *context,
                                                   CLSurveyCampaign   *campaign);

/* For tests: how many patients it offers; chooses the @i-th; presses
 * Create Link; the link made (NULL until then) and whether it waits for
 * the server. */
guint               cl_survey_link_dialog_get_n_patients (CLSurveyLinkDialog *self);
void                cl_survey_link_dialog_select  (CLSurveyLinkDialog *self,
                                                   guint               i);
void                cl_survey_link_dialog_create  (CLSurveyLinkDialog *self);
const char         *cl_survey_link_dialog_get_url (CLSurveyLinkDialog *self);
gboolean            cl_survey_link_dialog_is_busy (CLSurveyLinkDialog *self);

G_END_DECLS
