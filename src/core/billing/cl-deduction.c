/* cl-deduction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-deduction"

#include "config.h"

#include "cl-deduction.h"
#include "cl-contract.h"
#include "cl-util.h"

struct _CLDeduction
{
  CLRecord parent_instance;

  char *date;
  gint64 amount_fen;
  char *reason;
  char *reference;
  char *contract_id;
  char *inspection_id;
};

G_DEFINE_FINAL_TYPE (CLDeduction, cl_deduction, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DATE,
  PROP_AMOUNT_FEN,
  PROP_REASON,
  PROP_REFERENCE,
  PROP_CONTRACT_ID,
  PROP_INSPECTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_deduction_class_init (CLDeductionClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_DATE]       = { "date", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDeduction, date) },
    [PROP_AMOUNT_FEN] = { "amount-fen", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLDeduction, amount_fen) },
    [PROP_REASON]     = { "reason", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDeduction, reason) },
    [PROP_REFERENCE]  = { "reference", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDeduction, reference) },
    [PROP_CONTRACT_ID] = { "contract-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDeduction, contract_id) },
    [PROP_INSPECTION_ID] = { "inspection-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLDeduction, inspection_id) },
  };

  CL_RECORD_CLASS (klass)->table_name = "deduction";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_deduction_init (CLDeduction *self)
{
  /* One from before contracts is the obstetric contract's. */
  self->contract_id = g_strdup (CL_CONTRACT_OBSTETRIC_ID);
}

CLDeduction *
cl_deduction_new (void)
{
  return CL_DEDUCTION (cl_record_new (CL_TYPE_DEDUCTION));
}

const char *
cl_deduction_get_date (CLDeduction *self)
{
  g_return_val_if_fail (CL_IS_DEDUCTION (self), NULL);
  return self->date;
}

void
cl_deduction_set_date (CLDeduction *self,
                       const char *value)
{
  g_return_if_fail (CL_IS_DEDUCTION (self));

  if (cl_set_str (&self->date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gint64
cl_deduction_get_amount_fen (CLDeduction *self)
{
  g_return_val_if_fail (CL_IS_DEDUCTION (self), 0);
  return self->amount_fen;
}

void
cl_deduction_set_amount_fen (CLDeduction *self,
                             gint64 value)
{
  g_return_if_fail (CL_IS_DEDUCTION (self));

  if (self->amount_fen != value)
    {
      self->amount_fen = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_FEN]);
    }
}

const char *
cl_deduction_get_reason (CLDeduction *self)
{
  g_return_val_if_fail (CL_IS_DEDUCTION (self), NULL);
  return self->reason;
}

void
cl_deduction_set_reason (CLDeduction *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_DEDUCTION (self));

  if (cl_set_str (&self->reason, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

void
cl_deduction_set_reference (CLDeduction *self,
                            const char *value)
{
  g_return_if_fail (CL_IS_DEDUCTION (self));

  if (cl_set_str (&self->reference, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

const char *
cl_deduction_get_contract_id (CLDeduction *self)
{
  g_return_val_if_fail (CL_IS_DEDUCTION (self), NULL);
  return self->contract_id;
}

void
cl_deduction_set_contract_id (CLDeduction *self,
                              const char *value)
{
  g_return_if_fail (CL_IS_DEDUCTION (self));
  cl_record_set_text_column (self, properties[PROP_CONTRACT_ID], value);
}

const char *
cl_deduction_get_reference (CLDeduction *self)
{
  g_return_val_if_fail (CL_IS_DEDUCTION (self), NULL);
  return self->reference;
}

const char *
cl_deduction_get_inspection_id (CLDeduction *self)
{
  g_return_val_if_fail (CL_IS_DEDUCTION (self), NULL);
  return self->inspection_id;
}

void
cl_deduction_set_inspection_id (CLDeduction *self,
                                const char  *value)
{
  g_return_if_fail (CL_IS_DEDUCTION (self));
  cl_record_set_text_column (self, properties[PROP_INSPECTION_ID], value);
}
