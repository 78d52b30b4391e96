#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-patient-store.h"
#include "cl-risk-event.h"
#include "cl-store-private.h"
#include "cl-store.h"
#include "cl-store-sync.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

static void
test_store_new (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "sub", "careline.db", NULL);
  g_autoptr(CLStore) store = cl_test_store_open_file (path);
  g_autofree char *mode = NULL;

  g_assert_cmpint (cl_store_get_schema_version (store), ==, CL_SCHEMA_VERSION);
  g_assert_cmpstr (cl_store_get_path (store), ==, path);
  g_assert_nonnull (cl_store_get_risk_scale (store));

  mode = cl_test_store_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (cl_test_store_count (store, "PRAGMA user_version"), ==, CL_SCHEMA_VERSION);
  g_assert_cmpint (cl_test_store_count (store, "PRAGMA application_id"), ==, CL_STORE_APPLICATION_ID);
  g_assert_cmpint (cl_patient_store_count (store), ==, 0);
  g_assert_cmpint (cl_store_count_outbox (store), ==, 0);

  /* Opening again migrates nothing and keeps the version. */
  g_clear_object (&store);
  store = cl_test_store_open_file (path);
  g_assert_cmpint (cl_store_get_schema_version (store), ==, CL_SCHEMA_VERSION);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

static void
test_store_roundtrip (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(CLStore) store = cl_test_store_open_file (path);
  g_autoptr(CLStaff) manager = cl_staff_new ("wangfang", "王芳", CL_ROLE_CASE_MANAGER);
  g_autoptr(CLPatient) patient = cl_test_patient_new ("张小梅", "11010519920315002", "138 1234 5678");
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(CLPatient) loaded = NULL;
  g_autoptr(CLPregnancy) loaded_pregnancy = NULL;
  g_autoptr(CLPregnancy) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *patient_id = NULL;
  g_autofree char *pregnancy_id = NULL;
  g_autofree char *number = cl_test_id_number ("11010519920315002");

  cl_store_set_actor (store, "tester");
  g_assert_true (cl_store_save_record (store, CL_RECORD (manager), &error));
  g_assert_no_error (error);

  cl_patient_set_address (patient, "北京市朝阳区建国路88号");
  cl_patient_set_mrn (patient, "MZ00012345");
  cl_patient_set_priority (patient, "vip,special-care");
  cl_patient_set_case_manager_id (patient, cl_record_get_id (CL_RECORD (manager)));
  cl_patient_set_note (patient, "对青霉素过敏");

  /* CARELINE_TODAY is 2026-11-23: this one delivered two weeks ago. */
  pregnancy = cl_test_pregnancy_new (patient, "2026/2/20", "orange+purple");
  cl_pregnancy_set_corrected_edd (pregnancy, "2026-11-30");
  cl_pregnancy_set_status (pregnancy, "delivered");
  cl_pregnancy_set_delivery_date (pregnancy, "2026-11-09");
  cl_pregnancy_set_gravida (pregnancy, 2);
  cl_pregnancy_set_para (pregnancy, 1);
  cl_test_patient_save (store, patient, pregnancy);

  patient_id = g_strdup (cl_record_get_id (CL_RECORD (patient)));
  pregnancy_id = g_strdup (cl_record_get_id (CL_RECORD (pregnancy)));

  g_clear_object (&store);
  store = cl_test_store_open_file (path);

  loaded = (CLPatient *) cl_store_load_record (store, CL_TYPE_PATIENT, patient_id, &error);
  g_assert_no_error (error);
  g_assert_true (CL_IS_PATIENT (loaded));
  g_assert_cmpstr (cl_patient_get_name (loaded), ==, "张小梅");
  g_assert_cmpstr (cl_patient_get_id_number (loaded), ==, number);
  /* Normalised on save: blanks gone. */
  g_assert_cmpstr (cl_patient_get_phone (loaded), ==, "13812345678");
  /* Filled in from the ID number. */
  g_assert_cmpstr (cl_patient_get_birth_date (loaded), ==, "1992-03-15");
  g_assert_cmpstr (cl_patient_get_address (loaded), ==, "北京市朝阳区建国路88号");
  g_assert_cmpstr (cl_patient_get_mrn (loaded), ==, "MZ00012345");
  g_assert_cmpstr (cl_patient_get_priority (loaded), ==, "vip,special-care");
  g_assert_cmpstr (cl_patient_get_case_manager_id (loaded), ==, cl_record_get_id (CL_RECORD (manager)));
  g_assert_cmpstr (cl_patient_get_note (loaded), ==, "对青霉素过敏");
  g_assert_cmpstr (cl_record_get_updated_by (CL_RECORD (loaded)), ==, "tester");
  g_assert_cmpint (cl_record_get_updated_at (CL_RECORD (loaded)), >, 0);
  g_assert_false (cl_record_get_deleted (CL_RECORD (loaded)));
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (loaded)), ==, 0);

  loaded_pregnancy = (CLPregnancy *) cl_store_load_record (store, CL_TYPE_PREGNANCY, pregnancy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_pregnancy_get_patient_id (loaded_pregnancy), ==, patient_id);
  /* Normalised to ISO on save. */
  g_assert_cmpstr (cl_pregnancy_get_lmp (loaded_pregnancy), ==, "2026-02-20");
  g_assert_cmpstr (cl_pregnancy_get_edd (loaded_pregnancy), ==, "2026-11-27");
  g_assert_cmpstr (cl_pregnancy_get_corrected_edd (loaded_pregnancy), ==, "2026-11-30");
  g_assert_cmpstr (cl_pregnancy_get_effective_edd (loaded_pregnancy), ==, "2026-11-30");
  g_assert_cmpstr (cl_pregnancy_get_status (loaded_pregnancy), ==, "delivered");
  g_assert_cmpstr (cl_pregnancy_get_delivery_date (loaded_pregnancy), ==, "2026-11-09");
  g_assert_cmpstr (cl_pregnancy_get_risk (loaded_pregnancy), ==, "orange+purple");
  g_assert_cmpint (cl_pregnancy_get_gravida (loaded_pregnancy), ==, 2);
  g_assert_cmpint (cl_pregnancy_get_para (loaded_pregnancy), ==, 1);

  current = cl_patient_store_current_pregnancy (store, patient_id);
  g_assert_nonnull (current);
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (current)), ==, pregnancy_id);

  g_assert_cmpint (cl_patient_store_count (store), ==, 1);

  {
    g_autoptr(GPtrArray) staff = cl_patient_store_list_staff (store, CL_ROLE_CASE_MANAGER);
    g_autoptr(GPtrArray) escorts = cl_patient_store_list_staff (store, CL_ROLE_ESCORT);

    g_assert_cmpuint (staff->len, ==, 1);
    g_assert_cmpstr (cl_staff_get_username (g_ptr_array_index (staff, 0)), ==, "wangfang");
    g_assert_cmpstr (cl_staff_get_display_name (g_ptr_array_index (staff, 0)), ==, "王芳");
    g_assert_cmpuint (escorts->len, ==, 0);
  }

  /* Unknown ids are NOT_FOUND, not a crash or an empty record. */
  g_assert_null (cl_store_load_record (store, CL_TYPE_PATIENT, "no-such-id", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

static void
test_store_outbox (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(CLStore) store = cl_test_store_open_file (path);
  g_autoptr(CLPatient) patient = cl_test_patient_new ("李静", "31010419880101004", "13900001111");
  g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-06-01", "yellow");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  gint64 last_seq = 0;
  int rc;

  cl_test_patient_save (store, patient, pregnancy);

  /* Patient, pregnancy and the first risk colour: three records, three
   * changes to push. */
  g_assert_cmpint (cl_store_count_outbox (store), ==, 3);

  cl_store_lock (store);
  g_assert_cmpint (sqlite3_prepare_v2 (cl_store_get_db (store),
                                       "SELECT seq, key, tbl, record_id, base_rev, op, data, created_at"
                                       " FROM outbox ORDER BY seq",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      const char *key = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *record_id = (const char *) sqlite3_column_text (stmt, 3);
      const char *data = (const char *) sqlite3_column_text (stmt, 6);
      JsonObject *object;

      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), >, last_seq);
      last_seq = sqlite3_column_int64 (stmt, 0);
      g_assert_true (key != NULL && *key != '\0');
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, g_strdup (key));
      g_assert_cmpint (sqlite3_column_int64 (stmt, 4), ==, 0);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, "upsert");
      g_assert_cmpint (sqlite3_column_int64 (stmt, 7), >, 0);

      json_parser_load_from_data (parser, data, -1, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, record_id);
      g_assert_true (json_object_has_member (object, "rev"));
      g_assert_true (json_object_has_member (object, "updated_at"));
      g_assert_true (json_object_has_member (object, "updated_by"));
      g_assert_true (json_object_has_member (object, "deleted"));

      if (g_str_equal (table, "patient"))
        {
          g_assert_cmpstr (record_id, ==, cl_record_get_id (CL_RECORD (patient)));
          g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "李静");
          g_assert_cmpstr (json_object_get_string_member (object, "phone"), ==, "13900001111");
          g_assert_cmpstr (json_object_get_string_member (object, "id_number"), ==,
                           cl_patient_get_id_number (patient));
          g_assert_cmpstr (json_object_get_string_member (object, "birth_date"), ==, "1988-01-01");
        }
      else if (g_str_equal (table, "pregnancy"))
        {
          g_assert_cmpstr (record_id, ==, cl_record_get_id (CL_RECORD (pregnancy)));
          g_assert_cmpstr (json_object_get_string_member (object, "patient_id"), ==,
                           cl_record_get_id (CL_RECORD (patient)));
          g_assert_cmpstr (json_object_get_string_member (object, "lmp"), ==, "2026-06-01");
          g_assert_cmpstr (json_object_get_string_member (object, "edd"), ==, "2027-03-08");
          g_assert_cmpstr (json_object_get_string_member (object, "risk"), ==, "yellow");
          g_assert_cmpint (json_object_get_int_member (object, "gravida"), ==, 1);
        }
      else if (g_str_equal (table, "risk_event"))
        {
          g_assert_cmpstr (json_object_get_string_member (object, "pregnancy_id"), ==,
                           cl_record_get_id (CL_RECORD (pregnancy)));
          g_assert_cmpstr (json_object_get_string_member (object, "risk"), ==, "yellow");
          g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2026-11-23");
        }
      else
        g_assert_not_reached ();
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  cl_store_unlock (store);

  g_assert_cmpuint (g_hash_table_size (seen), ==, 3);

  /* Saving again queues one more change per record written. */
  cl_patient_set_note (patient, "复诊");
  cl_test_patient_save (store, patient, NULL);
  g_assert_cmpint (cl_store_count_outbox (store), ==, 4);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

static void
test_store_tombstone (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(CLStore) store = cl_test_store_open_file (path);
  g_autoptr(CLPatient) patient = cl_test_patient_new ("王丽", "44010619950505008", "13511112222");
  g_autoptr(CLPatient) other = cl_test_patient_new ("陈芳", "44010619960606006", "13511113333");
  g_autoptr(CLPatient) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *roster_sql = NULL;

  cl_test_patient_save (store, patient, NULL);
  cl_test_patient_save (store, other, NULL);
  g_assert_cmpint (cl_patient_store_count (store), ==, 2);

  g_assert_true (cl_store_delete_record (store, CL_RECORD (patient), &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT deleted FROM patient WHERE id = '%s'",
                         cl_record_get_id (CL_RECORD (patient)));
  g_assert_cmpint (cl_test_store_count (store, sql), ==, 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM patient"), ==, 2);

  roster_sql = g_strdup_printf ("SELECT count(*) FROM roster WHERE patient_id = '%s'",
                                cl_record_get_id (CL_RECORD (patient)));
  g_assert_cmpint (cl_test_store_count (store, roster_sql), ==, 0);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM search_key WHERE key = '13511112222'"), ==, 0);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM search_key WHERE key = '13511113333'"), ==, 1);
  g_assert_cmpint (cl_patient_store_count (store), ==, 1);

  /* The tombstone travels to the server like any change. */
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM outbox WHERE op = 'delete'"), ==, 1);

  /* Still loadable (for sync and the audit trail), marked deleted. */
  loaded = (CLPatient *) cl_store_load_record (store, CL_TYPE_PATIENT,
                                               cl_record_get_id (CL_RECORD (patient)), &error);
  g_assert_no_error (error);
  g_assert_true (cl_record_get_deleted (CL_RECORD (loaded)));

  /* A deleted patient's ID number is free for a new record. */
  {
    g_autoptr(CLPatient) again = cl_test_patient_new ("王丽", "44010619950505008", "13511112222");

    cl_test_patient_save (store, again, NULL);
    g_assert_cmpint (cl_patient_store_count (store), ==, 2);
  }

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

typedef struct
{
  gint64 patients;
  gint64 pregnancies;
  gint64 outbox;
  gint64 events;
  gint64 roster;
} Counts;

static void
get_counts (CLStore *store,
            Counts  *counts)
{
  counts->patients = cl_test_store_count (store, "SELECT count(*) FROM patient");
  counts->pregnancies = cl_test_store_count (store, "SELECT count(*) FROM pregnancy");
  counts->outbox = cl_test_store_count (store, "SELECT count(*) FROM outbox");
  counts->events = cl_test_store_count (store, "SELECT count(*) FROM risk_event");
  counts->roster = cl_test_store_count (store, "SELECT count(*) FROM roster");
}

/* Saves and expects a refusal naming @field (and only fields from
 * @allowed, a NULL-terminated list that includes @field); then checks
 * that nothing at all was written. */
static void
assert_refused (CLStore     *store,
                CLPatient   *patient,
                CLPregnancy *pregnancy,
                const char  *field)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  Counts before, after;

  get_counts (store, &before);

  g_assert_false (cl_patient_store_save (store, patient, pregnancy, &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (field_errors);
  if (!g_hash_table_contains (field_errors, field))
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, field_errors);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_test_message ("got field error for “%s”", (char *) key);
    }
  g_assert_true (g_hash_table_contains (field_errors, field));
  /* A message a person can read, not an empty string. */
  g_assert_cmpuint (strlen (g_hash_table_lookup (field_errors, field)), >, 0);

  get_counts (store, &after);
  g_assert_cmpint (before.patients, ==, after.patients);
  g_assert_cmpint (before.pregnancies, ==, after.pregnancies);
  g_assert_cmpint (before.outbox, ==, after.outbox);
  g_assert_cmpint (before.events, ==, after.events);
  g_assert_cmpint (before.roster, ==, after.roster);
}

static void
test_store_validation (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(CLStore) store = cl_test_store_open_file (path);

  /* Something in the store already, so "nothing written" is measured
   * against a non-empty file. */
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("赵敏", "32010219900707002", "13600001234");
    g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-08-01", "green");

    cl_test_patient_save (store, patient, pregnancy);
  }

  /* Bad check digit. */
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("孙丽", "32010219910808004", "13600005678");
    g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-08-01", "green");
    char *number = g_strdup (cl_patient_get_id_number (patient));

    number[17] = number[17] == '1' ? '2' : '1';
    cl_patient_set_id_number (patient, number);
    g_free (number);
    assert_refused (store, patient, pregnancy, "id_number");
  }

  /* Wrong shape. */
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("孙丽", "32010219910808004", "13600005678");

    cl_patient_set_id_number (patient, "12345");
    assert_refused (store, patient, NULL, "id_number");
  }

  /* Not a mobile number. */
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("孙丽", "32010219910808004", "1360000567");

    assert_refused (store, patient, NULL, "phone");
  }
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("孙丽", "32010219910808004", "12600005678");

    assert_refused (store, patient, NULL, "phone");
  }

  /* Empty and blank names. */
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("", "32010219910808004", "13600005678");

    assert_refused (store, patient, NULL, "name");
  }
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("   ", "32010219910808004", "13600005678");

    assert_refused (store, patient, NULL, "name");
  }

  /* A corrected EDD before the LMP, with a valid patient: the
   * pregnancy's refusal keeps the patient out too. */
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("孙丽", "32010219910808004", "13600005678");
    g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-08-01", "green");

    cl_pregnancy_set_corrected_edd (pregnancy, "2026-07-01");
    assert_refused (store, patient, pregnancy, "corrected_edd");
  }

  /* LMP in the future. */
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("孙丽", "32010219910808004", "13600005678");
    g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-12-01", "green");

    assert_refused (store, patient, pregnancy, "lmp");
  }

  /* Not a risk colour. */
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("孙丽", "32010219910808004", "13600005678");
    g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-08-01", "blue");

    assert_refused (store, patient, pregnancy, "risk");
  }

  /* Several bad fields at once: each is named. */
  {
    g_autoptr(CLPatient) patient = cl_test_patient_new ("", "32010219910808004", "123");
    g_autoptr(GHashTable) field_errors = NULL;
    g_autoptr(GError) error = NULL;

    cl_patient_set_id_number (patient, "3201021991080800");
    g_assert_false (cl_patient_store_save (store, patient, NULL, &field_errors, &error));
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
    g_assert_true (g_hash_table_contains (field_errors, "name"));
    g_assert_true (g_hash_table_contains (field_errors, "phone"));
    g_assert_true (g_hash_table_contains (field_errors, "id_number"));
  }

  g_assert_cmpint (cl_patient_store_count (store), ==, 1);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

static void
test_store_duplicate (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(CLStore) store = cl_test_store_open_file (path);
  g_autoptr(CLPatient) first = cl_test_patient_new ("周雪", "51010719930303002", "13711112222");
  g_autoptr(CLPatient) second = cl_test_patient_new ("周雪梅", "51010719930303002", "13711113333");
  g_autoptr(CLPatient) third = cl_test_patient_new ("吴倩", "51010719940404000", "13711114444");

  cl_patient_set_mrn (first, "MZ00000001");
  cl_test_patient_save (store, first, NULL);

  assert_refused (store, second, NULL, "id_number");

  /* Typed with a lower-case x or blanks, it is still the same number. */
  {
    g_autoptr(CLPatient) spaced = cl_test_patient_new ("周雪", "51010719930303002", "13711115555");
    g_autofree char *number = g_strdup (cl_patient_get_id_number (first));
    g_autofree char *typed = g_strdup_printf ("%.6s %.8s %.4s", number, number + 6, number + 14);

    cl_patient_set_id_number (spaced, typed);
    assert_refused (store, spaced, NULL, "id_number");
  }

  /* The same record number is refused as well. */
  cl_patient_set_mrn (third, "MZ00000001");
  assert_refused (store, third, NULL, "mrn");

  /* Saving the first patient again is an update, not a duplicate. */
  cl_patient_set_note (first, "更新");
  cl_test_patient_save (store, first, NULL);
  g_assert_cmpint (cl_patient_store_count (store), ==, 1);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

static void
test_store_risk_history (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(CLStore) store = cl_test_store_open_file (path);
  g_autoptr(CLPatient) patient = cl_test_patient_new ("黄婷", "42010619920202004", "18612345678");
  g_autoptr(CLPregnancy) pregnancy = cl_test_pregnancy_new (patient, "2026-05-01", "green");
  g_autoptr(GPtrArray) history = NULL;
  const char *pregnancy_id = cl_record_get_id (CL_RECORD (pregnancy));

  cl_test_patient_save (store, patient, pregnancy);
  history = cl_patient_store_risk_history (store, pregnancy_id);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (cl_risk_event_get_risk (g_ptr_array_index (history, 0)), ==, "green");
  g_assert_cmpstr (cl_risk_event_get_date (g_ptr_array_index (history, 0)), ==, "2026-11-23");
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Same colour: no new entry. */
  cl_pregnancy_set_gravida (pregnancy, 2);
  cl_test_patient_save (store, patient, pregnancy);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM risk_event"), ==, 1);

  /* A copy of the stored record (as an edit form holds) with the same
   * colour: still none. */
  {
    g_autoptr(CLPregnancy) copy = CL_PREGNANCY (cl_record_dup (CL_RECORD (pregnancy)));

    cl_pregnancy_set_para (copy, 1);
    cl_test_patient_save (store, patient, copy);
    g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM risk_event"), ==, 1);
  }

  /* A change of colour is kept, with its date. */
  cl_pregnancy_set_risk (pregnancy, "purple+orange");
  cl_test_patient_save (store, patient, pregnancy);
  history = cl_patient_store_risk_history (store, pregnancy_id);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (cl_risk_event_get_risk (g_ptr_array_index (history, 1)), ==, "orange+purple");
  g_assert_cmpstr (cl_risk_event_get_pregnancy_id (g_ptr_array_index (history, 1)), ==, pregnancy_id);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Saving the patient alone never touches the history. */
  cl_test_patient_save (store, patient, NULL);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM risk_event"), ==, 2);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

static void
test_record_json (void)
{
  g_autoptr(CLPatient) patient = cl_test_patient_new ("林悦", "35020319910101000", "18888888888");
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char * const bad[] = {
    "{\"name\": \"x\", \"colour\": \"red\"}",     /* unknown member */
    "{\"name\": 5}",                              /* number for text */
    "{\"name\": \"x\", \"phone\": [\"1\"]}",      /* array for text */
    "{\"name\": \"x\", \"deleted\": \"yes\"}",    /* text for a flag */
    "{\"name\": \"x\", \"rev\": \"3\"}",          /* text for a number */
    "{\"name\": \"x\", \"rev\": 1.5}",            /* fraction for a number */
    "{\"name\": \"x\", \"rev\": -1}",             /* out of range */
    "{\"name\": \"x\", \"note\": {\"a\": 1}}",    /* object for text */
    "{\"name\": \"x\", \"deleted\": null}",       /* null for a flag */
  };

  before = cl_record_to_json (CL_RECORD (patient));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) now = NULL;

      json_parser_load_from_data (parser, bad[i], -1, &error);
      g_assert_no_error (error);
      g_assert_false (cl_record_update_from_json (CL_RECORD (patient),
                                                  json_node_get_object (json_parser_get_root (parser)),
                                                  &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

      /* Nothing half-applied: "name" came first and was good. */
      now = cl_record_to_json (CL_RECORD (patient));
      g_assert_true (json_node_equal (before, now));
    }

  /* Good members are applied, and the types come through. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CLPregnancy) pregnancy = cl_pregnancy_new ("p1");

    json_parser_load_from_data (parser,
                                "{\"name\": \"林悦悦\", \"note\": null, \"rev\": 12, \"deleted\": true}",
                                -1, &error);
    g_assert_no_error (error);
    g_assert_true (cl_record_update_from_json (CL_RECORD (patient),
                                               json_node_get_object (json_parser_get_root (parser)),
                                               &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cl_patient_get_name (patient), ==, "林悦悦");
    g_assert_null (cl_patient_get_note (patient));
    g_assert_cmpint (cl_record_get_rev (CL_RECORD (patient)), ==, 12);
    g_assert_true (cl_record_get_deleted (CL_RECORD (patient)));

    json_parser_load_from_data (parser, "{\"gravida\": 3, \"para\": 1}", -1, &error);
    g_assert_no_error (error);
    g_assert_true (cl_record_update_from_json (CL_RECORD (pregnancy),
                                               json_node_get_object (json_parser_get_root (parser)),
                                               &error));
    g_assert_cmpint (cl_pregnancy_get_gravida (pregnancy), ==, 3);

    json_parser_load_from_data (parser, "{\"gravida\": 99999999999}", -1, &error);
    g_assert_no_error (error);
    g_assert_false (cl_record_update_from_json (CL_RECORD (pregnancy),
                                                json_node_get_object (json_parser_get_root (parser)),
                                                &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_cmpint (cl_pregnancy_get_gravida (pregnancy), ==, 3);
  }

  /* A record survives the trip through JSON unchanged. */
  {
    g_autoptr(CLRecord) copy = cl_record_dup (CL_RECORD (patient));
    g_autoptr(JsonNode) original = cl_record_to_json (CL_RECORD (patient));

    after = cl_record_to_json (copy);
    g_assert_true (json_node_equal (original, after));
  }
}

/* A view's copy of a record takes the rev of its own acknowledged
 * change, but not the rev of a version pulled from another desk. */
static void
test_store_adopt_rev (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-store");
  g_autofree char *path = g_build_filename (dir, "careline.db", NULL);
  g_autoptr(CLStore) store = cl_test_store_open_file (path);
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ack = NULL;
  g_autofree char *pulled = NULL;

  cl_patient_set_name (patient, "韩梅");
  cl_patient_set_phone (patient, "13800001111");
  g_assert_true (cl_store_save_record (store, CL_RECORD (patient), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (patient)), ==, 0);

  /* What the sync client does when the server acknowledges the save. */
  ack = g_strdup_printf ("UPDATE patient SET rev = 5 WHERE id = '%s'", cl_record_get_id (CL_RECORD (patient)));
  g_assert_true (cl_store_begin (store, &error));
  g_assert_true (cl_store_exec (store, ack, NULL));
  g_assert_true (cl_sync_revs_record (store, "patient", cl_record_get_id (CL_RECORD (patient)), 0, 5, &error));
  g_assert_true (cl_store_commit (store, &error));
  g_assert_no_error (error);
  cl_store_adopt_acknowledged_rev (store, CL_RECORD (patient));
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (patient)), ==, 5);

  pulled = g_strdup_printf ("UPDATE patient SET rev = 9, updated_at = updated_at + 60, updated_by = 'other'"
                            " WHERE id = '%s'", cl_record_get_id (CL_RECORD (patient)));
  g_assert_true (cl_store_begin (store, &error));
  g_assert_true (cl_store_exec (store, pulled, NULL));
  g_assert_true (cl_sync_revs_pulled (store, "patient", cl_record_get_id (CL_RECORD (patient)), 9, &error));
  g_assert_true (cl_store_commit (store, &error));
  cl_store_adopt_acknowledged_rev (store, CL_RECORD (patient));
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (patient)), ==, 5);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/new", test_store_new);
  g_test_add_func ("/store/adopt-rev", test_store_adopt_rev);
  g_test_add_func ("/store/roundtrip", test_store_roundtrip);
  g_test_add_func ("/store/outbox", test_store_outbox);
  g_test_add_func ("/store/tombstone", test_store_tombstone);
  g_test_add_func ("/store/validation", test_store_validation);
  g_test_add_func ("/store/duplicate", test_store_duplicate);
  g_test_add_func ("/store/risk-history", test_store_risk_history);
  g_test_add_func ("/store/record-json", test_record_json);

  return g_test_run ();
}
