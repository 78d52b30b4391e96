/* cl-vip-room.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-vip-room"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-vip-room.h"
#include "cl-util.h"

struct _CLVipRoom
{
  CLRecord parent_instance;

  char *name;
  char *location;
  gint opens;
  gint closes;
  gint slot_minutes;
  gboolean active;
  char *note;
};

G_DEFINE_FINAL_TYPE (CLVipRoom, cl_vip_room, CL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LOCATION,
  PROP_OPENS,
  PROP_CLOSES,
  PROP_SLOT_MINUTES,
  PROP_ACTIVE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cl_vip_room_finalize (GObject *object)
{
  CLVipRoom *self = CL_VIP_ROOM (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (cl_vip_room_parent_class)->finalize (object);
}

static void
cl_vip_room_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CLVipRoom *self = CL_VIP_ROOM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_OPENS:
      g_value_set_int (value, self->opens);
      break;
    case PROP_CLOSES:
      g_value_set_int (value, self->closes);
      break;
    case PROP_SLOT_MINUTES:
      g_value_set_int (value, self->slot_minutes);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vip_room_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CLVipRoom *self = CL_VIP_ROOM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cl_vip_room_set_name (self, g_value_get_string (value));
      break;
    case PROP_LOCATION:
      cl_vip_room_set_location (self, g_value_get_string (value));
      break;
    case PROP_OPENS:
      cl_vip_room_set_opens (self, g_value_get_int (value));
      break;
    case PROP_CLOSES:
      cl_vip_room_set_closes (self, g_value_get_int (value));
      break;
    case PROP_SLOT_MINUTES:
      cl_vip_room_set_slot_minutes (self, g_value_get_int (value));
      break;
    case PROP_ACTIVE:
      cl_vip_room_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_NOTE:
      cl_vip_room_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_vip_room_class_init (CLVipRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CLRecordClass *record_class = CL_RECORD_CLASS (klass);

  object_class->finalize = cl_vip_room_finalize;
  object_class->get_property = cl_vip_room_get_property;
  object_class->set_property = cl_vip_room_set_property;

  record_class->table_name = "vip_room";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENS] =
    g_param_spec_int ("opens", NULL, NULL, G_MININT, G_MAXINT, 480,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSES] =
    g_param_spec_int ("closes", NULL, NULL, G_MININT, G_MAXINT, 1050,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT_MINUTES] =
    g_param_spec_int ("slot-minutes", NULL, NULL, G_MININT, G_MAXINT, 30,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_vip_room_init (CLVipRoom *self)
{
  self->opens = 480;
  self->closes = 1050;
  self->slot_minutes = 30;
  self->active = TRUE;
}

CLVipRoom *
cl_vip_room_new (void)
{
  return CL_VIP_ROOM (cl_record_new (CL_TYPE_VIP_ROOM));
}

const char *
cl_vip_room_get_name (CLVipRoom *self)
{
  g_return_val_if_fail (CL_IS_VIP_ROOM (self), NULL);
  return self->name;
}

void
cl_vip_room_set_name (CLVipRoom *self,
                      const char *value)
{
  g_return_if_fail (CL_IS_VIP_ROOM (self));

  if (cl_set_str (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cl_vip_room_get_location (CLVipRoom *self)
{
  g_return_val_if_fail (CL_IS_VIP_ROOM (self), NULL);
  return self->location;
}

void
cl_vip_room_set_location (CLVipRoom *self,
                          const char *value)
{
  g_return_if_fail (CL_IS_VIP_ROOM (self));

  if (cl_set_str (&self->location, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

gint
cl_vip_room_get_opens (CLVipRoom *self)
{
  g_return_val_if_fail (CL_IS_VIP_ROOM (self), 0);
  return self->opens;
}

void
cl_vip_room_set_opens (CLVipRoom *self,
                       gint value)
{
  g_return_if_fail (CL_IS_VIP_ROOM (self));

  if (self->opens != value)
    {
      self->opens = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENS]);
    }
}

gint
cl_vip_room_get_closes (CLVipRoom *self)
{
  g_return_val_if_fail (CL_IS_VIP_ROOM (self), 0);
  return self->closes;
}

void
cl_vip_room_set_closes (CLVipRoom *self,
                        gint value)
{
  g_return_if_fail (CL_IS_VIP_ROOM (self));

  if (self->closes != value)
    {
      self->closes = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSES]);
    }
}

gint
cl_vip_room_get_slot_minutes (CLVipRoom *self)
{
  g_return_val_if_fail (CL_IS_VIP_ROOM (self), 0);
  return self->slot_minutes;
}

void
cl_vip_room_set_slot_minutes (CLVipRoom *self,
                              gint value)
{
  g_return_if_fail (CL_IS_VIP_ROOM (self));

  if (self->slot_minutes != value)
    {
      self->slot_minutes = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOT_MINUTES]);
    }
}

gboolean
cl_vip_room_get_active (CLVipRoom *self)
{
  g_return_val_if_fail (CL_IS_VIP_ROOM (self), FALSE);
  return self->active;
}

void
cl_vip_room_set_active (CLVipRoom *self,
                        gboolean value)
{
  g_return_if_fail (CL_IS_VIP_ROOM (self));

  value = !!value;
  if (self->active != value)
    {
      self->active = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}

void
cl_vip_room_set_note (CLVipRoom *self,
                      const char *value)
{
  g_return_if_fail (CL_IS_VIP_ROOM (self));

  if (cl_set_str (&self->note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
