/* cl-store-records.c
 *
 * Records in and out of the store (cl-store.h): writing a CLRecord as
 * one upsert of its columns plus its outbox row, reading records back
 * by query or id, and the outbox's size.  The connection, locking and
 * transactions they run in are cl-store.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-roster-index.h"
#include "cl-store-private.h"
#include "cl-store-sync.h"
#include "cl-util.h"

/* The upsert of a record's columns; @if_newer adds the condition of
 * cl_store_write_record_if_newer() to its update. */
static const char *
upsert_sql (GType    type,
            gboolean if_newer)
{
  static GHashTable *caches[2];
  static GMutex lock;
  GHashTable *cache;
  const char *sql;

  g_mutex_lock (&lock);
  if (caches[if_newer] == NULL)
    caches[if_newer] = g_hash_table_new (NULL, NULL);
  cache = caches[if_newer];
  sql = g_hash_table_lookup (cache, GSIZE_TO_POINTER (type));
  if (sql == NULL)
    {
      const char *table = cl_record_type_get_table (type);
      const char * const *columns = cl_record_type_get_columns (type);
      GString *s = g_string_new (NULL);
      guint n = g_strv_length ((char **) columns);

      g_string_append_printf (s, "INSERT INTO %s (", table);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", columns[i]);
      g_string_append (s, ") VALUES (");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (s, "%s?%u", i ? ", " : "", i + 1);
      g_string_append (s, ") ON CONFLICT (id) DO UPDATE SET ");
      for (guint i = 1; i < n; i++)
        g_string_append_printf (s, "%s%s = excluded.%s", i > 1 ? ", " : "", columns[i], columns[i]);
      if (if_newer)
        g_string_append_printf (s, " WHERE excluded.rev > %s.rev OR (excluded.rev = %s.rev AND"
                                   " (excluded.updated_at IS NOT %s.updated_at OR"
                                   " excluded.updated_by IS NOT %s.updated_by))",
                                table, table, table, table);
      sql = g_intern_string (s->str);
      g_string_free (s, TRUE);
      g_hash_table_insert (cache, GSIZE_TO_POINTER (type), (gpointer) sql);
    }
  g_mutex_unlock (&lock);

  return sql;
}

static void
bind_column (sqlite3_stmt *stmt,
             int           index,
             CLRecord     *record,
             GParamSpec   *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  cl_record_get_column_value (record, pspec, &value);
  switch (pspec->value_type)
    {
    case G_TYPE_STRING:
      if (g_value_get_string (&value))
        sqlite3_bind_text (stmt, index, g_value_get_string (&value), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, index);
      break;
    case G_TYPE_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (&value));
      break;
    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&value));
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (&value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
append_outbox (CLStore   *self,
               CLRecord  *record,
               GError   **error)
{
  static const char sql[] =
    "INSERT INTO outbox (key, tbl, record_id, base_rev, op, data, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autoptr(JsonNode) node = cl_record_to_json (record);
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *data = json_to_string (node, FALSE);
  sqlite3_stmt *stmt;

  if (!(stmt = cl_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cl_record_get_table_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cl_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, cl_record_get_rev (record));
  sqlite3_bind_text (stmt, 5, cl_record_get_deleted (record) ? "delete" : "upsert", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, data, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The writes that move a pregnancy's follow-up plan (its EDD, birth or
 * closing, an order's reminder date, a filed report, a visit ticked)
 * or its items' owner (her case manager), noted for planning again at
 * commit. */
static void
mark_replan (CLStore  *self,
             CLRecord *record)
{
  static const char * const by_pregnancy_id[] = { "doctor_order", "document", "visit_mark", NULL };
  const char *table = cl_record_get_table_name (record);

  if (g_str_equal (table, "pregnancy"))
    cl_store_mark_replan (self, cl_record_get_id (record));
  else if (g_str_equal (table, "patient"))
    {
      /* Her case manager owns her open items: each pregnancy's. */
      sqlite3_stmt *stmt = cl_store_prepare (self, "SELECT id FROM pregnancy WHERE patient_id = ?1 AND deleted = 0",
                                             NULL);

      if (stmt == NULL)
        return;
      sqlite3_bind_text (stmt, 1, cl_record_get_id (record), -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        cl_store_mark_replan (self, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  else if (g_strv_contains (by_pregnancy_id, table))
    {
      g_autofree char *pregnancy_id = NULL;

      g_object_get (record, "pregnancy-id", &pregnancy_id, NULL);
      cl_store_mark_replan (self, pregnancy_id);
    }
}

static gboolean
write_record (CLStore       *self,
              CLRecord      *record,
              ClWriteFlags   flags,
              gboolean       if_newer,
              gboolean      *written,
              GError       **error)
{
  GParamSpec * const *pspecs;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  g_return_val_if_fail (CL_IS_RECORD (record), FALSE);
  g_return_val_if_fail (cl_store_in_transaction (self), FALSE);
  g_return_val_if_fail (cl_record_get_id (record) != NULL, FALSE);

  if (!(flags & (CL_WRITE_FROM_SERVER | CL_WRITE_NO_OUTBOX)))
    {
      /* A copy held while its earlier save was pushed is based on the
       * rev the server gave that save (cl-store-sync.h). */
      cl_record_set_rev (record, cl_sync_revs_current (self, record));
    }
  if (!(flags & CL_WRITE_FROM_SERVER))
    {
      cl_record_set_updated_at (record, g_get_real_time () / G_USEC_PER_SEC);
      cl_record_set_updated_by (record, cl_store_get_actor (self));
    }

  pspecs = cl_record_type_get_column_pspecs (G_OBJECT_TYPE (record));
  if (!(stmt = cl_store_prepare (self, upsert_sql (G_OBJECT_TYPE (record), if_newer), error)))
    return FALSE;
  for (guint i = 0; pspecs[i]; i++)
    bind_column (stmt, i + 1, record, pspecs[i]);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (self, error);
      return FALSE;
    }
  /* The update's condition held, or the row was new. */
  *written = !if_newer || sqlite3_changes (cl_store_get_db (self)) > 0;
  if (!*written)
    return TRUE;

  /* The store keeps its roster index itself, in this transaction. */
  if (!cl_roster_index_record_written (self, record, error))
    return FALSE;

  if (!(flags & (CL_WRITE_FROM_SERVER | CL_WRITE_NO_OUTBOX)) &&
      !append_outbox (self, record, error))
    return FALSE;

  /* Only a desk's own edit plans: the server and a pull take the items
   * the editing desk planned with it, and bulk loads plan explicitly. */
  if (!(flags & (CL_WRITE_FROM_SERVER | CL_WRITE_NO_OUTBOX)))
    mark_replan (self, record);

  cl_store_touch_table (self, cl_record_get_table_name (record));
  return TRUE;
}

gboolean
cl_store_write_record (CLStore       *self,
                       CLRecord      *record,
                       ClWriteFlags   flags,
                       GError       **error)
{
  gboolean written;

  return write_record (self, record, flags, FALSE, &written, error);
}

gboolean
cl_store_write_record_if_newer (CLStore   *self,
                                CLRecord  *record,
                                gboolean  *written,
                                GError   **error)
{
  g_return_val_if_fail (written != NULL, FALSE);

  return write_record (self, record, CL_WRITE_FROM_SERVER, TRUE, written, error);
}

gboolean
cl_store_save_record (CLStore   *self,
                      CLRecord  *record,
                      GError   **error)
{
  if (!cl_store_begin (self, error))
    return FALSE;
  if (!cl_store_write_record (self, record, CL_WRITE_DEFAULT, error))
    {
      cl_store_rollback (self);
      return FALSE;
    }
  return cl_store_commit (self, error);
}

gboolean
cl_store_delete_record (CLStore   *self,
                        CLRecord  *record,
                        GError   **error)
{
  g_return_val_if_fail (CL_IS_RECORD (record), FALSE);

  cl_record_set_deleted (record, TRUE);
  return cl_store_save_record (self, record, error);
}

static void
set_from_column (CLRecord     *record,
                 GParamSpec   *pspec,
                 sqlite3_stmt *stmt,
                 int           index)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  switch (pspec->value_type)
    {
    case G_TYPE_STRING:
      g_value_set_string (&value, (const char *) sqlite3_column_text (stmt, index));
      break;
    case G_TYPE_INT:
      g_value_set_int (&value, sqlite3_column_int (stmt, index));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (&value, sqlite3_column_int64 (stmt, index));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (&value, sqlite3_column_int (stmt, index) != 0);
      break;
    default:
      g_assert_not_reached ();
    }
  cl_record_set_column_value (record, pspec, &value);
}

static char *
select_sql (GType       type,
            const char *condition)
{
  const char * const *columns = cl_record_type_get_columns (type);
  GString *s = g_string_new ("SELECT ");

  for (guint i = 0; columns[i]; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", columns[i]);
  g_string_append_printf (s, " FROM %s", cl_record_type_get_table (type));
  if (condition)
    {
      const char *c = condition;

      while (g_ascii_isspace (*c))
        c++;
      if (g_ascii_strncasecmp (c, "ORDER BY", 8) == 0 || g_ascii_strncasecmp (c, "LIMIT", 5) == 0)
        g_string_append_printf (s, " %s", c);
      else
        g_string_append_printf (s, " WHERE %s", c);
    }
  return g_string_free (s, FALSE);
}

static CLRecord *
record_from_row (GType         type,
                 sqlite3_stmt *stmt)
{
  GParamSpec * const *pspecs = cl_record_type_get_column_pspecs (type);
  CLRecord *record = g_object_new (type, NULL);

  g_object_freeze_notify (G_OBJECT (record));
  for (guint i = 0; pspecs[i]; i++)
    set_from_column (record, pspecs[i], stmt, i);
  g_object_thaw_notify (G_OBJECT (record));
  return record;
}

static GPtrArray *
query_records_v (CLStore     *self,
                 GType        type,
                 const char  *condition,
                 const char **params,
                 GError     **error)
{
  g_autofree char *sql = select_sql (type, condition);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  cl_store_lock (self);
  if (!(stmt = cl_store_prepare (self, sql, error)))
    {
      cl_store_unlock (self);
      return NULL;
    }
  for (guint i = 0; params && params[i]; i++)
    sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, record_from_row (type, stmt));
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      cl_store_unlock (self);
      return NULL;
    }
  sqlite3_reset (stmt);
  cl_store_unlock (self);
  return g_steal_pointer (&result);
}

GPtrArray *
cl_store_query_records (CLStore    *self,
                        GType       type,
                        const char *condition,
                        ...)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *result;
  const char *param;
  va_list args;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  va_start (args, condition);
  while ((param = va_arg (args, const char *)))
    g_ptr_array_add (params, (gpointer) param);
  va_end (args);
  g_ptr_array_add (params, NULL);

  result = query_records_v (self, type, condition, (const char **) params->pdata, &error);
  if (result == NULL)
    {
      g_warning ("query on %s failed: %s", cl_record_type_get_table (type), error->message);
      result = g_ptr_array_new_with_free_func (g_object_unref);
    }
  return result;
}

CLRecord *
cl_store_load_record (CLStore     *self,
                      GType        type,
                      const char  *id,
                      GError     **error)
{
  const char *params[] = { id, NULL };
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  rows = query_records_v (self, type, "id = ?1", params, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                   _("The record was not found; it may have been removed at another desk."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

gint64
cl_store_count_outbox (CLStore *self)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (CL_IS_STORE (self), 0);

  cl_store_lock (self);
  stmt = cl_store_prepare (self, "SELECT count(*) FROM outbox", NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  cl_store_unlock (self);
  return n;
}

void
cl_store_adopt_acknowledged_rev (CLStore  *self,
                                 CLRecord *record)
{
  g_return_if_fail (CL_IS_STORE (self));
  g_return_if_fail (CL_IS_RECORD (record));

  cl_store_lock (self);
  cl_record_set_rev (record, cl_sync_revs_current (self, record));
  cl_store_unlock (self);
}
