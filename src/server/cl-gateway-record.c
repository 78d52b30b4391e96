/* cl-gateway-record.c
 *
 * The gateway's synced writes (cl-gateway-record.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-gateway"

#include "config.h"

#include "cl-followup-delivery.h"
#include "cl-followup-record.h"
#include "cl-gateway-record.h"
#include "cl-sync-server.h"
#include "cl-tables.h"

/* The name the gateway's writes carry as updated_by and in the audit
 * log. */
#define GATEWAY_ACTOR "careline-server:gateway"

static void
add_change (JsonArray *changes,
            CLRecord  *record,
            gint64     base_rev)
{
  g_autoptr(JsonNode) data = cl_record_to_json (record);
  JsonObject *change = json_object_new ();
  g_autofree char *key = g_uuid_string_random ();

  /* The server sets these. */
  json_object_remove_member (json_node_get_object (data), "rev");
  json_object_remove_member (json_node_get_object (data), "updated_at");
  json_object_remove_member (json_node_get_object (data), "updated_by");
  json_object_set_string_member (change, "key", key);
  json_object_set_string_member (change, "table", cl_record_get_table_name (record));
  json_object_set_string_member (change, "id", cl_record_get_id (record));
  json_object_set_int_member (change, "base_rev", base_rev);
  json_object_set_string_member (change, "op", "upsert");
  json_object_set_member (change, "data", g_steal_pointer (&data));
  json_array_add_object_element (changes, change);
}

typedef struct
{
  ClGatewayMessage *message;
  gboolean          insert;
  gint64            now;
} Then;

static gboolean
write_message_cb (CLStore    *store,
                  JsonArray  *results,
                  gpointer    user_data,
                  GError    **error)
{
  Then *then = user_data;

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status = json_object_get_string_member (result, "status");

      /* A refused delivery record would leave the desks wrong about
       * the message: write nothing. */
      if (i == 0 && !g_str_equal (status, "applied"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the delivery record was refused: %s",
                       json_object_get_string_member_with_default (result, "message", status));
          return FALSE;
        }
      /* An item a person changed in the same moment keeps their change. */
      if (i > 0 && !g_str_equal (status, "applied"))
        g_message ("follow-up item not updated by the gateway: %s",
                   json_object_get_string_member_with_default (result, "reason", status));
    }
  if (then->insert)
    return cl_store_gateway_insert (store, then->message, then->now, error);
  return cl_store_gateway_update (store, then->message, then->now, error);
}

gboolean
cl_gateway_record (CLStore             *store,
                   ClGatewayMessage    *message,
                   gboolean             insert,
                   const char          *patient_id,
                   const char          *channel,
                   const char          *status,
                   const char          *detail,
                   ClGatewayItemAction  action,
                   gint64               now,
                   gint64              *max_rev,
                   GError             **error)
{
  g_autoptr(JsonArray) changes = json_array_new ();
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(CLFollowupDelivery) delivery = NULL;
  g_autoptr(CLFollowupRecord) item = NULL;
  Then then = { message, insert, now };
  gint64 base_rev = 0;

  delivery = CL_FOLLOWUP_DELIVERY (cl_store_load_record (store, CL_TYPE_FOLLOWUP_DELIVERY, message->id, NULL));
  if (delivery)
    base_rev = cl_record_get_rev (CL_RECORD (delivery));
  else
    {
      delivery = cl_followup_delivery_new ();
      cl_record_set_id (CL_RECORD (delivery), message->id);
      cl_followup_delivery_set_followup_item_id (delivery, message->followup_item_id);
    }
  if (patient_id)
    cl_followup_delivery_set_patient_id (delivery, patient_id);
  if (channel)
    cl_followup_delivery_set_channel (delivery, channel);
  cl_followup_delivery_set_status (delivery, status);
  cl_followup_delivery_set_detail (delivery, detail);
  cl_followup_delivery_set_attempts (delivery, message->attempts);
  cl_followup_delivery_set_status_at (delivery, now);
  add_change (changes, CL_RECORD (delivery), base_rev);

  if (action != CL_GATEWAY_ITEM_KEEP)
    item = CL_FOLLOWUP_RECORD (cl_store_load_record (store, CL_TYPE_FOLLOWUP_RECORD,
                                                     message->followup_item_id, NULL));
  if (item && action == CL_GATEWAY_ITEM_DONE && cl_followup_record_is_open (item))
    {
      gint64 rev = cl_record_get_rev (CL_RECORD (item));

      cl_followup_record_set_state (item, "done");
      cl_followup_record_set_outcome (item, cl_followup_outcome_to_string (CL_FOLLOWUP_OUTCOME_SENT));
      cl_followup_record_set_done_at (item, now);
      add_change (changes, CL_RECORD (item), rev);
    }
  else if (item && action == CL_GATEWAY_ITEM_REOPEN && !cl_record_get_deleted (CL_RECORD (item)) &&
           g_strcmp0 (cl_followup_record_get_state (item), "done") == 0 &&
           g_strcmp0 (cl_followup_record_get_outcome (item),
                      cl_followup_outcome_to_string (CL_FOLLOWUP_OUTCOME_SENT)) == 0)
    {
      gint64 rev = cl_record_get_rev (CL_RECORD (item));

      cl_followup_record_set_state (item, "due");
      cl_followup_record_set_outcome (item, "");
      cl_followup_record_set_done_at (item, 0);
      add_change (changes, CL_RECORD (item), rev);
    }

  results = cl_sync_server_apply_changes_then (store, changes, GATEWAY_ACTOR, CL_ROLE_GATEWAY,
                                               write_message_cb, &then, max_rev, error);
  return results != NULL;
}
