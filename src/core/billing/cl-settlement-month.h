#pragma once

#include "cl-record.h"

G_BEGIN_DECLS

/* A settlement month once finance has closed it: closed months are
 * immutable, and the statement as closed is kept in @snapshot (the
 * lines, the deductions and the totals as JSON, see cl-settlement.h),
 * so reprinting a closed month gives the very same figures. */

#define CL_TYPE_SETTLEMENT_MONTH (cl_settlement_month_get_type ())
G_DECLARE_FINAL_TYPE (CLSettlementMonth, cl_settlement_month, CL, SETTLEMENT_MONTH, CLRecord)

CLSettlementMonth *cl_settlement_month_new (void);

/* "YYYY-MM" */
const char  *cl_settlement_month_get_month (CLSettlementMonth *self);
void         cl_settlement_month_set_month (CLSettlementMonth *self,
                                            const char        *value);
gboolean     cl_settlement_month_get_closed (CLSettlementMonth *self);
void         cl_settlement_month_set_closed (CLSettlementMonth *self,
                                             gboolean           value);
/* UTC Unix seconds */
gint64       cl_settlement_month_get_closed_at (CLSettlementMonth *self);
void         cl_settlement_month_set_closed_at (CLSettlementMonth *self,
                                                gint64             value);
const char  *cl_settlement_month_get_closed_by (CLSettlementMonth *self);
void         cl_settlement_month_set_closed_by (CLSettlementMonth *self,
                                                const char        *value);
/* JSON of the statement as closed */
const char  *cl_settlement_month_get_snapshot (CLSettlementMonth *self);
void         cl_settlement_month_set_snapshot (CLSettlementMonth *self,
                                               const char        *value);

/* The contract (cl-contract.h); the obstetric one unless set. */
const char  *cl_settlement_month_get_contract_id (CLSettlementMonth *self);
void         cl_settlement_month_set_contract_id (CLSettlementMonth *self,
                                                  const char *value);

G_END_DECLS
