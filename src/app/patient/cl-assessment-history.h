#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* Every version of her nursing assessment, the newest first: who
 * recorded it and when, and what it changed from the one before (each
 * changed part, before → after); the first version shows all it said. */

#define CL_TYPE_ASSESSMENT_HISTORY (cl_assessment_history_get_type ())
G_DECLARE_FINAL_TYPE (CLAssessmentHistory, cl_assessment_history, CL, ASSESSMENT_HISTORY, AdwWindow)

CLAssessmentHistory *cl_assessment_history_new (GtkWindow  *parent,
                                                CLStore    *store,
                                                const char *patient_id);

/* For tests: the rows' titles and subtitles, one line each. */
char *cl_assessment_history_get_text (CLAssessmentHistory *self);

/* Who a staff id (or user name) stands for, for a person reading a
 * list: the staff member's name, else the id itself. */
char *cl_assessment_history_name_of (CLStore    *store,
                                     const char *staff_id);

G_END_DECLS
