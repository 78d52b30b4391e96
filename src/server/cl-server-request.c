/* cl-server-request.c
 *
 * What every route of the server shares: JSON and error answers, the
 * audit log, checking the session and the role, and reading a
 * request's JSON body and query parameters safely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-accounts.h"
#include "cl-json-strict.h"
#include "cl-server-private.h"
#include "cl-sync-server.h"

/* Longer query values are not searches or ids but noise. */
#define MAX_PARAM_LENGTH 200

/* Responses */

void
cl_server_send_json_text (SoupServerMessage *msg,
                          guint              status,
                          GString           *text)
{
  gsize length = text->len;

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_string_free (text, FALSE), length);
}

void
cl_server_send_json (SoupServerMessage *msg,
                     guint              status,
                     JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *text = g_string_new (NULL);

  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, text);
  cl_server_send_json_text (msg, status, text);
}

JsonNode *
cl_server_error_json (const char *code,
                      const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
cl_server_send_error (SoupServerMessage *msg,
                      guint              status,
                      const char        *code,
                      const char        *message)
{
  g_autoptr(JsonNode) root = cl_server_error_json (code, message);

  cl_server_send_json (msg, status, root);
}

void
cl_server_send_store_error (SoupServerMessage *msg,
                            GError            *error)
{
  g_warning ("%s %s: %s", soup_server_message_get_method (msg),
             g_uri_get_path (soup_server_message_get_uri (msg)), error->message);
  cl_server_send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                        _("The server could not complete the request; nothing was changed by it"));
}

void
cl_server_send_method_not_allowed (SoupServerMessage *msg,
                                   const char        *allow)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  cl_server_send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                        _("This method is not allowed here"));
}

void
cl_server_send_not_found (SoupServerMessage *msg)
{
  cl_server_send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", _("There is no such resource"));
}

/* Requests */

void
cl_server_audit (CLServer   *self,
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
char *
cl_server_request_token (SoupServerMessage *msg,
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
gboolean
cl_server_authenticate (CLServer          *self,
                        SoupServerMessage *msg,
                        GHashTable        *query,
                        char             **username,
                        char             **role)
{
  g_autofree char *token = cl_server_request_token (msg, query);
  g_autofree char *line = NULL;
  ThreadState *state = cl_server_thread_state (self);

  /* On the thread's own read connection: a long push holding the
   * store's connection does not hold up every other request. */
  if (state->reader
      ? cl_accounts_check_token_on (state->reader, token, username, role)
      : cl_accounts_check_token (self->store, token, username, role))
    return TRUE;

  {
    g_autofree char *pending_user = NULL;
    g_autofree char *pending_role = NULL;
    gboolean must_change = FALSE;

    /* A one-time password's session may only change it
     * (cl_server_handle_change_password()). */
    if (cl_accounts_check_token_any (self->store, token, &pending_user, &pending_role, &must_change) &&
        must_change)
      {
        line = request_line (msg);
        cl_server_audit (self, pending_user, pending_role, "forbidden", NULL, NULL, NULL,
                         SOUP_STATUS_FORBIDDEN, line);
        cl_server_send_error (msg, SOUP_STATUS_FORBIDDEN, "password_change_required",
                              _("Choose a new password first: this session may only change the one-time password"));
        return FALSE;
      }
  }

  line = request_line (msg);
  cl_server_audit (self, NULL, NULL, "unauthorized", NULL, NULL, NULL, SOUP_STATUS_UNAUTHORIZED, line);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer");
  cl_server_send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                        _("Log in first: this request needs a valid session"));
  return FALSE;
}

/* Answers 403 (and audits it) unless @allowed. */
gboolean
cl_server_authorize (CLServer          *self,
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
  cl_server_audit (self, username, role, "forbidden", NULL, NULL, patient_id, SOUP_STATUS_FORBIDDEN, line);
  cl_server_send_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                        _("Your role does not allow this"));
  return FALSE;
}

/* json-glib parses by recursion (a body of a million '[' would run the
 * server out of stack), skips comments and takes '…' strings, so the
 * body is checked first by a strict tokenizer that counts the nesting
 * json-glib will see; the API never needs more than a few levels. */
#define MAX_JSON_DEPTH 32

JsonNode *
cl_server_parse_json_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_json", _("The body is empty"));
      return NULL;
    }
  if (!cl_json_strict_check (data, size, MAX_JSON_DEPTH, &normalized, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The body is not valid JSON: %s"), error->message);

      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_json", message);
      return NULL;
    }
  if (normalized)
    {
      data = normalized;
      size = strlen (normalized);
    }
  if (!json_parser_load_from_data (parser, data, size, &error) ||
      json_parser_get_root (parser) == NULL)
    {
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_json",
                            _("The body is not valid JSON"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* The query parameters, or NULL (and 400 sent) when they cannot be
 * decoded. */
GHashTable *
cl_server_parse_query (SoupServerMessage *msg,
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
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
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
          cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                                _("A query parameter is too long or not text"));
          return NULL;
        }
  }
  return params;
}

/* An integer parameter in [min, max], or @fallback when absent; FALSE
 * (and 400 sent) when it is not. */
gboolean
cl_server_int_param (SoupServerMessage *msg,
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
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", message);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}
