/* bench-desk: the service desk's search over a year of the contact log
 * (300 000 entries, about 820 a day): cl_store_desk_search() for a few
 * typical queries (phone digits, a name, a two-character name, a word
 * of a summary, a two-character word), 50 results as the view asks.
 * Median and p95 of 31 runs each; target ≤ 50 ms.
 *
 * Yardstick, measured in the same run and interleaved: a full scan of
 * the contact table (the caller, phone and summary of every entry), so
 * the ratio says what a search costs next to reading the log once on
 * this machine.
 *
 * Usage: bench-desk [N_CONTACTS]   (default 300 000; the store is kept
 * in $TMPDIR between runs: generating it is not what is measured) */

#define G_LOG_DOMAIN "bench-desk"

#include "config.h"

#include <stdlib.h>

#include "cl-contact.h"
#include "cl-store-desk.h"
#include "cl-store-private.h"

#define RUNS 31
#define LIMIT 50
#define TARGET_MS 50.0
#define YEAR_START G_GINT64_CONSTANT (1764518400)  /* 2025-12-01 */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, (guint) (p * (values->len - 1) + 0.5));
}

static double
time_full_scan (CLStore *store)
{
  sqlite3 *db = cl_store_open_reader (store, NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  sqlite3_prepare_v2 (db, "SELECT sum(length(caller_name) + length(caller_phone) + length(summary))"
                          " FROM contact", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
  "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
};
static const char * const given[] = {
  "秀英", "桂英", "秀兰", "玉兰", "桂兰", "秀珍", "凤英", "玉珍", "玉英", "兰英", "娜", "敏", "静",
  "丽", "艳", "芳", "婷", "雪", "小梅", "晓燕", "海燕", "丽娟", "红梅", "春梅",
};
static const char * const callers[] = { "女士", "先生", "" };
static const char * const summaries[] = {
  "问产检时间和地点", "预约下周四的产科门诊", "投诉候诊时间太长", "社区医院转诊，问挂号流程",
  "开具住院证明，需盖章", "复印住院病历三份", "取B超报告", "在候诊区丢失一把雨伞",
  "问停车场位置", "问糖耐量试验前是否空腹", "问无痛分娩的费用", "问出生医学证明办理",
  "问自助机如何缴费", "问退药流程", "问急诊在哪里", "问四维彩超预约",
};

static void
fill (CLStore *store,
      guint    n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GError) error = NULL;
  static const char * const channels[] = { "hotline", "hotline", "counter", "counter", "web", "wechat", "kiosk" };
  static const char * const categories[] = {
    "consultation", "consultation", "consultation", "appointment", "complaint", "referral",
    "certificate", "records_copy", "report_pickup", "lost_found", "other",
  };

  g_assert_true (cl_store_begin_bulk (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CLContact) c = cl_contact_new (YEAR_START + (gint64) i * (365 * 86400 / n), "bench-desk");
      g_autofree char *name = NULL;
      g_autofree char *phone = NULL;

      name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                          g_rand_boolean (rand) ? given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))]
                          : callers[g_rand_int_range (rand, 0, G_N_ELEMENTS (callers))], NULL);
      phone = g_strdup_printf ("1%02d%08d", g_rand_int_range (rand, 30, 100), g_rand_int_range (rand, 0, 100000000));
      cl_contact_set_channel (c, channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))]);
      cl_contact_set_category (c, categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))]);
      cl_contact_set_caller_name (c, name);
      cl_contact_set_caller_phone (c, phone);
      cl_contact_set_summary (c, summaries[g_rand_int_range (rand, 0, G_N_ELEMENTS (summaries))]);
      g_assert_true (cl_store_write_record (store, CL_RECORD (c), CL_WRITE_NO_OUTBOX, &error));
      if (i % 20000 == 19999)
        {
          g_assert_true (cl_store_commit (store, &error));
          g_assert_true (cl_store_begin_bulk (store, &error));
        }
    }
  g_assert_true (cl_store_commit (store, &error));
}

int
main (int    argc,
      char **argv)
{
  static const char * const queries[] = {
    "13812",      /* phone digits */
    "王秀英",     /* a name */
    "李娜",       /* a two-character name: no trigram, the log from the latest back */
    "B超报告",    /* a word of a summary */
    "雨伞",       /* a two-character word */
    "投诉 王",    /* a word and a short one */
  };
  guint n_contacts = argc > 1 ? (guint) atoi (argv[1]) : 300000;
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "careline-bench-desk", NULL);
  g_autofree char *name = g_strdup_printf ("desk-%u.db", n_contacts);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) scans = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *times[G_N_ELEMENTS (queries)];
  guint found[G_N_ELEMENTS (queries)];
  gboolean ok = TRUE;
  gint64 t0;

  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_mkdir_with_parents (dir, 0700);
  t0 = g_get_monotonic_time ();
  store = cl_store_open (path, &error);
  g_assert_no_error (error);
  all = cl_store_desk_between (store, 0, G_MAXINT64);
  if (all->len < n_contacts)
    {
      g_print ("making a store of %u contacts in %s …\n", n_contacts, path);
      fill (store, n_contacts);
      g_print ("made in %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    times[q] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint run = 0; run < RUNS; run++)
    {
      double t;

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_autoptr(GPtrArray) rows = NULL;

          t0 = g_get_monotonic_time ();
          rows = cl_store_desk_search (store, queries[q], LIMIT);
          t = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (times[q], t);
          found[q] = rows->len;
        }
      t = time_full_scan (store);
      g_array_append_val (scans, t);
    }

  g_print ("search over %u contacts, %u results at most:\n", n_contacts, LIMIT);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double p95 = percentile (times[q], 0.95);

      g_print ("  %-12s %3u found: median %6.2f ms, p95 %6.2f ms  (target ≤ %.0f ms)\n",
               queries[q], found[q], percentile (times[q], 0.5), p95, TARGET_MS);
      ok = ok && p95 <= TARGET_MS && found[q] > 0;
      g_array_unref (times[q]);
    }
  g_print ("yardstick: full scan of the %u contacts: median %.2f ms\n", n_contacts, percentile (scans, 0.5));
  g_print ("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
