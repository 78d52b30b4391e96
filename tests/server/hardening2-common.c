#define G_LOG_DOMAIN "test-hardening2"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "cl-test-util.h"
#include "hardening2-common.h"

char *
h2_api (const char *base,
        const char *path)
{
  return g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/", "api/v1", path, NULL);
}

void
h2_add_user (const char *server_binary,
             const char *db,
             const char *name,
             const char *role)
{
  g_assert_cmpint (cl_test_run_server_cli (server_binary, H2_PASSWORD "\n", "user", "add", name,
                                           "--role", role, "--db", db, NULL), ==, 0);
}

JsonNode *
h2_request (const char *method,
            const char *url,
            const char *token,
            const char *json,
            guint      *status)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (msg);
  if (token)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (json)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  if (reply == NULL)
    {
      /* A dropped connection is the server's answer to some bad input;
       * the caller checks that it still serves. */
      g_test_message ("%s %s: %s", method, url, error->message);
      *status = 0;
      return NULL;
    }
  *status = soup_message_get_status (msg);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL) ||
      json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

guint
h2_log_in (const char  *base,
           const char  *name,
           const char  *password,
           char       **token)
{
  g_autofree char *url = h2_api (base, "/session");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *json = NULL;
  guint status;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  json = json_to_string (body, FALSE);
  answer = h2_request ("POST", url, NULL, json, &status);
  if (token)
    *token = status == 200 && answer ?
             g_strdup (json_object_get_string_member (json_node_get_object (answer), "token")) : NULL;
  return status;
}

gboolean
h2_healthy (const char *base)
{
  g_autofree char *url = h2_api (base, "/health");
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = h2_request ("GET", url, NULL, NULL, &status);
  return status == 200;
}
