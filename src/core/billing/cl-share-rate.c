/* cl-share-rate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-share-rate"

#include "config.h"

#include "cl-share-rate.h"
#include "cl-util.h"

struct _CLShareRate
{
  CLRecord parent_instance;

  char *effective_from;
  gint rate_bp;
  char *note;
};

G_DEFINE_FINAL_TYPE (CLShareRate, cl_share_rate, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_EFFECTIVE_FROM,
  PROP_RATE_BP,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_share_rate_finalize (GObject *object)
{
  CLShareRate *self = CL_SHARE_RATE (object);

  g_clear_pointer (&self->effective_from, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (cl_share_rate_parent_class)->finalize (object);
}

static void
cl_share_rate_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CLShareRate *self = CL_SHARE_RATE (object);

  switch (prop_id)
    {
    case PROP_EFFECTIVE_FROM:
      g_value_set_string (value, self->effective_from);
      break;
    case PROP_RATE_BP:
      g_value_set_int (value, self->rate_bp);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_share_rate_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CLShareRate *self = CL_SHARE_RATE (object);

  switch (prop_id)
    {
    case PROP_EFFECTIVE_FROM:
      cl_share_rate_set_effective_from (self, g_value_get_string (value));
      break;
    case PROP_RATE_BP:
      cl_share_rate_set_rate_bp (self, g_value_get_int (value));
      break;
    case PROP_NOTE:
      cl_share_rate_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_share_rate_class_init (CLShareRateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);

  object_class->finalize = cl_share_rate_finalize;
  object_class->get_property = cl_share_rate_get_property;
  object_class->set_property = cl_share_rate_set_property;

  record_class->table_name = "share_rate";

  properties[PROP_EFFECTIVE_FROM] =
    g_param_spec_string ("effective-from", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATE_BP] =
    g_param_spec_int ("rate-bp", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_share_rate_init (CLShareRate *self)
{
}

CLShareRate *
cl_share_rate_new (void)
{
  return CL_SHARE_RATE (cl_record_new (CL_TYPE_SHARE_RATE));
}

const char *
cl_share_rate_get_effective_from (CLShareRate *self)
{
  g_return_val_if_fail (CL_IS_SHARE_RATE (self), NULL);
  return self->effective_from;
}

void
cl_share_rate_set_effective_from (CLShareRate *self,
                                  const char *value)
{
  g_return_if_fail (CL_IS_SHARE_RATE (self));

  if (cl_set_str (&self->effective_from, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE_FROM]);
}

gint
cl_share_rate_get_rate_bp (CLShareRate *self)
{
  g_return_val_if_fail (CL_IS_SHARE_RATE (self), 0);
  return self->rate_bp;
}

void
cl_share_rate_set_rate_bp (CLShareRate *self,
                           gint value)
{
  g_return_if_fail (CL_IS_SHARE_RATE (self));

  if (self->rate_bp != value)
    {
      self->rate_bp = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE_BP]);
    }
}

const char *
cl_share_rate_get_note (CLShareRate *self)
{
  g_return_val_if_fail (CL_IS_SHARE_RATE (self), NULL);
  return self->note;
}

void
cl_share_rate_set_note (CLShareRate *self,
                        const char *value)
{
  g_return_if_fail (CL_IS_SHARE_RATE (self));

  if (cl_set_str (&self->note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
