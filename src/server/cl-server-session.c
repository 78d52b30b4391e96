/* cl-server-session.c
 *
 * The routes without a session: /health, and /session (log in with
 * a password, log out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-accounts.h"
#include "cl-login-gate.h"
#include "cl-login-throttle.h"
#include "cl-server-private.h"
#include "cl-store-passwords.h"

/* /health */

void
cl_server_handle_health (CLServer          *self,
                         SoupServerMessage *msg)
{
  GString *out = g_string_sized_new (40);

  g_string_append_printf (out, "{\"status\":\"ok\",\"schema\":%d}",
                          cl_store_get_schema_version (self->store));
  cl_server_send_json_text (msg, SOUP_STATUS_OK, out);
}

/* /session */

typedef struct
{
  CLServer          *server;
  SoupServerMessage *msg;
  char              *username;
  char              *password;
  const char        *gate_key;   /* username, or one key for all overlong names */
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
  /* After the store has counted it, so the attempt is never in
   * neither count. */
  cl_login_gate_leave (data->gate_key,
                       data->token ? CL_LOGIN_GATE_SUCCEEDED :
                       g_error_matches (error, CL_LOGIN_ERROR, CL_LOGIN_ERROR_LOCKED) ||
                       g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ?
                         CL_LOGIN_GATE_FAILED : CL_LOGIN_GATE_ABANDONED,
                       g_get_real_time () / G_USEC_PER_SEC);
  if (data->token == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* libsoup 3.2 has no name for it (RFC 6585). */
#define CL_STATUS_TOO_MANY_REQUESTS 429

/* 429 with Retry-After and the seconds in the error, so a desk can say
 * how long in its own language; audited like any refused log-in. */
static void
send_locked (CLServer          *server,
             SoupServerMessage *msg,
             const char        *username,
             const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *retry = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 until = 0;

  if (username)
    cl_login_throttle_locked_until (server->store, username, now, &until, NULL);
  retry = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (until - now, 1));

  cl_server_audit (server, username, NULL, "login", NULL, NULL, NULL,
                   CL_STATUS_TOO_MANY_REQUESTS, "locked");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, "locked");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "retry_after");
  json_builder_add_int_value (builder, MAX (until - now, 1));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", retry);
  cl_server_send_json (msg, CL_STATUS_TOO_MANY_REQUESTS, root);
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
      if (g_error_matches (error, CL_LOGIN_ERROR, CL_LOGIN_ERROR_LOCKED))
        send_locked (data->server, data->msg, username, error->message);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        {
          cl_server_audit (data->server, username, NULL, "login", NULL, NULL, NULL,
                           SOUP_STATUS_UNAUTHORIZED, NULL);
          cl_server_send_error (data->msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized", error->message);
        }
      else
        cl_server_send_store_error (data->msg, error);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      cl_server_audit (data->server, username, data->role, "login", NULL, NULL, NULL, SOUP_STATUS_OK, NULL);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "token");
      json_builder_add_string_value (builder, data->token);
      json_builder_set_member_name (builder, "expires_at");
      json_builder_add_int_value (builder, data->expires_at);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, data->role);
      /* A one-time password: the session may only change it
       * (POST /session/password). */
      json_builder_set_member_name (builder, "password_change_required");
      json_builder_add_boolean_value (builder, cl_store_account_must_change (data->server->store, data->username));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cl_server_send_json (data->msg, SOUP_STATUS_OK, root);
    }
  soup_server_message_unpause (data->msg);
}

/* No account has a name this long (cl-accounts.c), yet each such
 * attempt costs a hash of the dummy password: they share one gate. */
static const char OVERLONG_NAME_KEY[] = "\n";

static void
handle_login (CLServer          *self,
              SoupServerMessage *msg)
{
  g_autoptr(JsonNode) body = cl_server_parse_json_body (msg);
  g_autoptr(GTask) task = NULL;
  JsonObject *object;
  JsonNode *username, *password;
  const char *name, *gate_key;
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
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                            _("Give “username” and “password” as text"));
      return;
    }

  /* The lock is taken here, before the argon2 work is handed to a
   * thread: attempts sent at once count as they arrive. */
  name = json_node_get_string (username);
  gate_key = strlen (name) <= 64 ? name : OVERLONG_NAME_KEY;
  if (!cl_login_gate_enter (self->store, gate_key, g_get_real_time () / G_USEC_PER_SEC))
    {
      g_autoptr(GError) locked = NULL;
      gint64 now = g_get_real_time () / G_USEC_PER_SEC, until = 0;

      if (gate_key == OVERLONG_NAME_KEY)
        name = NULL;
      /* Locked in the store, or only busy with attempts being checked:
       * then a moment is enough. */
      if (name)
        cl_login_throttle_locked_until (self->store, name, now, &until, NULL);
      cl_login_set_locked_error (until > now ? until - now : 1, &locked);
      send_locked (self, msg, name, locked->message);
      return;
    }

  /* argon2id takes a noticeable moment on purpose; the other requests
   * go on meanwhile. */
  data = g_new0 (LoginData, 1);
  data->server = g_object_ref (self);
  data->msg = g_object_ref (msg);
  data->username = g_strdup (json_node_get_string (username));
  data->password = g_strdup (json_node_get_string (password));
  data->gate_key = gate_key == OVERLONG_NAME_KEY ? OVERLONG_NAME_KEY : data->username;

  soup_server_message_pause (msg);
  task = g_task_new (self, NULL, login_done_cb, NULL);
  g_task_set_source_tag (task, handle_login);
  g_task_set_task_data (task, data, (GDestroyNotify) login_data_free);
  g_task_run_in_thread (task, login_thread);
}

void
cl_server_handle_session (CLServer          *self,
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

      token = cl_server_request_token (msg, query);
      /* A one-time password's session may end itself too. */
      if (!cl_accounts_check_token_any (self->store, token, &username, &role, NULL) &&
          !cl_server_authenticate (self, msg, query, &username, &role))
        return;
      cl_accounts_logout (self->store, token);
      cl_server_audit (self, username, role, "logout", NULL, NULL, NULL, SOUP_STATUS_OK, NULL);
      soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
    }
  else
    cl_server_send_method_not_allowed (msg, "POST, DELETE");
}
