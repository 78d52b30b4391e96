#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-followup.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_followup_for_pregnancy (CLStore    *store,
                                 const char *pregnancy_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (pregnancy_id != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_FOLLOWUP_RECORD,
                                 "pregnancy_id = ?1 AND deleted = 0 ORDER BY due_date, id",
                                 pregnancy_id, NULL);
}

GPtrArray *
cl_store_followup_for_patient (CLStore    *store,
                               const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_FOLLOWUP_RECORD,
                                 "patient_id = ?1 AND deleted = 0"
                                 " ORDER BY state NOT IN ('due', 'rescheduled'),"
                                 " CASE WHEN state IN ('due', 'rescheduled') THEN due_date END,"
                                 " due_date DESC, done_at DESC, id",
                                 patient_id, NULL);
}

GPtrArray *
cl_store_followup_open_alerts (CLStore    *store,
                               const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_FOLLOWUP_RECORD,
                                 "patient_id = ?1 AND deleted = 0"
                                 " AND kind = 'psychological-support' AND state IN ('due', 'rescheduled')"
                                 " AND source_id IS NOT NULL AND source_id <> ''"
                                 " ORDER BY due_date, id",
                                 patient_id, NULL);
}

GPtrArray *
cl_store_scale_results_for_patient (CLStore    *store,
                                    const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_SCALE_RECORD,
                                 "patient_id = ?1 AND deleted = 0 ORDER BY filled_at DESC, id",
                                 patient_id, NULL);
}

GPtrArray *
cl_store_followup_open_for_owner (CLStore    *store,
                                  const char *owner_id,
                                  const char *through)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (owner_id != NULL && through != NULL, NULL);

  /* The condition of the followup_item_worklist index, word for word,
   * so SQLite uses it. */
  return cl_store_query_records (store, CL_TYPE_FOLLOWUP_RECORD,
                                 "owner_id = ?1 AND due_date <= ?2"
                                 " AND deleted = 0 AND state IN ('due', 'rescheduled')"
                                 " ORDER BY due_date, id",
                                 owner_id, through, NULL);
}

CLFollowupDelivery *
cl_store_followup_latest_delivery (CLStore    *store,
                                   const char *item_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  /* The condition of the followup_delivery_item index. */
  found = cl_store_query_records (store, CL_TYPE_FOLLOWUP_DELIVERY,
                                  "followup_item_id = ?1 AND deleted = 0"
                                  " ORDER BY status_at DESC, id LIMIT 1",
                                  item_id, NULL);
  return found && found->len ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
}
