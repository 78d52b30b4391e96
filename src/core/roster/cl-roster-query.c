/* cl-roster-query.c
 *
 * The roster's queries as SQL (cl-roster-query.h): the filters and sort
 * of CLRosterModel turned into one statement with bound parameters, the
 * search box's text turned into prefix terms, and the range scans of
 * the search key index those terms need.  No model state: the model's
 * workers call these on their own read connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-roster-model"

#include "config.h"

#include "cl-date.h"
#include "cl-pinyin.h"
#include "cl-roster-query.h"
#include "cl-roster-row.h"
#include "cl-util.h"

void
cl_roster_query_params_free (QueryParams *params)
{
  g_free (params->query);
  g_free (params->risk);
  g_free (params->manager_id);
  g_free (params);
}

static char *
date_offset_iso (const GDate *today,
                 gint         days)
{
  GDate d = *today;

  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return cl_date_to_iso (&d);
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

/* Builds the SQL for one query.  Every value typed by a person goes in
 * as a bound parameter (collected in @binds), never into the text. */
static char *
build_sql (const QueryParams *params,
           GPtrArray         *binds)
{
  GString *sql = g_string_new ("SELECT r.patient_rowid FROM roster r");
  gboolean where = FALSE;
  const char *order = NULL;

#define AND() g_string_append (sql, where ? " AND " : " WHERE "), where = TRUE

  if (!cl_str_empty (params->risk))
    {
      AND ();
      g_string_append_printf (sql, "('+' || r.risk || '+') LIKE ?%u", binds->len + 1);
      g_ptr_array_add (binds, g_strdup_printf ("%%+%s+%%", params->risk));
    }

  if (params->manager_id != NULL)
    {
      AND ();
      if (*params->manager_id == '\0')
        g_string_append (sql, "(r.manager_id IS NULL OR r.manager_id = '')");
      else
        {
          g_string_append_printf (sql, "r.manager_id = ?%u", binds->len + 1);
          g_ptr_array_add (binds, g_strdup (params->manager_id));
        }
    }

  if (params->stage != CL_STAGE_NONE)
    {
      /* GA = 280 - (EDD - today), so a GA boundary is an EDD boundary. */
      guint b = binds->len + 1;

      AND ();
      switch (params->stage)
        {
        case CL_STAGE_FIRST_TRIMESTER:
          g_string_append_printf (sql, "r.status = 'ongoing' AND r.edd > ?%u", b);
          g_ptr_array_add (binds, date_offset_iso (&params->today, CL_PREGNANCY_DAYS - 14 * 7));
          break;
        case CL_STAGE_SECOND_TRIMESTER:
          g_string_append_printf (sql, "r.status = 'ongoing' AND r.edd <= ?%u AND r.edd > ?%u", b, b + 1);
          g_ptr_array_add (binds, date_offset_iso (&params->today, CL_PREGNANCY_DAYS - 14 * 7));
          g_ptr_array_add (binds, date_offset_iso (&params->today, CL_PREGNANCY_DAYS - 28 * 7));
          break;
        case CL_STAGE_THIRD_TRIMESTER:
          g_string_append_printf (sql, "r.status = 'ongoing' AND r.edd <= ?%u", b);
          g_ptr_array_add (binds, date_offset_iso (&params->today, CL_PREGNANCY_DAYS - 28 * 7));
          break;
        case CL_STAGE_POSTPARTUM:
          g_string_append_printf (sql, "r.status = 'delivered' AND r.delivery_date >= ?%u", b);
          g_ptr_array_add (binds, date_offset_iso (&params->today, -CL_POSTPARTUM_DAYS));
          break;
        case CL_STAGE_CLOSED:
          g_string_append_printf (sql,
                                  "(r.status = 'ended' OR r.status IS NULL OR"
                                  " (r.status = 'delivered' AND r.delivery_date < ?%u))", b);
          g_ptr_array_add (binds, date_offset_iso (&params->today, -CL_POSTPARTUM_DAYS));
          break;
        case CL_STAGE_NONE:
        default:
          g_assert_not_reached ();
        }
    }

#undef AND

  switch (params->sort)
    {
    case CL_ROSTER_SORT_AGE:
      /* Younger first when ascending: later birth dates first. */
      order = params->descending ? "r.birth_date IS NULL, r.birth_date" : "r.birth_date IS NULL, r.birth_date DESC";
      break;
    case CL_ROSTER_SORT_GA:
      /* Further along means an earlier EDD. */
      order = params->descending ? "r.edd IS NULL, r.edd" : "r.edd IS NULL, r.edd DESC";
      break;
    case CL_ROSTER_SORT_NEXT_VISIT:
      /* The day the column shows, by cl_next_visit() (below); rows
       * without a next visit last either way.  One call per row. */
      {
        guint b = binds->len + 1;

        g_string_append_printf (sql, " ORDER BY coalesce(cl_next_visit(r.edd, r.status, r.delivery_date,"
                                     " r.visits_done, ?%u), %s) %s",
                                b, params->descending ? "''" : "'9999-12-31'",
                                params->descending ? "DESC" : "ASC");
        g_ptr_array_add (binds, cl_date_to_iso (&params->today));
      }
      break;
    case CL_ROSTER_SORT_EDD:
      order = params->descending ? "r.edd IS NULL, r.edd DESC" : "r.edd IS NULL, r.edd";
      break;
    case CL_ROSTER_SORT_RISK:
      order = params->descending ? "r.risk_rank DESC" : "r.risk_rank";
      break;
    case CL_ROSTER_SORT_MANAGER:
      order = params->descending
        ? "(SELECT display_name FROM staff WHERE id = r.manager_id) DESC"
        : "(SELECT display_name FROM staff WHERE id = r.manager_id) IS NULL,"
          " (SELECT display_name FROM staff WHERE id = r.manager_id)";
      break;
    case CL_ROSTER_SORT_NAME:
    default:
      order = params->descending ? "r.sort_key DESC" : "r.sort_key";
      break;
    }

  if (order)
    g_string_append_printf (sql, " ORDER BY %s", order);
  if (params->sort != CL_ROSTER_SORT_NAME)
    g_string_append (sql, ", r.sort_key");

  return g_string_free (sql, FALSE);
}

/* cl_next_visit(edd, status, delivery_date, visits_done, today): the
 * ISO day the roster's "Next Visit" cell of such a row shows, or NULL
 * (cl_roster_row_next_visit_date()). */
static void
next_visit_sql (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *text[4];
  GDate *today = sqlite3_get_auxdata (context, 4);
  GDate parsed, date;

  /* Today is the same for every row: parsed once per statement. */
  if (today == NULL)
    {
      const char *iso = (const char *) sqlite3_value_text (argv[4]);

      if (iso == NULL || !cl_date_parse (iso, &parsed, NULL))
        {
          sqlite3_result_error (context, "cl_next_visit: today is not a date", -1);
          return;
        }
      today = &parsed;
      sqlite3_set_auxdata (context, 4, g_memdup2 (&parsed, sizeof parsed), g_free);
    }
  for (int i = 0; i < 4; i++)
    text[i] = (const char *) sqlite3_value_text (argv[i]);
  if (!cl_roster_row_next_visit_date (text[0], text[1], text[2], text[3], today, &date))
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, cl_date_to_iso (&date), -1, g_free);
}

GArray *
cl_roster_query_run (sqlite3            *db,
                     const QueryParams  *params,
                     GError            **error)
{
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = build_sql (params, binds);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_create_function (db, "cl_next_visit", 5, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                               next_visit_sql, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (db));
      return NULL;
    }
  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (binds, i), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  if (rc != SQLITE_DONE)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&rowids) : NULL;
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

/* Marks in a bitmap (indexed by rowid) the patients that have a search
 * key starting with @term: one range scan of the key index. */
guint8 *
cl_roster_query_match_term (sqlite3     *db,
                            const char  *term,
                            gint64       max_rowid,
                            GError     **error)
{
  g_autofree guint8 *bits = g_malloc0 (max_rowid / 8 + 1);
  g_autofree char *upper = g_strconcat (term, "\xf4\x8f\xbf\xbf", NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* U+10FFFF sorts after every character a key can hold. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT patient_rowid FROM search_key WHERE key >= ?1 AND key < ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, term, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      if (rowid >= 0 && rowid <= max_rowid)
        bits[rowid / 8] |= 1 << (rowid % 8);
    }
  if (rc != SQLITE_DONE)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&bits) : NULL;
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
