/* cl-store-duty.c
 *
 * The duty roster as the desk reads it (cl-store-duty.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-duty.h"
#include "cl-store-private.h"

/* Holds role ?N: as cl-store-staff.c's, for a given parameter. */
#define HAS_ROLE(n) "instr (' ' || COALESCE (NULLIF (roles, ''), role) || ' ', ' ' || ?" n " || ' ') > 0"

GPtrArray *
cl_store_duty_posts (CLStore  *store,
                     gboolean  active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DUTY_POST,
                                 active_only
                                 ? "deleted = 0 AND active = 1 ORDER BY sort_order, name COLLATE pinyin, id"
                                 : "deleted = 0 ORDER BY sort_order, name COLLATE pinyin, id",
                                 NULL);
}

GPtrArray *
cl_store_duty_assignments (CLStore    *store,
                           const char *first,
                           const char *last)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_DUTY_ASSIGNMENT,
                                 "deleted = 0 AND day BETWEEN ?1 AND ?2 ORDER BY day, staff_id,"
                                 " CASE shift WHEN 'early' THEN 0 WHEN 'regular' THEN 1 WHEN 'late' THEN 2"
                                 " ELSE 3 END, id",
                                 first, last, NULL);
}

GPtrArray *
cl_store_duty_assignments_of (CLStore    *store,
                              const char *staff_id,
                              const char *day)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DUTY_ASSIGNMENT,
                                 "deleted = 0 AND staff_id = ?1 AND day = ?2 ORDER BY id",
                                 staff_id ? staff_id : "", day ? day : "", NULL);
}

GPtrArray *
cl_store_duty_staff (CLStore    *store,
                     const char *first,
                     const char *last)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  return cl_store_query_records (store, CL_TYPE_STAFF,
                                 "deleted = 0 AND ((active = 1 AND (" HAS_ROLE ("3") " OR " HAS_ROLE ("4") "))"
                                 " OR id IN (SELECT staff_id FROM duty_assignment"
                                 "           WHERE deleted = 0 AND day BETWEEN ?1 AND ?2))"
                                 " ORDER BY display_name COLLATE pinyin, id",
                                 first, last, CL_ROLE_SERVICE_DESK, CL_ROLE_ESCORT, NULL);
}
