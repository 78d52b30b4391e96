#define G_LOG_DOMAIN "cl-directory-keys"

#include "config.h"

#include "cl-directory-keys.h"
#include "cl-pinyin.h"

/* A name longer than this is found by its first characters' suffixes
 * only: no one types the middle of a long procedure title. */
#define MAX_SUFFIXES 16

static void
add (GPtrArray  *keys,
     GHashTable *seen,
     const char *key)
{
  if (key == NULL || *key == '\0' || keys->len >= CL_DIRECTORY_MAX_KEYS ||
      g_hash_table_contains (seen, key))
    return;
  g_ptr_array_add (keys, g_strdup (key));
  g_hash_table_add (seen, keys->pdata[keys->len - 1]);
}

/* Every suffix of @text starting at a Han character (or next to one),
 * and @text itself: "产科" is in 妇产科, but "ck" is not in "check"
 * (Latin words are found from each word on by their syllables). */
static void
add_suffixes (GPtrArray  *keys,
              GHashTable *seen,
              const char *text)
{
  gboolean previous_ascii = FALSE;
  guint n = 0;

  for (const char *p = text; p && *p && n < MAX_SUFFIXES; p = g_utf8_next_char (p))
    {
      gboolean ascii = (guchar) *p < 0x80;

      if (p == text || !ascii || !previous_ascii)
        {
          add (keys, seen, p);
          n++;
        }
      previous_ascii = ascii;
    }
}

/* The syllables joined without spaces, from each syllable on. */
static void
add_syllables (GPtrArray  *keys,
               GHashTable *seen,
               const char *spaced)
{
  g_auto(GStrv) words = g_strsplit (spaced ? spaced : "", " ", -1);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n && i < MAX_SUFFIXES; i++)
    {
      g_autofree char *joined = g_strjoinv ("", words + i);

      add (keys, seen, joined);
    }
}

static gboolean
has_han (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (g_unichar_get_script (g_utf8_get_char (text)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

GPtrArray *
cl_directory_keys (const char * const *texts)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; texts && texts[i]; i++)
    {
      g_autofree char *plain = NULL, *full = NULL, *initials = NULL;

      if (*texts[i] == '\0')
        continue;
      plain = cl_pinyin_normalize_query (texts[i]);
      full = cl_pinyin_full (texts[i]);
      initials = cl_pinyin_initials (texts[i]);
      if (i > 0 && has_han (texts[i]))
        {
          /* A doctor's specialty, a price's category: found from its
           * start only, or "zhang" would find every 生长发育. */
          g_autoptr(GString) word = g_string_new (NULL);

          for (const char *p = full; *p; p++)
            if (*p != ' ')
              g_string_append_c (word, *p);
          add (keys, seen, plain);
          add (keys, seen, word->str);
          add (keys, seen, initials);
          continue;
        }
      add_suffixes (keys, seen, plain);
      add_syllables (keys, seen, full);
      add_suffixes (keys, seen, initials);
    }
  return keys;
}

char *
cl_directory_query_key (const char *typed)
{
  g_autofree char *key = cl_pinyin_normalize_query (typed ? typed : "");

  if (key == NULL || *key == '\0')
    return NULL;
  return g_steal_pointer (&key);
}
