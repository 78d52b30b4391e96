#pragma once

#include "cl-appointment.h"
#include "cl-referral.h"
#include "cl-referring-hospital.h"
#include "cl-slot-capacity.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Booking appointments and receiving referrals, at the desk and on the
 * server, with one set of rules and messages.  Reads are
 * cl-store-appoint.h's.  Every save refuses with CL_STORE_ERROR_INVALID
 * and, when @field_errors, column → message, and then writes nothing. */

/* ---- appointments ---------------------------------------------------- */

/* Every rule of @appointment against the store and the clock
 * (cl_schedule_now()): its own, the change from the stored version,
 * the department, the patient and the referral it names, no second
 * live booking of hers in the same department and slot, and the slot's
 * capacity: a booking that takes a place in a full slot needs an
 * overbook reason, unless it is a community referral's.  Run inside
 * the write transaction (the desk's save, the server's push), so a
 * place another desk took a moment ago counts. */
void     cl_appoint_store_validate_appointment (CLStore       *store,
                                                CLAppointment *appointment,
                                                GHashTable    *errors);

/* Judges and writes @appointment in one transaction, for @role; a new
 * one is stamped booked at now by @actor_id. */
gboolean cl_appoint_store_save_appointment     (CLStore        *store,
                                                CLAppointment  *appointment,
                                                const char     *role,
                                                const char     *actor_id,
                                                GHashTable    **field_errors,
                                                GError        **error);

/* Books @appointment for @referral (source "referral") and records it
 * as the referral's appointment, both in one transaction. */
gboolean cl_appoint_store_book_referral        (CLStore        *store,
                                                CLAppointment  *appointment,
                                                CLReferral     *referral,
                                                const char     *role,
                                                const char     *actor_id,
                                                GHashTable    **field_errors,
                                                GError        **error);

/* Moves a booked @appointment to arrived, no_show or cancelled (with
 * @reason) now, by @actor_id.  On a refusal @appointment is left as it
 * was. */
gboolean cl_appoint_store_set_state            (CLStore        *store,
                                                CLAppointment  *appointment,
                                                const char     *state,
                                                const char     *reason,
                                                const char     *role,
                                                const char     *actor_id,
                                                GHashTable    **field_errors,
                                                GError        **error);

/* How many places of @department_id's @slot on @date are taken, and
 * how many there are (-1: no limit). */
void     cl_appoint_store_slot_usage           (CLStore       *store,
                                                const char    *department_id,
                                                const char    *date,
                                                const char    *slot,
                                                guint         *used,
                                                gint          *places);

/* A line of a day's appointments: the booking, her name and effective
 * priority flags ("" when none). */
typedef struct
{
  CLAppointment *appointment;
  char          *patient_name;
  char          *flags;
} CLAppointmentRow;

void     cl_appointment_row_free               (CLAppointmentRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLAppointmentRow, cl_appointment_row_free)

/* The appointments of @date in @department_id (NULL: all) as
 * CLAppointmentRows, in the order the desk works them: by slot, then
 * referred patients, then flagged ones (flags judged on @today), then
 * by booking time; cancelled ones last in their slot. */
GPtrArray *cl_appoint_store_day                (CLStore       *store,
                                                const char    *date,
                                                const char    *department_id,
                                                const GDate   *today);

/* ---- the administrator's settings ------------------------------------ */

void     cl_appoint_store_validate_capacity    (CLStore        *store,
                                                CLSlotCapacity *capacity,
                                                GHashTable     *errors);
gboolean cl_appoint_store_save_capacity        (CLStore        *store,
                                                CLSlotCapacity *capacity,
                                                const char     *role,
                                                GHashTable    **field_errors,
                                                GError        **error);
void     cl_appoint_store_validate_hospital    (CLStore             *store,
                                                CLReferringHospital *hospital,
                                                GHashTable          *errors);
gboolean cl_appoint_store_save_hospital        (CLStore              *store,
                                                CLReferringHospital  *hospital,
                                                const char           *role,
                                                GHashTable          **field_errors,
                                                GError              **error);

/* ---- referrals ------------------------------------------------------- */

/* Its own rules, and the patient, hospital, department and appointment
 * it names. */
void     cl_appoint_store_validate_referral    (CLStore        *store,
                                                CLReferral     *referral,
                                                GHashTable     *errors);
gboolean cl_appoint_store_save_referral        (CLStore        *store,
                                                CLReferral     *referral,
                                                const char     *role,
                                                GHashTable    **field_errors,
                                                GError        **error);

/* A line of the Referrals list. */
typedef struct
{
  CLReferral    *referral;
  CLAppointment *appointment;     /* the live one made for it, or NULL */
  char          *patient_name;
  char          *flags;
  char          *hospital_name;
  char          *department_name;
  gint64         waiting;         /* seconds (cl_referral_waiting()) */
} CLReferralRow;

void     cl_referral_row_free                  (CLReferralRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLReferralRow, cl_referral_row_free)

/* The referrals (open ones only when @open_only) as CLReferralRows in
 * cl_referral_compare()'s order, waiting times at @now. */
GPtrArray *cl_appoint_store_referrals          (CLStore       *store,
                                                gboolean       open_only,
                                                gint64         now,
                                                const GDate   *today);

G_END_DECLS
