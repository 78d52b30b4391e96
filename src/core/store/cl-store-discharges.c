/* cl-store-discharges.c
 *
 * The discharged-patient call list as the desk and the server read it
 * (cl-store-discharges.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-department.h"
#include "cl-patient.h"
#include "cl-store-discharges.h"
#include "cl-store-private.h"

/* A call item is open while no live attempt reached her or was refused
 * and fewer than CL_DISCHARGE_CALL_MAX_NO_ANSWERS went unanswered
 * (cl_discharge_call_state() says the same in C). */
#define CALL_OPEN \
  "NOT EXISTS (SELECT 1 FROM discharge_call c WHERE c.discharge_id = discharge.id" \
  "  AND c.deleted = 0 AND c.outcome IN ('reached', 'refused'))" \
  " AND (SELECT count(*) FROM discharge_call c WHERE c.discharge_id = discharge.id" \
  "  AND c.deleted = 0 AND c.outcome = 'no_answer') < 3"

G_STATIC_ASSERT (CL_DISCHARGE_CALL_MAX_NO_ANSWERS == 3);

static char *
first_id (GPtrArray *found)
{
  if (found->len == 0)
    return NULL;
  return g_strdup (cl_record_get_id (g_ptr_array_index (found, 0)));
}

char *
cl_store_discharge_same (CLStore    *store,
                         const char *id_number,
                         const char *discharged_on,
                         const char *except_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  found = cl_store_query_records (store, CL_TYPE_DISCHARGE,
                                  "deleted = 0 AND id_number = ?1 AND discharged_on = ?2 AND id <> ?3 LIMIT 1",
                                  id_number ? id_number : "", discharged_on ? discharged_on : "",
                                  except_id ? except_id : "", NULL);
  return first_id (found);
}

char *
cl_store_discharge_from_source (CLStore    *store,
                                const char *source,
                                const char *source_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (source_id == NULL || *source_id == '\0')
    return NULL;
  found = cl_store_query_records (store, CL_TYPE_DISCHARGE,
                                  "deleted = 0 AND source = ?1 AND source_id = ?2 LIMIT 1",
                                  source ? source : "", source_id, NULL);
  return first_id (found);
}

char *
cl_store_discharge_department (CLStore    *store,
                               const char *name)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (name == NULL || *name == '\0')
    return NULL;
  found = cl_store_query_records (store, CL_TYPE_DEPARTMENT,
                                  "deleted = 0 AND (name = ?1 OR (name_en <> '' AND name_en = ?1 COLLATE NOCASE))"
                                  " ORDER BY name <> ?1, id LIMIT 1",
                                  name, NULL);
  return first_id (found);
}

char *
cl_store_discharge_patient (CLStore    *store,
                            const char *id_number)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (id_number == NULL || *id_number == '\0')
    return NULL;
  found = cl_store_query_records (store, CL_TYPE_PATIENT,
                                  "deleted = 0 AND id_number = ?1 ORDER BY id LIMIT 1",
                                  id_number, NULL);
  return first_id (found);
}

GPtrArray *
cl_store_discharge_calls_of (CLStore    *store,
                             const char *discharge_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DISCHARGE_CALL,
                                 "deleted = 0 AND discharge_id = ?1 ORDER BY called_at, id",
                                 discharge_id ? discharge_id : "", NULL);
}

GPtrArray *
cl_store_discharge_worklist (CLStore *store,
                             gint64   closed_since_at)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  char since[24];

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  open = cl_store_query_records (store, CL_TYPE_DISCHARGE,
                                 "deleted = 0 AND " CALL_OPEN
                                 " ORDER BY call_due_on, discharged_on, name, id",
                                 NULL);
  if (closed_since_at <= 0)
    return g_steal_pointer (&open);

  g_snprintf (since, sizeof since, "%" G_GINT64_FORMAT, closed_since_at);
  closed = cl_store_query_records (store, CL_TYPE_DISCHARGE,
                                   "deleted = 0 AND NOT (" CALL_OPEN ")"
                                   " AND (SELECT max (c.called_at) FROM discharge_call c"
                                   "  WHERE c.discharge_id = discharge.id AND c.deleted = 0) >= CAST (?1 AS INTEGER)"
                                   " ORDER BY (SELECT max (c.called_at) FROM discharge_call c"
                                   "  WHERE c.discharge_id = discharge.id AND c.deleted = 0) DESC, id",
                                   since, NULL);
  g_ptr_array_extend_and_steal (open, g_steal_pointer (&closed));
  return g_steal_pointer (&open);
}

gint64
cl_store_discharge_due_count (CLStore    *store,
                              const char *today)
{
  g_autoptr(GPtrArray) due = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), 0);

  due = cl_store_query_records (store, CL_TYPE_DISCHARGE,
                                "deleted = 0 AND call_due_on <= ?1 AND " CALL_OPEN,
                                today ? today : "", NULL);
  return due->len;
}
