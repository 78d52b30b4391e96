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
cl_vip_room_class_init (CLVipRoomClass *klass)
{
  static const CLRecordColumn columns[N_PROPS] = {
    [PROP_NAME]         = { "name", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLVipRoom, name) },
    [PROP_LOCATION]     = { "location", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLVipRoom, location) },
    [PROP_OPENS]        = { "opens", CL_COLUMN_INT, G_STRUCT_OFFSET (CLVipRoom, opens), 480 },
    [PROP_CLOSES]       = { "closes", CL_COLUMN_INT, G_STRUCT_OFFSET (CLVipRoom, closes), 1050 },
    [PROP_SLOT_MINUTES] = { "slot-minutes", CL_COLUMN_INT, G_STRUCT_OFFSET (CLVipRoom, slot_minutes), 30 },
    [PROP_ACTIVE]       = { "active", CL_COLUMN_BOOL, G_STRUCT_OFFSET (CLVipRoom, active), 1 },
    [PROP_NOTE]         = { "note", CL_COLUMN_TEXT, G_STRUCT_OFFSET (CLVipRoom, note) },
  };

  CL_RECORD_CLASS (klass)->table_name = "vip_room";
  cl_record_class_install_columns (G_OBJECT_CLASS (klass), N_PROPS, properties, columns);
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
