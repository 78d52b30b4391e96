/* test-contracts.c
 *
 * Contracts (issue 17, §4): the shipped ones, the guide desk's fixed
 * monthly fee less deductions (never below zero), each contract's own
 * deductions and closed months, their rules on the desk and in the
 * server's hook, and the migration from the single contract there was.
 */

#define G_LOG_DOMAIN "test-contracts"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cl-contract-store.h"
#include "cl-enrolment-store.h"
#include "cl-statement-print.h"
#include "cl-store.h"
#include "cl-tables.h"
#include "cl-test-settlement.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* CARELINE_TODAY is 2026-11-23 in the test environment (meson). */

typedef CLTestStoreFixture Fixture;

#define GUIDE CL_CONTRACT_GUIDE_DESK_ID
#define OBSTETRIC CL_CONTRACT_OBSTETRIC_ID

static char *
settlement_json (CLSettlement *s)
{
  g_autoptr(JsonNode) node = cl_settlement_to_json (s);

  return json_to_string (node, FALSE);
}

static gboolean
server_check (CLStore   *store,
              CLRecord  *incoming,
              GError   **error)
{
  g_autoptr(CLRecord) current = cl_store_load_record (store, G_OBJECT_TYPE (incoming),
                                                      cl_record_get_id (incoming), NULL);

  return cl_tables_check_change (store, incoming, current, "u-finance", "finance", NULL, error);
}

static void
test_shipped (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) contracts = cl_contract_store_list (f->store, FALSE);
  CLContract *first, *second;

  g_assert_cmpuint (contracts->len, ==, 2);
  first = g_ptr_array_index (contracts, 0);
  second = g_ptr_array_index (contracts, 1);
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (first)), ==, OBSTETRIC);
  g_assert_cmpstr (cl_contract_get_kind (first), ==, CL_CONTRACT_SHARE_OF_FEES);
  g_assert_false (cl_contract_is_fixed_fee (first));
  g_assert_cmpstr (cl_record_get_id (CL_RECORD (second)), ==, GUIDE);
  g_assert_true (cl_contract_is_fixed_fee (second));
  /* Seeded like the packages: no outbox, rev 0, the same everywhere. */
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox WHERE tbl = 'contract'"), ==, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT max(rev) FROM contract"), ==, 0);
}

static void
test_fixed_fee (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CLSettlement) guide = NULL;
  g_autoptr(CLSettlement) obstetric = NULL;
  g_autoptr(CLSettlement) september = NULL;
  g_autoptr(GError) error = NULL;
  const CLSettlementDeduction *deductions;
  guint n_lines = 99, n;

  cl_test_settlement_make_october (f->store);
  /* No fee yet: the statement says so. */
  g_assert_null (cl_contract_store_settlement (f->store, GUIDE, "2026-10", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "No monthly fee"));
  g_clear_error (&error);

  cl_test_settlement_add_fee (f->store, GUIDE, "2026-01-01", 4500000);
  cl_test_settlement_add_fee (f->store, GUIDE, "2026-10-01", 5000000);
  cl_test_settlement_add_contract_deduction (f->store, GUIDE, "2026-10-09", 100000, "巡查不合格（配合不力）", "XJ-2026-041");
  cl_test_settlement_add_contract_deduction (f->store, GUIDE, "2026-10-28", 200000, "整改逾期", "XJ-2026-044");

  guide = cl_contract_store_settlement (f->store, GUIDE, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_true (cl_settlement_is_fixed_fee (guide));
  g_assert_cmpint (cl_settlement_get_fee_fen (guide), ==, 5000000);
  g_assert_cmpint (cl_settlement_get_deductions_fen (guide), ==, 300000);
  g_assert_cmpint (cl_settlement_get_payable_fen (guide), ==, 4700000);
  g_assert_false (cl_settlement_get_deductions_exceed_fee (guide));
  cl_settlement_get_lines (guide, &n_lines);
  g_assert_cmpuint (n_lines, ==, 0);
  deductions = cl_settlement_get_deductions (guide, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (deductions[0].reference, ==, "XJ-2026-041");
  g_assert_cmpstr (deductions[1].reference, ==, "XJ-2026-044");

  /* The fee in force on the month's first day. */
  september = cl_contract_store_settlement (f->store, GUIDE, "2026-09", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_settlement_get_payable_fen (september), ==, 4500000);

  /* The obstetric statement has its own deduction only. */
  obstetric = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_false (cl_settlement_is_fixed_fee (obstetric));
  g_assert_cmpint (cl_settlement_get_deductions_fen (obstetric), ==, 200000);
  g_assert_cmpint (cl_settlement_get_payable_fen (obstetric), ==, 3581620);
}

static void
test_never_below_zero (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CLSettlement) s = NULL;
  g_autoptr(CLSettlement) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  cl_test_settlement_add_fee (f->store, GUIDE, "2026-10-01", 150000);
  cl_test_settlement_add_contract_deduction (f->store, GUIDE, "2026-10-09", 100000, "巡查不合格（配合不力）", "XJ-1");
  cl_test_settlement_add_contract_deduction (f->store, GUIDE, "2026-10-20", 200000, "整改逾期", "XJ-2");
  s = cl_contract_store_settlement (f->store, GUIDE, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_settlement_get_deductions_fen (s), ==, 300000);
  g_assert_cmpint (cl_settlement_get_payable_fen (s), ==, 0);
  g_assert_true (cl_settlement_get_deductions_exceed_fee (s));

  /* The JSON round trip keeps the kind and the fee. */
  node = cl_settlement_to_json (s);
  back = cl_settlement_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (cl_settlement_is_fixed_fee (back));
  g_assert_cmpint (cl_settlement_get_fee_fen (back), ==, 150000);
  g_assert_cmpint (cl_settlement_get_payable_fen (back), ==, 0);

  /* The printed statement says why nothing is payable. */
  {
    g_autofree char *path = g_build_filename (f->dir, "guide.pdf", NULL);
    g_autofree char *text = NULL;

    g_assert_true (cl_statement_export_pdf (s, path, &error));
    g_assert_no_error (error);
    text = cl_test_pdf_text (path, 0, 0);
    cl_test_assert_contains (text, "Monthly Management Fee Statement");
    cl_test_assert_contains (text, "1,500.00");
    cl_test_assert_contains (text, "3,000.00");
    cl_test_assert_contains (text, "XJ-2");
    cl_test_assert_contains (text, "the amount payable is zero");
  }
}

static void
test_closed_per_contract (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CLSettlement) before = NULL;
  g_autoptr(CLSettlement) after = NULL;
  g_autoptr(CLDeduction) late = cl_deduction_new ();
  g_autoptr(CLDeduction) obstetric = cl_deduction_new ();
  g_autoptr(CLShareRate) fee = cl_share_rate_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  cl_test_settlement_make_october (f->store);
  cl_test_settlement_add_fee (f->store, GUIDE, "2026-01-01", 5000000);
  cl_test_settlement_add_contract_deduction (f->store, GUIDE, "2026-10-09", 100000, "巡查不合格（配合不力）", "XJ-2026-041");
  before = cl_contract_store_settlement (f->store, GUIDE, "2026-10", &error);
  g_assert_no_error (error);

  g_assert_true (cl_contract_store_close_month (f->store, GUIDE, "2026-10", "finance", &error));
  g_assert_no_error (error);
  g_assert_true (cl_contract_store_month_is_closed (f->store, GUIDE, "2026-10"));
  /* The obstetric October is still open. */
  g_assert_false (cl_enrolment_store_month_is_closed (f->store, "2026-10"));
  g_assert_false (cl_contract_store_close_month (f->store, GUIDE, "2026-10", "finance", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = cl_contract_store_settlement (f->store, GUIDE, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_true (cl_settlement_get_closed (after));
  a = settlement_json (before);
  b = settlement_json (after);
  g_assert_cmpstr (a, ==, b);

  /* A guide-desk deduction in its closed October is refused on the
   * desk and in the server's hook; an obstetric one is not. */
  cl_deduction_set_contract_id (late, GUIDE);
  cl_deduction_set_date (late, "2026-10-30");
  cl_deduction_set_amount_fen (late, 50000);
  cl_deduction_set_reason (late, "投诉");
  g_assert_false (cl_enrolment_store_save_deduction (f->store, late, "finance", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (server_check (f->store, CL_RECORD (late), &error));
  g_assert_error (error, CL_ENROLMENT_ERROR, CL_ENROLMENT_ERROR_CLOSED);
  g_clear_error (&error);

  cl_deduction_set_date (obstetric, "2026-10-30");
  cl_deduction_set_amount_fen (obstetric, 50000);
  cl_deduction_set_reason (obstetric, "投诉");
  g_assert_true (server_check (f->store, CL_RECORD (obstetric), &error));
  g_assert_no_error (error);
  g_assert_true (cl_enrolment_store_save_deduction (f->store, obstetric, "finance", &error));
  g_assert_no_error (error);

  /* A fee from the closed month is refused; from the next, accepted. */
  cl_share_rate_set_contract_id (fee, GUIDE);
  cl_share_rate_set_effective_from (fee, "2026-10-01");
  cl_share_rate_set_fee_fen (fee, 6000000);
  g_assert_false (cl_enrolment_store_save_rate (f->store, fee, "finance", &error));
  g_clear_error (&error);
  cl_share_rate_set_effective_from (fee, "2026-11-01");
  g_assert_true (cl_enrolment_store_save_rate (f->store, fee, "finance", &error));
  g_assert_no_error (error);

  /* Closing the obstetric October is its own. */
  g_assert_true (cl_enrolment_store_close_month (f->store, "2026-10", "finance", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM settlement_month WHERE closed = 1"), ==, 2);
}

static void
expect_rate_refused (CLStore    *store,
                     const char *contract_id,
                     const char *from,
                     gint        bp,
                     gint64      fee_fen,
                     const char *field)
{
  g_autoptr(CLShareRate) rate = cl_share_rate_new ();
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;

  cl_share_rate_set_contract_id (rate, contract_id);
  cl_share_rate_set_effective_from (rate, from);
  cl_share_rate_set_rate_bp (rate, bp);
  cl_share_rate_set_fee_fen (rate, fee_fen);
  cl_enrolment_store_validate_rate (store, rate, errors);
  g_assert_true (g_hash_table_contains (errors, field));
  g_assert_false (cl_enrolment_store_save_rate (store, rate, "finance", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CLContract) contract = cl_contract_new ();
  g_autoptr(CLContract) guide = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CLDeduction) d = cl_deduction_new ();

  expect_rate_refused (f->store, GUIDE, "2026-10-01", 0, -1, "fee_fen");
  expect_rate_refused (f->store, GUIDE, "2026-10-15", 0, 100000, "effective_from");
  expect_rate_refused (f->store, GUIDE, "2026-10-01", 3525, 100000, "rate_bp");
  expect_rate_refused (f->store, OBSTETRIC, "2026-10-01", 10001, 0, "rate_bp");
  expect_rate_refused (f->store, OBSTETRIC, "2026-10-01", 3525, 100000, "fee_fen");
  expect_rate_refused (f->store, "e1000000-0000-0000-0000-000000000f01", "2026-10-01", 3525, 0, "contract_id");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM share_rate"), ==, 0);

  /* A contract: a title and a known kind; admin only. */
  cl_contract_set_kind (contract, "per_visit");
  g_assert_false (cl_contract_store_save (f->store, contract, "admin", &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "kind"));
  g_assert_true (g_hash_table_contains (field_errors, "title"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);
  cl_contract_set_kind (contract, CL_CONTRACT_FIXED_MONTHLY_FEE);
  cl_contract_set_title (contract, "  保洁服务 ");
  g_assert_false (cl_contract_store_save (f->store, contract, "finance", NULL, &error));
  g_clear_error (&error);
  g_assert_true (cl_contract_store_save (f->store, contract, "admin", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cl_contract_get_title (contract), ==, "保洁服务");

  /* Once a month of it is closed, its kind stays. */
  cl_test_settlement_add_fee (f->store, GUIDE, "2026-01-01", 5000000);
  g_assert_true (cl_contract_store_close_month (f->store, GUIDE, "2026-10", "finance", &error));
  g_assert_no_error (error);
  guide = cl_contract_store_load (f->store, GUIDE);
  cl_contract_set_vendor (guide, "厦门某物业服务有限公司");
  g_assert_true (cl_contract_store_save (f->store, guide, "admin", NULL, &error));
  g_assert_no_error (error);
  /* The package fees are the obstetric contract's alone. */
  cl_contract_set_kind (guide, CL_CONTRACT_SHARE_OF_FEES);
  g_assert_false (cl_contract_store_save (f->store, guide, "admin", &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "kind"), ==,
                   "Only the obstetric contract is paid a share of the package fees");
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);
  {
    g_autoptr(CLContract) obstetric = NULL;

    cl_test_settlement_add_rate (f->store, "2026-01-01", 3525);
    g_assert_true (cl_enrolment_store_close_month (f->store, "2026-09", "finance", &error));
    g_assert_no_error (error);
    obstetric = cl_contract_store_load (f->store, OBSTETRIC);
    cl_contract_set_kind (obstetric, CL_CONTRACT_FIXED_MONTHLY_FEE);
    g_assert_false (cl_contract_store_save (f->store, obstetric, "admin", &field_errors, &error));
    g_assert_cmpstr (g_hash_table_lookup (field_errors, "kind"), ==,
                     "This contract has closed months: how it is paid can no longer change");
    g_clear_error (&error);
  }

  /* A deduction of no contract is refused. */
  cl_deduction_set_contract_id (d, "e1000000-0000-0000-0000-000000000f02");
  cl_deduction_set_date (d, "2026-11-02");
  cl_deduction_set_amount_fen (d, 100);
  cl_deduction_set_reason (d, "投诉");
  g_assert_false (cl_enrolment_store_save_deduction (f->store, d, "finance", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
}

/* The migration from the single contract: a store at the schema before it, with
 * closed months, rates, deductions and enrolments becomes the obstetric
 * contract's, its closed statements byte for byte as they were and its
 * open ones computing the same. */
static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_strdup (cl_store_get_path (f->store));
  g_autofree char *snapshot_before = NULL;
  g_autofree char *snapshot_after = NULL;
  g_autofree char *october_before = NULL;
  g_autofree char *october_after = NULL;
  g_autofree char *november_before = NULL;
  g_autofree char *november_after = NULL;
  g_autoptr(CLSettlement) october = NULL;
  g_autoptr(CLSettlement) november = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *p = NULL;
  g_autoptr(CLEnrolment) e = NULL;
  gint64 n_rates, n_deductions, n_enrolments, n_months;

  /* October closed, November open with a payment and a deduction. */
  cl_test_settlement_make_october (f->store);
  cl_test_settlement_add_rate (f->store, "2026-11-10", 3600);
  p = cl_test_settlement_add_patient (f->store, "林晓燕", "2026-11-12", 70);
  e = cl_test_settlement_new_enrolment (p, CL_TEST_PACKAGE_WHOLE, "2026-11-12", 298000);
  cl_test_settlement_save (f->store, e, "case_manager");
  g_assert_true (cl_enrolment_store_close_month (f->store, "2026-10", "finance", &error));
  g_assert_no_error (error);
  cl_test_settlement_add_deduction (f->store, "2026-11-05", 50000, "投诉");

  october = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);
  november = cl_enrolment_store_settlement (f->store, "2026-11", &error);
  g_assert_no_error (error);
  october_before = settlement_json (october);
  november_before = settlement_json (november);
  g_clear_object (&october);
  g_clear_object (&november);
  snapshot_before = cl_test_store_text (f->store, "SELECT snapshot FROM settlement_month");
  n_rates = cl_test_store_count (f->store, "SELECT count(*) FROM share_rate");
  n_deductions = cl_test_store_count (f->store, "SELECT count(*) FROM deduction");
  n_enrolments = cl_test_store_count (f->store, "SELECT count(*) FROM enrolment");
  n_months = cl_test_store_count (f->store, "SELECT count(*) FROM settlement_month");
  g_assert_cmpint (n_rates, ==, 2);
  g_assert_cmpint (n_months, ==, 1);

  g_clear_object (&f->store);
  cl_test_settlement_downgrade_to_single_contract (path);
  f->store = cl_test_store_open_file (path);

  g_assert_cmpint (cl_store_get_schema_version (f->store), ==, CL_SCHEMA_VERSION);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM contract"), ==, 2);
  /* Nothing lost, everything the obstetric contract's. */
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM share_rate"), ==, n_rates);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM deduction"), ==, n_deductions);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM enrolment"), ==, n_enrolments);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM settlement_month"), ==, n_months);
  g_assert_cmpint (cl_test_store_count (f->store,
                                        "SELECT (SELECT count(*) FROM share_rate WHERE contract_id = '" OBSTETRIC "')"
                                        " + (SELECT count(*) FROM deduction WHERE contract_id = '" OBSTETRIC "')"
                                        " + (SELECT count(*) FROM settlement_month WHERE contract_id = '" OBSTETRIC "')"),
                   ==, n_rates + n_deductions + n_months);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM share_rate WHERE fee_fen != 0"), ==, 0);

  snapshot_after = cl_test_store_text (f->store, "SELECT snapshot FROM settlement_month");
  g_assert_cmpstr (snapshot_after, ==, snapshot_before);
  october = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_true (cl_settlement_get_closed (october));
  november = cl_enrolment_store_settlement (f->store, "2026-11", &error);
  g_assert_no_error (error);
  october_after = settlement_json (october);
  november_after = settlement_json (november);
  g_assert_cmpstr (october_after, ==, october_before);
  g_assert_cmpstr (november_after, ==, november_before);
  g_assert_cmpint (cl_settlement_get_payable_fen (november), ==, 107280 - 50000);

  /* The closed October still refuses an obstetric change; the guide
   * desk's October is open. */
  g_assert_true (cl_enrolment_store_month_is_closed (f->store, "2026-10"));
  g_assert_false (cl_contract_store_month_is_closed (f->store, GUIDE, "2026-10"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  cl_test_store_add ("/contracts/shipped", test_shipped);
  cl_test_store_add ("/contracts/fixed-fee", test_fixed_fee);
  cl_test_store_add ("/contracts/never-below-zero", test_never_below_zero);
  cl_test_store_add ("/contracts/closed-per-contract", test_closed_per_contract);
  cl_test_store_add ("/contracts/rules", test_rules);
  cl_test_store_add ("/contracts/migration", test_migration);

  return g_test_run ();
}
