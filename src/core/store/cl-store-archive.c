/* cl-store-archive.c
 *
 * The archive's reads (cl-store-archive.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-archive.h"
#include "cl-store-private.h"

CLDocument *
cl_store_archive_find_document (CLStore    *store,
                                const char *patient_id,
                                const char *sha256)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  found = cl_store_query_records (store, CL_TYPE_DOCUMENT,
                                  "patient_id = ?1 AND sha256 = ?2 AND deleted = 0 LIMIT 1",
                                  patient_id, sha256, NULL);
  return found && found->len > 0 ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
}

GPtrArray *
cl_store_archive_documents (CLStore    *store,
                            const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DOCUMENT,
                                 "patient_id = ?1 AND deleted = 0"
                                 " ORDER BY visit IS NULL, visit DESC,"
                                 " CASE kind WHEN 'ultrasound' THEN 0 WHEN 'blood' THEN 1"
                                 "  WHEN 'ogtt' THEN 2 WHEN 'screening' THEN 3"
                                 "  WHEN 'nst' THEN 4 ELSE 5 END,"
                                 " check_date DESC, imported_at DESC",
                                 patient_id, NULL);
}
