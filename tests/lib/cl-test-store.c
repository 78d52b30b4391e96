#define G_LOG_DOMAIN "cl-test-store"

#include "config.h"

#include "cl-demo-data.h"
#include "cl-directory-store.h"
#include "cl-staff.h"
#include "cl-store-directory.h"
#include "cl-store-private.h"
#include "cl-tables.h"
#include "cl-id-card.h"
#include "cl-patient-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

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
  return cl_test_store_new_demo_full (dir, file, n_patients, seed, CL_DEMO_DATA_NO_DESK);
}

CLStore *
cl_test_store_new_demo_full (const char *dir,
                             const char *file,
                             guint       n_patients,
                             guint32     seed,
                             guint       flags)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = cl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (cl_demo_data_generate_full (store, n_patients, seed, flags, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* Writes the change feed the server would have if every record of the
 * demo data had been pushed: one change_log row per record, in one
 * transaction, with each record's rev set to its row. */
void
cl_test_store_fill_change_log (CLStore *store)
{
  const char * const *tables = cl_tables_list ();
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *insert;

  g_assert_true (cl_store_begin (store, &error));
  insert = cl_store_prepare (store,
                             "INSERT INTO change_log (tbl, record_id, op, data, at, username)"
                             " VALUES (?1, ?2, 'upsert', ?3, ?4, 'bench')", &error);
  g_assert_no_error (error);

  for (guint t = 0; tables[t]; t++)
    {
      GType type = cl_tables_lookup (tables[t]);
      g_autofree char *update_sql = g_strdup_printf ("UPDATE %s SET rev = ?1 WHERE id = ?2", tables[t]);
      g_autoptr(GPtrArray) records = cl_store_query_records (store, type, "deleted = 0 ORDER BY rowid", NULL);

      for (guint i = 0; i < records->len; i++)
        {
          CLRecord *record = g_ptr_array_index (records, i);
          g_autoptr(JsonNode) node = NULL;
          g_autofree char *data = NULL;
          sqlite3_stmt *stmt;
          gint64 rev;

          sqlite3_reset (insert);
          sqlite3_bind_text (insert, 1, tables[t], -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 2, cl_record_get_id (record), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 3, "", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (insert, 4, cl_record_get_updated_at (record));
          g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
          rev = sqlite3_last_insert_rowid (cl_store_get_db (store));

          cl_record_set_rev (record, rev);
          node = cl_record_to_json (record);
          data = json_to_string (node, FALSE);

          stmt = cl_store_prepare (store, "UPDATE change_log SET data = ?1 WHERE rev = ?2", &error);
          g_assert_no_error (error);
          sqlite3_bind_text (stmt, 1, data, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, rev);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          sqlite3_reset (stmt);

          stmt = cl_store_prepare (store, update_sql, &error);
          g_assert_no_error (error);
          sqlite3_bind_int64 (stmt, 1, rev);
          sqlite3_bind_text (stmt, 2, cl_record_get_id (record), -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          sqlite3_reset (stmt);
        }
    }
  sqlite3_reset (insert);
  g_assert_true (cl_store_commit (store, &error));
}

void
cl_test_store_fixture_set_up (CLTestStoreFixture *f,
                              gconstpointer       data)
{
  g_autofree char *name = g_path_get_basename (g_get_prgname ());

  f->dir = cl_test_make_tmp_dir (name);
  f->store = cl_test_store_open (f->dir);
}

void
cl_test_store_fixture_tear_down (CLTestStoreFixture *f,
                                 gconstpointer       data)
{
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
}

CLStore *
cl_test_store_open_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  CLStore *store = cl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A valid woman's ID number for @first17 (17 digits). */
char *
cl_test_id_number (const char *first17)
{
  char check = cl_id_card_check_digit (first17);

  g_assert_cmpint (check, !=, 0);
  return g_strdup_printf ("%s%c", first17, check);
}

CLPatient *
cl_test_patient_new (const char *name,
                     const char *first17,
                     const char *phone)
{
  CLPatient *patient = cl_patient_new ();
  g_autofree char *number = cl_test_id_number (first17);

  cl_patient_set_name (patient, name);
  cl_patient_set_id_number (patient, number);
  cl_patient_set_phone (patient, phone);
  return patient;
}

CLPregnancy *
cl_test_pregnancy_new (CLPatient  *patient,
                       const char *lmp,
                       const char *risk)
{
  CLPregnancy *pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));

  cl_pregnancy_set_lmp (pregnancy, lmp);
  cl_pregnancy_set_risk (pregnancy, risk);
  return pregnancy;
}

void
cl_test_patient_save (CLStore     *store,
                      CLPatient   *patient,
                      CLPregnancy *pregnancy)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = cl_patient_store_save (store, patient, pregnancy, &field_errors, &error);
  if (field_errors)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, field_errors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_test_message ("field %s: %s", (char *) key, (char *) value);
    }
  g_assert_no_error (error);
  g_assert_true (ok);
}

char *
cl_test_store_text (CLStore    *store,
                    const char *sql)
{
  sqlite3_stmt *stmt;
  char *text = NULL;

  cl_store_lock (store);
  g_assert_cmpint (sqlite3_prepare_v2 (cl_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  cl_store_unlock (store);
  return text;
}

char *
cl_test_store_newest_patient_id (CLStore *store)
{
  g_autoptr(GPtrArray) some = cl_store_query_records (store, CL_TYPE_PREGNANCY,
                                                      "deleted = 0 ORDER BY lmp DESC LIMIT 1", NULL);

  g_assert_cmpuint (some->len, ==, 1);
  return g_strdup (cl_pregnancy_get_patient_id (g_ptr_array_index (some, 0)));
}

void
cl_test_department_save (CLStore      *store,
                         CLDepartment *department)
{
  g_autofree char *id = cl_store_department_named (store, cl_department_get_name (department), NULL);
  g_autoptr(GError) error = NULL;

  if (id != NULL)
    {
      g_autoptr(CLRecord) stored = cl_store_load_record (store, CL_TYPE_DEPARTMENT, id, &error);

      g_assert_no_error (error);
      cl_record_assign (CL_RECORD (department), stored);
      if (cl_department_get_active (department))
        return;
      cl_department_set_active (department, TRUE);
    }
  g_assert_true (cl_directory_store_save_department (store, department, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
}

void
cl_test_departments_close (CLStore *store)
{
  g_autoptr(GPtrArray) open = cl_store_departments (store, TRUE);

  for (guint i = 0; i < open->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (open, i);
      g_autoptr(GError) error = NULL;

      cl_department_set_active (department, FALSE);
      g_assert_true (cl_directory_store_save_department (store, department, CL_ROLE_ADMIN, NULL, &error));
      g_assert_no_error (error);
    }
}
