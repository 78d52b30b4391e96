#define G_LOG_DOMAIN "cl-test-store"

#include "config.h"

#include "cl-demo-data.h"
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

GPtrArray *
cl_test_store_rows (CLStore    *store,
                    const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  cl_store_lock (store);
  g_assert_cmpint (sqlite3_prepare_v2 (cl_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (row, "%s%s", i ? "|" : "",
                                sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "∅");
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  cl_store_unlock (store);
  return rows;
}

CLStore *
cl_test_store_open (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(GError) error = NULL;
  CLStore *store = cl_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

CLStore *
cl_test_store_new_demo (const char *dir,
                        const char *file,
                        guint       n_patients,
                        guint32     seed)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = cl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (cl_demo_data_generate (store, n_patients, seed, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}
