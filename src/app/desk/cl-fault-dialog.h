#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-equipment-fault.h"

G_BEGIN_DECLS

/* Reports a kiosk or equipment fault into the log: the machine, where
 * it stands, the fault, when and to whom it was reported (now and the
 * IT room unless changed) and a note (cl_fault_store_save()). */
#define CL_TYPE_FAULT_DIALOG (cl_fault_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLFaultDialog, cl_fault_dialog, CL, FAULT_DIALOG, AdwWindow)

CLFaultDialog *cl_fault_dialog_new       (GtkWindow     *parent,
                                          CLContext     *context);

gboolean       cl_fault_dialog_save      (CLFaultDialog *self);

/* For tests: "machine", "location", "fault", "reported_at",
 * "reported_to", "reported_to_name", "note". */
GtkWidget     *cl_fault_dialog_get_field (CLFaultDialog *self,
                                          const char    *field);
const char    *cl_fault_dialog_get_error (CLFaultDialog *self,
                                          const char    *field);

G_END_DECLS
