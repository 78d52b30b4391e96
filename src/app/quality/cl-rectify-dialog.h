#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-rectification.h"

G_BEGIN_DECLS

/* "Mark Rectified": when a rectification was put right (now unless
 * changed: HH:MM, or a date and time), by whom, and a note
 * (cl_inspection_store_mark_rectified()). */
#define CL_TYPE_RECTIFY_DIALOG (cl_rectify_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLRectifyDialog, cl_rectify_dialog, CL, RECTIFY_DIALOG, AdwWindow)

CLRectifyDialog *cl_rectify_dialog_new       (GtkWindow       *parent,
                                              CLContext       *context,
                                              CLRectification *rectification);

gboolean         cl_rectify_dialog_save      (CLRectifyDialog *self);

/* For tests: "done_at", "done_by", "note". */
GtkWidget       *cl_rectify_dialog_get_field (CLRectifyDialog *self,
                                              const char      *field);
const char      *cl_rectify_dialog_get_error (CLRectifyDialog *self,
                                              const char      *field);

G_END_DECLS
