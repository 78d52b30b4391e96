/* test-risk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cl-risk.h"
#include "cl-validation.h"

#define OK -1

static void
test_default_scale (void)
{
  static const struct
  {
    const char *code;
    const char *label;
    const char *color;
    gint        rank;
    gboolean    combinable;
  } expected[] = {
    { "green", "Green (low risk)", "#2ec27e", 10, FALSE },
    { "yellow", "Yellow (general risk)", "#f6d32d", 20, FALSE },
    { "orange", "Orange (higher risk)", "#ff7800", 30, FALSE },
    { "red", "Red (high risk)", "#e01b24", 40, FALSE },
    { "purple", "Purple (infectious disease)", "#9141ac", 50, TRUE },
  };
  ClRiskScale *scale = cl_risk_scale_get_default ();

  g_assert_nonnull (scale);
  g_assert_true (scale == cl_risk_scale_get_default ());
  g_assert_cmpuint (cl_risk_scale_get_n_levels (scale), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ClRiskLevel *level = cl_risk_scale_get_level (scale, i);

      g_assert_cmpstr (level->code, ==, expected[i].code);
      g_assert_cmpstr (level->label, ==, expected[i].label);
      g_assert_cmpstr (level->color, ==, expected[i].color);
      g_assert_cmpint (level->rank, ==, expected[i].rank);
      g_assert_cmpint (level->combinable, ==, expected[i].combinable);
      g_assert_true (cl_risk_scale_lookup (scale, expected[i].code) == level);
      /* The chip in a list shows the colour alone ("Green"). */
      g_assert_true (g_str_has_prefix (expected[i].label, level->short_label));
      g_assert_cmpuint (strlen (level->short_label), <, strchr (expected[i].label, '(') - expected[i].label);
    }

  g_assert_null (cl_risk_scale_lookup (scale, "blue"));
  g_assert_null (cl_risk_scale_lookup (scale, "Red"));
  g_assert_null (cl_risk_scale_lookup (scale, NULL));

  /* a reference taken and dropped leaves the default scale alive */
  cl_risk_scale_unref (cl_risk_scale_ref (scale));
  g_assert_cmpstr (cl_risk_scale_get_level (scale, 0)->code, ==, "green");
}

static void
test_normalize (void)
{
  static const struct
  {
    const char *value;
    gint        code;
    const char *normalized;
  } cases[] = {
    { "", OK, "" },
    { "  ", OK, "" },
    { NULL, OK, "" },
    { "green", OK, "green" },
    { "red", OK, "red" },
    { "purple", OK, "purple" },                   /* combinable alone */
    { "orange+purple", OK, "orange+purple" },
    { "purple+orange", OK, "orange+purple" },     /* main level first */
    { "purple+green", OK, "green+purple" },
    { "Orange + Purple", OK, "orange+purple" },   /* hand-typed exports */
    { " RED ", OK, "red" },

    { "red+orange", CL_VALIDATION_ERROR_COMBINATION },
    { "green+yellow", CL_VALIDATION_ERROR_COMBINATION },
    { "purple+purple", CL_VALIDATION_ERROR_COMBINATION },
    { "orange+orange", CL_VALIDATION_ERROR_COMBINATION },
    { "orange+purple+orange", CL_VALIDATION_ERROR_COMBINATION },
    { "red+purple+green", CL_VALIDATION_ERROR_COMBINATION },

    { "blue", CL_VALIDATION_ERROR_FORMAT },
    { "orange+blue", CL_VALIDATION_ERROR_FORMAT },
    { "orange+", CL_VALIDATION_ERROR_FORMAT },
    { "+purple", CL_VALIDATION_ERROR_FORMAT },
    { "orange++purple", CL_VALIDATION_ERROR_FORMAT },
    { "orange,purple", CL_VALIDATION_ERROR_FORMAT },
  };
  ClRiskScale *scale = cl_risk_scale_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean ok;

      g_test_message ("risk “%s”", cases[i].value ? cases[i].value : "(null)");
      ok = cl_risk_normalize (scale, cases[i].value, &normalized, &error);

      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (normalized, ==, cases[i].normalized);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, CL_VALIDATION_ERROR, cases[i].code);
          g_assert_null (normalized);
        }
    }
}

static void
test_messages (void)
{
  ClRiskScale *scale = cl_risk_scale_get_default ();
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_risk_normalize (scale, "red+orange", NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Red (high risk) and Orange (higher risk) cannot be combined; keep only the more severe one");
  g_clear_error (&error);

  g_assert_false (cl_risk_normalize (scale, "blue", NULL, &error));
  g_assert_cmpstr (error->message, ==, "“blue” is not a known risk level; choose one from the list");
}

static void
test_rank (void)
{
  static const struct
  {
    const char *value;
    gint        rank;
  } cases[] = {
    { "", 0 },
    { NULL, 0 },
    { "blue", 0 },
    { "green", 10 },
    { "yellow", 20 },
    { "orange", 30 },
    { "red", 40 },
    { "purple", 50 },
    { "green+purple", 50 },
    { "red+purple", 50 },
    { "red+blue", 40 },
  };
  ClRiskScale *scale = cl_risk_scale_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cl_risk_rank (scale, cases[i].value), ==, cases[i].rank);
}

static void
test_format (void)
{
  static const struct
  {
    const char *value;
    const char *text;
  } cases[] = {
    { "", "Not assessed" },
    { NULL, "Not assessed" },
    { "red", "Red (high risk)" },
    { "purple+orange", "Orange (higher risk) + Purple (infectious disease)" },
    /* invalid values are still shown, as stored */
    { "red+orange", "Red (high risk) + Orange (higher risk)" },
    { "blue", "blue" },
  };
  ClRiskScale *scale = cl_risk_scale_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cl_risk_format (scale, cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("careline-risk-XXXXXX.ini", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* Deliberately not in rank order, to check the sort. */
static const char custom_scale[] =
  "[high]\n"
  "label=High risk\n"
  "label[zh_CN]=高风险\n"
  "color=#e01b24\n"
  "rank=40\n"
  "\n"
  "[low]\n"
  "label=Low risk\n"
  "label[zh_CN]=低风险\n"
  "color=#2ec27e\n"
  "rank=10\n"
  "combinable=false\n"
  "\n"
  "[hiv]\n"
  "label=HIV / syphilis / hepatitis B\n"
  "color=#9141AC\n"
  "rank=45\n"
  "combinable=true\n";

static void
test_key_file (void)
{
  static const struct
  {
    const char *code;
    const char *label;
    const char *color;
    gint        rank;
    gboolean    combinable;
  } expected[] = {
    { "low", "Low risk", "#2ec27e", 10, FALSE },
    { "high", "High risk", "#e01b24", 40, FALSE },
    { "hiv", "HIV / syphilis / hepatitis B", "#9141AC", 45, TRUE },
  };
  g_autofree char *path = write_temp (custom_scale);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRiskScale) scale = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *text = NULL;

  scale = cl_risk_scale_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scale);

  g_assert_cmpuint (cl_risk_scale_get_n_levels (scale), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ClRiskLevel *level = cl_risk_scale_get_level (scale, i);

      g_assert_cmpstr (level->code, ==, expected[i].code);
      g_assert_cmpstr (level->label, ==, expected[i].label);
      g_assert_cmpstr (level->color, ==, expected[i].color);
      g_assert_cmpint (level->rank, ==, expected[i].rank);
      g_assert_cmpint (level->combinable, ==, expected[i].combinable);
      /* A label without brackets is its own short label. */
      g_assert_cmpstr (level->short_label, ==, expected[i].label);
    }

  /* the default scale's codes mean nothing here */
  g_assert_null (cl_risk_scale_lookup (scale, "red"));

  g_assert_true (cl_risk_normalize (scale, "hiv+high", &normalized, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "high+hiv");
  g_assert_false (cl_risk_normalize (scale, "high+low", NULL, &error));
  g_assert_error (error, CL_VALIDATION_ERROR, CL_VALIDATION_ERROR_COMBINATION);

  g_assert_cmpint (cl_risk_rank (scale, "low+hiv"), ==, 45);
  text = cl_risk_format (scale, "hiv+low");
  g_assert_cmpstr (text, ==, "Low risk + HIV / syphilis / hepatitis B");

  g_unlink (path);
}

static void
test_key_file_localized (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *path = write_temp (custom_scale);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClRiskScale) scale = NULL;

  /* GKeyFile picks label[xx] from the language list, which LANGUAGE
   * leads. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  scale = cl_risk_scale_new_from_file (path, &error);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_assert_no_error (error);
  g_assert_cmpstr (cl_risk_scale_lookup (scale, "high")->label, ==, "高风险");
  g_assert_cmpstr (cl_risk_scale_lookup (scale, "low")->label, ==, "低风险");
  /* no translation: the untranslated label */
  g_assert_cmpstr (cl_risk_scale_lookup (scale, "hiv")->label, ==, "HIV / syphilis / hepatitis B");

  g_unlink (path);
}

static void
test_key_file_errors (void)
{
  static const struct
  {
    const char *contents;
    gint        code;
  } cases[] = {
    { "", G_KEY_FILE_ERROR_GROUP_NOT_FOUND },
    { "# only a comment\n", G_KEY_FILE_ERROR_GROUP_NOT_FOUND },
    { "label=outside any group\n", G_KEY_FILE_ERROR_GROUP_NOT_FOUND },
    { "[red]\ncolor=#e01b24\nrank=40\n", G_KEY_FILE_ERROR_INVALID_VALUE },               /* no label */
    { "[red]\nlabel=Red\nrank=40\n", G_KEY_FILE_ERROR_INVALID_VALUE },                   /* no colour */
    { "[red]\nlabel=Red\ncolor=red\nrank=40\n", G_KEY_FILE_ERROR_INVALID_VALUE },        /* not hex */
    { "[red]\nlabel=Red\ncolor=#e01b2\nrank=40\n", G_KEY_FILE_ERROR_INVALID_VALUE },     /* 5 digits */
    { "[red]\nlabel=Red\ncolor=#e01b24\n", G_KEY_FILE_ERROR_INVALID_VALUE },             /* no rank */
    { "[red]\nlabel=Red\ncolor=#e01b24\nrank=high\n", G_KEY_FILE_ERROR_INVALID_VALUE },
    { "[red]\nlabel=Red\ncolor=#e01b24\nrank=0\n", G_KEY_FILE_ERROR_INVALID_VALUE },
    { "[red]\nlabel=Red\ncolor=#e01b24\nrank=40\ncombinable=maybe\n", G_KEY_FILE_ERROR_INVALID_VALUE },
    { "[Red Level]\nlabel=Red\ncolor=#e01b24\nrank=40\n", G_KEY_FILE_ERROR_INVALID_VALUE },
    { "[red+x]\nlabel=Red\ncolor=#e01b24\nrank=40\n", G_KEY_FILE_ERROR_INVALID_VALUE },
    { "[red\nlabel=Red\n", G_KEY_FILE_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_temp (cases[i].contents);
      g_autoptr(GError) error = NULL;
      g_autoptr(ClRiskScale) scale = NULL;

      g_test_message ("key file case %u", i);
      scale = cl_risk_scale_new_from_file (path, &error);
      g_assert_null (scale);
      g_assert_error (error, G_KEY_FILE_ERROR, cases[i].code);

      g_unlink (path);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ClRiskScale) scale = NULL;

    scale = cl_risk_scale_new_from_file ("/nonexistent/careline/risk.ini", &error);
    g_assert_null (scale);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risk/default-scale", test_default_scale);
  g_test_add_func ("/risk/normalize", test_normalize);
  g_test_add_func ("/risk/messages", test_messages);
  g_test_add_func ("/risk/rank", test_rank);
  g_test_add_func ("/risk/format", test_format);
  g_test_add_func ("/risk/key-file", test_key_file);
  g_test_add_func ("/risk/key-file-localized", test_key_file_localized);
  g_test_add_func ("/risk/key-file-errors", test_key_file_errors);

  return g_test_run ();
}
