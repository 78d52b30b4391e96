/* cl-gateway-message.c
 *
 * A follow-up item → the JSON body posted to the gateway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-gateway"

#include "config.h"

#include <json-glib/json-glib.h>

#include "cl-gateway-message.h"

char *
cl_gateway_message_compose (CLFollowupRecord *item,
                            CLPatient        *patient,
                            const char       *message_id,
                            const char       *callback_url,
                            const char       *link)
{
  g_autofree char *text = NULL;

  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (item), NULL);
  g_return_val_if_fail (CL_IS_PATIENT (patient), NULL);
  g_return_val_if_fail (message_id != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, message_id);
  json_builder_set_member_name (builder, "item_id");
  json_builder_add_string_value (builder, cl_record_get_id (CL_RECORD (item)));
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, cl_followup_record_get_channel (item));
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, cl_patient_get_phone (patient));
  json_builder_set_member_name (builder, "text");
  text = link ? g_strconcat (cl_followup_record_get_content (item), "\n", link, NULL)
              : g_strdup (cl_followup_record_get_content (item));
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "callback_url");
  json_builder_add_string_value (builder, callback_url);
  json_builder_set_member_name (builder, "link");
  if (link)
    json_builder_add_string_value (builder, link);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
cl_gateway_message_has_link (const char *body)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *link;

  if (body == NULL || *body == '\0' || !(root = json_from_string (body, NULL)) || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  link = json_object_get_member (object, "link");
  return link != NULL && JSON_NODE_HOLDS_VALUE (link) && json_node_get_value_type (link) == G_TYPE_STRING;
}
