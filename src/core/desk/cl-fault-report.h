#pragma once

#include <gio/gio.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* The equipment fault log of a month, for the printed report and its
 * CSV (the Faults page's Print… and Export CSV…): every fault reported
 * in the month (local months), oldest report first, with how long it
 * was open: to its fix, or to when the report was made for one still
 * open. */
typedef struct
{
  char   *machine;
  char   *location;
  char   *fault;
  char   *reported_to;   /* "Kiosk vendor · 王工", translated */
  gint64  reported_at;
  gint64  fixed_at;      /* 0 while open */
  double  hours_open;
  gboolean overdue;      /* open more than a day (cl_equipment_fault_is_overdue() at the fix or now) */
} CLFaultReportRow;

typedef struct
{
  char      *month;      /* "YYYY-MM" */
  gint64     made_at;
  GPtrArray *rows;       /* CLFaultReportRow */
  guint      n_open;
  guint      n_overdue;
} CLFaultReport;

/* The report of @month at @now; NULL with an error for a malformed
 * month. */
CLFaultReport *cl_fault_report_new        (CLStore        *store,
                                           const char     *month,
                                           gint64          now,
                                           GError        **error);
void           cl_fault_report_free       (CLFaultReport  *report);

/* "12.5", one decimal, with the locale's point. */
char          *cl_fault_report_format_hours (double        hours);

/* CSV as the other reports': UTF-8 with a byte-order mark, RFC 4180
 * quoting and CRLF, a header row, one row per fault. */
gboolean       cl_fault_report_write_csv  (CLFaultReport  *report,
                                           GOutputStream  *stream,
                                           GCancellable   *cancellable,
                                           GError        **error);
gboolean       cl_fault_report_export_csv (CLFaultReport  *report,
                                           const char     *path,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CLFaultReport, cl_fault_report_free)

G_END_DECLS
