#pragma once

#include <adwaita.h>

#include "cl-context.h"
#include "cl-critical-value.h"

G_BEGIN_DECLS

/* Registers a critical value (or a tuberculosis result) as the call
 * comes in: when, from which service and whom, the patient (found, or
 * registered on the spot), her department, the test and its value, and
 * the read-back, without which nothing is saved
 * (cl_critical_store_save()).  "saved" carries the entry's id. */
#define CL_TYPE_CRITICAL_DIALOG (cl_critical_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLCriticalDialog, cl_critical_dialog, CL, CRITICAL_DIALOG, AdwWindow)

CLCriticalDialog *cl_critical_dialog_new       (GtkWindow        *parent,
                                                CLContext        *context,
                                                CLCriticalKind    kind);

gboolean          cl_critical_dialog_save      (CLCriticalDialog *self);

/* For tests: the field named as its column ("received_at", "source",
 * "caller_name", "caller_phone", "patient_id", "department_id",
 * "test_name", "result", "unit", "kind", "read_back") — an editable, a
 * combo row, the chooser or the check — and the message at it. */
GtkWidget        *cl_critical_dialog_get_field (CLCriticalDialog *self,
                                                const char       *field);
const char       *cl_critical_dialog_get_error (CLCriticalDialog *self,
                                                const char       *field);

G_END_DECLS
