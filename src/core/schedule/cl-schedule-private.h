#pragma once

#include "cl-schedule.h"

G_BEGIN_DECLS

/* Shared by the schedule's files and its two stores. */

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

G_END_DECLS
