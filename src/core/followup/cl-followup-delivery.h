#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* What became of the SMS or WeChat message careline-server sent for a
 * follow-up item (table followup_delivery, synced): written by the
 * server's gateway sender only (cl_tables_role_may() lets no desk push
 * it), read by the desks so the Today row and her item show it.  The id
 * is the message's, which is also its Idempotency-Key at the
 * provider.  Status: "queued", "sent", "delivered" or "failed". */
#define CL_TYPE_FOLLOWUP_DELIVERY (cl_followup_delivery_get_type ())
G_DECLARE_FINAL_TYPE (CLFollowupDelivery, cl_followup_delivery, CL, FOLLOWUP_DELIVERY, CLRecord)

CLFollowupDelivery *cl_followup_delivery_new (void);

const char *cl_followup_delivery_get_followup_item_id (CLFollowupDelivery *self);
void        cl_followup_delivery_set_followup_item_id (CLFollowupDelivery *self, const char *value);
const char *cl_followup_delivery_get_patient_id       (CLFollowupDelivery *self);
void        cl_followup_delivery_set_patient_id       (CLFollowupDelivery *self, const char *value);
/* "sms" or "wechat" */
const char *cl_followup_delivery_get_channel          (CLFollowupDelivery *self);
void        cl_followup_delivery_set_channel          (CLFollowupDelivery *self, const char *value);
const char *cl_followup_delivery_get_status           (CLFollowupDelivery *self);
void        cl_followup_delivery_set_status           (CLFollowupDelivery *self, const char *value);
/* Why it failed, as the gateway answered (not translated; for an
 * administrator). */
const char *cl_followup_delivery_get_detail           (CLFollowupDelivery *self);
void        cl_followup_delivery_set_detail           (CLFollowupDelivery *self, const char *value);
/* How many POSTs were made. */
gint        cl_followup_delivery_get_attempts         (CLFollowupDelivery *self);
void        cl_followup_delivery_set_attempts         (CLFollowupDelivery *self, gint value);
/* When the status last changed, UTC seconds. */
gint64      cl_followup_delivery_get_status_at        (CLFollowupDelivery *self);
void        cl_followup_delivery_set_status_at        (CLFollowupDelivery *self, gint64 value);

/* What a person reads on the Today row for a status word (translated):
 * "Sending…", "Sent", "Delivered", "Not delivered — phone her"; NULL
 * for none. */
const char *cl_followup_delivery_status_label         (const char *status);
/* Whether a person must act: the message did not reach her. */
gboolean    cl_followup_delivery_status_is_failed     (const char *status);

G_END_DECLS
