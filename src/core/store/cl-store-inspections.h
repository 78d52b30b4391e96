#pragma once

#include "cl-deduction.h"
#include "cl-inspection-attachment.h"
#include "cl-inspection.h"
#include "cl-rectification.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The inspections' reads (cl-store-inspections.c).  The rules over
 * them are in src/core/desk/cl-inspection-store.h and
 * cl-inspection-rules.h. */

/* The live CLInspections of @month ("YYYY-MM"), the latest first. */
GPtrArray *cl_store_inspections_of_month      (CLStore    *store,
                                               const char *month);
/* Every CLInspection, tombstones too (the deduction rules undo what a
 * removed inspection caused). */
GPtrArray *cl_store_inspections_all           (CLStore    *store);
/* The live CLRectification of @inspection_id, or NULL. */
CLRectification *cl_store_rectification_of    (CLStore    *store,
                                               const char *inspection_id);
/* Every live CLRectification. */
GPtrArray *cl_store_rectifications_live       (CLStore    *store);
/* The live CLInspectionAttachments of @inspection_id, in the order
 * they were filed. */
GPtrArray *cl_store_inspection_attachments    (CLStore    *store,
                                               const char *inspection_id);
/* Every CLDeduction made for an inspection, tombstones too. */
GPtrArray *cl_store_inspection_deductions     (CLStore    *store);

G_END_DECLS
