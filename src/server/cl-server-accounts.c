/* cl-server-accounts.c
 *
 * The log-in routes (README, "Log-ins"): /accounts, for an
 * administrator to make a staff member's log-in, look it up and reset
 * its password, each answered with a one-time password once; and
 * /session/password, where its holder chooses their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "cl-accounts.h"
#include "cl-one-time-password.h"
#include "cl-server-private.h"
#include "cl-staff.h"
#include "cl-store-passwords.h"

/* A member of @object when it is a string, else NULL. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static guint
status_of (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return SOUP_STATUS_NOT_FOUND;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return SOUP_STATUS_CONFLICT;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    return SOUP_STATUS_UNPROCESSABLE_ENTITY;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return SOUP_STATUS_FORBIDDEN;
  return 0;
}

static const char *
code_of (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND: return "not_found";
    case SOUP_STATUS_CONFLICT: return "exists";
    case SOUP_STATUS_FORBIDDEN: return "forbidden";
    default: return "invalid";
    }
}

static void
send_failure (SoupServerMessage *msg,
              GError            *error)
{
  guint status = status_of (error);

  if (status == 0)
    cl_server_send_store_error (msg, error);
  else
    cl_server_send_error (msg, status, code_of (status), error->message);
}

/* {"username", "password", "password_change_required": true}: the one
 * answer that ever holds the password; not kept anywhere. */
static void
send_one_time (SoupServerMessage *msg,
               guint              status,
               const char        *username,
               char              *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_set_member_name (builder, "password_change_required");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  sodium_memzero (password, strlen (password));
  g_free (password);
  cl_server_send_json (msg, status, root);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
}

/* GET /accounts/NAME: whether @name has a log-in, and its state. */
static void
send_account (CLServer          *self,
              SoupServerMessage *msg,
              const char        *name)
{
  g_autofree char *hash = NULL;
  g_autofree char *account_role = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  gboolean disabled = FALSE;

  if (!cl_store_get_account (self->store, name, &hash, &account_role, &disabled, NULL))
    {
      cl_server_send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found",
                            _("This person has no log-in yet"));
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, account_role);
  json_builder_set_member_name (builder, "disabled");
  json_builder_add_boolean_value (builder, disabled);
  json_builder_set_member_name (builder, "password_change_required");
  json_builder_add_boolean_value (builder, cl_store_account_must_change (self->store, name));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  cl_server_send_json (msg, SOUP_STATUS_OK, root);
}

void
cl_server_handle_accounts (CLServer          *self,
                           SoupServerMessage *msg,
                           const char        *path,
                           const char        *username,
                           const char        *role)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  if (!cl_server_authorize (self, msg, username, role, g_strcmp0 (role, CL_ROLE_ADMIN) == 0, NULL))
    return;

  /* "" (the collection), "NAME" or "NAME/password". */
  parts = g_strsplit (*path == '/' ? path + 1 : path, "/", -1);
  if (parts[0] == NULL || *parts[0] == '\0')
    {
      g_autoptr(JsonNode) body = NULL;
      g_autofree char *created = NULL;
      char *password = NULL;
      const char *staff_id;

      if (!g_str_equal (method, "POST"))
        {
          cl_server_send_method_not_allowed (msg, "POST");
          return;
        }
      if (!(body = cl_server_parse_json_body (msg)))
        return;
      staff_id = string_member (JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL,
                                "staff_id");
      if (staff_id == NULL)
        {
          cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                                _("Give “staff_id” as text"));
          return;
        }
      if (!cl_one_time_create_login (self->store, staff_id, username, role, &created, &password, &error))
        {
          send_failure (msg, error);
          return;
        }
      send_one_time (msg, SOUP_STATUS_CREATED, created, password);
    }
  else if (parts[1] == NULL)
    {
      if (!g_str_equal (method, "GET"))
        cl_server_send_method_not_allowed (msg, "GET");
      else
        send_account (self, msg, parts[0]);
    }
  else if (g_str_equal (parts[1], "password") && parts[2] == NULL)
    {
      char *password = NULL;

      if (!g_str_equal (method, "POST"))
        {
          cl_server_send_method_not_allowed (msg, "POST");
          return;
        }
      if (!cl_one_time_reset_password (self->store, parts[0], username, role, &password, &error))
        {
          send_failure (msg, error);
          return;
        }
      send_one_time (msg, SOUP_STATUS_OK, parts[0], password);
    }
  else
    cl_server_send_not_found (msg);
}

void
cl_server_handle_change_password (CLServer          *self,
                                  SoupServerMessage *msg,
                                  GHashTable        *query)
{
  g_autofree char *token = NULL;
  g_autofree char *username = NULL;
  g_autofree char *role = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  const char *current, *chosen;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      cl_server_send_method_not_allowed (msg, "POST");
      return;
    }
  /* The one route a one-time password's session may call. */
  token = cl_server_request_token (msg, query);
  if (!cl_accounts_check_token_any (self->store, token, &username, &role, NULL))
    {
      cl_server_audit (self, NULL, NULL, "unauthorized", NULL, NULL, NULL, SOUP_STATUS_UNAUTHORIZED,
                       "POST /api/v1/session/password");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer");
      cl_server_send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                            _("Log in first: this request needs a valid session"));
      return;
    }
  if (!(body = cl_server_parse_json_body (msg)))
    return;
  object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  current = string_member (object, "current_password");
  chosen = string_member (object, "new_password");
  if (current == NULL || chosen == NULL)
    {
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                            _("Give “current_password” and “new_password” as text"));
      return;
    }

  if (!cl_one_time_change_password (self->store, username, role, current, chosen, &field_errors, &error))
    {
      if (field_errors)
        {
          g_autoptr(JsonNode) answer = cl_server_error_json ("invalid", error->message);
          JsonObject *details = json_object_get_object_member (json_node_get_object (answer), "error");

          json_object_set_string_member (details, "field", "new_password");
          cl_server_send_json (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, answer);
        }
      else
        send_failure (msg, error);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}
