#pragma once

#include "cl-contract.h"
#include "cl-deduction.h"
#include "cl-enrolment.h"
#include "cl-package.h"
#include "cl-settlement-month.h"
#include "cl-share-rate.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Billing's reads (cl-store-billing.c): packages, enrolments,
 * deductions, share rates, and what a month's statement is made of.
 * The rules (windows, closed months, the settlement sums) are in
 * src/core/billing/.  Months are "YYYY-MM", dates ISO, both compared
 * as text. */

/* Live packages (only the active ones unless @include_inactive), the
 * dearest first, then by code. */
GPtrArray   *cl_store_billing_packages          (CLStore     *store,
                                                 gboolean     include_inactive);
/* Whether another live package than @package_id has @code. */
gboolean     cl_store_billing_package_code_taken (CLStore    *store,
                                                 const char  *code,
                                                 const char  *package_id);
/* The English name of the live package @enrolment_id is in; NULL when
 * the package is gone, "" when it has none. */
char        *cl_store_billing_enrolment_package_name_en (CLStore    *store,
                                                         const char *enrolment_id);
/* Her live enrolments, the latest agreed first. */
GPtrArray   *cl_store_billing_enrolments        (CLStore     *store,
                                                 const char  *patient_id);
/* Live deductions dated from @from up to (not including) @to, by date. */

/* Live contracts (only the active ones unless @include_inactive), the
 * shipped ones first. */
GPtrArray   *cl_store_billing_contracts         (CLStore     *store,
                                                 gboolean     include_inactive);
/* A contract's live share rates (or fees), by the date they apply from. */
GPtrArray   *cl_store_billing_share_rates       (CLStore     *store,
                                                 const char  *contract_id);
/* The same as two parallel arrays for looking a rate up by date: the
 * dates (char *, ascending) and the rates (gint64, hundredths of a
 * percent) or, with @fees, the monthly fees (gint64, fen); of two from
 * one date the one written last comes last. */
void         cl_store_billing_load_rates        (CLStore     *store,
                                                 const char  *contract_id,
                                                 gboolean     fees,
                                                 GPtrArray  **dates,
                                                 GArray     **rates_bp);

/* Months are a contract's: @contract_id's below. */

/* Whether @month is closed. */
gboolean     cl_store_billing_month_closed      (CLStore     *store,
                                                 const char  *contract_id,
                                                 const char  *month);
/* The closed months, as a set of month strings. */
GHashTable  *cl_store_billing_closed_months     (CLStore     *store,
                                                 const char  *contract_id);
/* The closed row of @month that counts (the first closed), or NULL. */
CLSettlementMonth *cl_store_billing_closed_month (CLStore    *store,
                                                 const char  *contract_id,
                                                 const char  *month);
/* Any live row of @month, closed or not, or NULL. */
CLSettlementMonth *cl_store_billing_month_row   (CLStore     *store,
                                                 const char  *contract_id,
                                                 const char  *month);
/* The gross and payable totals the closed statement of @month froze;
 * FALSE when it has none. */
gboolean     cl_store_billing_closed_totals     (CLStore     *store,
                                                 const char  *contract_id,
                                                 const char  *month,
                                                 gint64      *gross_fen,
                                                 gint64      *payable_fen);
/* Keys of every line and deduction settled in the closed months from
 * @from_month up to (not including) @to_month, as a set. */
GHashTable  *cl_store_billing_settled_keys      (CLStore     *store,
                                                 const char  *contract_id,
                                                 const char  *from_month,
                                                 const char  *to_month);

/* Where a statement's entries come from. */
typedef enum
{
  CL_BILLING_PAYMENTS,
  CL_BILLING_REFUNDS,
  CL_BILLING_DEDUCTIONS,
} ClBillingSource;

/* One dated amount of a month: a payment or refund of an enrolment, or
 * a deduction.  Valid during the callback only. */
typedef struct
{
  const char *id;         /* of the enrolment or deduction */
  const char *date;       /* paid, cancelled or deducted on */
  const char *label;      /* the patient's name; a deduction's reason */
  const char *detail;     /* the package's name; a deduction's reference */
  const char *receipt;    /* NULL for a deduction */
  gint64      amount_fen;
  const char *paid_date;  /* the payment's, for a refund's rate; NULL for a deduction */
} ClBillingEntry;

/* Return FALSE (setting @error) to stop. */
typedef gboolean (*ClBillingEntryFunc) (const ClBillingEntry  *entry,
                                        gpointer               user_data,
                                        GError               **error);

/* Calls @func for every live entry of @source with an amount, dated
 * from @from up to (not including) @to; FALSE when @func or the store
 * failed.  Deductions are @contract_id's; payments and refunds are the
 * package fees, whichever contract shares them. */
gboolean     cl_store_billing_foreach_entry     (CLStore            *store,
                                                 const char         *contract_id,
                                                 ClBillingSource     source,
                                                 const char         *from,
                                                 const char         *to,
                                                 ClBillingEntryFunc  func,
                                                 gpointer            user_data,
                                                 GError            **error);

G_END_DECLS
