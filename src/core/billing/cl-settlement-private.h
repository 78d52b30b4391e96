#pragma once

/* What cl-settlement.c and cl-settlement-json.c share: private to
 * core. */

#include "cl-settlement.h"

G_BEGIN_DECLS

#define CL_SETTLEMENT_HISTORY_MONTHS 12

struct _CLSettlement
{
  GObject parent_instance;

  /* owned */
  char         *month;
  char         *hospital;
  char         *vendor;
  char         *closed_by;
  GStringChunk *strings;      /* every string of lines and deductions */
  GArray       *lines;        /* CLSettlementLine */
  GArray       *subtotals;    /* CLSettlementSubtotal */
  GArray       *deductions;   /* CLSettlementDeduction */
  GArray       *history;      /* CLSettlementHistory */
  GArray       *periods;      /* CLSettlementPeriod */
  GHashTable   *package_names; /* name in the lines → name shown */

  gint64        closed_at;
  gint64        gross_fen;
  gint64        refunds_fen;
  gint64        share_fen;
  gint64        deductions_fen;
  ClSettlementRule rule;
  char         *contract_id;   /* not in the JSON: the month's row has it */
  char         *contract_title; /* a fixed fee's, in its JSON */
  gint64        fee_fen;       /* a fixed monthly fee */
  gboolean      fixed_fee;
  gboolean      closed;
  gboolean      finished;
};

/* cl_settlement_add_line() for a name already masked (a snapshot's). */
void cl_settlement_add_line_masked (CLSettlement     *self,
                                    ClSettlementKind  kind,
                                    const char       *key,
                                    const char       *date,
                                    const char       *masked_name,
                                    const char       *package,
                                    const char       *receipt_no,
                                    gint64            amount_fen,
                                    gint              rate_bp,
                                    const char       *adjustment_of);

G_END_DECLS
