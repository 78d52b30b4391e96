/* test-scale-store.c
 *
 * Scale results stored in a real SQLite file: a filling is scored from
 * its answers, and one whose total, band or flags disagree with them, or
 * with an answer missing or out of range, is refused at the field with
 * nothing written.  A positive screen or a flagged answer (EPDS item 10)
 * adds, in the same commit, an urgent item due today on her case
 * manager's list; a calm one adds nothing.  Her results list the latest
 * first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-followup-store.h"
#include "cl-scale-store.h"
#include "cl-staff.h"
#include "cl-store-followup.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

typedef struct
{
  char        *dir;
  CLStore     *store;
  CLPatient   *patient;
  CLPregnancy *pregnancy;
} Fixture;

/* EPDS answers as positions; items 3 and 5-10 are scored from the last
 * answer up. */
static const gint calm[10] = { 0, 0, 3, 0, 3, 3, 3, 3, 3, 3 };          /* 0 */
static const gint self_harm[10] = { 0, 0, 3, 0, 3, 3, 3, 3, 3, 2 };     /* 1, item 10 "Hardly ever" */
static const gint possible[10] = { 2, 1, 2, 1, 2, 2, 2, 2, 2, 3 };      /* 10, item 10 "Never" */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CLRecord) manager = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = cl_test_make_tmp_dir ("test-scale-store");
  f->store = cl_test_store_open (f->dir);
  manager = g_object_new (CL_TYPE_STAFF, "id", "cm-wang", "username", "wang", "display-name", "王护士",
                          "role", "case_manager", "roles", "case_manager", NULL);
  g_assert_true (cl_store_save_record (f->store, manager, &error));
  g_assert_no_error (error);
  f->patient = cl_test_patient_new ("张小梅", "11010519930402002", "13800138000");
  cl_patient_set_case_manager_id (f->patient, "cm-wang");
  f->pregnancy = cl_test_pregnancy_new (f->patient, "2026-05-25", "green");
  cl_test_patient_save (f->store, f->patient, f->pregnancy);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->pregnancy);
  g_clear_object (&f->patient);
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static CLScaleRecord *
filled (Fixture    *f,
        const gint *answers,
        gint64      filled_at)
{
  CLScaleRecord *record = cl_scale_record_new ();
  g_autoptr(CLScaleResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_scale_score (cl_scale_lookup ("epds"), answers, 10, &result, &error));
  g_assert_no_error (error);
  cl_scale_record_set_patient_id (record, cl_record_get_id (CL_RECORD (f->patient)));
  cl_scale_record_set_pregnancy_id (record, cl_record_get_id (CL_RECORD (f->pregnancy)));
  cl_scale_record_set_result (record, result, answers, 10);
  cl_scale_record_set_filled_at (record, filled_at);
  cl_scale_record_set_filled_by (record, "cm-wang");
  return record;
}

static gint
count (Fixture    *f,
       const char *sql)
{
  return cl_test_store_count (f->store, sql);
}

static gboolean
on_list (GPtrArray  *items,
         const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (cl_record_get_id (g_ptr_array_index (items, i)), id))
      return TRUE;
  return FALSE;
}

static void
test_calm_and_flagged (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CLScaleRecord) quiet = filled (f, calm, 1795300000);
  g_autoptr(CLScaleRecord) flagged = filled (f, self_harm, 1795400000);
  g_autoptr(CLScaleRecord) positive = filled (f, possible, 1795350000);
  g_autoptr(CLFollowupRecord) item = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (cl_scale_record_get_answers (quiet), ==, "[0,0,3,0,3,3,3,3,3,3]");
  g_assert_true (cl_scale_store_save (f->store, quiet, "case_manager", NULL, &item, &error));
  g_assert_no_error (error);
  g_assert_null (item);
  g_assert_cmpint (count (f, "SELECT count(*) FROM followup_item WHERE kind = 'psychological-support'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM outbox WHERE tbl = 'scale_result'"), ==, 1);

  /* Item 10 "Hardly ever": a total of 1, below the threshold, flagged. */
  g_assert_cmpint (cl_scale_record_get_total (flagged), ==, 1);
  g_assert_cmpstr (cl_scale_record_get_band_id (flagged), ==, "below");
  g_assert_cmpstr (cl_scale_record_get_flags (flagged), ==, "self-harm");
  g_assert_true (cl_scale_store_save (f->store, flagged, "case_manager", NULL, &item, &error));
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_cmpstr (cl_followup_record_get_kind (item), ==, "psychological-support");
  g_assert_cmpstr (cl_followup_record_get_owner_id (item), ==, "cm-wang");
  g_assert_cmpstr (cl_followup_record_get_due_date (item), ==, "2026-11-23");
  g_assert_cmpstr (cl_followup_record_get_state (item), ==, "due");
  g_assert_null (cl_followup_record_get_rule_id (item));
  g_assert_cmpstr (cl_followup_record_get_source_id (item), ==, cl_record_get_id (CL_RECORD (flagged)));
  g_assert_cmpstr (cl_followup_record_get_content (item), ==,
                   "Edinburgh Postnatal Depression Scale (EPDS): 1, Below the screening threshold;"
                   " item 10: Self-harm risk. Contact her today.");
  g_assert_cmpint (count (f, "SELECT count(*) FROM outbox WHERE tbl = 'followup_item'"
                             " AND record_id IN (SELECT id FROM followup_item WHERE kind = 'psychological-support')"),
                   ==, 1);
  open = cl_store_followup_open_for_owner (f->store, "cm-wang", "2026-11-23");
  g_assert_cmpuint (open->len, >=, 1);
  g_assert_true (on_list (open, cl_record_get_id (CL_RECORD (item))));
  g_clear_object (&item);

  /* A total of 10 with item 10 "Never": a positive screen, urgent too. */
  g_assert_cmpstr (cl_scale_record_get_band_id (positive), ==, "possible");
  g_assert_cmpstr (cl_scale_record_get_flags (positive), ==, "");
  g_assert_true (cl_scale_store_save (f->store, positive, "case_manager", NULL, &item, &error));
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_cmpint (count (f, "SELECT count(*) FROM followup_item WHERE kind = 'psychological-support'"), ==, 2);

  /* Planning her again leaves the urgent items alone. */
  g_assert_true (cl_followup_store_replan (f->store, cl_record_get_id (CL_RECORD (f->pregnancy)), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM followup_item WHERE kind = 'psychological-support'"
                             " AND state = 'due'"), ==, 2);

  /* Latest first. */
  results = cl_store_scale_results_for_patient (f->store, cl_record_get_id (CL_RECORD (f->patient)));
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_cmpint (cl_scale_record_get_filled_at (g_ptr_array_index (results, 0)), ==, 1795400000);
  g_assert_cmpint (cl_scale_record_get_filled_at (g_ptr_array_index (results, 1)), ==, 1795350000);
  g_assert_cmpint (cl_scale_record_get_filled_at (g_ptr_array_index (results, 2)), ==, 1795300000);
}

static void
assert_refused (Fixture       *f,
                CLScaleRecord *record,
                const char    *role,
                const char    *column,
                const char    *message)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(CLFollowupRecord) item = NULL;
  g_autoptr(GError) error = NULL;
  gint results = count (f, "SELECT count(*) FROM scale_result");
  gint items = count (f, "SELECT count(*) FROM followup_item");
  gint64 outbox = cl_store_count_outbox (f->store);

  g_assert_false (cl_scale_store_save (f->store, record, role, &field_errors, &item, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_null (item);
  if (column)
    g_assert_cmpstr (g_hash_table_lookup (field_errors, column), ==, message);
  else
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (count (f, "SELECT count(*) FROM scale_result"), ==, results);
  g_assert_cmpint (count (f, "SELECT count(*) FROM followup_item"), ==, items);
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox);
}

/* Without a case manager the urgent item goes to whoever filled the
 * scale in, so it is on a worklist. */
static void
test_no_case_manager (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CLScaleRecord) flagged = filled (f, self_harm, 1795400000);
  g_autoptr(CLFollowupRecord) item = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;

  cl_patient_set_case_manager_id (f->patient, NULL);
  g_assert_true (cl_store_save_record (f->store, CL_RECORD (f->patient), &error));
  g_assert_no_error (error);
  cl_scale_record_set_filled_by (flagged, "wang");
  g_assert_true (cl_scale_store_save (f->store, flagged, "case_manager", NULL, &item, &error));
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_cmpstr (cl_followup_record_get_owner_id (item), ==, "cm-wang");
  open = cl_store_followup_open_for_owner (f->store, "cm-wang", "2026-11-23");
  g_assert_true (on_list (open, cl_record_get_id (CL_RECORD (item))));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CLScaleRecord) record = filled (f, self_harm, 1795400000);

  /* A client's total is never taken on trust. */
  cl_scale_record_set_total (record, 0);
  assert_refused (f, record, "case_manager", "total", "The total does not agree with the answers");
  cl_scale_record_set_total (record, 1);
  cl_scale_record_set_flags (record, "");
  assert_refused (f, record, "case_manager", "flags", "The flags do not agree with the answers");
  cl_scale_record_set_flags (record, "self-harm");
  cl_scale_record_set_band_id (record, "possible");
  assert_refused (f, record, "case_manager", "band_id", "The band does not agree with the answers");
  cl_scale_record_set_band_id (record, "below");

  cl_scale_record_set_answers (record, "[0,0,3,0,3,3,3,3,3]");
  assert_refused (f, record, "case_manager", "answers", "This scale has 10 items but 9 answers were given.");
  cl_scale_record_set_answers (record, "[0,0,3,0,3,3,3,3,3,7]");
  assert_refused (f, record, "case_manager", "answers", "Item 10 has no answer number 8.");
  cl_scale_record_set_answers (record, "[0,0,3,0,3,3,3,3,3,\"2\"]");
  assert_refused (f, record, "case_manager", "answers", "The answers are a list of the chosen options");
  cl_scale_record_set_answers (record, "[0,0,3,0,3,3,3,3,3,2]");

  cl_scale_record_set_source (record, "fax");
  assert_refused (f, record, "case_manager", "source", "Say whether it was filled at the desk, by phone or by link");
  cl_scale_record_set_source (record, "phone");
  cl_scale_record_set_scale_id (record, "mood");
  assert_refused (f, record, "case_manager", "scale_id", "Unknown scale");
  cl_scale_record_set_scale_id (record, "epds");

  assert_refused (f, record, "service_desk", NULL, "Your role may not make this change; nothing was saved");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/scale-store/calm-and-flagged", Fixture, NULL, fixture_set_up,
              test_calm_and_flagged, fixture_tear_down);
  g_test_add ("/scale-store/no-case-manager", Fixture, NULL, fixture_set_up,
              test_no_case_manager, fixture_tear_down);
  g_test_add ("/scale-store/refused", Fixture, NULL, fixture_set_up,
              test_refused, fixture_tear_down);
  return g_test_run ();
}
