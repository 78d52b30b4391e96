#pragma once

#include <adwaita.h>

#include "cl-patient-section.h"

G_BEGIN_DECLS

/* Her nursing assessment and vital signs, on her page and in the
 * Service Desk's Nursing Assessment window: the latest version read
 * only, "Update Assessment…" (or, before her first, "Record First-Visit
 * Assessment…"), "History…", and her visits' vitals with "Record
 * Vitals…", abnormal values marked in words and colour. */

#define CL_TYPE_NURSING_SECTION (cl_nursing_section_get_type ())
G_DECLARE_FINAL_TYPE (CLNursingSection, cl_nursing_section, CL, NURSING_SECTION, CLPatientSection)

/* For tests: the dialog or window an action opened last, NULL when
 * none is open. */
GtkWindow  *cl_nursing_section_get_dialog   (CLNursingSection *self);
/* The assessment shown, one "label: text" line a part, and the vitals,
 * one line a visit (abnormal values end in "(high)" / "(low)"). */
char       *cl_nursing_section_get_text     (CLNursingSection *self);
/* How many vitals labels are marked abnormal. */
guint       cl_nursing_section_get_n_abnormal (CLNursingSection *self);

G_END_DECLS
