/* cl-sync-push.c
 *
 * The push half of a sync round: sends the outbox to the server in
 * batches, acknowledges what it accepted and undoes what it refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-blob-sync.h"
#include "cl-store-private.h"
#include "cl-sync-client-private.h"
#include "cl-sync-revs.h"
#include "cl-tables.h"
#include "cl-util.h"

/* Outbox rows per POST: big enough that a day's backlog goes in a few
 * requests, small enough that one answer applies in a short transaction. */
#define PUSH_BATCH       1000

typedef struct
{
  gint64  seq;
  char   *key;
  char   *table;
  char   *record_id;
  gint64  base_rev;
  char   *op;
  char   *data;
} OutboxEntry;

static void
outbox_entry_free (gpointer data)
{
  OutboxEntry *e = data;

  g_free (e->key);
  g_free (e->table);
  g_free (e->record_id);
  g_free (e->op);
  g_free (e->data);
  g_free (e);
}

/* The oldest outbox rows, in order, stopping before the second entry
 * of any one record: the server checks each change against the rev
 * it is based on, and a later edit's base is only known once the
 * earlier one has been answered. */
static GPtrArray *
read_outbox_batch (CLStore  *store,
                   GError  **error)
{
  static const char sql[] =
    "SELECT seq, key, tbl, record_id, base_rev, op, data FROM outbox ORDER BY seq LIMIT ?1";
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (outbox_entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, sql, error)))
    {
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, PUSH_BATCH);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutboxEntry *e = g_new0 (OutboxEntry, 1);
      char *rk;

      e->seq = sqlite3_column_int64 (stmt, 0);
      e->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->table = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      e->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      e->base_rev = sqlite3_column_int64 (stmt, 4);
      e->op = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      e->data = g_strdup ((const char *) sqlite3_column_text (stmt, 6));

      rk = cl_sync_record_key (e->table, e->record_id);
      if (!g_hash_table_add (seen, rk))
        {
          outbox_entry_free (e);
          rc = SQLITE_DONE;
          break;
        }
      g_ptr_array_add (batch, e);
    }
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      cl_store_unlock (store);
      return NULL;
    }
  sqlite3_reset (stmt);
  cl_store_unlock (store);

  return g_steal_pointer (&batch);
}

static JsonNode *
build_push_body (GPtrArray *batch)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < batch->len; i++)
    {
      OutboxEntry *e = g_ptr_array_index (batch, i);
      JsonNode *data = NULL;

      if (json_parser_load_from_data (parser, e->data, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          data = json_node_copy (json_parser_get_root (parser));
          /* The base may have moved on since the row was written (an
           * earlier edit of the record was answered); the column is
           * what counts, so the copy inside agrees with it. */
          json_object_set_int_member (json_node_get_object (data), "rev", e->base_rev);
        }
      else
        data = json_node_new (JSON_NODE_NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, e->key);
      json_builder_set_member_name (builder, "table");
      json_builder_add_string_value (builder, e->table);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, e->record_id);
      json_builder_set_member_name (builder, "base_rev");
      json_builder_add_int_value (builder, e->base_rev);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, e->op);
      json_builder_set_member_name (builder, "data");
      json_builder_add_value (builder, data);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
rejection_message (const char *table,
                   const char *reason,
                   const char *detail)
{
  if (g_strcmp0 (reason, "stale") == 0)
    return g_strdup (_("Someone at another desk changed this record first; their version is shown"));
  if (g_strcmp0 (reason, "forbidden") == 0)
    return g_strdup (_("Your role may not change this"));
  if (g_strcmp0 (reason, "overlap") == 0 && g_strcmp0 (table, "escort_task") == 0)
    return g_strdup (_("The escort was given a task at this time at another desk; this change was undone"));
  if (g_strcmp0 (reason, "overlap") == 0)
    return g_strdup (_("This overlaps a booking made at another desk; it was undone"));
  return g_strdup_printf (_("The server refused the change: %s"),
                          detail ? detail : reason ? reason : _("no reason given"));
}

typedef struct
{
  char *table;
  char *record_id;
  char *reason;
  char *message;
} Rejection;

static void
rejection_free (gpointer data)
{
  Rejection *r = data;

  g_free (r->table);
  g_free (r->record_id);
  g_free (r->reason);
  g_free (r->message);
  g_free (r);
}

/* Undoes a refused change inside the open transaction: the server's
 * version comes back, or, when the server never had the record, the
 * record goes (as a tombstone written as if from the server, so that
 * nothing is queued).  Later outbox rows of the record built on the
 * refused change, so they go too. */
static gboolean
undo_rejected (CLStore      *store,
               OutboxEntry  *e,
               GType         type,
               JsonNode     *current,
               GError      **error)
{
  static const char drop_sql[] =
    "DELETE FROM outbox WHERE tbl = ?1 AND record_id = ?2 AND seq >= ?3";
  g_autoptr(CLRecord) record = NULL;
  sqlite3_stmt *stmt;

  if (type != G_TYPE_INVALID)
    {
      if (current != NULL && JSON_NODE_HOLDS_OBJECT (current))
        {
          g_autoptr(GError) local_error = NULL;

          record = g_object_new (type, NULL);
          if (!cl_record_update_from_json (record, json_node_get_object (current), &local_error))
            {
              /* A newer server with fields we do not know: keep ours
               * rather than fail the whole batch for ever. */
              g_warning ("cannot read the server’s %s %s: %s",
                         e->table, e->record_id, local_error->message);
              g_clear_object (&record);
            }
          else if (cl_record_get_id (record) == NULL)
            cl_record_set_id (record, e->record_id);
        }
      else
        {
          record = cl_store_load_record (store, type, e->record_id, NULL);
          if (record)
            cl_record_set_deleted (record, TRUE);
        }

      if (record && !cl_store_write_record (store, record, CL_WRITE_FROM_SERVER, error))
        return FALSE;
    }

  if (!(stmt = cl_store_prepare (store, drop_sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, e->table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, e->record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, e->seq);
  return cl_store_step (store, stmt, error);
}

static gboolean
acknowledge (CLStore      *store,
             OutboxEntry  *e,
             GType         type,
             gint64        rev,
             GError      **error)
{
  static const char rebase_sql[] =
    "UPDATE outbox SET base_rev = ?1 WHERE tbl = ?2 AND record_id = ?3 AND seq > ?4";
  static const char delete_sql[] = "DELETE FROM outbox WHERE seq = ?1";
  sqlite3_stmt *stmt;

  if (type != G_TYPE_INVALID && rev > 0)
    {
      const char *sql = cl_record_type_sql (type, "UPDATE %s SET rev = ?1 WHERE id = ?2 AND rev < ?1");

      /* The local row now matches the server at @rev (a later local
       * edit keeps its own data; its outbox row is rebased below). */
      if (!(stmt = cl_store_prepare (store, sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rev);
      sqlite3_bind_text (stmt, 2, e->record_id, -1, SQLITE_TRANSIENT);
      if (!cl_store_step (store, stmt, error))
        return FALSE;

      if (!(stmt = cl_store_prepare (store, rebase_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rev);
      sqlite3_bind_text (stmt, 2, e->table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, e->record_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, e->seq);
      if (!cl_store_step (store, stmt, error) ||
          !cl_sync_revs_record (store, e->table, e->record_id, e->base_rev, rev, error))
        return FALSE;
    }

  if (!(stmt = cl_store_prepare (store, delete_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->seq);
  return cl_store_step (store, stmt, error);
}

static JsonObject *
find_result (JsonArray   *results,
             guint        index,
             const char  *key)
{
  guint n = json_array_get_length (results);

  /* The server answers in order; look further only if it did not. */
  for (guint k = 0; k < n; k++)
    {
      guint i = (index + k) % n;
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "key", NULL), key) == 0)
        return object;
    }
  return NULL;
}

/* The server's version of a refused record: "current", except after an
 * overlap, where "current" is the other record in the way and "record"
 * is ours (null when the server never had it). */
static JsonNode *
server_version (JsonObject *result,
                const char *record_id)
{
  JsonNode *current = json_object_get_member (result, "current");

  if (current && JSON_NODE_HOLDS_OBJECT (current) &&
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (current), "id", NULL),
                 record_id) != 0)
    return json_object_get_member (result, "record");
  return current;
}

static gboolean
apply_push_results (Worker     *w,
                    GPtrArray  *batch,
                    JsonArray  *results,
                    GPtrArray  *rejections,
                    GError    **error)
{
  if (!cl_store_begin (w->store, error))
    return FALSE;

  for (guint i = 0; i < batch->len; i++)
    {
      OutboxEntry *e = g_ptr_array_index (batch, i);
      JsonObject *result = find_result (results, i, e->key);
      GType type = cl_tables_lookup (e->table);
      const char *status;

      /* No answer for this one: it stays and goes again, with the
       * same key, so the server can tell if it has it already. */
      if (result == NULL)
        continue;
      status = cl_sync_json_get_string (result, "status");

      if (g_strcmp0 (status, "applied") == 0 || g_strcmp0 (status, "duplicate") == 0)
        {
          if (!acknowledge (w->store, e, type,
                            json_object_get_int_member_with_default (result, "rev", 0),
                            error))
            goto failed;
        }
      else if (g_strcmp0 (status, "rejected") == 0)
        {
          Rejection *r;
          const char *reason = cl_sync_json_get_string (result, "reason");

          if (!undo_rejected (w->store, e, type, server_version (result, e->record_id), error))
            goto failed;

          r = g_new0 (Rejection, 1);
          r->table = g_strdup (e->table);
          r->record_id = g_strdup (e->record_id);
          r->reason = g_strdup (reason ? reason : "invalid");
          r->message = rejection_message (e->table, reason, cl_sync_json_get_string (result, "message"));
          g_ptr_array_add (rejections, r);
        }
      else
        g_debug ("unknown status “%s” for change %s; will send it again", status, e->key);
    }

  return cl_store_commit (w->store, error);

failed:
  cl_store_rollback (w->store);
  return FALSE;
}

gboolean
cl_sync_push_all (Worker      *w,
                  const char  *url,
                  const char  *token,
                  GError     **error)
{
  g_autofree char *changes_url = cl_sync_join_url (url, "/api/v1/changes");

  for (;;)
    {
      g_autoptr(GPtrArray) batch = NULL;
      g_autoptr(GPtrArray) rejections = NULL;
      g_autoptr(JsonNode) body = NULL;
      g_autoptr(JsonNode) reply = NULL;
      JsonObject *object;
      JsonNode *results;
      guint status = 0;

      if (!(batch = read_outbox_batch (w->store, error)))
        return FALSE;
      if (batch->len == 0)
        return TRUE;
      cl_sync_worker_set_state (w, CL_SYNC_STATE_SYNCING, w->last_error);

      /* A document's PDF goes up before its record, so no desk ever
       * pulls a record whose file the server lacks. */
      if (!cl_blob_sync_upload_outbox (w->session, w->store, url, token,
                                       ((OutboxEntry *) g_ptr_array_index (batch, batch->len - 1))->seq,
                                       w->cancellable, error))
        return FALSE;

      body = build_push_body (batch);
      if (!cl_sync_http_call (w->session, changes_url, "POST", token, body, w->cancellable,
                              &status, &reply, error) ||
                  !cl_sync_check_status (status, reply, error))
        return FALSE;

      object = json_node_get_object (reply);
      results = json_object_get_member (object, "results");
      if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results) ||
          json_array_get_length (json_node_get_array (results)) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The server’s answer could not be read"));
          return FALSE;
        }

      rejections = g_ptr_array_new_with_free_func (rejection_free);
      if (!apply_push_results (w, batch, json_node_get_array (results), rejections, error))
        return FALSE;

      cl_sync_worker_post_n_waiting (w);
      for (guint i = 0; i < rejections->len; i++)
        {
          Rejection *r = g_ptr_array_index (rejections, i);
          Post *p = g_new0 (Post, 1);

          p->kind = POST_REJECTED;
          p->table = g_steal_pointer (&r->table);
          p->record_id = g_steal_pointer (&r->record_id);
          p->reason = g_steal_pointer (&r->reason);
          p->text = g_steal_pointer (&r->message);
          cl_sync_post (w, p);
        }
    }
}
