#pragma once

#include <adwaita.h>

#include "cl-context.h"

G_BEGIN_DECLS

/* "Share Rate": the vendor's share rate history (kept, never edited)
 * and a new rate effective from a date, validated by the core; a
 * refused value gets its message under its field.  Emits "saved". */

#define CL_TYPE_SHARE_RATE_DIALOG (cl_share_rate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CLShareRateDialog, cl_share_rate_dialog, CL, SHARE_RATE_DIALOG, AdwWindow)

/* The obstetric contract's rates. */
CLShareRateDialog *cl_share_rate_dialog_new (GtkWindow  *parent,
                                             CLContext  *context);
/* @contract_id's rates, or its monthly fee under a fixed fee: the
 * same form takes the fee in yuan from the first day of a month. */
CLShareRateDialog *cl_share_rate_dialog_new_for_contract (GtkWindow  *parent,
                                                          CLContext  *context,
                                                          const char *contract_id);

/* For tests: what the Save button does, the entries ("from", "rate",
 * "note") and the message under one ("" for the whole form). */
gboolean     cl_share_rate_dialog_save      (CLShareRateDialog *self);
GtkEditable *cl_share_rate_dialog_get_entry (CLShareRateDialog *self,
                                             const char        *field);
const char  *cl_share_rate_dialog_get_error (CLShareRateDialog *self,
                                             const char        *field);

G_END_DECLS
