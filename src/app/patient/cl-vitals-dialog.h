#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Records a visit's pain screen and vital signs for her, taken now by
 * whoever is working.  A value outside its plausible range gets core's
 * message at its field and nothing is written; a possible but abnormal
 * value is saved, and her page shows it highlighted.  "saved" with the
 * new record's id. */

#define CL_TYPE_VITALS_DIALOG (cl_vitals_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLVitalsDialog, cl_vitals_dialog, CL, VITALS_DIALOG, AdwWindow)

CLVitalsDialog *cl_vitals_dialog_new (GtkWindow  *parent,
                                      CLContext  *context,
                                      const char *patient_id);

gboolean     cl_vitals_dialog_save      (CLVitalsDialog *self);

/* For tests: the entry of a column ("pain", "temperature", "pulse",
 * "respiration", "systolic", "diastolic", "note") and the message shown
 * at it ("" for the form's own), or NULL. */
GtkEditable *cl_vitals_dialog_get_entry (CLVitalsDialog *self,
                                         const char     *column);
const char  *cl_vitals_dialog_get_error (CLVitalsDialog *self,
                                         const char     *column);

G_END_DECLS
