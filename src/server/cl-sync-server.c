/* cl-sync-server.c
 *
 * The server's side of sync (cl-sync-server.h), apart from applying
 * pushes (cl-sync-server-apply.c): checking a push's shape, the audit
 * log, the change feed desks pull, and the revs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cl-enrolment-store.h"
#include "cl-patient.h"
#include "cl-patient-store.h"
#include "cl-pregnancy.h"
#include "cl-schedule.h"
#include "cl-document-access.h"
#include "cl-document-store.h"
#include "cl-store-private.h"
#include "cl-sync-server-private.h"
#include "cl-tables.h"
#include "cl-util.h"

/* Keys and ids are UUIDs in practice; anything far longer is not a
 * mistake worth storing. */
#define MAX_KEY_LENGTH 200

gint64
cl_sync_server_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
cl_sync_server_member_is (JsonObject *object,
                          const char *name,
                          GType       type)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == type;
}

static gboolean
short_string (JsonObject *object,
              const char *name)
{
  const char *value;

  if (!cl_sync_server_member_is (object, name, G_TYPE_STRING))
    return FALSE;
  value = json_object_get_string_member (object, name);
  return *value != '\0' && strlen (value) <= MAX_KEY_LENGTH;
}

JsonArray *
cl_sync_server_check_push (JsonNode  *body,
                           guint      max_changes,
                           GError   **error)
{
  JsonObject *root;
  JsonNode *changes_node;
  JsonArray *changes;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The body must be a JSON object with a “changes” list"));
      return NULL;
    }
  root = json_node_get_object (body);
  changes_node = json_object_get_member (root, "changes");
  if (changes_node == NULL || !JSON_NODE_HOLDS_ARRAY (changes_node) ||
      json_object_get_size (root) != 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The body must be a JSON object with a “changes” list"));
      return NULL;
    }
  changes = json_node_get_array (changes_node);
  if (json_array_get_length (changes) > max_changes)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("At most %u changes may be sent at once"), max_changes);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *node = json_array_get_element (changes, i);
      JsonObject *change;
      const char *op;
      JsonNode *data;
      const char *key;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      change = json_node_get_object (node);

      /* Only the members the protocol knows: a misspelt one would
       * otherwise be ignored silently. */
      {
        static const char * const known[] = { "key", "table", "id", "base_rev", "op", "data", NULL };
        g_autoptr(GList) members = json_object_get_members (change);
        gboolean unknown = FALSE;

        for (const GList *l = members; l; l = l->next)
          unknown |= !g_strv_contains (known, l->data);
        if (unknown)
          goto bad;
      }

      if (!short_string (change, "key") || !short_string (change, "table") ||
          !short_string (change, "id") || !short_string (change, "op") ||
          !cl_sync_server_member_is (change, "base_rev", G_TYPE_INT64) ||
          json_object_get_int_member (change, "base_rev") < 0)
        goto bad;

      op = json_object_get_string_member (change, "op");
      if (!g_str_equal (op, "upsert") && !g_str_equal (op, "delete"))
        goto bad;

      data = json_object_get_member (change, "data");
      if (data == NULL ? g_str_equal (op, "upsert")
                       : !(JSON_NODE_HOLDS_OBJECT (data) ||
                           (JSON_NODE_HOLDS_NULL (data) && g_str_equal (op, "delete"))))
        goto bad;

      /* One key twice in one batch is a client bug; answering the
       * second as a duplicate of the first would hide it. */
      key = json_object_get_string_member (change, "key");
      if (!g_hash_table_add (keys, (gpointer) key))
        goto bad;
      continue;

    bad:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Change %u is not of the form {key, table, id, base_rev, op, data}"), i + 1);
      return NULL;
    }

  return changes;
}

gboolean
cl_sync_server_audit_locked (CLStore     *store,
                             const char  *username,
                             const char  *role,
                             const char  *action,
                             const char  *table,
                             const char  *record_id,
                             const char  *patient_id,
                             gint         status,
                             const char  *detail,
                             GError     **error)
{
  static const char sql[] =
    "INSERT INTO audit (at, username, role, action, tbl, record_id, patient_id, status, detail)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  sqlite3_stmt *stmt;

  if (!(stmt = cl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cl_sync_server_now_seconds ());
  sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, patient_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, status);
  sqlite3_bind_text (stmt, 9, detail, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cl_sync_server_audit (CLStore     *store,
                      const char  *username,
                      const char  *role,
                      const char  *action,
                      const char  *table,
                      const char  *record_id,
                      const char  *patient_id,
                      gint         status,
                      const char  *detail,
                      GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  /* One INSERT is atomic on its own; inside a caller's transaction (the
   * lock is recursive) it becomes part of it. */
  cl_store_lock (store);
  ok = cl_sync_server_audit_locked (store, username, role, action, table, record_id,
                                    patient_id, status, detail, error);
  cl_store_unlock (store);
  return ok;
}

char *
cl_sync_server_patient_of (CLStore  *store,
                           CLRecord *record)
{
  GObjectClass *klass;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (CL_IS_RECORD (record), NULL);

  if (CL_IS_PATIENT (record))
    return g_strdup (cl_record_get_id (record));

  /* By the foreign-key properties, so tables added later are covered
   * as long as they name their patient or pregnancy the usual way. */
  klass = G_OBJECT_GET_CLASS (record);
  if (g_object_class_find_property (klass, "patient-id"))
    {
      char *patient_id = NULL;

      g_object_get (record, "patient-id", &patient_id, NULL);
      return patient_id;
    }
  if (g_object_class_find_property (klass, "pregnancy-id"))
    {
      g_autofree char *pregnancy_id = NULL;
      g_autoptr(CLRecord) pregnancy = NULL;

      g_object_get (record, "pregnancy-id", &pregnancy_id, NULL);
      if (pregnancy_id)
        pregnancy = cl_store_load_record (store, CL_TYPE_PREGNANCY, pregnancy_id, NULL);
      if (pregnancy)
        return g_strdup (cl_pregnancy_get_patient_id (CL_PREGNANCY (pregnancy)));
    }
  return NULL;
}

gint64
cl_sync_server_current_rev (CLStore *store)
{
  sqlite3_stmt *stmt;
  gint64 rev = 0;

  g_return_val_if_fail (CL_IS_STORE (store), 0);

  cl_store_lock (store);
  if ((stmt = cl_store_prepare (store, "SELECT coalesce (max (rev), 0) FROM change_log", NULL)))
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        rev = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  return rev;
}

/* Appends @text as a JSON string literal: '"' and '\\' escaped, control
 * characters as \b \f \n \r \t or \u00XX, everything else (UTF-8
 * included) as it is; text that is not valid UTF-8 has its invalid
 * bytes replaced by U+FFFD, so the output is always valid JSON; NULL
 * is null, as json-glib writes it.  Built
 * by hand: it writes every string of a page (/changes, /patients), and
 * a JsonNode and a generator per string cost more than the rest of the
 * page. */
void
cl_sync_server_append_json_string (GString    *out,
                                   const char *text)
{
  static const char hex[] = "0123456789abcdef";
  g_autofree char *valid = NULL;
  const char *run;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  run = text;
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      g_string_append_c (out, '\\');
      switch (c)
        {
        case '"':  g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '\b': g_string_append_c (out, 'b'); break;
        case '\f': g_string_append_c (out, 'f'); break;
        case '\n': g_string_append_c (out, 'n'); break;
        case '\r': g_string_append_c (out, 'r'); break;
        case '\t': g_string_append_c (out, 't'); break;
        default:
          g_string_append (out, "u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
          break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

char *
cl_sync_server_get_changes (CLStore     *store,
                            gint64       since,
                            guint        limit,
                            const char  *role,
                            GError     **error)
{
  static const char sql[] =
    "SELECT rev, tbl, record_id, op, data FROM change_log WHERE rev > ?1 ORDER BY rev LIMIT ?2";
  g_autoptr(GString) out = g_string_sized_new (512 * (gsize) MIN (limit, 5000));
  sqlite3_stmt *stmt;
  gint64 next = since;
  gboolean more = FALSE;
  gboolean first = TRUE;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* The feed holds each record's JSON as this program wrote it
   * (log_change), so it goes out as it is, not parsed and built again:
   * that was most of the cost of a page. */
  g_string_append (out, "{\"changes\":[");

  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, sql, error)))
    {
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 1);
      const char *data = (const char *) sqlite3_column_text (stmt, 4);

      next = sqlite3_column_int64 (stmt, 0);
      if (!cl_tables_can_read (role, table))
        continue;
      if (data == NULL || (*data != '{' && strcmp (data, "null") != 0))
        {
          /* Only this program writes the feed; a row it cannot send is
           * damage, and skipping it silently would lose a change. */
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CORRUPT,
                       "change %" G_GINT64_FORMAT " is not valid JSON", next);
          sqlite3_reset (stmt);
          cl_store_unlock (store);
          return NULL;
        }
      g_string_append_printf (out, "%s{\"rev\":%" G_GINT64_FORMAT ",\"table\":",
                              first ? "" : ",", next);
      cl_sync_server_append_json_string (out, table);
      g_string_append (out, ",\"id\":");
      cl_sync_server_append_json_string (out, (const char *) sqlite3_column_text (stmt, 2));
      g_string_append (out, ",\"op\":");
      cl_sync_server_append_json_string (out, (const char *) sqlite3_column_text (stmt, 3));
      g_string_append (out, ",\"data\":");
      g_string_append (out, data);
      g_string_append_c (out, '}');
      first = FALSE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      cl_store_unlock (store);
      return NULL;
    }

  if ((stmt = cl_store_prepare (store, "SELECT 1 FROM change_log WHERE rev > ?1 LIMIT 1", error)))
    {
      sqlite3_bind_int64 (stmt, 1, next);
      more = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  cl_store_unlock (store);
  if (stmt == NULL)
    return NULL;

  g_string_append_printf (out, "],\"next\":%" G_GINT64_FORMAT ",\"more\":%s}",
                          next, more ? "true" : "false");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_text_member (JsonObject   *object,
                 const char   *name,
                 sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text)
    json_object_set_string_member (object, name, text);
  else
    json_object_set_null_member (object, name);
}

JsonArray *
cl_sync_server_read_audit (CLStore     *store,
                           const char  *patient_id,
                           GError     **error)
{
  g_autoptr(JsonArray) lines = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  cl_store_lock (store);
  stmt = cl_store_prepare (store,
                           "SELECT at, username, role, action, tbl, record_id, patient_id, status, detail"
                           " FROM audit WHERE ?1 IS NULL OR patient_id = ?1 ORDER BY seq",
                           error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, patient_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *line = json_object_new ();

      json_object_set_int_member (line, "at", sqlite3_column_int64 (stmt, 0));
      add_text_member (line, "username", stmt, 1);
      add_text_member (line, "role", stmt, 2);
      add_text_member (line, "action", stmt, 3);
      add_text_member (line, "table", stmt, 4);
      add_text_member (line, "record_id", stmt, 5);
      add_text_member (line, "patient_id", stmt, 6);
      json_object_set_int_member (line, "status", sqlite3_column_int (stmt, 7));
      add_text_member (line, "detail", stmt, 8);
      json_array_add_object_element (lines, line);
    }
  if (rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  cl_store_unlock (store);

  return rc == SQLITE_DONE ? g_steal_pointer (&lines) : NULL;
}
