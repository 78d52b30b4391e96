#pragma once

#include <glib-object.h>

#include "cl-server.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* careline-server's SMS/WeChat sender (README, "SMS and WeChat
 * gateway"): a thread of its own that, while a gateway is configured
 * and outside quiet hours, queues the open SMS and WeChat follow-up
 * items that are due and POSTs each queued message to the gateway,
 * signed, under its stable Idempotency-Key.  A message is committed as
 * "sending" before its POST and "sent" after a 2xx, so after a crash an
 * interrupted one is posted again under the same key and a sent one
 * never is. */
#define CL_TYPE_GATEWAY (cl_gateway_get_type ())
G_DECLARE_FINAL_TYPE (CLGateway, cl_gateway, CL, GATEWAY, GObject)

/* @server (may be NULL) hears of each synced write, to nudge the
 * desks.  @server_url is the address the server listens on: a message
 * carries its callback address ("api/v1/gateway/callback" under it)
 * when the configuration names none, and a scale item's link starts
 * with it when the server has no public address. */
CLGateway *cl_gateway_new   (CLStore    *store,
                             CLServer   *server,
                             const char *server_url);
void       cl_gateway_start (CLGateway  *self);
/* Stops the thread, cancelling a POST under way (the message stays
 * "sending" and is posted again at the next start). */
void       cl_gateway_stop  (CLGateway  *self);

G_END_DECLS
