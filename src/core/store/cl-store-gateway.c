/* cl-store-gateway.c
 *
 * The statements of careline-server's gateway tables
 * (cl-store-gateway.h): gateway_setting and gateway_message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-store-gateway"

#include "config.h"

#include "cl-followup-record.h"
#include "cl-store-gateway.h"
#include "cl-store-private.h"

void
cl_gateway_message_free (ClGatewayMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->id);
  g_free (message->followup_item_id);
  g_free (message->due_date);
  g_free (message->body);
  g_free (message->state);
  g_free (message->last_error);
  g_free (message);
}

GHashTable *
cl_store_gateway_settings (CLStore  *store,
                           GError  **error)
{
  g_autoptr(GHashTable) settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  cl_store_lock (store);
  stmt = cl_store_prepare (store, "SELECT name, value FROM gateway_setting", error);
  if (stmt == NULL)
    {
      cl_store_unlock (store);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (settings,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return rc == SQLITE_DONE ? g_steal_pointer (&settings) : NULL;
}

gboolean
cl_store_gateway_replace_settings (CLStore     *store,
                                   GHashTable  *settings,
                                   GError     **error)
{
  GHashTableIter iter;
  gpointer name, value;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (cl_store_in_transaction (store), FALSE);

  if (!cl_store_exec (store, "DELETE FROM gateway_setting", error))
    return FALSE;
  if (settings == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, settings);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      if (!(stmt = cl_store_prepare (store, "INSERT INTO gateway_setting (name, value) VALUES (?1, ?2)", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      if (!cl_store_step (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
cl_store_gateway_unqueued_items (CLStore    *store,
                                 const char *through,
                                 guint       limit)
{
  g_autofree char *condition = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (through != NULL, NULL);

  /* The condition of the followup_item_outgoing index, word for word,
   * so SQLite uses it. */
  condition = g_strdup_printf ("deleted = 0 AND state IN ('due', 'rescheduled')"
                               " AND channel IN ('sms', 'wechat') AND due_date <= ?1"
                               " AND NOT EXISTS (SELECT 1 FROM gateway_message m"
                               "   WHERE m.followup_item_id = followup_item.id"
                               "   AND m.due_date = followup_item.due_date)"
                               " ORDER BY due_date, id LIMIT %u", limit);
  return cl_store_query_records (store, CL_TYPE_FOLLOWUP_RECORD, condition, through, NULL);
}

gboolean
cl_store_gateway_insert (CLStore                *store,
                         const ClGatewayMessage *message,
                         gint64                  now,
                         GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (cl_store_in_transaction (store), FALSE);

  stmt = cl_store_prepare (store,
                           "INSERT INTO gateway_message (id, followup_item_id, due_date, body, state,"
                           " attempts, next_at, last_error, queued_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, message->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, message->followup_item_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, message->due_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, message->body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, message->state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, message->attempts);
  sqlite3_bind_int64 (stmt, 7, message->next_at);
  sqlite3_bind_text (stmt, 8, message->last_error, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONFLICT,
                   "item %s already has a message for %s", message->followup_item_id, message->due_date);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

#define MESSAGE_COLUMNS "id, followup_item_id, due_date, body, state, attempts, next_at, last_error"

static ClGatewayMessage *
message_from_row (sqlite3_stmt *stmt)
{
  ClGatewayMessage *message = g_new0 (ClGatewayMessage, 1);

  message->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  message->followup_item_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  message->due_date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  message->body = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  message->state = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  message->attempts = sqlite3_column_int (stmt, 5);
  message->next_at = sqlite3_column_int64 (stmt, 6);
  message->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return message;
}

/* The one row of @sql bound to @text or @number as ?1, or NULL. */
static ClGatewayMessage *
select_one (CLStore     *store,
            const char  *sql,
            const char  *text,
            gint64       number,
            GError     **error)
{
  ClGatewayMessage *message = NULL;
  sqlite3_stmt *stmt;
  int rc;

  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, sql, error)))
    {
      cl_store_unlock (store);
      return NULL;
    }
  if (text)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    message = message_from_row (stmt);
  else if (rc != SQLITE_DONE)
    cl_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  cl_store_unlock (store);
  return message;
}

ClGatewayMessage *
cl_store_gateway_next_ready (CLStore  *store,
                             gint64    now,
                             GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  /* The condition of the gateway_message_ready index. */
  return select_one (store,
                     "SELECT " MESSAGE_COLUMNS " FROM gateway_message"
                     " WHERE state IN ('queued', 'sending') AND next_at <= ?1"
                     " ORDER BY next_at, queued_at, id LIMIT 1",
                     NULL, now, error);
}

ClGatewayMessage *
cl_store_gateway_find (CLStore     *store,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  ClGatewayMessage *message;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  message = select_one (store, "SELECT " MESSAGE_COLUMNS " FROM gateway_message WHERE id = ?1",
                        id, 0, &local_error);
  if (message == NULL && local_error == NULL)
    g_set_error (&local_error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND, "no message %s", id);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return message;
}

gboolean
cl_store_gateway_update (CLStore                *store,
                         const ClGatewayMessage *message,
                         gint64                  now,
                         GError                **error)
{
  gboolean own = FALSE, ok;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (message != NULL && message->id != NULL, FALSE);

  /* Under the store's lock a transaction in progress is this
   * thread's own. */
  cl_store_lock (store);
  if (!cl_store_in_transaction (store))
    {
      if (!cl_store_begin (store, error))
        {
          cl_store_unlock (store);
          return FALSE;
        }
      own = TRUE;
    }
  stmt = cl_store_prepare (store,
                           "UPDATE gateway_message SET state = ?2, attempts = ?3, next_at = ?4,"
                           " last_error = ?5,"
                           " sent_at = CASE WHEN ?2 = 'sent' THEN ?6 ELSE sent_at END,"
                           " delivered_at = CASE WHEN ?2 = 'delivered' THEN ?6 ELSE delivered_at END"
                           " WHERE id = ?1",
                           error);
  if (stmt)
    {
      sqlite3_bind_text (stmt, 1, message->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, message->state, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, message->attempts);
      sqlite3_bind_int64 (stmt, 4, message->next_at);
      sqlite3_bind_text (stmt, 5, message->last_error, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, now);
    }
  if (stmt == NULL || !cl_store_step (store, stmt, error))
    {
      if (own)
        cl_store_rollback (store);
      cl_store_unlock (store);
      return FALSE;
    }
  ok = own ? cl_store_commit (store, error) : TRUE;
  cl_store_unlock (store);
  return ok;
}
