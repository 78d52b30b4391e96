#define G_LOG_DOMAIN "cl-doctor-order"

#include "config.h"

#include "cl-doctor-order.h"
#include "cl-util.h"

struct _CLDoctorOrder
{
  CLRecord parent_instance;

  char *patient_id;
  char *pregnancy_id;
  char *date;
  char *category;
  char *text;
  char *doctor;
  char *reminder_date;
  char *status;
  char *stop_date;
};

G_DEFINE_FINAL_TYPE (CLDoctorOrder, cl_doctor_order, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATIENT_ID,
  PROP_PREGNANCY_ID,
  PROP_DATE,
  PROP_CATEGORY,
  PROP_TEXT,
  PROP_DOCTOR,
  PROP_REMINDER_DATE,
  PROP_STATUS,
  PROP_STOP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_doctor_order_class_init (CLDoctorOrderClass *klass)
{
  const char *names[N_PROPS] = {
    NULL, "patient-id", "pregnancy-id", "date", "category", "text", "doctor",
    "reminder-date", "status", "stop-date",
  };
  const gsize offsets[N_PROPS] = {
    0,
    G_STRUCT_OFFSET (CLDoctorOrder, patient_id),
    G_STRUCT_OFFSET (CLDoctorOrder, pregnancy_id),
    G_STRUCT_OFFSET (CLDoctorOrder, date),
    G_STRUCT_OFFSET (CLDoctorOrder, category),
    G_STRUCT_OFFSET (CLDoctorOrder, text),
    G_STRUCT_OFFSET (CLDoctorOrder, doctor),
    G_STRUCT_OFFSET (CLDoctorOrder, reminder_date),
    G_STRUCT_OFFSET (CLDoctorOrder, status),
    G_STRUCT_OFFSET (CLDoctorOrder, stop_date),
  };

  CL_RECORD_CLASS (klass)->table_name = "doctor_order";
  cl_record_class_install_text_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, names, offsets);
}

static void
cl_doctor_order_init (CLDoctorOrder *self)
{
}

CLDoctorOrder *
cl_doctor_order_new (void)
{
  return CL_DOCTOR_ORDER (cl_record_new (CL_TYPE_DOCTOR_ORDER));
}

const char *
cl_doctor_order_get_patient_id (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), NULL);
  return self->patient_id;
}

void
cl_doctor_order_set_patient_id (CLDoctorOrder *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_ORDER (self));

  if (cl_set_str (&self->patient_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

const char *
cl_doctor_order_get_pregnancy_id (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), NULL);
  return self->pregnancy_id;
}

void
cl_doctor_order_set_pregnancy_id (CLDoctorOrder *self,
                                 const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_ORDER (self));

  if (cl_set_str (&self->pregnancy_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREGNANCY_ID]);
}

const char *
cl_doctor_order_get_date (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), NULL);
  return self->date;
}

void
cl_doctor_order_set_date (CLDoctorOrder *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_ORDER (self));

  if (cl_set_str (&self->date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
cl_doctor_order_get_category (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), NULL);
  return self->category;
}

void
cl_doctor_order_set_category (CLDoctorOrder *self,
                             const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_ORDER (self));

  if (cl_set_str (&self->category, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char *
cl_doctor_order_get_text (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), NULL);
  return self->text;
}

void
cl_doctor_order_set_text (CLDoctorOrder *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_ORDER (self));

  if (cl_set_str (&self->text, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
cl_doctor_order_get_doctor (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), NULL);
  return self->doctor;
}

void
cl_doctor_order_set_doctor (CLDoctorOrder *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_ORDER (self));

  if (cl_set_str (&self->doctor, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCTOR]);
}

const char *
cl_doctor_order_get_reminder_date (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), NULL);
  return self->reminder_date;
}

void
cl_doctor_order_set_reminder_date (CLDoctorOrder *self,
                                  const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_ORDER (self));

  if (cl_set_str (&self->reminder_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_DATE]);
}

const char *
cl_doctor_order_get_status (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), NULL);
  return self->status;
}

void
cl_doctor_order_set_status (CLDoctorOrder *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_ORDER (self));

  if (cl_set_str (&self->status, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
cl_doctor_order_get_stop_date (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), NULL);
  return self->stop_date;
}

void
cl_doctor_order_set_stop_date (CLDoctorOrder *self,
                              const char *value)
{
  g_return_if_fail (CL_IS_DOCTOR_ORDER (self));

  if (cl_set_str (&self->stop_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STOP_DATE]);
}

gboolean
cl_doctor_order_is_active (CLDoctorOrder *self)
{
  g_return_val_if_fail (CL_IS_DOCTOR_ORDER (self), FALSE);
  return g_strcmp0 (cl_doctor_order_get_status (self), "active") == 0;
}

gboolean
cl_doctor_order_may_stop (CLDoctorOrder *self)
{
  return cl_doctor_order_is_active (self);
}
