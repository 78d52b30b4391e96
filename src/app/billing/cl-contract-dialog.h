#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* "Contract": an administrator's form for a contract the settlement is
 * made for (cl-contract-store.h): its title, its vendor and how it is
 * paid, validated by the core, each refused value's message under its
 * field.  Emits "saved" with the contract's id. */

#define CL_TYPE_CONTRACT_DIALOG (cl_contract_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLContractDialog, cl_contract_dialog, CL, CONTRACT_DIALOG, AdwWindow)

/* @contract_id NULL for a new contract. */
CLContractDialog *cl_contract_dialog_new (GtkWindow  *parent,
                                          CLContext  *context,
                                          const char *contract_id);

/* For tests: what the Save button does, the entries ("title",
 * "vendor"), the kind chosen (an index of cl_contract_kinds()) and the
 * message under a field ("kind" too; "" for the whole form). */
gboolean     cl_contract_dialog_save      (CLContractDialog *self);
GtkEditable *cl_contract_dialog_get_entry (CLContractDialog *self,
                                           const char       *field);
void         cl_contract_dialog_set_kind  (CLContractDialog *self,
                                           guint             index);
const char  *cl_contract_dialog_get_error (CLContractDialog *self,
                                           const char       *field);

G_END_DECLS
