#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* An appointment the service desk books for someone (table
 * appointment), synced: a clinic visit, an examination or an admission
 * in a department, on a date, in a half-day slot.  Any patient, not
 * only the maternity roster's.  The words of kind, slot, source and
 * state are cl_appointment_*s()'s.
 *
 * booked → arrived | no_show | cancelled (with a reason); those three
 * are final.  A booking past the slot's capacity (CLSlotCapacity) gives
 * an overbook reason; a community referral's (source "referral",
 * naming the referral) never needs one: referred patients are booked
 * ahead of others. */
#define CL_TYPE_APPOINTMENT (cl_appointment_get_type ())
G_DECLARE_FINAL_TYPE (CLAppointment, cl_appointment, CL, APPOINTMENT, CLRecord)

/* The day's slots: the clinics' half days.  A desk books "this
 * morning" or "Tuesday afternoon"; the clinic calls them in by
 * number. */
#define CL_SLOT_AM "am"        /* 08:00–12:00 */
#define CL_SLOT_PM "pm"        /* 14:00–17:30 */

#define CL_APPOINTMENT_BOOKED    "booked"
#define CL_APPOINTMENT_ARRIVED   "arrived"
#define CL_APPOINTMENT_NO_SHOW   "no_show"
#define CL_APPOINTMENT_CANCELLED "cancelled"

#define CL_APPOINTMENT_SOURCE_REFERRAL "referral"

/* NULL-terminated words. */
const char * const *cl_appointment_kinds   (void);  /* clinic, examination, admission */
const char * const *cl_appointment_slots   (void);  /* am, pm */
const char * const *cl_appointment_sources (void);  /* hotline, counter, web, wechat, kiosk, referral */
const char * const *cl_appointment_states  (void);  /* booked, arrived, no_show, cancelled */

/* What a person reads (translated); the word itself when unknown. */
const char *cl_appointment_kind_label   (const char *kind);
const char *cl_appointment_slot_label   (const char *slot);   /* "Morning 08:00–12:00" */
const char *cl_appointment_slot_name    (const char *slot);   /* "Morning" */
const char *cl_appointment_source_label (const char *source);
const char *cl_appointment_state_label  (const char *state);

/* Minutes after midnight the slot starts and ends; FALSE for an
 * unknown slot. */
gboolean    cl_appointment_slot_minutes (const char *slot,
                                         gint       *start,
                                         gint       *end);

CLAppointment *cl_appointment_new (void);

const char *cl_appointment_get_patient_id      (CLAppointment *self);
void        cl_appointment_set_patient_id      (CLAppointment *self, const char *value);
const char *cl_appointment_get_kind            (CLAppointment *self);
void        cl_appointment_set_kind            (CLAppointment *self, const char *value);
const char *cl_appointment_get_department_id   (CLAppointment *self);
void        cl_appointment_set_department_id   (CLAppointment *self, const char *value);
/* ISO civil date */
const char *cl_appointment_get_date            (CLAppointment *self);
void        cl_appointment_set_date            (CLAppointment *self, const char *value);
const char *cl_appointment_get_slot            (CLAppointment *self);
void        cl_appointment_set_slot            (CLAppointment *self, const char *value);
const char *cl_appointment_get_source          (CLAppointment *self);
void        cl_appointment_set_source          (CLAppointment *self, const char *value);
const char *cl_appointment_get_state           (CLAppointment *self);
void        cl_appointment_set_state           (CLAppointment *self, const char *value);
const char *cl_appointment_get_cancel_reason   (CLAppointment *self);
void        cl_appointment_set_cancel_reason   (CLAppointment *self, const char *value);
const char *cl_appointment_get_overbook_reason (CLAppointment *self);
void        cl_appointment_set_overbook_reason (CLAppointment *self, const char *value);
/* The referral this booking answers (source "referral"), or NULL. */
const char *cl_appointment_get_referral_id     (CLAppointment *self);
void        cl_appointment_set_referral_id     (CLAppointment *self, const char *value);
/* Who booked it (a staff id, or a user name) and when (UTC seconds). */
const char *cl_appointment_get_booked_by       (CLAppointment *self);
void        cl_appointment_set_booked_by       (CLAppointment *self, const char *value);
gint64      cl_appointment_get_booked_at       (CLAppointment *self);
void        cl_appointment_set_booked_at       (CLAppointment *self, gint64 value);
/* When it left "booked" (arrived, no-show, cancelled), and by whom. */
gint64      cl_appointment_get_state_at        (CLAppointment *self);
void        cl_appointment_set_state_at        (CLAppointment *self, gint64 value);
const char *cl_appointment_get_state_by        (CLAppointment *self);
void        cl_appointment_set_state_by        (CLAppointment *self, const char *value);

/* Not cancelled and not deleted: it holds a place in its slot. */
gboolean    cl_appointment_holds_place         (CLAppointment *self);
gboolean    cl_appointment_is_referral         (CLAppointment *self);
/* UTC seconds of the start of its slot, 0 when the date or slot is
 * not valid. */
gint64      cl_appointment_get_start           (CLAppointment *self);

/* The record's own rules, column → translated message; empty when
 * valid. */
GHashTable *cl_appointment_validate            (CLAppointment *self);

/* The rules of a change of @current (NULL: new) into @incoming at
 * @now: a new booking is booked and not for a past day; a final state
 * stays; arrived and no-show are recorded on the day or later; a move
 * is not into the past; she stays the same patient.  Adds column →
 * translated message to @errors. */
void        cl_appointment_check_change        (CLAppointment *incoming,
                                                CLAppointment *current,
                                                gint64         now,
                                                GHashTable    *errors);

G_END_DECLS
