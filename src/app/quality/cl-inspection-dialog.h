#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-inspection.h"
#include "cl-rectification.h"

G_BEGIN_DECLS

/* "New Inspection": the date (today unless changed), the inspector
 * (whoever works, unless changed), the post, the four items as
 * passed/failed switches, the findings, whether a failure was caused
 * by poor cooperation, and, once an item is failed, what is to be put
 * right by when (cl_inspection_store_save()). */
#define CL_TYPE_INSPECTION_DIALOG (cl_inspection_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLInspectionDialog, cl_inspection_dialog, CL, INSPECTION_DIALOG, AdwWindow)

CLInspectionDialog *cl_inspection_dialog_new       (GtkWindow          *parent,
                                                    CLContext          *context);

/* The same form for correcting @inspection (and its @rectification,
 * may be NULL): saved as the same records.  Switching every item to
 * passed takes the rectification back (cl_inspection_store_save()). */
CLInspectionDialog *cl_inspection_dialog_new_correction (GtkWindow          *parent,
                                                         CLContext          *context,
                                                         CLInspection       *inspection,
                                                         CLRectification    *rectification);

gboolean            cl_inspection_dialog_save      (CLInspectionDialog *self);

/* For tests: "date", "inspector_id", "post", "findings",
 * "poor_cooperation", "task", "deadline", and the items' codes
 * ("duties" …), whose fields are their switches. */
GtkWidget          *cl_inspection_dialog_get_field (CLInspectionDialog *self,
                                                    const char         *field);
const char         *cl_inspection_dialog_get_error (CLInspectionDialog *self,
                                                    const char         *field);

G_END_DECLS
