/* The roster (CLRosterModel on the store's roster index) over a demo
 * store of 3 000 patients: counting, searching by name, pinyin,
 * initials, phone, ID and record number, the prefix index, the
 * server's search page, and keys that follow edits and deletions. */

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
#include "cl-test-roster.h"

static void
test_roster_count (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_false (cl_roster_model_get_loaded (model));
  n = cl_roster_model_query_sync (model, &error);
  g_assert_no_error (error);
  g_assert_true (cl_roster_model_get_loaded (model));
  g_assert_false (cl_roster_model_get_filtered (model));
  g_assert_cmpuint (n, ==, cl_patient_store_count (cl_test_roster_store ()));
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
test_roster_search (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  g_autofree char *lower_id = NULL;
  guint n;

  cl_test_roster_ensure_known ();
  g_assert_true (g_str_has_suffix (cl_test_roster_known ()->zhang_id, "X"));
  lower_id = g_ascii_strdown (cl_test_roster_known ()->zhang_id, -1);

  cl_test_roster_assert_found (model, "zxm", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "zhangxiaomei", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "zhang xiao mei", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "Zhang Xiao Mei", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "ZXM", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "张小梅", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "张小", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "xiaomei", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "小梅", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "5678", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "13812345678", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "138", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, cl_test_roster_known ()->zhang_id, cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, lower_id, cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "ZY20260001", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "zy20260001", cl_test_roster_known ()->zhang);
  cl_test_roster_assert_found (model, "  zxm  ", cl_test_roster_known ()->zhang);
  /* A name and a phone ending together. */
  cl_test_roster_assert_found (model, "zxm 5678", cl_test_roster_known ()->zhang);
  g_assert_true (cl_roster_model_get_filtered (model));

  /* The phone number alone finds only her. */
  n = cl_test_roster_query (model, "13812345678");
  g_assert_cmpuint (n, ==, 1);
  n = cl_test_roster_query (model, cl_test_roster_known ()->zhang_id);
  g_assert_cmpuint (n, ==, 1);

  /* Everything "zxm" finds has those initials (or a number starting
   * with it, which letters cannot). */
  n = cl_test_roster_query (model, "zxm");
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *initials = cl_pinyin_initials (cl_roster_row_get_name (row));

      if (!g_str_has_prefix (initials, "zxm"))
        g_error ("“zxm” found %s (%s)", cl_roster_row_get_name (row), initials);
    }

  /* A name that matches nobody. */
  g_assert_cmpuint (cl_test_roster_query (model, "qqqqq"), ==, 0);
  g_assert_cmpuint (cl_test_roster_query (model, "zxm 0000000"), ==, 0);

  /* Clearing the query shows everyone again. */
  n = cl_test_roster_query (model, "");
  g_assert_cmpuint (n, ==, cl_patient_store_count (cl_test_roster_store ()));
  g_assert_false (cl_roster_model_get_filtered (model));
  g_assert_null (cl_roster_model_get_query (model));
}

static void
test_roster_search_override (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();

  cl_test_roster_ensure_known ();

  /* 单 as a surname reads shan, not dan. */
  cl_test_roster_assert_found (model, "shanli", cl_test_roster_known ()->shan);
  cl_test_roster_assert_found (model, "shan li", cl_test_roster_known ()->shan);
  cl_test_roster_assert_found (model, "sl", cl_test_roster_known ()->shan);
  cl_test_roster_assert_found (model, "单丽", cl_test_roster_known ()->shan);

  cl_test_roster_query (model, "danli");
  g_assert_false (cl_test_roster_contains (model, cl_test_roster_known ()->shan));
  cl_test_roster_query (model, "dl");
  g_assert_false (cl_test_roster_contains (model, cl_test_roster_known ()->shan));
}

static void
test_roster_delete (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  g_autofree char *id = cl_test_roster_id_number ("19980808", FALSE);
  g_autoptr(CLPatient) patient = cl_test_roster_add_patient ("田甜甜", id, "19912340000", "ZY20260003", NULL, NULL);
  g_autoptr(GError) error = NULL;
  gint64 before = cl_patient_store_count (cl_test_roster_store ());

  cl_test_roster_assert_found (model, "tiantiantian", patient);
  cl_test_roster_assert_found (model, "19912340000", patient);

  g_assert_true (cl_store_delete_record (cl_test_roster_store (), CL_RECORD (patient), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_patient_store_count (cl_test_roster_store ()), ==, before - 1);

  g_assert_cmpuint (cl_test_roster_query (model, "tiantiantian"), ==, 0);
  g_assert_cmpuint (cl_test_roster_query (model, "19912340000"), ==, 0);
  g_assert_cmpuint (cl_test_roster_query (model, "0000"), ==, 0);
  g_assert_cmpuint (cl_test_roster_query (model, NULL), ==, before - 1);
}

static void
test_roster_injection (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
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
  gint64 patients = cl_test_store_count (cl_test_roster_store (), "SELECT count(*) FROM patient");
  gint64 live = cl_patient_store_count (cl_test_roster_store ());

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      guint n = cl_test_roster_query (model, queries[i]);

      g_test_message ("“%s”: %u", queries[i], n);
      g_assert_cmpuint (n, ==, 0);
    }

  g_assert_cmpint (cl_test_store_count (cl_test_roster_store (), "SELECT count(*) FROM patient"), ==, patients);
  g_assert_cmpint (cl_patient_store_count (cl_test_roster_store ()), ==, live);
  g_assert_cmpuint (cl_test_roster_query (model, NULL), ==, live);
}

/* Search keys follow an edited phone, and survive a pregnancy-only
 * write (which skips rebuilding them). */
static void
test_roster_keys_follow_edits (void)
{
  g_autoptr(CLRosterModel) model = cl_test_roster_model_new ();
  g_autoptr(CLPatient) patient = cl_test_roster_add_patient ("柯雨桐", NULL, "13700002222", "ZY20268888",
                                                             "2026-07-01", "green");
  g_autoptr(CLPregnancy) pregnancy = cl_patient_store_current_pregnancy (cl_test_roster_store (),
                                                                         cl_record_get_id (CL_RECORD (patient)));
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (pregnancy);
  g_assert_cmpuint (cl_test_roster_query (model, "13700002222"), ==, 1);

  cl_pregnancy_set_risk (pregnancy, "yellow");
  g_assert_true (cl_patient_store_save (cl_test_roster_store (), patient, pregnancy, &field_errors, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cl_test_roster_query (model, "13700002222"), ==, 1);
  g_assert_cmpuint (cl_test_roster_query (model, "keyutong"), >, 0);
  g_assert_true (cl_test_roster_contains (model, patient));

  cl_patient_set_phone (patient, "13700003333");
  g_assert_true (cl_patient_store_save (cl_test_roster_store (), patient, NULL, &field_errors, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cl_test_roster_query (model, "13700002222"), ==, 0);
  g_assert_cmpuint (cl_test_roster_query (model, "13700003333"), ==, 1);
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
  g_autoptr(CLRosterModel) scanned = cl_test_roster_model_new ();
  g_autoptr(CLRosterModel) indexed = cl_test_roster_model_new ();
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
      guint na = cl_test_roster_query (scanned, queries[q]);
      guint nb = cl_test_roster_query (indexed, queries[q]);

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
    g_autoptr(CLPatient) added = cl_test_roster_add_patient ("邹心美", NULL, "13600001111", "ZY20269999",
                                                             "2026-08-01", "green");

    while (g_main_context_iteration (NULL, FALSE));
    g_assert_true (cl_test_roster_query (indexed, "z") == cl_test_roster_query (scanned, "z"));
    g_assert_true (cl_test_roster_contains (indexed, added));
  }
}

/* The server's search: a page of the first matches and the number of
 * all of them, the same from the prefix index and from the scan, and
 * the same matches as the model's own query. */
static void
test_roster_search_page (void)
{
  const char *queries[] = { "", "z", "zh", "13", "李", "z 5", "qqqq", NULL };
  g_autoptr(CLRosterModel) scanned = cl_test_roster_model_new ();
  g_autoptr(CLRosterModel) indexed = cl_test_roster_model_new ();
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
        guint n_model = cl_test_roster_query (models[m], queries[q]);
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
  cl_test_roster_init ();

  g_test_add_func ("/store/roster/count", test_roster_count);
  g_test_add_func ("/store/roster/search", test_roster_search);
  g_test_add_func ("/store/roster/search-override", test_roster_search_override);
  g_test_add_func ("/store/roster/delete", test_roster_delete);
  g_test_add_func ("/store/roster/injection", test_roster_injection);
  g_test_add_func ("/store/roster/prefix-index", test_roster_prefix_index);
  g_test_add_func ("/store/roster/search-page", test_roster_search_page);
  g_test_add_func ("/store/roster/keys-follow-edits", test_roster_keys_follow_edits);

  ret = g_test_run ();

  cl_test_roster_finish ();

  return ret;
}
