/* The strict JSON check: what RFC 8259 allows passes, what json-glib
 * would also take (comments, '…' strings) or mangle (lone surrogates,
 * \u0000, integers beyond gint64) does not, at any depth. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-json-strict.h"

static gboolean
check (const char *text,
       guint       max_depth,
       char      **normalized,
       GError    **error)
{
  g_autofree char *unused = NULL;

  return cl_json_strict_check (text, strlen (text), max_depth,
                               normalized ? normalized : &unused, error);
}

static void
test_valid (void)
{
  const char *texts[] = {
    "{}", "[]", "0", "-0", "1.5e-3", "-12E+4", "\"x\"", "true", "false", "null", " [ 1 , 2 ] \n",
    "{\"a\":[{\"b\":null}],\"c\":\"\\u00e9\\ud83d\\ude00\\n\\\"\\/\"}", "\"张小梅\"",
    "[9223372036854775807,-9223372036854775808]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      if (!check (texts[i], 32, &normalized, &error))
        g_error ("%s: %s", texts[i], error->message);
      g_assert_null (normalized);
    }
}

static void
test_invalid (void)
{
  struct { const char *text; int code; } cases[] = {
    { "", CL_JSON_STRICT_ERROR_SYNTAX },
    { "{", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[1,]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "{\"a\":1,}", CL_JSON_STRICT_ERROR_SYNTAX },
    { "{\"a\" 1}", CL_JSON_STRICT_ERROR_SYNTAX },
    { "{'a':1}", CL_JSON_STRICT_ERROR_SYNTAX },
    { "['a']", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[1 /* c */]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[1] // c", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[01]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[1.]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[.5]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[+1]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[1e]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[NaN]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[tru]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[truex]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[1}", CL_JSON_STRICT_ERROR_SYNTAX },
    { "{]", CL_JSON_STRICT_ERROR_SYNTAX },
    { "[] []", CL_JSON_STRICT_ERROR_SYNTAX },
    { "\"a\tb\"", CL_JSON_STRICT_ERROR_SYNTAX },
    { "\"\\x\"", CL_JSON_STRICT_ERROR_SYNTAX },
    { "\"\\u12g4\"", CL_JSON_STRICT_ERROR_SYNTAX },
    { "\"abc", CL_JSON_STRICT_ERROR_SYNTAX },
    { "\"\\", CL_JSON_STRICT_ERROR_SYNTAX },
    { "\xef\xbb\xbf{}", CL_JSON_STRICT_ERROR_SYNTAX },
    { "\"\xff\"", CL_JSON_STRICT_ERROR_UTF8 },
    { "\"\xc0\xaf\"", CL_JSON_STRICT_ERROR_UTF8 },
    { "\"\xed\xa0\x80\"", CL_JSON_STRICT_ERROR_UTF8 },
    { "\"\\ud800\"", CL_JSON_STRICT_ERROR_SURROGATE },
    { "\"\\udc00\"", CL_JSON_STRICT_ERROR_SURROGATE },
    { "\"\\ud800\\u0041\"", CL_JSON_STRICT_ERROR_SURROGATE },
    { "\"\\ud800x\"", CL_JSON_STRICT_ERROR_SURROGATE },
    { "\"\\ud800", CL_JSON_STRICT_ERROR_SURROGATE },
    { "\"a\\u0000b\"", CL_JSON_STRICT_ERROR_NUL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      if (check (cases[i].text, 32, NULL, &error))
        g_error ("accepted: %s", cases[i].text);
      if (!g_error_matches (error, CL_JSON_STRICT_ERROR, cases[i].code))
        g_error ("%s: %s (code %d, not %d)", cases[i].text, error->message, error->code, cases[i].code);
      g_assert_nonnull (error->message);
    }

  /* A raw NUL byte, which a C string cannot hold. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *normalized = NULL;

    g_assert_false (cl_json_strict_check ("[\"a\0\"]", 6, 32, &normalized, &error));
    g_assert_error (error, CL_JSON_STRICT_ERROR, CL_JSON_STRICT_ERROR_NUL);
  }
}

/* A '"' in a comment or in a '…' string hid the rest from the old
 * bracket count; the tokenizer never gets that far. */
static void
test_hidden_nesting (void)
{
  const char *prefixes[] = { "{\"a\":1 /* \" */, \"b\":", "{\"a\":'\"', \"b\":", "" };

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (gsize depth = 1000; depth <= 100000; depth *= 10)
      {
        g_autoptr(GString) text = g_string_new (prefixes[p]);
        g_autoptr(GError) error = NULL;

        for (gsize i = 0; i < depth; i++)
          g_string_append_c (text, '[');
        g_assert_false (check (text->str, 32, NULL, &error));
        g_assert_nonnull (error);
      }

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (check ("[[[1]]]", 3, NULL, &error));
    g_assert_false (check ("[[[[1]]]]", 3, NULL, &error));
    g_assert_error (error, CL_JSON_STRICT_ERROR, CL_JSON_STRICT_ERROR_DEPTH);
  }
}

/* Integers beyond gint64 come out of json-glib as doubles, never
 * wrapped. */
static void
test_wide_integers (void)
{
  const char *text = "{\"a\":9223372036854775808,\"b\":-9223372036854775809,\"c\":1,\"d\":18446744073709551616}";
  g_autofree char *normalized = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_true (check (text, 32, &normalized, &error));
  g_assert_no_error (error);
  g_assert_nonnull (normalized);
  root = json_from_string (normalized, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "a")) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (object, "a"), >, 9.2e18);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "b")) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (object, "b"), <, -9.2e18);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "c")) == G_TYPE_INT64);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "d")) == G_TYPE_DOUBLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-strict/valid", test_valid);
  g_test_add_func ("/json-strict/invalid", test_invalid);
  g_test_add_func ("/json-strict/hidden-nesting", test_hidden_nesting);
  g_test_add_func ("/json-strict/wide-integers", test_wide_integers);

  return g_test_run ();
}
