/* cl-enrolment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-enrolment"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-enrolment.h"
#include "cl-staff.h"
#include "cl-util.h"

struct _CLEnrolment
{
  CLRecord parent_instance;

  char *patient_id;
  char *package_id;
  gint64 price_fen;
  char *agreement_date;
  char *explained_by;
  char *paid_date;
  gint64 paid_fen;
  char *receipt_no;
  char *status;
  char *cancel_date;
  gint64 refund_fen;
  char *override_reason;
};

G_DEFINE_FINAL_TYPE (CLEnrolment, cl_enrolment, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_PACKAGE_ID,
  PROP_PRICE_FEN,
  PROP_AGREEMENT_DATE,
  PROP_EXPLAINED_BY,
  PROP_PAID_DATE,
  PROP_PAID_FEN,
  PROP_RECEIPT_NO,
  PROP_STATUS,
  PROP_CANCEL_DATE,
  PROP_REFUND_FEN,
  PROP_OVERRIDE_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_enrolment_class_init (CLEnrolmentClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_PATIENT_ID]      = { "patient-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEnrolment, patient_id) },
    [PROP_PACKAGE_ID]      = { "package-id", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEnrolment, package_id) },
    [PROP_PRICE_FEN]       = { "price-fen", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLEnrolment, price_fen) },
    [PROP_AGREEMENT_DATE]  = { "agreement-date", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEnrolment, agreement_date) },
    [PROP_EXPLAINED_BY]    = { "explained-by", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEnrolment, explained_by) },
    [PROP_PAID_DATE]       = { "paid-date", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEnrolment, paid_date) },
    [PROP_PAID_FEN]        = { "paid-fen", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLEnrolment, paid_fen) },
    [PROP_RECEIPT_NO]      = { "receipt-no", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEnrolment, receipt_no) },
    [PROP_STATUS]          = { "status", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEnrolment, status) },
    [PROP_CANCEL_DATE]     = { "cancel-date", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEnrolment, cancel_date) },
    [PROP_REFUND_FEN]      = { "refund-fen", CL_COLUMN_INT64, G_STRUCT_OFFSET (CLEnrolment, refund_fen) },
    [PROP_OVERRIDE_REASON] = { "override-reason", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLEnrolment, override_reason) },
  };

  CL_RECORD_CLASS (klass)->table_name = "enrolment";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
}

static void
cl_enrolment_init (CLEnrolment *self)
{
  self->status = g_strdup ("active");
}

CLEnrolment *
cl_enrolment_new (void)
{
  return CL_ENROLMENT (cl_record_new (CL_TYPE_ENROLMENT));
}

const char *
cl_enrolment_get_patient_id (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), NULL);
  return self->patient_id;
}

void
cl_enrolment_set_patient_id (CLEnrolment *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (cl_set_str (&self->patient_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

const char *
cl_enrolment_get_package_id (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), NULL);
  return self->package_id;
}

void
cl_enrolment_set_package_id (CLEnrolment *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (cl_set_str (&self->package_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE_ID]);
}

gint64
cl_enrolment_get_price_fen (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), 0);
  return self->price_fen;
}

void
cl_enrolment_set_price_fen (CLEnrolment *self,
                            gint64 value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (self->price_fen != value)
    {
      self->price_fen = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_FEN]);
    }
}

const char *
cl_enrolment_get_agreement_date (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), NULL);
  return self->agreement_date;
}

void
cl_enrolment_set_agreement_date (CLEnrolment *self,
                                 const char *value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (cl_set_str (&self->agreement_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_DATE]);
}

const char *
cl_enrolment_get_explained_by (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), NULL);
  return self->explained_by;
}

void
cl_enrolment_set_explained_by (CLEnrolment *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (cl_set_str (&self->explained_by, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLAINED_BY]);
}

const char *
cl_enrolment_get_paid_date (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), NULL);
  return self->paid_date;
}

void
cl_enrolment_set_paid_date (CLEnrolment *self,
                            const char *value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (cl_set_str (&self->paid_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAID_DATE]);
}

gint64
cl_enrolment_get_paid_fen (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), 0);
  return self->paid_fen;
}

void
cl_enrolment_set_paid_fen (CLEnrolment *self,
                           gint64 value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (self->paid_fen != value)
    {
      self->paid_fen = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAID_FEN]);
    }
}

const char *
cl_enrolment_get_receipt_no (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), NULL);
  return self->receipt_no;
}

void
cl_enrolment_set_receipt_no (CLEnrolment *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (cl_set_str (&self->receipt_no, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIPT_NO]);
}

const char *
cl_enrolment_get_status (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), NULL);
  return self->status;
}

void
cl_enrolment_set_status (CLEnrolment *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (cl_set_str (&self->status, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
cl_enrolment_get_cancel_date (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), NULL);
  return self->cancel_date;
}

void
cl_enrolment_set_cancel_date (CLEnrolment *self,
                              const char *value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (cl_set_str (&self->cancel_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCEL_DATE]);
}

gint64
cl_enrolment_get_refund_fen (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), 0);
  return self->refund_fen;
}

void
cl_enrolment_set_refund_fen (CLEnrolment *self,
                             gint64 value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (self->refund_fen != value)
    {
      self->refund_fen = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUND_FEN]);
    }
}

const char *
cl_enrolment_get_override_reason (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), NULL);
  return self->override_reason;
}

void
cl_enrolment_set_override_reason (CLEnrolment *self,
                                  const char *value)
{
  g_return_if_fail (CL_IS_ENROLMENT (self));

  if (cl_set_str (&self->override_reason, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDE_REASON]);
}

gboolean
cl_enrolment_role_may_override (const char *role)
{
  return g_strcmp0 (role, CL_ROLE_ADMIN) == 0;
}

const char *
cl_enrolment_status_label (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return C_("enrolment", "Active");
  if (g_strcmp0 (status, "completed") == 0)
    return C_("enrolment", "Completed");
  if (g_strcmp0 (status, "cancelled") == 0)
    return C_("enrolment", "Cancelled");
  return status ? status : "";
}

gboolean
cl_enrolment_is_live (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), FALSE);
  return g_strcmp0 (cl_enrolment_get_status (self), "active") == 0;
}

gboolean
cl_enrolment_is_cancelled (CLEnrolment *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT (self), FALSE);
  return g_strcmp0 (cl_enrolment_get_status (self), "cancelled") == 0;
}
