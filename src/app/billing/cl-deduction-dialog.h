#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* "Add Deduction": a deduction from the vendor's fee (date, amount,
 * reason, reference), validated by the core; a refused field gets its
 * message right under it and nothing is saved.  Emits "saved". */

#define CL_TYPE_DEDUCTION_DIALOG (cl_deduction_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLDeductionDialog, cl_deduction_dialog, CL, DEDUCTION_DIALOG, AdwWindow)

/* @month ("YYYY-MM") picks the date offered: today if in that month,
 * else the month's last day. */
CLDeductionDialog *cl_deduction_dialog_new (GtkWindow  *parent,
                                            CLContext  *context,
                                            const char *month);

/* For tests: what the Save button does, and the rows and messages. */
gboolean     cl_deduction_dialog_save            (CLDeductionDialog *self);
GtkEditable *cl_deduction_dialog_get_entry       (CLDeductionDialog *self,
                                                  const char        *field);
/* The message shown under @field ("date", "amount", "reason",
 * "reference", or "" for the whole form), NULL if none. */
const char  *cl_deduction_dialog_get_error       (CLDeductionDialog *self,
                                                  const char        *field);

/* The contract the deduction is made from (the obstetric one unless
 * set). */
void         cl_deduction_dialog_set_contract (CLDeductionDialog *self,
                                               const char        *contract_id);

G_END_DECLS
