/* test-followup-patient.c
 *
 * Her follow-up plan as her page reads it, in a real SQLite file: the
 * open items first by due date and then the done and cancelled ones,
 * the latest first; a cancelled item's reason in words; the rules of
 * an item added by hand that need the store (a due date not passed, an
 * active case manager as owner), refused with nothing written; and the
 * warning her header shows while a flagged or positive scale waits,
 * gone once each item's outcome is recorded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-followup-alert.h"
#include "cl-followup-store.h"
#include "cl-followup-worklist.h"
#include "cl-scale-record.h"
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

static void
save_staff (CLStore    *store,
            const char *id,
            const char *username,
            const char *role,
            gboolean    active)
{
  g_autoptr(CLRecord) staff = g_object_new (CL_TYPE_STAFF, "id", id, "username", username,
                                            "display-name", username, "role", role, "roles", role,
                                            "active", active, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_store_save_record (store, staff, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cl_test_make_tmp_dir ("test-followup-patient");
  f->store = cl_test_store_open (f->dir);
  save_staff (f->store, "cm-wang", "wang", "case_manager", TRUE);
  save_staff (f->store, "cm-gone", "gone", "case_manager", FALSE);
  save_staff (f->store, "cm-li", "lili", "case_manager", TRUE);
  save_staff (f->store, "es-li", "li", "escort", TRUE);
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
by_hand (Fixture    *f,
         const char *due,
         const char *owner_id)
{
  CLFollowupRecord *item = cl_followup_record_new_by_hand (cl_record_get_id (CL_RECORD (f->patient)),
                                                           cl_record_get_id (CL_RECORD (f->pregnancy)));

  cl_followup_record_set_due_date (item, due);
  cl_followup_record_set_content (item, "问她睡得怎么样");
  cl_followup_record_set_owner_id (item, owner_id);
  return item;
}

static const char *
refusal_as (Fixture          *f,
            CLFollowupRecord *item,
            const char       *role,
            const char       *field)
{
  static char *message;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = cl_test_store_count (f->store, "SELECT count(*) FROM followup_item");

  g_assert_false (cl_followup_store_save (f->store, item, role, &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM followup_item"), ==, before);
  g_free (message);
  message = g_strdup (g_hash_table_lookup (field_errors, field));
  return message;
}

static const char *
refusal (Fixture          *f,
         CLFollowupRecord *item,
         const char       *field)
{
  return refusal_as (f, item, CL_ROLE_CASE_MANAGER, field);
}

static void
test_by_hand (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CLFollowupRecord) past = by_hand (f, "2026-11-22", "cm-wang");
  g_autoptr(CLFollowupRecord) nobody = by_hand (f, "2026-11-25", NULL);
  g_autoptr(CLFollowupRecord) escort = by_hand (f, "2026-11-25", "es-li");
  g_autoptr(CLFollowupRecord) gone = by_hand (f, "2026-11-25", "cm-gone");
  g_autoptr(CLFollowupRecord) good = by_hand (f, "2026-11-23", "cm-wang");
  g_autoptr(CLFollowupRecord) other = by_hand (f, "2026-11-24", "cm-li");
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_followup_record_is_by_hand (good));
  g_assert_cmpstr (cl_followup_record_get_kind (good), ==, "other");
  g_assert_cmpstr (cl_followup_record_get_channel (good), ==, "phone");
  g_assert_cmpstr (refusal (f, past, "due_date"), ==, "The due date has passed; choose today or a later day");
  g_assert_cmpstr (refusal (f, nobody, "owner_id"), ==, "Choose the case manager who will do it");
  g_assert_cmpstr (refusal (f, escort, "owner_id"), ==,
                   "The owner must be an active member of staff with the case manager role");
  g_assert_cmpstr (refusal (f, gone, "owner_id"), ==,
                   "The owner must be an active member of staff with the case manager role");

  /* Another case manager than hers: only an administrator may. */
  g_assert_cmpstr (refusal (f, other, "owner_id"), ==,
                   "Only an administrator may give it to someone other than her case manager");
  g_assert_true (cl_followup_store_save (f->store, other, CL_ROLE_ADMIN, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_followup_record_get_owner_id (other), ==, "cm-li");

  /* A call already made, recorded as done: history, not a task. */
  {
    g_autoptr(CLFollowupRecord) made = by_hand (f, "2026-11-02", NULL);

    cl_followup_record_set_state (made, "done");
    cl_followup_record_set_outcome (made, "reached");
    g_assert_true (cl_followup_store_save (f->store, made, CL_ROLE_CASE_MANAGER, NULL, &error));
    g_assert_no_error (error);
  }

  /* Today is fine; once stored, the date may pass and the outcome
   * still be recorded, and its owner leaving does not lock it. */
  g_assert_true (cl_followup_store_save (f->store, good, "case_manager", NULL, &error));
  g_assert_no_error (error);
  g_setenv ("CARELINE_TODAY", "2026-11-30", TRUE);
  save_staff (f->store, "cm-wang", "wang", "case_manager", FALSE);
  g_assert_true (cl_followup_worklist_record (f->store, good, CL_FOLLOWUP_OUTCOME_REACHED, "睡得不错",
                                              1795500000, "case_manager", &error));
  g_assert_no_error (error);
  g_setenv ("CARELINE_TODAY", "2026-11-23", TRUE);

  g_assert_true (cl_followup_role_may_assign (CL_ROLE_ADMIN));
  g_assert_false (cl_followup_role_may_assign (CL_ROLE_CASE_MANAGER));
}

static void
test_her_plan (Fixture       *f,
               gconstpointer  data)
{
  const char *patient_id = cl_record_get_id (CL_RECORD (f->patient));
  g_autoptr(GPtrArray) items = cl_store_followup_for_patient (f->store, patient_id);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CLFollowupRecord) first_done = NULL;
  g_autoptr(GError) error = NULL;
  gboolean closed_part = FALSE;

  g_assert_cmpuint (items->len, >, 4);
  /* Two done, at different times. */
  for (guint i = 0; i < 2; i++)
    {
      CLFollowupRecord *item = g_ptr_array_index (items, i);

      g_assert_true (cl_followup_worklist_record (f->store, item, CL_FOLLOWUP_OUTCOME_NO_ANSWER, NULL,
                                                  1795400000 + i, "case_manager", &error));
      g_assert_no_error (error);
    }
  first_done = g_object_ref (g_ptr_array_index (items, 0));

  after = cl_store_followup_for_patient (f->store, patient_id);
  g_assert_cmpuint (after->len, ==, items->len);
  for (guint i = 0; i < after->len; i++)
    {
      CLFollowupRecord *item = g_ptr_array_index (after, i);

      if (!cl_followup_record_is_open (item))
        closed_part = TRUE;
      /* No open item after a closed one. */
      g_assert_true (!closed_part || !cl_followup_record_is_open (item));
      if (i > 0 && cl_followup_record_is_open (item))
        g_assert_cmpstr (cl_followup_record_get_due_date (g_ptr_array_index (after, i - 1)), <=,
                         cl_followup_record_get_due_date (item));
    }
  /* The last is the first one done (the earlier due date). */
  g_assert_cmpstr (cl_record_get_id (g_ptr_array_index (after, after->len - 1)), ==,
                   cl_record_get_id (CL_RECORD (first_done)));
  g_assert_cmpstr (cl_followup_outcome_label (cl_followup_record_get_outcome (first_done)), ==, "No answer");
  g_assert_cmpstr (cl_followup_state_label (cl_followup_record_get_state (first_done)), ==, "Done");

  /* Closing the pregnancy cancels the rest, with the reason in words. */
  cl_pregnancy_set_status (f->pregnancy, "ended");
  cl_test_patient_save (f->store, f->patient, f->pregnancy);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = cl_store_followup_for_patient (f->store, patient_id);
  g_assert_false (cl_followup_record_is_open (g_ptr_array_index (after, 0)));
  for (guint i = 0; i < after->len; i++)
    {
      CLFollowupRecord *item = g_ptr_array_index (after, i);

      if (g_strcmp0 (cl_followup_record_get_state (item), "cancelled") == 0)
        g_assert_cmpstr (cl_followup_cancel_reason_label (cl_followup_record_get_cancel_reason (item)), ==,
                         "The pregnancy ended or was closed");
    }
  g_assert_cmpstr (cl_followup_cancel_reason_label ("not-planned"), ==,
                   "No longer in her plan: the visit was done, its window passed after a corrected due date, "
                   "or the rule changed");
  g_assert_cmpstr (cl_followup_cancel_reason_label (NULL), ==, "No reason recorded");
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
  cl_scale_record_set_patient_id (record, cl_record_get_id (CL_RECORD (f->patient)));
  cl_scale_record_set_pregnancy_id (record, cl_record_get_id (CL_RECORD (f->pregnancy)));
  cl_scale_record_set_result (record, result, answers, 10);
  cl_scale_record_set_filled_at (record, filled_at);
  cl_scale_record_set_filled_by (record, "wang");
  cl_scale_record_set_source (record, "desk");
  return record;
}

static void
test_alert (Fixture       *f,
            gconstpointer  data)
{
  static const gint self_harm[10] = { 0, 0, 3, 0, 3, 3, 3, 3, 3, 2 };   /* 1, item 10 "Hardly ever" */
  static const gint possible[10] = { 2, 1, 2, 1, 2, 2, 2, 2, 2, 3 };    /* 10, item 10 "Never" */
  const char *patient_id = cl_record_get_id (CL_RECORD (f->patient));
  g_autoptr(CLScaleRecord) positive = filled (f, possible, 1795300000);
  g_autoptr(CLScaleRecord) flagged = filled (f, self_harm, 1795400000);
  g_autoptr(CLFollowupRecord) positive_item = NULL;
  g_autoptr(CLFollowupRecord) flagged_item = NULL;
  g_autoptr(CLFollowupRecord) about = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_null (cl_followup_alert_for_patient (f->store, patient_id, NULL));
  g_assert_true (cl_scale_store_save (f->store, positive, "case_manager", NULL, &positive_item, &error));
  g_assert_no_error (error);
  text = cl_followup_alert_for_patient (f->store, patient_id, &about);
  g_assert_cmpstr (text, ==, "EPDS positive screen (Possible depression) — record the action taken");
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (about)), ==, cl_record_get_id (CL_RECORD (positive_item)));
  g_clear_pointer (&text, g_free);
  g_clear_object (&about);

  /* A flag comes before a positive screen. */
  g_assert_true (cl_scale_store_save (f->store, flagged, "case_manager", NULL, &flagged_item, &error));
  g_assert_no_error (error);
  text = cl_followup_alert_for_patient (f->store, patient_id, &about);
  g_assert_cmpstr (text, ==, "Self-harm risk flagged on EPDS — record the action taken");
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (about)), ==, cl_record_get_id (CL_RECORD (flagged_item)));
  g_clear_pointer (&text, g_free);
  g_clear_object (&about);

  /* Each goes when its outcome is recorded. */
  g_assert_true (cl_followup_worklist_record (f->store, flagged_item, CL_FOLLOWUP_OUTCOME_REACHED,
                                              "已转介心理门诊", 1795500000, "case_manager", &error));
  g_assert_no_error (error);
  text = cl_followup_alert_for_patient (f->store, patient_id, NULL);
  g_assert_cmpstr (text, ==, "EPDS positive screen (Possible depression) — record the action taken");
  g_clear_pointer (&text, g_free);
  g_assert_true (cl_followup_worklist_record (f->store, positive_item, CL_FOLLOWUP_OUTCOME_REACHED,
                                              NULL, 1795500001, "case_manager", &error));
  g_assert_no_error (error);
  g_assert_null (cl_followup_alert_for_patient (f->store, patient_id, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *rules = NULL;

  g_test_init (&argc, &argv, NULL);
  /* The shipped rules: her page lists what they plan. */
  rules = g_test_build_filename (G_TEST_DIST, "..", "data", "followup-rules.ini", NULL);
  g_setenv ("CARELINE_FOLLOWUP_RULES", rules, TRUE);

  g_test_add ("/followup-patient/by-hand", Fixture, NULL, fixture_set_up, test_by_hand, fixture_tear_down);
  g_test_add ("/followup-patient/her-plan", Fixture, NULL, fixture_set_up, test_her_plan, fixture_tear_down);
  g_test_add ("/followup-patient/alert", Fixture, NULL, fixture_set_up, test_alert, fixture_tear_down);
  return g_test_run ();
}
