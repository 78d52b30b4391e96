#pragma once

#include <adwaita.h>

#include "cl-patient-section.h"

G_BEGIN_DECLS

/* A patient's scale results on her page, the latest first (date, scale,
 * total, band, flag), under them the trend of each scale's totals
 * (CLScaleTrend), with "Fill Scale…" opening CLScaleDialog.  Give it
 * the context and the patient (and her current pregnancy). */

#define CL_TYPE_SCALE_LIST (cl_scale_list_get_type ())
G_DECLARE_FINAL_TYPE (CLScaleList, cl_scale_list, CL, SCALE_LIST, CLPatientSection)

/* Context and patient: cl_patient_section_set_context() and
 * cl_patient_section_set_patient_id(). */
void   cl_scale_list_set_pregnancy_id (CLScaleList *self,
                                       const char  *pregnancy_id);
void   cl_scale_list_reload           (CLScaleList *self);

/* For tests: results listed, and trend charts shown (one per scale
 * filled more than once). */
guint  cl_scale_list_get_n_results    (CLScaleList *self);
guint  cl_scale_list_get_n_trends     (CLScaleList *self);

G_END_DECLS
