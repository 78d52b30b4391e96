#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-events.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_courses (CLStore  *store,
                  gboolean  active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* Stages in the order of a pregnancy, not of the alphabet. */
  return cl_store_query_records (store, CL_TYPE_COURSE,
                                 active_only
                                 ? "deleted = 0 AND active = 1 ORDER BY"
                                   " CASE stage WHEN 'pregnancy' THEN 0 WHEN 'birth' THEN 1"
                                   " WHEN 'postpartum' THEN 2 ELSE 3 END, title, id"
                                 : "deleted = 0 ORDER BY"
                                   " CASE stage WHEN 'pregnancy' THEN 0 WHEN 'birth' THEN 1"
                                   " WHEN 'postpartum' THEN 2 ELSE 3 END, title, id",
                                 NULL);
}

GPtrArray *
cl_store_course_assignments_for_patient (CLStore    *store,
                                         const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_COURSE_ASSIGNMENT,
                                 "patient_id = ?1 AND deleted = 0 ORDER BY assigned_at DESC, id",
                                 patient_id, NULL);
}

GPtrArray *
cl_store_health_events_from (CLStore    *store,
                             const char *from)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_HEALTH_EVENT,
                                 "date >= ?1 AND deleted = 0 ORDER BY date, starts, id",
                                 from, NULL);
}

GPtrArray *
cl_store_event_registrations (CLStore    *store,
                              const char *event_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_EVENT_REGISTRATION,
                                 "event_id = ?1 AND deleted = 0 ORDER BY registered_at, id",
                                 event_id, NULL);
}

GPtrArray *
cl_store_event_registrations_for_patient (CLStore    *store,
                                          const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_EVENT_REGISTRATION,
                                 "patient_id = ?1 AND deleted = 0 ORDER BY registered_at, id",
                                 patient_id, NULL);
}
