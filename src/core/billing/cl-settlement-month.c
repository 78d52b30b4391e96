/* cl-settlement-month.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-settlement-month"

#include "config.h"

#include "cl-settlement-month.h"
#include "cl-contract.h"
#include "cl-util.h"

struct _CLSettlementMonth
{
  CLRecord parent_instance;

  char *month;
  gboolean closed;
  gint64 closed_at;
  char *closed_by;
  char *snapshot;
  char *contract_id;
};

G_DEFINE_FINAL_TYPE (CLSettlementMonth, cl_settlement_month, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MONTH,
  PROP_CLOSED,
  PROP_CLOSED_AT,
  PROP_CLOSED_BY,
  PROP_SNAPSHOT,
  PROP_CONTRACT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_settlement_month_class_init (CLSettlementMonthClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_MONTH]     = { "month", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSettlementMonth, month) },
    [PROP_CLOSED]    = { "closed", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLSettlementMonth, closed) },
    [PROP_CLOSED_AT] = { "closed-at", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLSettlementMonth, closed_at) },
    [PROP_CLOSED_BY] = { "closed-by", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSettlementMonth, closed_by) },
    [PROP_SNAPSHOT]  = { "snapshot", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSettlementMonth, snapshot) },
    [PROP_CONTRACT_ID] = { "contract-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLSettlementMonth, contract_id) },
  };

  CL_RECORD_CLASS (klass)->table_name = "settlement_month";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_settlement_month_init (CLSettlementMonth *self)
{
  /* One from before contracts is the obstetric contract's. */
  self->contract_id = g_strdup (CL_CONTRACT_OBSTETRIC_ID);
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

const char *
cl_settlement_month_get_contract_id (CLSettlementMonth *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_MONTH (self), NULL);
  return self->contract_id;
}

void
cl_settlement_month_set_contract_id (CLSettlementMonth *self,
                                     const char *value)
{
  g_return_if_fail (CL_IS_SETTLEMENT_MONTH (self));
  cl_record_set_text_column (self, properties[PROP_CONTRACT_ID], value);
}
