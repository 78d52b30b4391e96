#define G_LOG_DOMAIN "test-settlement"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cl-enrolment-store.h"
#include "cl-money.h"
#include "cl-patient.h"
#include "cl-pregnancy.h"
#include "cl-store.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* The default packages are seeded by the migration with fixed ids. */
#define WHOLE_ID "5e1d0a52-6b1f-4c38-9d2e-2f8a00000001"
#define MID_ID   "5e1d0a52-6b1f-4c38-9d2e-2f8a00000002"
#define LATE_ID  "5e1d0a52-6b1f-4c38-9d2e-2f8a00000003"

/* CARELINE_TODAY is 2026-11-23 in the test environment (meson). */

typedef struct
{
  char    *dir;
  CLStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cl_test_make_tmp_dir ("settlement");
  f->store = cl_test_store_open (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static const char *surnames[] = { "张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
static const char *given[] = { "小梅", "秀英", "丽", "晓燕", "静怡", "雪" };

/* A patient with a dated pregnancy: @ga_days gestational days on
 * @on_date. */
static char *
add_patient (CLStore    *store,
             const char *name,
             const char *on_date,
             gint        ga_days)
{
  g_autoptr(CLPatient) patient = cl_patient_new ();
  g_autoptr(CLPregnancy) pregnancy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lmp = NULL;
  g_autofree char *edd = NULL;
  GDate d;

  cl_patient_set_name (patient, name);
  cl_patient_set_phone (patient, "13800138000");
  g_assert_true (cl_store_save_record (store, CL_RECORD (patient), &error));
  g_assert_no_error (error);

  g_assert_true (g_date_valid_dmy (1, 1, 2026));
  g_date_set_parse (&d, on_date);
  g_assert_true (g_date_valid (&d));
  g_date_subtract_days (&d, ga_days);
  lmp = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
  g_date_add_days (&d, 280);
  edd = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));

  pregnancy = cl_pregnancy_new (cl_record_get_id (CL_RECORD (patient)));
  cl_pregnancy_set_lmp (pregnancy, lmp);
  g_object_set (pregnancy, "edd", edd, NULL);
  g_assert_true (cl_store_save_record (store, CL_RECORD (pregnancy), &error));
  g_assert_no_error (error);

  return g_strdup (cl_record_get_id (CL_RECORD (patient)));
}

static CLEnrolment *
new_enrolment (const char *patient_id,
               const char *package_id,
               const char *date,
               gint64      paid_fen)
{
  CLEnrolment *e = cl_enrolment_new ();
  g_autofree char *receipt = g_strdup_printf ("R%s-%.8s", date, patient_id);

  cl_enrolment_set_patient_id (e, patient_id);
  cl_enrolment_set_package_id (e, package_id);
  cl_enrolment_set_agreement_date (e, date);
  cl_enrolment_set_explained_by (e, "健康管家 王芳");
  cl_enrolment_set_paid_date (e, date);
  cl_enrolment_set_paid_fen (e, paid_fen);
  cl_enrolment_set_receipt_no (e, receipt);
  return e;
}

static void
save_ok (CLStore     *store,
         CLEnrolment *e,
         const char  *role)
{
  g_autoptr(GError) error = NULL;

  cl_enrolment_store_save (store, e, role, NULL, &error);
  g_assert_no_error (error);
}

static void
add_rate (CLStore    *store,
          const char *from,
          gint        bp)
{
  g_autoptr(CLShareRate) rate = cl_share_rate_new ();
  g_autoptr(GError) error = NULL;

  cl_share_rate_set_effective_from (rate, from);
  cl_share_rate_set_rate_bp (rate, bp);
  g_assert_true (cl_enrolment_store_save_rate (store, rate, "finance", &error));
  g_assert_no_error (error);
}

static void
add_deduction (CLStore    *store,
               const char *date,
               gint64      fen,
               const char *reason)
{
  g_autoptr(CLDeduction) d = cl_deduction_new ();
  g_autoptr(GError) error = NULL;

  cl_deduction_set_date (d, date);
  cl_deduction_set_amount_fen (d, fen);
  cl_deduction_set_reason (d, reason);
  cl_deduction_set_reference (d, "XJ-2026-031");
  g_assert_true (cl_enrolment_store_save_deduction (store, d, "finance", &error));
  g_assert_no_error (error);
}

/* The example: 38 enrolments in the whole-pregnancy package at
 * 2 980.00 paid in October 2026, two of them cancelled and refunded in
 * full in October, rate 35.25 %, one deduction of 2 000.00. */
static void
make_october (CLStore *store)
{
  add_rate (store, "2026-01-01", 3525);
  for (guint i = 0; i < 38; i++)
    {
      g_autofree char *name = g_strconcat (surnames[i % G_N_ELEMENTS (surnames)],
                                           given[i % G_N_ELEMENTS (given)], NULL);
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", 1 + i % 28);
      g_autofree char *patient = add_patient (store, name, date, 70);
      g_autoptr(CLEnrolment) e = new_enrolment (patient, WHOLE_ID, date, 298000);

      save_ok (store, e, "case_manager");
      if (i == 3 || i == 17)
        {
          cl_enrolment_set_status (e, "cancelled");
          cl_enrolment_set_cancel_date (e, "2026-10-30");
          cl_enrolment_set_refund_fen (e, 298000);
          save_ok (store, e, "case_manager");
        }
    }
  add_deduction (store, "2026-10-15", 200000, "导诊台检查未整改");
}

static void
test_hand_worked (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLSettlement) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rates = NULL;
  const CLSettlementLine *lines;
  const CLSettlementSubtotal *subs;
  const CLSettlementHistory *history;
  guint n_lines, n_subs, n_history;

  make_october (f->store);
  s = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);

  /* By hand:
   *   gross     38 × 2 980.00                       = 113 240.00
   *   refunds    2 × 2 980.00                       =   5 960.00
   *   fee base  113 240.00 − 5 960.00               = 107 280.00
   *   one line  2 980.00 × 35.25 % = 1 050.45 (exact, no rounding)
   *   share     38 × 1 050.45 − 2 × 1 050.45
   *             = 39 917.10 − 2 100.90               =  37 816.20
   *             (the same as 107 280.00 × 35.25 %, as there is no
   *             rounding to disagree)
   *   deduction                                     =   2 000.00
   *   payable   37 816.20 − 2 000.00                =  35 816.20 */
  g_assert_cmpint (cl_settlement_get_gross_fen (s), ==, 11324000);
  g_assert_cmpint (cl_settlement_get_refunds_fen (s), ==, 596000);
  g_assert_cmpint (cl_settlement_get_fee_base_fen (s), ==, 10728000);
  g_assert_cmpint (cl_settlement_get_share_fen (s), ==, 3781620);
  g_assert_cmpint (cl_settlement_get_deductions_fen (s), ==, 200000);
  g_assert_cmpint (cl_settlement_get_payable_fen (s), ==, 3581620);

  lines = cl_settlement_get_lines (s, &n_lines);
  g_assert_cmpuint (n_lines, ==, 40);
  for (guint i = 0; i < n_lines; i++)
    {
      g_assert_cmpint (lines[i].rate_bp, ==, 3525);
      g_assert_cmpint (lines[i].share_fen, ==,
                       lines[i].kind == CL_SETTLEMENT_PAYMENT ? 105045 : -105045);
      g_assert_null (lines[i].adjustment_of);
      g_assert_cmpstr (lines[i].package, ==, "全孕期");
      /* masked: the middle character is a star */
      g_assert_nonnull (strstr (lines[i].name, "*"));
      g_assert_true (g_str_has_prefix (lines[i].date, "2026-10-"));
      if (i > 0)
        g_assert_cmpstr (lines[i - 1].date, <=, lines[i].date);
    }
  /* Sorted by date; the refunds on the 30th come last. */
  g_assert_cmpint (lines[n_lines - 1].kind, ==, CL_SETTLEMENT_REFUND);
  g_assert_cmpint (lines[n_lines - 1].amount_fen, ==, -298000);

  subs = cl_settlement_get_subtotals (s, &n_subs);
  g_assert_cmpuint (n_subs, ==, 1);
  g_assert_cmpuint (subs[0].n_payments, ==, 38);
  g_assert_cmpuint (subs[0].n_refunds, ==, 2);
  g_assert_cmpint (subs[0].gross_fen, ==, 11324000);
  g_assert_cmpint (subs[0].refunds_fen, ==, 596000);
  g_assert_cmpint (subs[0].share_fen, ==, 3781620);

  rates = cl_settlement_format_rates (s);
  g_assert_cmpstr (rates, ==, "35.25%");

  history = cl_settlement_get_history (s, &n_history);
  g_assert_cmpuint (n_history, ==, 12);
  g_assert_cmpstr (history[0].month, ==, "2025-11");
  g_assert_cmpstr (history[11].month, ==, "2026-10");
  g_assert_cmpint (history[11].payable_fen, ==, 3581620);
  g_assert_cmpint (history[10].gross_fen, ==, 0);
}

static void
test_name_mask (void)
{
  static const char *cases[][2] = {
    { "张小梅", "张*梅" },
    { "欧阳小梅", "欧**梅" },
    { "张梅", "张*" },
    { "梅", "*" },
    { "", "" },
    { " 王芳 ", "王*" },
    { "Anna", "A**a" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = cl_name_mask (cases[i][0]);

      g_assert_cmpstr (masked, ==, cases[i][1]);
    }
}

/* Statements built by hand: half-fen rounding per line, and the total
 * is the sum of the rounded lines, not the rounded total. */
static void
test_rounding_per_line (void)
{
  g_autoptr(CLSettlement) s = cl_settlement_new ("2026-10");

  /* 3 fen × 35.25 % = 1.0575 → 1, three times: 3 (not 9 × 0.3525 = 3.17 → 3
   * by chance); 1 fen × 50 % = 0.5 → 1 twice: 2 (not 2 × 0.5 = 1). */
  cl_settlement_add_line (s, CL_SETTLEMENT_PAYMENT, "p:a", "2026-10-01", "张小梅", "全孕期", NULL, 1, 5000, NULL);
  cl_settlement_add_line (s, CL_SETTLEMENT_PAYMENT, "p:b", "2026-10-02", "李秀英", "全孕期", NULL, 1, 5000, NULL);
  cl_settlement_add_line (s, CL_SETTLEMENT_PAYMENT, "p:c", "2026-10-03", "王丽", "孕中期", NULL, 3, 3525, NULL);
  cl_settlement_add_line (s, CL_SETTLEMENT_REFUND, "r:a", "2026-10-04", "张小梅", "全孕期", NULL, 1, 5000, NULL);
  cl_settlement_finish (s);

  g_assert_cmpint (cl_settlement_get_gross_fen (s), ==, 5);
  g_assert_cmpint (cl_settlement_get_refunds_fen (s), ==, 1);
  g_assert_cmpint (cl_settlement_get_fee_base_fen (s), ==, 4);
  /* 1 + 1 + 1 − 1: the refund mirrors its payment exactly */
  g_assert_cmpint (cl_settlement_get_share_fen (s), ==, 2);
  g_assert_cmpint (cl_settlement_get_payable_fen (s), ==, 2);
}

static void
test_rate_change (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLSettlement) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = add_patient (f->store, "陈静怡", "2026-10-10", 120);
  g_autofree char *b = add_patient (f->store, "杨晓燕", "2026-10-20", 120);
  g_autofree char *c = add_patient (f->store, "赵雪", "2026-10-12", 120);
  g_autoptr(CLEnrolment) ea = new_enrolment (a, MID_ID, "2026-10-10", 198000);
  g_autoptr(CLEnrolment) eb = new_enrolment (b, MID_ID, "2026-10-20", 198000);
  g_autoptr(CLEnrolment) ec = new_enrolment (c, MID_ID, "2026-10-12", 198000);
  g_autofree char *rates = NULL;
  const CLSettlementLine *lines;
  guint n;
  gint bp = 0;

  add_rate (f->store, "2026-01-01", 3525);
  add_rate (f->store, "2026-10-16", 3600);

  g_assert_true (cl_enrolment_store_rate_on (f->store, "2026-10-15", &bp, NULL));
  g_assert_cmpint (bp, ==, 3525);
  g_assert_true (cl_enrolment_store_rate_on (f->store, "2026-10-16", &bp, NULL));
  g_assert_cmpint (bp, ==, 3600);
  g_assert_false (cl_enrolment_store_rate_on (f->store, "2025-12-31", &bp, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  save_ok (f->store, ea, "case_manager");
  save_ok (f->store, eb, "case_manager");
  save_ok (f->store, ec, "case_manager");
  /* c paid on the 12th (35.25 %) is refunded on the 25th, after the
   * change: the refund is shared at its payment's rate. */
  cl_enrolment_set_status (ec, "cancelled");
  cl_enrolment_set_cancel_date (ec, "2026-10-25");
  cl_enrolment_set_refund_fen (ec, 198000);
  save_ok (f->store, ec, "case_manager");

  s = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);
  lines = cl_settlement_get_lines (s, &n);
  g_assert_cmpuint (n, ==, 4);
  /* 10th: 1 980.00 × 35.25 % = 697.95;  12th: the same;
   * 20th: 1 980.00 × 36.00 % = 712.80;  25th: −697.95 */
  g_assert_cmpstr (lines[0].date, ==, "2026-10-10");
  g_assert_cmpint (lines[0].rate_bp, ==, 3525);
  g_assert_cmpint (lines[0].share_fen, ==, 69795);
  g_assert_cmpint (lines[1].share_fen, ==, 69795);
  g_assert_cmpstr (lines[2].date, ==, "2026-10-20");
  g_assert_cmpint (lines[2].rate_bp, ==, 3600);
  g_assert_cmpint (lines[2].share_fen, ==, 71280);
  g_assert_cmpstr (lines[3].date, ==, "2026-10-25");
  g_assert_cmpint (lines[3].rate_bp, ==, 3525);
  g_assert_cmpint (lines[3].share_fen, ==, -69795);
  /* 697.95 + 697.95 + 712.80 − 697.95 = 1 410.75 */
  g_assert_cmpint (cl_settlement_get_share_fen (s), ==, 141075);
  g_assert_cmpint (cl_settlement_get_payable_fen (s), ==, 141075);
  rates = cl_settlement_format_rates (s);
  g_assert_cmpstr (rates, ==, "35.25% / 36.00%");
}

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

  make_october (f->store);
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
  p = add_patient (f->store, "周丽", "2026-10-20", 70);
  n_outbox = cl_store_count_outbox (f->store);
  late = new_enrolment (p, WHOLE_ID, "2026-10-20", 298000);
  g_assert_false (cl_enrolment_store_save (f->store, late, "case_manager", &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "2026-10-20 is in 2026-10, a settlement month that finance has closed; "
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
  g_assert_nonnull (strstr (error->message, "settled in the closed month 2026-10"));
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
  q = add_patient (f->store, "吴秀英", "2026-10-28", 200);
  {
    g_autoptr(CLEnrolment) synced = new_enrolment (q, LATE_ID, "2026-10-28", 128000);

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

    g_assert_cmpstr (kind, ==, "Payment (late, for 2026-10)");
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
  g_autofree char *p = add_patient (f->store, "刘丽", "2026-10-05", 70);
  g_autoptr(CLEnrolment) e = new_enrolment (p, WHOLE_ID, "2026-10-05", 298000);
  gint64 n_outbox;

  save_ok (f->store, e, "case_manager");
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
  save_ok (f->store, e, "case_manager");
}

static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  /* 20+0 weeks on the agreement date: mid-pregnancy, not whole */
  g_autofree char *p = add_patient (f->store, "黄静怡", "2026-10-05", 140);
  g_autoptr(CLEnrolment) e = new_enrolment (p, WHOLE_ID, "2026-10-05", 298000);
  g_autoptr(CLEnrolment) mid = new_enrolment (p, MID_ID, "2026-10-05", 198000);
  gint64 n_enrolments = cl_test_store_count (f->store, "SELECT count(*) FROM enrolment");

  g_assert_false (cl_enrolment_store_save (f->store, e, "case_manager", &field_errors, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "On the agreement date she is at 20+0 weeks, outside the window of 全孕期 "
                   "(6+0 to 13+6 weeks). An administrator may enrol her with a reason.");
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
  save_ok (f->store, e, "admin");
  /* and a later save by the case manager (cancelling) is not refused
   * again for the window. */
  cl_enrolment_set_status (e, "cancelled");
  cl_enrolment_set_cancel_date (e, "2026-10-06");
  save_ok (f->store, e, "case_manager");

  /* The package that fits needs no override. */
  save_ok (f->store, mid, "case_manager");
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
  g_autofree char *p = add_patient (f->store, "孙丽", "2026-10-05", 70);
  g_autofree char *q = add_patient (f->store, "朱雪", "2026-11-02", 70);
  g_autoptr(CLEnrolment) first = new_enrolment (p, WHOLE_ID, "2026-10-05", 298000);
  g_autoptr(CLEnrolment) second = new_enrolment (q, WHOLE_ID, "2026-11-02", 328000);
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
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 8);

  save_ok (f->store, first, "case_manager");
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
  save_ok (f->store, second, "case_manager");
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

static void
test_json_roundtrip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CLSettlement) s = NULL;
  g_autoptr(CLSettlement) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *o;
  JsonArray *lines;

  make_october (f->store);
  s = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  node = cl_settlement_to_json (s);
  back = cl_settlement_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_settlement_get_payable_fen (back), ==, 3581620);
  g_assert_cmpint (cl_settlement_get_fee_base_fen (back), ==, 10728000);

  /* A snapshot whose line share disagrees with the rule is damaged. */
  o = json_node_get_object (node);
  lines = json_object_get_array_member (o, "lines");
  json_object_set_int_member (json_array_get_object_element (lines, 0), "share_fen", 1);
  g_assert_null (cl_settlement_new_from_json (node, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(CLSettlement) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "october.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) rows = NULL;
  gsize length;

  make_october (f->store);
  s = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_true (cl_settlement_export_csv (s, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 3);
  g_assert_cmpint ((guchar) contents[0], ==, 0xEF);
  g_assert_cmpint ((guchar) contents[1], ==, 0xBB);
  g_assert_cmpint ((guchar) contents[2], ==, 0xBF);
  g_assert_true (g_utf8_validate (contents, length, NULL));

  rows = g_strsplit (contents + 3, "\r\n", -1);
  /* header + 40 lines + the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (rows), ==, 42);
  g_assert_cmpstr (rows[41], ==, "");
  g_assert_cmpstr (rows[0], ==, "Month,Date,Kind,Late for month,Patient,Package,Receipt number,Amount,Rate (%),Vendor share");
  g_assert_true (g_str_has_prefix (rows[1], "2026-10,2026-10-01,Payment,,"));
  g_assert_nonnull (strstr (rows[1], ",全孕期,R2026-10-01-"));
  g_assert_true (g_str_has_suffix (rows[1], ",2980.00,35.25,1050.45"));
  /* Chinese as it was, masked */
  g_assert_nonnull (strstr (contents, "\r\n2026-10,2026-10-01,Payment,,张*梅,全孕期,R2026-10-01-"));
  g_assert_true (g_str_has_suffix (rows[40], ",-2980.00,35.25,-1050.45"));
  g_assert_nonnull (strstr (rows[40], ",Refund,"));
}

static void
test_csv_quoting (void)
{
  g_autoptr(CLSettlement) s = cl_settlement_new ("2026-10");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  cl_settlement_add_line (s, CL_SETTLEMENT_PAYMENT, "p:1", "2026-10-01", "张小梅",
                          "全孕期 \"尊享\", 加强版", "A,1", 298000, 3525, NULL);
  cl_settlement_finish (s);
  g_assert_true (cl_settlement_write_csv (s, out, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_nonnull (strstr (text, "\r\n2026-10,2026-10-01,Payment,,张*梅,\"全孕期 \"\"尊享\"\", 加强版\",\"A,1\",2980.00,35.25,1050.45\r\n"));
}

/* The hospital's and vendor's names go on open months' statements and
 * stay with a closed month as it was closed. */
static void
test_parties (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *p = add_patient (f->store, "孙丽", "2026-10-05", 70);
  g_autoptr(CLEnrolment) e = new_enrolment (p, WHOLE_ID, "2026-10-05", 298000);
  g_autoptr(CLSettlement) open = NULL;
  g_autoptr(CLSettlement) closed = NULL;
  g_autoptr(GError) error = NULL;

  add_rate (f->store, "2026-01-01", 3525);
  save_ok (f->store, e, "case_manager");
  cl_enrolment_store_set_parties (f->store, "某市妇幼保健院", "某某健康管理有限公司");
  open = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_settlement_get_hospital (open), ==, "某市妇幼保健院");
  g_assert_cmpstr (cl_settlement_get_vendor (open), ==, "某某健康管理有限公司");

  g_assert_true (cl_enrolment_store_close_month (f->store, "2026-10", "finance", &error));
  g_assert_no_error (error);
  cl_enrolment_store_set_parties (f->store, "改名后的医院", NULL);
  closed = cl_enrolment_store_settlement (f->store, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_settlement_get_hospital (closed), ==, "某市妇幼保健院");
  g_assert_cmpstr (cl_settlement_get_vendor (closed), ==, "某某健康管理有限公司");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/settlement/parties", test_parties);
  ADD ("/settlement/hand-worked", test_hand_worked);
  g_test_add_func ("/settlement/name-mask", test_name_mask);
  g_test_add_func ("/settlement/rounding", test_rounding_per_line);
  ADD ("/settlement/rate-change", test_rate_change);
  ADD ("/settlement/closed-month", test_closed_month);
  ADD ("/settlement/refund-larger", test_refund_larger);
  ADD ("/settlement/window", test_window);
  ADD ("/settlement/packages", test_packages);
  ADD ("/settlement/bad-input", test_bad_input);
  ADD ("/settlement/json", test_json_roundtrip);
  ADD ("/settlement/csv", test_csv);
  g_test_add_func ("/settlement/csv-quoting", test_csv_quoting);

  return g_test_run ();
}
