#pragma once

#include <adwaita.h>

#include "cl-doctor-order.h"
#include "cl-context.h"

G_BEGIN_DECLS

/* Adds or edits a doctor's order: date, category, the order, the
 * doctor and an optional reminder date, with the rules' messages under
 * the fields.  Emits "saved" and closes when it was written. */

#define CL_TYPE_ORDER_DIALOG (cl_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLOrderDialog, cl_order_dialog, CL, ORDER_DIALOG, AdwWindow)

/* A new order for the patient (and pregnancy, may be NULL), or an edit
 * of @order when it is given. */
CLOrderDialog *cl_order_dialog_new        (GtkWindow     *parent,
                                           CLContext     *context,
                                           const char    *patient_id,
                                           const char    *pregnancy_id,
                                           CLDoctorOrder *order);

gboolean       cl_order_dialog_save       (CLOrderDialog *self);

/* For tests: a field's entry (date, text, doctor, reminder-date) and
 * the message shown under a field ("" for the form's own). */
GtkEditable   *cl_order_dialog_get_entry  (CLOrderDialog *self,
                                           const char    *field);
void           cl_order_dialog_set_category (CLOrderDialog *self,
                                             const char    *code);
const char    *cl_order_dialog_get_error  (CLOrderDialog *self,
                                           const char    *field);

G_END_DECLS
