#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-critical-value.h"

G_BEGIN_DECLS

/* Records that a critical value was reported: to whom (a doctor or a
 * nurse), when (now unless changed) and what they did
 * (cl_critical_store_report()).  The alarm stops once it is saved. */
#define CL_TYPE_CRITICAL_REPORT_DIALOG (cl_critical_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLCriticalReportDialog, cl_critical_report_dialog, CL, CRITICAL_REPORT_DIALOG, AdwWindow)

/* @description says which value it is (patient, test, value). */
CLCriticalReportDialog *cl_critical_report_dialog_new       (GtkWindow              *parent,
                                                             CLContext              *context,
                                                             CLCriticalValue        *value,
                                                             const char             *description);

gboolean                cl_critical_report_dialog_save      (CLCriticalReportDialog *self);

/* For tests: "reported_to", "reported_role", "reported_at", "action". */
GtkWidget              *cl_critical_report_dialog_get_field (CLCriticalReportDialog *self,
                                                             const char             *field);
const char             *cl_critical_report_dialog_get_error (CLCriticalReportDialog *self,
                                                             const char             *field);

/* What the dialog, the register and the alarm say of @value: "王芳 ·
 * 血钾 6.8 mmol/L · received 09:00". */
char                   *cl_critical_describe                (CLStore                *store,
                                                             CLCriticalValue        *value);

/* Her name, or "" when the patient is unknown. */
char                   *cl_critical_patient_name            (CLStore                *store,
                                                             CLCriticalValue        *value);

G_END_DECLS
