/* cl-store-opinions.c
 *
 * The daily opinion log as the desk reads it (cl-store-opinions.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-opinions.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_opinions_of_day (CLStore    *store,
                          const char *date)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_OPINION_ENTRY,
                                 "deleted = 0 AND date = ?1"
                                 " ORDER BY kind <> 'complaint', rowid",
                                 date ? date : "", NULL);
}
