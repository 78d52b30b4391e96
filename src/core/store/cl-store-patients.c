/* cl-store-patients.c
 *
 * The patients' reads (cl-store-patients.h): unique numbers, the
 * current pregnancy, risk history, visits done and reports (from the
 * document and visit_mark tables) and doctor's orders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-risk-event.h"
#include "cl-store-patients.h"
#include "cl-store-private.h"
#include "cl-util.h"

/* Is @value already used in @column by another live patient? */
static gboolean
taken_by_other (CLStore    *store,
                const char *sql,
                const char *value,
                const char *patient_id)
{
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;

  if (cl_str_empty (value))
    return FALSE;

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, sql, NULL)))
    {
      sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, patient_id, -1, SQLITE_TRANSIENT);
      taken = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return taken;
}

gboolean
cl_store_patients_id_number_taken (CLStore    *store,
                                   const char *id_number,
                                   const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  return taken_by_other (store,
                         "SELECT 1 FROM patient WHERE id_number = ?1 AND id != ?2 AND deleted = 0 LIMIT 1",
                         id_number, patient_id);
}

gboolean
cl_store_patients_mrn_taken (CLStore    *store,
                             const char *mrn,
                             const char *patient_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  return taken_by_other (store,
                         "SELECT 1 FROM patient WHERE mrn = ?1 AND id != ?2 AND deleted = 0 LIMIT 1",
                         mrn, patient_id);
}

gint64
cl_store_patients_count (CLStore *store)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (CL_IS_STORE (store), 0);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "SELECT count(*) FROM roster", NULL)))
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return n;
}

GHashTable *
cl_store_patients_names (CLStore            *store,
                         const char * const *ids)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), names);

  /* One statement for any number of ids: a JSON array of them. */
  json_builder_begin_array (builder);
  for (guint i = 0; ids && ids[i]; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "SELECT id, name FROM patient"
                                       " WHERE id IN (SELECT value FROM json_each (?1))", NULL)))
    {
      sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return names;
}

GHashTable *
cl_store_patients_priority (CLStore            *store,
                            const char * const *ids)
{
  GHashTable *flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), flags);

  json_builder_begin_array (builder);
  for (guint i = 0; ids && ids[i]; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "SELECT id, coalesce (priority, ''), coalesce (birth_date, '') FROM patient"
                                       " WHERE id IN (SELECT value FROM json_each (?1))"
                                       " AND (coalesce (priority, '') != '' OR coalesce (birth_date, '') != '')", NULL)))
    {
      sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          char **pair = g_new0 (char *, 3);

          pair[0] = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          pair[1] = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          g_hash_table_insert (flags, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), pair);
        }
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return flags;
}

CLPregnancy *
cl_store_patients_current_pregnancy (CLStore    *store,
                                     const char *patient_id)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  rows = cl_store_query_records (store, CL_TYPE_PREGNANCY,
                                 "patient_id = ?1 AND deleted = 0 ORDER BY lmp DESC LIMIT 1",
                                 patient_id, NULL);
  return rows->len ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

GPtrArray *
cl_store_patients_risk_events (CLStore    *store,
                               const char *pregnancy_id)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_RISK_EVENT,
                                 "pregnancy_id = ?1 AND deleted = 0 ORDER BY date, updated_at",
                                 pregnancy_id, NULL);
}

static char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Runs @sql with @pregnancy_id as ?1 and calls @row for each row. */
static void
each_row (CLStore     *store,
          const char  *sql,
          const char  *pregnancy_id,
          void       (*row) (sqlite3_stmt *stmt, GPtrArray *out),
          GPtrArray   *out)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, sql, &error)))
    {
      sqlite3_bind_text (stmt, 1, pregnancy_id, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        row (stmt, out);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    g_warning ("visit plan query failed: %s", error->message);
  cl_store_unlock (store);
}

static void
done_row (sqlite3_stmt *stmt,
          GPtrArray    *out)
{
  ClVisitDone *done = cl_visit_done_new ((const char *) sqlite3_column_text (stmt, 0),
                                         (const char *) sqlite3_column_text (stmt, 1),
                                         sqlite3_column_int (stmt, 2));

  done->mark_id = text_at (stmt, 3);
  done->by = text_at (stmt, 4);
  done->note = text_at (stmt, 5);
  g_ptr_array_add (out, done);
}

GPtrArray *
cl_store_patients_visits_done (CLStore    *store,
                               const char *pregnancy_id)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_visit_done_free);

  g_return_val_if_fail (CL_IS_STORE (store), out);

  if (pregnancy_id)
    each_row (store,
              "SELECT visit, check_date, 0, NULL, NULL, NULL FROM document"
              " WHERE pregnancy_id = ?1 AND deleted = 0 AND visit <> ''"
              " UNION ALL "
              "SELECT visit, done_date, 1, id, done_by, note FROM visit_mark"
              " WHERE pregnancy_id = ?1 AND deleted = 0",
              pregnancy_id, done_row, out);
  return out;
}

static void
report_row (sqlite3_stmt *stmt,
            GPtrArray    *out)
{
  ClReport *report = g_new0 (ClReport, 1);

  report->id = text_at (stmt, 0);
  report->title = text_at (stmt, 1);
  report->kind = text_at (stmt, 2);
  report->check_date = text_at (stmt, 3);
  report->visit = text_at (stmt, 4);
  g_ptr_array_add (out, report);
}

GPtrArray *
cl_store_patients_reports (CLStore    *store,
                           const char *pregnancy_id)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_report_free);

  g_return_val_if_fail (CL_IS_STORE (store), out);

  if (pregnancy_id)
    each_row (store,
              "SELECT id, coalesce(nullif(title, ''), filename), kind, check_date, visit"
              " FROM document WHERE pregnancy_id = ?1 AND deleted = 0"
              " ORDER BY check_date IS NULL, check_date, imported_at",
              pregnancy_id, report_row, out);
  return out;
}

CLVisitMark *
cl_store_patients_find_visit_mark (CLStore    *store,
                                   const char *pregnancy_id,
                                   const char *key)
{
  g_autoptr(GPtrArray) marks = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  marks = cl_store_query_records (store, CL_TYPE_VISIT_MARK,
                                  "pregnancy_id = ?1 AND visit = ?2 ORDER BY deleted, updated_at DESC LIMIT 1",
                                  pregnancy_id, key, NULL);
  return marks->len > 0 ? g_object_ref (g_ptr_array_index (marks, 0)) : NULL;
}

GPtrArray *
cl_store_patients_orders (CLStore    *store,
                          const char *patient_id,
                          gboolean    active_only)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return cl_store_query_records (store, CL_TYPE_DOCTOR_ORDER,
                                 active_only
                                 ? "patient_id = ?1 AND deleted = 0 AND status = 'active'"
                                   " ORDER BY date DESC, updated_at DESC"
                                 : "patient_id = ?1 AND deleted = 0"
                                   " ORDER BY date DESC, updated_at DESC",
                                 patient_id ? patient_id : "", NULL);
}
