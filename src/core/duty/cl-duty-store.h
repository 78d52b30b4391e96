#pragma once

#include "cl-duty-assignment.h"
#include "cl-duty-check.h"
#include "cl-duty-post.h"
#include "cl-duty-shift.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing the duty roster, at the desk and on the server, with one set
 * of rules and messages; the week as the view and the printed roster
 * read it.  Plain reads are cl-store-duty.h's. */

/* The desk settings' keys (cl-desk-setting.c). */
#define CL_DUTY_EARLY_KEY "duty.early_minutes"
#define CL_DUTY_LATE_KEY  "duty.late_minutes"
#define CL_DUTY_WEEK_KEY  "duty.week_hours"

/* The shift times' and weekly limit's settings in @store. */
void       cl_duty_store_rules               (CLStore          *store,
                                              CLDutyRules      *rules);

/* A post's rules (cl_duty_post_validate()), then saves it for @role
 * (an administrator).  On a refusal CL_STORE_ERROR_INVALID and, if
 * given, @field_errors (column → message); nothing is written. */
gboolean   cl_duty_store_save_post           (CLStore          *store,
                                              CLDutyPost       *post,
                                              const char       *role,
                                              GHashTable      **field_errors,
                                              GError          **error);

/* An assignment's rules, column → message added to @errors: its own
 * (cl_duty_assignment_validate()), a member of staff who exists and is
 * active, a post that exists. */
void       cl_duty_store_validate_assignment (CLStore          *store,
                                              CLDutyAssignment *assignment,
                                              GHashTable       *errors);

/* cl_duty_store_validate_assignment(), then saves @assignment for
 * @role, as cl_duty_store_save_post(). */
gboolean   cl_duty_store_save_assignment     (CLStore          *store,
                                              CLDutyAssignment *assignment,
                                              const char       *role,
                                              GHashTable      **field_errors,
                                              GError          **error);

/* Takes @assignment off the roster for @role (a tombstone). */
gboolean   cl_duty_store_clear_assignment    (CLStore          *store,
                                              CLDutyAssignment *assignment,
                                              const char       *role,
                                              GError          **error);

/* A cell of the week view: everything @staff_id has on @day.  Each
 * writes in one transaction and, on a refusal (CL_STORE_ERROR_INVALID
 * and, if given, @field_errors), writes nothing. */

/* Puts @staff_id on @shift at @post_id on @day, in place of whatever
 * the cell held. */
gboolean   cl_duty_store_set_cell            (CLStore          *store,
                                              const char       *staff_id,
                                              const char       *day,
                                              const char       *post_id,
                                              const char       *shift,
                                              const char       *role,
                                              GHashTable      **field_errors,
                                              GError          **error);

/* Takes @staff_id off the roster on @day. */
gboolean   cl_duty_store_clear_cell          (CLStore          *store,
                                              const char       *staff_id,
                                              const char       *day,
                                              const char       *role,
                                              GError          **error);

/* Moves (or with @copy copies) the cell of @from_staff on @from_day to
 * @to_staff on @to_day, in place of what that cell held; the same
 * cell, or an empty one, changes nothing. */
gboolean   cl_duty_store_move_cell           (CLStore          *store,
                                              const char       *from_staff,
                                              const char       *from_day,
                                              const char       *to_staff,
                                              const char       *to_day,
                                              gboolean          copy,
                                              const char       *role,
                                              GError          **error);

/* Copies the week before the one starting on @monday into it, in one
 * transaction: each shift of a person still active at a post that
 * still exists, for each day the person has nothing yet.  @copied
 * (may be NULL) says how many.  Nothing is written on a refusal. */
gboolean   cl_duty_store_copy_last_week      (CLStore          *store,
                                              const GDate      *monday,
                                              const char       *role,
                                              guint            *copied,
                                              GError          **error);

/* cl_duty_check_week() of the week starting on @monday as stored. */
GPtrArray *cl_duty_store_check_week          (CLStore          *store,
                                              const GDate      *monday);

/* Where the roster has @staff_id on duty on @day (days from @day
 * only; a night shift ends at midnight for this), TRUE with the first
 * start and the last end, minutes after midnight.  FALSE when it has
 * no shift of theirs that day. */
gboolean   cl_duty_store_hours_of            (CLStore          *store,
                                              const char       *staff_id,
                                              const GDate      *day,
                                              gint             *opens,
                                              gint             *closes);

/* The Monday of @day's week. */
void       cl_duty_week_monday               (const GDate      *day,
                                              GDate            *monday);

G_END_DECLS
