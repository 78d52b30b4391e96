#pragma once

#include <adwaita.h>

#include "cl-patient-form.h"
#include "cl-context.h"

G_BEGIN_DECLS

#define CL_TYPE_NEW_PATIENT_DIALOG (cl_new_patient_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLNewPatientDialog, cl_new_patient_dialog, CL, NEW_PATIENT_DIALOG, AdwWindow)

CLNewPatientDialog *cl_new_patient_dialog_new      (GtkWindow          *parent,
                                                    CLContext          *context);
CLPatientForm      *cl_new_patient_dialog_get_form (CLNewPatientDialog *self);

/* What the Add button does: TRUE and "saved" emitted, or FALSE with
 * the messages shown at the fields. */
gboolean            cl_new_patient_dialog_add      (CLNewPatientDialog *self);

G_END_DECLS
