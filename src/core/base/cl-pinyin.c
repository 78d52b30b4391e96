/* cl-pinyin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-pinyin"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "cl-pinyin.h"

/* ICU's Han-Latin gives tone-marked pinyin with a space between Han
 * characters; Latin-ASCII drops the tone marks (and turns ü into u,
 * full-width letters into ASCII); Lower folds the case. */
#define TRANSLITERATOR_ID "Han-Latin; Latin-ASCII; Lower"

/* Why a per-character cache instead of running ICU on the whole name:
 * the transliterator costs about 15 µs per Han character (its rules
 * are thousands of character classes), so a three-character name took
 * ~50 µs and demo data, which keys ~100 000 names, spent seconds in
 * ICU.  Han-Latin's rules are per character except four word rules
 * (藏文, 重庆, 沈阳, 秘鲁) that do not matter for names, so reading each
 * character once and caching it gives the same keys at ~1 µs a name.
 *
 * A UTransliterator is not thread-safe and takes ~150 ms to build, so
 * the process keeps one, built on the first cache miss, next to one
 * cache, both used under a lock: threads that live for one sync round
 * (the pull's decode thread) must not build their own every round. */
typedef struct
{
  UTransliterator *trans;
  gboolean         trans_failed;
  GHashTable      *readings;  /* gunichar -> char*: lower-case reading */
} PinyinCache;

static GMutex cache_lock;

/* Surnames whose reading differs from the character's usual one (or
 * two-character surnames read as a unit).  Two-character surnames come
 * first because the longest match wins: 单于 is chan yu, not shan yu.
 * Where a surname has two real readings (盖 Gě/Gài, 乐 Yuè/Lè,
 * 覃 Qín/Tán, 翟 Zhái/Dí, 隗 Wěi/Kuí) the one dictionaries give first
 * for the surname is used. */
static const struct
{
  const char *surname;
  const char *reading;
} surnames[] = {
  { "尉迟", "yu chi" },
  { "万俟", "mo qi" },
  { "单于", "chan yu" },
  { "长孙", "zhang sun" },
  { "澹台", "tan tai" },
  { "单", "shan" },
  { "曾", "zeng" },
  { "解", "xie" },
  { "仇", "qiu" },
  { "朴", "piao" },
  { "查", "zha" },
  { "区", "ou" },
  { "盖", "ge" },
  { "乐", "yue" },
  { "覃", "qin" },
  { "缪", "miao" },
  { "繁", "po" },
  { "种", "chong" },
  { "翟", "zhai" },
  { "召", "shao" },
  { "秘", "bi" },
  { "黑", "he" },
  { "员", "yun" },
  { "过", "guo" },
  { "郇", "huan" },
  { "冼", "xian" },
  { "句", "gou" },
  { "逄", "pang" },
  { "隗", "wei" },
  { "蕃", "pi" },
  { "薄", "bo" },
  { "阚", "kan" },
  { "卜", "bu" },
  { "粘", "nian" },
  { "乜", "nie" },
  { "都", "du" },
};

/* Kept for the life of the process; lookup_reading() takes the lock. */
static PinyinCache *
get_cache (void)
{
  static PinyinCache *cache;

  if (g_once_init_enter (&cache))
    {
      PinyinCache *made = g_new0 (PinyinCache, 1);

      made->readings = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_once_init_leave (&cache, made);
    }

  return cache;
}

static UTransliterator *
get_transliterator (PinyinCache *cache)
{
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  UChar id[64];

  if (cache->trans != NULL || cache->trans_failed)
    return cache->trans;

  u_uastrcpy (id, TRANSLITERATOR_ID);
  cache->trans = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, &parse_error, &status);
  if (U_FAILURE (status))
    {
      /* Missing ICU data: keys then hold the characters themselves,
       * which still match a search for the characters. */
      g_warning ("Cannot open ICU transliterator “%s”: %s",
                 TRANSLITERATOR_ID, u_errorName (status));
      cache->trans = NULL;
      cache->trans_failed = TRUE;
    }

  return cache->trans;
}

/* Reading of one character through ICU, or the lower-cased character
 * itself when ICU has nothing better (no reading, or an error). */
static char *
transliterate_char (PinyinCache *cache,
                    gunichar     c)
{
  UTransliterator *trans = get_transliterator (cache);
  UErrorCode status = U_ZERO_ERROR;
  UChar buf[64];
  int32_t len = 0;
  int32_t limit;
  char out[256];
  int32_t out_len = 0;

  if (trans == NULL)
    goto fallback;

  U16_APPEND_UNSAFE (buf, len, c);
  limit = len;
  utrans_transUChars (trans, buf, &len, G_N_ELEMENTS (buf), 0, &limit, &status);
  if (U_FAILURE (status))
    goto fallback;

  u_strToUTF8 (out, sizeof out, &out_len, buf, len, &status);
  if (U_FAILURE (status) || status == U_STRING_NOT_TERMINATED_WARNING)
    goto fallback;

  return g_utf8_strdown (out, out_len);

fallback:
  {
    char utf8[7] = { 0, };

    g_unichar_to_utf8 (g_unichar_tolower (c), utf8);
    return g_strdup (utf8);
  }
}

static const char *
lookup_reading (PinyinCache *cache,
                gunichar     c)
{
  const char *reading;

  /* A reading, once in the table, stays there unchanged for the life
   * of the process, so it may be used after the lock is let go. */
  g_mutex_lock (&cache_lock);
  reading = g_hash_table_lookup (cache->readings, GUINT_TO_POINTER (c));
  if (reading == NULL)
    {
      char *value = transliterate_char (cache, c);

      g_hash_table_insert (cache->readings, GUINT_TO_POINTER (c), value);
      reading = value;
    }
  g_mutex_unlock (&cache_lock);

  return reading;
}

static inline void
flush_word (GString *out,
            GString *word)
{
  if (word->len == 0)
    return;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_len (out, word->str, word->len);
  g_string_truncate (word, 0);
}

/* Appends @text to @word, breaking words at anything that is not a
 * letter or digit. */
static void
append_split (GString    *out,
              GString    *word,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else
        flush_word (out, word);
    }
}

char *
cl_pinyin_full (const char *text)
{
  g_autoptr(GString) word = NULL;
  PinyinCache *cache;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_warning ("%s: text is not valid UTF-8", G_STRFUNC);
      return g_strdup ("");
    }

  out = g_string_sized_new (32);
  word = g_string_sized_new (16);

  p = text;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    if (g_str_has_prefix (p, surnames[i].surname))
      {
        g_string_append (out, surnames[i].reading);
        p += strlen (surnames[i].surname);
        break;
      }

  cache = get_cache ();

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          /* ASCII needs no ICU: letters and digits join the current
           * word, anything else ends it. */
          if (g_ascii_isalnum ((char) c))
            g_string_append_c (word, g_ascii_tolower ((char) c));
          else
            flush_word (out, word);
        }
      else if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        {
          /* Each Han character is a syllable of its own. */
          flush_word (out, word);
          append_split (out, word, lookup_reading (cache, c));
          flush_word (out, word);
        }
      else
        {
          /* "Zoë" stays one word: ë reads as e and joins it. */
          append_split (out, word, lookup_reading (cache, c));
        }
    }

  flush_word (out, word);

  return g_string_free (out, FALSE);
}

char *
cl_pinyin_initials (const char *text)
{
  g_autofree char *full = NULL;
  GString *out;
  gboolean at_start = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  full = cl_pinyin_full (text);
  out = g_string_sized_new (8);

  for (const char *p = full; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        at_start = TRUE;
      else if (at_start)
        {
          g_string_append_unichar (out, c);
          at_start = FALSE;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_query_separator (gunichar c)
{
  /* Apostrophes separate syllables (xi'an); people type them, and
   * input methods produce the typographic ones. */
  return g_unichar_isspace (c)
         || c == '\''
         || c == 0x2018   /* LEFT SINGLE QUOTATION MARK */
         || c == 0x2019;  /* RIGHT SINGLE QUOTATION MARK */
}

char *
cl_pinyin_normalize_query (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* NFKC first: a Chinese input method in full-width mode types
   * "ｚｈａｎｇ" and "　" (U+3000), which should match like ASCII. */
  folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (folded == NULL)
    return g_strdup ("");

  lower = g_utf8_strdown (folded, -1);
  out = g_string_sized_new (strlen (lower));

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_query_separator (c))
        continue;

      /* Keys went through Latin-ASCII, so "lü" and "zoë" must lose
       * their marks to match "lu" and "zoe".  Only Latin letters: other
       * scripts (Hangul) stay composed as they are in the keys. */
      if (c >= 0x80 && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN)
        {
          gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          gsize n = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));

          for (gsize i = 0; i < n; i++)
            if (!g_unichar_ismark (parts[i]))
              g_string_append_unichar (out, parts[i]);
          continue;
        }

      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
