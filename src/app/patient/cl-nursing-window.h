#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Her nursing assessment and vital signs in a window of their own, for
 * the Service Desk, where she is chosen at the quick-entry bar rather
 * than opened on her page: her allergy line, then the same section her
 * page has (CLNursingSection). */

#define CL_TYPE_NURSING_WINDOW (cl_nursing_window_get_type ())
G_DECLARE_FINAL_TYPE (CLNursingWindow, cl_nursing_window, CL, NURSING_WINDOW, AdwWindow)

CLNursingWindow *cl_nursing_window_new (GtkWindow  *parent,
                                        CLContext  *context,
                                        const char *patient_id);

/* For tests: its section. */
GtkWidget       *cl_nursing_window_get_section (CLNursingWindow *self);

G_END_DECLS
