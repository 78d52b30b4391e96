#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-equipment-fault.h"

G_BEGIN_DECLS

/* Marks a fault of the log fixed: when (now unless changed) and a note
 * (cl_fault_store_mark_fixed()). */
#define CL_TYPE_FAULT_FIX_DIALOG (cl_fault_fix_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLFaultFixDialog, cl_fault_fix_dialog, CL, FAULT_FIX_DIALOG, AdwWindow)

CLFaultFixDialog *cl_fault_fix_dialog_new       (GtkWindow        *parent,
                                                 CLContext        *context,
                                                 CLEquipmentFault *fault);

gboolean          cl_fault_fix_dialog_save      (CLFaultFixDialog *self);

/* For tests: "fixed_at", "note". */
GtkWidget        *cl_fault_fix_dialog_get_field (CLFaultFixDialog *self,
                                                 const char       *field);
const char       *cl_fault_fix_dialog_get_error (CLFaultFixDialog *self,
                                                 const char       *field);

G_END_DECLS
