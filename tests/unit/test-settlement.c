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
#include "cl-test-settlement.h"
#include "cl-test-store.h"
#include "cl-test-util.h"

/* CARELINE_TODAY is 2026-11-23 in the test environment (meson). */

typedef CLTestStoreFixture Fixture;

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

  cl_test_settlement_make_october (f->store);
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

/* Statements built by hand: the contract's formula, fees collected ×
 * rate rounded once, and the lines' shares handed out by largest
 * remainder so that they add up to it. */
static void
test_rounding_fee_base (void)
{
  g_autoptr(CLSettlement) s = cl_settlement_new ("2026-10");
  const CLSettlementLine *lines;
  const CLSettlementPeriod *periods;
  guint n, n_periods;

  /* Three payments of 1 999.99 at 35.25 %: each is 704.996475 exact.
   * Rounded per line that is 705.00 × 3 = 2 115.00; the contract's
   * 5 999.97 × 35.25 % = 2 114.989425 → 2 114.99, a fen less.  The
   * floors (704.99 × 3 = 2 114.97) leave 2 fen, to the first two lines
   * (equal remainders: the earlier first). */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("p:%u", i);
      g_autofree char *date = g_strdup_printf ("2026-10-0%u", i + 1);

      cl_settlement_add_line (s, CL_SETTLEMENT_PAYMENT, key, date, "张小梅", "全孕期", NULL,
                              199999, 3525, NULL);
    }
  /* 1 fen at 50 %, paid and refunded: 0.5 − 0.5 = 0 at that rate. */
  cl_settlement_add_line (s, CL_SETTLEMENT_PAYMENT, "p:x", "2026-10-05", "李秀英", "孕中期", NULL, 1, 5000, NULL);
  cl_settlement_add_line (s, CL_SETTLEMENT_REFUND, "r:x", "2026-10-06", "李秀英", "孕中期", NULL, 1, 5000, NULL);
  cl_settlement_finish (s);

  g_assert_cmpint (cl_settlement_get_rule (s), ==, CL_SETTLEMENT_RULE_FEE_BASE);
  g_assert_cmpint (cl_settlement_get_gross_fen (s), ==, 599998);
  g_assert_cmpint (cl_settlement_get_refunds_fen (s), ==, 1);
  g_assert_cmpint (cl_settlement_get_fee_base_fen (s), ==, 599997);
  g_assert_cmpint (cl_settlement_get_share_fen (s), ==, 211499);
  g_assert_cmpint (cl_settlement_get_payable_fen (s), ==, 211499);

  lines = cl_settlement_get_lines (s, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (lines[0].share_fen, ==, 70500);
  g_assert_cmpint (lines[1].share_fen, ==, 70500);
  g_assert_cmpint (lines[2].share_fen, ==, 70499);
  /* 0.5 and −0.5: floors 0 and −1 with equal remainders; the period's
   * share is 0, so 1 fen goes to the earlier line. */
  g_assert_cmpint (lines[3].share_fen + lines[4].share_fen, ==, 0);

  periods = cl_settlement_get_periods (s, &n_periods);
  g_assert_cmpuint (n_periods, ==, 2);
  g_assert_cmpint (periods[0].rate_bp, ==, 3525);
  g_assert_cmpint (periods[0].fee_base_fen, ==, 599997);
  g_assert_cmpint (periods[0].share_fen, ==, 211499);
  g_assert_cmpstr (periods[0].first_date, ==, "2026-10-01");
  g_assert_cmpint (periods[1].rate_bp, ==, 5000);
  g_assert_cmpint (periods[1].fee_base_fen, ==, 0);
  g_assert_cmpint (periods[1].share_fen, ==, 0);
}

/* Random months: the lines add up to the month's share, each line is
 * within a fen of its exact share, and each period's share is its fee
 * base × rate rounded half up. */
static void
test_allocation_random (void)
{
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(CLSettlement) s = cl_settlement_new ("2026-10");
      const CLSettlementLine *lines;
      const CLSettlementPeriod *periods;
      guint n, n_periods, n_lines = (guint) g_test_rand_int_range (1, 60);
      gint64 sum = 0, periods_sum = 0;
      static const gint rates[] = { 3525, 3600, 5000, 1 };

      for (guint i = 0; i < n_lines; i++)
        {
          g_autofree char *key = g_strdup_printf ("k:%u", i);
          g_autofree char *date = g_strdup_printf ("2026-10-%02d", g_test_rand_int_range (1, 29));

          cl_settlement_add_line (s, g_test_rand_bit () ? CL_SETTLEMENT_PAYMENT : CL_SETTLEMENT_REFUND,
                                  key, date, "王丽", "全孕期", NULL,
                                  g_test_rand_int_range (1, 1000000),
                                  rates[g_test_rand_int_range (0, G_N_ELEMENTS (rates))], NULL);
        }
      cl_settlement_finish (s);
      lines = cl_settlement_get_lines (s, &n);
      for (guint i = 0; i < n; i++)
        {
          gint64 exact_times_10000 = lines[i].amount_fen * lines[i].rate_bp;

          g_assert_cmpint (lines[i].share_fen * 10000, >, exact_times_10000 - 10000);
          g_assert_cmpint (lines[i].share_fen * 10000, <, exact_times_10000 + 10000);
          sum += lines[i].share_fen;
        }
      periods = cl_settlement_get_periods (s, &n_periods);
      for (guint p = 0; p < n_periods; p++)
        {
          g_assert_cmpint (periods[p].share_fen, ==, cl_money_share (periods[p].fee_base_fen, periods[p].rate_bp));
          periods_sum += periods[p].share_fen;
        }
      g_assert_cmpint (sum, ==, cl_settlement_get_share_fen (s));
      g_assert_cmpint (periods_sum, ==, cl_settlement_get_share_fen (s));
    }
}

/* A month closed before the contract's formula keeps the per-line
 * shares it was closed with: its snapshot is the statement. */
static void
test_closed_per_line (void)
{
  g_autoptr(CLSettlement) s = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const CLSettlementLine *lines;
  guint n;
  /* As the old rule wrote it: 705.00 a line, 2 115.00 in all. */
  const char *snapshot =
    "{\"month\":\"2026-09\",\"hospital\":\"某市妇幼保健院\",\"vendor\":\"某某健康管理有限公司\","
    "\"gross_fen\":599997,\"refunds_fen\":0,\"fee_base_fen\":599997,\"share_fen\":211500,"
    "\"deductions_fen\":0,\"payable_fen\":211500,\"lines\":["
    "{\"key\":\"p:a\",\"kind\":\"payment\",\"date\":\"2026-09-01\",\"name\":\"张*梅\",\"package\":\"全孕期\","
    "\"amount_fen\":199999,\"rate_bp\":3525,\"share_fen\":70500},"
    "{\"key\":\"p:b\",\"kind\":\"payment\",\"date\":\"2026-09-02\",\"name\":\"李*英\",\"package\":\"全孕期\","
    "\"amount_fen\":199999,\"rate_bp\":3525,\"share_fen\":70500},"
    "{\"key\":\"p:c\",\"kind\":\"payment\",\"date\":\"2026-09-03\",\"name\":\"王*\",\"package\":\"全孕期\","
    "\"amount_fen\":199999,\"rate_bp\":3525,\"share_fen\":70500}],"
    "\"deductions\":[]}";

  node = json_from_string (snapshot, &error);
  g_assert_no_error (error);
  s = cl_settlement_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_settlement_get_rule (s), ==, CL_SETTLEMENT_RULE_PER_LINE);
  g_assert_cmpint (cl_settlement_get_share_fen (s), ==, 211500);
  g_assert_cmpint (cl_settlement_get_payable_fen (s), ==, 211500);
  lines = cl_settlement_get_lines (s, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (lines[2].share_fen, ==, 70500);
  g_clear_object (&s);

  /* Written again, it says which rule it follows, and still loads. */
  {
    g_autoptr(CLSettlement) back = NULL;
    g_autoptr(JsonNode) again = NULL;

    s = cl_settlement_new_from_json (node, &error);
    again = cl_settlement_to_json (s);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (again), "share_rule"), ==, "per-line");
    back = cl_settlement_new_from_json (again, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cl_settlement_get_share_fen (back), ==, 211500);
  }

  /* The same lines under the contract's formula are 2 114.99. */
  json_object_set_string_member (json_node_get_object (node), "share_rule", "fee-base");
  g_clear_object (&s);
  g_assert_null (cl_settlement_new_from_json (node, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_rate_change (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CLSettlement) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = cl_test_settlement_add_patient (f->store, "陈静怡", "2026-10-10", 120);
  g_autofree char *b = cl_test_settlement_add_patient (f->store, "杨晓燕", "2026-10-20", 120);
  g_autofree char *c = cl_test_settlement_add_patient (f->store, "赵雪", "2026-10-12", 120);
  g_autoptr(CLEnrolment) ea = cl_test_settlement_new_enrolment (a, CL_TEST_PACKAGE_MID, "2026-10-10", 198000);
  g_autoptr(CLEnrolment) eb = cl_test_settlement_new_enrolment (b, CL_TEST_PACKAGE_MID, "2026-10-20", 198000);
  g_autoptr(CLEnrolment) ec = cl_test_settlement_new_enrolment (c, CL_TEST_PACKAGE_MID, "2026-10-12", 198000);
  g_autofree char *rates = NULL;
  const CLSettlementLine *lines;
  guint n;
  gint bp = 0;

  cl_test_settlement_add_rate (f->store, "2026-01-01", 3525);
  cl_test_settlement_add_rate (f->store, "2026-10-16", 3600);

  g_assert_true (cl_enrolment_store_rate_on (f->store, "2026-10-15", &bp, NULL));
  g_assert_cmpint (bp, ==, 3525);
  g_assert_true (cl_enrolment_store_rate_on (f->store, "2026-10-16", &bp, NULL));
  g_assert_cmpint (bp, ==, 3600);
  g_assert_false (cl_enrolment_store_rate_on (f->store, "2025-12-31", &bp, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  cl_test_settlement_save (f->store, ea, "case_manager");
  cl_test_settlement_save (f->store, eb, "case_manager");
  cl_test_settlement_save (f->store, ec, "case_manager");
  /* c paid on the 12th (35.25 %) is refunded on the 25th, after the
   * change: the refund is shared at its payment's rate. */
  cl_enrolment_set_status (ec, "cancelled");
  cl_enrolment_set_cancel_date (ec, "2026-10-25");
  cl_enrolment_set_refund_fen (ec, 198000);
  cl_test_settlement_save (f->store, ec, "case_manager");

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

  cl_test_settlement_make_october (f->store);
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

  cl_test_settlement_make_october (f->store);
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
  g_autofree char *p = cl_test_settlement_add_patient (f->store, "孙丽", "2026-10-05", 70);
  g_autoptr(CLEnrolment) e = cl_test_settlement_new_enrolment (p, CL_TEST_PACKAGE_WHOLE, "2026-10-05", 298000);
  g_autoptr(CLSettlement) open = NULL;
  g_autoptr(CLSettlement) closed = NULL;
  g_autoptr(GError) error = NULL;

  cl_test_settlement_add_rate (f->store, "2026-01-01", 3525);
  cl_test_settlement_save (f->store, e, "case_manager");
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

  cl_test_store_add ("/settlement/parties", test_parties);
  cl_test_store_add ("/settlement/hand-worked", test_hand_worked);
  g_test_add_func ("/settlement/name-mask", test_name_mask);
  g_test_add_func ("/settlement/rounding", test_rounding_fee_base);
  g_test_add_func ("/settlement/allocation-random", test_allocation_random);
  g_test_add_func ("/settlement/closed-per-line", test_closed_per_line);
  cl_test_store_add ("/settlement/rate-change", test_rate_change);
  cl_test_store_add ("/settlement/json", test_json_roundtrip);
  cl_test_store_add ("/settlement/csv", test_csv);
  g_test_add_func ("/settlement/csv-quoting", test_csv_quoting);

  return g_test_run ();
}
