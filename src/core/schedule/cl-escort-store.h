#pragma once

#include <gio/gio.h>

#include "cl-escort-task.h"
#include "cl-schedule-sheet.h"
#include "cl-schedule.h"
#include "cl-staff.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Escort tasks (issue #5) as functions on the store, like
 * cl-enrolment-store.h.
 *
 * Every change is one user action: one transaction that checks the
 * role (cl-tables.c), checks the rules against the store
 * (cl_schedule_check_task() with cl_schedule_now()), and writes the
 * task and its outbox entry.  On refusal the error is a
 * CL_SCHEDULE_ERROR (cl_schedule_error_field() names the field to show
 * it under) or a CL_STORE_ERROR, nothing is written and @task is left
 * as it was (the move and status functions change it only on
 * success).  On success @task holds what was written.
 *
 * @role is the acting user's role (cl_sync_client_get_role(), or
 * "admin" on a local store).  An escort may only change the status,
 * hand-over and note of tasks assigned to them: their staff record is
 * the one whose username is the store's actor.
 *
 * Lists are GListStore of CLEscortTask (or CLStaff), fresh on every
 * call; they hold every task that is not deleted and not cancelled
 * (no-shows and done tasks included), in start order.  "Day" is a
 * local civil day.  They are quick enough for the main thread (a week
 * of a room under 1 ms, a day of 40 escorts × 20 tasks about 12 ms on
 * the benchmark's store, see tests/bench/bench-schedule.c).  A view
 * refreshes on the store's "changed::escort_task" (and
 * "changed::staff" for the lanes), which
 * also fire for changes pulled from the server. */

/* Saves a new or edited task.  Whoever saves it, a new task starts
 * planned. */
gboolean    cl_escort_store_save          (CLStore       *store,
                                           CLEscortTask  *task,
                                           const char    *role,
                                           GError       **error);

/* Moves @task to [start_at, end_at) and to @escort_id (NULL:
 * unassigned) — drag to move or reassign. */
gboolean    cl_escort_store_move          (CLStore       *store,
                                           CLEscortTask  *task,
                                           gint64         start_at,
                                           gint64         end_at,
                                           const char    *escort_id,
                                           const char    *role,
                                           GError       **error);

/* Changes the status (CL_ESCORT_STATUS_*) if the transition is
 * allowed (cl_schedule_check_task_status()).  Marking a delivery
 * transfer done needs the hand-over: use cl_escort_store_hand_over(). */
gboolean    cl_escort_store_set_status    (CLStore       *store,
                                           CLEscortTask  *task,
                                           const char    *status,
                                           const char    *role,
                                           GError       **error);

/* cl_escort_store_set_status() to cancelled. */
gboolean    cl_escort_store_cancel        (CLStore       *store,
                                           CLEscortTask  *task,
                                           const char    *role,
                                           GError       **error);

/* Undoes cl_escort_store_cancel(): @task (as the cancel left it) goes
 * back to @status, the one it had before (planned or in progress), if
 * the escort is still free at its time; else a
 * CL_SCHEDULE_ERROR_OVERLAP that says the time was taken since. */
gboolean    cl_escort_store_restore       (CLStore       *store,
                                           CLEscortTask  *task,
                                           const char    *status,
                                           const char    *role,
                                           GError       **error);

/* Records the hand-over on the ward (ward, received by, when; @at 0:
 * now) and marks the task done; the task must be in progress.  An
 * empty ward or receiver is refused (CL_SCHEDULE_ERROR_HANDOVER). */
gboolean    cl_escort_store_hand_over     (CLStore       *store,
                                           CLEscortTask  *task,
                                           const char    *ward,
                                           const char    *received_by,
                                           gint64         at,
                                           const char    *role,
                                           GError       **error);

/* Active staff with the escort role, by display name (the lanes of the
 * day view). */
GListStore *cl_escort_store_list_escorts  (CLStore       *store);

/* The active escorts free for [start_at, end_at), by display name:
 * working then (their own hours of that day) and without a live task
 * that overlaps it other than @except_id (the task being moved).  What
 * the desk offers when the escort chosen is busy. */
GListStore *cl_escort_store_free_escorts  (CLStore       *store,
                                           gint64         start_at,
                                           gint64         end_at,
                                           const char    *except_id);

/* The live staff record with @username, or NULL (to find "me"). */
CLStaff    *cl_escort_store_find_staff    (CLStore       *store,
                                           const char    *username);

/* Tasks starting on @day, every escort and the unassigned ones. */
GListStore *cl_escort_store_tasks_of_day  (CLStore       *store,
                                           const GDate   *day);

/* Tasks of one escort starting on @day; @escort_id NULL: the
 * unassigned tasks. */
GListStore *cl_escort_store_tasks_of_escort (CLStore     *store,
                                             const GDate *day,
                                             const char  *escort_id);

/* "My tasks today": cl_escort_store_tasks_of_escort() for today
 * (cl_date_today()). */
GListStore *cl_escort_store_my_tasks_today (CLStore      *store,
                                            const char   *escort_id);

/* Number of tasks per escort per day, for @n_days days from
 * @first_day (the week view): escort id ("" for the unassigned tasks)
 * → GArray of guint, @n_days long.  Escorts without tasks are absent. */
GHashTable *cl_escort_store_count_by_day  (CLStore       *store,
                                           const GDate   *first_day,
                                           guint          n_days);

/* The printable day sheet of @day (cl-schedule-print.h): one section
 * (page) per escort with tasks, in display-name order, then the
 * unassigned tasks; only @escort_id's when it is given. */
CLScheduleSheet *cl_escort_store_day_sheet (CLStore      *store,
                                            const GDate  *day,
                                            const char   *escort_id);

G_END_DECLS
