#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Registers a patient at the service desk, from the quick-entry bar:
 * name, phone and an optional ID number, under the patient record's
 * own rules (cl_patient_validate()).  She is a patient like any other,
 * without a pregnancy, and the roster's search finds her.  "saved"
 * carries her id. */
#define CL_TYPE_DESK_PATIENT_DIALOG (cl_desk_patient_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDeskPatientDialog, cl_desk_patient_dialog, CL, DESK_PATIENT_DIALOG, AdwWindow)

/* @name and @phone (may be NULL) fill the form in: what the desk had
 * typed already. */
CLDeskPatientDialog *cl_desk_patient_dialog_new       (GtkWindow           *parent,
                                                       CLContext           *context,
                                                       const char          *name,
                                                       const char          *phone);

gboolean             cl_desk_patient_dialog_save      (CLDeskPatientDialog *self);
/* For tests: a field ("name", "phone", "id_number") and its message. */
GtkEditable         *cl_desk_patient_dialog_get_entry (CLDeskPatientDialog *self,
                                                       const char          *field);
const char          *cl_desk_patient_dialog_get_error (CLDeskPatientDialog *self,
                                                       const char          *field);
/* The name saved last (for the chooser to show). */
const char          *cl_desk_patient_dialog_get_name  (CLDeskPatientDialog *self);

G_END_DECLS
