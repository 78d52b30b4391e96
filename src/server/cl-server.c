#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gnetworking.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <poppler.h>
#include <string.h>

#include "cl-accounts.h"
#include "cl-date.h"
#include "cl-roster-model.h"
#include "cl-roster-row.h"
#include "cl-server.h"
#include "cl-server-pool.h"
#include "cl-sync-server.h"
#include "cl-tables.h"

#define API_PREFIX "/api/v1"

/* Paging limits: a desk pulls 500 at a time; 5000 is the most one
 * answer may hold before it gets too big to build in one go. */
#define CHANGES_DEFAULT_LIMIT 500
#define CHANGES_MAX_LIMIT     5000
#define MAX_PUSH_CHANGES      5000
#define PATIENTS_DEFAULT_LIMIT 50
#define PATIENTS_MAX_LIMIT     500
/* Longer query values are not searches or ids but noise. */
#define MAX_PARAM_LENGTH 200

/* What each of the server's threads keeps for itself: its context,
 * its open /events sockets and a read connection of its own (WAL lets
 * readers go on while the store's connection writes). */
typedef struct
{
  GMainContext  *context;
  GPtrArray     *sockets;        /* SoupWebsocketConnection, open ones */
  sqlite3       *reader;
  sqlite3_stmt  *token_stmt;
  sqlite3_stmt  *row_stmt;
} ThreadState;

struct _CLServer
{
  GObject parent_instance;

  /* owned */
  CLStore       *store;
  char          *documents_dir;
  ClServerPool  *pool;
  GMainContext  *main_context;   /* where the store's signals come */
  guint          n_threads;

  /* Made in the main context on the first search (a server nobody
   * searches need not follow every change with it), then shared. */
  GMutex         roster_lock;
  GCond          roster_cond;
  CLRosterModel *roster;
  gboolean       roster_asked;

  GMutex         states_lock;
  GPtrArray     *states;         /* ThreadState */
};

/* The calling thread's state, for the server whose pool it runs. */
static GPrivate thread_state_key;

G_DEFINE_FINAL_TYPE (CLServer, cl_server, G_TYPE_OBJECT)

/* Who may call what, besides the per-table rules of cl-tables.c (the
 * README's "Roles" section mirrors this). */
static const char * const document_readers[] = { "admin", "case_manager", "service_desk", NULL };
static const char * const document_writers[] = { "admin", "case_manager", NULL };

static void
thread_state_free (gpointer data)
{
  ThreadState *state = data;

  g_ptr_array_unref (state->sockets);
  sqlite3_finalize (state->token_stmt);
  sqlite3_finalize (state->row_stmt);
  sqlite3_close_v2 (state->reader);
  g_main_context_unref (state->context);
  g_free (state);
}

static void
cl_server_dispose (GObject *object)
{
  CLServer *self = CL_SERVER (object);

  /* Stops the threads first: nothing uses the states after this. */
  g_clear_pointer (&self->pool, cl_server_pool_free);
  if (self->states)
    {
      for (guint i = 0; i < self->states->len; i++)
        {
          ThreadState *state = g_ptr_array_index (self->states, i);

          for (guint k = 0; k < state->sockets->len; k++)
            g_signal_handlers_disconnect_by_data (g_ptr_array_index (state->sockets, k), self);
        }
      g_clear_pointer (&self->states, g_ptr_array_unref);
    }
  g_clear_object (&self->roster);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cl_server_parent_class)->dispose (object);
}

static void
cl_server_finalize (GObject *object)
{
  CLServer *self = CL_SERVER (object);

  g_free (self->documents_dir);
  g_mutex_clear (&self->states_lock);
  g_mutex_clear (&self->roster_lock);
  g_cond_clear (&self->roster_cond);
  g_main_context_unref (self->main_context);

  G_OBJECT_CLASS (cl_server_parent_class)->finalize (object);
}

static void
cl_server_class_init (CLServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_server_dispose;
  object_class->finalize = cl_server_finalize;
}

static void
cl_server_init (CLServer *self)
{
  g_mutex_init (&self->states_lock);
  g_mutex_init (&self->roster_lock);
  g_cond_init (&self->roster_cond);
  self->main_context = g_main_context_ref_thread_default ();
  self->states = g_ptr_array_new_with_free_func (thread_state_free);
  self->n_threads = g_get_num_processors ();
}

/* The calling thread's state, made on its first request. */
static ThreadState *
thread_state (CLServer *self)
{
  ThreadState *state = g_private_get (&thread_state_key);

  if (state == NULL)
    {
      g_autoptr(GError) error = NULL;

      state = g_new0 (ThreadState, 1);
      state->context = g_main_context_ref_thread_default ();
      state->sockets = g_ptr_array_new_with_free_func (g_object_unref);
      state->reader = cl_store_open_reader (self->store, &error);
      if (state->reader == NULL)
        g_warning ("read connection: %s", error->message);
      g_private_set (&thread_state_key, state);
      g_mutex_lock (&self->states_lock);
      g_ptr_array_add (self->states, state);
      g_mutex_unlock (&self->states_lock);
    }
  return state;
}

/* Responses */

static void
send_json (SoupServerMessage *msg,
           guint              status,
           JsonNode          *node)
{
  gsize length;
  char *text = json_to_string (node, FALSE);

  length = strlen (text);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

static void
send_error (SoupServerMessage *msg,
            guint              status,
            const char        *code,
            const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  send_json (msg, status, root);
}

static void
send_store_error (SoupServerMessage *msg,
                  GError            *error)
{
  g_warning ("%s %s: %s", soup_server_message_get_method (msg),
             g_uri_get_path (soup_server_message_get_uri (msg)), error->message);
  send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
              _("The server could not complete the request; nothing was changed by it"));
}

static void
send_method_not_allowed (SoupServerMessage *msg,
                         const char        *allow)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
              _("This method is not allowed here"));
}

static void
send_not_found (SoupServerMessage *msg)
{
  send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", _("There is no such resource"));
}

/* Requests */

static void
audit (CLServer   *self,
       const char *username,
       const char *role,
       const char *action,
       const char *table,
       const char *record_id,
       const char *patient_id,
       gint        status,
       const char *detail)
{
  g_autoptr(GError) error = NULL;

  if (!cl_sync_server_audit (self->store, username, role, action, table, record_id,
                             patient_id, status, detail, &error))
    g_warning ("audit: %s", error->message);
}

static char *
request_line (SoupServerMessage *msg)
{
  return g_strdup_printf ("%s %s", soup_server_message_get_method (msg),
                          g_uri_get_path (soup_server_message_get_uri (msg)));
}

/* The bearer token of the request: the Authorization header, else (for
 * WebSockets, where browsers cannot set headers) ?token=. */
static char *
request_token (SoupServerMessage *msg,
               GHashTable        *query)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");

  if (header && g_ascii_strncasecmp (header, "Bearer ", 7) == 0)
    return g_strstrip (g_strdup (header + 7));
  if (query && g_hash_table_lookup (query, "token"))
    return g_strdup (g_hash_table_lookup (query, "token"));
  return NULL;
}

/* Checks the session; answers 401 (and audits it) when there is none. */
static gboolean
authenticate (CLServer          *self,
              SoupServerMessage *msg,
              GHashTable        *query,
              char             **username,
              char             **role)
{
  g_autofree char *token = request_token (msg, query);
  g_autofree char *line = NULL;
  ThreadState *state = thread_state (self);

  /* On the thread's own read connection: a long push holding the
   * store's connection does not hold up every other request. */
  if (state->reader
      ? cl_accounts_check_token_on (state->reader, &state->token_stmt, token, username, role)
      : cl_accounts_check_token (self->store, token, username, role))
    return TRUE;

  line = request_line (msg);
  audit (self, NULL, NULL, "unauthorized", NULL, NULL, NULL, SOUP_STATUS_UNAUTHORIZED, line);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer");
  send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
              _("Log in first: this request needs a valid session"));
  return FALSE;
}

/* Answers 403 (and audits it) unless @allowed. */
static gboolean
authorize (CLServer          *self,
           SoupServerMessage *msg,
           const char        *username,
           const char        *role,
           gboolean           allowed,
           const char        *patient_id)
{
  g_autofree char *line = NULL;

  if (allowed)
    return TRUE;

  line = request_line (msg);
  audit (self, username, role, "forbidden", NULL, NULL, patient_id, SOUP_STATUS_FORBIDDEN, line);
  send_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
              _("Your role does not allow this"));
  return FALSE;
}

/* json-glib parses by recursion: a body of a million '[' would run the
 * server out of stack.  Count the nesting first (outside strings); the
 * API never needs more than a few levels. */
#define MAX_JSON_DEPTH 32

static gboolean
json_depth_ok (const char *data,
               gsize       size)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        depth--;
    }
  return TRUE;
}

static JsonNode *
parse_json_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* json-glib stops at a NUL and does not insist on UTF-8 everywhere;
   * both would let through a body that is not the JSON it seems. */
  if (size == 0 || memchr (data, '\0', size) != NULL || !g_utf8_validate (data, size, NULL) ||
      !json_depth_ok (data, size) ||
      !json_parser_load_from_data (parser, data, size, &error) ||
      json_parser_get_root (parser) == NULL)
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_json",
                  _("The body is not valid JSON"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* The query parameters, or NULL (and 400 sent) when they cannot be
 * decoded. */
static GHashTable *
parse_query (SoupServerMessage *msg,
             gboolean          *ok)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  GHashTable *params;

  *ok = TRUE;
  if (query == NULL || *query == '\0')
    return g_hash_table_new (g_str_hash, g_str_equal);

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    {
      *ok = FALSE;
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                  _("The query string cannot be decoded"));
      return NULL;
    }

  /* Values are stored or searched for, never trusted: only keep them
   * to a sane length and to text. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, params);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (strlen (value) > MAX_PARAM_LENGTH || !g_utf8_validate (value, -1, NULL))
        {
          *ok = FALSE;
          g_hash_table_unref (params);
          send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                      _("A query parameter is too long or not text"));
          return NULL;
        }
  }
  return params;
}

/* An integer parameter in [min, max], or @fallback when absent; FALSE
 * (and 400 sent) when it is not. */
static gboolean
int_param (SoupServerMessage *msg,
           GHashTable        *query,
           const char        *name,
           gint64             min,
           gint64             max,
           gint64             fallback,
           gint64            *out)
{
  const char *text = g_hash_table_lookup (query, name);
  guint64 value;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  /* Digits only: no sign, no spaces, no 0x. */
  if (*text == '\0' || strspn (text, "0123456789") != strlen (text) ||
      !g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    {
      g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      g_autofree char *message =
        g_strdup_printf (_("“%s” must be a whole number from %s to %s"), name, min_text, max_text);
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", message);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

/* /health */

static void
handle_health (CLServer          *self,
               SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, cl_store_get_schema_version (self->store));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  send_json (msg, SOUP_STATUS_OK, root);
}

/* /session */

typedef struct
{
  CLServer          *server;
  SoupServerMessage *msg;
  char              *username;
  char              *password;
  char              *token;
  char              *role;
  gint64             expires_at;
} LoginData;

static void
login_data_free (LoginData *data)
{
  g_object_unref (data->server);
  g_object_unref (data->msg);
  g_free (data->username);
  if (data->password)
    {
      memset (data->password, 0, strlen (data->password));
      g_free (data->password);
    }
  g_free (data->token);
  g_free (data->role);
  g_free (data);
}

static void
login_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LoginData *data = task_data;
  GError *error = NULL;

  data->token = cl_accounts_login (data->server->store, data->username, data->password,
                                   &data->role, &data->expires_at, &error);
  if (data->token == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
login_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LoginData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  const char *username = strlen (data->username) <= 64 ? data->username : NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        {
          audit (data->server, username, NULL, "login", NULL, NULL, NULL,
                 SOUP_STATUS_UNAUTHORIZED, NULL);
          send_error (data->msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized", error->message);
        }
      else
        send_store_error (data->msg, error);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      audit (data->server, username, data->role, "login", NULL, NULL, NULL, SOUP_STATUS_OK, NULL);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "token");
      json_builder_add_string_value (builder, data->token);
      json_builder_set_member_name (builder, "expires_at");
      json_builder_add_int_value (builder, data->expires_at);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, data->role);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      send_json (data->msg, SOUP_STATUS_OK, root);
    }
  soup_server_message_unpause (data->msg);
}

static void
handle_login (CLServer          *self,
              SoupServerMessage *msg)
{
  g_autoptr(JsonNode) body = parse_json_body (msg);
  g_autoptr(GTask) task = NULL;
  JsonObject *object;
  JsonNode *username, *password;
  LoginData *data;

  if (body == NULL)
    return;

  object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  username = object ? json_object_get_member (object, "username") : NULL;
  password = object ? json_object_get_member (object, "password") : NULL;
  if (username == NULL || password == NULL ||
      json_node_get_value_type (username) != G_TYPE_STRING ||
      json_node_get_value_type (password) != G_TYPE_STRING)
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                  _("Give “username” and “password” as text"));
      return;
    }

  /* argon2id takes a noticeable moment on purpose; the other requests
   * go on meanwhile. */
  data = g_new0 (LoginData, 1);
  data->server = g_object_ref (self);
  data->msg = g_object_ref (msg);
  data->username = g_strdup (json_node_get_string (username));
  data->password = g_strdup (json_node_get_string (password));

  soup_server_message_pause (msg);
  task = g_task_new (self, NULL, login_done_cb, NULL);
  g_task_set_source_tag (task, handle_login);
  g_task_set_task_data (task, data, (GDestroyNotify) login_data_free);
  g_task_run_in_thread (task, login_thread);
}

static void
handle_session (CLServer          *self,
                SoupServerMessage *msg,
                GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);

  if (g_str_equal (method, "POST"))
    handle_login (self, msg);
  else if (g_str_equal (method, "DELETE"))
    {
      g_autofree char *username = NULL;
      g_autofree char *role = NULL;
      g_autofree char *token = NULL;

      if (!authenticate (self, msg, query, &username, &role))
        return;
      token = request_token (msg, query);
      cl_accounts_logout (self->store, token);
      audit (self, username, role, "logout", NULL, NULL, NULL, SOUP_STATUS_OK, NULL);
      soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
    }
  else
    send_method_not_allowed (msg, "POST, DELETE");
}

/* /changes */

typedef struct
{
  ThreadState *state;
  char        *text;
} Broadcast;

static void
broadcast_free (gpointer data)
{
  Broadcast *b = data;

  g_free (b->text);
  g_free (b);
}

/* In the thread that owns the sockets. */
static gboolean
broadcast_cb (gpointer data)
{
  Broadcast *b = data;

  for (guint i = 0; i < b->state->sockets->len; i++)
    {
      SoupWebsocketConnection *conn = g_ptr_array_index (b->state->sockets, i);

      if (soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_send_text (conn, b->text);
    }
  return G_SOURCE_REMOVE;
}

/* Every desk hears of it, whichever thread its socket is on.  States
 * live as long as the server, which outlives its threads. */
static void
broadcast_rev (CLServer *self,
               gint64    rev)
{
  g_autofree char *text = g_strdup_printf ("{\"rev\":%" G_GINT64_FORMAT "}", rev);

  g_mutex_lock (&self->states_lock);
  for (guint i = 0; i < self->states->len; i++)
    {
      Broadcast *b = g_new0 (Broadcast, 1);

      b->state = g_ptr_array_index (self->states, i);
      b->text = g_strdup (text);
      g_main_context_invoke_full (b->state->context, G_PRIORITY_DEFAULT,
                                  broadcast_cb, b, broadcast_free);
    }
  g_mutex_unlock (&self->states_lock);
}

static void
handle_changes (CLServer          *self,
                SoupServerMessage *msg,
                GHashTable        *query,
                const char        *username,
                const char        *role)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (method, "GET"))
    {
      char *page;
      gint64 since, limit;

      if (!int_param (msg, query, "since", 0, G_MAXINT64, 0, &since) ||
          !int_param (msg, query, "limit", 1, CHANGES_MAX_LIMIT, CHANGES_DEFAULT_LIMIT, &limit))
        return;
      page = cl_sync_server_get_changes (self->store, since, limit, role, &error);
      if (page == NULL)
        send_store_error (msg, error);
      else
        {
          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                            page, strlen (page));
        }
    }
  else if (g_str_equal (method, "POST"))
    {
      g_autoptr(JsonNode) body = parse_json_body (msg);
      g_autoptr(JsonArray) results = NULL;
      g_autoptr(JsonBuilder) builder = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonArray *changes;
      gint64 max_rev = 0;

      if (body == NULL)
        return;
      changes = cl_sync_server_check_push (body, MAX_PUSH_CHANGES, &error);
      if (changes == NULL)
        {
          send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message);
          return;
        }

      results = cl_sync_server_apply_changes (self->store, changes, username, role,
                                              &max_rev, &error);
      /* Even after a failure part-way, the changes before it are
       * committed: tell the desks. */
      if (max_rev > 0)
        broadcast_rev (self, max_rev);
      if (results == NULL)
        {
          send_store_error (msg, error);
          return;
        }

      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "results");
      json_builder_add_value (builder, json_node_init_array (json_node_alloc (), results));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      send_json (msg, SOUP_STATUS_OK, root);
    }
  else
    send_method_not_allowed (msg, "GET, POST");
}

/* /patients */

static gboolean
make_roster_cb (gpointer data)
{
  CLServer *self = data;
  CLRosterModel *roster = cl_roster_model_new (self->store);

  /* Loading it builds the prefix index for the next searches. */
  cl_roster_model_reload (roster);
  g_mutex_lock (&self->roster_lock);
  self->roster = roster;
  g_cond_broadcast (&self->roster_cond);
  g_mutex_unlock (&self->roster_lock);
  return G_SOURCE_REMOVE;
}

/* The roster search's caches follow the store from the main context,
 * where the store's "changed" signal is emitted; the threads only ask
 * it (cl_roster_model_search). */
static CLRosterModel *
get_roster (CLServer *self)
{
  CLRosterModel *roster;

  g_mutex_lock (&self->roster_lock);
  if (self->roster == NULL && !self->roster_asked)
    {
      self->roster_asked = TRUE;
      g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT,
                                  make_roster_cb, g_object_ref (self), g_object_unref);
    }
  while (self->roster == NULL)
    g_cond_wait (&self->roster_cond, &self->roster_lock);
  roster = self->roster;
  g_mutex_unlock (&self->roster_lock);
  return roster;
}

/* The rows of one page, by rowid, on the thread's read connection
 * in one read transaction (one snapshot, one WAL lock round). */
static gboolean
read_page (ThreadState  *state,
           GArray       *rowids,
           guint         limit,
           JsonBuilder  *builder,
           GError      **error)
{
  static const char sql[] =
    "SELECT " CL_ROSTER_ROW_COLUMNS " FROM roster r"
    " LEFT JOIN staff s ON s.id = r.manager_id"
    " WHERE r.patient_rowid = ?1";
  GDate today;
  gboolean ok = TRUE;

  if (state->reader == NULL)
    {
      g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "no read connection");
      return FALSE;
    }
  if (state->row_stmt == NULL &&
      sqlite3_prepare_v3 (state->reader, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &state->row_stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (state->reader));
      return FALSE;
    }

  cl_date_today (&today);
  sqlite3_exec (state->reader, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < rowids->len && i < limit && ok; i++)
    {
      g_autoptr(CLRosterRow) row = NULL;
      const char *text;
      int rc;

      sqlite3_bind_int64 (state->row_stmt, 1, g_array_index (rowids, gint64, i));
      rc = sqlite3_step (state->row_stmt);
      if (rc == SQLITE_ROW)
        row = cl_roster_row_new_from_stmt (state->row_stmt, &today);
      else if (rc != SQLITE_DONE)
        {
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s",
                       sqlite3_errmsg (state->reader));
          ok = FALSE;
        }
      sqlite3_reset (state->row_stmt);
      /* Deleted since the search: left out. */
      if (row == NULL || cl_roster_row_get_patient_id (row) == NULL)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, cl_roster_row_get_patient_id (row));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, cl_roster_row_get_name (row));
      json_builder_set_member_name (builder, "phone_masked");
      json_builder_add_string_value (builder, cl_roster_row_get_phone_masked (row));
      json_builder_set_member_name (builder, "age");
      if (cl_roster_row_get_age (row) >= 0)
        json_builder_add_int_value (builder, cl_roster_row_get_age (row));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "edd");
      if ((text = cl_roster_row_get_edd (row)) && *text)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "risk");
      if ((text = cl_roster_row_get_risk (row)) && *text)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  /* Nothing was written: ending a read cannot lose anything. */
  sqlite3_exec (state->reader, "COMMIT", NULL, NULL, NULL);
  return ok;
}

static void
handle_patients (CLServer          *self,
                 SoupServerMessage *msg,
                 GHashTable        *query,
                 const char        *username,
                 const char        *role)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;
  gint64 limit;

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      send_method_not_allowed (msg, "GET");
      return;
    }
  if (!authorize (self, msg, username, role, cl_tables_can_read (role, "patient"), NULL) ||
      !int_param (msg, query, "limit", 1, PATIENTS_MAX_LIMIT, PATIENTS_DEFAULT_LIMIT, &limit))
    return;

  /* The matching patients in roster order (the model's cached lists
   * and prefix bitmaps make this cheap), then only the rows of the
   * page. */
  rowids = cl_roster_model_search (get_roster (self), g_hash_table_lookup (query, "q"), &error);
  if (rowids == NULL)
    {
      send_store_error (msg, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, rowids->len);
  json_builder_set_member_name (builder, "patients");
  json_builder_begin_array (builder);
  if (!read_page (thread_state (self), rowids, limit, builder, &error))
    {
      send_store_error (msg, error);
      return;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  send_json (msg, SOUP_STATUS_OK, root);
}

/* /documents/SHA256 */

static gboolean
is_sha256 (const char *text)
{
  return strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

static char *
document_path (CLServer   *self,
               const char *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (self->documents_dir, prefix, sha256, NULL);
}

static void
put_document (CLServer          *self,
              SoupServerMessage *msg,
              const char        *sha256,
              const char        *username,
              const char        *role,
              const char        *patient_id)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  PopplerDocument *document;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  gboolean existed;

  if (g_bytes_get_size (bytes) == 0)
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "not_pdf", _("The document is empty"));
      return;
    }
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (!g_str_equal (actual, sha256))
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "checksum_mismatch",
                  _("The document does not match its SHA-256 in the address"));
      return;
    }
  /* PopplerDocument has no autoptr cleanup in Poppler 22.12. */
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_clear_object (&document);
  if (error)
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "not_pdf",
                  _("The document is not a PDF that can be opened"));
      return;
    }

  path = document_path (self, sha256);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!existed)
    {
      dir = g_path_get_dirname (path);
      /* g_file_set_contents writes a temporary file and renames it, so
       * a crash never leaves half a document under its final name. */
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0600, &error))
        {
          g_autoptr(GError) io_error = error ? g_steal_pointer (&error)
                                             : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, path);
          send_store_error (msg, io_error);
          return;
        }
    }

  audit (self, username, role, "put-document", "document", sha256, patient_id, SOUP_STATUS_OK, NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, g_bytes_get_size (bytes));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  send_json (msg, existed ? SOUP_STATUS_OK : SOUP_STATUS_CREATED, root);
}

static void
get_document (CLServer          *self,
              SoupServerMessage *msg,
              const char        *sha256,
              const char        *username,
              const char        *role,
              const char        *patient_id)
{
  g_autofree char *path = document_path (self, sha256);
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  file = g_mapped_file_new (path, FALSE, NULL);
  /* Opening a patient's report is what privacy rules ask to be able to
   * trace, so attempts are recorded as well as successes. */
  audit (self, username, role, "open-document", "document", sha256, patient_id,
         file ? SOUP_STATUS_OK : SOUP_STATUS_NOT_FOUND, NULL);
  if (file == NULL)
    {
      send_not_found (msg);
      return;
    }
  bytes = g_mapped_file_get_bytes (file);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/pdf", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
handle_document (CLServer          *self,
                 SoupServerMessage *msg,
                 const char        *sha256,
                 GHashTable        *query,
                 const char        *username,
                 const char        *role)
{
  const char *method = soup_server_message_get_method (msg);
  const char *patient_id = g_hash_table_lookup (query, "patient");
  gboolean put = g_str_equal (method, "PUT");

  if (!put && !g_str_equal (method, "GET"))
    {
      send_method_not_allowed (msg, "GET, PUT");
      return;
    }
  if (!authorize (self, msg, username, role,
                  g_strv_contains (put ? document_writers : document_readers, role),
                  patient_id))
    return;
  if (!is_sha256 (sha256))
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                  _("A document is addressed by the SHA-256 of its content, in lower-case hex"));
      return;
    }
  if (put)
    put_document (self, msg, sha256, username, role, patient_id);
  else
    get_document (self, msg, sha256, username, role, patient_id);
}

/* Routing */

static void
api_cb (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *unused,
        gpointer           user_data)
{
  CLServer *self = user_data;
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *username = NULL;
  g_autofree char *role = NULL;
  const char *route;
  gboolean ok;

  g_debug ("%s %s", soup_server_message_get_method (msg), path);

  if (!g_str_has_prefix (path, API_PREFIX "/"))
    {
      send_not_found (msg);
      return;
    }
  route = path + strlen (API_PREFIX);

  query = parse_query (msg, &ok);
  if (!ok)
    return;

  if (g_str_equal (route, "/health"))
    {
      if (g_str_equal (soup_server_message_get_method (msg), "GET"))
        handle_health (self, msg);
      else
        send_method_not_allowed (msg, "GET");
      return;
    }
  if (g_str_equal (route, "/session"))
    {
      handle_session (self, msg, query);
      return;
    }

  if (!g_str_equal (route, "/changes") && !g_str_equal (route, "/patients") &&
      !g_str_has_prefix (route, "/documents/"))
    {
      send_not_found (msg);
      return;
    }

  if (!authenticate (self, msg, query, &username, &role))
    return;

  if (g_str_equal (route, "/changes"))
    handle_changes (self, msg, query, username, role);
  else if (g_str_equal (route, "/patients"))
    handle_patients (self, msg, query, username, role);
  else
    handle_document (self, msg, route + strlen ("/documents/"), query, username, role);
}

static void
not_found_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *unused,
              gpointer           user_data)
{
  send_not_found (msg);
}

/* Refuses an oversized body from its headers, before it is read. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *unused,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset limit = g_str_has_prefix (path, API_PREFIX "/documents/")
                  ? CL_SERVER_MAX_DOCUMENT_BODY : CL_SERVER_MAX_JSON_BODY;

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_CONTENT_LENGTH:
      if (soup_message_headers_get_content_length (headers) > limit)
        {
          g_autofree char *message =
            g_strdup_printf (_("The body is larger than %d MiB"), (int) (limit / (1024 * 1024)));
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Connection", "close");
          send_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", message);
        }
      break;
    case SOUP_ENCODING_NONE:
      break;
    default:
      /* Without a length the size is known only after reading it all. */
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      send_error (msg, SOUP_STATUS_LENGTH_REQUIRED, "length_required",
                  _("Send the body with a Content-Length"));
      break;
    }
}

/* /events */

static void
events_auth_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *unused,
                gpointer           user_data)
{
  CLServer *self = user_data;
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *username = NULL;
  g_autofree char *role = NULL;
  gboolean ok;

  query = parse_query (msg, &ok);
  if (!ok)
    return;
  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      send_method_not_allowed (msg, "GET");
      return;
    }
  /* Leaving the status unset lets libsoup go on with the handshake. */
  authenticate (self, msg, query, &username, &role);
}

static void
socket_closed_cb (SoupWebsocketConnection *conn,
                  CLServer                *self)
{
  g_signal_handlers_disconnect_by_data (conn, self);
  g_ptr_array_remove (thread_state (self)->sockets, conn);
}

static void
events_cb (SoupServer              *server,
           SoupServerMessage       *msg,
           const char              *path,
           SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  CLServer *self = user_data;

  /* Nothing is sent on connect: a desk pulls when it (re)connects
   * anyway, and the nudges are only for what happens afterwards. */
  g_ptr_array_add (thread_state (self)->sockets, g_object_ref (conn));
  g_signal_connect (conn, "closed", G_CALLBACK (socket_closed_cb), self);
  /* A ping keeps proxies from dropping an idle socket and tells the
   * desk early that the server went away. */
  soup_websocket_connection_set_keepalive_interval (conn, 30);
}

CLServer *
cl_server_new (CLStore    *store,
               const char *documents_dir)
{
  CLServer *self;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (documents_dir != NULL, NULL);

  self = g_object_new (CL_TYPE_SERVER, NULL);
  self->store = g_object_ref (store);
  self->documents_dir = g_strdup (documents_dir);
  return self;
}

static void
add_handlers (SoupServer *soup,
              gpointer    user_data)
{
  CLServer *self = user_data;

  soup_server_add_early_handler (soup, NULL, early_cb, self, NULL);
  soup_server_add_early_handler (soup, API_PREFIX, early_cb, self, NULL);
  soup_server_add_handler (soup, NULL, not_found_cb, self, NULL);
  soup_server_add_handler (soup, API_PREFIX, api_cb, self, NULL);
  soup_server_add_handler (soup, API_PREFIX "/events", events_auth_cb, self, NULL);
  soup_server_add_websocket_handler (soup, API_PREFIX "/events", NULL, NULL,
                                     events_cb, self, NULL);
}

void
cl_server_set_threads (CLServer *self,
                       guint     n_threads)
{
  g_return_if_fail (CL_IS_SERVER (self));
  g_return_if_fail (self->pool == NULL);

  self->n_threads = n_threads > 0 ? n_threads : g_get_num_processors ();
}

guint
cl_server_get_threads (CLServer *self)
{
  g_return_val_if_fail (CL_IS_SERVER (self), 0);

  return self->n_threads;
}

char *
cl_server_listen (CLServer         *self,
                  const char       *address,
                  GTlsCertificate  *certificate,
                  GError          **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  const char *host;
  guint16 port;

  g_return_val_if_fail (CL_IS_SERVER (self), NULL);
  g_return_val_if_fail (self->pool == NULL, NULL);

  connectable = g_network_address_parse (address, 0, error);
  if (connectable == NULL)
    return NULL;
  host = g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable));
  port = g_network_address_get_port (G_NETWORK_ADDRESS (connectable));
  if (g_str_equal (host, "localhost"))
    inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address to listen on (for example 127.0.0.1:8765 or 0.0.0.0:8765)"),
                   address);
      return NULL;
    }
  socket_address = g_inet_socket_address_new (inet, port);

  self->pool = cl_server_pool_new (G_INET_SOCKET_ADDRESS (socket_address), self->n_threads,
                                   certificate, add_handlers, self, error);
  if (self->pool == NULL)
    return NULL;
  return cl_server_pool_get_url (self->pool);
}
