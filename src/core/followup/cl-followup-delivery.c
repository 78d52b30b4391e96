#define G_LOG_DOMAIN "cl-followup-delivery"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-followup-delivery.h"
#include "cl-util.h"

enum {
  F_FOLLOWUP_ITEM_ID,
  F_PATIENT_ID,
  F_CHANNEL,
  F_STATUS,
  F_DETAIL,
  N_TEXT
};

static const char * const text_names[N_TEXT] = {
  "followup-item-id", "patient-id", "channel", "status", "detail",
};

struct _CLFollowupDelivery
{
  CLRecord parent_instance;

  char   *text[N_TEXT];
  gint    attempts;
  gint64  status_at;
};

G_DEFINE_FINAL_TYPE (CLFollowupDelivery, cl_followup_delivery, CL_TYPE_RECORD)

#define PROP_ATTEMPTS  (N_TEXT + 1)
#define PROP_STATUS_AT (N_TEXT + 2)
#define N_PROPS        (N_TEXT + 3)

static GParamSpec *properties[N_PROPS];

const char *
cl_followup_delivery_status_label (const char *status)
{
  if (g_strcmp0 (status, "queued") == 0)
    return C_("message delivery", "Sending…");
  if (g_strcmp0 (status, "sent") == 0)
    return C_("message delivery", "Sent");
  if (g_strcmp0 (status, "delivered") == 0)
    return C_("message delivery", "Delivered");
  if (g_strcmp0 (status, "failed") == 0)
    return C_("message delivery", "Not delivered — phone her");
  return NULL;
}

gboolean
cl_followup_delivery_status_is_failed (const char *status)
{
  return g_strcmp0 (status, "failed") == 0;
}

static void
cl_followup_delivery_finalize (GObject *object)
{
  CLFollowupDelivery *self = CL_FOLLOWUP_DELIVERY (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (cl_followup_delivery_parent_class)->finalize (object);
}

static void
cl_followup_delivery_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CLFollowupDelivery *self = CL_FOLLOWUP_DELIVERY (object);

  if (prop_id >= 1 && prop_id <= N_TEXT)
    g_value_set_string (value, self->text[prop_id - 1]);
  else if (prop_id == PROP_ATTEMPTS)
    g_value_set_int (value, self->attempts);
  else if (prop_id == PROP_STATUS_AT)
    g_value_set_int64 (value, self->status_at);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_followup_delivery_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CLFollowupDelivery *self = CL_FOLLOWUP_DELIVERY (object);

  if (prop_id >= 1 && prop_id <= N_TEXT)
    cl_set_str (&self->text[prop_id - 1], g_value_get_string (value));
  else if (prop_id == PROP_ATTEMPTS)
    self->attempts = g_value_get_int (value);
  else if (prop_id == PROP_STATUS_AT)
    self->status_at = g_value_get_int64 (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cl_followup_delivery_class_init (CLFollowupDeliveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cl_followup_delivery_finalize;
  object_class->get_property = cl_followup_delivery_get_property;
  object_class->set_property = cl_followup_delivery_set_property;
  CL_RECORD_CLASS (klass)->table_name = "followup_delivery";

  for (guint i = 0; i < N_TEXT; i++)
    properties[i + 1] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
  properties[PROP_ATTEMPTS] = g_param_spec_int ("attempts", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_STATUS_AT] = g_param_spec_int64 ("status-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_followup_delivery_init (CLFollowupDelivery *self)
{
}

CLFollowupDelivery *
cl_followup_delivery_new (void)
{
  return CL_FOLLOWUP_DELIVERY (cl_record_new (CL_TYPE_FOLLOWUP_DELIVERY));
}

static void
set_text (CLFollowupDelivery *self,
          guint               field,
          const char         *value)
{
  g_return_if_fail (CL_IS_FOLLOWUP_DELIVERY (self));

  if (cl_set_str (&self->text[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

#define TEXT_ACCESSORS(name, FIELD) \
  const char * \
  cl_followup_delivery_get_##name (CLFollowupDelivery *self) \
  { \
    g_return_val_if_fail (CL_IS_FOLLOWUP_DELIVERY (self), NULL); \
    return self->text[FIELD]; \
  } \
  void \
  cl_followup_delivery_set_##name (CLFollowupDelivery *self, \
                                   const char         *value) \
  { \
    set_text (self, FIELD, value); \
  }

TEXT_ACCESSORS (followup_item_id, F_FOLLOWUP_ITEM_ID)
TEXT_ACCESSORS (patient_id, F_PATIENT_ID)
TEXT_ACCESSORS (channel, F_CHANNEL)
TEXT_ACCESSORS (status, F_STATUS)
TEXT_ACCESSORS (detail, F_DETAIL)

gint
cl_followup_delivery_get_attempts (CLFollowupDelivery *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_DELIVERY (self), 0);
  return self->attempts;
}

void
cl_followup_delivery_set_attempts (CLFollowupDelivery *self,
                                   gint                value)
{
  g_return_if_fail (CL_IS_FOLLOWUP_DELIVERY (self));

  if (self->attempts == value)
    return;
  self->attempts = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS]);
}

gint64
cl_followup_delivery_get_status_at (CLFollowupDelivery *self)
{
  g_return_val_if_fail (CL_IS_FOLLOWUP_DELIVERY (self), 0);
  return self->status_at;
}

void
cl_followup_delivery_set_status_at (CLFollowupDelivery *self,
                                    gint64              value)
{
  g_return_if_fail (CL_IS_FOLLOWUP_DELIVERY (self));

  if (self->status_at == value)
    return;
  self->status_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_AT]);
}
