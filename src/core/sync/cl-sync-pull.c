/* cl-sync-pull.c
 *
 * The pull half of a sync round: reads the server's change feed page
 * by page (prefetched, cl-sync-prefetch.h) and writes each page and
 * the new last rev in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-roster-index.h"
#include "cl-store-private.h"
#include "cl-sync-client-private.h"
#include "cl-sync-prefetch.h"
#include "cl-sync-revs.h"
#include "cl-tables.h"
#include "cl-util.h"

/* Changes per pulled page; each page is applied in one transaction. */
#define PULL_LIMIT       1000

typedef struct
{
  gint64    rev;
  GType     type;
  char     *table;
  char     *record_id;
  gboolean  deleted;
  CLRecord *record;   /* NULL for a delete that came without data */
  ClRosterKeys *keys; /* a patient's, made on the decode thread */
} PulledChange;

static void
pulled_change_free (gpointer data)
{
  PulledChange *c = data;

  g_free (c->table);
  g_free (c->record_id);
  g_clear_object (&c->record);
  g_clear_pointer (&c->keys, cl_roster_keys_free);
  g_free (c);
}

/* Builds the records of one page before the store is locked, so the
 * transaction only writes. */
static GPtrArray *
parse_changes (JsonArray  *changes,
               GError    **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (pulled_change_free);
  guint n = json_array_get_length (changes);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (changes, i);
      g_autoptr(GError) local_error = NULL;
      PulledChange *c;
      JsonObject *object;
      JsonNode *data;
      const char *table, *id, *op;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      object = json_node_get_object (node);
      table = cl_sync_json_get_string (object, "table");
      id = cl_sync_json_get_string (object, "id");
      op = cl_sync_json_get_string (object, "op");
      if (table == NULL || id == NULL)
        goto bad;

      c = g_new0 (PulledChange, 1);
      c->rev = json_object_get_int_member_with_default (object, "rev", 0);
      c->table = g_strdup (table);
      c->record_id = g_strdup (id);
      c->type = cl_tables_lookup (table);
      c->deleted = g_strcmp0 (op, "delete") == 0;
      g_ptr_array_add (out, c);

      /* A table this version does not know (a newer server): skip. */
      if (c->type == G_TYPE_INVALID)
        continue;

      data = json_object_get_member (object, "data");
      if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
        {
          c->record = g_object_new (c->type, NULL);
          if (!cl_record_update_from_json (c->record, json_node_get_object (data), &local_error))
            {
              g_warning ("skipping %s %s from the server: %s", table, id, local_error->message);
              g_clear_object (&c->record);
              c->type = G_TYPE_INVALID;
              continue;
            }
          cl_record_set_id (c->record, id);
          cl_record_set_rev (c->record, c->rev);
          if (c->deleted)
            cl_record_set_deleted (c->record, TRUE);
          /* The pinyin and sort key of a patient are pure computation:
           * made here, the writer only inserts them. */
          c->keys = cl_roster_keys_new_for_record (c->record);
        }
      else if (!c->deleted)
        goto bad;
      continue;

    bad:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server’s answer could not be read"));
      return NULL;
    }

  return g_steal_pointer (&out);
}

/* The records (cl_sync_record_key) that @sql, selecting tbl and
 * record_id, names. */
static GHashTable *
record_set (CLStore     *store,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = cl_store_prepare (store, sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, cl_sync_record_key ((const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&set);
}

/* Whether the local row is already what the server sent: a newer rev,
 * or the same rev with the same stamp (our own change coming back
 * after its push was answered carries the server's time and user
 * name, which we take, so that every desk holds the same row). */
static gboolean
have_already (CLStore     *store,
              PulledChange *c,
              gint64      *rev,
              gboolean    *same,
              GError     **error)
{
  const char *sql = cl_record_type_sql (c->type, "SELECT rev, updated_at, updated_by FROM %s WHERE id = ?1");
  sqlite3_stmt *stmt;
  int rc;

  *same = FALSE;
  if (!(stmt = cl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, c->record_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *rev = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  if (rc == SQLITE_ROW)
    {
      if (*rev > c->rev)
        *same = TRUE;
      else if (*rev == c->rev)
        *same = c->record == NULL ||
                (sqlite3_column_int64 (stmt, 1) == cl_record_get_updated_at (c->record) &&
                 g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2),
                            cl_record_get_updated_by (c->record)) == 0);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* One page in one transaction, together with the new last_rev, so a
 * crash in the middle re-pulls the page rather than skipping it.
 *
 * A record with edits still in the outbox is left alone: the local
 * edit wins until it is pushed, and its push is answered "stale" if
 * the server's copy moved on.  So that such a change is not lost when
 * the answer is "duplicate" instead (our edit was applied before, the
 * answer got lost, and this is someone's later change), last_rev is
 * held just below it and the change is pulled again next round. */
static gboolean
apply_page (Worker     *w,
            GPtrArray  *changes,
            gint64      next,
            gint64     *hold,
            GError    **error)
{
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GHashTable) acked = NULL;

  if (!cl_store_begin_bulk (w->store, error))
    return FALSE;

  /* Records with edits waiting, and records with acknowledged revs
   * (cl-sync-revs.h): usually none of either, and then no record of
   * the page needs a statement to find out. */
  if (!(pending = record_set (w->store, "SELECT DISTINCT tbl, record_id FROM outbox", error)) ||
      !(acked = record_set (w->store, "SELECT DISTINCT tbl, record_id FROM acked_rev", error)))
    goto failed;

  for (guint i = 0; i < changes->len; i++)
    {
      PulledChange *c = g_ptr_array_index (changes, i);
      g_autofree char *rk = NULL;
      gint64 have = -1;
      gboolean same = FALSE;

      if (c->type == G_TYPE_INVALID)
        continue;

      if (g_hash_table_size (pending) > 0 || g_hash_table_size (acked) > 0)
        rk = cl_sync_record_key (c->table, c->record_id);
      if (rk && g_hash_table_contains (pending, rk))
        {
          *hold = MIN (*hold, c->rev - 1);
          continue;
        }

      if (c->record == NULL)
        {
          /* A delete without data: mark what we have. */
          if (!have_already (w->store, c, &have, &same, error))
            goto failed;
          if (same || have < 0)
            continue;
          c->record = cl_store_load_record (w->store, c->type, c->record_id, error);
          if (c->record == NULL)
            goto failed;
          cl_record_set_deleted (c->record, TRUE);
          cl_record_set_rev (c->record, c->rev);
          if (!cl_store_write_record (w->store, c->record, CL_WRITE_FROM_SERVER, error))
            goto failed;
        }
      else
        {
          /* Unless the row is what the server sent already (see
           * have_already(), whose test the upsert makes itself). */
          gboolean written = FALSE;

          if (!cl_store_write_record_if_newer (w->store, c->record, &written, error))
            goto failed;
          if (!written)
            continue;
        }

      /* Nothing in the page adds to acked_rev, so a record not in it
       * at the start has nothing there to clear. */
      if (rk && g_hash_table_contains (acked, rk) &&
          !cl_sync_revs_pulled (w->store, c->table, c->record_id, c->rev, error))
        goto failed;
      if (c->keys)
        cl_store_offer_roster_keys (w->store, c->record_id, g_steal_pointer (&c->keys));
    }

  if (!cl_sync_revs_set_mark (w->store, "last_rev", MIN (next, *hold), error))
    goto failed;

  return cl_store_commit (w->store, error);

failed:
  cl_store_rollback (w->store);
  return FALSE;
}

typedef struct
{
  SoupSession *session;
  const char  *url;
  const char  *token;
} PageSource;

/* One page of the feed, fetched and decoded (on the prefetch thread). */
static gboolean
fetch_page (gpointer       user_data,
            gint64         since,
            gpointer      *page,
            gint64        *next,
            gboolean      *more,
            GCancellable  *cancellable,
            GError       **error)
{
  PageSource *source = user_data;
  g_autofree char *path = NULL;
  g_autofree char *page_url = NULL;
  g_autoptr(JsonNode) reply = NULL;
  JsonObject *object;
  JsonNode *array;
  guint status = 0;

  path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=%d",
                          since, PULL_LIMIT);
  page_url = cl_sync_join_url (source->url, path);
  if (!cl_sync_http_call (source->session, page_url, "GET", source->token, NULL, cancellable,
                          &status, &reply, error) ||
              !cl_sync_check_status (status, reply, error))
    return FALSE;

  object = json_node_get_object (reply);
  array = json_object_get_member (object, "changes");
  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server’s answer could not be read"));
      return FALSE;
    }
  *next = json_object_get_int_member_with_default (object, "next", since);
  *more = json_object_get_boolean_member_with_default (object, "more", FALSE);
  if (*next < since || (*more && *next == since))
    {
      /* A feed that does not move forward would loop for ever. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server’s answer could not be read"));
      return FALSE;
    }

  *page = parse_changes (json_node_get_array (array), error);
  return *page != NULL;
}

/* Pages are fetched and decoded two ahead of the one being written
 * (cl-sync-prefetch.h); each is still written in order, in a
 * transaction of its own. */
gboolean
cl_sync_pull_all (Worker      *w,
                  const char  *url,
                  const char  *token,
                  GError     **error)
{
  PageSource source = { w->session, url, token };
  ClPrefetch *prefetch;
  gint64 since = 0, hold = G_MAXINT64;
  gboolean ok = TRUE;

  if (!cl_sync_snapshot_pull (w, url, token, error) ||
      !cl_sync_revs_get_mark (w->store, "last_rev", &since, NULL, error))
    return FALSE;

  prefetch = cl_prefetch_start (fetch_page, &source, (GDestroyNotify) g_ptr_array_unref,
                                since, 2, w->cancellable);
  for (;;)
    {
      g_autoptr(GPtrArray) changes = NULL;
      gint64 next, from;
      gboolean more;

      if (!cl_prefetch_next (prefetch, (gpointer *) &changes, &from, &next, &more, error))
        {
          ok = FALSE;
          break;
        }
      /* Only a round that moves data shows as syncing; the idle checks
       * (every nudge, every half minute) would make the state flicker. */
      if (changes->len > 0)
        cl_sync_worker_set_state (w, CL_SYNC_STATE_SYNCING, w->last_error);

      if ((changes->len > 0 || next != from) &&
          !apply_page (w, changes, next, &hold, error))
        {
          ok = FALSE;
          break;
        }
      if (!more)
        break;
    }
  cl_prefetch_stop (prefetch);
  return ok;
}
