#define G_LOG_DOMAIN "test-roster"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-date.h"
#include "cl-id-card.h"
#include "cl-patient-store.h"
#include "cl-pinyin.h"
#include "cl-risk-event.h"
#include "cl-roster-index.h"
#include "cl-roster-model.h"
#include "cl-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

#define N_PATIENTS 3000
#define SEED 20261123

/* One demo store shared by the tests (generating it is the slow part);
 * tests that add patients use names and numbers demo data never makes. */
static struct
{
  char    *dir;
  CLStore *store;
} fixture;

/* A valid ID number from a region demo data does not use (Ürümqi), so
 * it can never clash with a generated one; @want_x asks for one that
 * ends in X. */
static char *
make_id_number (const char *birth,
                gboolean    want_x)
{
  for (guint seq = 0; seq < 1000; seq += 2)
    {
      g_autofree char *first17 = g_strdup_printf ("650102%s%03u", birth, seq);
      char check = cl_id_card_check_digit (first17);

      if ((check == 'X') == want_x)
        return g_strdup_printf ("%s%c", first17, check);
    }
  g_assert_not_reached ();
}

static CLPatient *
add_patient (const char *name,
             const char *id_number,
             const char *phone,
             const char *mrn,
             const char *lmp,
             const char *risk)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  cl_patient_set_name (patient, name);
  cl_patient_set_id_number (patient, id_number);
  cl_patient_set_phone (patient, phone);
  cl_patient_set_mrn (patient, mrn);
  if (lmp)
    {
      pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));
      cl_pregnancy_set_lmp (pregnancy, lmp);
      cl_pregnancy_set_risk (pregnancy, risk);
    }
  cl_patient_store_save (fixture.store, patient, pregnancy, &field_errors, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&patient);
}

static struct
{
  CLPatient *zhang;
  CLPatient *shan;
  char      *zhang_id;
} known;

/* 张小梅 (ID ending in X, GA 32+4 today) and 单丽, added once. */
static void
ensure_known_patients (void)
{
  if (known.zhang != NULL)
    return;

  /* The GA below is 32+4 only on this day. */
  g_assert_cmpstr (g_getenv ("CARELINE_TODAY"), ==, "2026-11-23");

  known.zhang_id = make_id_number ("19940512", TRUE);
  known.zhang = add_patient ("张小梅", known.zhang_id, "13812345678", "ZY20260001",
                             "2026-04-09", "yellow");
  {
    g_autofree char *id = make_id_number ("19960101", FALSE);

    known.shan = add_patient ("单丽", id, "13987654321", "ZY20260002", "2026-09-01", "green");
  }
}

static CLRosterModel *
new_model (void)
{
  return cl_roster_model_new (fixture.store);
}

static guint
run_query (CLRosterModel *model,
           const char    *query)
{
  g_autoptr(GError) error = NULL;
  guint n;

  cl_roster_model_set_query (model, query);
  n = cl_roster_model_query_sync (model, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
  return n;
}

static gboolean
model_contains (CLRosterModel *model,
                CLPatient     *patient)
{
  const char *id = cl_record_get_id (CL_RECORD (patient));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (cl_roster_row_get_patient_id (row), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static CLRosterRow *
find_row (CLRosterModel *model,
          CLPatient     *patient)
{
  const char *id = cl_record_get_id (CL_RECORD (patient));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (cl_roster_row_get_patient_id (row), id) == 0)
        return g_steal_pointer (&row);
    }
  return NULL;
}

static void
test_roster_count (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_false (cl_roster_model_get_loaded (model));
  n = cl_roster_model_query_sync (model, &error);
  g_assert_no_error (error);
  g_assert_true (cl_roster_model_get_loaded (model));
  g_assert_false (cl_roster_model_get_filtered (model));
  g_assert_cmpuint (n, ==, cl_patient_store_count (fixture.store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == CL_TYPE_ROSTER_ROW);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

  /* Ongoing pregnancies show a GA between 6+0 and 41+0. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint ga = cl_roster_row_get_ga_days (row);

      g_assert_nonnull (cl_roster_row_get_name (row));
      if (ga >= 0)
        {
          g_assert_cmpint (ga, >=, 6 * 7 - 10);
          g_assert_cmpint (ga, <=, 41 * 7 + 10);
        }
      g_assert_cmpint (cl_roster_row_get_age (row), >=, 20);
      g_assert_cmpint (cl_roster_row_get_age (row), <=, 45);
    }
}

static void
assert_found (CLRosterModel *model,
              const char    *query,
              CLPatient     *patient)
{
  guint n = run_query (model, query);

  g_test_message ("“%s”: %u matches", query, n);
  if (!model_contains (model, patient))
    g_error ("“%s” did not find %s", query, cl_patient_get_name (patient));
}

static void
test_roster_search (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  g_autofree char *lower_id = NULL;
  guint n;

  ensure_known_patients ();
  g_assert_true (g_str_has_suffix (known.zhang_id, "X"));
  lower_id = g_ascii_strdown (known.zhang_id, -1);

  assert_found (model, "zxm", known.zhang);
  assert_found (model, "zhangxiaomei", known.zhang);
  assert_found (model, "zhang xiao mei", known.zhang);
  assert_found (model, "Zhang Xiao Mei", known.zhang);
  assert_found (model, "ZXM", known.zhang);
  assert_found (model, "张小梅", known.zhang);
  assert_found (model, "张小", known.zhang);
  assert_found (model, "xiaomei", known.zhang);
  assert_found (model, "小梅", known.zhang);
  assert_found (model, "5678", known.zhang);
  assert_found (model, "13812345678", known.zhang);
  assert_found (model, "138", known.zhang);
  assert_found (model, known.zhang_id, known.zhang);
  assert_found (model, lower_id, known.zhang);
  assert_found (model, "ZY20260001", known.zhang);
  assert_found (model, "zy20260001", known.zhang);
  assert_found (model, "  zxm  ", known.zhang);
  /* A name and a phone ending together. */
  assert_found (model, "zxm 5678", known.zhang);
  g_assert_true (cl_roster_model_get_filtered (model));

  /* The phone number alone finds only her. */
  n = run_query (model, "13812345678");
  g_assert_cmpuint (n, ==, 1);
  n = run_query (model, known.zhang_id);
  g_assert_cmpuint (n, ==, 1);

  /* Everything "zxm" finds has those initials (or a number starting
   * with it, which letters cannot). */
  n = run_query (model, "zxm");
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *initials = cl_pinyin_initials (cl_roster_row_get_name (row));

      if (!g_str_has_prefix (initials, "zxm"))
        g_error ("“zxm” found %s (%s)", cl_roster_row_get_name (row), initials);
    }

  /* A name that matches nobody. */
  g_assert_cmpuint (run_query (model, "qqqqq"), ==, 0);
  g_assert_cmpuint (run_query (model, "zxm 0000000"), ==, 0);

  /* Clearing the query shows everyone again. */
  n = run_query (model, "");
  g_assert_cmpuint (n, ==, cl_patient_store_count (fixture.store));
  g_assert_false (cl_roster_model_get_filtered (model));
  g_assert_null (cl_roster_model_get_query (model));
}

static void
test_roster_search_override (void)
{
  g_autoptr(CLRosterModel) model = new_model ();

  ensure_known_patients ();

  /* 单 as a surname reads shan, not dan. */
  assert_found (model, "shanli", known.shan);
  assert_found (model, "shan li", known.shan);
  assert_found (model, "sl", known.shan);
  assert_found (model, "单丽", known.shan);

  run_query (model, "danli");
  g_assert_false (model_contains (model, known.shan));
  run_query (model, "dl");
  g_assert_false (model_contains (model, known.shan));
}

static void
assert_all_rows_have_risk (CLRosterModel *model,
                           const char    *level)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_auto(GStrv) parts = g_strsplit (cl_roster_row_get_risk (row), "+", -1);

      g_assert_true (g_strv_contains ((const char * const *) parts, level));
    }
}

static void
test_roster_risk_filter (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  const char *levels[] = { "red", "purple", "green", "yellow", "orange" };
  gint64 total_assessed = 0;

  ensure_known_patients ();

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      g_autofree char *sql = NULL;
      guint n;
      gint64 expected;

      cl_roster_model_set_risk (model, levels[l]);
      n = run_query (model, NULL);
      assert_all_rows_have_risk (model, levels[l]);

      /* Counted straight from the records, not from the roster index. */
      sql = g_strdup_printf ("SELECT count(*) FROM patient p JOIN pregnancy g"
                             " ON g.patient_id = p.id AND g.deleted = 0"
                             " WHERE p.deleted = 0 AND (g.risk = '%s' OR g.risk LIKE '%s+%%'"
                             " OR g.risk LIKE '%%+%s')",
                             levels[l], levels[l], levels[l]);
      expected = cl_test_store_count (fixture.store, sql);
      g_test_message ("risk %s: %u", levels[l], n);
      g_assert_cmpint (n, ==, expected);
      g_assert_cmpuint (n, >, 0);
      if (!g_str_equal (levels[l], "purple"))
        total_assessed += n;
    }

  /* Every assessed pregnancy has exactly one main level, or is purple
   * alone. */
  g_assert_cmpint (total_assessed + cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk = 'purple'"),
                   ==, cl_test_store_count (fixture.store, "SELECT count(*) FROM pregnancy WHERE risk != ''"));

  /* A filter and a search together. */
  cl_roster_model_set_risk (model, "yellow");
  run_query (model, "zxm");
  g_assert_true (model_contains (model, known.zhang));
  assert_all_rows_have_risk (model, "yellow");
  cl_roster_model_set_risk (model, "red");
  run_query (model, "zxm");
  g_assert_false (model_contains (model, known.zhang));

  cl_roster_model_set_risk (model, NULL);
  g_assert_cmpuint (run_query (model, NULL), ==, cl_patient_store_count (fixture.store));
}

static void
test_roster_stages (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  const ClStage stages[] = {
    CL_STAGE_FIRST_TRIMESTER, CL_STAGE_SECOND_TRIMESTER, CL_STAGE_THIRD_TRIMESTER,
    CL_STAGE_POSTPARTUM, CL_STAGE_CLOSED,
  };
  guint sum = 0;

  ensure_known_patients ();

  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      guint n;

      cl_roster_model_set_stage (model, stages[s]);
      n = run_query (model, NULL);
      g_test_message ("%s: %u", cl_stage_to_label (stages[s]), n);
      g_assert_cmpuint (n, >, 0);
      sum += n;

      /* The SQL boundaries agree with the row's own staging.  A patient
       * without a pregnancy is listed with the closed ones. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
          ClStage stage = cl_roster_row_get_stage (row);

          if (stages[s] == CL_STAGE_CLOSED && stage == CL_STAGE_NONE)
            g_assert_null (cl_roster_row_get_edd (row));
          else
            g_assert_cmpint (stage, ==, stages[s]);
        }
    }

  cl_roster_model_set_stage (model, CL_STAGE_NONE);
  g_assert_cmpuint (sum, ==, run_query (model, NULL));
  g_assert_cmpuint (sum, ==, cl_patient_store_count (fixture.store));
}

static void
test_roster_manager_filter (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  g_autoptr(GPtrArray) managers = cl_patient_store_list_staff (fixture.store, CL_ROLE_CASE_MANAGER);
  CLStaff *manager = g_ptr_array_index (managers, 0);
  guint n, total = 0;

  cl_roster_model_set_manager (model, "");
  n = run_query (model, NULL);
  g_assert_cmpuint (n, >, 0);
  total += n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_null (cl_roster_row_get_case_manager (row));
    }

  for (guint m = 0; m < managers->len; m++)
    {
      cl_roster_model_set_manager (model, cl_record_get_id (g_ptr_array_index (managers, m)));
      total += run_query (model, NULL);
    }
  g_assert_cmpuint (total, ==, cl_patient_store_count (fixture.store));

  cl_roster_model_set_manager (model, cl_record_get_id (CL_RECORD (manager)));
  n = run_query (model, NULL);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (cl_roster_row_get_case_manager (row), ==, cl_staff_get_display_name (manager));
    }
}

static gint
compare_keys (GBytes *a,
              GBytes *b)
{
  gsize la, lb;
  const guint8 *da = g_bytes_get_data (a, &la);
  const guint8 *db = g_bytes_get_data (b, &lb);
  int c = memcmp (da, db, MIN (la, lb));

  if (c != 0)
    return c;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

static void
test_roster_sort (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  g_autoptr(GBytes) previous = NULL;
  g_autofree char *previous_edd = NULL;
  gboolean seen_null = FALSE;
  gint previous_age = -1;
  guint n;

  ensure_known_patients ();

  /* Name, ascending: pinyin order by ICU's zh collation. */
  cl_roster_model_set_sort (model, CL_ROSTER_SORT_NAME, FALSE);
  n = run_query (model, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(GBytes) key = cl_roster_index_sort_key (cl_roster_row_get_name (row));

      if (previous)
        g_assert_cmpint (compare_keys (previous, key), <=, 0);
      g_clear_pointer (&previous, g_bytes_unref);
      previous = g_steal_pointer (&key);
    }
  g_clear_pointer (&previous, g_bytes_unref);

  /* The collation itself puts 啊 before 张 before 左 (a < zh < zu). */
  {
    g_autoptr(GBytes) a = cl_roster_index_sort_key ("安娜");
    g_autoptr(GBytes) z = cl_roster_index_sort_key ("张小梅");
    g_autoptr(GBytes) zu = cl_roster_index_sort_key ("左丽");

    g_assert_cmpint (compare_keys (a, z), <, 0);
    g_assert_cmpint (compare_keys (z, zu), <, 0);
  }

  /* Name, descending. */
  cl_roster_model_set_sort (model, CL_ROSTER_SORT_NAME, TRUE);
  n = run_query (model, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(GBytes) key = cl_roster_index_sort_key (cl_roster_row_get_name (row));

      if (previous)
        g_assert_cmpint (compare_keys (previous, key), >=, 0);
      g_clear_pointer (&previous, g_bytes_unref);
      previous = g_steal_pointer (&key);
    }

  /* EDD, ascending; patients without one last. */
  cl_roster_model_set_sort (model, CL_ROSTER_SORT_EDD, FALSE);
  n = run_query (model, NULL);
  g_assert_cmpuint (n, ==, cl_patient_store_count (fixture.store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *edd = cl_roster_row_get_edd (row);

      if (edd == NULL)
        {
          seen_null = TRUE;
          continue;
        }
      g_assert_false (seen_null);
      if (previous_edd)
        g_assert_cmpstr (previous_edd, <=, edd);
      g_free (previous_edd);
      previous_edd = g_strdup (edd);
    }
  g_assert_true (seen_null);

  /* Age, ascending: youngest first. */
  cl_roster_model_set_sort (model, CL_ROSTER_SORT_AGE, FALSE);
  n = run_query (model, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (cl_roster_row_get_age (row), >=, previous_age);
      previous_age = cl_roster_row_get_age (row);
    }

  /* Sorting does not change what is found. */
  cl_roster_model_set_sort (model, CL_ROSTER_SORT_RISK, TRUE);
  n = run_query (model, "zxm");
  cl_roster_model_set_sort (model, CL_ROSTER_SORT_NAME, FALSE);
  g_assert_cmpuint (run_query (model, "zxm"), ==, n);
}

static void
test_roster_row_format (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  g_autoptr(CLRosterRow) row = NULL;
  g_autofree char *ga = NULL;
  g_autofree char *edd = NULL;

  ensure_known_patients ();

  run_query (model, "13812345678");
  row = find_row (model, known.zhang);
  g_assert_nonnull (row);

  g_assert_cmpstr (cl_roster_row_get_name (row), ==, "张小梅");
  g_assert_cmpstr (cl_roster_row_get_phone_masked (row), ==, "138****5678");
  g_assert_cmpstr (cl_roster_row_get_risk (row), ==, "yellow");
  g_assert_cmpint (cl_roster_row_get_age (row), ==, 32);

  /* LMP 2026-04-09, today 2026-11-23: 228 days. */
  g_assert_cmpint (cl_roster_row_get_ga_days (row), ==, 228);
  g_assert_cmpint (cl_roster_row_get_stage (row), ==, CL_STAGE_THIRD_TRIMESTER);
  ga = cl_roster_row_format_ga (row);
  g_assert_nonnull (strstr (ga, "32+4"));
  g_assert_cmpstr (cl_roster_row_get_edd (row), ==, "2027-01-14");
  edd = cl_roster_row_format_edd (row);
  g_assert_cmpstr (edd, ==, "2027-01-14");
}

static void
test_roster_delete (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  g_autofree char *id = make_id_number ("19980808", FALSE);
  g_autoptr(CLPatient) patient = add_patient ("田甜甜", id, "19912340000", "ZY20260003", NULL, NULL);
  g_autoptr(GError) error = NULL;
  gint64 before = cl_patient_store_count (fixture.store);

  assert_found (model, "tiantiantian", patient);
  assert_found (model, "19912340000", patient);

  g_assert_true (cl_store_delete_record (fixture.store, CL_RECORD (patient), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_patient_store_count (fixture.store), ==, before - 1);

  g_assert_cmpuint (run_query (model, "tiantiantian"), ==, 0);
  g_assert_cmpuint (run_query (model, "19912340000"), ==, 0);
  g_assert_cmpuint (run_query (model, "0000"), ==, 0);
  g_assert_cmpuint (run_query (model, NULL), ==, before - 1);
}

static void
test_roster_injection (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  const char *queries[] = {
    "' OR 1=1 --",
    "%",
    "_",
    "\"; DROP TABLE patient;",
    "'; DELETE FROM roster; --",
    "%%%",
    "*",
    "\\",
    "?1",
  };
  gint64 patients = cl_test_store_count (fixture.store, "SELECT count(*) FROM patient");
  gint64 live = cl_patient_store_count (fixture.store);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      guint n = run_query (model, queries[i]);

      g_test_message ("“%s”: %u", queries[i], n);
      g_assert_cmpuint (n, ==, 0);
    }

  g_assert_cmpint (cl_test_store_count (fixture.store, "SELECT count(*) FROM patient"), ==, patients);
  g_assert_cmpint (cl_patient_store_count (fixture.store), ==, live);
  g_assert_cmpuint (run_query (model, NULL), ==, live);
}

/* Search keys follow an edited phone, and survive a pregnancy-only
 * write (which skips rebuilding them). */
static void
test_roster_keys_follow_edits (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  g_autoptr(CLPatient) patient = add_patient ("柯雨桐", NULL, "13700002222", "ZY20268888", "2026-07-01", "green");
  g_autoptr(CLPregnancy) pregnancy = cl_patient_store_current_pregnancy (fixture.store,
                                                                         cl_record_get_id (CL_RECORD (patient)));
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (pregnancy);
  g_assert_cmpuint (run_query (model, "13700002222"), ==, 1);

  cl_pregnancy_set_risk (pregnancy, "yellow");
  g_assert_true (cl_patient_store_save (fixture.store, patient, pregnancy, &field_errors, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run_query (model, "13700002222"), ==, 1);
  g_assert_cmpuint (run_query (model, "keyutong"), >, 0);
  g_assert_true (model_contains (model, patient));

  cl_patient_set_phone (patient, "13700003333");
  g_assert_true (cl_patient_store_save (fixture.store, patient, NULL, &field_errors, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run_query (model, "13700002222"), ==, 0);
  g_assert_cmpuint (run_query (model, "13700003333"), ==, 1);
}

static GPtrArray *
result_ids (CLRosterModel *model)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_ptr_array_add (ids, g_strdup (cl_roster_row_get_patient_id (row)));
    }
  return ids;
}

/* Broad queries answered from the background prefix index give exactly
 * what the index scan gives, in the same order. */
static void
test_roster_prefix_index (void)
{
  const char *queries[] = { "z", "zh", "zx", "1", "13", "mz", "5", "x", "李", "张", "sh", "z 5", NULL };
  g_autoptr(CLRosterModel) scanned = new_model ();
  g_autoptr(CLRosterModel) indexed = new_model ();
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  cl_roster_model_reload (indexed);
  while (!cl_roster_model_get_indexed (indexed))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (cl_roster_model_get_indexed (scanned));

  for (guint q = 0; queries[q]; q++)
    {
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) b = NULL;
      guint na = run_query (scanned, queries[q]);
      guint nb = run_query (indexed, queries[q]);

      g_test_message ("%s: %u", queries[q], na);
      g_assert_cmpuint (na, ==, nb);
      g_assert_cmpuint (na, >, 0);
      a = result_ids (scanned);
      b = result_ids (indexed);
      for (guint i = 0; i < a->len; i++)
        g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
    }

  /* A change to the store makes the index stale until it is rebuilt. */
  {
    g_autoptr(CLPatient) added = add_patient ("邹心美", NULL, "13600001111", "ZY20269999", "2026-08-01", "green");

    while (g_main_context_iteration (NULL, FALSE));
    g_assert_true (run_query (indexed, "z") == run_query (scanned, "z"));
    g_assert_true (model_contains (indexed, added));
  }
}

/* "Next Visit" sorts by the day its cell shows (not by EDD), in both
 * directions, with the rows that have no next visit last. */
static void
test_roster_sort_next_visit (void)
{
  g_autoptr(CLRosterModel) model = new_model ();
  guint n_dated = 0, n_edd_inversions = 0;

  for (int descending = 0; descending <= 1; descending++)
    {
      GDate previous, previous_edd;
      gboolean seen_undated = FALSE;
      guint n;

      g_date_clear (&previous, 1);
      g_date_clear (&previous_edd, 1);
      cl_roster_model_set_sort (model, CL_ROSTER_SORT_NEXT_VISIT, descending);
      n = run_query (model, NULL);
      g_assert_cmpuint (n, ==, cl_patient_store_count (fixture.store));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
          GDate date, edd;

          if (!cl_roster_row_get_next_visit_date (row, &date))
            {
              seen_undated = TRUE;
              continue;
            }
          g_assert_false (seen_undated);
          if (!descending)
            n_dated++;
          if (g_date_valid (&previous))
            g_assert_cmpint (g_date_compare (&previous, &date) * (descending ? -1 : 1), <=, 0);
          previous = date;

          g_assert_true (cl_date_parse (cl_roster_row_get_edd (row), &edd, NULL));
          if (g_date_valid (&previous_edd) &&
              g_date_compare (&previous_edd, &edd) * (descending ? -1 : 1) > 0)
            n_edd_inversions++;
          previous_edd = edd;
        }
    }

  /* The demo data has patients of every stage with visits done and
   * not: the order is not the EDD's. */
  g_test_message ("%u with a next visit; %u places where EDD goes backwards", n_dated, n_edd_inversions);
  g_assert_cmpuint (n_dated, >, 10);
  g_assert_cmpuint (n_edd_inversions, >, 0);
}

/* The server's search: a page of the first matches and the number of
 * all of them, the same from the prefix index and from the scan, and
 * the same matches as the model's own query. */
static void
test_roster_search_page (void)
{
  const char *queries[] = { "", "z", "zh", "13", "李", "z 5", "qqqq", NULL };
  g_autoptr(CLRosterModel) scanned = new_model ();
  g_autoptr(CLRosterModel) indexed = new_model ();
  CLRosterModel *models[] = { scanned, indexed };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  cl_roster_model_reload (indexed);
  while (!cl_roster_model_get_indexed (indexed))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  for (guint q = 0; queries[q]; q++)
    for (guint m = 0; m < G_N_ELEMENTS (models); m++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) all = NULL;
        guint n_all = G_MAXUINT;
        guint n_model = run_query (models[m], queries[q]);
        guint limits[] = { 0, 1, 7, n_model, n_model + 3 };

        all = cl_roster_model_search (models[m], queries[q], G_MAXUINT, &n_all, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (n_all, ==, all->len);
        g_assert_cmpuint (n_all, ==, n_model);

        for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
          {
            g_autoptr(GArray) page = NULL;
            guint n = G_MAXUINT;

            page = cl_roster_model_search (models[m], queries[q], limits[l], &n, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (n, ==, n_all);
            g_assert_cmpuint (page->len, ==, MIN (limits[l], n_all));
            for (guint i = 0; i < page->len; i++)
              g_assert_cmpint (g_array_index (page, gint64, i), ==, g_array_index (all, gint64, i));
          }
      }
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = cl_test_make_tmp_dir ("test-roster");
  fixture.store = cl_test_store_new_demo (fixture.dir, "demo.db", N_PATIENTS, SEED);

  g_test_add_func ("/store/roster/count", test_roster_count);
  g_test_add_func ("/store/roster/search", test_roster_search);
  g_test_add_func ("/store/roster/search-override", test_roster_search_override);
  g_test_add_func ("/store/roster/risk-filter", test_roster_risk_filter);
  g_test_add_func ("/store/roster/stages", test_roster_stages);
  g_test_add_func ("/store/roster/manager-filter", test_roster_manager_filter);
  g_test_add_func ("/store/roster/sort", test_roster_sort);
  g_test_add_func ("/store/roster/row-format", test_roster_row_format);
  g_test_add_func ("/store/roster/delete", test_roster_delete);
  g_test_add_func ("/store/roster/injection", test_roster_injection);
  g_test_add_func ("/store/roster/prefix-index", test_roster_prefix_index);
  g_test_add_func ("/store/roster/search-page", test_roster_search_page);
  g_test_add_func ("/store/roster/sort-next-visit", test_roster_sort_next_visit);
  g_test_add_func ("/store/roster/keys-follow-edits", test_roster_keys_follow_edits);

  ret = g_test_run ();

  g_clear_object (&known.zhang);
  g_clear_object (&known.shan);
  g_clear_pointer (&known.zhang_id, g_free);
  g_clear_object (&fixture.store);
  cl_test_remove_tree (fixture.dir);
  g_free (fixture.dir);

  return ret;
}
