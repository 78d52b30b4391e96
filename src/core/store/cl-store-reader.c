/* cl-store-reader.c
 *
 * CLStoreReader (cl-store-reader.h): a thread's own read connection
 * and the statements the server's threads read with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-reader"

#include "config.h"

#include "cl-store-private.h"
#include "cl-store-reader-private.h"

struct _CLStoreReader
{
  sqlite3    *db;
  GHashTable *statements;   /* static SQL text (by address) → sqlite3_stmt */
  guint       read_depth;   /* cl_store_reader_begin() nesting */
};

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

CLStoreReader *
cl_store_reader_new (CLStore  *store,
                     GError  **error)
{
  CLStoreReader *reader;
  sqlite3 *db;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (!(db = cl_store_open_reader (store, error)))
    return NULL;
  reader = g_new0 (CLStoreReader, 1);
  reader->db = db;
  reader->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);
  return reader;
}

void
cl_store_reader_free (CLStoreReader *reader)
{
  if (reader == NULL)
    return;
  g_hash_table_unref (reader->statements);
  sqlite3_close_v2 (reader->db);
  g_free (reader);
}

sqlite3_stmt *
cl_store_reader_prepare (CLStoreReader  *reader,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (reader->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (reader->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          cl_store_reader_set_error (reader, error);
          return NULL;
        }
      g_hash_table_insert (reader->statements, (gpointer) sql, stmt);
    }
  return stmt;
}

void
cl_store_reader_set_error (CLStoreReader  *reader,
                           GError        **error)
{
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (reader->db));
}

static void
run (CLStoreReader *reader,
     const char    *sql)
{
  sqlite3_stmt *stmt = cl_store_reader_prepare (reader, sql, NULL);

  if (stmt)
    {
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
}

void
cl_store_reader_begin (CLStoreReader *reader)
{
  g_return_if_fail (reader != NULL);

  if (reader->read_depth++ == 0)
    run (reader, "BEGIN");
}

void
cl_store_reader_end (CLStoreReader *reader)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (reader->read_depth > 0);

  if (--reader->read_depth == 0)
    run (reader, "COMMIT");
}

/* Rows are read ROSTER_BATCH at a time with one statement
 * ("patient_rowid IN (?, ?, …)", unused slots bound to -1, which no row
 * has): one statement run instead of one per row. */
#define ROSTER_BATCH 32

#define Q8 "?, ?, ?, ?, ?, ?, ?, ?"
static const char roster_batch_sql[] =
  "SELECT patient_id, name, phone, birth_date, edd, risk, patient_rowid, priority FROM roster"
  " WHERE patient_rowid IN (" Q8 ", " Q8 ", " Q8 ", " Q8 ")";
G_STATIC_ASSERT (ROSTER_BATCH == 4 * 8);
#undef Q8

gboolean
cl_store_reader_roster_rows (CLStoreReader      *reader,
                             const gint64       *rowids,
                             guint               n_rowids,
                             CLRosterEntryFunc   func,
                             gpointer            user_data,
                             GError            **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!(stmt = cl_store_reader_prepare (reader, roster_batch_sql, error)))
    return FALSE;

  cl_store_reader_begin (reader);
  for (guint from = 0; from < n_rowids && rc == SQLITE_DONE; from += ROSTER_BATCH)
    {
      const gint64 *batch = rowids + from;
      guint n = MIN (n_rowids - from, ROSTER_BATCH);

      for (guint i = 0; i < ROSTER_BATCH; i++)
        sqlite3_bind_int64 (stmt, i + 1, i < n ? batch[i] : -1);
      /* The rows come in rowid order, not in the order asked. */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 6);

          for (guint i = 0; i < n; i++)
            if (batch[i] == rowid)
              {
                CLRosterEntry entry = {
                  (const char *) sqlite3_column_text (stmt, 0),
                  (const char *) sqlite3_column_text (stmt, 1),
                  (const char *) sqlite3_column_text (stmt, 2),
                  (const char *) sqlite3_column_text (stmt, 3),
                  (const char *) sqlite3_column_text (stmt, 4),
                  (const char *) sqlite3_column_text (stmt, 5),
                  (const char *) sqlite3_column_text (stmt, 7),
                };

                func (from + i, &entry, user_data);
                break;
              }
        }
      sqlite3_reset (stmt);
    }
  if (rc != SQLITE_DONE)
    cl_store_reader_set_error (reader, error);
  cl_store_reader_end (reader);
  return rc == SQLITE_DONE;
}
