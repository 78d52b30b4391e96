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
cl_enrolment_finalize (GObject *object)
{
  CLEnrolment *self = CL_ENROLMENT (object);

  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->package_id, g_free);
  g_clear_pointer (&self->agreement_date, g_free);
  g_clear_pointer (&self->explained_by, g_free);
  g_clear_pointer (&self->paid_date, g_free);
  g_clear_pointer (&self->receipt_no, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->cancel_date, g_free);
  g_clear_pointer (&self->override_reason, g_free);

  G_OBJECT_CLASS (cl_enrolment_parent_class)->finalize (object);
}

static void
cl_enrolment_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CLEnrolment *self = CL_ENROLMENT (object);

  switch (prop_id)
    {
    case PROP_PATIENT_ID:
      g_value_set_string (value, self->patient_id);
      break;
    case PROP_PACKAGE_ID:
      g_value_set_string (value, self->package_id);
      break;
    case PROP_PRICE_FEN:
      g_value_set_int64 (value, self->price_fen);
      break;
    case PROP_AGREEMENT_DATE:
      g_value_set_string (value, self->agreement_date);
      break;
    case PROP_EXPLAINED_BY:
      g_value_set_string (value, self->explained_by);
      break;
    case PROP_PAID_DATE:
      g_value_set_string (value, self->paid_date);
      break;
    case PROP_PAID_FEN:
      g_value_set_int64 (value, self->paid_fen);
      break;
    case PROP_RECEIPT_NO:
      g_value_set_string (value, self->receipt_no);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_CANCEL_DATE:
      g_value_set_string (value, self->cancel_date);
      break;
    case PROP_REFUND_FEN:
      g_value_set_int64 (value, self->refund_fen);
      break;
    case PROP_OVERRIDE_REASON:
      g_value_set_string (value, self->override_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_enrolment_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CLEnrolment *self = CL_ENROLMENT (object);

  switch (prop_id)
    {
    case PROP_PATIENT_ID:
      cl_enrolment_set_patient_id (self, g_value_get_string (value));
      break;
    case PROP_PACKAGE_ID:
      cl_enrolment_set_package_id (self, g_value_get_string (value));
      break;
    case PROP_PRICE_FEN:
      cl_enrolment_set_price_fen (self, g_value_get_int64 (value));
      break;
    case PROP_AGREEMENT_DATE:
      cl_enrolment_set_agreement_date (self, g_value_get_string (value));
      break;
    case PROP_EXPLAINED_BY:
      cl_enrolment_set_explained_by (self, g_value_get_string (value));
      break;
    case PROP_PAID_DATE:
      cl_enrolment_set_paid_date (self, g_value_get_string (value));
      break;
    case PROP_PAID_FEN:
      cl_enrolment_set_paid_fen (self, g_value_get_int64 (value));
      break;
    case PROP_RECEIPT_NO:
      cl_enrolment_set_receipt_no (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      cl_enrolment_set_status (self, g_value_get_string (value));
      break;
    case PROP_CANCEL_DATE:
      cl_enrolment_set_cancel_date (self, g_value_get_string (value));
      break;
    case PROP_REFUND_FEN:
      cl_enrolment_set_refund_fen (self, g_value_get_int64 (value));
      break;
    case PROP_OVERRIDE_REASON:
      cl_enrolment_set_override_reason (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_enrolment_class_init (CLEnrolmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);

  object_class->finalize = cl_enrolment_finalize;
  object_class->get_property = cl_enrolment_get_property;
  object_class->set_property = cl_enrolment_set_property;

  record_class->table_name = "enrolment";

  properties[PROP_PATIENT_ID] =
    g_param_spec_string ("patient-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACKAGE_ID] =
    g_param_spec_string ("package-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRICE_FEN] =
    g_param_spec_int64 ("price-fen", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENT_DATE] =
    g_param_spec_string ("agreement-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLAINED_BY] =
    g_param_spec_string ("explained-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAID_DATE] =
    g_param_spec_string ("paid-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAID_FEN] =
    g_param_spec_int64 ("paid-fen", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECEIPT_NO] =
    g_param_spec_string ("receipt-no", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCEL_DATE] =
    g_param_spec_string ("cancel-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFUND_FEN] =
    g_param_spec_int64 ("refund-fen", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERRIDE_REASON] =
    g_param_spec_string ("override-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
