#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-critical-value.h"

G_BEGIN_DECLS

/* The Service Desk's Critical Values page: the register of the last 31
 * days (and any older entry still unreported), critical values or
 * tuberculosis results, each with its clock — minutes from receipt to
 * report, late in red, still unreported past the limit as an alarm —
 * and Register…, Report… and the monthly timeliness report. */
#define CL_TYPE_CRITICAL_PAGE (cl_critical_page_get_type ())
G_DECLARE_FINAL_TYPE (CLCriticalPage, cl_critical_page, CL, CRITICAL_PAGE, GtkWidget)

GtkWidget  *cl_critical_page_new            (CLContext      *context);

/* Which list is shown. */
void        cl_critical_page_set_kind       (CLCriticalPage *self,
                                             CLCriticalKind  kind);

/* For tests: the rows shown; row @i's clock as it reads and whether it
 * is shown as a problem (late or alarm); the dialogs the buttons open
 * (transfer none; Report… for row @i). */
guint       cl_critical_page_get_n_rows     (CLCriticalPage *self);
char       *cl_critical_page_dup_clock      (CLCriticalPage *self,
                                             guint           i,
                                             gboolean       *problem);
GtkWindow  *cl_critical_page_open_register  (CLCriticalPage *self);
GtkWindow  *cl_critical_page_open_report    (CLCriticalPage *self,
                                             guint           i);
GtkWindow  *cl_critical_page_open_month     (CLCriticalPage *self);

/* What the clock of @value says at @now with @limit, for a person and
 * for a screen reader alike: "12 min", "23 min, late",
 * "Waiting 5 min", "Unreported 23 min"; @problem is set for late and
 * alarm. */
char       *cl_critical_clock_text          (CLCriticalValue *value,
                                             gint64           now,
                                             gint64           limit,
                                             gboolean        *problem);

G_END_DECLS
