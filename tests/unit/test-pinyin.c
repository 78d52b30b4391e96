/* test-pinyin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <locale.h>

#include "cl-pinyin.h"

typedef struct
{
  const char *text;
  const char *full;
  const char *initials;
} Case;

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *full = cl_pinyin_full (cases[i].text);
      g_autofree char *initials = cl_pinyin_initials (cases[i].text);

      g_test_message ("pinyin “%s”", cases[i].text);
      g_assert_cmpstr (full, ==, cases[i].full);
      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

static void
test_names (void)
{
  static const Case cases[] = {
    { "张小梅", "zhang xiao mei", "zxm" },
    { "欧阳娜娜", "ou yang na na", "oynn" },
    { "李明", "li ming", "lm" },
    { "王秀英", "wang xiu ying", "wxy" },
    { "陈静", "chen jing", "cj" },
    { "刘丽芳", "liu li fang", "llf" },
    { "吕女士", "lu nu shi", "lns" },          /* ü loses its dots */
    { "沈雪", "shen xue", "sx" },
    { "诸葛玉兰", "zhu ge yu lan", "zgyl" },
    { "张乐乐", "zhang le le", "zll" },        /* 乐 only a surname at the start */
    { "李单", "li dan", "ld" },
    { "王曾", "wang ceng", "wc" },
    { "  赵敏 ", "zhao min", "zm" },           /* blanks around */
    { "赵 敏", "zhao min", "zm" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_surnames (void)
{
  /* Every surname in the override table, each with a given name read
   * the ordinary way. */
  static const Case cases[] = {
    { "单雪梅", "shan xue mei", "sxm" },
    { "曾小红", "zeng xiao hong", "zxh" },
    { "解玉", "xie yu", "xy" },
    { "仇兰", "qiu lan", "ql" },
    { "朴敏", "piao min", "pm" },
    { "查丽", "zha li", "zl" },
    { "区婷", "ou ting", "ot" },
    { "盖平", "ge ping", "gp" },
    { "乐慧", "yue hui", "yh" },
    { "覃燕", "qin yan", "qy" },
    { "尉迟秀", "yu chi xiu", "ycx" },
    { "万俟芳", "mo qi fang", "mqf" },
    { "单于雪", "chan yu xue", "cyx" },       /* not 单 + 于 */
    { "长孙红", "zhang sun hong", "zsh" },
    { "澹台明", "tan tai ming", "ttm" },
    { "缪静", "miao jing", "mj" },
    { "繁英", "po ying", "py" },
    { "种明", "chong ming", "cm" },
    { "翟霞", "zhai xia", "zx" },
    { "召娟", "shao juan", "sj" },
    { "秘小", "bi xiao", "bx" },
    { "黑梅", "he mei", "hm" },
    { "员红", "yun hong", "yh" },
    { "过雪", "guo xue", "gx" },
    { "郇丽", "huan li", "hl" },
    { "冼玉", "xian yu", "xy" },
    { "句兰", "gou lan", "gl" },
    { "逄敏", "pang min", "pm" },
    { "隗平", "wei ping", "wp" },
    { "蕃婷", "pi ting", "pt" },
    { "薄慧", "bo hui", "bh" },
    { "阚燕", "kan yan", "ky" },
    { "卜秀", "bu xiu", "bx" },
    { "粘芳", "nian fang", "nf" },
    { "乜英", "nie ying", "ny" },
    { "都明", "du ming", "dm" },
    /* the surname alone */
    { "单", "shan", "s" },
    { "单于", "chan yu", "cy" },
    { "尉迟", "yu chi", "yc" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_mixed (void)
{
  static const Case cases[] = {
    { "", "", "" },
    { "   ", "", "" },
    { "Anna", "anna", "a" },
    { "王Anna 2", "wang anna 2", "wa2" },
    { "Anna王", "anna wang", "aw" },
    { "王2号", "wang 2 hao", "w2h" },
    { "Zoë 李", "zoe li", "zl" },
    { "ＡＢＣ王", "abc wang", "aw" },         /* full-width Latin */
    { "张三，李四", "zhang san li si", "zsls" },
    { "阿依古丽·买买提", "a yi gu li mai mai ti", "ayglmmt" },
    { "O'Brien 李", "o brien li", "obl" },
    { "床3-12", "chuang 3 12", "c31" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_normalize_query (void)
{
  static const struct
  {
    const char *text;
    const char *query;
  } cases[] = {
    { "Zhang Xiao'mei", "zhangxiaomei" },
    { "  zhang  xiao mei ", "zhangxiaomei" },
    { "ZXM", "zxm" },
    { "xi’an", "xian" },                       /* typographic apostrophe */
    { "ｚｈａｎｇ　ｍｅｉ", "zhangmei" },       /* full-width IME mode */
    { "Lü", "lu" },
    { "Zoë", "zoe" },
    { "张小梅", "张小梅" },
    { "张 小梅", "张小梅" },
    { "138 1234", "1381234" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = cl_pinyin_normalize_query (cases[i].text);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

/* Names read in several threads at once must come out the same as in
 * one: each thread has its own transliterator and cache. */
static const char *thread_names[] = {
  "张小梅", "欧阳娜娜", "单于雪", "曾小红", "吕女士", "Zoë 李",
};
static const char *thread_keys[] = {
  "zhang xiao mei", "ou yang na na", "chan yu xue", "zeng xiao hong", "lu nu shi", "zoe li",
};

static gpointer
thread_func (gpointer data)
{
  for (guint round = 0; round < 200; round++)
    for (guint i = 0; i < G_N_ELEMENTS (thread_names); i++)
      {
        g_autofree char *full = cl_pinyin_full (thread_names[i]);

        if (g_strcmp0 (full, thread_keys[i]) != 0)
          return GINT_TO_POINTER (FALSE);
      }

  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("pinyin", thread_func, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

/* Run with -m perf: demo data keys ~100 000 names. */
static void
test_speed (void)
{
  static const char *names[] = {
    "张小梅", "欧阳娜娜", "李明", "王秀英", "陈静", "单于雪", "曾小红", "刘丽芳",
  };
  const guint n_calls = 100000;
  g_autofree char *warm = NULL;
  gdouble first, elapsed;

  g_test_timer_start ();
  warm = cl_pinyin_full ("欧阳娜娜");
  first = g_test_timer_elapsed ();
  g_test_message ("first call in this thread (builds the transliterator): %.1f ms",
                  first * 1000);

  g_test_timer_start ();
  for (guint i = 0; i < n_calls; i++)
    {
      g_autofree char *full = cl_pinyin_full (names[i % G_N_ELEMENTS (names)]);
      g_autofree char *initials = cl_pinyin_initials (names[i % G_N_ELEMENTS (names)]);
    }
  elapsed = g_test_timer_elapsed ();

  g_test_minimized_result (elapsed * 1e6 / n_calls,
                           "full + initials: %.2f µs per name", elapsed * 1e6 / n_calls);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pinyin/names", test_names);
  g_test_add_func ("/pinyin/surnames", test_surnames);
  g_test_add_func ("/pinyin/mixed", test_mixed);
  g_test_add_func ("/pinyin/normalize-query", test_normalize_query);
  g_test_add_func ("/pinyin/threads", test_threads);
  if (g_test_perf ())
    g_test_add_func ("/pinyin/speed", test_speed);

  return g_test_run ();
}
