/* cl-store-desk.c
 *
 * The service desk's contact log, as the desk reads it
 * (cl-store-desk.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-desk.h"
#include "cl-store-private.h"
#include "cl-util.h"

GPtrArray *
cl_store_desk_between (CLStore *store,
                       gint64   from,
                       gint64   to)
{
  char a[24], b[24];

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  g_snprintf (a, sizeof a, "%" G_GINT64_FORMAT, from);
  g_snprintf (b, sizeof b, "%" G_GINT64_FORMAT, to);
  /* The condition of the contact_time index, so SQLite uses it. */
  return cl_store_query_records (store, CL_TYPE_CONTACT,
                                 "deleted = 0 AND contact_at >= CAST (?1 AS INTEGER)"
                                 " AND contact_at < CAST (?2 AS INTEGER)"
                                 " ORDER BY contact_at DESC, id",
                                 a, b, NULL);
}

GPtrArray *
cl_store_desk_open_handovers (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* The condition of the contact_open index, word for word. */
  return cl_store_query_records (store, CL_TYPE_CONTACT,
                                 "deleted = 0 AND state = 'handed_over'"
                                 " ORDER BY handover_due_at, id", NULL);
}

GHashTable *
cl_store_desk_count_by_category (CLStore *store,
                                 gint64   from,
                                 gint64   to)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), counts);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "SELECT category, count(*) FROM contact"
                           " WHERE deleted = 0 AND contact_at >= ?1 AND contact_at < ?2"
                           " GROUP BY category", NULL);
  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *category = (const char *) sqlite3_column_text (stmt, 0);

          if (category)
            g_hash_table_insert (counts, g_strdup (category),
                                 GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
        }
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  cl_store_unlock (store);
  return counts;
}

/* A word as an FTS5 phrase: in double quotes, its own doubled. */
static char *
fts_phrase (const char *word)
{
  g_auto(GStrv) parts = g_strsplit (word, "\"", -1);
  g_autofree char *inner = g_strjoinv ("\"\"", parts);

  return g_strdup_printf ("\"%s\"", inner);
}

/* A word as a LIKE pattern that finds it anywhere, its wildcards
 * escaped with '\'. */
static char *
like_pattern (const char *word)
{
  GString *s = g_string_new ("%");

  for (const char *p = word; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* At most this many short words are matched; more than that in one
 * query is a sentence, and its long words find it. */
#define MAX_SHORT 3

/* How many of the newest matches of the index are sorted by time. */
#define CANDIDATES 2000

GPtrArray *
cl_store_desk_search (CLStore    *store,
                      const char *query,
                      guint       limit)
{
  g_auto(GStrv) ideographic = NULL;
  g_autofree char *spaced = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) pairs = g_string_new (NULL);
  gboolean all_pairs = TRUE;
  g_autoptr(GString) condition = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  guint n_short = 0;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* The ideographic space a Chinese keyboard types separates words
   * too; it is three bytes, so it is turned into a space before the
   * split, which takes single bytes. */
  ideographic = g_strsplit (query ? query : "", "\u3000", -1);
  spaced = g_strjoinv (" ", ideographic);
  words = g_strsplit_set (spaced, " \t\n", -1);
  for (guint i = 0; words[i]; i++)
    {
      const char *word = g_strstrip (words[i]);

      if (*word == '\0')
        continue;
      if (g_utf8_strlen (word, -1) >= 3)
        {
          g_autofree char *phrase = fts_phrase (word);

          if (match->len)
            g_string_append (match, " AND ");
          g_string_append (match, phrase);
        }
      else if (n_short < MAX_SHORT)
        {
          g_autofree char *pair = cl_store_bigrams (word);
          g_autofree char *phrase = fts_phrase (pair);

          g_ptr_array_add (params, like_pattern (word));
          n_short++;
          /* A word of two letters or digits is one token of the pairs'
           * index; anything else is matched as it is typed. */
          if (g_utf8_strlen (word, -1) == 2 && g_utf8_strlen (pair, -1) == 2)
            g_string_append_printf (pairs, "%s%s", pairs->len ? " AND " : "", phrase);
          else
            all_pairs = FALSE;
        }
    }
  if (match->len == 0 && n_short == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* The index answers in the order rows reached this store, which is
   * the order they were taken in but for a late sync; the newest
   * CANDIDATES matches by that order are then sorted by time, so a
   * common word costs a bounded read rather than a sort of thousands. */
  g_string_append (condition, "rowid IN (SELECT rowid FROM contact_search WHERE ");
  if (match->len)
    {
      /* The phrase is ?1, the short words follow. */
      g_ptr_array_insert (params, 0, g_strdup (match->str));
      g_string_append (condition, "contact_search MATCH ?1");
      for (guint i = 1; i < params->len; i++)
        g_string_append_printf (condition, " AND text LIKE ?%u ESCAPE '\\'", i + 1);
    }
  else if (all_pairs)
    {
      /* Only two-character words (a name such as 李娜): the pairs'
       * index has each as a token. */
      g_ptr_array_set_size (params, 0);
      g_ptr_array_add (params, g_strdup (pairs->str));
      g_string_assign (condition, "rowid IN (SELECT rowid FROM contact_pairs WHERE contact_pairs MATCH ?1");
    }
  else
    {
      /* A one-character word: the indexed text is read from the newest
       * back until enough are found. */
      for (guint i = 0; i < params->len; i++)
        g_string_append_printf (condition, "%stext LIKE ?%u ESCAPE '\\'", i ? " AND " : "", i + 1);
    }
  g_string_append_printf (condition, " ORDER BY rowid DESC LIMIT %u) AND deleted = 0",
                          match->len || all_pairs ? CANDIDATES : limit);
  g_string_append_printf (condition, " ORDER BY contact_at DESC, id LIMIT %u", limit);

  g_ptr_array_add (params, NULL);
  while (params->len < 5)
    g_ptr_array_add (params, NULL);
  return cl_store_query_records (store, CL_TYPE_CONTACT, condition->str,
                                 params->pdata[0], params->pdata[1], params->pdata[2],
                                 params->pdata[3], NULL);
}
