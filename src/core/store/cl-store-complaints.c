/* cl-store-complaints.c
 *
 * The service desk's complaint tickets, as the desk and the monthly
 * report read them (cl-store-complaints.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-complaints.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_complaints_list (CLStore    *store,
                          const char *state,
                          const char *department_id,
                          guint       limit)
{
  g_autofree char *unresolved = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GPtrArray) first = NULL;
  GPtrArray *rest;
  const char *filter = " AND (?1 = '' OR state = ?1) AND (?2 = '' OR department_id = ?2)";

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* Every unresolved ticket is shown, however many: they are the work;
   * of the settled ones the latest @limit. */
  unresolved = g_strconcat ("deleted = 0 AND state IN ('open', 'in_progress')", filter,
                            " ORDER BY promised_at, opened_at, id", NULL);
  done = g_strdup_printf ("deleted = 0 AND state NOT IN ('open', 'in_progress')%s"
                          " ORDER BY opened_at DESC, id LIMIT %u", filter, limit);
  first = cl_store_query_records (store, CL_TYPE_COMPLAINT, unresolved,
                                  state ? state : "", department_id ? department_id : "", NULL);
  rest = cl_store_query_records (store, CL_TYPE_COMPLAINT, done,
                                 state ? state : "", department_id ? department_id : "", NULL);
  for (guint i = first->len; i > 0; i--)
    g_ptr_array_insert (rest, 0, g_object_ref (g_ptr_array_index (first, i - 1)));
  return rest;
}

GPtrArray *
cl_store_complaints_opened_between (CLStore *store,
                                    gint64   from,
                                    gint64   to)
{
  char a[24], b[24];

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  g_snprintf (a, sizeof a, "%" G_GINT64_FORMAT, from);
  g_snprintf (b, sizeof b, "%" G_GINT64_FORMAT, to);
  return cl_store_query_records (store, CL_TYPE_COMPLAINT,
                                 "deleted = 0 AND opened_at >= CAST (?1 AS INTEGER)"
                                 " AND opened_at < CAST (?2 AS INTEGER)"
                                 " ORDER BY opened_at, id",
                                 a, b, NULL);
}

CLComplaint *
cl_store_complaint_for_contact (CLStore    *store,
                                const char *contact_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (contact_id == NULL)
    return NULL;
  found = cl_store_query_records (store, CL_TYPE_COMPLAINT,
                                  "deleted = 0 AND contact_id = ?1 ORDER BY opened_at DESC, id LIMIT 1",
                                  contact_id, NULL);
  return found->len ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
}
