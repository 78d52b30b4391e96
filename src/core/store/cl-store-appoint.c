#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-appoint.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_slot_capacities (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_SLOT_CAPACITY,
                                 "deleted = 0 ORDER BY department_id, slot, weekday, id", NULL);
}

gint
cl_store_slot_places (CLStore    *store,
                      const char *department_id,
                      const char *slot,
                      gint        weekday)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *day = g_strdup_printf ("%d", weekday);

  g_return_val_if_fail (CL_IS_STORE (store), -1);

  /* The weekday's own row first: it overrides the every-day one. */
  rows = cl_store_query_records (store, CL_TYPE_SLOT_CAPACITY,
                                 "deleted = 0 AND department_id = ?1 AND slot = ?2"
                                 " AND weekday IN (0, CAST (?3 AS INTEGER))"
                                 " ORDER BY weekday DESC, id LIMIT 1",
                                 department_id ? department_id : "", slot ? slot : "", day, NULL);
  if (rows->len == 0)
    return -1;
  return cl_slot_capacity_get_places (g_ptr_array_index (rows, 0));
}

char *
cl_store_slot_capacity_clash (CLStore    *store,
                              const char *department_id,
                              const char *slot,
                              gint        weekday,
                              const char *except_id)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *day = g_strdup_printf ("%d", weekday);

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  rows = cl_store_query_records (store, CL_TYPE_SLOT_CAPACITY,
                                 "deleted = 0 AND department_id = ?1 AND slot = ?2"
                                 " AND weekday = CAST (?3 AS INTEGER) AND id <> ?4 LIMIT 1",
                                 department_id ? department_id : "", slot ? slot : "", day,
                                 except_id ? except_id : "", NULL);
  return rows->len ? g_strdup (cl_record_get_id (g_ptr_array_index (rows, 0))) : NULL;
}

GPtrArray *
cl_store_appointments_in_slot (CLStore    *store,
                               const char *department_id,
                               const char *date,
                               const char *slot,
                               const char *except_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_APPOINTMENT,
                                 "deleted = 0 AND state <> 'cancelled' AND department_id = ?1"
                                 " AND date = ?2 AND slot = ?3 AND id <> ?4 ORDER BY booked_at, id",
                                 department_id ? department_id : "", date ? date : "", slot ? slot : "",
                                 except_id ? except_id : "", NULL);
}

GPtrArray *
cl_store_appointments_on (CLStore    *store,
                          const char *date,
                          const char *department_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (department_id == NULL)
    return cl_store_query_records (store, CL_TYPE_APPOINTMENT,
                                   "deleted = 0 AND date = ?1 ORDER BY slot, booked_at, id",
                                   date ? date : "", NULL);
  return cl_store_query_records (store, CL_TYPE_APPOINTMENT,
                                 "deleted = 0 AND date = ?1 AND department_id = ?2"
                                 " ORDER BY slot, booked_at, id",
                                 date ? date : "", department_id, NULL);
}

GPtrArray *
cl_store_referring_hospitals (CLStore  *store,
                              gboolean  active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_REFERRING_HOSPITAL,
                                 active_only
                                 ? "deleted = 0 AND active = 1 ORDER BY name COLLATE pinyin, id"
                                 : "deleted = 0 ORDER BY active DESC, name COLLATE pinyin, id",
                                 NULL);
}

char *
cl_store_referring_hospital_named (CLStore    *store,
                                   const char *name,
                                   const char *except_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  found = cl_store_query_records (store, CL_TYPE_REFERRING_HOSPITAL,
                                  "deleted = 0 AND name = ?1 AND id <> ?2 LIMIT 1",
                                  name ? name : "", except_id ? except_id : "", NULL);
  return found->len ? g_strdup (cl_record_get_id (g_ptr_array_index (found, 0))) : NULL;
}

GPtrArray *
cl_store_referrals (CLStore  *store,
                    gboolean  open_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_REFERRAL,
                                 open_only
                                 ? "deleted = 0 AND IFNULL (outcome, '') = '' ORDER BY received_at, id"
                                 : "deleted = 0 ORDER BY received_at, id",
                                 NULL);
}
