/* The roster (CLRosterModel on the store's roster index) over a demo
 * store of 3 000 patients: filters by risk, stage and case manager,
 * sorting, and how a row is shown. */

#define G_LOG_DOMAIN "test-roster-sort"

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
#include "cl-test-roster.h"

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
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  const char *levels[] = { "red", "purple", "green", "yellow", "orange" };
  gint64 total_assessed = 0;

  cl_test_roster_ensure_known ();

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      g_autofree char *sql = NULL;
      guint n;
      gint64 expected;

      cl_roster_model_set_risk (model, levels[l]);
      n = cl_test_roster_query (model, NULL);
      assert_all_rows_have_risk (model, levels[l]);

      /* Counted straight from the records, not from the roster index. */
      sql = g_strdup_printf ("SELECT count(*) FROM patient p JOIN pregnancy g"
                             " ON g.patient_id = p.id AND g.deleted = 0"
                             " WHERE p.deleted = 0 AND (g.risk = '%s' OR g.risk LIKE '%s+%%'"
                             " OR g.risk LIKE '%%+%s')",
                             levels[l], levels[l], levels[l]);
      expected = cl_test_store_count (cl_test_roster_store (), sql);
      g_test_message ("risk %s: %u", levels[l], n);
      g_assert_cmpint (n, ==, expected);
      g_assert_cmpuint (n, >, 0);
      if (!g_str_equal (levels[l], "purple"))
        total_assessed += n;
    }

  /* Every assessed pregnancy has exactly one main level, or is purple
   * alone. */
  g_assert_cmpint (total_assessed + cl_test_store_count (cl_test_roster_store (),
                                                        "SELECT count(*) FROM pregnancy WHERE risk = 'purple'"),
                   ==, cl_test_store_count (cl_test_roster_store (),
                                            "SELECT count(*) FROM pregnancy WHERE risk != ''"));

  /* A filter and a search together. */
  cl_roster_model_set_risk (model, "yellow");
  cl_test_roster_query (model, "zxm");
  g_assert_true (cl_test_roster_contains (model, cl_test_roster_known ()->zhang));
  assert_all_rows_have_risk (model, "yellow");
  cl_roster_model_set_risk (model, "red");
  cl_test_roster_query (model, "zxm");
  g_assert_false (cl_test_roster_contains (model, cl_test_roster_known ()->zhang));

  cl_roster_model_set_risk (model, NULL);
  g_assert_cmpuint (cl_test_roster_query (model, NULL), ==, cl_patient_store_count (cl_test_roster_store ()));
}

static void
test_roster_stages (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  const ClStage stages[] = {
    CL_STAGE_FIRST_TRIMESTER, CL_STAGE_SECOND_TRIMESTER, CL_STAGE_THIRD_TRIMESTER,
    CL_STAGE_POSTPARTUM, CL_STAGE_CLOSED,
  };
  guint sum = 0;

  cl_test_roster_ensure_known ();

  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      guint n;

      cl_roster_model_set_stage (model, stages[s]);
      n = cl_test_roster_query (model, NULL);
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
  g_assert_cmpuint (sum, ==, cl_test_roster_query (model, NULL));
  g_assert_cmpuint (sum, ==, cl_patient_store_count (cl_test_roster_store ()));
}

static void
test_roster_manager_filter (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  g_autoptr(GPtrArray) managers = cl_patient_store_list_staff (cl_test_roster_store (), CL_ROLE_CASE_MANAGER);
  CLStaff *manager = g_ptr_array_index (managers, 0);
  guint n, total = 0;

  cl_roster_model_set_manager (model, "");
  n = cl_test_roster_query (model, NULL);
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
      total += cl_test_roster_query (model, NULL);
    }
  g_assert_cmpuint (total, ==, cl_patient_store_count (cl_test_roster_store ()));

  cl_roster_model_set_manager (model, cl_record_get_id (CL_RECORD (manager)));
  n = cl_test_roster_query (model, NULL);
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
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  g_autoptr(GBytes) previous = NULL;
  g_autofree char *previous_edd = NULL;
  gboolean seen_null = FALSE;
  gint previous_age = -1;
  guint n;

  cl_test_roster_ensure_known ();

  /* Name, ascending: pinyin order by ICU's zh collation. */
  cl_roster_model_set_sort (model, CL_ROSTER_SORT_NAME, FALSE);
  n = cl_test_roster_query (model, NULL);
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
  n = cl_test_roster_query (model, NULL);
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
  n = cl_test_roster_query (model, NULL);
  g_assert_cmpuint (n, ==, cl_patient_store_count (cl_test_roster_store ()));
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
  n = cl_test_roster_query (model, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (cl_roster_row_get_age (row), >=, previous_age);
      previous_age = cl_roster_row_get_age (row);
    }

  /* Sorting does not change what is found. */
  cl_roster_model_set_sort (model, CL_ROSTER_SORT_RISK, TRUE);
  n = cl_test_roster_query (model, "zxm");
  cl_roster_model_set_sort (model, CL_ROSTER_SORT_NAME, FALSE);
  g_assert_cmpuint (cl_test_roster_query (model, "zxm"), ==, n);
}

static void
test_roster_row_format (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  g_autoptr(CLRosterRow) row = NULL;
  g_autofree char *ga = NULL;
  g_autofree char *edd = NULL;

  cl_test_roster_ensure_known ();

  cl_test_roster_query (model, "13812345678");
  row = cl_test_roster_find_row (model, cl_test_roster_known ()->zhang);
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
  /* Next year's date in full, as every date outside this year. */
  edd = cl_roster_row_format_edd (row);
  g_assert_cmpstr (edd, ==, "14 Jan 2027");
}

/* "Next Visit" sorts by the day its cell shows (not by EDD), in both
 * directions, with the rows that have no next visit last. */
static void
test_roster_sort_next_visit (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  guint n_dated = 0, n_edd_inversions = 0;

  for (int descending = 0; descending <= 1; descending++)
    {
      GDate previous, previous_edd;
      gboolean seen_undated = FALSE;
      guint n;

      g_date_clear (&previous, 1);
      g_date_clear (&previous_edd, 1);
      cl_roster_model_set_sort (model, CL_ROSTER_SORT_NEXT_VISIT, descending);
      n = cl_test_roster_query (model, NULL);
      g_assert_cmpuint (n, ==, cl_patient_store_count (cl_test_roster_store ()));
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

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  cl_test_roster_init ();

  g_test_add_func ("/store/roster/risk-filter", test_roster_risk_filter);
  g_test_add_func ("/store/roster/stages", test_roster_stages);
  g_test_add_func ("/store/roster/manager-filter", test_roster_manager_filter);
  g_test_add_func ("/store/roster/sort", test_roster_sort);
  g_test_add_func ("/store/roster/row-format", test_roster_row_format);
  g_test_add_func ("/store/roster/sort-next-visit", test_roster_sort_next_visit);

  ret = g_test_run ();

  cl_test_roster_finish ();

  return ret;
}
