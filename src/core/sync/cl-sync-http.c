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

static SoupMessage *
new_message (const char  *method,
             const char  *url,
             const char  *token,
             GError     **error)
{
  SoupMessage *msg = soup_message_new (method, url);

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
  return msg;
}

/* No HTTP answer came: says so in the person's words (keeping the
 * code, so that callers can tell a refused connection from a timeout),
 * except for a cancellation, which is passed on as it is. */
static void
set_network_error (GError  *local_error,
                   GError **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, local_error);
  else
    {
      g_set_error (error, G_IO_ERROR,
                   local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED,
                   _("The server cannot be reached: %s"), local_error->message);
      g_error_free (local_error);
    }
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
  GError *local_error = NULL;
  GBytes *bytes;

  if (!(msg = new_message (method, url, token, error)))
    return NULL;
  if (body)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  bytes = soup_session_send_and_read (session, msg, cancellable, &local_error);
  if (bytes == NULL)
    {
      set_network_error (local_error, error);
      return NULL;
    }

  *status = soup_message_get_status (msg);
  return bytes;
}

/* See cl-sync-http.h. */
gboolean
cl_sync_http_download (SoupSession   *session,
                       const char    *url,
                       const char    *token,
                       const char    *path,
                       GCancellable  *cancellable,
                       guint         *status,
                       JsonNode     **reply,
                       GError       **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  GError *local_error = NULL;

  *reply = NULL;
  if (!(msg = new_message ("GET", url, token, error)))
    return FALSE;

  input = soup_session_send (session, msg, cancellable, &local_error);
  if (input == NULL)
    {
      set_network_error (local_error, error);
      return FALSE;
    }
  *status = soup_message_get_status (msg);

  if (!SOUP_STATUS_IS_SUCCESSFUL (*status))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize size;
      const char *data;

      /* An error answer is small JSON. */
      bytes = g_input_stream_read_bytes (input, 64 * 1024, cancellable, NULL);
      data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
      if (data && size > 0 && json_parser_load_from_data (parser, data, size, NULL))
        *reply = json_node_ref (json_parser_get_root (parser));
      return TRUE;
    }

  file = g_file_new_for_path (path);
  output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (output == NULL)
    return FALSE;
  if (g_output_stream_splice (G_OUTPUT_STREAM (output), input,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              cancellable, &local_error) < 0)
    {
      g_file_delete (file, NULL, NULL);
      /* The network or the disk: either way the message says which. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, local_error);
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The download from the server failed: %s"), local_error->message);
          g_error_free (local_error);
        }
      return FALSE;
    }
  return TRUE;
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
      g_strcmp0 (method, "DELETE") != 0 && *status != SOUP_STATUS_NO_CONTENT)
    {
      g_clear_pointer (reply, json_node_unref);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The server’s answer could not be read"));
      return FALSE;
    }

  return TRUE;
}

/* See cl-sync-http.h. */
const char *
cl_sync_error_member (JsonNode   *reply,
                      const char *member)
{
  JsonObject *object = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  JsonNode *error = object ? json_object_get_member (object, "error") : NULL;

  if (error == NULL || !JSON_NODE_HOLDS_OBJECT (error))
    return NULL;
  return cl_sync_json_get_string (json_node_get_object (error), member);
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

  message = cl_sync_error_member (reply, "message");
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
