#pragma once

#include <gtk/gtk.h>

#include "cl-settlement.h"

G_BEGIN_DECLS

/* The settlement view's bar chart: the amount payable in each of the
 * last 12 months of a statement (cl_settlement_get_history()), the
 * statement's own month in the accent colour with its amount, closed
 * months darker than open ones, and this month outlined. */

#define CL_TYPE_SETTLEMENT_CHART (cl_settlement_chart_get_type ())
G_DECLARE_FINAL_TYPE (CLSettlementChart, cl_settlement_chart, CL, SETTLEMENT_CHART, GtkDrawingArea)

/* The statement to chart; NULL draws nothing. */
void       cl_settlement_chart_set_settlement (CLSettlementChart *self,
                                               CLSettlement      *settlement);

G_END_DECLS
