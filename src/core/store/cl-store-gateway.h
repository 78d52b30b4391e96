#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* careline-server's SMS/WeChat gateway tables (cl-store-gateway.c):
 * its settings and its send queue, on the server only (never synced).
 * The sender and the commands are in src/server/. */

/* The settings, name → value (both owned); empty when none is set. */
GHashTable *cl_store_gateway_settings         (CLStore      *store,
                                               GError      **error);
/* Inside the caller's transaction: replaces every setting with
 * @settings (name → value; NULL or empty clears them all). */
gboolean    cl_store_gateway_replace_settings (CLStore      *store,
                                               GHashTable   *settings,
                                               GError      **error);

/* One message of the send queue. */
typedef struct
{
  char   *id;                 /* also its Idempotency-Key */
  char   *followup_item_id;
  char   *due_date;           /* the item's due date when queued */
  char   *body;               /* the exact JSON posted, every time */
  char   *state;              /* queued, sending, sent, delivered, failed, cancelled */
  gint    attempts;           /* POSTs begun */
  gint64  next_at;            /* UTC seconds: not before */
  char   *last_error;
} ClGatewayMessage;

void        cl_gateway_message_free            (ClGatewayMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClGatewayMessage, cl_gateway_message_free)

/* Open SMS and WeChat follow-up items (CLFollowupRecords) due on or
 * before @through (YYYY-MM-DD) that have no message yet for their
 * present due date, at most @limit, by due date. */
GPtrArray  *cl_store_gateway_unqueued_items    (CLStore      *store,
                                                const char   *through,
                                                guint         limit);

/* Inside the caller's transaction: adds @message; FALSE with
 * CL_STORE_ERROR_CONFLICT when its item already has one for that
 * due date. */
gboolean    cl_store_gateway_insert            (CLStore                *store,
                                                const ClGatewayMessage *message,
                                                gint64                  now,
                                                GError                **error);

/* The queued or sending message whose time has come (next_at ≤ @now),
 * the longest waiting first; NULL (and no error) when there is none. */
ClGatewayMessage *cl_store_gateway_next_ready  (CLStore      *store,
                                                gint64        now,
                                                GError      **error);
/* The message with @id, or NULL (CL_STORE_ERROR_NOT_FOUND). */
ClGatewayMessage *cl_store_gateway_find        (CLStore      *store,
                                                const char   *id,
                                                GError      **error);

/* Writes @message's state, attempts, next_at and last_error; "sent"
 * and "delivered" also stamp sent_at / delivered_at with @now.  Inside
 * the caller's transaction, or else in one of its own (committed, and
 * so on disk, before it returns). */
gboolean    cl_store_gateway_update            (CLStore                *store,
                                                const ClGatewayMessage *message,
                                                gint64                  now,
                                                GError                **error);

G_END_DECLS
