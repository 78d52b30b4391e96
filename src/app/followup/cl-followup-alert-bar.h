#pragma once

#include <adwaita.h>

#include "cl-patient-section.h"

G_BEGIN_DECLS

/* The warning under her page's header while a scale's positive screen
 * or flagged answer waits for someone to act
 * (cl_followup_alert_for_patient()), with "Record Action…" to record
 * what was done.  Hidden when nothing waits. */

#define CL_TYPE_FOLLOWUP_ALERT_BAR (cl_followup_alert_bar_get_type ())
G_DECLARE_FINAL_TYPE (CLFollowupAlertBar, cl_followup_alert_bar, CL, FOLLOWUP_ALERT_BAR, CLPatientSection)

/* Context and patient: cl_patient_section_set_context() and
 * cl_patient_section_set_patient_id(). */
void        cl_followup_alert_bar_reload         (CLFollowupAlertBar *self);

/* For tests: the warning shown, or NULL when hidden. */
const char *cl_followup_alert_bar_get_text       (CLFollowupAlertBar *self);

G_END_DECLS
