/* cl-settlement-month.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-settlement-month"

#include "config.h"

#include "cl-settlement-month.h"
#include "cl-util.h"

struct _CLSettlementMonth
{
  CLRecord parent_instance;

  char *month;
  gboolean closed;
  gint64 closed_at;
  char *closed_by;
  char *snapshot;
};

G_DEFINE_FINAL_TYPE (CLSettlementMonth, cl_settlement_month, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MONTH,
  PROP_CLOSED,
  PROP_CLOSED_AT,
  PROP_CLOSED_BY,
  PROP_SNAPSHOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_settlement_month_finalize (GObject *object)
{
  CLSettlementMonth *self = CL_SETTLEMENT_MONTH (object);

  g_clear_pointer (&self->month, g_free);
  g_clear_pointer (&self->closed_by, g_free);
  g_clear_pointer (&self->snapshot, g_free);

  G_OBJECT_CLASS (cl_settlement_month_parent_class)->finalize (object);
}

static void
cl_settlement_month_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CLSettlementMonth *self = CL_SETTLEMENT_MONTH (object);

  switch (prop_id)
    {
    case PROP_MONTH:
      g_value_set_string (value, self->month);
      break;
    case PROP_CLOSED:
      g_value_set_boolean (value, self->closed);
      break;
    case PROP_CLOSED_AT:
      g_value_set_int64 (value, self->closed_at);
      break;
    case PROP_CLOSED_BY:
      g_value_set_string (value, self->closed_by);
      break;
    case PROP_SNAPSHOT:
      g_value_set_string (value, self->snapshot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_settlement_month_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CLSettlementMonth *self = CL_SETTLEMENT_MONTH (object);

  switch (prop_id)
    {
    case PROP_MONTH:
      cl_settlement_month_set_month (self, g_value_get_string (value));
      break;
    case PROP_CLOSED:
      cl_settlement_month_set_closed (self, g_value_get_boolean (value));
      break;
    case PROP_CLOSED_AT:
      cl_settlement_month_set_closed_at (self, g_value_get_int64 (value));
      break;
    case PROP_CLOSED_BY:
      cl_settlement_month_set_closed_by (self, g_value_get_string (value));
      break;
    case PROP_SNAPSHOT:
      cl_settlement_month_set_snapshot (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_settlement_month_class_init (CLSettlementMonthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);

  object_class->finalize = cl_settlement_month_finalize;
  object_class->get_property = cl_settlement_month_get_property;
  object_class->set_property = cl_settlement_month_set_property;

  record_class->table_name = "settlement_month";

  properties[PROP_MONTH] =
    g_param_spec_string ("month", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSED] =
    g_param_spec_boolean ("closed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSED_AT] =
    g_param_spec_int64 ("closed-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSED_BY] =
    g_param_spec_string ("closed-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAPSHOT] =
    g_param_spec_string ("snapshot", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_settlement_month_init (CLSettlementMonth *self)
{
}

CLSettlementMonth *
cl_settlement_month_new (void)
{
  return CL_SETTLEMENT_MONTH (cl_record_new (CL_TYPE_SETTLEMENT_MONTH));
}

const char *
cl_settlement_month_get_month (CLSettlementMonth *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_MONTH (self), NULL);
  return self->month;
}

void
cl_settlement_month_set_month (CLSettlementMonth *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_SETTLEMENT_MONTH (self));

  if (cl_set_str (&self->month, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

gboolean
cl_settlement_month_get_closed (CLSettlementMonth *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_MONTH (self), 0);
  return self->closed;
}

void
cl_settlement_month_set_closed (CLSettlementMonth *self,
                                gboolean value)
{
  g_return_if_fail (CL_IS_SETTLEMENT_MONTH (self));

  value = !!value;
  if (self->closed != value)
    {
      self->closed = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED]);
    }
}

gint64
cl_settlement_month_get_closed_at (CLSettlementMonth *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_MONTH (self), 0);
  return self->closed_at;
}

void
cl_settlement_month_set_closed_at (CLSettlementMonth *self,
                                   gint64 value)
{
  g_return_if_fail (CL_IS_SETTLEMENT_MONTH (self));

  if (self->closed_at != value)
    {
      self->closed_at = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED_AT]);
    }
}

const char *
cl_settlement_month_get_closed_by (CLSettlementMonth *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_MONTH (self), NULL);
  return self->closed_by;
}

void
cl_settlement_month_set_closed_by (CLSettlementMonth *self,
                                   const char *value)
{
  g_return_if_fail (CL_IS_SETTLEMENT_MONTH (self));

  if (cl_set_str (&self->closed_by, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED_BY]);
}

const char *
cl_settlement_month_get_snapshot (CLSettlementMonth *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_MONTH (self), NULL);
  return self->snapshot;
}

void
cl_settlement_month_set_snapshot (CLSettlementMonth *self,
                                  const char *value)
{
  g_return_if_fail (CL_IS_SETTLEMENT_MONTH (self));

  if (cl_set_str (&self->snapshot, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
}
