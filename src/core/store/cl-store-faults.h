#pragma once

#include "cl-equipment-fault.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The equipment fault log's reads (cl-store-faults.c).  The rules over
 * it are in src/core/desk/cl-fault-store.h. */

/* The live CLEquipmentFaults still open, the oldest report first, then
 * those fixed since @fixed_since (UTC seconds), the latest fix first. */
GPtrArray *cl_store_faults_list (CLStore *store,
                                 gint64   fixed_since);

/* The live CLEquipmentFaults reported from @from up to @to (UTC
 * seconds), the oldest report first: a month's report. */
GPtrArray *cl_store_faults_reported_between (CLStore *store,
                                             gint64   from,
                                             gint64   to);

G_END_DECLS
