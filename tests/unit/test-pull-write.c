/* What a sync pull writes.  The roster row and search keys of a patient
 * written at this desk and of the same patient pulled from the server (a
 * bulk transaction, keys made beforehand on the pull's decode thread,
 * cl-roster-index.h) are the same, whether the keys offered fit the row
 * or not; a pulled record is written only over an older row. */

#define G_LOG_DOMAIN "test-pull-write"

#include "config.h"

#include <glib/gstdio.h>

#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-roster-index.h"
#include "cl-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

typedef struct
{
  const char *name;
  const char *phone;
  const char *mrn;
  const char *id_number;
} Person;

/* Han names of two and three characters, a compound surname, a Latin
 * name, an ID ending in X, a landline, and blanks. */
static const Person people[] = {
  { "张小梅", "13712345678", "ZY20260001", "11010519491231002X" },
  { "李娜", "13811112222", NULL, NULL },
  { "欧阳娜娜", "02088886666", "ZY20260003", "110105199001011234" },
  { "Zoë Li", "13900001111", "zy20260004", NULL },
  { "单于 晓", NULL, NULL, "" },
};

static GPtrArray *
make_records (void)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      CLPatient *patient = cl_patient_new ();
      CLPregnancy *pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));

      cl_patient_set_name (patient, people[i].name);
      cl_patient_set_phone (patient, people[i].phone);
      cl_patient_set_mrn (patient, people[i].mrn);
      cl_patient_set_id_number (patient, people[i].id_number);
      cl_pregnancy_set_lmp (pregnancy, "2026-06-01");
      cl_pregnancy_set_risk (pregnancy, i % 2 ? "yellow" : "green");
      g_ptr_array_add (records, patient);
      g_ptr_array_add (records, pregnancy);
    }
  return records;
}

/* Roster rows and search keys by patient id (rowids are local). */
static char *
dump_index (CLStore *store)
{
  g_autoptr(GPtrArray) roster =
    cl_test_store_rows (store, "SELECT patient_id, hex(sort_key), name, birth_date, phone, mrn,"
                               " pregnancy_id, lmp, edd, risk, risk_rank, status, delivery_date,"
                               " manager_id, package, priority, visits_done"
                               " FROM roster ORDER BY patient_id");
  g_autoptr(GPtrArray) keys =
    cl_test_store_rows (store, "SELECT r.patient_id, k.key FROM search_key k"
                               " JOIN roster r USING (patient_rowid) ORDER BY 1, 2");
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpuint (roster->len, ==, G_N_ELEMENTS (people));
  for (guint i = 0; i < roster->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (roster, i));
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (keys, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef enum
{
  OFFER_NONE,
  OFFER_FITTING,
  OFFER_STALE,   /* made from another name and phone */
} Offer;

/* Writes the records as a pull does: from the server, in one bulk
 * transaction, offering keys for each patient. */
static void
write_as_pulled (CLStore   *store,
                 GPtrArray *records,
                 Offer      offer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_begin_bulk (store, &error));
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(CLRecord) copy = cl_record_dup (g_ptr_array_index (records, i));
      ClRosterKeys *keys = NULL;

      cl_record_set_rev (copy, i + 1);
      g_assert_true (cl_store_write_record (store, copy, CL_WRITE_FROM_SERVER, &error));
      g_assert_no_error (error);
      if (offer == OFFER_FITTING)
        keys = cl_roster_keys_new_for_record (copy);
      else if (offer == OFFER_STALE && CL_IS_PATIENT (copy))
        keys = cl_roster_keys_new ("王静", "13500000000", NULL, NULL);
      if (keys)
        cl_store_offer_roster_keys (store, cl_record_get_id (copy), keys);
    }
  g_assert_true (cl_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
test_pulled_equals_local (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-pull-write-keys");
  g_autoptr(GPtrArray) records = make_records ();
  g_autofree char *local = NULL;
  g_autoptr(GError) error = NULL;
  const Offer offers[] = { OFFER_NONE, OFFER_FITTING, OFFER_STALE };

  {
    g_autofree char *sub = g_build_filename (dir, "local", NULL);
    g_autoptr(CLStore) store = cl_test_store_open (sub);

    for (guint i = 0; i < records->len; i++)
      {
        g_autoptr(CLRecord) copy = cl_record_dup (g_ptr_array_index (records, i));

        g_assert_true (cl_store_save_record (store, copy, &error));
        g_assert_no_error (error);
      }
    local = dump_index (store);
  }
  /* Something to compare: pinyin, initials, the given name alone, the
   * last four digits of the phone, the ID lower-cased. */
  cl_test_assert_contains (local, "zhangxiaomei");
  cl_test_assert_contains (local, "|xm\n");
  cl_test_assert_contains (local, "|小梅\n");
  cl_test_assert_contains (local, "|5678\n");
  cl_test_assert_contains (local, "11010519491231002x");
  cl_test_assert_contains (local, "|zoeli\n");

  for (guint o = 0; o < G_N_ELEMENTS (offers); o++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/pulled-%u", dir, o);
      g_autoptr(CLStore) store = cl_test_store_open (sub);
      g_autofree char *pulled = NULL;

      write_as_pulled (store, records, offers[o]);
      pulled = dump_index (store);
      g_assert_cmpstr (pulled, ==, local);
    }

  cl_test_remove_tree (dir);
}

/* The keys a patient record gets are those of her fields; a deleted
 * patient, or another record, gets none. */
static void
test_keys_for_record (void)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLPregnancy) pregnancy = cl_pregnancy_new ("p");
  g_autoptr(ClRosterKeys) from_record = NULL;
  g_autoptr(ClRosterKeys) from_fields = NULL;
  g_autoptr(GBytes) sort_key = cl_roster_index_sort_key ("张小梅");

  cl_patient_set_name (patient, "张小梅");
  cl_patient_set_phone (patient, "13712345678");
  from_record = cl_roster_keys_new_for_record (CL_RECORD (patient));
  from_fields = cl_roster_keys_new ("张小梅", "13712345678", NULL, NULL);
  g_assert_nonnull (from_record);
  g_assert_true (g_strv_equal ((const char * const *) cl_roster_keys_get_keys (from_record),
                               (const char * const *) cl_roster_keys_get_keys (from_fields)));
  g_assert_true (g_strv_contains (cl_roster_keys_get_keys (from_record), "zxm"));
  g_assert_true (g_strv_contains (cl_roster_keys_get_keys (from_record), "5678"));
  g_assert_true (g_bytes_equal (cl_roster_keys_get_sort_key (from_record), sort_key));

  g_assert_null (cl_roster_keys_new_for_record (CL_RECORD (pregnancy)));
  cl_record_set_deleted (CL_RECORD (patient), TRUE);
  g_assert_null (cl_roster_keys_new_for_record (CL_RECORD (patient)));
}

static gboolean
write_if_newer (CLStore    *store,
                CLPatient  *patient,
                gint64      rev,
                const char *by)
{
  g_autoptr(CLRecord) copy = cl_record_dup (CL_RECORD (patient));
  g_autoptr(GError) error = NULL;
  gboolean written = FALSE;

  cl_record_set_rev (copy, rev);
  cl_record_set_updated_at (copy, 1000);
  cl_record_set_updated_by (copy, by);
  g_assert_true (cl_store_begin_bulk (store, &error));
  g_assert_true (cl_store_write_record_if_newer (store, copy, &written, &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_commit (store, &error));
  return written;
}

/* The rule the pull used to check with a query of its own before each
 * write: a newer rev, or the same rev with another stamp, is written;
 * the same or an older one is not, and its hooks do not run. */
static void
test_write_if_newer (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-pull-write");
  g_autoptr(CLStore) store = cl_test_store_open (dir);
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autofree char *row = NULL;
  const char *sql = "SELECT rev || ' ' || updated_by || ' ' || name FROM patient";

  cl_patient_set_name (patient, "周晓雯");
  g_assert_true (write_if_newer (store, patient, 5, "desk_a"));
  g_assert_false (write_if_newer (store, patient, 5, "desk_a"));
  g_assert_true (write_if_newer (store, patient, 5, "desk_b"));

  cl_patient_set_name (patient, "周晓文");
  g_assert_false (write_if_newer (store, patient, 4, "desk_c"));
  g_assert_false (write_if_newer (store, patient, 5, "desk_b"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM roster WHERE name = '周晓雯'"), ==, 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM search_key WHERE key = '周晓雯'"), ==, 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM search_key WHERE key = '周晓文'"), ==, 0);
  {
    g_autoptr(GPtrArray) rows = cl_test_store_rows (store, sql);

    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "5 desk_b 周晓雯");
  }

  g_assert_true (write_if_newer (store, patient, 6, "desk_c"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM roster WHERE name = '周晓文'"), ==, 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM roster"), ==, 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM search_key WHERE key = '周晓文'"), ==, 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM search_key WHERE key = '周晓雯'"), ==, 0);

  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pull-write/pulled-equals-local", test_pulled_equals_local);
  g_test_add_func ("/pull-write/keys-for-record", test_keys_for_record);
  g_test_add_func ("/pull-write/if-newer", test_write_if_newer);

  return g_test_run ();
}
