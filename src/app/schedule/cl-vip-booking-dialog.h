#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-vip-booking.h"

G_BEGIN_DECLS

/* New or edit a VIP room booking: patient, room, purpose, day, start,
 * end, note.  What core refuses (end before start, outside opening
 * hours, in the past, over another booking…) is shown under the field
 * it is about, and nothing is saved.  "saved" (const char *id). */

#define CL_TYPE_VIP_BOOKING_DIALOG (cl_vip_booking_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLVipBookingDialog, cl_vip_booking_dialog, CL, VIP_BOOKING_DIALOG, AdwWindow)

/* @booking NULL: a new booking in @room_id over [start_at, end_at)
 * (0: the next free hour is not guessed, the fields stay empty). */
CLVipBookingDialog *cl_vip_booking_dialog_new (GtkWindow    *parent,
                                               CLContext    *context,
                                               CLVipBooking *booking,
                                               const char   *room_id,
                                               gint64        start_at,
                                               gint64        end_at);

gboolean     cl_vip_booking_dialog_save        (CLVipBookingDialog *self);

/* For tests: the field called "patient", "room", "purpose", "day",
 * "start", "end" or "note" (the patient's is the search entry), and
 * its message or, for "", the dialog's own; NULL when none. */
GtkWidget   *cl_vip_booking_dialog_get_field   (CLVipBookingDialog *self,
                                                const char         *field);
const char  *cl_vip_booking_dialog_get_error   (CLVipBookingDialog *self,
                                                const char         *field);

G_END_DECLS
