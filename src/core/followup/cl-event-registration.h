#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A patient's registration for a health event (table
 * event_registration): registered (holding a place), waitlisted (in the
 * order of registered_at, then id) or cancelled; who registered her and
 * when (UTC seconds), and whether she attended. */
#define CL_TYPE_EVENT_REGISTRATION (cl_event_registration_get_type ())
G_DECLARE_FINAL_TYPE (CLEventRegistration, cl_event_registration, CL, EVENT_REGISTRATION, CLRecord)

CLEventRegistration *cl_event_registration_new (void);

const char *cl_event_registration_get_event_id (CLEventRegistration *self);
void        cl_event_registration_set_event_id (CLEventRegistration *self, const char *value);
const char *cl_event_registration_get_patient_id (CLEventRegistration *self);
void        cl_event_registration_set_patient_id (CLEventRegistration *self, const char *value);
const char *cl_event_registration_get_state (CLEventRegistration *self);
void        cl_event_registration_set_state (CLEventRegistration *self, const char *value);
const char *cl_event_registration_get_registered_by (CLEventRegistration *self);
void        cl_event_registration_set_registered_by (CLEventRegistration *self, const char *value);
gint64      cl_event_registration_get_registered_at (CLEventRegistration *self);
void        cl_event_registration_set_registered_at (CLEventRegistration *self, gint64 value);
gboolean    cl_event_registration_get_attended (CLEventRegistration *self);
void        cl_event_registration_set_attended (CLEventRegistration *self, gboolean value);

/* A registration's states, as stored. */
#define CL_REGISTRATION_REGISTERED "registered"
#define CL_REGISTRATION_WAITLISTED "waitlisted"
#define CL_REGISTRATION_CANCELLED  "cancelled"

gboolean    cl_event_registration_is_registered (CLEventRegistration *self);
gboolean    cl_event_registration_is_waitlisted (CLEventRegistration *self);
/* Registered or waitlisted: she still counts for the event. */
gboolean    cl_event_registration_is_live       (CLEventRegistration *self);

/* What a person reads for a state word (translated). */
const char *cl_event_registration_state_label   (const char *state);

/* Waiting-list order: who registered first, then the id (two desks may
 * register in the same second), as a GCompareFunc over pointers to
 * registrations (a GPtrArray's). */
gint        cl_event_registration_compare       (gconstpointer a,
                                                 gconstpointer b);

/* The registration's own rules, column → translated message; empty
 * when valid.  The event's capacity and the waiting list's order are
 * cl_event_store_validate_registration()'s. */
GHashTable *cl_event_registration_validate      (CLEventRegistration *self);

G_END_DECLS
