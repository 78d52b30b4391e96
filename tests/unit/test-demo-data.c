/* test-demo-data.c
 *
 * The demo data: the same seed gives the same data, and what it makes
 * is valid and looks like a real hospital's roster.
 */

#define G_LOG_DOMAIN "test-demo-data"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-date.h"
#include "cl-id-card.h"
#include "cl-package-usage.h"
#include "cl-patient-store.h"
#include "cl-risk-event.h"
#include "cl-store-private.h"
#include "cl-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

#define N_PATIENTS 3000
#define SEED 20261123

/* One demo store shared by the tests (generating it is the slow part). */
static struct
{
  char    *dir;
  CLStore *store;
} fixture;

static void
test_demo_determinism (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-demo-data");
  g_autoptr(CLStore) again = cl_test_store_new_demo (dir, "again.db", N_PATIENTS, SEED);
  g_autoptr(CLStore) other = cl_test_store_new_demo (dir, "other.db", 200, SEED + 1);
  /* Only what demo data wrote: other tests add patients with "ZY"
   * record numbers to the shared store. */
  const char *patients = "SELECT id, name, id_number, phone, mrn, birth_date, address, priority,"
                         " case_manager_id FROM patient WHERE mrn LIKE 'MZ%' ORDER BY rowid";
  const char *pregnancies = "SELECT id, patient_id, lmp, edd, corrected_edd, status, delivery_date,"
                            " risk, gravida, para FROM pregnancy WHERE patient_id IN"
                            " (SELECT id FROM patient WHERE mrn LIKE 'MZ%') ORDER BY rowid";
  const char *staff = "SELECT id, username, display_name, role, phone FROM staff ORDER BY rowid";
  const char *events = "SELECT id, pregnancy_id, date, risk FROM risk_event WHERE pregnancy_id IN"
                       " (SELECT g.id FROM pregnancy g JOIN patient p ON p.id = g.patient_id"
                       "  WHERE p.mrn LIKE 'MZ%') ORDER BY rowid";
  const char *queries[] = { patients, pregnancies, staff, events };
  guint same = 0;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) a = cl_test_store_rows (fixture.store, queries[q]);
      g_autoptr(GPtrArray) b = cl_test_store_rows (again, queries[q]);

      g_assert_cmpuint (a->len, >, 0);
      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
    }

  /* Another seed, other people. */
  {
    g_autoptr(GPtrArray) a = cl_test_store_rows (fixture.store, "SELECT name, id_number FROM patient ORDER BY rowid LIMIT 200");
    g_autoptr(GPtrArray) b = cl_test_store_rows (other, "SELECT name, id_number FROM patient ORDER BY rowid LIMIT 200");

    g_assert_cmpuint (b->len, ==, 200);
    for (guint i = 0; i < a->len; i++)
      if (g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        same++;
    g_assert_cmpuint (same, <, 5);
  }

  g_clear_object (&again);
  g_clear_object (&other);
  cl_test_remove_tree (dir);
}

static void
test_demo_valid (void)
{
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GPtrArray) pregnancies = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) phones = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) mrns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) managers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) staff = cl_patient_store_list_staff (fixture.store, NULL);
  const char *overrides[] = {
    "单", "解", "仇", "朴", "查", "区", "覃", "乐", "盖", "欧阳", "尉迟", "司马", "诸葛",
  };
  guint two_char_given = 0, wang = 0, override = 0, unassigned = 0, vip = 0;
  GDate today;

  cl_date_today (&today);

  /* Staff first: every role, with unique plain-letter logins. */
  {
    g_autoptr(GHashTable) usernames = g_hash_table_new (g_str_hash, g_str_equal);
    const struct { const char *role; guint n; } expect[] = {
      { CL_ROLE_CASE_MANAGER, 8 }, { CL_ROLE_ESCORT, 6 }, { CL_ROLE_VIP_STEWARD, 3 },
      { CL_ROLE_SERVICE_DESK, 4 }, { CL_ROLE_FINANCE, 2 }, { CL_ROLE_ADMIN, 1 },
    };

    g_assert_cmpuint (staff->len, ==, 24);
    for (guint i = 0; i < staff->len; i++)
      {
        CLStaff *member = g_ptr_array_index (staff, i);
        const char *username = cl_staff_get_username (member);

        g_assert_false (g_hash_table_contains (usernames, username));
        g_hash_table_add (usernames, (gpointer) username);
        for (const char *p = username; *p; p++)
          g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p));
        g_assert_cmpuint (g_utf8_strlen (cl_staff_get_display_name (member), -1), >=, 2);
        g_assert_true (g_unichar_get_script (g_utf8_get_char (cl_staff_get_display_name (member))) ==
                       G_UNICODE_SCRIPT_HAN);
        g_assert_nonnull (cl_staff_get_phone (member));
        if (g_str_equal (cl_staff_get_role (member), CL_ROLE_CASE_MANAGER))
          g_hash_table_add (managers, (gpointer) cl_record_get_id (CL_RECORD (member)));
      }
    for (guint r = 0; r < G_N_ELEMENTS (expect); r++)
      {
        g_autoptr(GPtrArray) some = cl_patient_store_list_staff (fixture.store, expect[r].role);

        g_assert_cmpuint (some->len, ==, expect[r].n);
      }

    /* Only the generated patients: the tests' own have "ZY" numbers. */
    patients = cl_store_query_records (fixture.store, CL_TYPE_PATIENT,
                                       "mrn LIKE 'MZ%' ORDER BY rowid", NULL);
  }

  g_assert_cmpuint (patients->len, ==, N_PATIENTS);
  for (guint i = 0; i < patients->len; i++)
    {
      CLPatient *patient = g_ptr_array_index (patients, i);
      g_autoptr(CLPatient) copy = CL_PATIENT (cl_record_dup (CL_RECORD (patient)));
      g_autoptr(GHashTable) errors = cl_patient_validate (copy);
      g_autoptr(GError) error = NULL;
      const char *name = cl_patient_get_name (patient);
      const char *manager = cl_patient_get_case_manager_id (patient);
      GDate birth;
      ClSex sex;
      gint age;

      if (g_hash_table_size (errors) > 0)
        g_error ("%s %s does not validate", name, cl_patient_get_id_number (patient));

      /* Validation changed nothing: the data was already normalised. */
      g_assert_cmpstr (cl_patient_get_id_number (copy), ==, cl_patient_get_id_number (patient));
      g_assert_cmpstr (cl_patient_get_phone (copy), ==, cl_patient_get_phone (patient));
      g_assert_cmpstr (cl_patient_get_birth_date (copy), ==, cl_patient_get_birth_date (patient));

      g_assert_true (cl_id_card_validate (cl_patient_get_id_number (patient), NULL, &birth, &sex, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sex, ==, CL_SEX_FEMALE);
      age = cl_date_age_years (&birth, &today);
      g_assert_cmpint (age, >=, 20);
      g_assert_cmpint (age, <=, 45);

      g_assert_false (g_hash_table_contains (ids, cl_patient_get_id_number (patient)));
      g_hash_table_add (ids, (gpointer) cl_patient_get_id_number (patient));
      g_assert_false (g_hash_table_contains (phones, cl_patient_get_phone (patient)));
      g_hash_table_add (phones, (gpointer) cl_patient_get_phone (patient));
      g_assert_true (g_str_has_prefix (cl_patient_get_mrn (patient), "MZ"));
      g_assert_cmpuint (strlen (cl_patient_get_mrn (patient)), ==, 10);
      g_assert_false (g_hash_table_contains (mrns, cl_patient_get_mrn (patient)));
      g_hash_table_add (mrns, (gpointer) cl_patient_get_mrn (patient));

      g_assert_nonnull (cl_patient_get_address (patient));
      g_assert_true (g_str_has_suffix (cl_patient_get_address (patient), "室"));
      g_assert_null (cl_patient_get_note (patient));

      if (manager == NULL)
        unassigned++;
      else
        g_assert_true (g_hash_table_contains (managers, manager));
      if (g_strcmp0 (cl_patient_get_priority (patient), "vip") == 0)
        vip++;

      if (g_str_has_prefix (name, "王"))
        wang++;
      for (guint k = 0; k < G_N_ELEMENTS (overrides); k++)
        if (g_str_has_prefix (name, overrides[k]))
          override++;
      if (g_utf8_strlen (name, -1) == 3)
        two_char_given++;
    }

  /* Proportions, loosely: these catch a broken table, not noise. */
  g_test_message ("王 %u, override %u, 2-char given %u, unassigned %u, vip %u",
                  wang, override, two_char_given, unassigned, vip);
  g_assert_cmpuint (wang, >, N_PATIENTS * 4 / 100);
  g_assert_cmpuint (wang, <, N_PATIENTS * 11 / 100);
  g_assert_cmpuint (override, >=, 1);
  g_assert_cmpuint (two_char_given, >, N_PATIENTS * 60 / 100);
  g_assert_cmpuint (two_char_given, <, N_PATIENTS * 90 / 100);
  g_assert_cmpuint (unassigned, >, N_PATIENTS * 2 / 100);
  g_assert_cmpuint (unassigned, <, N_PATIENTS * 9 / 100);
  g_assert_cmpuint (vip, >, N_PATIENTS * 1 / 100);
  g_assert_cmpuint (vip, <, N_PATIENTS * 6 / 100);

  /* Every pregnancy passes the same rules a person's typing does. */
  pregnancies = cl_store_query_records (fixture.store, CL_TYPE_PREGNANCY, "1 ORDER BY rowid", NULL);
  g_assert_cmpuint (pregnancies->len, >, N_PATIENTS * 90 / 100);
  g_assert_cmpuint (pregnancies->len, <, N_PATIENTS * 99 / 100);
  for (guint i = 0; i < pregnancies->len; i++)
    {
      CLPregnancy *pregnancy = g_ptr_array_index (pregnancies, i);
      g_autoptr(CLPregnancy) copy = CL_PREGNANCY (cl_record_dup (CL_RECORD (pregnancy)));
      g_autoptr(GHashTable) errors = cl_pregnancy_validate (copy, cl_store_get_risk_scale (fixture.store));

      g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
      g_assert_cmpstr (cl_pregnancy_get_edd (copy), ==, cl_pregnancy_get_edd (pregnancy));
      g_assert_cmpint (cl_pregnancy_get_gravida (pregnancy), >=, 1);
      g_assert_cmpint (cl_pregnancy_get_gravida (pregnancy), <=, 4);
      g_assert_cmpint (cl_pregnancy_get_para (pregnancy), <, cl_pregnancy_get_gravida (pregnancy));
    }

  /* Hand-outs pass the rules the desk's dialog and the server apply. */
  {
    g_autoptr(GPtrArray) handouts = cl_store_query_records (fixture.store, CL_TYPE_HANDOUT, "1 ORDER BY rowid", NULL);

    g_assert_cmpuint (handouts->len, >, 0);
    for (guint i = 0; i < handouts->len; i++)
      {
        g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

        cl_package_usage_validate_handout (fixture.store, g_ptr_array_index (handouts, i), errors);
        g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
      }
  }

  /* Status and risk mixes. */
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE status = 'ongoing'"),
                   >, N_PATIENTS * 62 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE status = 'delivered'"),
                   >, N_PATIENTS * 16 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE status = 'ended'"),
                   >, N_PATIENTS * 1 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE corrected_edd IS NOT NULL"),
                   >, N_PATIENTS * 6 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk = 'green'"),
                   >, N_PATIENTS * 38 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk LIKE 'red%'"),
                   >, N_PATIENTS * 2 / 100);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk LIKE '%+purple'"),
                   >, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk = ''"),
                   >, 0);

  /* Risk history: 1-3 dated entries for each assessed pregnancy, within
   * the pregnancy, one per day, ending in today's colour; none for the
   * not yet assessed. */
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM pregnancy g WHERE g.risk != '' AND"
                               " (SELECT count(*) FROM risk_event e WHERE e.pregnancy_id = g.id) NOT BETWEEN 1 AND 3"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM pregnancy g WHERE g.risk = '' AND"
                               " EXISTS (SELECT 1 FROM risk_event e WHERE e.pregnancy_id = g.id)"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM pregnancy g WHERE g.risk != '' AND"
                               " (SELECT risk FROM risk_event e WHERE e.pregnancy_id = g.id"
                               "  ORDER BY date DESC LIMIT 1) != g.risk"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM risk_event e JOIN pregnancy g ON g.id = e.pregnancy_id"
                               " WHERE e.date < g.lmp OR e.date > coalesce(g.delivery_date, '2026-11-23')"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store,
                               "SELECT count(*) FROM (SELECT 1 FROM risk_event"
                               " GROUP BY pregnancy_id, date HAVING count(*) > 1)"),
                   ==, 0);
  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM risk_event"), >, N_PATIENTS);

  /* Demo data is never pushed to a server. */
  g_assert_cmpint (cl_store_count_outbox (fixture.store), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = cl_test_make_tmp_dir ("test-demo-data");
  fixture.store = cl_test_store_new_demo (fixture.dir, "demo.db", N_PATIENTS, SEED);

  g_test_add_func ("/store/demo-data/determinism", test_demo_determinism);
  g_test_add_func ("/store/demo-data/valid", test_demo_valid);

  ret = g_test_run ();

  g_clear_object (&fixture.store);
  cl_test_remove_tree (fixture.dir);
  g_free (fixture.dir);

  return ret;
}
