/* cl-share-rate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-share-rate"

#include "config.h"

#include "cl-contract.h"
#include "cl-share-rate.h"
#include "cl-util.h"

struct _CLShareRate
{
  CLRecord parent_instance;

  char *effective_from;
  gint rate_bp;
  char *note;
  char *contract_id;
  gint64 fee_fen;
};

G_DEFINE_FINAL_TYPE (CLShareRate, cl_share_rate, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_EFFECTIVE_FROM,
  PROP_RATE_BP,
  PROP_NOTE,
  PROP_CONTRACT_ID,
  PROP_FEE_FEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_share_rate_class_init (CLShareRateClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_EFFECTIVE_FROM] = { "effective-from", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLShareRate, effective_from) },
    [PROP_RATE_BP]        = { "rate-bp", CL_COLUMN_INT, G_STRUCT_OFFSET (CLShareRate, rate_bp) },
    [PROP_NOTE]           = { "note", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLShareRate, note) },
    [PROP_CONTRACT_ID]    = { "contract-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLShareRate, contract_id) },
    [PROP_FEE_FEN]        = { "fee-fen", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLShareRate, fee_fen) },
  };

  CL_RECORD_CLASS (klass)->table_name = "share_rate";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_share_rate_init (CLShareRate *self)
{
  /* A rate from before contracts is the obstetric contract's. */
  self->contract_id = g_strdup (CL_CONTRACT_OBSTETRIC_ID);
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

const char *
cl_share_rate_get_contract_id (CLShareRate *self)
{
  g_return_val_if_fail (CL_IS_SHARE_RATE (self), NULL);
  return self->contract_id;
}

void
cl_share_rate_set_contract_id (CLShareRate *self,
                               const char  *value)
{
  g_return_if_fail (CL_IS_SHARE_RATE (self));
  cl_record_set_text_column (self, properties[PROP_CONTRACT_ID], value);
}

gint64
cl_share_rate_get_fee_fen (CLShareRate *self)
{
  g_return_val_if_fail (CL_IS_SHARE_RATE (self), 0);
  return self->fee_fen;
}

void
cl_share_rate_set_fee_fen (CLShareRate *self,
                           gint64       value)
{
  g_return_if_fail (CL_IS_SHARE_RATE (self));
  cl_record_set_int_column (self, properties[PROP_FEE_FEN], value);
}
