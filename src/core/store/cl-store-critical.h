#pragma once

#include "cl-critical-value.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The critical-value register's reads (cl-store-critical.c).  The
 * rules over it are in src/core/desk/cl-critical-store.h. */

/* The live CLCriticalValues of @kind (NULL: every kind) received from
 * @from up to @to (UTC seconds, @to excluded), the latest first. */
GPtrArray *cl_store_critical_between    (CLStore    *store,
                                         const char *kind,
                                         gint64      from,
                                         gint64      to);

/* The live entries not yet reported, the longest waiting first. */
GPtrArray *cl_store_critical_unreported (CLStore    *store);

G_END_DECLS
