/* cl-store-inspections.c
 *
 * Inspections, rectifications, their attachments and the deductions
 * made for them, as the desk and the rules read them
 * (cl-store-inspections.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-inspections.h"
#include "cl-store-private.h"

GPtrArray *
cl_store_inspections_of_month (CLStore    *store,
                               const char *month)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_INSPECTION,
                                 "deleted = 0 AND substr (date, 1, 7) = ?1"
                                 " ORDER BY date DESC, rowid DESC",
                                 month ? month : "", NULL);
}

GPtrArray *
cl_store_inspections_all (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_INSPECTION, "1 ORDER BY date, id", NULL);
}

CLRectification *
cl_store_rectification_of (CLStore    *store,
                           const char *inspection_id)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  rows = cl_store_query_records (store, CL_TYPE_RECTIFICATION,
                                 "deleted = 0 AND inspection_id = ?1 ORDER BY rowid LIMIT 1",
                                 inspection_id ? inspection_id : "", NULL);
  return rows->len ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

GPtrArray *
cl_store_rectifications_live (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_RECTIFICATION, "deleted = 0 ORDER BY deadline, id", NULL);
}

GPtrArray *
cl_store_inspection_attachments (CLStore    *store,
                                 const char *inspection_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_INSPECTION_ATTACHMENT,
                                 "deleted = 0 AND inspection_id = ?1 ORDER BY imported_at, rowid",
                                 inspection_id ? inspection_id : "", NULL);
}

GPtrArray *
cl_store_inspection_deductions (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DEDUCTION,
                                 "inspection_id IS NOT NULL AND inspection_id <> '' ORDER BY date, id", NULL);
}
