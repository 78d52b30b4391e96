/* test-followup-store.c
 *
 * Follow-up items stored in a real SQLite file: an item added by hand
 * is saved through the desk's rules (and refused, with nothing written,
 * when invalid or when the role may not), and the items planned from
 * the pathway rules follow the pregnancy: saving her brings her items,
 * planning again adds nothing, a corrected EDD moves the open items and
 * leaves the done one, and closing the pregnancy cancels the open ones
 * with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-followup-store.h"
#include "cl-followup-worklist.h"
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CLRecord) manager = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = cl_test_make_tmp_dir ("test-followup-store");
  f->store = cl_test_store_open (f->dir);
  manager = g_object_new (CL_TYPE_STAFF, "id", "cm-wang", "username", "wang", "display-name", "王护士",
                          "role", "case_manager", "roles", "case_manager", NULL);
  g_assert_true (cl_store_save_record (f->store, manager, &error));
  g_assert_no_error (error);
  f->patient = cl_test_patient_new ("张小梅", "11010519930402002", "13800138000");
  cl_patient_set_case_manager_id (f->patient, "cm-wang");
  /* LMP 2026-05-25: EDD 2027-03-01, 26+1 weeks on 2026-11-23. */
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

static CLFollowupRecord *
find (GPtrArray  *items,
      const char *rule_id,
      const char *source_id)
{
  for (guint i = 0; i < items->len; i++)
    {
      CLFollowupRecord *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (cl_followup_record_get_rule_id (item), rule_id) == 0 &&
          g_strcmp0 (cl_followup_record_get_source_id (item), source_id) == 0)
        return item;
    }
  return NULL;
}

static GPtrArray *
items_of (Fixture *f)
{
  return cl_store_followup_for_pregnancy (f->store, cl_record_get_id (CL_RECORD (f->pregnancy)));
}

static void
test_saved_pregnancy_is_planned (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) items = items_of (f);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  CLFollowupRecord *reminder;
  gint64 outbox;

  /* Saving her pregnancy planned her items, in the same commit, each
   * owned by her case manager and queued for the server. */
  /* On 2026-11-23 at 26+1 weeks with no visit recorded: the overdue
   * calls of v06, v14 and v20, a reminder and an overdue call for each
   * visit from v25 to v41 (8), the EPDS at 28-32 weeks and at the
   * 42-day revisit. */
  g_assert_cmpuint (items->len, ==, 3 + 8 + 8 + 2);
  reminder = find (items, "visit-reminder", "v29");
  g_assert_nonnull (reminder);
  g_assert_cmpstr (cl_followup_record_get_due_date (reminder), ==, "2026-12-11");
  g_assert_cmpstr (cl_followup_record_get_owner_id (reminder), ==, "cm-wang");
  g_assert_cmpstr (cl_followup_record_get_state (reminder), ==, "due");
  g_assert_cmpstr (cl_followup_record_get_channel (reminder), ==, "sms");
  g_assert_cmpstr (cl_followup_record_get_kind (reminder), ==, "visit-reminder");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox WHERE tbl = 'followup_item'"),
                   ==, items->len);

  /* Planning again, and saving her unchanged, adds nothing. */
  outbox = cl_store_count_outbox (f->store);
  g_assert_true (cl_followup_store_replan (f->store, cl_record_get_id (CL_RECORD (f->pregnancy)), &error));
  g_assert_no_error (error);
  cl_test_patient_save (f->store, f->patient, f->pregnancy);
  again = items_of (f);
  g_assert_cmpuint (again->len, ==, items->len);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM followup_item"), ==, items->len);
  /* The pregnancy's own save is the only new outbox row. */
  g_assert_cmpint (cl_store_count_outbox (f->store), <=, outbox + 2);
}

static void
test_corrected_edd_moves_open_items (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) items = items_of (f);
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GError) error = NULL;
  CLFollowupRecord *done = find (items, "visit-reminder", "v25");
  CLFollowupRecord *open = find (items, "visit-reminder", "v29");

  g_assert_nonnull (done);
  g_assert_nonnull (open);
  g_assert_cmpstr (cl_followup_record_get_due_date (done), ==, "2026-11-13");
  cl_followup_record_set_state (done, "done");
  cl_followup_record_set_outcome (done, "reached");
  cl_followup_record_set_done_at (done, 1795400000);
  g_assert_true (cl_followup_store_save (f->store, done, "case_manager", NULL, &error));
  g_assert_no_error (error);

  /* A week later by ultrasound. */
  cl_pregnancy_set_corrected_edd (f->pregnancy, "2027-03-08");
  cl_test_patient_save (f->store, f->patient, f->pregnancy);

  moved = items_of (f);
  g_assert_cmpstr (cl_followup_record_get_due_date (find (moved, "visit-reminder", "v29")), ==, "2026-12-18");
  g_assert_cmpstr (cl_followup_record_get_state (find (moved, "visit-reminder", "v29")), ==, "due");
  /* The done one stays as it was. */
  g_assert_cmpstr (cl_followup_record_get_due_date (find (moved, "visit-reminder", "v25")), ==, "2026-11-13");
  g_assert_cmpstr (cl_followup_record_get_state (find (moved, "visit-reminder", "v25")), ==, "done");
  g_assert_cmpstr (cl_followup_record_get_outcome (find (moved, "visit-reminder", "v25")), ==, "reached");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM followup_item WHERE rule_id = 'visit-reminder'"
                                                  " AND source_id = 'v29'"), ==, 1);
}

static void
test_closing_cancels_open_items (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) items = items_of (f);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CLFollowupRecord) by_hand = cl_followup_record_new ();
  CLFollowupRecord *done = find (items, "visit-reminder", "v25");

  cl_followup_record_set_state (done, "done");
  cl_followup_record_set_outcome (done, "no_answer");
  g_assert_true (cl_followup_store_save (f->store, done, "case_manager", NULL, &error));
  cl_followup_record_set_patient_id (by_hand, cl_record_get_id (CL_RECORD (f->patient)));
  cl_followup_record_set_pregnancy_id (by_hand, cl_record_get_id (CL_RECORD (f->pregnancy)));
  cl_followup_record_set_kind (by_hand, "other");
  cl_followup_record_set_channel (by_hand, "phone");
  cl_followup_record_set_due_date (by_hand, "2026-11-30");
  cl_followup_record_set_content (by_hand, "问一下她的睡眠");
  cl_followup_record_set_owner_id (by_hand, "cm-wang");
  g_assert_true (cl_followup_store_save (f->store, by_hand, "case_manager", NULL, &error));
  g_assert_no_error (error);

  cl_pregnancy_set_status (f->pregnancy, "ended");
  cl_test_patient_save (f->store, f->patient, f->pregnancy);

  after = items_of (f);
  g_assert_cmpuint (after->len, ==, items->len + 1);
  for (guint i = 0; i < after->len; i++)
    {
      CLFollowupRecord *item = g_ptr_array_index (after, i);

      if (g_str_equal (cl_record_get_id (CL_RECORD (item)), cl_record_get_id (CL_RECORD (done))))
        {
          g_assert_cmpstr (cl_followup_record_get_state (item), ==, "done");
          continue;
        }
      g_assert_cmpstr (cl_followup_record_get_state (item), ==, "cancelled");
      g_assert_cmpstr (cl_followup_record_get_cancel_reason (item), ==, "pregnancy-closed");
    }
  /* Nothing open is left on her case manager's list. */
  g_clear_pointer (&after, g_ptr_array_unref);
  after = cl_store_followup_open_for_owner (f->store, "cm-wang", "2027-12-31");
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_hand_added_rules (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CLFollowupRecord) item = cl_followup_record_new ();
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  gint64 before = cl_test_store_count (f->store, "SELECT count(*) FROM followup_item");

  cl_followup_record_set_patient_id (item, cl_record_get_id (CL_RECORD (f->patient)));
  cl_followup_record_set_pregnancy_id (item, cl_record_get_id (CL_RECORD (f->pregnancy)));
  cl_followup_record_set_kind (item, "other");
  cl_followup_record_set_channel (item, "wechat");
  cl_followup_record_set_due_date (item, "2026-11-23");
  cl_followup_record_set_owner_id (item, "cm-wang");

  /* No content: refused at the field, nothing written. */
  g_assert_false (cl_followup_store_save (f->store, item, "case_manager", &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "content"), ==, "Say what to do or to tell her");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM followup_item"), ==, before);
  g_clear_error (&error);

  /* An escort may not write follow-up items. */
  cl_followup_record_set_content (item, "提醒带上产检本");
  g_assert_false (cl_followup_store_save (f->store, item, "escort", NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cl_followup_store_save (f->store, item, "case_manager", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_record_get_rev (CL_RECORD (item)), >=, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM followup_item WHERE rule_id IS NULL"), ==, 1);

  /* Her worklist through today: what is due by then, open, by date. */
  open = cl_store_followup_open_for_owner (f->store, "cm-wang", "2026-11-23");
  /* v06 and v14 overdue, the v25 reminder, v20 overdue, this one.  She
   * was registered on 2026-11-23: the calls for v06 and v14 (planned for
   * 2026-08-31 and October) are due no more than 14 days back. */
  g_assert_cmpuint (open->len, ==, 5);
  g_assert_cmpstr (cl_followup_record_get_due_date (g_ptr_array_index (open, 0)), ==, "2026-11-09");
  g_assert_cmpstr (cl_followup_record_get_due_date (g_ptr_array_index (open, 1)), ==, "2026-11-09");
  g_assert_cmpstr (cl_followup_record_get_due_date (find (open, "visit-overdue", "v06")), ==, "2026-11-09");
  g_assert_cmpstr (cl_followup_record_get_due_date (find (open, "visit-overdue", "v14")), ==, "2026-11-09");
  g_assert_cmpstr (cl_followup_record_get_due_date (g_ptr_array_index (open, 2)), ==, "2026-11-13");
  g_assert_cmpstr (cl_followup_record_get_content (g_ptr_array_index (open, 4)), ==, "提醒带上产检本");
  g_clear_pointer (&open, g_ptr_array_unref);
  open = cl_store_followup_open_for_owner (f->store, "cm-li", "2026-11-23");
  g_assert_cmpuint (open->len, ==, 0);
}

/* The worklist's rows and writes: overdue before today's, an outcome
 * stored with its note and time, a date in the past refused with
 * nothing written, and an undo putting the item back. */
static void
test_worklist (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CLFollowupRecord) before = NULL;
  g_autoptr(CLFollowupRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  CLFollowupRow *row;
  GDate today, past, later;
  gint64 outbox;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  rows = cl_followup_worklist_load (f->store, "cm-wang", &today);
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 0);
  g_assert_true (row->overdue);
  g_assert_cmpstr (row->patient_name, ==, "张小梅");
  g_assert_cmpstr (row->phone_masked, ==, "138****8000");
  g_assert_cmpstr (cl_followup_record_get_due_date (row->item), ==, "2026-11-09");

  /* No answer, with a note. */
  before = CL_FOLLOWUP_RECORD (cl_record_dup (CL_RECORD (row->item)));
  g_assert_true (cl_followup_worklist_record (f->store, row->item, CL_FOLLOWUP_OUTCOME_NO_ANSWER,
                                              "  关机  ", 1795400000, "case_manager", &error));
  g_assert_no_error (error);
  stored = CL_FOLLOWUP_RECORD (cl_store_load_record (f->store, CL_TYPE_FOLLOWUP_RECORD,
                                                     cl_record_get_id (CL_RECORD (row->item)), &error));
  g_assert_cmpstr (cl_followup_record_get_state (stored), ==, "done");
  g_assert_cmpstr (cl_followup_record_get_outcome (stored), ==, "no_answer");
  g_assert_cmpstr (cl_followup_record_get_outcome_note (stored), ==, "关机");
  g_assert_cmpint (cl_followup_record_get_done_at (stored), ==, 1795400000);
  after = cl_followup_worklist_load (f->store, "cm-wang", &today);
  g_assert_cmpuint (after->len, ==, 3);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Undo: back on the list as it was. */
  g_assert_true (cl_followup_worklist_restore (f->store, row->item, before, "case_manager", &error));
  g_assert_no_error (error);
  after = cl_followup_worklist_load (f->store, "cm-wang", &today);
  g_assert_cmpuint (after->len, ==, 4);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* A past date is refused and nothing is written. */
  outbox = cl_store_count_outbox (f->store);
  g_date_clear (&past, 1);
  g_date_set_dmy (&past, 22, 11, 2026);
  g_assert_false (cl_followup_worklist_reschedule (f->store, row->item, &past, &today, NULL, "case_manager", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The new date cannot be in the past");
  g_clear_error (&error);
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, outbox);

  /* A later one moves it off today's list. */
  g_date_clear (&later, 1);
  g_date_set_dmy (&later, 30, 11, 2026);
  g_assert_true (cl_followup_worklist_reschedule (f->store, row->item, &later, &today, NULL, "case_manager", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_followup_record_get_state (row->item), ==, "rescheduled");
  g_assert_cmpstr (cl_followup_record_get_due_date (row->item), ==, "2026-11-30");
  after = cl_followup_worklist_load (f->store, "cm-wang", &today);
  g_assert_cmpuint (after->len, ==, 3);
  /* Planning again leaves a rescheduled item where a person put it. */
  g_assert_true (cl_followup_store_replan (f->store, cl_record_get_id (CL_RECORD (f->pregnancy)), &error));
  g_clear_object (&stored);
  stored = CL_FOLLOWUP_RECORD (cl_store_load_record (f->store, CL_TYPE_FOLLOWUP_RECORD,
                                                     cl_record_get_id (CL_RECORD (row->item)), &error));
  g_assert_cmpstr (cl_followup_record_get_due_date (stored), ==, "2026-11-30");
}

/* A new case manager takes her open items; a done one stays with who
 * did it. */
static void
test_new_case_manager (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) items = items_of (f);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CLRecord) li = g_object_new (CL_TYPE_STAFF, "id", "cm-li", "username", "li", "display-name", "李护士",
                                         "role", "case_manager", "roles", "case_manager", NULL);
  g_autoptr(GError) error = NULL;
  CLFollowupRecord *done = find (items, "visit-reminder", "v25");

  cl_followup_record_set_state (done, "done");
  cl_followup_record_set_outcome (done, "reached");
  g_assert_true (cl_followup_store_save (f->store, done, "case_manager", NULL, &error));
  g_assert_true (cl_store_save_record (f->store, li, &error));
  g_assert_no_error (error);

  cl_patient_set_case_manager_id (f->patient, "cm-li");
  cl_test_patient_save (f->store, f->patient, NULL);

  after = items_of (f);
  g_assert_cmpuint (after->len, ==, items->len);
  for (guint i = 0; i < after->len; i++)
    {
      CLFollowupRecord *item = g_ptr_array_index (after, i);

      g_assert_cmpstr (cl_followup_record_get_owner_id (item), ==,
                       cl_followup_record_is_open (item) ? "cm-li" : "cm-wang");
    }
  g_clear_pointer (&after, g_ptr_array_unref);
  after = cl_store_followup_open_for_owner (f->store, "cm-wang", "2027-12-31");
  g_assert_cmpuint (after->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *rules = NULL;

  g_test_init (&argc, &argv, NULL);
  /* The shipped rules, not the empty ones the other tests use. */
  rules = g_test_build_filename (G_TEST_DIST, "..", "data", "followup-rules.ini", NULL);
  g_setenv ("CARELINE_FOLLOWUP_RULES", rules, TRUE);

  g_test_add ("/followup-store/planned", Fixture, NULL, fixture_set_up,
              test_saved_pregnancy_is_planned, fixture_tear_down);
  g_test_add ("/followup-store/corrected-edd", Fixture, NULL, fixture_set_up,
              test_corrected_edd_moves_open_items, fixture_tear_down);
  g_test_add ("/followup-store/closed", Fixture, NULL, fixture_set_up,
              test_closing_cancels_open_items, fixture_tear_down);
  g_test_add ("/followup-store/by-hand", Fixture, NULL, fixture_set_up,
              test_hand_added_rules, fixture_tear_down);
  g_test_add ("/followup-store/new-case-manager", Fixture, NULL, fixture_set_up,
              test_new_case_manager, fixture_tear_down);
  g_test_add ("/followup-store/worklist", Fixture, NULL, fixture_set_up,
              test_worklist, fixture_tear_down);
  return g_test_run ();
}
