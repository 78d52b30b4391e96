/* cl-sync-links.c
 *
 * Patients' links from the desk (cl-sync-links.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-links"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-sync-http.h"
#include "cl-sync-links.h"
#include "cl-sync-tls.h"

#define HTTP_TIMEOUT_S 30

typedef struct
{
  char     *url;
  char     *ca_file;
  char     *token;
  JsonNode *body;
  gboolean  survey;   /* a survey campaign's link, not a scale's */
} Request;

typedef struct
{
  char   *url;
  gint64  expires_at;
} Link;

static void
request_free (gpointer data)
{
  Request *r = data;

  g_free (r->url);
  g_free (r->ca_file);
  if (r->token)
    memset (r->token, 0, strlen (r->token));
  g_free (r->token);
  g_clear_pointer (&r->body, json_node_unref);
  g_free (r);
}

static void
link_free (gpointer data)
{
  Link *link = data;

  g_free (link->url);
  g_free (link);
}

static void
issue_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Request *r = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = cl_sync_join_url (r->url, "/api/v1/patient-links");
  JsonObject *object;
  guint status = 0;
  gboolean ok;
  Link *link;

  /* A session and a context of its own: this thread's. */
  g_main_context_push_thread_default (context);
  session = cl_sync_tls_session_new (r->ca_file, HTTP_TIMEOUT_S, &error);
  ok = session != NULL &&
       cl_sync_http_call (session, url, "POST", r->token, r->body, cancellable, &status, &reply, &error);
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (status == SOUP_STATUS_FORBIDDEN)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                               r->survey ? _("Your role may not send survey links")
                                         : _("Your role may not send scale links"));
      return;
    }
  if (status == SOUP_STATUS_UNPROCESSABLE_ENTITY && r->survey)
    {
      /* The server says why: a campaign closed meanwhile, or her record
       * not there yet. */
      JsonObject *refusal = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
      JsonObject *detail = refusal && json_object_has_member (refusal, "error") &&
                           JSON_NODE_HOLDS_OBJECT (json_object_get_member (refusal, "error"))
                           ? json_object_get_object_member (refusal, "error") : NULL;
      const char *message = detail ? cl_sync_json_get_string (detail, "message") : NULL;

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               message ? message
                                       : _("The server does not know her yet; wait until the desk is in step and try again"));
      return;
    }
  if (status == SOUP_STATUS_UNPROCESSABLE_ENTITY)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The server does not know her yet; wait until the desk is in step and try again"));
      return;
    }
  if (!cl_sync_check_status (status, reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  object = reply && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  if (object == NULL || cl_sync_json_get_string (object, "url") == NULL ||
      !json_object_has_member (object, "expires_at"))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The server’s answer could not be read"));
      return;
    }
  link = g_new0 (Link, 1);
  link->url = g_strdup (cl_sync_json_get_string (object, "url"));
  link->expires_at = json_object_get_int_member (object, "expires_at");
  g_task_return_pointer (task, link, link_free);
}

static void
issue (CLSyncClient        *client,
       const char          *patient_id,
       const char          *kind,
       const char          *form_id,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  Request *r;

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_sync_links_issue_async);
  if (cl_sync_client_get_server_url (client) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("No server is set up; links for her phone come from the server"));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "patient_id");
  json_builder_add_string_value (builder, patient_id);
  json_builder_set_member_name (builder, "form");
  json_builder_add_string_value (builder, form_id);
  if (kind)
    {
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind);
    }
  json_builder_end_object (builder);

  r = g_new0 (Request, 1);
  r->url = g_strdup (cl_sync_client_get_server_url (client));
  r->ca_file = g_strdup (cl_sync_client_get_ca_file (client));
  r->token = cl_sync_client_dup_token (client);
  r->body = json_builder_get_root (builder);
  r->survey = kind != NULL;
  g_task_set_task_data (task, r, request_free);
  g_task_run_in_thread (task, issue_thread);
}

void
cl_sync_links_issue_async (CLSyncClient        *client,
                           const char          *patient_id,
                           const char          *scale_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (CL_IS_SYNC_CLIENT (client));
  g_return_if_fail (patient_id != NULL);
  g_return_if_fail (scale_id != NULL);

  issue (client, patient_id, NULL, scale_id, cancellable, callback, user_data);
}

void
cl_sync_links_issue_survey_async (CLSyncClient        *client,
                                  const char          *patient_id,
                                  const char          *campaign_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CL_IS_SYNC_CLIENT (client));
  g_return_if_fail (patient_id != NULL);
  g_return_if_fail (campaign_id != NULL);

  issue (client, patient_id, "survey", campaign_id, cancellable, callback, user_data);
}

gboolean
cl_sync_links_issue_finish (CLSyncClient  *client,
                            GAsyncResult  *result,
                            char         **url,
                            gint64        *expires_at,
                            GError       **error)
{
  Link *link;

  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cl_sync_links_issue_async, FALSE);

  link = g_task_propagate_pointer (G_TASK (result), error);
  if (link == NULL)
    return FALSE;
  if (url)
    *url = g_strdup (link->url);
  if (expires_at)
    *expires_at = link->expires_at;
  link_free (link);
  return TRUE;
}
