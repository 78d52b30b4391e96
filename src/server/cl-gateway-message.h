#pragma once

#include "cl-followup-record.h"
#include "cl-patient.h"

G_BEGIN_DECLS

/* What careline-server posts to the SMS/WeChat gateway for one
 * follow-up item: the one place a message's JSON body is made
 * (README, "SMS and WeChat gateway"). */

/* The JSON body for @item to @patient, as message @message_id (its
 * Idempotency-Key), with the @callback_url the provider reports
 * delivery to:
 *   {"id", "item_id", "channel": "sms"|"wechat", "phone", "text",
 *    "callback_url"}
 * The text is the item's content as its rule's template rendered it. */
char *cl_gateway_message_compose (CLFollowupRecord *item,
                                  CLPatient        *patient,
                                  const char       *message_id,
                                  const char       *callback_url);

G_END_DECLS
