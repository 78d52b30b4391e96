#pragma once

#include <glib-object.h>

#include "cl-settlement.h"

G_BEGIN_DECLS

/* One statement line as a list item: a reference to the statement and
 * the line's index, so a model of 10 000 lines costs 10 000 small
 * objects and no copies of the strings. */

#define CL_TYPE_SETTLEMENT_LINE_ITEM (cl_settlement_line_item_get_type ())
G_DECLARE_FINAL_TYPE (CLSettlementLineItem, cl_settlement_line_item, CL, SETTLEMENT_LINE_ITEM, GObject)

CLSettlementLineItem   *cl_settlement_line_item_new      (CLSettlement         *settlement,
                                                          guint                 index);
const CLSettlementLine *cl_settlement_line_item_get_line (CLSettlementLineItem *self);

/* A list of items for every line of @settlement, in the statement's
 * order. */
GListModel             *cl_settlement_line_item_list_new (CLSettlement         *settlement);

G_END_DECLS
