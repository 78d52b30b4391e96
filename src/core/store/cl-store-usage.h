#pragma once

#include "cl-handout.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The counts behind a package's usage (cl-store-usage.c); the rules
 * over them are in src/core/billing/cl-package-usage.c.  Instants are
 * UTC seconds, [from, to) half-open. */

/* Her escort tasks (CL_USAGE_SOURCE_ESCORT) or VIP bookings
 * (CL_USAGE_SOURCE_VIP) starting in [@from, @to), not deleted, other
 * than @except_id (may be NULL): *@done those done, *@pending those
 * still ahead (planned or in progress; booked or checked in). */
typedef enum
{
  CL_USAGE_SOURCE_ESCORT,
  CL_USAGE_SOURCE_VIP,
} CLUsageSource;

void       cl_store_usage_bookings    (CLStore       *store,
                                       CLUsageSource  source,
                                       const char    *patient_id,
                                       gint64         from,
                                       gint64         to,
                                       const char    *except_id,
                                       guint         *done,
                                       guint         *pending);

/* Her psychological-support follow-up items done in [@from, @to) (by
 * when they were done; an item without that time by its due date from
 * @from_date, YYYY-MM-DD). */
guint      cl_store_usage_counselling (CLStore       *store,
                                       const char    *patient_id,
                                       gint64         from,
                                       gint64         to,
                                       const char    *from_date);

/* The live hand-outs under @enrolment_id, other than @except_id (may
 * be NULL), by service: service → GUINT_TO_POINTER (count). */
GHashTable *cl_store_usage_handouts   (CLStore       *store,
                                       const char    *enrolment_id,
                                       const char    *except_id);

/* The live CLHandouts under @enrolment_id, the latest first. */
GPtrArray *cl_store_handouts_of_enrolment (CLStore    *store,
                                           const char *enrolment_id);

G_END_DECLS
