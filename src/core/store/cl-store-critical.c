/* cl-store-critical.c
 *
 * The critical-value register as the desk reads it
 * (cl-store-critical.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-critical.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_critical_between (CLStore    *store,
                           const char *kind,
                           gint64      from,
                           gint64      to)
{
  char a[24], b[24];

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  g_snprintf (a, sizeof a, "%" G_GINT64_FORMAT, from);
  g_snprintf (b, sizeof b, "%" G_GINT64_FORMAT, to);
  return cl_store_query_records (store, CL_TYPE_CRITICAL_VALUE,
                                 "deleted = 0 AND received_at >= CAST (?1 AS INTEGER)"
                                 " AND received_at < CAST (?2 AS INTEGER)"
                                 " AND (?3 = '' OR kind = ?3)"
                                 " ORDER BY received_at DESC, id",
                                 a, b, kind ? kind : "", NULL);
}

GPtrArray *
cl_store_critical_unreported (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* The condition of the critical_unreported index, word for word. */
  return cl_store_query_records (store, CL_TYPE_CRITICAL_VALUE,
                                 "deleted = 0 AND reported_at = 0"
                                 " ORDER BY received_at, id", NULL);
}
