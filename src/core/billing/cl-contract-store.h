#pragma once

#include "cl-contract.h"
#include "cl-deduction.h"
#include "cl-settlement.h"
#include "cl-share-rate.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The contracts the monthly settlement is made for (cl-contract.h), as
 * functions on the store like cl-enrolment-store.h, whose settlement
 * functions are these for the obstetric contract.
 *
 *  - A share of the fees: the package fees collected × the contract's
 *    share rate, less its deductions (cl-settlement.h).
 *  - A fixed monthly fee: the fee in force on the month's first day,
 *    less the contract's deductions of the month, never below zero
 *    (the statement says when the deductions were more than the fee).
 *
 * Each contract has its own rates or fees, deductions and closed
 * months: closing a month of one leaves the other's open, and a closed
 * month refuses changes to what it settled for its own contract only.
 * Every rule here is the desk's and the server's (cl-tables.c). */

/* Live contracts, the shipped ones first (cl-store-billing.h). */
GPtrArray    *cl_contract_store_list          (CLStore     *store,
                                               gboolean     include_inactive);
/* The live contract of @id, or NULL. */
CLContract   *cl_contract_store_load          (CLStore     *store,
                                               const char  *id);

/* A contract's own rules into @errors (column → message): a title, a
 * known kind (a share of the package fees for the obstetric contract
 * only: they are its fees), and no change of kind once a month of it is
 * closed (its statements would no longer read as they were closed). */
void          cl_contract_store_validate      (CLStore     *store,
                                               CLContract  *contract,
                                               GHashTable  *errors);
/* Validates and saves (an administrator). */
gboolean      cl_contract_store_save          (CLStore     *store,
                                               CLContract  *contract,
                                               const char  *role,
                                               GHashTable **field_errors,
                                               GError     **error);

gboolean      cl_contract_store_month_is_closed (CLStore   *store,
                                                 const char *contract_id,
                                                 const char *month);

/* The contract's live rates or fees, oldest first. */
GPtrArray    *cl_contract_store_rate_history  (CLStore     *store,
                                               const char  *contract_id);

/* The monthly fee in force in @month ("YYYY-MM"): the latest fee from
 * its first day or before.  FALSE with a message if none. */
gboolean      cl_contract_store_fee_in        (CLStore     *store,
                                               const char  *contract_id,
                                               const char  *month,
                                               gint64      *out_fee_fen,
                                               GError     **error);

/* The statement of @month for @contract_id, as
 * cl_enrolment_store_settlement() for the obstetric one. */
CLSettlement *cl_contract_store_settlement    (CLStore     *store,
                                               const char  *contract_id,
                                               const char  *month,
                                               GError     **error);
/* Closes @month of @contract_id, as cl_enrolment_store_close_month(). */
gboolean      cl_contract_store_close_month   (CLStore     *store,
                                               const char  *contract_id,
                                               const char  *month,
                                               const char  *role,
                                               GError     **error);

G_END_DECLS
