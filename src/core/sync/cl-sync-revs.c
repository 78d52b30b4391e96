#define G_LOG_DOMAIN "cl-sync-revs"

#include "config.h"

#include "cl-store-private.h"
#include "cl-sync-revs.h"

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
