#pragma once

#include <gio/gio.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* The monthly complaint report per department, for the
 * customer-service lead and the quality office: of the complaints
 * opened in the month (local time), per department complained of and
 * for all of them,
 *  - how many;
 *  - how many were settled on the spot;
 *  - the median hours from opening to resolution, of those resolved;
 *  - satisfaction: the share satisfied or basically satisfied, of
 *    those closed with an answer;
 *  - how many ran overdue: resolved after the promised time, or still
 *    unresolved past it when the report is made. */
#define CL_TYPE_COMPLAINT_REPORT (cl_complaint_report_get_type ())
G_DECLARE_FINAL_TYPE (CLComplaintReport, cl_complaint_report, CL, COMPLAINT_REPORT, GObject)

typedef struct
{
  char   *department_id;   /* NULL on the total row */
  char   *department;      /* its name, in the desk's language */
  guint   count;
  guint   on_spot;
  guint   resolved;
  double  median_hours;    /* < 0 when none was resolved */
  guint   answered;        /* closed with an answer */
  guint   satisfied;       /* satisfied or basically satisfied */
  guint   overdue;
} CLComplaintReportRow;

/* The median of @n values (sorted here); the mean of the middle two
 * for an even count; -1 for none. */
double       cl_complaint_median                 (double     *values,
                                                  guint       n);

/* The report of @month ("YYYY-MM") from @complaints (CLComplaint, those
 * opened in the month), @now deciding what is overdue; @departments
 * (CLDepartment) give the names and the order of the rows, a
 * department not among them being named by its id. */
CLComplaintReport *cl_complaint_report_new_from  (const char *month,
                                                  GPtrArray  *complaints,
                                                  GPtrArray  *departments,
                                                  gint64      now);

/* The report of @month as @store holds it at @now.  NULL with
 * G_IO_ERROR_INVALID_ARGUMENT for a malformed month. */
CLComplaintReport *cl_complaint_report_new       (CLStore    *store,
                                                  const char *month,
                                                  gint64      now,
                                                  GError    **error);

const char  *cl_complaint_report_get_month       (CLComplaintReport *self);
gint64       cl_complaint_report_get_made_at     (CLComplaintReport *self);
/* One row per department with a complaint, in the directory's order. */
guint        cl_complaint_report_get_n_rows      (CLComplaintReport *self);
const CLComplaintReportRow *cl_complaint_report_get_row   (CLComplaintReport *self,
                                                           guint              i);
const CLComplaintReportRow *cl_complaint_report_get_total (CLComplaintReport *self);

/* For a person: "85.7%" (satisfaction) or "12.5" (median hours), or
 * "–" when there is nothing to measure. */
char        *cl_complaint_report_format_satisfaction (const CLComplaintReportRow *row);
char        *cl_complaint_report_format_median       (const CLComplaintReportRow *row);

/* What the figures mean, for a person (translated): a footnote. */
const char  *cl_complaint_report_describe        (void);

/* The month's first instant and the next month's (UTC seconds, local
 * months); FALSE for a malformed @month. */
gboolean     cl_complaint_report_month_range     (const char *month,
                                                  gint64     *from,
                                                  gint64     *to);

/* CSV as the settlement's: UTF-8 with a byte-order mark (so
 * spreadsheet programs show the Chinese), RFC 4180 quoting and CRLF, a
 * header row, one row per department by name, then the total. */
gboolean     cl_complaint_report_write_csv       (CLComplaintReport  *self,
                                                  GOutputStream      *stream,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
gboolean     cl_complaint_report_export_csv      (CLComplaintReport  *self,
                                                  const char         *path,
                                                  GError            **error);

G_END_DECLS
