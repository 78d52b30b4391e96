#define G_LOG_DOMAIN "test-money"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cl-money.h"
#include "cl-validation.h"

typedef struct
{
  const char *text;
  gint64      fen;    /* expected, when code is -1 */
  gint        code;   /* expected CL_VALIDATION_ERROR code, or -1 */
} MoneyCase;

static void
test_money_parse (void)
{
  static const MoneyCase cases[] = {
    { "2980", 298000, -1 },
    { "2980.00", 298000, -1 },
    { "2,980.00", 298000, -1 },
    { "2980.5", 298050, -1 },
    { "¥2980.5", 298050, -1 },
    { "￥2,980.00", 298000, -1 },
    { "2980元", 298000, -1 },
    { " ¥ 2980 ", 298000, -1 },
    { "２９８０．００", 298000, -1 },        /* full-width, from a Chinese IME */
    { "２，９８０", 298000, -1 },
    { "0", 0, -1 },
    { "0.01", 1, -1 },
    { ".5", 50, -1 },
    { "1,234,567.89", 123456789, -1 },
    { "99,999,999.99", G_GINT64_CONSTANT (9999999999), -1 },
    { "", 0, CL_VALIDATION_ERROR_EMPTY },
    { "   ", 0, CL_VALIDATION_ERROR_EMPTY },
    { "-5", 0, CL_VALIDATION_ERROR_RANGE },         /* negative */
    { "-2,980.00", 0, CL_VALIDATION_ERROR_RANGE },
    { "¥-5", 0, CL_VALIDATION_ERROR_RANGE },
    { "－５", 0, CL_VALIDATION_ERROR_RANGE },
    { "abc", 0, CL_VALIDATION_ERROR_FORMAT },       /* not a number */
    { "29a0", 0, CL_VALIDATION_ERROR_FORMAT },
    { "2980.1.2", 0, CL_VALIDATION_ERROR_FORMAT },
    { "1e5", 0, CL_VALIDATION_ERROR_FORMAT },
    { "29,80", 0, CL_VALIDATION_ERROR_FORMAT },     /* misplaced grouping */
    { ",2980", 0, CL_VALIDATION_ERROR_FORMAT },
    { "¥", 0, CL_VALIDATION_ERROR_FORMAT },
    { "2980.001", 0, CL_VALIDATION_ERROR_FORMAT },  /* three decimals */
    { "2980.125", 0, CL_VALIDATION_ERROR_FORMAT },
    { "100000000", 0, CL_VALIDATION_ERROR_RANGE },  /* absurdly large */
    { "99999999999999999999999", 0, CL_VALIDATION_ERROR_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = -1;
      gboolean ok = cl_money_parse (cases[i].text, &fen, &error);

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (fen, ==, cases[i].fen);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, CL_VALIDATION_ERROR, cases[i].code);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_cmpint (fen, ==, -1);   /* untouched */
        }
    }
}

static void
test_money_messages (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen;

  g_assert_false (cl_money_parse ("-1", &fen, &error));
  g_assert_cmpstr (error->message, ==, "An amount cannot be negative");
  g_clear_error (&error);
  g_assert_false (cl_money_parse ("1.234", &fen, &error));
  g_assert_cmpstr (error->message, ==, "An amount has at most two decimals (fen)");
  g_clear_error (&error);
  g_assert_false (cl_money_parse ("x", &fen, &error));
  g_assert_cmpstr (error->message, ==, "“x” is not an amount; type it like 2980.00");
  g_clear_error (&error);
  g_assert_false (cl_money_parse ("100000000", &fen, &error));
  g_assert_cmpstr (error->message, ==, "The amount is too large; at most 99,999,999.99 yuan");
}

static void
test_money_format (void)
{
  static const struct { gint64 fen; const char *grouped, *plain, *display; } cases[] = {
    { 0, "0.00", "0.00", "¥0.00" },
    { 1, "0.01", "0.01", "¥0.01" },
    { 50, "0.50", "0.50", "¥0.50" },
    { 298000, "2,980.00", "2980.00", "¥2,980.00" },
    { 105045, "1,050.45", "1050.45", "¥1,050.45" },
    { 3581620, "35,816.20", "35816.20", "¥35,816.20" },
    { 11324000, "113,240.00", "113240.00", "¥113,240.00" },
    { 100000000, "1,000,000.00", "1000000.00", "¥1,000,000.00" },
    { -105045, "-1,050.45", "-1050.45", "-¥1,050.45" },
    { -1, "-0.01", "-0.01", "-¥0.01" },
    { G_MININT64, "-92,233,720,368,547,758.08", "-92233720368547758.08", "-¥92,233,720,368,547,758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *grouped = cl_money_format (cases[i].fen);
      g_autofree char *plain = cl_money_format_plain (cases[i].fen);
      g_autofree char *display = cl_money_format_display (cases[i].fen);
      gint64 back = -1;

      g_assert_cmpstr (grouped, ==, cases[i].grouped);
      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (display, ==, cases[i].display);
      /* What we print, we read back. */
      if (cases[i].fen >= 0 && cases[i].fen <= CL_MONEY_MAX_FEN)
        {
          g_assert_true (cl_money_parse (display, &back, NULL));
          g_assert_cmpint (back, ==, cases[i].fen);
        }
    }
}

typedef struct
{
  const char *text;
  gint        bp;
  gint        code;
} RateCase;

static void
test_rate_parse (void)
{
  static const RateCase cases[] = {
    { "35.25", 3525, -1 },
    { "35.25%", 3525, -1 },
    { "35.25 %", 3525, -1 },
    { "３５．２５％", 3525, -1 },
    { "35", 3500, -1 },
    { "35.5", 3550, -1 },
    { "0", 0, -1 },
    { "0.01", 1, -1 },
    { "100", 10000, -1 },
    { "100.00%", 10000, -1 },
    { "", 0, CL_VALIDATION_ERROR_EMPTY },
    { "35.255", 0, CL_VALIDATION_ERROR_FORMAT },   /* three decimals */
    { "35.250", 0, CL_VALIDATION_ERROR_FORMAT },
    { "100.01", 0, CL_VALIDATION_ERROR_RANGE },    /* over 100 % */
    { "101", 0, CL_VALIDATION_ERROR_RANGE },
    { "1000000000000000", 0, CL_VALIDATION_ERROR_RANGE },
    { "-1", 0, CL_VALIDATION_ERROR_RANGE },        /* negative */
    { "-35.25%", 0, CL_VALIDATION_ERROR_RANGE },
    { "abc", 0, CL_VALIDATION_ERROR_FORMAT },
    { "35,25", 0, CL_VALIDATION_ERROR_FORMAT },
    { "%", 0, CL_VALIDATION_ERROR_FORMAT },
    { "35%%", 0, CL_VALIDATION_ERROR_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint bp = -1;
      gboolean ok = cl_rate_parse (cases[i].text, &bp, &error);

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (bp, ==, cases[i].bp);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, CL_VALIDATION_ERROR, cases[i].code);
          g_assert_cmpint (bp, ==, -1);
        }
    }
}

static void
test_rate_format (void)
{
  g_autofree char *a = cl_rate_format (3525);
  g_autofree char *b = cl_rate_format (0);
  g_autofree char *c = cl_rate_format (10000);
  g_autofree char *d = cl_rate_format (5);

  g_assert_cmpstr (a, ==, "35.25%");
  g_assert_cmpstr (b, ==, "0.00%");
  g_assert_cmpstr (c, ==, "100.00%");
  g_assert_cmpstr (d, ==, "0.05%");
}

static void
test_share_rounding (void)
{
  static const struct { gint64 fen; gint bp; gint64 share; } cases[] = {
    { 1, 5000, 1 },              /* 0.5 fen rounds up */
    { 1, 4999, 0 },              /* 0.4999 down */
    { 3, 3525, 1 },              /* 1.0575 → 1 */
    { 2, 2500, 1 },              /* 0.5 → 1 */
    { 6, 2500, 2 },              /* 1.5 → 2 */
    { 10, 3525, 4 },             /* 3.525 → 4 */
    { 298000, 3525, 105045 },    /* 2 980.00 × 35.25 % = 1 050.45 exactly */
    { 198000, 3525, 69795 },     /* 1 980.00 × 35.25 % = 697.95 */
    { 198000, 3600, 71280 },     /* 1 980.00 × 36.00 % = 712.80 */
    { 128000, 3525, 45120 },     /* 1 280.00 × 35.25 % = 451.20 */
    { 12345, 3333, 4115 },       /* 4 114.5885 → 4 115 */
    { 0, 3525, 0 },
    { 298000, 0, 0 },
    { 298000, 10000, 298000 },
    { G_GINT64_CONSTANT (9999999999), 10000, G_GINT64_CONSTANT (9999999999) },
    { G_GINT64_CONSTANT (9999999999), 9999, G_GINT64_CONSTANT (9998999999) },  /* …999.0001 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (cl_money_share (cases[i].fen, cases[i].bp), ==, cases[i].share);
      /* A refund mirrors its payment exactly (half away from zero). */
      g_assert_cmpint (cl_money_share (-cases[i].fen, cases[i].bp), ==, -cases[i].share);
    }
}

/* Chinese financial capitals, as the banks' rules write them. */
static void
test_capital (void)
{
  struct { gint64 fen; const char *text; } cases[] = {
    { 711197195, "柒佰壹拾壹万壹仟玖佰柒拾壹元玖角伍分" },
    { 10050000, "壹拾万零伍佰元整" },
    { 10500000, "壹拾万伍仟元整" },
    { 100, "壹元整" },
    { 105, "壹元零伍分" },
    { 150, "壹元伍角整" },
    { 50, "伍角整" },
    { 5, "伍分" },
    { 0, "零元整" },
    { 101000, "壹仟零壹拾元整" },
    { 100100, "壹仟零壹元整" },
    { 10000000100, "壹亿零壹元整" },
    { 10001000000, "壹亿零壹万元整" },
    { 12000000000, "壹亿贰仟万元整" },
    { 298000, "贰仟玖佰捌拾元整" },
    { -200000, "负贰仟元整" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cl_money_format_capital (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/messages", test_money_messages);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/rate-parse", test_rate_parse);
  g_test_add_func ("/money/rate-format", test_rate_format);
  g_test_add_func ("/money/share-rounding", test_share_rounding);
  g_test_add_func ("/money/capital", test_capital);

  return g_test_run ();
}
