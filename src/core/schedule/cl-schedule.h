#pragma once

#include "cl-escort-task.h"
#include "cl-staff.h"
#include "cl-store.h"
#include "cl-vip-booking.h"
#include "cl-vip-room.h"

G_BEGIN_DECLS

/* Nothing in the schedule lasts longer (cl_schedule_check_interval()):
 * the store's overlap lookups rely on it. */
#define CL_SCHEDULE_DAY_SECONDS (24 * 60 * 60)

/* The rules of the escort schedule and the VIP room calendar (issue
 * #5), in one place for the desk (cl-escort-store.h, cl-vip-store.h)
 * and the server (cl_schedule_check_change(), called inside the write
 * transaction of a pushed change).
 *
 * Time.  Instants are UTC seconds; days, working hours and opening
 * hours are local (GTimeZone local: the hospital's zone, TZ).  An
 * interval [start, end) is half-open: one that ends at 10:00 and one
 * that starts at 10:00 touch and do not overlap; a one-minute overlap
 * is an overlap.
 *
 * Every refusal is a CL_SCHEDULE_ERROR with a translated message that
 * says what is wrong; cl_schedule_error_field() names the column the
 * UI should show it under. */

#define CL_SCHEDULE_ERROR (cl_schedule_error_quark ())

typedef enum
{
  CL_SCHEDULE_ERROR_PATIENT,             /* patient_id: none, unknown or deleted */
  CL_SCHEDULE_ERROR_ESCORT,              /* escort_id: not an active staff member with the escort role */
  CL_SCHEDULE_ERROR_ROOM,                /* room_id: none, unknown, deleted or closed for bookings */
  CL_SCHEDULE_ERROR_KIND,                /* kind: not a CL_ESCORT_KIND_* */
  CL_SCHEDULE_ERROR_PURPOSE,             /* purpose: not a CL_VIP_PURPOSE_* */
  CL_SCHEDULE_ERROR_NO_START,            /* start_at: not given */
  CL_SCHEDULE_ERROR_END_BEFORE_START,    /* end_at: not after the start */
  CL_SCHEDULE_ERROR_TOO_LONG,            /* end_at: longer than a day */
  CL_SCHEDULE_ERROR_PAST,                /* start_at: before now */
  CL_SCHEDULE_ERROR_START_OUTSIDE_HOURS, /* start_at: outside working / opening hours */
  CL_SCHEDULE_ERROR_END_OUTSIDE_HOURS,   /* end_at: outside working / opening hours */
  CL_SCHEDULE_ERROR_START_OFF_SLOT,      /* start_at: not on the room's slot grid */
  CL_SCHEDULE_ERROR_END_OFF_SLOT,        /* end_at: not on the room's slot grid */
  CL_SCHEDULE_ERROR_OVERLAP,             /* start_at: overlaps a live task of the escort / booking of the room */
  CL_SCHEDULE_ERROR_STATUS,              /* status: unknown, or a change the status may not make */
  CL_SCHEDULE_ERROR_LOCKED,              /* start_at: only a planned task / booked booking can be moved */
  CL_SCHEDULE_ERROR_HANDOVER,            /* handover_to: a transfer is done only when handed over */
  CL_SCHEDULE_ERROR_FORBIDDEN,           /* (no field): the role may not make this change */
  CL_SCHEDULE_ERROR_ROOM_NAME,           /* name: a room needs a name */
  CL_SCHEDULE_ERROR_ROOM_HOURS,          /* closes: not after opens, or outside the day */
  CL_SCHEDULE_ERROR_ROOM_SLOT,           /* slot_minutes: 5–240 and dividing the opening hours */
  CL_SCHEDULE_ERROR_OVER_ALLOWANCE,      /* over_reason: her package's allowance is taken; say why one more */
} ClScheduleError;

GQuark      cl_schedule_error_quark     (void);

/* The column a CL_SCHEDULE_ERROR is about ("start_at", "escort_id"…),
 * or NULL for another error or one about no single field. */
const char *cl_schedule_error_field     (const GError *error);

/* ---- time ---------------------------------------------------------- */

/* Working hours of escorts who have not set their own:
 * 07:30–17:30, as minutes after local midnight. */
#define CL_ESCORT_DAY_OPENS   CL_STAFF_DAY_OPENS
#define CL_ESCORT_DAY_CLOSES  CL_STAFF_DAY_CLOSES

/* Core's "now", UTC seconds.  CARELINE_NOW (ISO 8601 date and time,
 * "2026-11-23T09:15:00" local or with a zone, or UTC seconds) if set;
 * else, if CARELINE_TODAY is set (cl_date_today()), that day at the
 * current local time of day; else the clock.  Tests set CARELINE_NOW
 * to make "in the past" reproducible. */
gint64      cl_schedule_now             (void);

/* UTC seconds of local time @minutes after midnight on @day (may be
 * 1440 for the next midnight). */
gint64      cl_schedule_at              (const GDate  *day,
                                         gint          minutes);
/* UTC seconds of local midnight starting @day. */
gint64      cl_schedule_day_start       (const GDate  *day);
/* The local civil day of @instant. */
void        cl_schedule_day_of          (gint64        instant,
                                         GDate        *out);
/* Minutes after local midnight of @instant (0–1439; seconds dropped). */
gint        cl_schedule_minutes_of_day  (gint64        instant);
/* "HH:MM", local. */
char       *cl_schedule_format_time     (gint64        instant);
/* "HH:MM–HH:MM", local. */
char       *cl_schedule_format_interval (gint64        start_at,
                                         gint64        end_at);

/* Do the half-open intervals [a_start, a_end) and [b_start, b_end)
 * share any time?  Touching intervals do not. */
gboolean    cl_schedule_overlaps        (gint64        a_start,
                                         gint64        a_end,
                                         gint64        b_start,
                                         gint64        b_end);

/* Working hours of @escort_id on @day, minutes after local midnight:
 * her shifts on the duty roster that day where it has any
 * (cl_duty_store_hours_of()), else the person's own for that weekday
 * (cl_staff_get_day_hours()), else
 * CL_ESCORT_DAY_OPENS–CL_ESCORT_DAY_CLOSES; both 0 on a day off. */
void        cl_schedule_escort_hours    (CLStore      *store,
                                         const char   *escort_id,
                                         const GDate  *day,
                                         gint         *opens,
                                         gint         *closes);

/* The times a form offers, minutes after local midnight, on the grid
 * @opens + k × @step inside [@opens, @closes]: as starts (@opens up to
 * the last one a step before @closes) or as ends (a step after @opens
 * up to @closes).  Empty on a day off (@opens == @closes).  A VIP
 * room's grid is its slot; escorts plan by CL_ESCORT_STEP_MINUTES. */
#define CL_ESCORT_STEP_MINUTES 15
GArray     *cl_schedule_time_choices    (gint          opens,
                                         gint          closes,
                                         gint          step,
                                         gboolean      ends);
/* cl_schedule_time_choices() of @room's opening hours and slot. */
GArray     *cl_schedule_room_times      (CLVipRoom    *room,
                                         gboolean      ends);
/* Of @escort_id's working hours on @day (NULL: an unassigned task). */
GArray     *cl_schedule_escort_times    (CLStore      *store,
                                         const char   *escort_id,
                                         const GDate  *day,
                                         gboolean      ends);

/* ---- single rules (no store; table-driven tests) ------------------- */

/* A start is given, the end is after it, and it lasts at most a day. */
gboolean    cl_schedule_check_interval  (gint64        start_at,
                                         gint64        end_at,
                                         GError      **error);
/* Not before @now. */
gboolean    cl_schedule_check_not_past  (gint64        start_at,
                                         gint64        now,
                                         GError      **error);
/* Start and end on one local day, inside [@opens, @closes] (minutes
 * after local midnight).  @room: the message speaks of the room's
 * opening hours rather than working hours. */
gboolean    cl_schedule_check_hours     (gint64        start_at,
                                         gint64        end_at,
                                         gint          opens,
                                         gint          closes,
                                         gboolean      room,
                                         GError      **error);
/* Start and end on the grid opens + k × @slot_minutes. */
gboolean    cl_schedule_check_slots     (gint64        start_at,
                                         gint64        end_at,
                                         gint          opens,
                                         gint          slot_minutes,
                                         GError      **error);
/* May a task go from @from to @to?  @from NULL: a new task, which
 * starts planned.  The same status is always allowed.  A cancelled
 * task may be restored (undo) to planned or in progress, the statuses
 * it can be cancelled from; cl_schedule_check_task() then checks that
 * its time is still free. */
gboolean    cl_schedule_check_task_status    (const char *from,
                                              const char *to,
                                              GError    **error);
/* Likewise for bookings: booked → checked-in → done, booked → cancelled,
 * and cancelled → booked (restored, if the slot is still free). */
gboolean    cl_schedule_check_booking_status (const char *from,
                                              const char *to,
                                              GError    **error);
/* A booking is checked in from the local day of its start (@start_at)
 * on, never days before it. */
gboolean    cl_schedule_check_check_in  (gint64        start_at,
                                         gint64        now,
                                         GError      **error);
/* A room's configuration: a name, opens < closes within the day, a
 * slot of 5–240 minutes that divides the opening hours. */
gboolean    cl_schedule_check_room      (CLVipRoom    *room,
                                         GError      **error);

/* ---- rules against a store ----------------------------------------- */

typedef enum
{
  CL_SCHEDULE_CHECK_ALL    = 0,
  /* The server, inside the write transaction of a pushed change: every
   * rule the desk applies (the patient, the escort's role and working
   * hours, the room active, its opening hours and grid…), but "not in
   * the past" only for a new entry: a move made at a desk while it was
   * offline may reach the server after its time. */
  CL_SCHEDULE_CHECK_SERVER = 1 << 0,
} ClScheduleCheckFlags;

/* The live task of @escort_id that overlaps [start_at, end_at), other
 * than @except_id (the task being moved), or NULL.  On a store
 * failure NULL and @error. */
CLEscortTask *cl_schedule_find_task_overlap    (CLStore     *store,
                                                const char  *escort_id,
                                                gint64       start_at,
                                                gint64       end_at,
                                                const char  *except_id,
                                                GError     **error);
/* The live booking of @room_id that overlaps, other than @except_id. */
CLVipBooking *cl_schedule_find_booking_overlap (CLStore     *store,
                                                const char  *room_id,
                                                gint64       start_at,
                                                gint64       end_at,
                                                const char  *except_id,
                                                GError     **error);

/* All the rules for saving @task, whose stored version (NULL for a new
 * task) is @stored: patient, kind, escort (staff with the escort role),
 * interval, not in the past, working hours, status change, a moved
 * task still planned, hand-over of a done transfer, and no overlap
 * with the escort's other live tasks (also when a cancelled task is
 * restored, with a message that says so).  The rules about the time, the
 * patient, the kind and the escort apply only to what changed, so an
 * escort can still mark this morning's task done in the afternoon.  On an overlap
 * @conflict (if given) receives the other task. */
gboolean    cl_schedule_check_task      (CLStore              *store,
                                         CLEscortTask         *task,
                                         CLEscortTask         *stored,
                                         gint64                now,
                                         ClScheduleCheckFlags  flags,
                                         CLEscortTask        **conflict,
                                         GError              **error);
/* Likewise for a booking: patient, room (active), purpose, interval,
 * not in the past, opening hours, slot grid, status change, and no
 * overlap with the room's other live bookings (also when a cancelled
 * booking is restored).  The room is needed
 * only for a new or moved booking: one of a room closed or removed
 * since can still be checked in, done or cancelled. */
gboolean    cl_schedule_check_booking   (CLStore              *store,
                                         CLVipBooking         *booking,
                                         CLVipBooking         *stored,
                                         gint64                now,
                                         ClScheduleCheckFlags  flags,
                                         CLVipBooking        **conflict,
                                         GError              **error);

/* What an escort may change on a task: only the status, hand-over and
 * note of a task assigned to them (@escort_id is their staff id). */
gboolean    cl_schedule_check_escort_edit (CLEscortTask *task,
                                           CLEscortTask *stored,
                                           const char   *escort_id,
                                           GError      **error);

/* The server's invariant hook (cl-tables.c), inside the transaction of
 * a pushed change of @incoming over @current (NULL if new) by
 * @username with @role: cl_schedule_check_task() /
 * cl_schedule_check_booking() with CL_SCHEDULE_CHECK_SERVER at
 * cl_schedule_now(), and the
 * escort's limits.  On CL_SCHEDULE_ERROR_OVERLAP @conflict receives
 * the server's conflicting record. */
gboolean    cl_schedule_check_change    (CLStore      *store,
                                         CLRecord     *incoming,
                                         CLRecord     *current,
                                         const char   *username,
                                         const char   *role,
                                         CLRecord    **conflict,
                                         GError      **error);

/* Names of the patients of @items (CLEscortTask or CLVipBooking), as
 * patient id → full name, in one query. */
GHashTable *cl_schedule_patient_names   (CLStore      *store,
                                         GListModel   *items);

/* The priority flags on @on (cl_patient_effective_flags()) of the
 * patients of @items that have any, as patient id → flags. */
GHashTable *cl_schedule_patient_flags   (CLStore      *store,
                                         GListModel   *items,
                                         const GDate  *on);

/* Sorts @tasks (CLEscortTask) with her flags in @flags (from
 * cl_schedule_patient_flags()) first, then by start: the escort view
 * lists flagged patients first, as the desk's searches do. */
void        cl_schedule_sort_flagged_first (GListStore *tasks,
                                            GHashTable *flags);

G_END_DECLS
