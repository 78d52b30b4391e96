/* cl-server-gateway.c
 *
 * POST /api/v1/gateway/callback: the SMS/WeChat provider reports what
 * became of a message (delivered or failed), signed like the messages
 * careline-server sends it.  No session: the signature is the proof,
 * checked over the exact bytes before anything is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-gateway-config.h"
#include "cl-gateway-message.h"
#include "cl-gateway-record.h"
#include "cl-server-private.h"
#include "cl-store-gateway.h"
#include "cl-sync-server-private.h"
#include "cl-tables.h"

#define CALLBACK_ACTOR "gateway-callback"

static void
refuse_signature (CLServer          *self,
                  SoupServerMessage *msg,
                  const char        *why)
{
  cl_server_audit (self, CALLBACK_ACTOR, NULL, "gateway-callback", "gateway_message", NULL, NULL,
                   SOUP_STATUS_UNAUTHORIZED, why);
  cl_server_send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                        _("The callback is not signed with the gateway’s secret"));
}

void
cl_server_handle_gateway_callback (CLServer          *self,
                                   SoupServerMessage *msg)
{
  g_autoptr(ClGatewayConfig) config = NULL;
  g_autoptr(ClGatewayMessage) message = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *signature;
  const char *key, *status, *detail = NULL;
  const char *data;
  JsonObject *object;
  gint64 now, rev = 0;
  gboolean delivered;
  gsize size;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      cl_server_send_method_not_allowed (msg, "POST");
      return;
    }

  config = cl_gateway_config_load (self->store, &error);
  if (error)
    {
      cl_server_send_store_error (msg, error);
      return;
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (bytes, &size);
  signature = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                            "X-Careline-Signature");
  if (config == NULL)
    {
      refuse_signature (self, msg, "no gateway is configured");
      return;
    }
  if (signature == NULL)
    {
      refuse_signature (self, msg, "unsigned");
      return;
    }
  if (!cl_gateway_signature_ok (config->secret, data ? data : "", size, signature))
    {
      refuse_signature (self, msg, "wrong signature");
      return;
    }

  root = cl_server_parse_json_body (msg);
  if (root == NULL)
    return;
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL ||
      !cl_sync_server_member_is (object, "idempotency_key", G_TYPE_STRING) ||
      !cl_sync_server_member_is (object, "status", G_TYPE_STRING) ||
      (json_object_has_member (object, "detail") &&
       !cl_sync_server_member_is (object, "detail", G_TYPE_STRING)))
    {
      cl_server_send_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request",
                            _("A callback is {\"idempotency_key\": text, \"status\": \"delivered\" or \"failed\", \"detail\": text}"));
      return;
    }
  key = json_object_get_string_member (object, "idempotency_key");
  status = json_object_get_string_member (object, "status");
  if (json_object_has_member (object, "detail"))
    detail = json_object_get_string_member (object, "detail");
  if (!g_str_equal (status, "delivered") && !g_str_equal (status, "failed"))
    {
      cl_server_send_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid",
                            _("The status is “delivered” or “failed”"));
      return;
    }

  message = cl_store_gateway_find (self->store, key, &error);
  if (message == NULL)
    {
      if (g_error_matches (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
        {
          cl_server_audit (self, CALLBACK_ACTOR, NULL, "gateway-callback", "gateway_message", key, NULL,
                           SOUP_STATUS_NOT_FOUND, status);
          cl_server_send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found",
                                _("No message has this idempotency key"));
        }
      else
        cl_server_send_store_error (msg, error);
      return;
    }

  /* A message not sent yet, or cancelled, has no delivery to report;
   * the provider may still have one (a POST whose answer was lost), so
   * its word stands. */
  delivered = g_str_equal (status, "delivered");
  now = cl_gateway_now ();
  g_free (message->state);
  message->state = g_strdup (status);
  message->next_at = 0;
  if (!delivered)
    {
      g_free (message->last_error);
      message->last_error = g_strdup (detail ? detail : "reported failed by the provider");
    }
  if (!cl_gateway_record (self->store, message, FALSE, NULL, NULL, status,
                          delivered ? NULL : message->last_error,
                          !delivered ? CL_GATEWAY_ITEM_REOPEN
                          : cl_gateway_message_has_link (message->body) ? CL_GATEWAY_ITEM_KEEP
                          : CL_GATEWAY_ITEM_DONE,
                          now, &rev, &error))
    {
      cl_server_send_store_error (msg, error);
      return;
    }
  if (rev > 0)
    cl_server_broadcast_rev (self, rev);
  cl_server_audit (self, CALLBACK_ACTOR, NULL, "gateway-callback", "gateway_message", key, NULL,
                   SOUP_STATUS_OK, status);
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}
