#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A booking of a VIP room (issue #5) for a patient.  Table vip_booking.
 * The rules (no overlap per room, opening hours, slot grid…) are in
 * cl-schedule.h; save through cl-vip-store.h, never directly. */

#define CL_TYPE_VIP_BOOKING (cl_vip_booking_get_type ())
G_DECLARE_FINAL_TYPE (CLVipBooking, cl_vip_booking, CL, VIP_BOOKING, CLRecord)

CLVipBooking *cl_vip_booking_new (void);

/* the room (vip_room.id) */
const char *cl_vip_booking_get_room_id    (CLVipBooking *self);
void        cl_vip_booking_set_room_id    (CLVipBooking *self,
                                           const char *  value);

/* the patient (patient.id) */
const char *cl_vip_booking_get_patient_id (CLVipBooking *self);
void        cl_vip_booking_set_patient_id (CLVipBooking *self,
                                           const char *  value);

/* CL_VIP_PURPOSE_* */
const char *cl_vip_booking_get_purpose    (CLVipBooking *self);
void        cl_vip_booking_set_purpose    (CLVipBooking *self,
                                           const char *  value);

/* start, UTC seconds, on the room's slot grid */
gint64      cl_vip_booking_get_start_at   (CLVipBooking *self);
void        cl_vip_booking_set_start_at   (CLVipBooking *self,
                                           gint64        value);

/* end, UTC seconds (half-open: [start_at, end_at)) */
gint64      cl_vip_booking_get_end_at     (CLVipBooking *self);
void        cl_vip_booking_set_end_at     (CLVipBooking *self,
                                           gint64        value);

/* user name of who booked (the store's actor when left empty) */
const char *cl_vip_booking_get_booked_by  (CLVipBooking *self);
void        cl_vip_booking_set_booked_by  (CLVipBooking *self,
                                           const char *  value);

/* free text */
const char *cl_vip_booking_get_note       (CLVipBooking *self);
void        cl_vip_booking_set_note       (CLVipBooking *self,
                                           const char *  value);

/* why she was booked past her package's VIP room visits
 * (cl-package-usage.h); NULL within them */
const char *cl_vip_booking_get_over_reason (CLVipBooking *self);
void        cl_vip_booking_set_over_reason (CLVipBooking *self,
                                            const char *  value);

/* CL_VIP_STATUS_*; new bookings are booked */
const char *cl_vip_booking_get_status     (CLVipBooking *self);
void        cl_vip_booking_set_status     (CLVipBooking *self,
                                           const char *  value);

#define CL_VIP_PURPOSE_CONSULTATION  "consultation"
#define CL_VIP_PURPOSE_COUNSELLING   "counselling"
#define CL_VIP_PURPOSE_COURSE        "course"
#define CL_VIP_PURPOSE_SALON         "salon"

/* booked → checked-in → done; booked → cancelled
 * (cl_schedule_check_booking_status()). */
#define CL_VIP_STATUS_BOOKED       "booked"
#define CL_VIP_STATUS_CHECKED_IN   "checked-in"
#define CL_VIP_STATUS_DONE         "done"
#define CL_VIP_STATUS_CANCELLED    "cancelled"

/* In display order, NULL-terminated. */
const char * const *cl_vip_booking_purposes      (void);
const char * const *cl_vip_booking_statuses      (void);
/* Translated labels; NULL for an unknown value. */
const char         *cl_vip_booking_purpose_label (const char   *purpose);
const char         *cl_vip_booking_status_label  (const char   *status);

/* Does the booking hold its room: not deleted and not cancelled. */
gboolean            cl_vip_booking_is_live       (CLVipBooking *self);

/* What may happen next (the rule that refuses the rest is
 * cl_schedule_check_booking_status()): a booking still "booked" may be
 * checked in, moved, edited or cancelled; one "checked-in" may be
 * marked done. */
gboolean            cl_vip_booking_is_pending    (CLVipBooking *self);
gboolean            cl_vip_booking_is_in_room    (CLVipBooking *self);
/* May it be checked in at @now: still booked, and its day has come
 * (cl_schedule_check_check_in(): a booking days away is not checked
 * in early, so the desk does not offer it). */
gboolean            cl_vip_booking_may_check_in  (CLVipBooking *self,
                                                  gint64        now);

G_END_DECLS
