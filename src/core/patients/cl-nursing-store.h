#pragma once

#include "cl-nursing-assessment.h"
#include "cl-store.h"
#include "cl-visit-vitals.h"

G_BEGIN_DECLS

/* Saving nursing assessments and vital signs: the desk's saves and the
 * server's checks are the same functions.  Each save refuses with
 * CL_STORE_ERROR_INVALID (a role that may not write the table, or a
 * rule broken; then, when @field_errors, column → message) and writes
 * nothing. */

/* An assessment's rules with her other versions: its own
 * (cl_nursing_assessment_validate()); never a change of a stored
 * version; version 1 for her first, else the one after her latest,
 * superseding it.  Adds to @errors (column → message). */
void     cl_nursing_store_validate_assessment (CLStore             *store,
                                               CLNursingAssessment *assessment,
                                               GHashTable          *errors);

/* Saves @assessment, a new version, as recorded now by @actor_id
 * (recorded_by and recorded_at are set on it). */
gboolean cl_nursing_store_save_assessment     (CLStore             *store,
                                               CLNursingAssessment *assessment,
                                               const char          *role,
                                               const char          *actor_id,
                                               GHashTable         **field_errors,
                                               GError             **error);

/* Saves @vitals as taken now by @actor_id, unless they already say
 * when and by whom. */
gboolean cl_nursing_store_save_vitals         (CLStore             *store,
                                               CLVisitVitals       *vitals,
                                               const char          *role,
                                               const char          *actor_id,
                                               GHashTable         **field_errors,
                                               GError             **error);

G_END_DECLS
