#define G_LOG_DOMAIN "cl-sync-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cl-blob-sync.h"
#include "cl-sync-client.h"
#include "cl-sync-prefetch.h"
#include "cl-sync-revs.h"
#include "cl-sync-tls.h"
#include "cl-tables.h"
#include "cl-util.h"

/* Outbox rows per POST: big enough that a day's backlog goes in a few
 * requests, small enough that one answer applies in a short transaction. */
#define PUSH_BATCH       1000
/* Changes per pulled page; each page is applied in one transaction. */
#define PULL_LIMIT       1000
/* A burst of saves (a patient, her pregnancy, a risk event) goes out
 * as one push. */
#define DEBOUNCE_MS      200
#define PERIODIC_MS      (30 * 1000)
/* Without the event socket nothing nudges us; poll more often. */
#define PERIODIC_NO_EVENTS_MS (5 * 1000)
#define BACKOFF_MIN_MS   1000
#define BACKOFF_MAX_MS   (60 * 1000)
#define HTTP_TIMEOUT_S   30

/* The worker: one thread with its own GMainContext, where the
 * SoupSession and the event socket live (a SoupSession belongs to the
 * context it was made in).  It never touches the CLSyncClient object:
 * everything it reports is posted to the client's context, which
 * looks the client up there.  That way the last reference to the
 * client can never be dropped on the worker thread (its dispose joins
 * the worker). */
typedef struct
{
  gatomicrefcount ref_count;

  /* set once */
  CLStore      *store;
  GMainContext *client_context;
  GMainContext *context;
  GMainLoop    *loop;
  GCancellable *cancellable;

  /* client context only */
  CLSyncClient *client;          /* borrowed; cleared by its dispose */

  /* under mutex */
  GMutex        mutex;
  char         *url;
  char         *token;
  char         *ca_file;
  gboolean      session_stale;        /* ca_file changed */

  /* atomic: rounds begun, so sync_async knows which round covers it */
  gint          rounds_started;

  /* worker thread only */
  SoupSession  *session;
  GError       *tls_error;            /* the CA file cannot be used */
  SoupWebsocketConnection *events;
  gboolean      events_connecting;
  guint         events_failures;
  gint64        events_next_attempt;  /* monotonic µs */
  GSource      *round_source;
  gint64        round_due;            /* monotonic µs */
  ClSyncState   state;
  char         *last_error;
  guint         backoff_ms;
  gboolean      stopping;
} Worker;

struct _CLSyncClient
{
  GObject parent_instance;

  /* owned */
  CLStore      *store;
  Worker       *worker;
  GThread      *thread;
  GPtrArray    *sync_tasks;       /* GTask; task data = round needed */
  char         *server_url;
  char         *username;
  char         *role;
  char         *last_error;
  ClSyncState   state;
  guint         n_waiting;
  gulong        changed_handler;
};

G_DEFINE_FINAL_TYPE (CLSyncClient, cl_sync_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SERVER_URL,
  PROP_STATE,
  PROP_N_WAITING,
  PROP_LAST_ERROR,
  PROP_USERNAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REJECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GType
cl_sync_state_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { CL_SYNC_STATE_DISABLED, "CL_SYNC_STATE_DISABLED", "disabled" },
        { CL_SYNC_STATE_OFFLINE, "CL_SYNC_STATE_OFFLINE", "offline" },
        { CL_SYNC_STATE_SYNCING, "CL_SYNC_STATE_SYNCING", "syncing" },
        { CL_SYNC_STATE_ONLINE, "CL_SYNC_STATE_ONLINE", "online" },
        { CL_SYNC_STATE_AUTH_NEEDED, "CL_SYNC_STATE_AUTH_NEEDED", "auth-needed" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("ClSyncState"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

/* ------------------------------------------------------------------ */
/* Worker lifetime                                                     */

static Worker *
worker_ref (Worker *w)
{
  g_atomic_ref_count_inc (&w->ref_count);
  return w;
}

static void
worker_unref (Worker *w)
{
  if (!g_atomic_ref_count_dec (&w->ref_count))
    return;

  g_assert (w->session == NULL && w->events == NULL && w->round_source == NULL);
  g_clear_object (&w->store);
  g_clear_object (&w->cancellable);
  g_clear_pointer (&w->loop, g_main_loop_unref);
  g_clear_pointer (&w->context, g_main_context_unref);
  g_clear_pointer (&w->client_context, g_main_context_unref);
  g_clear_pointer (&w->url, g_free);
  g_clear_pointer (&w->token, g_free);
  g_clear_pointer (&w->ca_file, g_free);
  g_clear_pointer (&w->last_error, g_free);
  g_mutex_clear (&w->mutex);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Worker, worker_unref)

/* ------------------------------------------------------------------ */
/* Reports from the worker to the client's context                     */

typedef enum
{
  POST_STATE,
  POST_N_WAITING,
  POST_REJECTED,
  POST_ROUND_DONE,
} PostKind;

typedef struct
{
  Worker     *worker;
  PostKind    kind;
  ClSyncState state;
  guint       n;
  char       *text;      /* last error, or the rejection message */
  char       *table;
  char       *record_id;
  char       *reason;
  GError     *error;
} Post;

static void
post_free (gpointer data)
{
  Post *p = data;

  worker_unref (p->worker);
  g_free (p->text);
  g_free (p->table);
  g_free (p->record_id);
  g_free (p->reason);
  g_clear_error (&p->error);
  g_free (p);
}

static void complete_sync_tasks (CLSyncClient *self,
                                 guint         round,
                                 const GError *error);

static gboolean
post_dispatch_cb (gpointer data)
{
  Post *p = data;
  g_autoptr(CLSyncClient) self = NULL;

  if (p->worker->client == NULL)
    return G_SOURCE_REMOVE;
  /* A signal handler may drop what may be the last other reference. */
  self = g_object_ref (p->worker->client);

  switch (p->kind)
    {
    case POST_STATE:
      g_object_freeze_notify (G_OBJECT (self));
      if (self->state != p->state)
        {
          self->state = p->state;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
        }
      if (cl_set_str (&self->last_error, p->text))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
      g_object_thaw_notify (G_OBJECT (self));
      break;

    case POST_N_WAITING:
      if (self->n_waiting != p->n)
        {
          self->n_waiting = p->n;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
        }
      break;

    case POST_REJECTED:
      g_signal_emit (self, signals[REJECTED], 0, p->table, p->record_id, p->reason, p->text);
      break;

    case POST_ROUND_DONE:
      complete_sync_tasks (self, p->n, p->error);
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

static void
post (Worker *w,
      Post   *p)
{
  p->worker = worker_ref (w);
  g_main_context_invoke_full (w->client_context, G_PRIORITY_DEFAULT,
                              post_dispatch_cb, p, post_free);
}

/* Sends the state and the last error; @error NULL clears it. */
static void
worker_set_state (Worker      *w,
                  ClSyncState  state,
                  const char  *error)
{
  Post *p;

  if (w->state == state && g_strcmp0 (w->last_error, error) == 0)
    return;
  w->state = state;
  cl_set_str (&w->last_error, error);

  p = g_new0 (Post, 1);
  p->kind = POST_STATE;
  p->state = state;
  p->text = g_strdup (error);
  post (w, p);
}

static void
worker_post_n_waiting (Worker *w)
{
  Post *p = g_new0 (Post, 1);

  p->kind = POST_N_WAITING;
  p->n = (guint) cl_store_count_outbox (w->store);
  post (w, p);
}

static void
worker_post_round_done (Worker       *w,
                        guint         round,
                        const GError *error)
{
  Post *p = g_new0 (Post, 1);

  p->kind = POST_ROUND_DONE;
  p->n = round;
  p->error = error ? g_error_copy (error) : NULL;
  post (w, p);
}

/* ------------------------------------------------------------------ */
/* HTTP                                                                */

static char *
join_url (const char *base,
          const char *path)
{
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    len--;
  return g_strdup_printf ("%.*s%s", (int) len, base, path);
}

/* One request with a JSON body (or none) and a JSON answer (or none).
 * Fails only when no HTTP answer came (network, cancellation) or a
 * successful answer could not be read; the caller judges the status. */
static gboolean
http_call (SoupSession   *session,
           const char    *url,
           const char    *method,
           const char    *token,
           JsonNode      *body,
           GCancellable  *cancellable,
           guint         *status,
           JsonNode     **reply,
           GError       **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data;

  *reply = NULL;
  msg = soup_message_new (method, url);
  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The server address “%s” is not valid"), url);
      return FALSE;
    }

  if (token)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", value);
    }
  if (body)
    {
      gsize len = 0;
      char *text = json_to_string (body, FALSE);
      g_autoptr(GBytes) request = NULL;

      len = strlen (text);
      request = g_bytes_new_take (text, len);
      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }

  bytes = soup_session_send_and_read (session, msg, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR,
                     local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED,
                     _("The server cannot be reached: %s"), local_error->message);
      return FALSE;
    }

  *status = soup_message_get_status (msg);
  data = g_bytes_get_data (bytes, &size);
  if (size > 0)
    {
      /* Not an immutable parser: sealing every node of a page of a
       * thousand records costs half as much again as reading it. */
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, data, size, NULL))
        *reply = json_node_ref (json_parser_get_root (parser));
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (*status) &&
      (*reply == NULL || !JSON_NODE_HOLDS_OBJECT (*reply)) &&
      g_strcmp0 (method, "DELETE") != 0)
    {
      g_clear_pointer (reply, json_node_unref);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server’s answer could not be read"));
      return FALSE;
    }

  return TRUE;
}

static const char *
server_error_message (JsonNode *reply)
{
  JsonObject *object, *error;

  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    return NULL;
  object = json_node_get_object (reply);
  if (!json_object_has_member (object, "error") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "error")))
    return NULL;
  error = json_object_get_object_member (object, "error");
  if (!json_object_has_member (error, "message"))
    return NULL;
  return json_object_get_string_member_with_default (error, "message", NULL);
}

/* Turns an unsuccessful status into an error: 401 means the session is
 * gone (the caller then asks for a log-in), anything else is the
 * server's problem, told in its own words when it gave some. */
static gboolean
check_status (guint      status,
              JsonNode  *reply,
              GError   **error)
{
  const char *message;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Your session has ended; log in again"));
      return FALSE;
    }

  message = server_error_message (reply);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The server answered with an error: %s"),
               message ? message : soup_status_get_phrase (status));
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Push                                                                */

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

static char *
record_key (const char *table,
            const char *id)
{
  return g_strconcat (table, "\x1f", id, NULL);
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

      rk = record_key (e->table, e->record_id);
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
      g_autofree char *sql =
        g_strdup_printf ("UPDATE %s SET rev = ?1 WHERE id = ?2 AND rev < ?1",
                         cl_record_type_get_table (type));

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

static const char *
get_string_or_null (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
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
      status = get_string_or_null (result, "status");

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
          const char *reason = get_string_or_null (result, "reason");

          if (!undo_rejected (w->store, e, type, server_version (result, e->record_id), error))
            goto failed;

          r = g_new0 (Rejection, 1);
          r->table = g_strdup (e->table);
          r->record_id = g_strdup (e->record_id);
          r->reason = g_strdup (reason ? reason : "invalid");
          r->message = rejection_message (e->table, reason, get_string_or_null (result, "message"));
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

static gboolean
push_all (Worker      *w,
          const char  *url,
          const char  *token,
          GError     **error)
{
  g_autofree char *changes_url = join_url (url, "/api/v1/changes");

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
      worker_set_state (w, CL_SYNC_STATE_SYNCING, w->last_error);

      /* A document's PDF goes up before its record, so no desk ever
       * pulls a record whose file the server lacks. */
      if (!cl_blob_sync_upload_outbox (w->session, w->store, url, token,
                                       ((OutboxEntry *) g_ptr_array_index (batch, batch->len - 1))->seq,
                                       w->cancellable, error))
        return FALSE;

      body = build_push_body (batch);
      if (!http_call (w->session, changes_url, "POST", token, body, w->cancellable,
                      &status, &reply, error) ||
          !check_status (status, reply, error))
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

      worker_post_n_waiting (w);
      for (guint i = 0; i < rejections->len; i++)
        {
          Rejection *r = g_ptr_array_index (rejections, i);
          Post *p = g_new0 (Post, 1);

          p->kind = POST_REJECTED;
          p->table = g_steal_pointer (&r->table);
          p->record_id = g_steal_pointer (&r->record_id);
          p->reason = g_steal_pointer (&r->reason);
          p->text = g_steal_pointer (&r->message);
          post (w, p);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Pull                                                                */

typedef struct
{
  gint64    rev;
  GType     type;
  char     *table;
  char     *record_id;
  gboolean  deleted;
  CLRecord *record;   /* NULL for a delete that came without data */
} PulledChange;

static void
pulled_change_free (gpointer data)
{
  PulledChange *c = data;

  g_free (c->table);
  g_free (c->record_id);
  g_clear_object (&c->record);
  g_free (c);
}

static gboolean
read_last_rev (CLStore  *store,
               gint64   *rev,
               GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *rev = 0;
  cl_store_lock (store);
  if (!(stmt = cl_store_prepare (store, "SELECT value FROM sync_state WHERE key = 'last_rev'", error)))
    {
      cl_store_unlock (store);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *rev = g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
  sqlite3_reset (stmt);
  cl_store_unlock (store);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cl_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
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
      table = get_string_or_null (object, "table");
      id = get_string_or_null (object, "id");
      op = get_string_or_null (object, "op");
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

static GHashTable *
pending_records (CLStore  *store,
                 GError  **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = cl_store_prepare (store, "SELECT DISTINCT tbl, record_id FROM outbox", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, record_key ((const char *) sqlite3_column_text (stmt, 0),
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
  g_autofree char *sql = g_strdup_printf ("SELECT rev, updated_at, updated_by FROM %s WHERE id = ?1",
                                          cl_record_type_get_table (c->type));
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
  static const char save_sql[] =
    "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('last_rev', ?1)";
  g_autoptr(GHashTable) pending = NULL;
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;

  if (!cl_store_begin_bulk (w->store, error))
    return FALSE;

  if (!(pending = pending_records (w->store, error)))
    goto failed;

  for (guint i = 0; i < changes->len; i++)
    {
      PulledChange *c = g_ptr_array_index (changes, i);
      gint64 have = -1;
      gboolean same = FALSE;

      if (c->type == G_TYPE_INVALID)
        continue;

      if (g_hash_table_size (pending) > 0)
        {
          g_autofree char *rk = record_key (c->table, c->record_id);

          if (g_hash_table_contains (pending, rk))
            {
              *hold = MIN (*hold, c->rev - 1);
              continue;
            }
        }

      if (!have_already (w->store, c, &have, &same, error))
        goto failed;
      if (same)
        continue;

      if (c->record == NULL)
        {
          /* A delete without data: mark what we have. */
          if (have < 0)
            continue;
          c->record = cl_store_load_record (w->store, c->type, c->record_id, error);
          if (c->record == NULL)
            goto failed;
          cl_record_set_deleted (c->record, TRUE);
          cl_record_set_rev (c->record, c->rev);
        }

      if (!cl_store_write_record (w->store, c->record, CL_WRITE_FROM_SERVER, error) ||
          !cl_sync_revs_pulled (w->store, c->table, c->record_id, c->rev, error))
        goto failed;
    }

  if (!(stmt = cl_store_prepare (w->store, save_sql, error)))
    goto failed;
  value = g_strdup_printf ("%" G_GINT64_FORMAT, MIN (next, *hold));
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (!cl_store_step (w->store, stmt, error))
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
  page_url = join_url (source->url, path);
  if (!http_call (source->session, page_url, "GET", source->token, NULL, cancellable,
                  &status, &reply, error) ||
      !check_status (status, reply, error))
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
static gboolean
pull_all (Worker      *w,
          const char  *url,
          const char  *token,
          GError     **error)
{
  PageSource source = { w->session, url, token };
  ClPrefetch *prefetch;
  gint64 since = 0, hold = G_MAXINT64;
  gboolean ok = TRUE;

  if (!read_last_rev (w->store, &since, error))
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
        worker_set_state (w, CL_SYNC_STATE_SYNCING, w->last_error);

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

/* ------------------------------------------------------------------ */
/* The round: push, then pull                                          */

static void schedule_round (Worker *w, guint delay_ms, gboolean force);
static void ensure_events (Worker *w, const char *url, const char *token);

static void
close_events (Worker *w)
{
  if (w->events == NULL)
    return;
  g_signal_handlers_disconnect_by_data (w->events, w);
  if (soup_websocket_connection_get_state (w->events) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (w->events, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&w->events);
}

/* (Re)makes the session with the trust the CA file asks for
 * (cl-sync-tls.h).  When the file cannot be used, rounds fail with
 * that error rather than trust the system's store instead. */
static void
renew_session (Worker *w)
{
  g_autofree char *ca_file = NULL;

  g_mutex_lock (&w->mutex);
  ca_file = g_strdup (w->ca_file);
  w->session_stale = FALSE;
  g_mutex_unlock (&w->mutex);

  if (w->session)
    {
      close_events (w);
      soup_session_abort (w->session);
      g_clear_object (&w->session);
    }
  g_clear_error (&w->tls_error);
  w->session = cl_sync_tls_session_new (ca_file, HTTP_TIMEOUT_S, &w->tls_error);
  if (w->session == NULL)
    w->session = cl_sync_tls_session_new (NULL, HTTP_TIMEOUT_S, NULL);
}

static void
run_round (Worker *w)
{
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  guint round;

  round = (guint) g_atomic_int_add (&w->rounds_started, 1) + 1;

  g_mutex_lock (&w->mutex);
  url = g_strdup (w->url);
  token = g_strdup (w->token);
  if (w->session_stale)
    {
      g_mutex_unlock (&w->mutex);
      renew_session (w);
    }
  else
    g_mutex_unlock (&w->mutex);

  if (cl_str_empty (url))
    {
      close_events (w);
      worker_set_state (w, CL_SYNC_STATE_DISABLED, NULL);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           _("No server is set up; changes stay on this computer"));
      worker_post_round_done (w, round, error);
      return;
    }

  if (token == NULL)
    {
      close_events (w);
      worker_set_state (w, CL_SYNC_STATE_AUTH_NEEDED, w->last_error);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Log in to sync with the server"));
      worker_post_round_done (w, round, error);
      return;
    }

  if (w->tls_error)
    error = g_error_copy (w->tls_error);

  if (error == NULL &&
      push_all (w, url, token, &error) &&
      pull_all (w, url, token, &error))
    {
      w->backoff_ms = BACKOFF_MIN_MS;
      worker_set_state (w, CL_SYNC_STATE_ONLINE, NULL);
      worker_post_n_waiting (w);
      ensure_events (w, url, token);
      schedule_round (w, w->events ? PERIODIC_MS : PERIODIC_NO_EVENTS_MS, TRUE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Shutting down. */
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      /* The token is dead: forget it (unless a new log-in replaced it
       * meanwhile) and wait for the person to log in again. */
      g_mutex_lock (&w->mutex);
      if (g_strcmp0 (w->token, token) == 0)
        g_clear_pointer (&w->token, g_free);
      g_mutex_unlock (&w->mutex);
      close_events (w);
      worker_set_state (w, CL_SYNC_STATE_AUTH_NEEDED, error->message);
    }
  else
    {
      guint delay = w->backoff_ms;

      g_debug ("sync round failed: %s", error->message);
      /* Jitter, so that desks cut off together do not come back in step. */
      delay += g_random_int_range (0, delay / 4 + 1);
      w->backoff_ms = MIN (w->backoff_ms * 2, BACKOFF_MAX_MS);
      close_events (w);
      worker_set_state (w, CL_SYNC_STATE_OFFLINE, error->message);
      worker_post_n_waiting (w);
      schedule_round (w, delay, TRUE);
    }

  worker_post_round_done (w, round, error);
}

static gboolean
round_cb (gpointer data)
{
  Worker *w = data;

  g_clear_pointer (&w->round_source, g_source_unref);
  if (!w->stopping)
    run_round (w);
  return G_SOURCE_REMOVE;
}

/* Runs a round after @delay_ms unless one is due sooner.  While
 * offline only @force (a person asking, or the backoff timer itself)
 * may bring the next attempt forward. */
static void
schedule_round (Worker   *w,
                guint     delay_ms,
                gboolean  force)
{
  gint64 due = g_get_monotonic_time () + (gint64) delay_ms * 1000;

  if (w->stopping)
    return;
  if (w->state == CL_SYNC_STATE_OFFLINE && !force && w->round_source != NULL)
    return;
  if (w->round_source != NULL)
    {
      if (w->round_due <= due)
        return;
      g_source_destroy (w->round_source);
      g_clear_pointer (&w->round_source, g_source_unref);
    }

  w->round_due = due;
  w->round_source = g_timeout_source_new (delay_ms);
  g_source_set_name (w->round_source, "[careline] sync round");
  g_source_set_callback (w->round_source, round_cb, w, NULL);
  g_source_attach (w->round_source, w->context);
}

/* ------------------------------------------------------------------ */
/* Events: /api/v1/events nudges                                       */

static void
events_message_cb (SoupWebsocketConnection *conn,
                   gint                     type,
                   GBytes                  *message,
                   gpointer                 user_data)
{
  Worker *w = user_data;

  g_debug ("nudged: %.*s", (int) MIN (g_bytes_get_size (message), 64),
           (const char *) g_bytes_get_data (message, NULL));
  /* Every message means "the server's rev moved"; the pull finds out
   * what changed, so the content needs no reading. */
  schedule_round (w, 0, TRUE);
}

static gboolean
drop_events_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
events_closed_cb (SoupWebsocketConnection *conn,
                  gpointer                 user_data)
{
  Worker *w = user_data;

  GSource *source;

  g_debug ("event socket closed (%u)", soup_websocket_connection_get_close_code (conn));
  g_signal_handlers_disconnect_by_data (conn, w);
  /* Not dropped while it is emitting: an idle source lets it go. */
  source = g_idle_source_new ();
  g_source_set_callback (source, drop_events_cb, g_steal_pointer (&w->events), g_object_unref);
  g_source_attach (source, w->context);
  g_source_unref (source);
  /* The server may be going away; find out soon, and reconnect. */
  schedule_round (w, BACKOFF_MIN_MS, FALSE);
}

static void
events_connected_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Worker) w = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *conn;

  w->events_connecting = FALSE;
  conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (conn == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          guint delay_s = 1u << MIN (w->events_failures, 6);

          g_debug ("event socket failed: %s", error->message);
          w->events_failures++;
          w->events_next_attempt = g_get_monotonic_time () + MIN (delay_s, 60) * G_USEC_PER_SEC;
        }
      return;
    }

  if (w->stopping ||
      (w->state != CL_SYNC_STATE_ONLINE && w->state != CL_SYNC_STATE_SYNCING))
    {
      /* Logged out or gone offline while connecting. */
      g_object_unref (conn);
      return;
    }

  w->events_failures = 0;
  w->events = conn;
  /* Notices a dead connection (a cable pulled) within a minute. */
  soup_websocket_connection_set_keepalive_interval (conn, 30);
  g_signal_connect (conn, "message", G_CALLBACK (events_message_cb), w);
  g_signal_connect (conn, "closed", G_CALLBACK (events_closed_cb), w);

  /* Anything that happened between the last pull and now sent no
   * nudge to us. */
  schedule_round (w, 0, TRUE);
}

static void
ensure_events (Worker     *w,
               const char *url,
               const char *token)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *http_url = NULL;
  g_autofree char *ws_url = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  if (w->events != NULL || w->events_connecting ||
      g_get_monotonic_time () < w->events_next_attempt)
    return;

  escaped = g_uri_escape_string (token, NULL, TRUE);
  path = g_strconcat ("/api/v1/events?token=", escaped, NULL);
  http_url = join_url (url, path);
  if (g_str_has_prefix (http_url, "https:"))
    ws_url = g_strconcat ("wss:", http_url + strlen ("https:"), NULL);
  else if (g_str_has_prefix (http_url, "http:"))
    ws_url = g_strconcat ("ws:", http_url + strlen ("http:"), NULL);
  else
    return;

  msg = soup_message_new ("GET", ws_url);
  if (msg == NULL)
    return;

  w->events_connecting = TRUE;
  soup_session_websocket_connect_async (w->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        w->cancellable, events_connected_cb, worker_ref (w));
}

/* ------------------------------------------------------------------ */
/* Requests from the client's thread                                   */

typedef struct
{
  Worker   *worker;
  guint     delay_ms;
  gboolean  force;
  gboolean  reset;   /* the server or the session changed */
  char     *logout_token;
} Wake;

static void
wake_free (gpointer data)
{
  Wake *wake = data;

  worker_unref (wake->worker);
  g_free (wake->logout_token);
  g_free (wake);
}

static gboolean
wake_cb (gpointer data)
{
  Wake *wake = data;
  Worker *w = wake->worker;

  if (w->stopping)
    return G_SOURCE_REMOVE;

  if (wake->reset)
    {
      close_events (w);
      w->events_failures = 0;
      w->events_next_attempt = 0;
      w->backoff_ms = BACKOFF_MIN_MS;
    }

  if (wake->logout_token)
    {
      g_autofree char *url = NULL;

      g_mutex_lock (&w->mutex);
      url = g_strdup (w->url);
      g_mutex_unlock (&w->mutex);

      /* Best effort: the token is forgotten here either way, and the
       * server lets it expire if it never hears this. */
      if (!cl_str_empty (url) && w->session)
        {
          g_autofree char *session_url = join_url (url, "/api/v1/session");
          g_autoptr(JsonNode) reply = NULL;
          guint status = 0;

          http_call (w->session, session_url, "DELETE", wake->logout_token, NULL,
                     w->cancellable, &status, &reply, NULL);
        }
    }

  schedule_round (w, wake->delay_ms, wake->force);
  return G_SOURCE_REMOVE;
}

static void
worker_wake (Worker     *w,
             guint       delay_ms,
             gboolean    force,
             gboolean    reset,
             const char *logout_token)
{
  Wake *wake = g_new0 (Wake, 1);

  wake->worker = worker_ref (w);
  wake->delay_ms = delay_ms;
  wake->force = force;
  wake->reset = reset;
  wake->logout_token = g_strdup (logout_token);
  g_main_context_invoke_full (w->context, G_PRIORITY_DEFAULT, wake_cb, wake, wake_free);
}

static gboolean
quit_cb (gpointer data)
{
  Worker *w = data;

  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;

  g_main_context_push_thread_default (w->context);

  renew_session (w);
  g_main_loop_run (w->loop);
  w->stopping = TRUE;

  /* Let a pending connect come back (cancelled) so it drops its
   * reference, then let go of everything made in this context. */
  g_cancellable_cancel (w->cancellable);
  while (w->events_connecting)
    g_main_context_iteration (w->context, TRUE);
  close_events (w);
  if (w->round_source)
    {
      g_source_destroy (w->round_source);
      g_clear_pointer (&w->round_source, g_source_unref);
    }
  soup_session_abort (w->session);
  g_clear_object (&w->session);
  g_clear_error (&w->tls_error);
  while (g_main_context_pending (w->context))
    g_main_context_iteration (w->context, FALSE);

  g_main_context_pop_thread_default (w->context);
  worker_unref (w);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* CLSyncClient                                                        */

static void
complete_sync_tasks (CLSyncClient *self,
                     guint         round,
                     const GError *error)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func (g_object_unref);

  /* Collect first: a callback may start another sync. */
  for (guint i = 0; i < self->sync_tasks->len;)
    {
      GTask *task = g_ptr_array_index (self->sync_tasks, i);

      if (GPOINTER_TO_UINT (g_task_get_task_data (task)) <= round)
        g_ptr_array_add (done, g_ptr_array_steal_index (self->sync_tasks, i));
      else
        i++;
    }

  for (guint i = 0; i < done->len; i++)
    {
      GTask *task = g_ptr_array_index (done, i);

      if (error)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
update_n_waiting (CLSyncClient *self)
{
  guint n = (guint) cl_store_count_outbox (self->store);

  if (n != self->n_waiting)
    {
      self->n_waiting = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
    }
}

static void
store_changed_cb (CLStore      *store,
                  const char   *table,
                  CLSyncClient *self)
{
  update_n_waiting (self);
  /* Writes that came from the server queue nothing; only something
   * waiting is worth a push. */
  if (self->n_waiting > 0)
    worker_wake (self->worker, DEBOUNCE_MS, FALSE, FALSE, NULL);
}

static void
cl_sync_client_constructed (GObject *object)
{
  CLSyncClient *self = CL_SYNC_CLIENT (object);
  Worker *w;

  G_OBJECT_CLASS (cl_sync_client_parent_class)->constructed (object);

  g_assert (CL_IS_STORE (self->store));

  w = g_new0 (Worker, 1);
  g_atomic_ref_count_init (&w->ref_count);
  g_mutex_init (&w->mutex);
  w->store = g_object_ref (self->store);
  w->client = self;
  w->client_context = g_main_context_ref_thread_default ();
  w->context = g_main_context_new ();
  w->loop = g_main_loop_new (w->context, FALSE);
  w->cancellable = g_cancellable_new ();
  w->state = CL_SYNC_STATE_DISABLED;
  w->backoff_ms = BACKOFF_MIN_MS;
  self->worker = w;

  self->n_waiting = (guint) cl_store_count_outbox (self->store);
  self->changed_handler = g_signal_connect (self->store, "changed",
                                            G_CALLBACK (store_changed_cb), self);

  self->thread = g_thread_new ("careline-sync", worker_thread, worker_ref (w));
}

static void
cl_sync_client_dispose (GObject *object)
{
  CLSyncClient *self = CL_SYNC_CLIENT (object);

  if (self->thread)
    {
      Worker *w = self->worker;

      w->client = NULL;
      g_cancellable_cancel (w->cancellable);
      g_main_context_invoke (w->context, quit_cb, w);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  if (self->sync_tasks && self->sync_tasks->len > 0)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "sync client disposed");
      complete_sync_tasks (self, G_MAXUINT, error);
    }

  if (self->changed_handler)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
    }
  g_clear_pointer (&self->worker, worker_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cl_sync_client_parent_class)->dispose (object);
}

static void
cl_sync_client_finalize (GObject *object)
{
  CLSyncClient *self = CL_SYNC_CLIENT (object);

  g_clear_pointer (&self->sync_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->server_url, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (cl_sync_client_parent_class)->finalize (object);
}

static void
cl_sync_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CLSyncClient *self = CL_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_N_WAITING:
      g_value_set_uint (value, self->n_waiting);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_sync_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CLSyncClient *self = CL_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SERVER_URL:
      cl_sync_client_set_server_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_sync_client_class_init (CLSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cl_sync_client_constructed;
  object_class->dispose = cl_sync_client_dispose;
  object_class->finalize = cl_sync_client_finalize;
  object_class->get_property = cl_sync_client_get_property;
  object_class->set_property = cl_sync_client_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CL_TYPE_SYNC_STATE, CL_SYNC_STATE_DISABLED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CLSyncClient::rejected:
   * @table: the table of the refused change
   * @record_id: the record
   * @reason_code: "stale", "forbidden", "invalid", "overlap" …
   * @message: translated, for the person who made the change
   *
   * The server refused a change made here; it has been undone locally.
   */
  signals[REJECTED] =
    g_signal_new ("rejected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cl_sync_client_init (CLSyncClient *self)
{
  self->sync_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->state = CL_SYNC_STATE_DISABLED;
}

CLSyncClient *
cl_sync_client_new (CLStore *store)
{
  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  return g_object_new (CL_TYPE_SYNC_CLIENT, "store", store, NULL);
}

void
cl_sync_client_set_server_url (CLSyncClient *self,
                               const char   *url)
{
  g_return_if_fail (CL_IS_SYNC_CLIENT (self));

  if (cl_str_empty (url))
    url = NULL;
  if (!cl_set_str (&self->server_url, url))
    return;

  /* A session belongs to one server. */
  g_mutex_lock (&self->worker->mutex);
  cl_set_str (&self->worker->url, url);
  g_clear_pointer (&self->worker->token, g_free);
  g_mutex_unlock (&self->worker->mutex);

  worker_wake (self->worker, 0, TRUE, TRUE, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

void
cl_sync_client_set_ca_file (CLSyncClient *self,
                            const char   *path)
{
  g_return_if_fail (CL_IS_SYNC_CLIENT (self));

  if (cl_str_empty (path))
    path = NULL;
  g_mutex_lock (&self->worker->mutex);
  if (g_strcmp0 (self->worker->ca_file, path) == 0)
    {
      g_mutex_unlock (&self->worker->mutex);
      return;
    }
  cl_set_str (&self->worker->ca_file, path);
  self->worker->session_stale = TRUE;
  g_mutex_unlock (&self->worker->mutex);

  worker_wake (self->worker, 0, TRUE, TRUE, NULL);
}

const char *
cl_sync_client_get_ca_file (CLSyncClient *self)
{
  const char *path;

  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), NULL);

  /* Only the client's thread changes it. */
  g_mutex_lock (&self->worker->mutex);
  path = self->worker->ca_file;
  g_mutex_unlock (&self->worker->mutex);
  return path;
}

const char *
cl_sync_client_get_server_url (CLSyncClient *self)
{
  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), NULL);
  return self->server_url;
}

/* Log-in ----------------------------------------------------------- */

typedef struct
{
  char *url;
  char *ca_file;
  char *username;
  char *password;
  char *token;
  char *role;
} LoginData;

static void
login_data_free (gpointer data)
{
  LoginData *d = data;

  g_free (d->url);
  g_free (d->ca_file);
  g_free (d->username);
  if (d->password)
    memset (d->password, 0, strlen (d->password));
  g_free (d->password);
  if (d->token)
    memset (d->token, 0, strlen (d->token));
  g_free (d->token);
  g_free (d->role);
  g_free (d);
}

static void
login_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LoginData *d = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = join_url (d->url, "/api/v1/session");
  JsonObject *object;
  guint status = 0;
  gboolean ok;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, d->username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, d->password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* A session of its own, in a context of its own, for this one
   * request: the worker's session belongs to the worker's thread. */
  g_main_context_push_thread_default (context);
  session = cl_sync_tls_session_new (d->ca_file, HTTP_TIMEOUT_S, &error);
  ok = session != NULL &&
       http_call (session, url, "POST", NULL, body, cancellable, &status, &reply, &error);
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);

  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               _("The user name or password is wrong, or the account is disabled"));
      return;
    }
  if (!check_status (status, reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = json_node_get_object (reply);
  d->token = g_strdup (get_string_or_null (object, "token"));
  d->role = g_strdup (get_string_or_null (object, "role"));
  if (cl_str_empty (d->token))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The server’s answer could not be read"));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
login_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  CLSyncClient *self = g_task_get_source_object (outer);
  LoginData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  /* The server may have been changed while the request was out. */
  if (g_strcmp0 (d->url, self->server_url) != 0)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "the server was changed during the log-in");
      return;
    }

  g_mutex_lock (&self->worker->mutex);
  cl_set_str (&self->worker->token, d->token);
  g_mutex_unlock (&self->worker->mutex);

  g_object_freeze_notify (G_OBJECT (self));
  if (cl_set_str (&self->username, d->username))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
  if (cl_set_str (&self->role, d->role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  g_object_thaw_notify (G_OBJECT (self));

  cl_store_set_actor (self->store, d->username);
  worker_wake (self->worker, 0, TRUE, TRUE, NULL);

  g_task_return_boolean (outer, TRUE);
}

void
cl_sync_client_login_async (CLSyncClient        *self,
                            const char          *username,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  LoginData *d;

  g_return_if_fail (CL_IS_SYNC_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cl_sync_client_login_async);

  if (self->server_url == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("No server is set up; changes stay on this computer"));
      return;
    }

  d = g_new0 (LoginData, 1);
  d->url = g_strdup (self->server_url);
  d->ca_file = g_strdup (cl_sync_client_get_ca_file (self));
  d->username = g_strdup (username);
  d->password = g_strdup (password);

  /* No source object: the thread must not hold the client. */
  inner = g_task_new (NULL, cancellable, login_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, login_thread);
  g_task_set_task_data (inner, d, login_data_free);
  g_task_run_in_thread (inner, login_thread);
}

gboolean
cl_sync_client_login_finish (CLSyncClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cl_sync_client_logout (CLSyncClient *self)
{
  g_autofree char *token = NULL;

  g_return_if_fail (CL_IS_SYNC_CLIENT (self));

  g_mutex_lock (&self->worker->mutex);
  token = g_steal_pointer (&self->worker->token);
  g_mutex_unlock (&self->worker->mutex);

  worker_wake (self->worker, 0, TRUE, TRUE, token);

  g_object_freeze_notify (G_OBJECT (self));
  if (cl_set_str (&self->username, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
  if (cl_set_str (&self->role, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
cl_sync_client_get_username (CLSyncClient *self)
{
  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), NULL);
  return self->username;
}

const char *
cl_sync_client_get_role (CLSyncClient *self)
{
  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), NULL);
  return self->role;
}

/* Syncing ---------------------------------------------------------- */

void
cl_sync_client_sync_now (CLSyncClient *self)
{
  g_return_if_fail (CL_IS_SYNC_CLIENT (self));

  worker_wake (self->worker, 0, TRUE, FALSE, NULL);
}

void
cl_sync_client_sync_async (CLSyncClient        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  guint needed;

  g_return_if_fail (CL_IS_SYNC_CLIENT (self));

  /* Only a round that starts after this call is sure to see every
   * change committed before it. */
  needed = (guint) g_atomic_int_get (&self->worker->rounds_started) + 1;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_sync_client_sync_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (needed), NULL);
  g_ptr_array_add (self->sync_tasks, g_steal_pointer (&task));

  worker_wake (self->worker, 0, TRUE, FALSE, NULL);
}

gboolean
cl_sync_client_sync_finish (CLSyncClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

ClSyncState
cl_sync_client_get_state (CLSyncClient *self)
{
  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), CL_SYNC_STATE_DISABLED);
  return self->state;
}

guint
cl_sync_client_get_n_waiting (CLSyncClient *self)
{
  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), 0);
  return self->n_waiting;
}

const char *
cl_sync_client_get_last_error (CLSyncClient *self)
{
  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), NULL);
  return self->last_error;
}

char *
cl_sync_client_dup_token (CLSyncClient *self)
{
  char *token;

  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), NULL);

  g_mutex_lock (&self->worker->mutex);
  token = g_strdup (self->worker->token);
  g_mutex_unlock (&self->worker->mutex);
  return token;
}
