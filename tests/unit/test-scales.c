/* Assessment scales as data: the shipped EPDS, PHQ-9 and GAD-7 files
 * are complete in both languages and consistent, scoring follows the
 * published keys (reverse-scored EPDS items, bands, the self-harm item),
 * an unanswered item gives no score, and a malformed file is refused
 * with its group and key named. */

#define G_LOG_DOMAIN "test-scales"

#include "config.h"

#include <string.h>

#include "cl-scale-catalog.h"
#include "cl-scale-record.h"
#include "cl-scale-result.h"
#include "cl-test-util.h"

static CLScale *
builtin (const char *id)
{
  g_autoptr(GError) error = NULL;
  CLScale *scale = cl_scale_new_builtin (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scale);
  return scale;
}

static CLScaleResult *
score_ok (CLScale    *scale,
          const gint *answers)
{
  g_autoptr(GError) error = NULL;
  CLScaleResult *result = NULL;

  g_assert_true (cl_scale_score (scale, answers, cl_scale_get_n_items (scale), &result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The answer (option position) of @item that scores @score. */
static gint
answer_for_score (const CLScaleItem *item,
                  guint              score)
{
  for (guint i = 0; i < item->n_options; i++)
    if (item->options[i].score == score)
      return (gint) i;
  g_assert_not_reached ();
}

/* Answers giving @total, filled from the first item on, leaving the
 * items in @keep_zero (1-based, 0-terminated) at score 0. */
static void
answers_for_total (CLScale     *scale,
                   guint        total,
                   const guint *keep_zero,
                   gint        *answers)
{
  guint left = total;

  for (guint i = 0; i < cl_scale_get_n_items (scale); i++)
    {
      const CLScaleItem *item = cl_scale_get_item (scale, i);
      gboolean zero = FALSE;
      guint score;

      for (guint k = 0; keep_zero && keep_zero[k]; k++)
        zero |= keep_zero[k] == item->number;
      score = zero ? 0 : MIN (left, item->max_score);
      answers[i] = answer_for_score (item, score);
      left -= score;
    }
  g_assert_cmpuint (left, ==, 0);
}

/* Every scale file shipped in data/scales (and any a hospital adds
 * there) loads, has both languages everywhere, scores each item's
 * options as a permutation of the scale's scores and has bands that
 * cover its range without a gap or an overlap. */
static void
test_data_files (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "scales", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CLScale) scale = NULL;
      g_autoptr(CLScale) shipped = NULL;
      guint next;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      n_files++;
      scale = cl_scale_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (scale);
      g_assert_true (g_str_has_prefix (name, cl_scale_get_id (scale)));

      g_assert_cmpstr (cl_scale_get_title (scale, "en"), !=, cl_scale_get_title (scale, "zh_CN"));
      for (guint i = 0; i < cl_scale_get_n_items (scale); i++)
        {
          const CLScaleItem *item = cl_scale_get_item (scale, i);
          g_autoptr(GArray) seen = g_array_new (FALSE, TRUE, sizeof (guint));

          g_assert_cmpuint (item->number, ==, i + 1);
          g_assert_cmpstr (cl_local_text_get_exact (item->text, NULL), !=, "");
          g_assert_nonnull (cl_local_text_get_exact (item->text, "zh_CN"));
          g_assert_cmpstr (cl_local_text_get_exact (item->text, "zh_CN"), !=, "");
          g_assert_cmpuint (item->n_options, ==, 4);
          for (guint o = 0; o < item->n_options; o++)
            {
              g_assert_nonnull (cl_local_text_get_exact (item->options[o].text, NULL));
              g_assert_nonnull (cl_local_text_get_exact (item->options[o].text, "zh_CN"));
              /* Scores run 0, 1, 2, 3 down the options, or up for a
               * reverse-scored item. */
              g_assert_cmpuint (item->options[o].score, ==, item->reverse ? 3 - o : o);
            }
          g_assert_cmpuint (item->max_score, ==, 3);
        }

      next = cl_scale_get_min_total (scale);
      g_assert_cmpuint (next, ==, 0);
      g_assert_cmpuint (cl_scale_get_max_total (scale), ==, 3 * cl_scale_get_n_items (scale));
      for (guint b = 0; b < cl_scale_get_n_bands (scale); b++)
        {
          const CLScaleBand *band = cl_scale_get_band (scale, b);

          g_assert_cmpuint (band->min, ==, next);
          g_assert_cmpuint (band->max, >=, band->min);
          g_assert_nonnull (cl_local_text_get_exact (band->label, "zh_CN"));
          next = band->max + 1;
        }
      g_assert_cmpuint (next, ==, cl_scale_get_max_total (scale) + 1);
      for (guint f = 0; f < cl_scale_get_n_flag_rules (scale); f++)
        g_assert_nonnull (cl_local_text_get_exact (cl_scale_get_flag_rule (scale, f)->label, "zh_CN"));

      /* The copy compiled into core is this file. */
      shipped = builtin (cl_scale_get_id (scale));
      g_assert_cmpuint (cl_scale_get_n_items (shipped), ==, cl_scale_get_n_items (scale));
      g_assert_cmpstr (cl_scale_get_title (shipped, "zh_CN"), ==, cl_scale_get_title (scale, "zh_CN"));
    }
  g_assert_cmpuint (n_files, ==, g_strv_length ((char **) cl_scale_get_builtin_ids ()));
}

static void
test_shapes (void)
{
  struct { const char *id; guint items, max, bands, flag_item; } shapes[] = {
    { "epds", 10, 30, 3, 10 },
    { "phq9", 9, 27, 5, 9 },
    { "gad7", 7, 21, 4, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(CLScale) scale = builtin (shapes[i].id);

      g_assert_cmpuint (cl_scale_get_n_items (scale), ==, shapes[i].items);
      g_assert_cmpuint (cl_scale_get_max_total (scale), ==, shapes[i].max);
      g_assert_cmpuint (cl_scale_get_n_bands (scale), ==, shapes[i].bands);
      g_assert_cmpuint (cl_scale_get_n_flag_rules (scale), ==, shapes[i].flag_item ? 1 : 0);
      if (shapes[i].flag_item)
        {
          const CLScaleFlagRule *rule = cl_scale_get_flag_rule (scale, 0);

          g_assert_cmpstr (rule->id, ==, "self-harm");
          g_assert_cmpuint (rule->item, ==, shapes[i].flag_item);
          g_assert_cmpuint (rule->min_score, ==, 1);
        }
    }
}

/* The published EPDS key, item by item: the score of each answer from
 * the top.  Items 3 and 5-10 are reverse-scored. */
static void
test_epds_key (void)
{
  static const guint key[10][4] = {
    { 0, 1, 2, 3 }, { 0, 1, 2, 3 }, { 3, 2, 1, 0 }, { 0, 1, 2, 3 }, { 3, 2, 1, 0 },
    { 3, 2, 1, 0 }, { 3, 2, 1, 0 }, { 3, 2, 1, 0 }, { 3, 2, 1, 0 }, { 3, 2, 1, 0 },
  };
  g_autoptr(CLScale) scale = builtin ("epds");

  for (guint item = 0; item < 10; item++)
    for (guint answer = 0; answer < 4; answer++)
      {
        gint answers[10];
        g_autoptr(CLScaleResult) result = NULL;

        /* Every other item at its zero-scoring answer. */
        for (guint i = 0; i < 10; i++)
          answers[i] = answer_for_score (cl_scale_get_item (scale, i), 0);
        answers[item] = answer;
        result = score_ok (scale, answers);
        g_assert_cmpuint (cl_scale_result_get_item_score (result, item + 1), ==, key[item][answer]);
        g_assert_cmpuint (cl_scale_result_get_total (result), ==, key[item][answer]);
      }

  /* The top answer everywhere is not zero: 7 reverse-scored items × 3. */
  {
    const gint top[10] = { 0 };
    g_autoptr(CLScaleResult) result = score_ok (scale, top);

    g_assert_cmpuint (cl_scale_result_get_total (result), ==, 21);
    g_assert_cmpstr (cl_scale_result_get_band (result)->id, ==, "probable");
    g_assert_nonnull (cl_scale_result_lookup_flag (result, "self-harm"));
  }
}

static void
test_epds_examples (void)
{
  g_autoptr(CLScale) scale = builtin ("epds");
  static const guint not_item_10[] = { 10, 0 };
  struct { guint total; const char *band; gboolean positive; const char *en, *zh; } cases[] = {
    { 0, "below", FALSE, "Below the screening threshold", "低于筛查界值" },
    { 9, "below", FALSE, "Below the screening threshold", "低于筛查界值" },
    { 10, "possible", TRUE, "Possible depression", "可能存在抑郁" },
    { 12, "possible", TRUE, "Possible depression", "可能存在抑郁" },
    { 13, "probable", TRUE, "Probable depression", "很可能存在抑郁" },
    { 27, "probable", TRUE, "Probable depression", "很可能存在抑郁" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint answers[10];
      g_autoptr(CLScaleResult) result = NULL;

      answers_for_total (scale, cases[i].total, not_item_10, answers);
      result = score_ok (scale, answers);
      g_assert_cmpuint (cl_scale_result_get_total (result), ==, cases[i].total);
      g_assert_cmpstr (cl_scale_result_get_band (result)->id, ==, cases[i].band);
      g_assert_cmpint (cl_scale_result_get_positive (result), ==, cases[i].positive);
      g_assert_cmpint (cl_scale_result_is_urgent (result), ==, cases[i].positive);
      g_assert_cmpuint (cl_scale_result_get_n_flags (result), ==, 0);
      g_assert_cmpstr (cl_scale_result_get_band_label (result, "en"), ==, cases[i].en);
      g_assert_cmpstr (cl_scale_result_get_band_label (result, "zh_CN"), ==, cases[i].zh);
      g_assert_cmpstr (cl_scale_result_get_band_label (result, "zh_CN.UTF-8"), ==, cases[i].zh);
    }

  /* All at the top of the key: 30, and item 10 at 3 flags self-harm. */
  {
    gint answers[10];
    g_autoptr(CLScaleResult) result = NULL;
    const CLScaleFlag *flag;

    answers_for_total (scale, 30, NULL, answers);
    result = score_ok (scale, answers);
    g_assert_cmpuint (cl_scale_result_get_total (result), ==, 30);
    g_assert_cmpstr (cl_scale_result_get_band (result)->id, ==, "probable");
    g_assert_cmpint (cl_scale_result_get_band (result)->severity, ==, CL_SCALE_SEVERITY_SEVERE);
    flag = cl_scale_result_lookup_flag (result, "self-harm");
    g_assert_nonnull (flag);
    g_assert_cmpuint (flag->item, ==, 10);
    g_assert_cmpuint (flag->score, ==, 3);
  }
}

/* "Hardly ever" to item 10 with every other item at zero: a total of 1,
 * below the threshold, yet flagged at once. */
static void
test_epds_flag_low_total (void)
{
  g_autoptr(CLScale) scale = builtin ("epds");
  gint answers[10];
  g_autoptr(CLScaleResult) result = NULL;
  const CLScaleFlag *flag;

  for (guint i = 0; i < 10; i++)
    answers[i] = answer_for_score (cl_scale_get_item (scale, i), 0);
  answers[9] = 2;   /* "Hardly ever", the third answer */
  result = score_ok (scale, answers);
  g_assert_cmpuint (cl_scale_result_get_total (result), ==, 1);
  g_assert_cmpstr (cl_scale_result_get_band (result)->id, ==, "below");
  g_assert_false (cl_scale_result_get_positive (result));
  g_assert_true (cl_scale_result_is_urgent (result));
  g_assert_cmpuint (cl_scale_result_get_n_flags (result), ==, 1);
  flag = cl_scale_result_get_flag (result, 0);
  g_assert_cmpstr (flag->rule->id, ==, "self-harm");
  g_assert_cmpuint (flag->item, ==, 10);
  g_assert_cmpuint (flag->score, ==, 1);
  g_assert_cmpstr (cl_local_text_get (flag->rule->label, "en"), ==, "Self-harm risk");
  g_assert_cmpstr (cl_local_text_get (flag->rule->label, "zh_CN"), ==, "自伤风险");

  /* "Never" to item 10: no flag. */
  answers[9] = 3;
  {
    g_autoptr(CLScaleResult) calm = score_ok (scale, answers);

    g_assert_cmpuint (cl_scale_result_get_total (calm), ==, 0);
    g_assert_cmpuint (cl_scale_result_get_n_flags (calm), ==, 0);
    g_assert_false (cl_scale_result_is_urgent (calm));
  }
}

/* An unanswered item means no score at all, not a partial total. */
static void
test_unanswered (void)
{
  g_autoptr(CLScale) scale = builtin ("epds");
  gint answers[10];

  for (guint missing = 0; missing < 10; missing++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *number = g_strdup_printf ("Item %u ", missing + 1);
      CLScaleResult *result = NULL;

      answers_for_total (scale, 30, NULL, answers);
      answers[missing] = CL_SCALE_UNANSWERED;
      g_assert_false (cl_scale_score (scale, answers, 10, &result, &error));
      g_assert_null (result);
      g_assert_error (error, CL_SCALE_ERROR, CL_SCALE_ERROR_UNANSWERED);
      cl_test_assert_contains (error->message, number);
    }

  {
    g_autoptr(GError) error = NULL;
    CLScaleResult *result = NULL;

    answers_for_total (scale, 5, NULL, answers);
    answers[4] = 4;   /* a fifth answer to a four-answer item */
    g_assert_false (cl_scale_score (scale, answers, 10, &result, &error));
    g_assert_error (error, CL_SCALE_ERROR, CL_SCALE_ERROR_INVALID_ANSWER);
    g_assert_null (result);
    g_clear_error (&error);

    answers[4] = 0;
    g_assert_false (cl_scale_score (scale, answers, 9, &result, &error));
    g_assert_error (error, CL_SCALE_ERROR, CL_SCALE_ERROR_WRONG_COUNT);
    g_assert_null (result);
  }
}

static void
test_phq9_gad7 (void)
{
  struct { const char *id; guint total; const char *band; gboolean positive; const char *zh; } cases[] = {
    { "phq9", 0, "minimal", FALSE, "极轻微或无抑郁" },
    { "phq9", 4, "minimal", FALSE, "极轻微或无抑郁" },
    { "phq9", 5, "mild", FALSE, "轻度抑郁" },
    { "phq9", 9, "mild", FALSE, "轻度抑郁" },
    { "phq9", 10, "moderate", TRUE, "中度抑郁" },
    { "phq9", 14, "moderate", TRUE, "中度抑郁" },
    { "phq9", 15, "moderately-severe", TRUE, "中重度抑郁" },
    { "phq9", 19, "moderately-severe", TRUE, "中重度抑郁" },
    { "phq9", 20, "severe", TRUE, "重度抑郁" },
    { "phq9", 24, "severe", TRUE, "重度抑郁" },
    { "gad7", 0, "minimal", FALSE, "极轻微或无焦虑" },
    { "gad7", 4, "minimal", FALSE, "极轻微或无焦虑" },
    { "gad7", 5, "mild", FALSE, "轻度焦虑" },
    { "gad7", 9, "mild", FALSE, "轻度焦虑" },
    { "gad7", 10, "moderate", TRUE, "中度焦虑" },
    { "gad7", 14, "moderate", TRUE, "中度焦虑" },
    { "gad7", 15, "severe", TRUE, "重度焦虑" },
    { "gad7", 21, "severe", TRUE, "重度焦虑" },
  };
  static const guint not_item_9[] = { 9, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CLScale) scale = builtin (cases[i].id);
      gint answers[9];
      g_autoptr(CLScaleResult) result = NULL;

      answers_for_total (scale, cases[i].total, not_item_9, answers);
      result = score_ok (scale, answers);
      g_assert_cmpuint (cl_scale_result_get_total (result), ==, cases[i].total);
      g_assert_cmpstr (cl_scale_result_get_band (result)->id, ==, cases[i].band);
      g_assert_cmpint (cl_scale_result_get_positive (result), ==, cases[i].positive);
      g_assert_cmpstr (cl_scale_result_get_band_label (result, "zh_CN"), ==, cases[i].zh);
      g_assert_cmpuint (cl_scale_result_get_n_flags (result), ==, 0);
    }

  /* PHQ-9 all at "Nearly every day": 27, severe, item 9 flags self-harm;
   * "Several days" to item 9 alone: a total of 1 and the flag. */
  {
    g_autoptr(CLScale) scale = builtin ("phq9");
    const gint all_max[9] = { 3, 3, 3, 3, 3, 3, 3, 3, 3 };
    const gint only_9[9] = { 0, 0, 0, 0, 0, 0, 0, 0, 1 };
    g_autoptr(CLScaleResult) top = score_ok (scale, all_max);
    g_autoptr(CLScaleResult) low = score_ok (scale, only_9);

    g_assert_cmpuint (cl_scale_result_get_total (top), ==, 27);
    g_assert_cmpstr (cl_scale_result_get_band (top)->id, ==, "severe");
    g_assert_cmpuint (cl_scale_result_lookup_flag (top, "self-harm")->item, ==, 9);
    g_assert_cmpuint (cl_scale_result_get_total (low), ==, 1);
    g_assert_cmpstr (cl_scale_result_get_band (low)->id, ==, "minimal");
    g_assert_cmpuint (cl_scale_result_lookup_flag (low, "self-harm")->score, ==, 1);
    g_assert_true (cl_scale_result_is_urgent (low));
  }
}

/* With no language asked for, the current one (LANGUAGE first). */
static void
test_current_language (void)
{
  g_autoptr(CLScale) scale = builtin ("epds");
  /* The last answer everywhere: items 1, 2 and 4 at 3, the reverse-scored ones at 0. */
  const gint answers[10] = { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 };
  g_autoptr(CLScaleResult) result = score_ok (scale, answers);
  const CLScaleItem *first = cl_scale_get_item (scale, 0);

  g_assert_cmpuint (cl_scale_result_get_total (result), ==, 9);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (cl_scale_result_get_band_label (result, NULL), ==, "低于筛查界值");
  g_assert_cmpstr (cl_scale_get_title (scale, NULL), ==, "爱丁堡产后抑郁量表（EPDS）");
  g_assert_cmpstr (cl_local_text_get (first->options[3].text, NULL), ==, "完全不能");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (cl_scale_result_get_band_label (result, NULL), ==, "Below the screening threshold");
  g_assert_cmpstr (cl_local_text_get (first->options[3].text, NULL), ==, "Not at all");
  g_unsetenv ("LANGUAGE");
}

/* A malformed scale file is refused naming the group and the key that
 * are wrong. */
#define HEAD "[Scale]\nid=t\ntitle=T\ntitle[zh_CN]=测\nscores=0;1\nrange=0-2\n"                /* lines 1-6 */
#define ITEM1 "[Item 1]\ntext=A\ntext[zh_CN]=甲\noption1=No\noption1[zh_CN]=否\noption2=Yes\noption2[zh_CN]=是\n" /* 7-13 */
#define ITEM2 "[Item 2]\ntext=B\ntext[zh_CN]=乙\noption1=No\noption1[zh_CN]=否\noption2=Yes\noption2[zh_CN]=是\n" /* 14-20 */
#define BANDS "[Band low]\nrange=0-1\nseverity=none\nlabel=Low\nlabel[zh_CN]=低\n" \
              "[Band high]\nrange=2-2\nseverity=severe\npositive=true\nlabel=High\nlabel[zh_CN]=高\n"       /* 21-25, 26-31 */

static void
test_malformed (void)
{
  struct { const char *text; const char *where; const char *what; } cases[] = {
    { HEAD ITEM1 ITEM2 BANDS, NULL, NULL },   /* the base is valid */
    { ITEM1 ITEM2 BANDS, "t.ini:", "no [Scale]" },
    { "id=t\n" HEAD, "t.ini:", "does not start with a group" },
    { HEAD "this is not a key\n", "t.ini:", "not a key-value pair, group, or comment" },
    { HEAD "[Item 1\n", "t.ini:", "not a key-value pair, group, or comment" },
    { HEAD "id=u\n", "t.ini: [Scale] id:", "the key is given twice" },
    { HEAD ITEM1 ITEM1, "t.ini: [Item 1]", "the group is given twice" },
    { HEAD ITEM1 "[Item 2]\ntext=B\noption1=No\noption1[zh_CN]=否\noption2=Yes\noption2[zh_CN]=是\n" BANDS,
      "t.ini: [Item 2] text:", "text[zh_CN] (in Chinese) is missing" },
    { HEAD ITEM1 "[Item 2]\ntext=B\ntext[zh_CN]=乙\noption1=No\noption1[zh_CN]=否\noption2[zh_CN]=是\n" BANDS,
      "t.ini: [Item 2]", "option1, option2, … or options=NAME" },
    { HEAD ITEM1 "[Item 2]\ntext=B\ntext[zh_CN]=乙\noption1=No\noption1[zh_CN]=否\noption3=Yes\noption3[zh_CN]=是\n" BANDS,
      "t.ini: [Item 2]", "no option2" },
    { HEAD ITEM1 "[Item 2]\ntext=B\ntext[zh_CN]=乙\nscores=0;1;2\noption1=No\noption1[zh_CN]=否\noption2=Yes\noption2[zh_CN]=是\n" BANDS,
      "t.ini: [Item 2] scores:", "2 options but 3 scores" },
    { HEAD ITEM1 "[Item 2]\ntext=B\ntext[zh_CN]=乙\nscores=0;x\noption1=No\noption1[zh_CN]=否\noption2=Yes\noption2[zh_CN]=是\n" BANDS,
      "t.ini: [Item 2] scores:", "scores must be whole numbers" },
    { HEAD ITEM1 "[Item 2]\ntext=B\ntext[zh_CN]=乙\nreverse=yes\noption1=No\noption1[zh_CN]=否\noption2=Yes\noption2[zh_CN]=是\n" BANDS,
      "t.ini: [Item 2] reverse:", "reverse must be true or false" },
    { HEAD ITEM1 "[Item 2]\ntext=B\ntext[zh_CN]=乙\ncolour=red\noption1=No\noption1[zh_CN]=否\noption2=Yes\noption2[zh_CN]=是\n" BANDS,
      "t.ini: [Item 2] colour:", "unknown key colour" },
    { HEAD ITEM1 "[Item 2]\ntext=B\ntext[zh_CN]=乙\noptions=yesno\n" BANDS,
      "t.ini: [Item 2] options:", "there is no [Options yesno]" },
    { HEAD ITEM1 "[Item 3]\ntext=B\ntext[zh_CN]=乙\noption1=No\noption1[zh_CN]=否\noption2=Yes\noption2[zh_CN]=是\n" BANDS,
      "t.ini:", "no [Item 2]" },
    { HEAD ITEM1 "[Item two]\n", "t.ini: [Item two]", "[Item 1], [Item 2]" },
    { HEAD ITEM1 ITEM2 "[Colour]\n" BANDS, "t.ini: [Colour]", "unknown group" },
    { "[Scale]\nid=t\ntitle=T\ntitle[zh_CN]=测\nscores=0;1\nrange=0-3\n" ITEM1 ITEM2 BANDS,
      "t.ini: [Scale] range:", "range=0-3 but the items' scores add up to 0-2" },
    { "[Scale]\nid=T!\ntitle=T\ntitle[zh_CN]=测\nscores=0;1\nrange=0-2\n" ITEM1 ITEM2 BANDS,
      "t.ini: [Scale] id:", "id is required" },
    { HEAD ITEM1 ITEM2 "[Band low]\nrange=0-0\nseverity=none\nlabel=Low\nlabel[zh_CN]=低\n"
      "[Band high]\nrange=2-2\nseverity=severe\nlabel=High\nlabel[zh_CN]=高\n",
      "t.ini: [Band high]", "gap: no band holds 1" },
    { HEAD ITEM1 ITEM2 "[Band low]\nrange=0-1\nseverity=none\nlabel=Low\nlabel[zh_CN]=低\n"
      "[Band high]\nrange=1-2\nseverity=severe\nlabel=High\nlabel[zh_CN]=高\n",
      "t.ini: [Band high]", "overlap: 1 is already in another band" },
    { HEAD ITEM1 ITEM2 "[Band low]\nrange=0-1\nseverity=none\nlabel=Low\nlabel[zh_CN]=低\n"
      "[Band high]\nrange=2-5\nseverity=severe\nlabel=High\nlabel[zh_CN]=高\n",
      "t.ini: [Band high]", "ends at 5 but the highest total is 2" },
    { HEAD ITEM1 ITEM2 "[Band low]\nrange=0-1\nseverity=none\nlabel=Low\nlabel[zh_CN]=低\n",
      "t.ini:", "nothing holds 2" },
    { HEAD ITEM1 ITEM2 "[Band low]\nrange=1-0\nseverity=none\nlabel=Low\nlabel[zh_CN]=低\n",
      "t.ini: [Band low] range:", "range must be a range MIN-MAX" },
    { HEAD ITEM1 ITEM2 "[Band all]\nrange=0-2\nseverity=awful\nlabel=All\nlabel[zh_CN]=全\n",
      "t.ini: [Band all] severity:", "severity must be none, mild" },
    { HEAD ITEM1 ITEM2 "[Band all]\nrange=0-2\nseverity=none\nlabel=All\n",
      "t.ini: [Band all] label:", "label[zh_CN] (in Chinese) is missing" },
    { HEAD ITEM1 ITEM2 BANDS "[Flag self-harm]\nitem=3\nlabel=Risk\nlabel[zh_CN]=风险\n",
      "t.ini: [Flag self-harm] item:", "item=3 but the scale has items 1 to 2" },
    { HEAD ITEM1 ITEM2 BANDS "[Flag self-harm]\nitem=2\nmin-score=2\nlabel=Risk\nlabel[zh_CN]=风险\n",
      "t.ini: [Flag self-harm]", "min-score must be from 1 to item 2's highest score, 1" },
    { HEAD ITEM1 ITEM2 BANDS "[Flag self-harm]\nlabel=Risk\nlabel[zh_CN]=风险\n",
      "t.ini: [Flag self-harm]", "item is required" },
    { "[Scale]\nid=t\ntitle=T\ntitle[zh_CN]=测\nrange=0-2\n" ITEM1, "t.ini: [Item 1]", "no scores" },
    { "\xff\xfe", "t.ini:", "not UTF-8" },
    { "[Scale]\nid=t\ntitle=T\ntitle[zh_CN]=测\ninstructions[zh_CN]=请回答\nscores=0;1\nrange=0-2\n" ITEM1 ITEM2 BANDS,
      "t.ini: [Scale] instructions[zh_CN]:", "instructions (in English) is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(CLScale) scale = cl_scale_new_from_bytes (bytes, "t.ini", &error);

      g_test_message ("case %u: %s", i, cases[i].what ? cases[i].what : "valid");
      if (cases[i].where == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (scale);
          continue;
        }
      g_assert_null (scale);
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_KEY_FILE_ERROR);
      if (!g_str_has_prefix (error->message, cases[i].where))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].where);
      cl_test_assert_contains (error->message, cases[i].what);
    }
}

/* The hospital's scales directory: its own scale loads beside the
 * built-in ones, a malformed file and one that takes a built-in's id
 * are reported with the file (and the group and key, or the bad line)
 * and skipped. */
static void
test_catalog (void)
{
  g_autofree char *dir = cl_test_make_tmp_dir ("test-scales-dir");
  g_autofree char *shipped = g_test_build_filename (G_TEST_DIST, "data", "hospital-scales", "sleep-check.ini", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *own = g_build_filename (dir, "sleep-check.ini", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.ini", NULL);
  g_autofree char *twin = g_build_filename (dir, "epds-copy.ini", NULL);
  g_autofree char *bad_where = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) scales = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CLScaleResult) result = NULL;
  static const gint answers[3] = { 2, 1, 2 };
  CLScale *scale;

  g_assert_true (g_file_get_contents (shipped, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (own, contents, -1, &error));
  g_assert_true (g_file_set_contents (bad, "[Scale]\nid=broken\ntitle=Broken\ntitle[zh_CN]=坏\n"
                                      "this is not a key\n", -1, &error));
  g_free (contents);
  contents = g_strdup (HEAD ITEM1 ITEM2 BANDS);
  /* The same id as a built-in scale. */
  {
    g_autoptr(GString) text = g_string_new (contents);

    g_string_replace (text, "id=t\n", "id=epds\n", 1);
    g_assert_true (g_file_set_contents (twin, text->str, -1, &error));
  }
  g_assert_no_error (error);

  scales = cl_scale_catalog_read_dir (dir, cl_scale_get_builtin_ids (), problems);
  g_assert_cmpuint (scales->len, ==, 1);
  scale = g_ptr_array_index (scales, 0);
  g_assert_cmpstr (cl_scale_get_id (scale), ==, "sleep-check");
  g_assert_cmpstr (cl_scale_get_short_title (scale, "zh_CN"), ==, "睡眠自评");
  g_assert_cmpuint (cl_scale_get_n_items (scale), ==, 3);
  g_assert_cmpuint (cl_scale_get_max_total (scale), ==, 6);
  g_assert_true (cl_scale_score (scale, answers, 3, &result, &error));
  g_assert_cmpuint (cl_scale_result_get_total (result), ==, 5);
  g_assert_true (cl_scale_result_get_positive (result));
  g_assert_nonnull (cl_scale_result_lookup_flag (result, "coping"));

  /* Two problems, in file name order: broken.ini, quoting its bad
   * line, then the copy of the EPDS id. */
  g_assert_cmpuint (problems->len, ==, 2);
  bad_where = g_strdup_printf ("%s: ", bad);
  if (!g_str_has_prefix (g_ptr_array_index (problems, 0), bad_where))
    g_error ("“%s” does not start with “%s”", (char *) g_ptr_array_index (problems, 0), bad_where);
  cl_test_assert_contains (g_ptr_array_index (problems, 0), "this is not a key");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), twin));
  cl_test_assert_contains (g_ptr_array_index (problems, 1), "id=epds is already a scale in force");

  /* No directory: no scale and no problem. */
  g_clear_pointer (&scales, g_ptr_array_unref);
  g_ptr_array_set_size (problems, 0);
  scales = cl_scale_catalog_read_dir ("/nonexistent/careline/scales", NULL, problems);
  g_assert_cmpuint (scales->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 0);
  cl_test_remove_tree (dir);
}

/* In force, through CARELINE_SCALES_DIR: the built-in first, then the
 * hospital's, found by id like the built-in ones. */
static void
test_catalog_in_force (void)
{
  const char * const *ids = cl_scale_catalog_ids ();

  g_assert_cmpstr (ids[0], ==, "epds");
  g_assert_cmpstr (ids[1], ==, "phq9");
  g_assert_cmpstr (ids[2], ==, "gad7");
  g_assert_cmpstr (ids[3], ==, "sleep-check");
  g_assert_null (ids[4]);
  g_assert_nonnull (cl_scale_lookup ("sleep-check"));
  g_assert_true (cl_scale_lookup ("sleep-check") == cl_scale_catalog_lookup ("sleep-check"));
  g_assert_null (cl_scale_lookup ("nonesuch"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The hospital's directory: the tests' one scale of its own. */
  {
    g_autofree char *scales = g_test_build_filename (G_TEST_DIST, "data", "hospital-scales", NULL);

    g_setenv ("CARELINE_SCALES_DIR", scales, TRUE);
  }

  g_test_add_func ("/scales/data-files", test_data_files);
  g_test_add_func ("/scales/shapes", test_shapes);
  g_test_add_func ("/scales/epds-key", test_epds_key);
  g_test_add_func ("/scales/epds-examples", test_epds_examples);
  g_test_add_func ("/scales/epds-flag-low-total", test_epds_flag_low_total);
  g_test_add_func ("/scales/unanswered", test_unanswered);
  g_test_add_func ("/scales/phq9-gad7", test_phq9_gad7);
  g_test_add_func ("/scales/current-language", test_current_language);
  g_test_add_func ("/scales/malformed", test_malformed);
  g_test_add_func ("/scales/catalog", test_catalog);
  g_test_add_func ("/scales/catalog-in-force", test_catalog_in_force);

  return g_test_run ();
}
