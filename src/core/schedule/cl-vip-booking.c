/* cl-vip-booking.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-vip-booking"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-schedule.h"
#include "cl-vip-booking.h"
#include "cl-choice.h"
#include "cl-util.h"

struct _CLVipBooking
{
  CLRecord parent_instance;

  char *room_id;
  char *patient_id;
  char *purpose;
  gint64 start_at;
  gint64 end_at;
  char *booked_by;
  char *note;
  char *status;
  char *over_reason;
};

G_DEFINE_FINAL_TYPE (CLVipBooking, cl_vip_booking, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ROOM_ID,
  PROP_PATIENT_ID,
  PROP_PURPOSE,
  PROP_START_AT,
  PROP_END_AT,
  PROP_BOOKED_BY,
  PROP_NOTE,
  PROP_OVER_REASON,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_vip_booking_finalize (GObject *object)
{
  CLVipBooking *self = CL_VIP_BOOKING (object);

  g_clear_pointer (&self->room_id, g_free);
  g_clear_pointer (&self->patient_id, g_free);
  g_clear_pointer (&self->purpose, g_free);
  g_clear_pointer (&self->booked_by, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->over_reason, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (cl_vip_booking_parent_class)->finalize (object);
}

static void
cl_vip_booking_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CLVipBooking *self = CL_VIP_BOOKING (object);

  switch (prop_id)
    {
    case PROP_ROOM_ID:
      g_value_set_string (value, self->room_id);
      break;
    case PROP_PATIENT_ID:
      g_value_set_string (value, self->patient_id);
      break;
    case PROP_PURPOSE:
      g_value_set_string (value, self->purpose);
      break;
    case PROP_START_AT:
      g_value_set_int64 (value, self->start_at);
      break;
    case PROP_END_AT:
      g_value_set_int64 (value, self->end_at);
      break;
    case PROP_BOOKED_BY:
      g_value_set_string (value, self->booked_by);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_OVER_REASON:
      g_value_set_string (value, self->over_reason);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vip_booking_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CLVipBooking *self = CL_VIP_BOOKING (object);

  switch (prop_id)
    {
    case PROP_ROOM_ID:
      cl_vip_booking_set_room_id (self, g_value_get_string (value));
      break;
    case PROP_PATIENT_ID:
      cl_vip_booking_set_patient_id (self, g_value_get_string (value));
      break;
    case PROP_PURPOSE:
      cl_vip_booking_set_purpose (self, g_value_get_string (value));
      break;
    case PROP_START_AT:
      cl_vip_booking_set_start_at (self, g_value_get_int64 (value));
      break;
    case PROP_END_AT:
      cl_vip_booking_set_end_at (self, g_value_get_int64 (value));
      break;
    case PROP_BOOKED_BY:
      cl_vip_booking_set_booked_by (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      cl_vip_booking_set_note (self, g_value_get_string (value));
      break;
    case PROP_OVER_REASON:
      cl_vip_booking_set_over_reason (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      cl_vip_booking_set_status (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vip_booking_class_init (CLVipBookingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);

  object_class->finalize = cl_vip_booking_finalize;
  object_class->get_property = cl_vip_booking_get_property;
  object_class->set_property = cl_vip_booking_set_property;

  record_class->table_name = "vip_booking";

  properties[PROP_ROOM_ID] =
    g_param_spec_string ("room-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATIENT_ID] =
    g_param_spec_string ("patient-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PURPOSE] =
    g_param_spec_string ("purpose", NULL, NULL, "consultation",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_AT] =
    g_param_spec_int64 ("start-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_AT] =
    g_param_spec_int64 ("end-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOOKED_BY] =
    g_param_spec_string ("booked-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVER_REASON] =
    g_param_spec_string ("over-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "booked",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_vip_booking_init (CLVipBooking *self)
{
  self->purpose = g_strdup ("consultation");
  self->status = g_strdup ("booked");
}

CLVipBooking *
cl_vip_booking_new (void)
{
  return CL_VIP_BOOKING (cl_record_new (CL_TYPE_VIP_BOOKING));
}

const char *
cl_vip_booking_get_room_id (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), NULL);
  return self->room_id;
}

void
cl_vip_booking_set_room_id (CLVipBooking *self,
                            const char *value)
{
  g_return_if_fail (CL_IS_VIP_BOOKING (self));

  if (cl_set_str (&self->room_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM_ID]);
}

const char *
cl_vip_booking_get_patient_id (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), NULL);
  return self->patient_id;
}

void
cl_vip_booking_set_patient_id (CLVipBooking *self,
                               const char *value)
{
  g_return_if_fail (CL_IS_VIP_BOOKING (self));

  if (cl_set_str (&self->patient_id, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

const char *
cl_vip_booking_get_purpose (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), NULL);
  return self->purpose;
}

void
cl_vip_booking_set_purpose (CLVipBooking *self,
                            const char *value)
{
  g_return_if_fail (CL_IS_VIP_BOOKING (self));

  if (cl_set_str (&self->purpose, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PURPOSE]);
}

gint64
cl_vip_booking_get_start_at (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), 0);
  return self->start_at;
}

void
cl_vip_booking_set_start_at (CLVipBooking *self,
                             gint64 value)
{
  g_return_if_fail (CL_IS_VIP_BOOKING (self));

  if (self->start_at != value)
    {
      self->start_at = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_AT]);
    }
}

gint64
cl_vip_booking_get_end_at (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), 0);
  return self->end_at;
}

void
cl_vip_booking_set_end_at (CLVipBooking *self,
                           gint64 value)
{
  g_return_if_fail (CL_IS_VIP_BOOKING (self));

  if (self->end_at != value)
    {
      self->end_at = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_AT]);
    }
}

const char *
cl_vip_booking_get_booked_by (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), NULL);
  return self->booked_by;
}

void
cl_vip_booking_set_booked_by (CLVipBooking *self,
                              const char *value)
{
  g_return_if_fail (CL_IS_VIP_BOOKING (self));

  if (cl_set_str (&self->booked_by, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKED_BY]);
}

const char *
cl_vip_booking_get_note (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), NULL);
  return self->note;
}

void
cl_vip_booking_set_note (CLVipBooking *self,
                         const char *value)
{
  g_return_if_fail (CL_IS_VIP_BOOKING (self));

  if (cl_set_str (&self->note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
cl_vip_booking_get_status (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), NULL);
  return self->status;
}

void
cl_vip_booking_set_status (CLVipBooking *self,
                           const char *value)
{
  g_return_if_fail (CL_IS_VIP_BOOKING (self));

  if (cl_set_str (&self->status, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static const ClChoice purposes[] = {
  { "consultation", "vip purpose", NC_("vip purpose", "Consultation") },
  { "counselling", "vip purpose", NC_("vip purpose", "Counselling") },
  { "course", "vip purpose", NC_("vip purpose", "Course") },
  { "salon", "vip purpose", NC_("vip purpose", "Salon") },
};

const char * const *
cl_vip_booking_purposes (void)
{
  static const char **values;

  return cl_choice_values (purposes, G_N_ELEMENTS (purposes), &values);
}

const char *
cl_vip_booking_purpose_label (const char *purpose)
{
  return cl_choice_label (purposes, G_N_ELEMENTS (purposes), purpose);
}

static const ClChoice statuses[] = {
  { "booked", "vip status", NC_("vip status", "Booked") },
  { "checked-in", "vip status", NC_("vip status", "Checked in") },
  { "done", "vip status", NC_("vip status", "Done") },
  { "cancelled", "vip status", NC_("vip status", "Cancelled") },
};

const char * const *
cl_vip_booking_statuses (void)
{
  static const char **values;

  return cl_choice_values (statuses, G_N_ELEMENTS (statuses), &values);
}

const char *
cl_vip_booking_status_label (const char *status)
{
  return cl_choice_label (statuses, G_N_ELEMENTS (statuses), status);
}

gboolean
cl_vip_booking_is_live (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), FALSE);

  return !cl_record_get_deleted (CL_RECORD (self)) &&
         g_strcmp0 (self->status, CL_VIP_STATUS_CANCELLED) != 0;
}

gboolean
cl_vip_booking_is_pending (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), FALSE);
  return g_strcmp0 (cl_vip_booking_get_status (self), CL_VIP_STATUS_BOOKED) == 0;
}

gboolean
cl_vip_booking_is_in_room (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), FALSE);
  return g_strcmp0 (cl_vip_booking_get_status (self), CL_VIP_STATUS_CHECKED_IN) == 0;
}

gboolean
cl_vip_booking_may_check_in (CLVipBooking *self,
                             gint64        now)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), FALSE);
  return cl_vip_booking_is_pending (self) &&
         cl_schedule_check_check_in (cl_vip_booking_get_start_at (self), now, NULL);
}

const char *
cl_vip_booking_get_over_reason (CLVipBooking *self)
{
  g_return_val_if_fail (CL_IS_VIP_BOOKING (self), NULL);
  return self->over_reason;
}

void
cl_vip_booking_set_over_reason (CLVipBooking *self,
                                const char *value)
{
  g_return_if_fail (CL_IS_VIP_BOOKING (self));

  if (cl_set_str (&self->over_reason, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVER_REASON]);
}
