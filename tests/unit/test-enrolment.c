/* test-enrolment.c
 *
 * The rules of the records behind a settlement: closed months (on the
 * desk and in the server's hook), refunds, the package's window, the
 * price list and bad input.
 */

#define G_LOG_DOMAIN "test-enrolment"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cl-enrolment-store.h"
#include "cl-money.h"
#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-store-private.h"
#include "cl-store.h"
#include "cl-test-settlement.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* CARELINE_TODAY is 2026-11-23 in the test environment (meson). */

typedef CLTestStoreFixture Fixture;

/* The server's hook, over what the store holds now. */
static gboolean
server_check (CLStore   *store,
              CLRecord  *incoming,
              GError   **error)
{
  g_autoptr(CLRecord) current = cl_store_load_record (store, G_OBJECT_TYPE (incoming),
                                                      cl_record_get_id (incoming), NULL);

  return cl_enrolment_store_check_change (store, incoming, current, "u-finance", "finance", NULL, error);
}

static void
test_closed_month (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CLSettlement) before = NULL;
  g_autoptr(CLSettlement) after = NULL;
  g_autoptr(CLSettlement) november = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(CLEnrolment) late = NULL;
  g_autoptr(GPtrArray) settled = NULL;
  g_autofree char *p = NULL;
  g_autofree char *q = NULL;
  const CLSettlementLine *lines;
  gint64 n_enrolments, n_outbox;
  guint n;

  cl_test_settlement_make_october (f->store);
  before = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);

  /* Only finance (or an admin) closes, only a month that has ended. */
  g_assert_false (cl_enrolment_store_close_month (f->store, "2026-10", "case_manager", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_enrolment_store_close_month (f->store, "2026-11", "finance", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "has not ended"));
  g_clear_error (&error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM settlement_month"), ==, 0);

  g_assert_true (cl_enrolment_store_close_month (f->store, "2026-10", "finance", &error));
  g_assert_no_error (error);
  g_assert_true (cl_enrolment_store_month_is_closed (f->store, "2026-10"));
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM settlement_month WHERE closed = 1"), ==, 1);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT json_extract (snapshot, '$.payable_fen') FROM settlement_month"), ==, 3581620);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT json_array_length (snapshot, '$.lines') FROM settlement_month"), ==, 40);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM outbox WHERE tbl = 'settlement_month'"), ==, 1);

  /* Closing again is refused. */
  g_assert_false (cl_enrolment_store_close_month (f->store, "2026-10", "finance", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already closed"));
  g_clear_error (&error);

  /* A new payment dated in the closed month: a clear reason, nothing
   * written. */
  n_enrolments = cl_test_store_count (f->store, "SELECT count(*) FROM enrolment");
  n_outbox = cl_store_count_outbox (f->store);
  p = cl_test_settlement_add_patient (f->store, "周丽", "2026-10-20", 70);
  n_outbox = cl_store_count_outbox (f->store);
  late = cl_test_settlement_new_enrolment (p, CL_TEST_PACKAGE_WHOLE, "2026-10-20", 298000);
  g_assert_false (cl_enrolment_store_save (f->store, late, "case_manager", &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Oct 2026 is a settlement month that finance has closed; "
                   "a closed month cannot change. Nothing was saved.");
  g_assert_true (g_hash_table_contains (field_errors, "paid_date"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM enrolment"), ==, n_enrolments);
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, n_outbox);

  /* Nor may a settled payment be changed, nor a deduction or a rate be
   * dated in the closed month. */
  settled = cl_store_query_records (f->store, CL_TYPE_ENROLMENT,
                                    "paid_date = '2026-10-02' AND deleted = 0", NULL);
  g_assert_cmpuint (settled->len, >=, 1);
  cl_enrolment_set_paid_fen (g_ptr_array_index (settled, 0), 288000);
  g_assert_false (cl_enrolment_store_save (f->store, g_ptr_array_index (settled, 0), "case_manager", NULL, &error));
  g_assert_nonnull (strstr (error->message, "settled in the closed month Oct 2026"));
  g_clear_error (&error);
  {
    g_autoptr(CLDeduction) d = cl_deduction_new ();
    g_autoptr(CLShareRate) r = cl_share_rate_new ();

    cl_deduction_set_date (d, "2026-10-31");
    cl_deduction_set_amount_fen (d, 100000);
    cl_deduction_set_reason (d, "巡检不合格");
    g_assert_false (cl_enrolment_store_save_deduction (f->store, d, "finance", &error));
    g_assert_nonnull (strstr (error->message, "closed"));
    g_clear_error (&error);

    cl_share_rate_set_effective_from (r, "2026-10-20");
    cl_share_rate_set_rate_bp (r, 4000);
    g_assert_false (cl_enrolment_store_save_rate (f->store, r, "finance", &error));
    g_assert_nonnull (strstr (error->message, "closed"));
    g_clear_error (&error);
  }
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, n_outbox);

  /* Deleting the deduction October settled is refused on the desk and
   * by the server alike. */
  {
    g_autoptr(GPtrArray) settled_deductions =
      cl_store_query_records (f->store, CL_TYPE_DEDUCTION, "date = '2026-10-15' AND deleted = 0", NULL);
    CLRecord *d;

    g_assert_cmpuint (settled_deductions->len, ==, 1);
    d = g_ptr_array_index (settled_deductions, 0);
    cl_record_set_deleted (d, TRUE);
    g_assert_false (cl_enrolment_store_save_deduction (f->store, CL_DEDUCTION (d), "finance", &error));
    g_assert_nonnull (strstr (error->message, "settled in the closed month Oct 2026"));
    g_clear_error (&error);
    g_assert_false (server_check (f->store, d, &error));
    g_assert_error (error, CL_ENROLMENT_ERROR, CL_ENROLMENT_ERROR_CLOSED);
    g_assert_nonnull (strstr (error->message, "settled in the closed month Oct 2026"));
    g_clear_error (&error);
  }
  g_assert_cmpint (cl_store_count_outbox (f->store), ==, n_outbox);

  /* The server refuses a change to the closed month, to what it
   * settled, and a new entry dated in it. */
  {
    g_autoptr(GPtrArray) months = cl_store_query_records (f->store, CL_TYPE_SETTLEMENT_MONTH, NULL, NULL);
    CLSettlementMonth *m = g_ptr_array_index (months, 0);

    cl_settlement_month_set_snapshot (m, "{}");
    g_assert_false (server_check (f->store, CL_RECORD (m), &error));
    g_assert_error (error, CL_ENROLMENT_ERROR, CL_ENROLMENT_ERROR_CLOSED);
    g_assert_nonnull (strstr (error->message, "already closed"));
    g_clear_error (&error);
    g_assert_false (server_check (f->store, g_ptr_array_index (settled, 0), &error));
    g_assert_nonnull (strstr (error->message, "settled in the closed month"));
    g_clear_error (&error);
    g_assert_false (server_check (f->store, CL_RECORD (late), &error));
    g_assert_nonnull (strstr (error->message, "a settlement month that finance has closed"));
    g_clear_error (&error);
  }

  /* A payment of 28 October that the server took before the close but
   * this (closing) desk had not yet pulled reaches it afterwards:
   * October stays as closed, and the payment is booked into November
   * as an adjustment line. */
  q = cl_test_settlement_add_patient (f->store, "吴秀英", "2026-10-28", 200);
  {
    g_autoptr(CLEnrolment) synced = cl_test_settlement_new_enrolment (q, CL_TEST_PACKAGE_LATE, "2026-10-28", 128000);

    g_assert_true (cl_store_begin (f->store, NULL));
    g_assert_true (cl_store_write_record (f->store, CL_RECORD (synced), CL_WRITE_FROM_SERVER, &error));
    g_assert_no_error (error);
    g_assert_true (cl_store_commit (f->store, NULL));
  }

  after = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_true (cl_settlement_get_closed (after));
  g_assert_cmpint (cl_settlement_get_gross_fen (after), ==, cl_settlement_get_gross_fen (before));
  g_assert_cmpint (cl_settlement_get_payable_fen (after), ==, 3581620);
  cl_settlement_get_lines (after, &n);
  g_assert_cmpuint (n, ==, 40);

  november = cl_enrolment_store_settlement (f->store, "2026-11", &error);
  g_assert_no_error (error);
  lines = cl_settlement_get_lines (november, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (lines[0].adjustment_of, ==, "2026-10");
  g_assert_cmpstr (lines[0].date, ==, "2026-10-28");
  g_assert_cmpstr (lines[0].name, ==, "吴*英");
  g_assert_cmpstr (lines[0].package, ==, "孕晚期");
  /* 1 280.00 × 35.25 % = 451.20 */
  g_assert_cmpint (lines[0].share_fen, ==, 45120);
  g_assert_cmpint (cl_settlement_get_payable_fen (november), ==, 45120);
  {
    g_autofree char *kind = cl_settlement_line_describe_kind (&lines[0]);
    const CLSettlementHistory *history;
    guint n_history;

    g_assert_cmpstr (kind, ==, "Payment (late, for Oct 2026)");
    history = cl_settlement_get_history (november, &n_history);
    g_assert_cmpstr (history[n_history - 2].month, ==, "2026-10");
    g_assert_true (history[n_history - 2].closed);
    g_assert_cmpint (history[n_history - 2].payable_fen, ==, 3581620);
  }
}

static void
test_refund_larger (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autofree char *p = cl_test_settlement_add_patient (f->store, "刘丽", "2026-10-05", 70);
  g_autoptr(CLEnrolment) e = cl_test_settlement_new_enrolment (p, CL_TEST_PACKAGE_WHOLE, "2026-10-05", 298000);
  gint64 n_outbox;

  cl_test_settlement_save (f->store, e, "case_manager");
  n_outbox = cl_store_count_outbox (f->store);

  cl_enrolment_set_status (e, "cancelled");
  cl_enrolment_set_cancel_date (e, "2026-10-08");
  cl_enrolment_set_refund_fen (e, 298001);
  g_assert_false (cl_enrolment_store_save (f->store, e, "case_manager", &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The refund (2,980.01) cannot be more than the payment (2,980.00)");
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "refund_fen"), ==, error->message);
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  /* A negative amount, a refund without cancelling, a refund dated
   * before the payment. */
  cl_enrolment_set_refund_fen (e, -5);
  g_assert_false (cl_enrolment_store_save (f->store, e, "case_manager", NULL, &error));
  g_assert_cmpstr (error->message, ==, "An amount cannot be negative");
  g_clear_error (&error);

  cl_enrolment_set_refund_fen (e, 1000);
  cl_enrolment_set_status (e, "active");
  cl_enrolment_set_cancel_date (e, NULL);
  g_assert_false (cl_enrolment_store_save (f->store, e, "case_manager", NULL, &error));
  g_assert_cmpstr (error->message, ==, "A refund is recorded by cancelling the enrolment");
  g_clear_error (&error);

  cl_enrolment_set_status (e, "cancelled");
  cl_enrolment_set_cancel_date (e, "2026-10-01");
  g_assert_false (cl_enrolment_store_save (f->store, e, "case_manager", NULL, &error));
  g_assert_cmpstr (error->message, ==, "The refund is dated before the payment");
  g_clear_error (&error);

  g_assert_cmpint (cl_store_count_outbox (f->store), ==, n_outbox);

  /* The full refund is fine. */
  cl_enrolment_set_cancel_date (e, "2026-10-08");
  cl_enrolment_set_refund_fen (e, 298000);
  cl_test_settlement_save (f->store, e, "case_manager");
}

static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  /* 20+0 weeks on the agreement date: mid-pregnancy, not whole */
  g_autofree char *p = cl_test_settlement_add_patient (f->store, "黄静怡", "2026-10-05", 140);
  g_autoptr(CLEnrolment) e = cl_test_settlement_new_enrolment (p, CL_TEST_PACKAGE_WHOLE, "2026-10-05", 298000);
  g_autoptr(CLEnrolment) mid = cl_test_settlement_new_enrolment (p, CL_TEST_PACKAGE_MID, "2026-10-05", 198000);
  gint64 n_enrolments = cl_test_store_count (f->store, "SELECT count(*) FROM enrolment");

  g_assert_false (cl_enrolment_store_save (f->store, e, "case_manager", &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "On the agreement date she is at 20+0 wk, outside the window of Whole Pregnancy "
                   "(6+0–13+6 wk). An administrator may enrol her with a reason.");
  g_assert_true (g_hash_table_contains (field_errors, "package_id"));
  g_clear_error (&error);

  /* A reason is not enough from a case manager, */
  cl_enrolment_set_override_reason (e, "院长批准，特殊照护");
  g_assert_false (cl_enrolment_store_save (f->store, e, "case_manager", NULL, &error));
  g_assert_cmpstr (error->message, ==, "Only an administrator may enrol a patient outside the package’s window");
  g_clear_error (&error);
  /* an administrator without a reason neither, */
  cl_enrolment_set_override_reason (e, "");
  g_assert_false (cl_enrolment_store_save (f->store, e, "admin", NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM enrolment"), ==, n_enrolments);
  /* roles that may not write enrolments at all, */
  g_assert_false (cl_enrolment_store_save (f->store, mid, "finance", NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* but an administrator with a reason may, */
  cl_enrolment_set_override_reason (e, "院长批准，特殊照护");
  cl_test_settlement_save (f->store, e, "admin");
  /* and a later save by the case manager (cancelling) is not refused
   * again for the window. */
  cl_enrolment_set_status (e, "cancelled");
  cl_enrolment_set_cancel_date (e, "2026-10-06");
  cl_test_settlement_save (f->store, e, "case_manager");

  /* The package that fits needs no override. */
  cl_test_settlement_save (f->store, mid, "case_manager");
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM enrolment"), ==, n_enrolments + 2);
}

static void
test_packages (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) packages = cl_enrolment_store_list_packages (f->store, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(CLPackage) whole = NULL;
  g_autofree char *p = cl_test_settlement_add_patient (f->store, "孙丽", "2026-10-05", 70);
  g_autofree char *q = cl_test_settlement_add_patient (f->store, "朱雪", "2026-11-02", 70);
  g_autoptr(CLEnrolment) first = cl_test_settlement_new_enrolment (p, CL_TEST_PACKAGE_WHOLE, "2026-10-05", 298000);
  g_autoptr(CLEnrolment) second = cl_test_settlement_new_enrolment (q, CL_TEST_PACKAGE_WHOLE, "2026-11-02", 328000);
  g_autoptr(CLEnrolment) reloaded = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_cmpuint (packages->len, ==, 3);
  whole = g_object_ref (g_ptr_array_index (packages, 0));
  g_assert_cmpstr (cl_package_get_name (whole), ==, "全孕期");
  g_assert_cmpint (cl_package_get_price_fen (whole), ==, 298000);
  g_assert_cmpint (cl_package_get_enrol_from_day (whole), ==, 42);
  g_assert_cmpint (cl_package_get_enrol_to_day (whole), ==, 97);
  g_assert_cmpstr (cl_package_get_name (g_ptr_array_index (packages, 1)), ==, "孕中期");
  g_assert_cmpstr (cl_package_get_name (g_ptr_array_index (packages, 2)), ==, "孕晚期");
  g_assert_true (json_parser_load_from_data (parser, cl_package_get_services (whole), -1, NULL));
  /* Eight services, and the gift pack of schema 15. */
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 9);

  cl_test_settlement_save (f->store, first, "case_manager");
  g_assert_cmpint (cl_enrolment_get_price_fen (first), ==, 298000);

  /* Only an administrator edits packages, and bad values are refused. */
  cl_package_set_price_fen (whole, 328000);
  g_assert_false (cl_enrolment_store_save_package (f->store, whole, "case_manager", NULL, &error));
  g_clear_error (&error);
  cl_package_set_price_fen (whole, -1);
  g_assert_false (cl_enrolment_store_save_package (f->store, whole, "admin", &field_errors, &error));
  g_assert_cmpstr (g_hash_table_lookup (field_errors, "price_fen"), ==, "An amount cannot be negative");
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);
  cl_package_set_price_fen (whole, 328000);
  cl_package_set_services (whole, "[{\"code\":\"x\"}]");
  g_assert_false (cl_enrolment_store_save_package (f->store, whole, "admin", &field_errors, &error));
  g_assert_true (g_hash_table_contains (field_errors, "services"));
  g_clear_error (&error);
  g_clear_pointer (&field_errors, g_hash_table_unref);

  /* Each service row, the name and the window have their own message;
   * nothing is written while any is wrong. */
  {
    g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_package_service_free);
    g_autoptr(GPtrArray) back = NULL;
    gint64 n_changes = cl_store_count_outbox (f->store);

    g_ptr_array_add (services, cl_package_service_new ("escort", "产检陪诊", 12));
    g_ptr_array_add (services, cl_package_service_new ("", "  ", 1));
    g_ptr_array_add (services, cl_package_service_new ("", "心理咨询", 0));
    cl_package_set_service_list (whole, services);
    cl_package_set_name (whole, " ");
    cl_package_set_enrol_from_day (whole, 98);
    cl_package_set_enrol_to_day (whole, 84);
    g_assert_false (cl_enrolment_store_save_package (f->store, whole, "admin", &field_errors, &error));
    g_assert_cmpstr (g_hash_table_lookup (field_errors, "name"), ==, "Enter the package’s name");
    g_assert_cmpstr (g_hash_table_lookup (field_errors, "enrol_to_day"), ==, "The window ends before it starts");
    g_assert_false (g_hash_table_contains (field_errors, "services.0"));
    g_assert_cmpstr (g_hash_table_lookup (field_errors, "services.1"), ==, "Enter the service’s name");
    g_assert_cmpstr (g_hash_table_lookup (field_errors, "services.2"), ==, "The quantity is a whole number from 1 to 999");
    g_assert_cmpint (cl_store_count_outbox (f->store), ==, n_changes);
    g_clear_error (&error);
    g_clear_pointer (&field_errors, g_hash_table_unref);

    back = cl_package_dup_service_list (whole);
    g_assert_cmpuint (back->len, ==, 3);
    g_assert_cmpstr (((CLPackageService *) back->pdata[0])->code, ==, "escort");
    g_assert_cmpstr (((CLPackageService *) back->pdata[0])->name, ==, "产检陪诊");
    g_assert_cmpint (((CLPackageService *) back->pdata[0])->quantity, ==, 12);
    cl_package_set_name (whole, "全孕期");
    cl_package_set_enrol_from_day (whole, 42);
    cl_package_set_enrol_to_day (whole, 97);
  }

  cl_package_set_services (whole, "[{\"code\":\"nutrition-breakfast\",\"name\":\"营养早餐\",\"quantity\":2}]");
  g_assert_true (cl_enrolment_store_save_package (f->store, whole, "admin", NULL, &error));
  g_assert_no_error (error);

  /* The price change applies to new enrolments only. */
  cl_test_settlement_save (f->store, second, "case_manager");
  g_assert_cmpint (cl_enrolment_get_price_fen (second), ==, 328000);
  reloaded = (CLEnrolment *) cl_store_load_record (f->store, CL_TYPE_ENROLMENT,
                                                   cl_record_get_id (CL_RECORD (first)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_enrolment_get_price_fen (reloaded), ==, 298000);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CLShareRate) rate = cl_share_rate_new ();
  g_autoptr(CLDeduction) d = cl_deduction_new ();
  gint64 n_outbox = cl_store_count_outbox (f->store);

  cl_share_rate_set_effective_from (rate, "2026-11-01");
  cl_share_rate_set_rate_bp (rate, 10001);
  g_assert_false (cl_enrolment_store_save_rate (f->store, rate, "finance", &error));
  g_assert_cmpstr (error->message, ==, "A rate cannot be more than 100 %");
  g_clear_error (&error);
  cl_share_rate_set_rate_bp (rate, 3525);
  g_assert_false (cl_enrolment_store_save_rate (f->store, rate, "case_manager", &error));
  g_clear_error (&error);

  cl_deduction_set_date (d, "2026-11-02");
  cl_deduction_set_amount_fen (d, -200000);
  cl_deduction_set_reason (d, "投诉");
  g_assert_false (cl_enrolment_store_save_deduction (f->store, d, "finance", &error));
  g_assert_cmpstr (error->message, ==, "An amount cannot be negative");
  g_clear_error (&error);
  cl_deduction_set_amount_fen (d, 200000);
  cl_deduction_set_reason (d, " ");
  g_assert_false (cl_enrolment_store_save_deduction (f->store, d, "finance", &error));
  g_assert_cmpstr (error->message, ==, "Enter the reason for the deduction");
  g_clear_error (&error);

  g_assert_cmpint (cl_store_count_outbox (f->store), ==, n_outbox);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM share_rate"), ==, 0);
  g_assert_cmpint (cl_test_store_count (f->store, "SELECT count(*) FROM deduction"), ==, 0);

  g_assert_null (cl_enrolment_store_settlement (f->store, "2026-13", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  cl_test_store_add ("/settlement/closed-month", test_closed_month);
  cl_test_store_add ("/settlement/refund-larger", test_refund_larger);
  cl_test_store_add ("/settlement/window", test_window);
  cl_test_store_add ("/settlement/packages", test_packages);
  cl_test_store_add ("/settlement/bad-input", test_bad_input);

  return g_test_run ();
}
