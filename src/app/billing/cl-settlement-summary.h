#pragma once

#include <gtk/gtk.h>

#include "cl-settlement.h"

G_BEGIN_DECLS

/* The totals of a month's statement beside their captions: gross
 * collected, refunds, fee base, share rate(s), vendor share,
 * deductions and the amount payable. */

#define CL_TYPE_SETTLEMENT_SUMMARY (cl_settlement_summary_get_type ())
G_DECLARE_FINAL_TYPE (CLSettlementSummary, cl_settlement_summary, CL, SETTLEMENT_SUMMARY, GtkWidget)

/* Shows the totals of @settlement. */
void       cl_settlement_summary_set_settlement    (CLSettlementSummary *self,
                                                    CLSettlement        *settlement);
GtkLabel  *cl_settlement_summary_get_payable_label (CLSettlementSummary *self);

G_END_DECLS
