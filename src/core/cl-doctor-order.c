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

static char **
field_for_prop (CLDoctorOrder *self,
                guint prop_id)
{
  char **fields[] = { NULL, &self->patient_id, &self->pregnancy_id, &self->date, &self->category, &self->text, &self->doctor, &self->reminder_date, &self->status, &self->stop_date };

  g_assert (prop_id > 0 && prop_id < N_PROPS);
  return fields[prop_id];
}

static void
cl_doctor_order_finalize (GObject *object)
{
  CLDoctorOrder *self = CL_DOCTOR_ORDER (object);

  for (guint i = 1; i < N_PROPS; i++)
    g_clear_pointer (field_for_prop (self, i), g_free);

  G_OBJECT_CLASS (cl_doctor_order_parent_class)->finalize (object);
}

static void
cl_doctor_order_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *field_for_prop (CL_DOCTOR_ORDER (object), prop_id));
}

static void
cl_doctor_order_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (cl_set_str (field_for_prop (CL_DOCTOR_ORDER (object), prop_id),
                       g_value_get_string (value)))
    g_object_notify_by_pspec (object, pspec);
}

static void
cl_doctor_order_class_init (CLDoctorOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[] = { NULL, "patient-id", "pregnancy-id", "date", "category", "text", "doctor", "reminder-date", "status", "stop-date" };

  object_class->finalize = cl_doctor_order_finalize;
  object_class->get_property = cl_doctor_order_get_property;
  object_class->set_property = cl_doctor_order_set_property;

  CL_RECORD_CLASS (klass)->table_name = "doctor_order";

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE |
                                         G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
