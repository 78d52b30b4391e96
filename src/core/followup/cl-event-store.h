#pragma once

#include "cl-event-registration.h"
#include "cl-health-event.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Health events and their registrations: the capacity, the waiting
 * list and its order, for the desk and (through cl-tables.c's hooks)
 * the server alike.  Each write refuses with CL_STORE_ERROR_INVALID (a
 * role that may not write the table, or a rule broken; then, when
 * @field_errors, column → message) and writes nothing. */

/* An event's rules: its own (cl_health_event_validate()) and a
 * capacity no less than those already registered.  Adds to @errors. */
void     cl_event_store_validate_event        (CLStore             *store,
                                               CLHealthEvent       *event,
                                               GHashTable          *errors);

/* Saves @event; a capacity raised lets the first waiters in, in the
 * same transaction. */
gboolean cl_event_store_save_event            (CLStore             *store,
                                               CLHealthEvent       *event,
                                               const char          *role,
                                               GHashTable         **field_errors,
                                               GError             **error);

/* A registration's rules: its own (cl_event_registration_validate()),
 * an event that exists, once per patient and event, a new registration
 * only for an event not yet over, and a place taken (registered, from
 * a new registration or from the waiting list) only while one is free
 * and nobody registered earlier is waiting.  Adds to @errors. */
void     cl_event_store_validate_registration (CLStore             *store,
                                               CLEventRegistration *registration,
                                               GHashTable          *errors);

/* Saves @registration as it is (attendance, for one). */
gboolean cl_event_store_save_registration     (CLStore             *store,
                                               CLEventRegistration *registration,
                                               const char          *role,
                                               GHashTable         **field_errors,
                                               GError             **error);

/* Registers @patient_id for @event_id now, by the store's actor: a
 * place while one is free and nobody waits, else the end of the
 * waiting list. */
CLEventRegistration *cl_event_store_register  (CLStore             *store,
                                               const char          *event_id,
                                               const char          *patient_id,
                                               const char          *role,
                                               GError             **error);

/* Cancels @registration and, in the same transaction, gives a place it
 * freed to the first on the waiting list; *@promoted (may be NULL) is
 * set to her registration, else NULL. */
gboolean cl_event_store_cancel                (CLStore              *store,
                                               CLEventRegistration  *registration,
                                               const char           *role,
                                               CLEventRegistration **promoted,
                                               GError              **error);

/* Records whether a registered patient attended. */
gboolean cl_event_store_set_attended          (CLStore             *store,
                                               CLEventRegistration *registration,
                                               gboolean             attended,
                                               const char          *role,
                                               GError             **error);

/* How many hold a place, and how many wait, of @registrations (an
 * event's, cl_store_event_registrations()). */
void     cl_event_store_count                 (GPtrArray           *registrations,
                                               guint               *registered,
                                               guint               *waiting);

G_END_DECLS
