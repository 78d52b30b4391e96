/* cl-sync-accounts.c
 *
 * Server log-ins from the desk (cl-sync-accounts.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-accounts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-login-error.h"
#include "cl-sync-accounts.h"
#include "cl-sync-http.h"
#include "cl-sync-tls.h"

#define HTTP_TIMEOUT_S 30

typedef struct
{
  char *url;
  char *ca_file;
  char *token;
  char *method;
  char *path;
  char *subject;       /* the user name or staff id it is about */
  JsonNode *body;
  char *username;      /* change-password: */
  char *current;
  char *chosen;
} Request;

static void
wipe (char *text)
{
  if (text)
    {
      memset (text, 0, strlen (text));
      g_free (text);
    }
}

static void
request_free (gpointer data)
{
  Request *r = data;

  g_free (r->url);
  g_free (r->ca_file);
  wipe (r->token);
  g_free (r->method);
  g_free (r->path);
  g_free (r->subject);
  g_clear_pointer (&r->body, json_node_unref);
  g_free (r->username);
  wipe (r->current);
  wipe (r->chosen);
  g_free (r);
}

void
cl_sync_accounts_free_password (char *password)
{
  wipe (password);
}

/* One call in a session and a context of its own. */
static gboolean
call (Request       *r,
      const char    *method,
      const char    *path,
      const char    *token,
      JsonNode      *body,
      GCancellable  *cancellable,
      guint         *status,
      JsonNode     **reply,
      GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *url = cl_sync_join_url (r->url, path);
  gboolean ok;

  g_main_context_push_thread_default (context);
  session = cl_sync_tls_session_new (r->ca_file, HTTP_TIMEOUT_S, error);
  ok = session != NULL &&
       cl_sync_http_call (session, url, method, token, body, cancellable, status, reply, error);
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);
  return ok;
}

static void
admin_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Request *r = task_data;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;
  JsonObject *object;

  if (!call (r, r->method, r->path, r->token, r->body, cancellable, &status, &reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_str_equal (r->method, "GET"))
    {
      if (status == SOUP_STATUS_NOT_FOUND)
        {
          g_task_return_int (task, CL_SYNC_ACCOUNT_NONE);
          return;
        }
      if (!cl_sync_check_status (status, reply, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      object = json_node_get_object (reply);
      if (json_object_get_boolean_member_with_default (object, "disabled", FALSE))
        g_task_return_int (task, CL_SYNC_ACCOUNT_DISABLED);
      else if (json_object_get_boolean_member_with_default (object, "password_change_required", FALSE))
        g_task_return_int (task, CL_SYNC_ACCOUNT_MUST_CHANGE);
      else
        g_task_return_int (task, CL_SYNC_ACCOUNT_ACTIVE);
      return;
    }

  if (status == SOUP_STATUS_CONFLICT)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("This person already has a log-in; reset its password instead"));
      return;
    }
  if (status == SOUP_STATUS_FORBIDDEN)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               _("Only an administrator may make log-ins or reset passwords"));
      return;
    }
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The server does not know this person yet; wait until the desk is in step and try again"));
      return;
    }
  if (!cl_sync_check_status (status, reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  object = json_node_get_object (reply);
  if (cl_sync_json_get_string (object, "password") == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The server’s answer could not be read"));
      return;
    }
  g_task_return_pointer (task, g_strdup (cl_sync_json_get_string (object, "password")),
                         (GDestroyNotify) wipe);
}

static void
start (CLSyncClient        *client,
       const char          *method,
       const char          *path,
       JsonNode            *body,
       gpointer             tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  Request *r;

  g_task_set_source_tag (task, tag);
  if (cl_sync_client_get_server_url (client) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("No server is set up; log-ins exist only on a server"));
      if (body)
        json_node_unref (body);
      return;
    }
  r = g_new0 (Request, 1);
  r->url = g_strdup (cl_sync_client_get_server_url (client));
  r->ca_file = g_strdup (cl_sync_client_get_ca_file (client));
  r->token = cl_sync_client_dup_token (client);
  r->method = g_strdup (method);
  r->path = g_strdup (path);
  r->body = body;
  g_task_set_task_data (task, r, request_free);
  g_task_run_in_thread (task, admin_thread);
}

static char *
account_path (const char *username,
              const char *rest)
{
  g_autofree char *escaped = g_uri_escape_string (username, NULL, FALSE);

  return g_strconcat ("/api/v1/accounts/", escaped, rest, NULL);
}

void
cl_sync_accounts_get_async (CLSyncClient        *client,
                            const char          *username,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CL_IS_SYNC_CLIENT (client));
  g_return_if_fail (username != NULL);

  path = account_path (username, "");
  start (client, "GET", path, NULL, cl_sync_accounts_get_async, cancellable, callback, user_data);
}

int
cl_sync_accounts_get_finish (CLSyncClient  *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), -1);
  return (int) g_task_propagate_int (G_TASK (result), error);
}

void
cl_sync_accounts_create_async (CLSyncClient        *client,
                               const char          *staff_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  JsonObject *object = json_object_new ();
  JsonNode *body = json_node_new (JSON_NODE_OBJECT);

  g_return_if_fail (CL_IS_SYNC_CLIENT (client));
  g_return_if_fail (staff_id != NULL);

  json_object_set_string_member (object, "staff_id", staff_id);
  json_node_take_object (body, object);
  start (client, "POST", "/api/v1/accounts", body, cl_sync_accounts_create_async,
         cancellable, callback, user_data);
}

void
cl_sync_accounts_reset_async (CLSyncClient        *client,
                              const char          *username,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CL_IS_SYNC_CLIENT (client));
  g_return_if_fail (username != NULL);

  path = account_path (username, "/password");
  start (client, "POST", path, NULL, cl_sync_accounts_reset_async, cancellable, callback, user_data);
}

char *
cl_sync_accounts_password_finish (CLSyncClient  *client,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Changing a one-time password ----------------------------------- */

static JsonNode *
object_node (const char *name1,
             const char *value1,
             const char *name2,
             const char *value2)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, name1, value1);
  json_object_set_string_member (object, name2, value2);
  json_node_take_object (node, object);
  return node;
}

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *r = task_data;
  g_autoptr(JsonNode) login = object_node ("username", r->username, "password", r->current);
  g_autoptr(JsonNode) change = object_node ("current_password", r->current, "new_password", r->chosen);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  guint status = 0;

  /* The one-time password's session, which may only change it. */
  if (!call (r, "POST", "/api/v1/session", NULL, login, cancellable, &status, &reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               _("The one-time password no longer works; ask an administrator for a new one"));
      return;
    }
  if (!cl_sync_check_status (status, reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  token = g_strdup (cl_sync_json_get_string (json_node_get_object (reply), "token"));

  if (!call (r, "POST", "/api/v1/session/password", token, change, cancellable, &status, &answer, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      wipe (g_steal_pointer (&token));
      return;
    }
  /* That session has done its one job; the desk logs in afresh with
   * the new password, as any log-in. */
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(JsonNode) ignored = NULL;
      guint ended = 0;

      call (r, "DELETE", "/api/v1/session", token, NULL, cancellable, &ended, &ignored, NULL);
    }
  wipe (g_steal_pointer (&token));

  if (status == SOUP_STATUS_UNPROCESSABLE_ENTITY || g_strcmp0 (cl_sync_error_member (answer, "code"), "invalid") == 0)
    {
      const char *message = cl_sync_error_member (answer, "message");

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                               message ? message : _("The new password was refused"));
      return;
    }
  if (status == SOUP_STATUS_FORBIDDEN)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               _("The one-time password no longer works; ask an administrator for a new one"));
      return;
    }
  if (!cl_sync_check_status (status, answer, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
logged_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!cl_sync_client_login_finish (CL_SYNC_CLIENT (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  Request *r = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  cl_sync_client_login_async (g_task_get_source_object (outer), r->username, r->chosen,
                              g_task_get_cancellable (outer), logged_in_cb, g_object_ref (outer));
}

void
cl_sync_accounts_change_password_async (CLSyncClient        *client,
                                        const char          *username,
                                        const char          *one_time_password,
                                        const char          *new_password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  Request *r;

  g_return_if_fail (CL_IS_SYNC_CLIENT (client));
  g_return_if_fail (username != NULL && one_time_password != NULL && new_password != NULL);

  outer = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cl_sync_accounts_change_password_async);
  if (cl_sync_client_get_server_url (client) == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("No server is set up; log-ins exist only on a server"));
      return;
    }
  r = g_new0 (Request, 1);
  r->url = g_strdup (cl_sync_client_get_server_url (client));
  r->ca_file = g_strdup (cl_sync_client_get_ca_file (client));
  r->username = g_strdup (username);
  r->current = g_strdup (one_time_password);
  r->chosen = g_strdup (new_password);

  /* No source object: the thread must not hold the client. */
  inner = g_task_new (NULL, cancellable, changed_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, change_thread);
  g_task_set_task_data (inner, r, request_free);
  g_task_run_in_thread (inner, change_thread);
}

gboolean
cl_sync_accounts_change_password_finish (CLSyncClient  *client,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
