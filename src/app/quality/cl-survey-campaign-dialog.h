#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Starts a survey campaign: the survey (a template in force), the
 * quarter (@quarter, the page's), a title, the number of answers wanted,
 * anonymous or not (offered only for a survey that may be), and the
 * people to ask: staff from the staff list, patients found by the
 * roster's search (cl_survey_store_save_campaign()).  "saved" with the
 * campaign's id. */
#define CL_TYPE_SURVEY_CAMPAIGN_DIALOG (cl_survey_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLSurveyCampaignDialog, cl_survey_campaign_dialog, CL, SURVEY_CAMPAIGN_DIALOG, AdwWindow)

CLSurveyCampaignDialog *cl_survey_campaign_dialog_new        (GtkWindow              *parent,
                                                              CLContext              *context,
                                                              const char             *quarter);

gboolean                cl_survey_campaign_dialog_save       (CLSurveyCampaignDialog *self);

/* For tests: chooses the survey @template_id; adds (and ticks) a person
 * of @kind ("patient", "staff") to ask; "template_id", "quarter",
 * "title", "target", "anonymous", "people" and their messages. */
void                    cl_survey_campaign_dialog_set_template (CLSurveyCampaignDialog *self,
                                                                const char             *template_id);
void                    cl_survey_campaign_dialog_add_person (CLSurveyCampaignDialog *self,
                                                              const char             *kind,
                                                              const char             *id,
                                                              const char             *name);
GtkWidget              *cl_survey_campaign_dialog_get_field  (CLSurveyCampaignDialog *self,
                                                              const char             *field);
const char             *cl_survey_campaign_dialog_get_error  (CLSurveyCampaignDialog *self,
                                                              const char             *field);

G_END_DECLS
