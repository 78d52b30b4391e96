/* cl-store-bigrams.c
 *
 * The SQL function cl_bigrams(text), for the contact log's index of
 * two-character words (cl-store-migrations.c, schema 15): a trigram
 * index cannot find a word shorter than three characters, and many
 * Chinese names are two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-private.h"

char *
cl_store_bigrams (const char *text)
{
  GString *out = g_string_new (NULL);
  gunichar previous = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);
  /* Each pair of neighbouring letters or digits, lower-cased, as one
   * word: 王秀英 13800 → "王秀 秀英 13 38 80 00".  The index's own
   * tokenizer then takes each pair as a token, and a two-character word
   * is a token to look up. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (!g_unichar_isalnum (c))
        {
          previous = 0;
          continue;
        }
      if (previous)
        {
          if (out->len)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, previous);
          g_string_append_unichar (out, c);
        }
      previous = c;
    }
  return g_string_free (out, FALSE);
}

static void
bigrams_function (sqlite3_context *context,
                  int              argc,
                  sqlite3_value  **argv)
{
  char *result = cl_store_bigrams ((const char *) sqlite3_value_text (argv[0]));

  sqlite3_result_text (context, result, -1, g_free);
}

int
cl_store_register_functions (sqlite3 *db)
{
  int rc = sqlite3_create_function_v2 (db, "cl_bigrams", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                       NULL, bigrams_function, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = cl_store_register_directory_functions (db);
  return rc;
}
