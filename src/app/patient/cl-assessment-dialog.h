#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Her nursing assessment, at her first visit or as an update: medical
 * and surgical history, drug and food allergies (the coded choices,
 * "No known … allergies", and free text), the social and psychological
 * assessments and the high-risk screening.  Prefilled from her latest
 * version; saving records the next version (cl-nursing-store.h), and
 * the earlier ones stay in her history.  "saved" with the new
 * version's id. */

#define CL_TYPE_ASSESSMENT_DIALOG (cl_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLAssessmentDialog, cl_assessment_dialog, CL, ASSESSMENT_DIALOG, AdwWindow)

CLAssessmentDialog *cl_assessment_dialog_new (GtkWindow  *parent,
                                              CLContext  *context,
                                              const char *patient_id);

gboolean        cl_assessment_dialog_save      (CLAssessmentDialog *self);

/* For tests.  @list is "drug_allergies", "food_allergies" or "risks";
 * @word one of its words or CL_NURSING_NONE. */
GtkCheckButton *cl_assessment_dialog_get_check (CLAssessmentDialog *self,
                                                const char         *list,
                                                const char         *word);
/* An entry row by column: drug_allergy_note, food_allergy_note,
 * risk_note, medical_history, surgical_history, social, psychological. */
GtkEditable    *cl_assessment_dialog_get_entry (CLAssessmentDialog *self,
                                                const char         *column);
/* The message shown at @column ("" for the form's own), or NULL. */
const char     *cl_assessment_dialog_get_error (CLAssessmentDialog *self,
                                                const char         *column);

G_END_DECLS
