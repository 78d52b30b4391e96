/* test-inspections.c
 *
 * Inspections of the guide desk's posts (issue #17 §3): the items
 * record, the overdue rule table-driven, saving an inspection with the
 * rectification it opens in a real SQLite file (refusals at their
 * fields write nothing), and the contract's deductions, table-driven
 * through the store: made once however often the rules run, undone
 * when their cause goes unless their month is closed, a cause found
 * after its month closed taken from the next open month, the amounts
 * from the desk's settings, and the statement listing each with its
 * reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cl-contract-store.h"
#include "cl-contract.h"
#include "cl-date.h"
#include "cl-desk-setting.h"
#include "cl-enrolment-store.h"
#include "cl-inspection-rules.h"
#include "cl-inspection-store.h"
#include "cl-schedule.h"
#include "cl-settlement.h"
#include "cl-staff-store.h"
#include "cl-staff.h"
#include "cl-store-inspections.h"
#include "cl-store-save.h"
#include "cl-test-settlement.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* Local instants in Asia/Shanghai (UTC+8). */
static gint64
at_local (const char *text)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (text, zone);

  g_assert_nonnull (when);
  return g_date_time_to_unix (when);
}

static void
set_day (GDate      *date,
         const char *iso)
{
  g_assert_true (cl_date_parse (iso, date, NULL));
}

static void
test_items (void)
{
  g_autoptr(CLInspection) inspection = cl_inspection_new ();
  g_autoptr(GHashTable) errors = NULL;
  const gboolean all[] = { TRUE, TRUE, TRUE, TRUE };
  const gboolean one_failed[] = { TRUE, TRUE, FALSE, TRUE };
  static const char * const malformed[] = {
    NULL, "", "[]", "{\"duties\":true}",
    "{\"duties\":true,\"workflows\":true,\"etiquette\":true,\"knowledge\":\"yes\"}",
    "{\"duties\":true,\"workflows\":true,\"etiquette\":true,\"knowledge\":true,\"hair\":true}",
    "{\"duties\":true,\"workflows\":true,\"etiquette\":true,\"manners\":true}",
  };

  cl_inspection_set_date (inspection, "2026-11-20");
  cl_inspection_set_post (inspection, "门诊服务中心");
  cl_inspection_set_results (inspection, all);
  g_assert_false (cl_inspection_is_failed (inspection));
  errors = cl_inspection_validate (inspection);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  g_clear_pointer (&errors, g_hash_table_unref);

  /* Poor cooperation only where something failed. */
  cl_inspection_set_poor_cooperation (inspection, TRUE);
  errors = cl_inspection_validate (inspection);
  g_assert_cmpstr (g_hash_table_lookup (errors, "poor_cooperation"), ==,
                   "Poor cooperation applies only to a failed inspection");
  g_clear_pointer (&errors, g_hash_table_unref);

  cl_inspection_set_results (inspection, one_failed);
  g_assert_true (cl_inspection_is_failed (inspection));
  g_assert_false (cl_inspection_item_passed (inspection, "etiquette"));
  g_assert_true (cl_inspection_item_passed (inspection, "knowledge"));
  errors = cl_inspection_validate (inspection);
  g_assert_cmpstr (g_hash_table_lookup (errors, "findings"), ==, "Describe what failed");
  g_clear_pointer (&errors, g_hash_table_unref);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_test_message ("items %s", malformed[i]);
      cl_inspection_set_items (inspection, malformed[i]);
      /* What cannot be read as passed is not passed. */
      g_assert_true (cl_inspection_is_failed (inspection));
      errors = cl_inspection_validate (inspection);
      g_assert_true (g_hash_table_contains (errors, "items"));
      g_clear_pointer (&errors, g_hash_table_unref);
    }
}

static const struct
{
  const char *deadline;
  const char *done;      /* local time, or NULL: open */
  const char *today;
  gboolean    overdue;
} overdue_cases[] = {
  { "2026-11-20", NULL,                  "2026-11-20", FALSE },  /* the deadline's own day */
  { "2026-11-20", NULL,                  "2026-11-21", TRUE },
  { "2026-11-20", "2026-11-20T23:59:00", "2026-11-23", FALSE },  /* done on the day */
  { "2026-11-20", "2026-11-21T00:01:00", "2026-11-23", TRUE },   /* done late */
  { "2026-11-30", NULL,                  "2026-11-23", FALSE },
  { "bad",        NULL,                  "2026-11-23", FALSE },
};

static void
test_overdue (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (overdue_cases); i++)
    {
      g_autoptr(CLRectification) r = cl_rectification_new ();
      GDate today;

      cl_rectification_set_deadline (r, overdue_cases[i].deadline);
      if (overdue_cases[i].done)
        cl_rectification_set_done_at (r, at_local (overdue_cases[i].done));
      set_day (&today, overdue_cases[i].today);
      g_test_message ("case %u", i);
      g_assert_cmpint (cl_rectification_is_overdue (r, &today), ==, overdue_cases[i].overdue);
    }
}

static char *
add_inspector (CLStore *store)
{
  g_autoptr(CLStaff) staff = cl_staff_new ("zhou", "周质控", CL_ROLE_SERVICE_DESK);
  g_autoptr(GError) error = NULL;

  cl_staff_set_active (staff, TRUE);
  if (!cl_staff_store_save (store, staff, CL_ROLE_ADMIN, NULL, &error))
    g_error ("staff: %s", error->message);
  return g_strdup (cl_record_get_id (CL_RECORD (staff)));
}

static CLInspection *
new_inspection (const char *inspector,
                const char *date,
                gboolean    failed,
                gboolean    poor_cooperation)
{
  CLInspection *inspection = cl_inspection_new ();
  const gboolean results[] = { TRUE, !failed, TRUE, TRUE };

  cl_inspection_set_date (inspection, date);
  cl_inspection_set_inspector_id (inspection, inspector);
  cl_inspection_set_post (inspection, "门诊服务中心");
  cl_inspection_set_results (inspection, results);
  cl_inspection_set_findings (inspection, failed ? "未按流程引导患者" : "");
  cl_inspection_set_poor_cooperation (inspection, poor_cooperation);
  return inspection;
}

static CLRectification *
new_rectification (const char *deadline)
{
  CLRectification *r = cl_rectification_new ();

  cl_rectification_set_task (r, "重新培训导诊流程");
  cl_rectification_set_deadline (r, deadline);
  return r;
}

static void
test_save (CLTestStoreFixture *f,
           gconstpointer       data)
{
  g_autofree char *inspector = add_inspector (f->store);
  g_autoptr(CLInspection) inspection = new_inspection (inspector, "2026-11-20", TRUE, FALSE);
  g_autoptr(CLRectification) r = new_rectification ("2026-11-19");
  g_autoptr(CLRectification) stored = NULL;
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  /* A deadline before the inspection: refused at its field, nothing
   * written (neither the inspection nor the rectification). */
  g_assert_false (cl_inspection_store_save (f->store, inspection, r, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "deadline"), ==, "The deadline is before the inspection");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM inspection"), ==, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM rectification"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);

  /* No task; an inspector nobody knows; the future (today is 23 Nov). */
  cl_rectification_set_deadline (r, "2026-11-27");
  cl_rectification_set_task (r, " ");
  cl_inspection_set_inspector_id (inspection, "nobody");
  cl_inspection_set_date (inspection, "2026-11-24");
  g_assert_false (cl_inspection_store_save (f->store, inspection, r, CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "task"), ==, "Enter what is to be put right");
  g_assert_cmpstr (g_hash_table_lookup (errors, "inspector_id"), ==, "Choose the inspector from the staff list");
  g_assert_cmpstr (g_hash_table_lookup (errors, "date"), ==, "The inspection lies in the future");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM inspection"), ==, 0);

  /* Finance reads inspections but does not write them. */
  cl_rectification_set_task (r, "重新培训导诊流程");
  cl_inspection_set_inspector_id (inspection, inspector);
  cl_inspection_set_date (inspection, "2026-11-20");
  g_assert_false (cl_inspection_store_save (f->store, inspection, r, CL_ROLE_FINANCE, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cl_inspection_store_save (f->store, inspection, r, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  stored = cl_store_rectification_of (f->store, cl_record_get_id (CL_RECORD (inspection)));
  g_assert_nonnull (stored);
  g_assert_cmpstr (cl_rectification_get_deadline (stored), ==, "2026-11-27");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox WHERE tbl IN "
                                                   "('inspection', 'rectification')"), ==, 2);

  /* Marked rectified: a time is needed, and someone who did it; not in
   * the future, not before the inspection. */
  g_assert_false (cl_inspection_store_mark_rectified (f->store, stored, 0, "王导诊", "", CL_ROLE_SERVICE_DESK,
                                                      &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "done_at"), ==, "Enter when it was put right");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_false (cl_inspection_store_mark_rectified (f->store, stored, at_local ("2026-11-22T10:00:00"), " ", "",
                                                      CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "done_by"), ==, "Enter who put it right");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_false (cl_inspection_store_mark_rectified (f->store, stored, at_local ("2026-11-24T10:00:00"), "王导诊",
                                                      "", CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "done_at"), ==, "The fix lies in the future");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_false (cl_inspection_store_mark_rectified (f->store, stored, at_local ("2026-11-19T10:00:00"), "王导诊",
                                                      "", CL_ROLE_SERVICE_DESK, &errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (errors, "done_at"), ==, "The fix is before the inspection");
  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_assert_cmpint (cl_rectification_get_done_at (stored), ==, 0);
  g_assert_true (cl_inspection_store_mark_rectified (f->store, stored, at_local ("2026-11-22T10:00:00"), " 王导诊 ",
                                                     "已培训", CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_rectification_get_done_by (stored), ==, "王导诊");

  /* Corrected to a pass: its rectification goes with the failure. */
  {
    const gboolean all[] = { TRUE, TRUE, TRUE, TRUE };

    cl_inspection_set_results (inspection, all);
    g_assert_true (cl_inspection_store_save (f->store, inspection, NULL, CL_ROLE_SERVICE_DESK, NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&stored);
    stored = cl_store_rectification_of (f->store, cl_record_get_id (CL_RECORD (inspection)));
    g_assert_null (stored);
    g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM rectification WHERE deleted = 1"), ==, 1);
  }
}

/* The deduction rules, one inspection per case, on 2026-11-23. */
static const struct
{
  const char *date;
  gboolean    failed;
  gboolean    poor_cooperation;
  const char *deadline;     /* NULL: no rectification */
  const char *done;         /* local time, or NULL: open */
  gint64      cooperation;  /* fen wanted, 0: none */
  gint64      overdue;
  const char *overdue_date;
} rule_cases[] = {
  { "2026-11-20", TRUE,  TRUE,  "2026-11-27", NULL,                  100000, 0,      NULL },
  { "2026-11-20", TRUE,  FALSE, "2026-11-27", NULL,                  0,      0,      NULL },
  { "2026-11-10", TRUE,  FALSE, "2026-11-17", NULL,                  0,      200000, "2026-11-17" },
  { "2026-11-10", TRUE,  FALSE, "2026-11-17", "2026-11-17T18:00:00", 0,      0,      NULL },
  { "2026-11-10", TRUE,  FALSE, "2026-11-17", "2026-11-19T09:00:00", 0,      200000, "2026-11-17" },
  { "2026-11-10", TRUE,  TRUE,  "2026-11-12", NULL,                  100000, 200000, "2026-11-12" },
  { "2026-11-10", FALSE, FALSE, NULL,         NULL,                  0,      0,      NULL },
  { "2026-11-22", TRUE,  FALSE, "2026-11-23", NULL,                  0,      0,      NULL },  /* due today */
};

static gint64
deduction_fen (CLStore    *store,
               const char *inspection_id,
               const char *cause,
               char      **date)
{
  g_autofree char *id = cl_inspection_rules_deduction_id (inspection_id, cause);
  g_autoptr(CLDeduction) d = cl_store_load_live (store, CL_TYPE_DEDUCTION, id);

  if (date)
    *date = d ? g_strdup (cl_deduction_get_date (d)) : NULL;
  return d ? cl_deduction_get_amount_fen (d) : 0;
}

static void
test_rules (CLTestStoreFixture *f,
            gconstpointer       data)
{
  g_autofree char *inspector = add_inspector (f->store);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint made, undone, expected = 0;
  GDate today;

  set_day (&today, "2026-11-23");
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autoptr(CLInspection) inspection = new_inspection (inspector, rule_cases[i].date, rule_cases[i].failed,
                                                           rule_cases[i].poor_cooperation);
      g_autoptr(CLRectification) r = rule_cases[i].deadline ? new_rectification (rule_cases[i].deadline) : NULL;

      g_assert_true (cl_inspection_store_save (f->store, inspection, r, CL_ROLE_SERVICE_DESK, NULL, &error));
      g_assert_no_error (error);
      if (rule_cases[i].done)
        g_assert_true (cl_inspection_store_mark_rectified (f->store, r, at_local (rule_cases[i].done), "王导诊", "",
                                                           CL_ROLE_SERVICE_DESK, NULL, &error));
      g_ptr_array_add (ids, g_strdup (cl_record_get_id (CL_RECORD (inspection))));
      expected += (rule_cases[i].cooperation > 0) + (rule_cases[i].overdue > 0);
    }

  /* The service desk may not write deductions: the rules run where
   * the money is kept. */
  g_assert_false (cl_inspection_rules_apply (f->store, CL_ROLE_SERVICE_DESK, &today, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM deduction"), ==, 0);

  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_FINANCE, &today, &made, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, expected);
  g_assert_cmpuint (undone, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *date = NULL;
      const char *id = g_ptr_array_index (ids, i);

      g_test_message ("case %u", i);
      g_assert_cmpint (deduction_fen (f->store, id, "cooperation", &date), ==, rule_cases[i].cooperation);
      if (rule_cases[i].cooperation)
        g_assert_cmpstr (date, ==, rule_cases[i].date);
      g_clear_pointer (&date, g_free);
      g_assert_cmpint (deduction_fen (f->store, id, "overdue", &date), ==, rule_cases[i].overdue);
      g_assert_cmpstr (date, ==, rule_cases[i].overdue_date);
    }
  /* Each names its inspection exactly. */
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM deduction d JOIN inspection i"
                                                   " ON i.id = d.inspection_id WHERE d.deleted = 0"), ==, expected);

  /* Idempotent: again, and again the next day, nothing new. */
  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_FINANCE, &today, &made, &undone, &error));
  g_assert_cmpuint (made, ==, 0);
  g_assert_cmpuint (undone, ==, 0);
  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_ADMIN, &today, &made, &undone, &error));
  g_assert_cmpuint (made, ==, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM deduction"), ==, expected);

  /* The deadlines of the 23rd and the 27th have passed by the 28th. */
  set_day (&today, "2026-11-28");
  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_FINANCE, &today, &made, &undone, &error));
  g_assert_cmpuint (made, ==, 3);   /* cases 0 and 1, due on the 27th, and 7, due on the 23rd */
  g_assert_cmpint (deduction_fen (f->store, g_ptr_array_index (ids, 1), "overdue", NULL), ==, 200000);
}

static void
test_undo_and_closed_months (CLTestStoreFixture *f,
                             gconstpointer       data)
{
  g_autofree char *inspector = add_inspector (f->store);
  g_autoptr(CLInspection) october = new_inspection (inspector, "2026-10-20", TRUE, TRUE);
  g_autoptr(CLInspection) november = new_inspection (inspector, "2026-11-20", TRUE, TRUE);
  g_autoptr(CLInspection) late = new_inspection (inspector, "2026-10-25", TRUE, FALSE);
  g_autoptr(CLRectification) r1 = new_rectification ("2026-11-30");
  g_autoptr(CLRectification) r2 = new_rectification ("2026-11-30");
  g_autoptr(CLRectification) r3 = new_rectification ("2026-11-30");
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  guint made, undone;
  GDate today;

  set_day (&today, "2026-11-23");
  g_assert_true (cl_inspection_store_save (f->store, october, r1, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_inspection_store_save (f->store, november, r2, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_FINANCE, &today, &made, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 2);
  /* The guide desk's contract is the one inspected: its month closes. */
  cl_test_settlement_add_fee (f->store, CL_CONTRACT_GUIDE_DESK_ID, "2026-01-01", 5000000);
  g_assert_true (cl_contract_store_close_month (f->store, CL_CONTRACT_GUIDE_DESK_ID, "2026-10", CL_ROLE_FINANCE,
                                                &error));
  g_assert_no_error (error);

  /* Both corrected: no poor cooperation after all.  November's is
   * undone; October's stays, its statement closed. */
  cl_inspection_set_poor_cooperation (october, FALSE);
  cl_inspection_set_poor_cooperation (november, FALSE);
  g_assert_true (cl_inspection_store_save (f->store, october, NULL, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_inspection_store_save (f->store, november, NULL, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_FINANCE, &today, &made, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 0);
  g_assert_cmpuint (undone, ==, 1);
  g_assert_cmpint (deduction_fen (f->store, cl_record_get_id (CL_RECORD (october)), "cooperation", NULL), ==, 100000);
  g_assert_cmpint (deduction_fen (f->store, cl_record_get_id (CL_RECORD (november)), "cooperation", NULL), ==, 0);

  /* Corrected back: the same record comes back, not a second one. */
  cl_inspection_set_poor_cooperation (november, TRUE);
  g_assert_true (cl_inspection_store_save (f->store, november, NULL, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_FINANCE, &today, &made, &undone, &error));
  g_assert_cmpuint (made, ==, 1);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM deduction"), ==, 2);

  /* A poor-cooperation failure of October entered only now: October is
   * closed, so the deduction is taken from November, dated today. */
  cl_inspection_set_poor_cooperation (late, TRUE);
  g_assert_true (cl_inspection_store_save (f->store, late, r3, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_FINANCE, &today, &made, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (made, ==, 1);
  g_assert_cmpint (deduction_fen (f->store, cl_record_get_id (CL_RECORD (late)), "cooperation", &date), ==, 100000);
  g_assert_cmpstr (date, ==, "2026-11-23");

  /* A removed inspection takes its open month's deductions with it. */
  cl_record_set_deleted (CL_RECORD (november), TRUE);
  g_assert_true (cl_store_save_record (f->store, CL_RECORD (november), &error));
  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_FINANCE, &today, &made, &undone, &error));
  g_assert_cmpuint (undone, ==, 1);
}

static void
test_amounts_and_statement (CLTestStoreFixture *f,
                            gconstpointer       data)
{
  g_autofree char *inspector = add_inspector (f->store);
  g_autoptr(CLInspection) inspection = new_inspection (inspector, "2026-11-05", TRUE, TRUE);
  g_autoptr(CLRectification) r = new_rectification ("2026-11-10");
  g_autoptr(CLSettlement) statement = NULL;
  g_autoptr(GError) error = NULL;
  const CLSettlementDeduction *deductions;
  guint n = 0;
  GDate today;

  /* The administrator sets the contract's amounts. */
  g_assert_true (cl_desk_settings_set_int (f->store, CL_INSPECTION_COOPERATION_KEY, 1500, CL_ROLE_ADMIN, &error));
  g_assert_true (cl_desk_settings_set_int (f->store, CL_INSPECTION_OVERDUE_KEY, 2500, CL_ROLE_ADMIN, &error));
  g_assert_no_error (error);
  g_assert_false (cl_desk_settings_set_int (f->store, CL_INSPECTION_OVERDUE_KEY, -1, CL_ROLE_ADMIN, &error));
  g_clear_error (&error);

  set_day (&today, "2026-11-23");
  g_assert_true (cl_inspection_store_save (f->store, inspection, r, CL_ROLE_SERVICE_DESK, NULL, &error));
  g_assert_true (cl_inspection_rules_apply (f->store, CL_ROLE_FINANCE, &today, NULL, NULL, &error));
  g_assert_no_error (error);

  /* On the guide desk's statement, where the fee they reduce is. */
  cl_test_settlement_add_fee (f->store, CL_CONTRACT_GUIDE_DESK_ID, "2026-01-01", 5000000);
  statement = cl_contract_store_settlement (f->store, CL_CONTRACT_GUIDE_DESK_ID, "2026-11", &error);
  g_assert_no_error (error);
  deductions = cl_settlement_get_deductions (statement, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (cl_settlement_get_deductions_fen (statement), ==, 400000);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (deductions[i].reference, ==, "Inspection 2026-11-05 · 门诊服务中心");
  g_assert_cmpstr (deductions[0].date, ==, "2026-11-05");
  g_assert_cmpint (deductions[0].amount_fen, ==, 150000);
  g_assert_cmpstr (deductions[1].date, ==, "2026-11-10");
  g_assert_cmpint (deductions[1].amount_fen, ==, 250000);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("CARELINE_NOW", "2026-11-23T09:15:00", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/inspections/items", test_items);
  g_test_add_func ("/inspections/overdue", test_overdue);
  cl_test_store_add ("/inspections/save", test_save);
  cl_test_store_add ("/inspections/rules", test_rules);
  cl_test_store_add ("/inspections/undo-and-closed-months", test_undo_and_closed_months);
  cl_test_store_add ("/inspections/amounts-and-statement", test_amounts_and_statement);
  return g_test_run ();
}
