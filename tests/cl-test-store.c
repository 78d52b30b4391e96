#define G_LOG_DOMAIN "cl-test-store"

#include "config.h"

#include "cl-test-store.h"

gint64
cl_test_store_count (CLStore    *store,
                     const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  cl_store_lock (store);
  stmt = cl_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return n;
}
