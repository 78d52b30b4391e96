#pragma once

#include "cl-appointment.h"
#include "cl-referral.h"
#include "cl-referring-hospital.h"
#include "cl-slot-capacity.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Appointments' and referrals' reads (cl-store-appoint.c).  The rules
 * over them are in src/core/appoint/. */

/* The live CLSlotCapacity rows, by department, slot, weekday. */
GPtrArray *cl_store_slot_capacities        (CLStore    *store);
/* The places of @department_id's @slot on @weekday (1–7): the row for
 * that weekday, else the every-day row; -1 when neither (no limit). */
gint       cl_store_slot_places            (CLStore    *store,
                                            const char *department_id,
                                            const char *slot,
                                            gint        weekday);
/* The id of another live row for the same department, slot and
 * weekday than @except_id, or NULL. */
char      *cl_store_slot_capacity_clash    (CLStore    *store,
                                            const char *department_id,
                                            const char *slot,
                                            gint        weekday,
                                            const char *except_id);

/* The CLAppointments holding a place (not cancelled, not deleted) of
 * @department_id on @date in @slot, @except_id left out. */
GPtrArray *cl_store_appointments_in_slot   (CLStore    *store,
                                            const char *department_id,
                                            const char *date,
                                            const char *slot,
                                            const char *except_id);
/* Every live CLAppointment on @date, of @department_id (NULL: all),
 * by slot and booking time. */
GPtrArray *cl_store_appointments_on        (CLStore    *store,
                                            const char *date,
                                            const char *department_id);

/* The live referring hospitals, the active ones only when
 * @active_only, by name. */
GPtrArray *cl_store_referring_hospitals    (CLStore    *store,
                                            gboolean    active_only);
char      *cl_store_referring_hospital_named (CLStore    *store,
                                              const char *name,
                                              const char *except_id);

/* The live referrals, only the open ones when @open_only, oldest
 * received first. */
GPtrArray *cl_store_referrals              (CLStore    *store,
                                            gboolean    open_only);

G_END_DECLS
