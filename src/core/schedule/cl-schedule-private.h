#pragma once

#include "cl-schedule.h"

G_BEGIN_DECLS

/* Shared by the schedule's files and its two stores. */

/* Nothing in the schedule lasts longer (cl_schedule_check_interval()). */
#define CL_SCHEDULE_DAY_SECONDS (24 * 60 * 60)

/* The rules for writing @record over @stored (NULL when new), run
 * inside the write transaction; may normalise @record (a new entry's
 * status). */
typedef gboolean (*ClScheduleCheck) (CLStore     *store,
                                     CLRecord    *record,
                                     CLRecord    *stored,
                                     const char  *role,
                                     GError     **error);

/* One user action: checks that @role may write the table, then in one
 * transaction loads the stored version, runs @check on a copy of
 * @edited (a changed copy of @record; NULL: @record itself) and writes
 * the copy with its outbox entry.  @record takes what was written only
 * on success. */
gboolean    cl_schedule_save_record (CLStore          *store,
                                     CLRecord         *record,
                                     CLRecord         *edited,
                                     const char       *role,
                                     ClScheduleCheck   check,
                                     GError          **error);

/* The id of the live staff record with @username, or NULL. */
char       *cl_schedule_staff_id_of (CLStore          *store,
                                     const char       *username);

/* Records of @type starting in [@from, @to) (UTC seconds), not deleted
 * and not cancelled, with an extra SQL condition on ?3 (may be NULL)
 * and an order (NULL: by start). */
GListStore *cl_schedule_query_range (CLStore          *store,
                                     GType             type,
                                     gint64            from,
                                     gint64            to,
                                     const char       *condition,
                                     const char       *param,
                                     const char       *order);

G_END_DECLS
