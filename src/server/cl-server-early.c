/* cl-server-early.c
 *
 * What the server answers from a request's headers, before its body is
 * read: a declared body over the route's limit (413), a body without a
 * declared length (411), and a body sent without a valid session to a
 * route that needs one (401).  The answer goes through
 * cl_server_refuse(), so nothing of the body is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-accounts.h"
#include "cl-server-limits.h"
#include "cl-server-private.h"

#define API_PREFIX "/api/v1"

static goffset
body_limit (const char *path)
{
  if (g_str_has_prefix (path, API_PREFIX "/documents/"))
    return CL_SERVER_MAX_DOCUMENT_BODY;
  /* A gateway's delivery report is a few hundred bytes. */
  if (g_str_equal (path, API_PREFIX "/session") || g_str_equal (path, API_PREFIX "/gateway/callback"))
    return CL_SERVER_MAX_SESSION_BODY;
  /* A patient's answers: a few bytes per question. */
  if (g_str_has_prefix (path, "/p/"))
    return CL_SERVER_MAX_LINK_BODY;
  return CL_SERVER_MAX_JSON_BODY;
}

/* Routes anyone may call: the rest need a session.  The gateway's
 * callback is signed instead (cl-server-gateway.c). */
static gboolean
needs_session (const char *path)
{
  return g_str_has_prefix (path, API_PREFIX "/") &&
         !g_str_equal (path, API_PREFIX "/health") &&
         !g_str_equal (path, API_PREFIX "/session") &&
         !g_str_equal (path, API_PREFIX "/gateway/callback");
}

static gboolean
has_session (CLServer          *self,
             SoupServerMessage *msg)
{
  const char *query_text = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *token = NULL;
  g_autofree char *username = NULL;
  g_autofree char *role = NULL;
  ThreadState *state = cl_server_thread_state (self);

  if (query_text)
    query = g_uri_parse_params (query_text, -1, "&", G_URI_PARAMS_NONE, NULL);
  token = cl_server_request_token (msg, query);
  /* A one-time password's session is one too: its change is read, and
   * anything else gets the 403 that says what to do. */
  return (state->reader
          ? cl_accounts_check_token_on (state->reader, token, &username, &role)
          : cl_accounts_check_token (self->store, token, &username, &role)) ||
         cl_accounts_check_token_any (self->store, token, NULL, NULL, NULL);
}

void
cl_server_early_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *unused,
                    gpointer           user_data)
{
  CLServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset limit = body_limit (path);
  goffset length;

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_NONE:
      return;
    case SOUP_ENCODING_CONTENT_LENGTH:
      length = soup_message_headers_get_content_length (headers);
      break;
    default:
      /* Without a length the size is known only after reading it all. */
      cl_server_refuse (msg, SOUP_STATUS_LENGTH_REQUIRED, "length_required",
                        _("Send the body with a Content-Length"), NULL);
      return;
    }

  if (length > limit)
    {
      g_autofree char *message = NULL;

      if (limit >= 1024 * 1024)
        message = g_strdup_printf (_("The body is larger than %d MiB"), (int) (limit / (1024 * 1024)));
      else
        message = g_strdup_printf (_("The body is larger than %d KiB"), (int) (limit / 1024));
      cl_server_refuse (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", message, NULL);
      return;
    }

  /* A stranger's body is not read at all (a document is up to 50 MiB). */
  if (length > 0 && needs_session (path) && !has_session (self, msg))
    {
      g_autofree char *line = g_strdup_printf ("%s %s", soup_server_message_get_method (msg), path);

      cl_server_audit (self, NULL, NULL, "unauthorized", NULL, NULL, NULL,
                       SOUP_STATUS_UNAUTHORIZED, line);
      cl_server_refuse (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                        _("Log in first: this request needs a valid session"),
                        "WWW-Authenticate: Bearer");
    }
}
