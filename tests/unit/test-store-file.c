/* test-store-file.c
 *
 * The store as a file on a desk: what is not a store, a newer or a
 * damaged one is refused and left as it is, and a crash loses no
 * committed write.
 */

#define G_LOG_DOMAIN "test-store-file"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cl-patient-store.h"
#include "cl-store-private.h"
#include "cl-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_open_fails_unchanged (const char *path,
                             gint        code)
{
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = cl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CL_STORE_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_test_message ("%s", error->message);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  /* Not even a WAL file left next to it. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_store_not_a_store_text (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "第 %u 行：这不是数据库。\n", i);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  assert_open_fails_unchanged (path, CL_STORE_ERROR_NOT_A_STORE);

  /* A file shorter than the SQLite header, too. */
  g_file_set_contents (path, "hello", -1, &error);
  g_assert_no_error (error);
  assert_open_fails_unchanged (path, CL_STORE_ERROR_NOT_A_STORE);

  cl_test_remove_tree (dir);
}

static void
test_store_not_a_store_sqlite (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE foo (a INTEGER, b TEXT);"
                                 "INSERT INTO foo VALUES (1, 'one'), (2, 'two');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails_unchanged (path, CL_STORE_ERROR_NOT_A_STORE);

  /* Another program's data is still there for that program. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM foo", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);

  cl_test_remove_tree (dir);
}

static void
test_store_too_new (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", CL_SCHEMA_VERSION + 1);
  CLStore *store;
  sqlite3 *db = NULL;

  store = cl_test_store_open_file (path);
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("杨雪", "61011319970909008", "15012345678");

    cl_test_patient_save (store, patient, NULL);
  }
  g_object_unref (store);

  /* What a newer Careline would leave behind. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, bump, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails_unchanged (path, CL_STORE_ERROR_TOO_NEW);

  cl_test_remove_tree (dir);
}

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length,
           GRand      *rand)
{
  FILE *file = fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  for (gsize i = 0; i < length; i++)
    fputc (g_rand_int_range (rand, 0, 256), file);
  fclose (file);
}

/* Opens a damaged store and reads everything through the API. It must
 * fail cleanly somewhere along the way, never crash. */
static void
check_corrupt (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = cl_store_open (path, &error);
  g_autofree char *check = NULL;

  if (store == NULL)
    {
      g_test_message ("open: %s", error->message);
      g_assert_true (g_error_matches (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT) ||
                     g_error_matches (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_A_STORE));
      return;
    }

  /* The damage is in pages that opening does not read: SQLite finds
   * it when it gets there. */
  check = cl_test_store_text (store, "PRAGMA integrity_check");
  g_test_message ("opened; integrity_check: %s", check);
  g_assert_cmpstr (check, !=, "ok");
}

static void
test_store_corrupt (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  CLStore *store;
  gsize size;

  store = cl_test_store_open_file (path);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("患者%u", i);
      /* Unique ID numbers: vary the day and the sequence. */
      g_autofree char *first17 = g_strdup_printf ("110105199001%02u%02u%u",
                                                  1 + i % 28, i / 28, 2 * (i % 5));
      g_autofree char *phone = g_strdup_printf ("139%08u", i);
      g_autoptr(CLPatient) patient = cl_test_patient_new (name, first17, phone);

      cl_test_patient_save (store, patient, NULL);
    }
  g_object_unref (store);

  good = read_file (path);
  size = g_bytes_get_size (good);
  g_assert_cmpuint (size, >, 8 * 4096);

  /* Junk right after the 100-byte header: the schema page is gone. */
  overwrite (path, 100, 4000, rand);
  check_corrupt (path);

  /* Junk in the middle of the file: data and index pages. */
  g_file_set_contents (path, g_bytes_get_data (good, NULL), size, &error);
  g_assert_no_error (error);
  overwrite (path, size / 2 - 4096, 3 * 4096, rand);
  check_corrupt (path);

  /* Junk over everything but the header. */
  g_file_set_contents (path, g_bytes_get_data (good, NULL), size, &error);
  g_assert_no_error (error);
  overwrite (path, 100, size - 100, rand);
  check_corrupt (path);

  cl_test_remove_tree (dir);
}

#define CRASH_NAME "宋佳"

static void
test_store_crash (void)
{
  const char *dir_env = g_getenv ("CARELINE_TEST_CRASH_DIR");

  if (g_test_subprocess ())
    {
      /* The child: save, then die without closing anything. */
      g_autofree char *path = g_build_filename (dir_env, "careline.db", NULL);
      CLStore *store = cl_test_store_open_file (path);
      CLPatient *patient = cl_test_patient_new (CRASH_NAME, "37010219900101008", "18912345678");
      CLPregnancy *pregnancy = cl_test_pregnancy_new (patient, "2026-07-01", "red");

      cl_test_patient_save (store, patient, pregnancy);
      kill (getpid (), SIGKILL);
      _exit (0);
    }
  else
    {
      g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
      g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
      g_autoptr(CLStore) store = NULL;
      g_autoptr(GPtrArray) found = NULL;

      /* An existing store, as on a desk that has been in use. */
      store = cl_test_store_open_file (path);
      g_clear_object (&store);

      g_setenv ("CARELINE_TEST_CRASH_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv ("CARELINE_TEST_CRASH_DIR");
      g_test_trap_assert_failed ();

      /* The WAL is still there: the child never checkpointed. */
      store = cl_test_store_open_file (path);
      found = cl_store_query_records (store, CL_TYPE_PATIENT, "name = ?1", CRASH_NAME, NULL);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpint (cl_patient_store_count (store), ==, 1);
      g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM pregnancy WHERE risk = 'red'"), ==, 1);
      g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM search_key WHERE key = '18912345678'"), ==, 1);
      g_assert_cmpint (cl_store_count_outbox (store), ==, 3);

      g_clear_object (&store);
      cl_test_remove_tree (dir);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/not-a-store/text", test_store_not_a_store_text);
  g_test_add_func ("/store/not-a-store/sqlite", test_store_not_a_store_sqlite);
  g_test_add_func ("/store/too-new", test_store_too_new);
  g_test_add_func ("/store/corrupt", test_store_corrupt);
  g_test_add_func ("/store/crash", test_store_crash);

  return g_test_run ();
}
