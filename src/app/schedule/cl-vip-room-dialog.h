#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-vip-room.h"

G_BEGIN_DECLS

/* An administrator's settings of a VIP room: name, location, opening
 * hours, slot length, and whether it takes bookings.  Core's refusals
 * (no name, closing before opening, a slot that does not divide the
 * hours) show under their field; nothing is saved.  "saved" (const
 * char *id). */

#define CL_TYPE_VIP_ROOM_DIALOG (cl_vip_room_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLVipRoomDialog, cl_vip_room_dialog, CL, VIP_ROOM_DIALOG, AdwWindow)

/* @room NULL: a new room. */
CLVipRoomDialog *cl_vip_room_dialog_new       (GtkWindow       *parent,
                                               CLContext       *context,
                                               CLVipRoom       *room);
gboolean         cl_vip_room_dialog_save      (CLVipRoomDialog *self);

/* For tests: "name", "location", "opens", "closes", "slot" ("active"
 * is a switch); "" for the dialog's own message. */
GtkWidget       *cl_vip_room_dialog_get_field (CLVipRoomDialog *self,
                                               const char      *field);
const char      *cl_vip_room_dialog_get_error (CLVipRoomDialog *self,
                                               const char      *field);

G_END_DECLS
