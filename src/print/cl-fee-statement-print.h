#pragma once

#include <cairo.h>

#include "cl-settlement.h"

G_BEGIN_DECLS

/* The printed statement of a contract paid a fixed monthly fee
 * (cl_settlement_is_fixed_fee()): the fee, each deduction with its
 * date, reason and reference, the deductions' total and the amount
 * payable (in words too), then both parties' signatures.  When the
 * deductions are more than the fee it says that the amount payable is
 * zero.  cl-statement-print.h draws through these for such a
 * statement, so printing and the PDF export need nothing else. */

int      cl_fee_statement_n_pages (CLSettlement *s,
                                   double        width,
                                   double        height);
void     cl_fee_statement_draw    (CLSettlement *s,
                                   cairo_t      *cr,
                                   double        width,
                                   double        height,
                                   int           page);
/* The document's title: "Monthly Management Fee Statement October 2026". */
char    *cl_fee_statement_title   (CLSettlement *s);

G_END_DECLS
