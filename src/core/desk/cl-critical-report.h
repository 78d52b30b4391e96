#pragma once

#include "cl-critical-value.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The monthly timeliness report of the critical-value register: of the
 * entries received in a month, how many were reported within the
 * limit, per source, per department and per kind.  An entry not
 * reported at all counts against the share. */

typedef struct
{
  char  *key;         /* the source or kind word, or the department id */
  char  *label;       /* what a person reads */
  guint  total;
  guint  on_time;     /* reported within the limit */
  guint  late;        /* reported after it */
  guint  unreported;
} CLCriticalReportLine;

typedef struct
{
  char                 *month;          /* "YYYY-MM" */
  gint64                limit_minutes;
  CLCriticalReportLine  all;
  GPtrArray            *by_source;      /* of CLCriticalReportLine, in the order of the sources */
  GPtrArray            *by_department;  /* by label */
  GPtrArray            *by_kind;
} CLCriticalReport;

/* The report of @values (CLCriticalValues; the deleted are skipped)
 * with @limit_minutes; @department_names maps a department id to its
 * name (an unknown id is shown as it is). */
CLCriticalReport *cl_critical_report_build    (const char *month,
                                               GPtrArray  *values,
                                               GHashTable *department_names,
                                               gint64      limit_minutes);

/* The report of the entries @store received in @month ("YYYY-MM", local
 * time), with the limit in force. */
CLCriticalReport *cl_critical_report_for_month (CLStore    *store,
                                                const char *month);

/* The share reported within the limit in tenths of a percent, rounded
 * half up (933 for 14 of 15); -1 for no entries. */
gint              cl_critical_report_line_permille (const CLCriticalReportLine *line);

/* That share as it is shown and printed, "93.3%"; "—" for none. */
char             *cl_critical_report_line_share    (const CLCriticalReportLine *line);

/* The first and the excluded last instant of @month in local time;
 * FALSE when @month is not "YYYY-MM". */
gboolean          cl_critical_report_month_range   (const char *month,
                                                    gint64     *from,
                                                    gint64     *to);

void              cl_critical_report_free          (CLCriticalReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLCriticalReport, cl_critical_report_free)

G_END_DECLS
