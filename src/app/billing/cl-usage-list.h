#pragma once

#include <adwaita.h>

#include "cl-patient-section.h"

G_BEGIN_DECLS

/* "Package Usage" on her page: each service her package includes, as
 * "Escort 5 of 12 used" (those still booked said beside it, over-use
 * marked), counted by core (cl_package_usage_of_enrolment()), and
 * "Record Hand-out…" for the services without a booking of their own,
 * opening CLHandoutDialog.  Hidden while she has no enrolment that was
 * not cancelled.  Give it the context and the patient; it follows the
 * store's changes. */

#define CL_TYPE_USAGE_LIST (cl_usage_list_get_type ())
G_DECLARE_FINAL_TYPE (CLUsageList, cl_usage_list, CL, USAGE_LIST, CLPatientSection)

/* Context and patient: cl_patient_section_set_context() and
 * cl_patient_section_set_patient_id(). */
void        cl_usage_list_reload         (CLUsageList *self);

/* For tests: the rows' titles ("Escort 5 of 12 used"), the rows marked
 * over, and opening the hand-out dialog for @service (NULL: the
 * first). */
GStrv       cl_usage_list_dup_titles     (CLUsageList *self);
guint       cl_usage_list_get_n_over     (CLUsageList *self);
GtkWindow  *cl_usage_list_hand_out       (CLUsageList *self,
                                          const char  *service);

G_END_DECLS
