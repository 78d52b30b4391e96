#pragma once

#include <adwaita.h>

#include "cl-complaint-report.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* The Complaints page's Monthly Report: a month chooser, the chart
 * (cl_complaint_chart_draw(), the one the printed report carries), the
 * table per department and in all, Print… and Export CSV…. */
#define CL_TYPE_COMPLAINT_REPORT_VIEW (cl_complaint_report_view_get_type ())
G_DECLARE_FINAL_TYPE (CLComplaintReportView, cl_complaint_report_view, CL, COMPLAINT_REPORT_VIEW, GtkWidget)

void               cl_complaint_report_view_set_context (CLComplaintReportView *self,
                                                         CLContext             *context);
/* Makes the report again (the store changed, or the clock moved). */
void               cl_complaint_report_view_reload      (CLComplaintReportView *self);
/* Shows @month ("YYYY-MM"). */
void               cl_complaint_report_view_set_month   (CLComplaintReportView *self,
                                                         const char            *month);
/* For tests: the report shown, and the table's text at @row (0 the
 * header, the total last), @column. */
CLComplaintReport *cl_complaint_report_view_get_report  (CLComplaintReportView *self);
const char        *cl_complaint_report_view_get_cell    (CLComplaintReportView *self,
                                                         guint                  row,
                                                         guint                  column);

G_END_DECLS
