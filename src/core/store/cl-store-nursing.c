/* cl-store-nursing.c
 *
 * Nursing assessments and visits' vital signs, as the desk reads them
 * (cl-store-nursing.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-nursing.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_nursing_assessments (CLStore    *store,
                              const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  /* The condition of the nursing_assessment_patient index. */
  return cl_store_query_records (store, CL_TYPE_NURSING_ASSESSMENT,
                                 "patient_id = ?1 AND deleted = 0 ORDER BY version DESC, recorded_at DESC, id",
                                 patient_id, NULL);
}

CLNursingAssessment *
cl_store_nursing_latest (CLStore    *store,
                         const char *patient_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  found = cl_store_query_records (store, CL_TYPE_NURSING_ASSESSMENT,
                                  "patient_id = ?1 AND deleted = 0 ORDER BY version DESC, recorded_at DESC, id"
                                  " LIMIT 1",
                                  patient_id, NULL);
  return found->len ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
}

GPtrArray *
cl_store_visit_vitals (CLStore    *store,
                       const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_VISIT_VITALS,
                                 "patient_id = ?1 AND deleted = 0 ORDER BY taken_at DESC, id",
                                 patient_id, NULL);
}
