#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* The alarm strip of the main window, under its header bar: while any
 * critical value is unreported past the hospital's limit, every desk
 * that may report it (the service desk, an administrator) shows
 * "Critical value for 王芳 unreported for 23 min" and Report…, on every
 * view, until someone records the report — here or at another desk,
 * once it syncs.  It looks again when the register or the limit
 * changes and every half minute, so an entry crossing the limit raises
 * it without a sync. */
#define CL_TYPE_CRITICAL_ALARM (cl_critical_alarm_get_type ())
G_DECLARE_FINAL_TYPE (CLCriticalAlarm, cl_critical_alarm, CL, CRITICAL_ALARM, GtkWidget)

GtkWidget  *cl_critical_alarm_new         (CLContext       *context);
void        cl_critical_alarm_set_context (CLCriticalAlarm *self,
                                           CLContext       *context);

/* Looks again now. */
void        cl_critical_alarm_refresh     (CLCriticalAlarm *self);

/* Whether it shows, and what it says (NULL when hidden). */
gboolean    cl_critical_alarm_get_active  (CLCriticalAlarm *self);
const char *cl_critical_alarm_get_text    (CLCriticalAlarm *self);

/* Report… for the longest waiting: the dialog (transfer none), or
 * NULL without an alarm. */
GtkWindow  *cl_critical_alarm_open_report (CLCriticalAlarm *self);

G_END_DECLS
