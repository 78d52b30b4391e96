#pragma once

#include "cl-critical-value.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Writing the critical-value register, at the desk and on the server,
 * with one set of rules and messages (README, "Critical values").
 * Reads are cl-store-critical.h's. */

/* The hospital's limit in minutes (the desk setting
 * CL_CRITICAL_LIMIT_KEY; 15 until an administrator sets it). */
gint64    cl_critical_store_limit        (CLStore          *store);

/* @value's rules with the store: its own (cl_critical_value_validate())
 * and a live patient and department.  Adds column → message to
 * @errors. */
void      cl_critical_store_validate     (CLStore          *store,
                                          CLCriticalValue  *value,
                                          GHashTable       *errors);

/* Every rule, against the stored version and the clock
 * (cl_schedule_now()), then saves @value for @role.  On a refusal
 * CL_STORE_ERROR_INVALID and, if given, @field_errors (column →
 * message); nothing is written. */
gboolean  cl_critical_store_save         (CLStore          *store,
                                          CLCriticalValue  *value,
                                          const char       *role,
                                          GHashTable      **field_errors,
                                          GError          **error);

/* Records that @value was reported to @reported_to (a name) as
 * @reported_role ("doctor", "nurse") at @at, who did @action, recorded
 * by @actor_id: cl_critical_store_save()'s rules.  On a refusal @value
 * is left as it was. */
gboolean  cl_critical_store_report       (CLStore          *store,
                                          CLCriticalValue  *value,
                                          const char       *reported_to,
                                          const char       *reported_role,
                                          gint64            at,
                                          const char       *action,
                                          const char       *actor_id,
                                          const char       *role,
                                          GHashTable      **field_errors,
                                          GError          **error);

/* The entries unreported past the limit at @now, the longest waiting
 * first: what raises the alarm. */
GPtrArray *cl_critical_store_alarms      (CLStore          *store,
                                          gint64            now);

/* The server's hook for the table (cl-tables.c), inside the write
 * transaction of a pushed change: cl_critical_value_check_change()
 * with the server's clock, as CL_STORE_ERROR_INVALID "column:
 * message". */
gboolean  cl_critical_store_check_change (CLStore          *store,
                                          CLRecord         *incoming,
                                          CLRecord         *current,
                                          const char       *username,
                                          const char       *role,
                                          CLRecord        **conflict,
                                          GError          **error);

G_END_DECLS
