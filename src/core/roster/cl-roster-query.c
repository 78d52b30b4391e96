/* cl-roster-query.c
 *
 * The roster's queries (cl-roster-query.h): what one query of
 * CLRosterModel asks, the search box's text turned into prefix terms,
 * and which prefixes the model keeps bitmaps for.  No model state and
 * no SQL: the store turns them into statements (cl-store-roster.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-roster-model"

#include "config.h"

#include "cl-date.h"
#include "cl-pinyin.h"
#include "cl-roster-query.h"
#include "cl-util.h"

void
cl_roster_query_params_free (QueryParams *params)
{
  g_free (params->query);
  g_free (params->risk);
  g_free (params->manager_id);
  g_free (params);
}

/* The search box's text as prefix terms: "zhang xiao mei" is one name
 * in pinyin; "zhang 5678" is two conditions (a name and a phone
 * ending) that must both hold. */
GPtrArray *
cl_roster_query_search_terms (const char *query)
{
  g_auto(GStrv) tokens = g_strsplit_set (query, " \t", -1);
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  gboolean all_letters = TRUE;
  guint n_tokens = 0;

  for (guint i = 0; tokens[i]; i++)
    {
      if (*tokens[i] == '\0')
        continue;
      n_tokens++;
      for (const char *p = tokens[i]; *p; p++)
        if (!g_ascii_isalpha (*p) && *p != '\'')
          all_letters = FALSE;
    }

  if (all_letters || n_tokens <= 1)
    g_ptr_array_add (terms, cl_pinyin_normalize_query (query));
  else
    for (guint i = 0; tokens[i]; i++)
      if (*tokens[i])
        g_ptr_array_add (terms, cl_pinyin_normalize_query (tokens[i]));

  for (guint i = terms->len; i > 0; i--)
    if (*(char *) g_ptr_array_index (terms, i - 1) == '\0')
      g_ptr_array_remove_index (terms, i - 1);

  return terms;
}

char *
cl_roster_query_signature (const QueryParams *params)
{
  g_autofree char *today = cl_date_to_iso (&params->today);

  return g_strdup_printf ("%s|%s|%d|%d|%d|%s",
                          params->risk ? params->risk : "-",
                          params->manager_id ? params->manager_id : "-",
                          params->stage, params->sort, params->descending, today);
}

/* The prefix a cached bitmap exists for, or NULL: one character, or
 * two ASCII letters or digits. */
gboolean
cl_roster_query_is_cached_prefix (const char *term)
{
  glong n = g_utf8_strlen (term, -1);

  if (n == 1)
    return TRUE;
  return n == 2 && (guchar) term[0] < 0x80 && (guchar) term[1] < 0x80;
}
