/* cl-store-links.c
 *
 * The statements of the server's patient links (cl-store-links.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-links"

#include "config.h"

#include "cl-store-links.h"
#include "cl-store-private.h"

void
cl_store_link_free (ClStoreLink *link)
{
  if (link == NULL)
    return;
  g_free (link->token_hash);
  g_free (link->patient_id);
  g_free (link->form_kind);
  g_free (link->form_id);
  g_free (link->item_id);
  g_free (link->created_by);
  g_free (link->record_id);
  g_free (link);
}

gboolean
cl_store_links_insert (CLStore           *store,
                       const ClStoreLink *link,
                       GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (link != NULL, FALSE);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "INSERT INTO patient_link (token_hash, patient_id, form_kind, form_id, item_id,"
                           " created_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, link->token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, link->patient_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, link->form_kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, link->form_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, link->item_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, link->created_by, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, link->created_at);
  sqlite3_bind_int64 (stmt, 8, link->expires_at);
  ok = cl_store_step (store, stmt, error);
  cl_store_unlock (store);
  return ok;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

ClStoreLink *
cl_store_links_lookup (CLStore     *store,
                       const char  *token_hash,
                       GError     **error)
{
  ClStoreLink *link = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "SELECT token_hash, patient_id, form_kind, form_id, item_id, created_by,"
                           " created_at, expires_at, spent_at, record_id"
                           " FROM patient_link WHERE token_hash = ?1",
                           error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      link = g_new0 (ClStoreLink, 1);
      link->token_hash = column_text (stmt, 0);
      link->patient_id = column_text (stmt, 1);
      link->form_kind = column_text (stmt, 2);
      link->form_id = column_text (stmt, 3);
      link->item_id = column_text (stmt, 4);
      link->created_by = column_text (stmt, 5);
      link->created_at = sqlite3_column_int64 (stmt, 6);
      link->expires_at = sqlite3_column_int64 (stmt, 7);
      link->spent_at = sqlite3_column_int64 (stmt, 8);
      link->record_id = column_text (stmt, 9);
    }
  else if (rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return link;
}

gboolean
cl_store_links_spend (CLStore     *store,
                      const char  *token_hash,
                      gint64       now,
                      const char  *record_id,
                      gboolean    *spent,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  /* One statement decides: of two submissions, only the first changes
   * the row. */
  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "UPDATE patient_link SET spent_at = ?2, record_id = ?3"
                           " WHERE token_hash = ?1 AND spent_at = 0 AND expires_at > ?2",
                           error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, record_id, -1, SQLITE_TRANSIENT);
  ok = cl_store_step (store, stmt, error);
  if (spent)
    *spent = ok && sqlite3_changes (cl_store_get_db (store)) > 0;
  cl_store_unlock (store);
  return ok;
}
