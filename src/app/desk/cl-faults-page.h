#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-fault-report.h"
#include "cl-equipment-fault.h"

G_BEGIN_DECLS

/* The Service Desk's Faults page: the kiosk and equipment fault log,
 * the faults still open first (the oldest report on top, one open more
 * than a day in red and said in words), then those fixed in the last
 * 31 days; Report Fault… and Mark Fixed…; a month's log printed or
 * exported as CSV (cl-fault-report.h). */
#define CL_TYPE_FAULTS_PAGE (cl_faults_page_get_type ())
G_DECLARE_FINAL_TYPE (CLFaultsPage, cl_faults_page, CL, FAULTS_PAGE, GtkWidget)

GtkWidget  *cl_faults_page_new          (CLContext    *context);

/* For tests: the rows shown; row @i's state as it reads and whether it
 * is shown as overdue; the dialogs the buttons open (transfer none;
 * Mark Fixed… for row @i, NULL when it is fixed). */
guint       cl_faults_page_get_n_rows   (CLFaultsPage *self);
char       *cl_faults_page_dup_state    (CLFaultsPage *self,
                                         guint         i,
                                         gboolean     *overdue);
GtkWindow  *cl_faults_page_open_report  (CLFaultsPage *self);
GtkWindow  *cl_faults_page_open_fix     (CLFaultsPage *self,
                                         guint         i);

/* What the state of @fault says at @now, for a person and a screen
 * reader alike: "Open 20 min", "Open 5 h", "Open 2 d 3 h, overdue", "Fixed 23 Nov
 * 10:00"; @overdue set when it is flagged. */
char       *cl_faults_state_text        (CLEquipmentFault *fault,
                                         gint64            now,
                                         const GDate      *today,
                                         gboolean         *overdue);

/* The month the Print… and Export CSV… buttons report ("YYYY-MM"; this
 * month and the eleven before it), and its report (NULL without a
 * store; free with cl_fault_report_free()). */
const char    *cl_faults_page_get_report_month (CLFaultsPage *self);
void           cl_faults_page_set_report_month (CLFaultsPage *self,
                                                const char   *month);
CLFaultReport *cl_faults_page_make_report      (CLFaultsPage *self);

G_END_DECLS
