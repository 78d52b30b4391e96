/* cl-store-roster.c
 *
 * The roster's reads (cl-store-roster.h): a roster row by rowid, the
 * filters and sort of CLRosterModel turned into one statement with
 * bound parameters, and the range scans of the search key index.  The
 * index itself is written by cl-roster-index.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-roster-model"

#include "config.h"

#include "cl-date.h"
#include "cl-package.h"
#include "cl-patient.h"
#include "cl-store-private.h"
#include "cl-store-roster.h"
#include "cl-util.h"

struct _ClRosterReader
{
  sqlite3 *db;
};

ClRosterReader *
cl_store_roster_reader_open (CLStore  *store,
                             GError  **error)
{
  sqlite3 *db;
  ClRosterReader *reader;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  if (!(db = cl_store_open_reader (store, error)))
    return NULL;
  reader = g_new0 (ClRosterReader, 1);
  reader->db = db;
  return reader;
}

void
cl_store_roster_reader_close (ClRosterReader *reader)
{
  if (reader == NULL)
    return;
  sqlite3_close_v2 (reader->db);
  g_free (reader);
}

/* The roster row's columns, in the order of row_from_stmt().  The
 * index keeps the package's name as entered; its English name, if it
 * has one, comes along for an English interface. */
#define ROW_COLUMNS \
  "r.patient_id, r.name, r.birth_date, r.phone, r.edd, r.risk, r.status," \
  " r.delivery_date, r.package, s.display_name, r.priority, r.visits_done," \
  " (SELECT k.name_en FROM package k WHERE k.name = r.package AND k.deleted = 0" \
  "  AND k.name_en <> '' LIMIT 1)," \
  " EXISTS (SELECT 1 FROM followup_item f WHERE f.patient_id = r.patient_id AND f.deleted = 0" \
  "  AND f.kind = 'psychological-support' AND f.state IN ('due', 'rescheduled')" \
  "  AND f.source_id IS NOT NULL AND f.source_id <> '')"

static CLRosterRow *
row_from_stmt (sqlite3_stmt *stmt,
               const GDate  *today)
{
  ClRosterRowFields fields = {
    .patient_id = (const char *) sqlite3_column_text (stmt, 0),
    .name = (const char *) sqlite3_column_text (stmt, 1),
    .birth_date = (const char *) sqlite3_column_text (stmt, 2),
    .phone = (const char *) sqlite3_column_text (stmt, 3),
    .edd = (const char *) sqlite3_column_text (stmt, 4),
    .risk = (const char *) sqlite3_column_text (stmt, 5),
    .status = (const char *) sqlite3_column_text (stmt, 6),
    .delivery_date = (const char *) sqlite3_column_text (stmt, 7),
    .package = cl_package_names_in_english () && sqlite3_column_text (stmt, 12)
               ? (const char *) sqlite3_column_text (stmt, 12)
               : (const char *) sqlite3_column_text (stmt, 8),
    .case_manager = (const char *) sqlite3_column_text (stmt, 9),
    .priority = (const char *) sqlite3_column_text (stmt, 10),
    .visits_done = (const char *) sqlite3_column_text (stmt, 11),
    /* The condition of cl_store_followup_open_alerts(), through the
     * followup_item_patient index: one lookup per row shown. */
    .needs_action = sqlite3_column_int (stmt, 13) != 0,
  };

  return cl_roster_row_new (&fields, today);
}

CLRosterRow *
cl_store_roster_load_row (CLStore     *store,
                          gint64       rowid,
                          const GDate *today)
{
  static const char sql[] =
    "SELECT " ROW_COLUMNS " FROM roster r"
    " LEFT JOIN staff s ON s.id = r.manager_id"
    " WHERE r.patient_rowid = ?1";
  CLRosterRow *row = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  cl_store_lock (store);
  stmt = cl_store_prepare (store, sql, NULL);
  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, rowid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        row = row_from_stmt (stmt, today);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return row;
}

CLRosterRow *
cl_store_roster_get_row (CLStore     *store,
                         const char  *patient_id,
                         const GDate *today)
{
  static const char sql[] =
    "SELECT " ROW_COLUMNS " FROM roster r"
    " LEFT JOIN staff s ON s.id = r.manager_id"
    " WHERE r.patient_id = ?1";
  CLRosterRow *row = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  cl_store_lock (store);
  stmt = cl_store_prepare (store, sql, NULL);
  if (stmt)
    {
      sqlite3_bind_text (stmt, 1, patient_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        row = row_from_stmt (stmt, today);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return row;
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
cl_store_roster_list (ClRosterReader     *reader,
                      const QueryParams  *params,
                      GError            **error)
{
  sqlite3 *db = reader->db;
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

guint8 *
cl_store_roster_match_prefix (ClRosterReader  *reader,
                              const char      *term,
                              gint64           max_rowid,
                              GError         **error)
{
  sqlite3 *db = reader->db;
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

guint8 *
cl_store_roster_match_flagged (ClRosterReader  *reader,
                               const GDate     *today,
                               gint64           max_rowid,
                               GError         **error)
{
  sqlite3 *db = reader->db;
  g_autofree guint8 *bits = g_malloc0 (max_rowid / 8 + 1);
  g_autofree char *cutoff = cl_patient_aged_birth_cutoff (today);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Two index reads (roster_flagged, roster_birth), not a scan: this
   * runs on the first keystroke after every change. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT patient_rowid FROM roster WHERE priority <> ''"
                          " UNION ALL"
                          " SELECT patient_rowid FROM roster WHERE birth_date > '' AND birth_date <= ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
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

gboolean
cl_store_roster_foreach_key (ClRosterReader   *reader,
                             gint64           *max_rowid,
                             ClRosterKeyFunc   func,
                             gpointer          user_data,
                             GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *max_rowid = 0;
  if (sqlite3_prepare_v2 (reader->db, "SELECT max(patient_rowid) FROM search_key", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    *max_rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (reader->db, "SELECT key, patient_rowid FROM search_key", -1, &stmt, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gint64 rowid = sqlite3_column_int64 (stmt, 1);

      if (key == NULL || *key == '\0' || rowid < 0 || rowid > *max_rowid)
        continue;
      func (key, rowid, user_data);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "prefix scan failed");
      return FALSE;
    }
  return TRUE;
}
