/* cl-sync-http.c
 *
 * The HTTP requests of sync (cl-sync-http.h): one call to the server
 * with a JSON or binary body, and how its failures and unsuccessful
 * answers become translated errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-sync-http.h"
char *
cl_sync_join_url (const char *base,
                  const char *path)
{
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    len--;
  return g_strdup_printf ("%.*s%s", (int) len, base, path);
}

/* See cl-sync-http.h. */
GBytes *
cl_sync_http_send (SoupSession   *session,
                   const char    *method,
                   const char    *url,
                   const char    *token,
                   const char    *content_type,
                   GBytes        *body,
                   GCancellable  *cancellable,
                   guint         *status,
                   GError       **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  msg = soup_message_new (method, url);
  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The server address “%s” is not valid"), url);
      return NULL;
    }

  if (token)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", value);
    }
  if (body)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  bytes = soup_session_send_and_read (session, msg, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR,
                     local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED,
                     _("The server cannot be reached: %s"), local_error->message);
      return NULL;
    }

  *status = soup_message_get_status (msg);
  return bytes;
}

/* See cl-sync-http.h. */
gboolean
cl_sync_http_call (SoupSession   *session,
                   const char    *url,
                   const char    *method,
                   const char    *token,
                   JsonNode      *body,
                   GCancellable  *cancellable,
                   guint         *status,
                   JsonNode     **reply,
                   GError       **error)
{
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;
  const char *data;

  *reply = NULL;
  if (body)
    {
      char *text = json_to_string (body, FALSE);

      request = g_bytes_new_take (text, strlen (text));
    }

  bytes = cl_sync_http_send (session, method, url, token, "application/json", request,
                             cancellable, status, error);
  if (bytes == NULL)
    return FALSE;

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

/* See cl-sync-http.h; the caller then asks for a log-in on a 401. */
gboolean
cl_sync_check_status (guint      status,
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

const char *
cl_sync_json_get_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}
