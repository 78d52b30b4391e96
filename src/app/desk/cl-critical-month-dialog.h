#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-critical-report.h"

G_BEGIN_DECLS

/* The monthly timeliness report of the critical-value register on
 * screen: a month of the last twelve, the share reported within the
 * limit with the counts, for all entries, per kind, per source and per
 * department; Print… and Export PDF… draw it with
 * cl-critical-print.h. */
#define CL_TYPE_CRITICAL_MONTH_DIALOG (cl_critical_month_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLCriticalMonthDialog, cl_critical_month_dialog, CL, CRITICAL_MONTH_DIALOG, AdwWindow)

CLCriticalMonthDialog *cl_critical_month_dialog_new        (GtkWindow             *parent,
                                                            CLContext             *context);

/* For tests: shows @month ("YYYY-MM", one of the last twelve); the
 * report shown (transfer none). */
gboolean               cl_critical_month_dialog_set_month  (CLCriticalMonthDialog *self,
                                                            const char            *month);
CLCriticalReport      *cl_critical_month_dialog_get_report (CLCriticalMonthDialog *self);

G_END_DECLS
