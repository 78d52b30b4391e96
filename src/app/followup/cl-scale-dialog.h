#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* Filling a scale at the desk: the scale's items in the interface
 * language, each a group of radio rows; Save is offered once every item
 * is answered, and stores the result through cl_scale_store_save()
 * (which adds the urgent item for a positive screen or a flag).  Emits
 * "saved" after a write. */

#define CL_TYPE_SCALE_DIALOG (cl_scale_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLScaleDialog, cl_scale_dialog, CL, SCALE_DIALOG, AdwWindow)

CLScaleDialog *cl_scale_dialog_new (GtkWindow  *parent,
                                    CLContext  *context,
                                    const char *patient_id,
                                    const char *pregnancy_id);

/* For tests: choose option @option (0-based) of item @item (0-based). */
void           cl_scale_dialog_answer (CLScaleDialog *self,
                                       guint          item,
                                       guint          option);

G_END_DECLS
