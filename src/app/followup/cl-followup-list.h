#pragma once

#include <adwaita.h>

#include "cl-patient-section.h"

G_BEGIN_DECLS

/* Her follow-up plan on her page: every item of hers, the open ones
 * first by due date, then the done and cancelled, the latest first;
 * each with its kind, due date, channel, state, outcome and note, and a
 * cancelled one's reason in words.  The first few are shown, "Show All"
 * shows the rest.  An open item's outcome is recorded from its row;
 * "Add Follow-up…" opens CLFollowupDialog for her. */

#define CL_TYPE_FOLLOWUP_LIST (cl_followup_list_get_type ())
G_DECLARE_FINAL_TYPE (CLFollowupList, cl_followup_list, CL, FOLLOWUP_LIST, CLPatientSection)

/* How many rows show before "Show All". */
#define CL_FOLLOWUP_LIST_CAP 8

/* Context and patient: cl_patient_section_set_context() and
 * cl_patient_section_set_patient_id(). */
void   cl_followup_list_reload         (CLFollowupList *self);

/* For tests: her items, and how many rows show them. */
guint  cl_followup_list_get_n_items    (CLFollowupList *self);
guint  cl_followup_list_get_n_shown    (CLFollowupList *self);

G_END_DECLS
