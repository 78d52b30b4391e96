/* cl-sync-client.c
 *
 * CLSyncClient (cl-sync-client.h): the object the app holds — its
 * properties and signal, log-in and log-out, and the requests it hands
 * to the sync worker (cl-sync-worker.c), whose reports arrive here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-login-error.h"
#include "cl-sync-client-private.h"
#include "cl-sync-tls.h"
#include "cl-util.h"

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
/* Reports from the worker, in the client's context                    */

static void
post_free (gpointer data)
{
  Post *p = data;

  cl_sync_worker_unref (p->worker);
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

void
cl_sync_post (Worker *w,
              Post   *p)
{
  p->worker = cl_sync_worker_ref (w);
  g_main_context_invoke_full (w->client_context, G_PRIORITY_DEFAULT,
                              post_dispatch_cb, p, post_free);
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
   * waiting is worth a push.  It goes at once: a fixed delay here was
   * nearly all of a change's way from one desk to another.  Saves made
   * while a round is in flight wait for it on the worker's queue and
   * then go out together in the next round, so a burst of saves is
   * still a few requests (test-sync-burst). */
  if (self->n_waiting > 0)
    cl_sync_worker_wake (self->worker, 0, FALSE, FALSE, NULL);
}

static void
cl_sync_client_constructed (GObject *object)
{
  CLSyncClient *self = CL_SYNC_CLIENT (object);

  G_OBJECT_CLASS (cl_sync_client_parent_class)->constructed (object);

  g_assert (CL_IS_STORE (self->store));

  self->worker = cl_sync_worker_new (self->store, self);

  self->n_waiting = (guint) cl_store_count_outbox (self->store);
  self->changed_handler = g_signal_connect (self->store, "changed",
                                            G_CALLBACK (store_changed_cb), self);

  self->thread = cl_sync_worker_start (self->worker);
}

static void
cl_sync_client_dispose (GObject *object)
{
  CLSyncClient *self = CL_SYNC_CLIENT (object);

  if (self->thread)
    {
      /* Nothing it still posts reaches this object. */
      self->worker->client = NULL;
      cl_sync_worker_stop (self->worker, g_steal_pointer (&self->thread));
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
  g_clear_pointer (&self->worker, cl_sync_worker_unref);
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

  cl_sync_worker_wake (self->worker, 0, TRUE, TRUE, NULL);
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

  cl_sync_worker_wake (self->worker, 0, TRUE, TRUE, NULL);
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
  g_autofree char *url = cl_sync_join_url (d->url, "/api/v1/session");
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
       cl_sync_http_call (session, url, "POST", NULL, body, cancellable, &status, &reply, &error);
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
  if (status == 429)
    {
      JsonObject *answer = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
      JsonObject *details = answer && json_object_has_member (answer, "error") &&
                            JSON_NODE_HOLDS_OBJECT (json_object_get_member (answer, "error"))
                            ? json_object_get_object_member (answer, "error") : NULL;

      cl_login_set_locked_error (details ? json_object_get_int_member_with_default (details, "retry_after", 60) : 60,
                                 &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!cl_sync_check_status (status, reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = json_node_get_object (reply);
  /* Its session may only change the password: the desk asks for a
   * new one (cl-sync-accounts.h). */
  if (json_object_get_boolean_member_with_default (object, "password_change_required", FALSE))
    {
      g_task_return_new_error (task, CL_LOGIN_ERROR, CL_LOGIN_ERROR_PASSWORD_CHANGE_REQUIRED,
                               _("Choose your own password to replace the one-time password"));
      return;
    }
  d->token = g_strdup (cl_sync_json_get_string (object, "token"));
  d->role = g_strdup (cl_sync_json_get_string (object, "role"));
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
  cl_sync_worker_wake (self->worker, 0, TRUE, TRUE, NULL);

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

  cl_sync_worker_wake (self->worker, 0, TRUE, TRUE, token);

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

  cl_sync_worker_wake (self->worker, 0, TRUE, FALSE, NULL);
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

  cl_sync_worker_wake (self->worker, 0, TRUE, FALSE, NULL);
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

guint
cl_sync_client_get_rounds_started (CLSyncClient *self)
{
  g_return_val_if_fail (CL_IS_SYNC_CLIENT (self), 0);

  return (guint) g_atomic_int_get (&self->worker->rounds_started);
}
