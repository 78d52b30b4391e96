#pragma once

#include "cl-store-gateway.h"

G_BEGIN_DECLS

/* The gateway's writes that desks must hear of: a message's row in the
 * send queue together with its synced followup_delivery record and,
 * when it was sent or bounced, its follow-up item, in one transaction,
 * pushed through the server's own rules as CL_ROLE_GATEWAY so the
 * change feed carries them. */

typedef enum
{
  CL_GATEWAY_ITEM_KEEP,     /* the item stays as it is */
  CL_GATEWAY_ITEM_DONE,     /* recorded done, outcome "sent", if still open */
  CL_GATEWAY_ITEM_REOPEN,   /* back to due, if the gateway had recorded it done */
} ClGatewayItemAction;

/* Writes @message (inserted when @insert, else updated to its state,
 * attempts, next_at and last_error) with its delivery record at
 * @status ("queued", "sent", "delivered", "failed", "cancelled") and
 * @detail, and does @action to its item.  @patient_id and @channel name
 * a new delivery record (NULL to keep those of the stored one).  Sets
 * @max_rev to the highest rev written (for the desks' nudge). */
gboolean cl_gateway_record (CLStore             *store,
                            ClGatewayMessage    *message,
                            gboolean             insert,
                            const char          *patient_id,
                            const char          *channel,
                            const char          *status,
                            const char          *detail,
                            ClGatewayItemAction  action,
                            gint64               now,
                            gint64              *max_rev,
                            GError             **error);

G_END_DECLS
