/* cl-store-faults.c
 *
 * The equipment fault log as the desk reads it (cl-store-faults.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-faults.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_faults_list (CLStore *store,
                      gint64   fixed_since)
{
  char since[24];

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  g_snprintf (since, sizeof since, "%" G_GINT64_FORMAT, fixed_since);
  /* Open ones first (fixed_at = 0), oldest report first: the longest
   * waiting is the one to chase. */
  return cl_store_query_records (store, CL_TYPE_EQUIPMENT_FAULT,
                                 "deleted = 0 AND (fixed_at = 0 OR fixed_at >= CAST (?1 AS INTEGER))"
                                 " ORDER BY fixed_at <> 0, CASE WHEN fixed_at = 0 THEN reported_at"
                                 " ELSE -fixed_at END, id",
                                 since, NULL);
}

GPtrArray *
cl_store_faults_reported_between (CLStore *store,
                                  gint64   from,
                                  gint64   to)
{
  char a[24], b[24];

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  g_snprintf (a, sizeof a, "%" G_GINT64_FORMAT, from);
  g_snprintf (b, sizeof b, "%" G_GINT64_FORMAT, to);
  return cl_store_query_records (store, CL_TYPE_EQUIPMENT_FAULT,
                                 "deleted = 0 AND reported_at >= CAST (?1 AS INTEGER)"
                                 " AND reported_at < CAST (?2 AS INTEGER) ORDER BY reported_at, id",
                                 a, b, NULL);
}
