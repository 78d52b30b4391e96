#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* An escort task (专属陪诊, issue #5): an escort accompanies a patient
 * from one place to another in a planned interval, e.g. through a
 * clinic visit, to an examination, on a registration / payment errand,
 * or, for a planned delivery, from the clinic to the ward where she is
 * handed over (ward, received by, time).  Table escort_task.
 *
 * The rules (overlaps, working hours, status transitions…) are in
 * cl-schedule.h; save through cl-escort-store.h, never directly. */

#define CL_TYPE_ESCORT_TASK (cl_escort_task_get_type ())
G_DECLARE_FINAL_TYPE (CLEscortTask, cl_escort_task, CL, ESCORT_TASK, CLRecord)

CLEscortTask *cl_escort_task_new (void);

/* the patient escorted (patient.id) */
const char *cl_escort_task_get_patient_id    (CLEscortTask *self);
void        cl_escort_task_set_patient_id    (CLEscortTask *self,
                                              const char *  value);

/* CL_ESCORT_KIND_* */
const char *cl_escort_task_get_kind          (CLEscortTask *self);
void        cl_escort_task_set_kind          (CLEscortTask *self,
                                              const char *  value);

/* where she is met, e.g. 门诊大厅 */
const char *cl_escort_task_get_place_from    (CLEscortTask *self);
void        cl_escort_task_set_place_from    (CLEscortTask *self,
                                              const char *  value);

/* where she is taken, e.g. 超声科, 产房 */
const char *cl_escort_task_get_place_to      (CLEscortTask *self);
void        cl_escort_task_set_place_to      (CLEscortTask *self,
                                              const char *  value);

/* planned start, UTC seconds */
gint64      cl_escort_task_get_start_at      (CLEscortTask *self);
void        cl_escort_task_set_start_at      (CLEscortTask *self,
                                              gint64        value);

/* planned end, UTC seconds (half-open: [start_at, end_at)) */
gint64      cl_escort_task_get_end_at        (CLEscortTask *self);
void        cl_escort_task_set_end_at        (CLEscortTask *self,
                                              gint64        value);

/* the escort (staff.id of a staff member with the escort role); NULL while unassigned */
const char *cl_escort_task_get_escort_id     (CLEscortTask *self);
void        cl_escort_task_set_escort_id     (CLEscortTask *self,
                                              const char *  value);

/* CL_ESCORT_STATUS_*; new tasks are planned */
const char *cl_escort_task_get_status        (CLEscortTask *self);
void        cl_escort_task_set_status        (CLEscortTask *self,
                                              const char *  value);

/* hand-over: the ward she was handed over to */
const char *cl_escort_task_get_handover_ward (CLEscortTask *self);
void        cl_escort_task_set_handover_ward (CLEscortTask *self,
                                              const char *  value);

/* hand-over: who received her there */
const char *cl_escort_task_get_handover_to   (CLEscortTask *self);
void        cl_escort_task_set_handover_to   (CLEscortTask *self,
                                              const char *  value);

/* hand-over: when, UTC seconds (0: not handed over) */
gint64      cl_escort_task_get_handover_at   (CLEscortTask *self);
void        cl_escort_task_set_handover_at   (CLEscortTask *self,
                                              gint64        value);

/* free text */
const char *cl_escort_task_get_note          (CLEscortTask *self);
void        cl_escort_task_set_note          (CLEscortTask *self,
                                              const char *  value);

/* why she was booked past her package's escorts (cl-package-usage.h);
 * NULL within them */
const char *cl_escort_task_get_over_reason   (CLEscortTask *self);
void        cl_escort_task_set_over_reason   (CLEscortTask *self,
                                              const char *  value);

#define CL_ESCORT_KIND_CLINIC_VISIT       "clinic-visit"
#define CL_ESCORT_KIND_EXAMINATION        "examination"
#define CL_ESCORT_KIND_ERRAND             "errand"             /* registration / payment */
#define CL_ESCORT_KIND_DELIVERY_TRANSFER  "delivery-transfer"  /* clinic → ward, with hand-over */
#define CL_ESCORT_KIND_REVISIT_42         "revisit-42"         /* 42-day postpartum revisit */
/* The hospital's own escorts for the frail, booked by the service desk
 * for any patient (issue #16): not part of a maternity package. */
#define CL_ESCORT_KIND_WHEELCHAIR         "wheelchair"
#define CL_ESCORT_KIND_TO_EMERGENCY       "to-emergency"       /* to the emergency department */
#define CL_ESCORT_KIND_TO_WARD            "to-ward"            /* to a ward, with hand-over */

/* planned → in-progress → done; planned → cancelled / no-show;
 * in-progress → cancelled (cl_schedule_check_task_status()). */
#define CL_ESCORT_STATUS_PLANNED      "planned"
#define CL_ESCORT_STATUS_IN_PROGRESS  "in-progress"
#define CL_ESCORT_STATUS_DONE         "done"
#define CL_ESCORT_STATUS_CANCELLED    "cancelled"
#define CL_ESCORT_STATUS_NO_SHOW      "no-show"

/* The kinds / statuses in display order, NULL-terminated. */
const char * const *cl_escort_task_kinds        (void);
const char * const *cl_escort_task_statuses     (void);
/* Translated labels ("Clinic visit" / 门诊陪诊…); NULL for an unknown value. */
const char         *cl_escort_task_kind_label   (const char   *kind);
const char         *cl_escort_task_status_label (const char   *status);

/* Does a task of @kind count against the escorts of her maternity
 * package (cl-package-usage.h)?  The desk's kinds (wheelchair, to the
 * emergency department, to a ward) never do: any patient may have
 * them, enrolled or not, and they never ask for a reason. */
gboolean            cl_escort_task_kind_is_package (const char *kind);
/* The kinds the service desk books first, NULL-terminated. */
const char * const *cl_escort_task_desk_kinds   (void);

/* Does the task hold its escort's time: not deleted, not cancelled and
 * not a no-show.  Only live tasks count for overlaps. */
gboolean            cl_escort_task_is_live      (CLEscortTask *self);

/* What may happen next to a task (the rule that refuses the rest is
 * cl_schedule_check_task_status()): a planned task may be started,
 * marked a no-show, moved, edited or cancelled; one in progress may be
 * finished or cancelled; a delivery transfer and an escort to a ward
 * are finished by handing her over to the ward. */
gboolean            cl_escort_task_is_planned     (CLEscortTask *self);
gboolean            cl_escort_task_is_under_way   (CLEscortTask *self);
gboolean            cl_escort_task_may_cancel     (CLEscortTask *self);
gboolean            cl_escort_task_ends_with_hand_over (CLEscortTask *self);

/* Does @role work on its own tasks only (an escort), rather than plan
 * everyone's day?  Such a desk opens on its own tasks and offers no
 * planning; the server's finer rule is cl_schedule_check_escort_edit(). */
gboolean            cl_escort_task_role_works_own (const char *role);

G_END_DECLS
