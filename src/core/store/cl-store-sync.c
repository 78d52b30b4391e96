/* cl-store-sync.c
 *
 * The statements of the desk's sync client (cl-store-sync.h): the
 * outbox, the acknowledged revs and the feed marks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-sync"

#include "config.h"

#include <string.h>

#include "cl-store-private.h"
#include "cl-store-sync.h"

void
cl_outbox_entry_free (CLOutboxEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->key);
  g_free (e->table);
  g_free (e->record_id);
  g_free (e->op);
  g_free (e->data);
  g_free (e);
}

GPtrArray *
cl_store_sync_read_outbox (CLStore  *store,
                           guint     limit,
                           GError  **error)
{
  static const char sql[] =
    "SELECT seq, key, tbl, record_id, base_rev, op, data FROM outbox ORDER BY seq LIMIT ?1";
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_outbox_entry_free);
  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, sql, error)))
    {
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CLOutboxEntry *e = g_new0 (CLOutboxEntry, 1);
      char *rk;

      e->seq = sqlite3_column_int64 (stmt, 0);
      e->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->table = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      e->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      e->base_rev = sqlite3_column_int64 (stmt, 4);
      e->op = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      e->data = g_strdup ((const char *) sqlite3_column_text (stmt, 6));

      rk = cl_store_sync_record_key (e->table, e->record_id);
      if (!g_hash_table_add (seen, rk))
        {
          cl_outbox_entry_free (e);
          rc = SQLITE_DONE;
          break;
        }
      g_ptr_array_add (batch, e);
    }
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_reset (stmt);
  cl_store_unlock (store);

  return g_steal_pointer (&batch);
}

GPtrArray *
cl_store_sync_outbox_documents (CLStore  *store,
                                gint64    up_to_seq,
                                GError  **error)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "SELECT json_extract (data, '$.sha256'), json_extract (data, '$.patient_id')"
                           " FROM outbox WHERE tbl IN ('document', 'inspection_attachment') AND op = 'upsert' AND seq <= ?1"
                           " ORDER BY seq",
                           error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, up_to_seq);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 0);
      const char *patient_id = (const char *) sqlite3_column_text (stmt, 1);

      if (sha256 && strlen (sha256) == 64)
        {
          g_ptr_array_add (wanted, g_strdup (sha256));
          g_ptr_array_add (wanted, g_strdup (patient_id));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  cl_store_unlock (store);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&wanted);
}

/* The records (cl_store_sync_record_key) that @sql, selecting tbl and
 * record_id, names. */
static GHashTable *
record_set (CLStore     *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = cl_store_prepare (store, sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, cl_store_sync_record_key ((const char *) sqlite3_column_text (stmt, 0),
                                                     (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&set);
}

GHashTable *
cl_store_sync_pending_records (CLStore  *store,
                               GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  return record_set (store, "SELECT DISTINCT tbl, record_id FROM outbox", error);
}

GHashTable *
cl_sync_revs_records (CLStore  *store,
                      GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  return record_set (store, "SELECT DISTINCT tbl, record_id FROM acked_rev", error);
}

gboolean
cl_store_sync_remove_entry (CLStore  *store,
                            gint64    seq,
                            GError  **error)
{
  static const char delete_sql[] = "DELETE FROM outbox WHERE seq = ?1";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!(stmt = cl_store_prepare (store, delete_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  return cl_store_step (store, stmt, error);
}

gboolean
cl_store_sync_drop_entries (CLStore     *store,
                            const char  *table,
                            const char  *record_id,
                            gint64       seq,
                            GError     **error)
{
  static const char drop_sql[] =
    "DELETE FROM outbox WHERE tbl = ?1 AND record_id = ?2 AND seq >= ?3";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!(stmt = cl_store_prepare (store, drop_sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, seq);
  return cl_store_step (store, stmt, error);
}

gboolean
cl_store_sync_acknowledge (CLStore     *store,
                           GType        type,
                           const char  *table,
                           const char  *record_id,
                           gint64       seq,
                           gint64       rev,
                           GError     **error)
{
  static const char rebase_sql[] =
    "UPDATE outbox SET base_rev = ?1 WHERE tbl = ?2 AND record_id = ?3 AND seq > ?4";
  const char *sql = cl_record_type_sql (type, "UPDATE %s SET rev = ?1 WHERE id = ?2 AND rev < ?1");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  /* The local row now matches the server at @rev (a later local edit
   * keeps its own data; its outbox row is rebased). */
  if (!(stmt = cl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rev);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  if (!cl_store_step (store, stmt, error))
    return FALSE;

  if (!(stmt = cl_store_prepare (store, rebase_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rev);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, seq);
  return cl_store_step (store, stmt, error);
}

gboolean
cl_store_sync_get_stamp (CLStore     *store,
                         GType        type,
                         const char  *record_id,
                         gint64      *rev,
                         gint64      *updated_at,
                         char       **updated_by,
                         GError     **error)
{
  const char *sql = cl_record_type_sql (type, "SELECT rev, updated_at, updated_by FROM %s WHERE id = ?1");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *rev = -1;
  *updated_at = 0;
  *updated_by = NULL;
  if (!(stmt = cl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *rev = sqlite3_column_int64 (stmt, 0);
      *updated_at = sqlite3_column_int64 (stmt, 1);
      *updated_by = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_sync_revs_record (CLStore     *store,
                     const char  *table,
                     const char  *record_id,
                     gint64       base_rev,
                     gint64       rev,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (rev <= base_rev)
    return TRUE;
  if (!(stmt = cl_store_prepare (store,
                                 "INSERT OR REPLACE INTO acked_rev (tbl, record_id, base_rev, rev)"
                                 " VALUES (?1, ?2, ?3, ?4)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, base_rev);
  sqlite3_bind_int64 (stmt, 4, rev);
  return cl_store_step (store, stmt, error);
}

gboolean
cl_sync_revs_pulled (CLStore     *store,
                     const char  *table,
                     const char  *record_id,
                     gint64       rev,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  /* Our own change coming back is in the table under its rev. */
  if (!(stmt = cl_store_prepare (store,
                                 "DELETE FROM acked_rev WHERE tbl = ?1 AND record_id = ?2"
                                 " AND NOT EXISTS (SELECT 1 FROM acked_rev"
                                 "  WHERE tbl = ?1 AND record_id = ?2 AND rev = ?3)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, rev);
  return cl_store_step (store, stmt, error);
}

static gint64
stored_rev (CLStore    *store,
            CLRecord   *record)
{
  const char *sql = cl_record_type_sql (G_OBJECT_TYPE (record), "SELECT rev FROM %s WHERE id = ?1");
  sqlite3_stmt *stmt = cl_store_prepare (store, sql, NULL);
  gint64 rev = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, cl_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rev = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return rev;
}

gint64
cl_sync_revs_current (CLStore  *store,
                      CLRecord *record)
{
  gint64 own = cl_record_get_rev (record);
  gint64 stored, rev = own;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), own);

  stored = stored_rev (store, record);
  if (stored <= own)
    return own;

  if (!(stmt = cl_store_prepare (store,
                                 "SELECT rev FROM acked_rev"
                                 " WHERE tbl = ?1 AND record_id = ?2 AND base_rev = ?3", NULL)))
    return own;
  sqlite3_bind_text (stmt, 1, cl_record_get_table_name (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cl_record_get_id (record), -1, SQLITE_TRANSIENT);
  /* Each step is a later rev, so the walk ends. */
  while (rev < stored)
    {
      gint64 next = -1;

      sqlite3_bind_int64 (stmt, 3, rev);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        next = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (next <= rev)
        break;
      rev = next;
    }
  return rev == stored ? stored : own;
}

gboolean
cl_sync_revs_get_mark (CLStore     *store,
                       const char  *key,
                       gint64      *rev,
                       gboolean    *present,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *rev = 0;
  if (present)
    *present = FALSE;
  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, "SELECT value FROM sync_state WHERE key = ?1", error)))
    {
      cl_store_unlock (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *rev = g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
      if (present)
        *present = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  cl_store_unlock (store);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

gboolean
cl_sync_revs_set_mark (CLStore     *store,
                       const char  *key,
                       gint64       rev,
                       GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, rev);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!(stmt = cl_store_prepare (store, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  return cl_store_step (store, stmt, error);
}

gboolean
cl_sync_revs_clear_mark (CLStore     *store,
                         const char  *key,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  if (!(stmt = cl_store_prepare (store, "DELETE FROM sync_state WHERE key = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return cl_store_step (store, stmt, error);
}
