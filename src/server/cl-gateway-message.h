#pragma once

#include "cl-followup-record.h"
#include "cl-patient.h"

G_BEGIN_DECLS

/* What careline-server posts to the SMS/WeChat gateway for one
 * follow-up item: the one place a message's JSON body is made
 * (README, "SMS and WeChat gateway"). */

/* The JSON body for @item to @patient, as message @message_id (its
 * Idempotency-Key), with the @callback_url the provider reports
 * delivery to, and her @link (a scale item's page to fill on her
 * phone; NULL for none):
 *   {"id", "item_id", "channel": "sms"|"wechat", "phone", "text",
 *    "callback_url", "link": URL|null}
 * The text is the item's content as its rule's template rendered it,
 * followed by the link on a line of its own when there is one, so a
 * provider that sends only "text" still sends it. */
char *cl_gateway_message_compose (CLFollowupRecord *item,
                                  CLPatient        *patient,
                                  const char       *message_id,
                                  const char       *callback_url,
                                  const char       *link);

/* Does the message @body (as composed above) carry her link?  Such an
 * item is done when she answers at the link, not when the message is
 * sent or delivered. */
gboolean cl_gateway_message_has_link (const char *body);

G_END_DECLS
