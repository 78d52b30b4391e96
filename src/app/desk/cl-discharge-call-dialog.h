#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-discharge.h"
#include "cl-survey-campaign.h"

G_BEGIN_DECLS

/* Records an attempt at a discharged patient's follow-up call: when
 * (now unless changed), the outcome (reached, no answer, refused) and a
 * note, by whoever is logged in (cl_discharge_store_record_call()).
 * When she was reached and the discharge follow-up survey has an open
 * campaign this quarter, a check (on at first) asks to record her
 * answers next; with none open, a line says so. */
#define CL_TYPE_DISCHARGE_CALL_DIALOG (cl_discharge_call_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDischargeCallDialog, cl_discharge_call_dialog, CL, DISCHARGE_CALL_DIALOG, AdwWindow)

CLDischargeCallDialog *cl_discharge_call_dialog_new       (GtkWindow             *parent,
                                                           CLContext             *context,
                                                           CLDischarge           *discharge);

gboolean               cl_discharge_call_dialog_save      (CLDischargeCallDialog *self);

/* The campaign whose answers she is to give next (outcome reached and
 * the check on), or NULL; transfer none.  Read it in "saved". */
CLSurveyCampaign      *cl_discharge_call_dialog_get_survey (CLDischargeCallDialog *self);

/* For tests: the row with the check (@open) or the line saying no
 * campaign is open. */
GtkWidget             *cl_discharge_call_dialog_get_survey_row (CLDischargeCallDialog *self,
                                                                gboolean               open);

/* For tests: "called_at", "outcome", "note"; the outcome row is an
 * AdwComboRow in cl_discharge_call_outcomes()' order. */
GtkWidget             *cl_discharge_call_dialog_get_field (CLDischargeCallDialog *self,
                                                           const char            *field);
const char            *cl_discharge_call_dialog_get_error (CLDischargeCallDialog *self,
                                                           const char            *field);

G_END_DECLS
