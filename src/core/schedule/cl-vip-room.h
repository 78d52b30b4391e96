#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A VIP consultation room (VIP诊间, issue #5): opening hours as minutes
 * after local midnight, bookable in slots of slot_minutes from the
 * opening time.  Table vip_room; configured by an administrator
 * (cl_vip_store_save_room()). */

#define CL_TYPE_VIP_ROOM (cl_vip_room_get_type ())
G_DECLARE_FINAL_TYPE (CLVipRoom, cl_vip_room, CL, VIP_ROOM, CLRecord)

CLVipRoom *cl_vip_room_new (void);

/* shown name, e.g. VIP 诊室 1 */
const char *cl_vip_room_get_name         (CLVipRoom *self);
void        cl_vip_room_set_name         (CLVipRoom *self,
                                          const char *value);

/* where it is, e.g. 门诊楼 3 层 302 */
const char *cl_vip_room_get_location     (CLVipRoom *self);
void        cl_vip_room_set_location     (CLVipRoom *self,
                                          const char *value);

/* opening time, minutes after local midnight (08:00 → 480) */
gint        cl_vip_room_get_opens        (CLVipRoom *self);
void        cl_vip_room_set_opens        (CLVipRoom *self,
                                          gint       value);

/* closing time, minutes after local midnight (17:30 → 1050) */
gint        cl_vip_room_get_closes       (CLVipRoom *self);
void        cl_vip_room_set_closes       (CLVipRoom *self,
                                          gint       value);

/* booking grid, minutes (default 30); bookings start and end on it */
gint        cl_vip_room_get_slot_minutes (CLVipRoom *self);
void        cl_vip_room_set_slot_minutes (CLVipRoom *self,
                                          gint       value);

/* FALSE: kept for history, no new bookings */
gboolean    cl_vip_room_get_active       (CLVipRoom *self);
void        cl_vip_room_set_active       (CLVipRoom *self,
                                          gboolean   value);

/* free text */
void        cl_vip_room_set_note         (CLVipRoom *self,
                                          const char *value);

G_END_DECLS
