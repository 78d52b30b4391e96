/* cl-deduction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-deduction"

#include "config.h"

#include "cl-deduction.h"
#include "cl-util.h"

struct _CLDeduction
{
  CLRecord parent_instance;

  char *date;
  gint64 amount_fen;
  char *reason;
  char *reference;
};

G_DEFINE_FINAL_TYPE (CLDeduction, cl_deduction, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DATE,
  PROP_AMOUNT_FEN,
  PROP_REASON,
  PROP_REFERENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_deduction_finalize (GObject *object)
{
  CLDeduction *self = CL_DEDUCTION (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->reference, g_free);

  G_OBJECT_CLASS (cl_deduction_parent_class)->finalize (object);
}

static void
cl_deduction_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CLDeduction *self = CL_DEDUCTION (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_AMOUNT_FEN:
      g_value_set_int64 (value, self->amount_fen);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_deduction_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CLDeduction *self = CL_DEDUCTION (object);

  switch (prop_id)
    {
    case PROP_DATE:
      cl_deduction_set_date (self, g_value_get_string (value));
      break;
    case PROP_AMOUNT_FEN:
      cl_deduction_set_amount_fen (self, g_value_get_int64 (value));
      break;
    case PROP_REASON:
      cl_deduction_set_reason (self, g_value_get_string (value));
      break;
    case PROP_REFERENCE:
      cl_deduction_set_reference (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_deduction_class_init (CLDeductionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);

  object_class->finalize = cl_deduction_finalize;
  object_class->get_property = cl_deduction_get_property;
  object_class->set_property = cl_deduction_set_property;

  record_class->table_name = "deduction";

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT_FEN] =
    g_param_spec_int64 ("amount-fen", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_deduction_init (CLDeduction *self)
{
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
