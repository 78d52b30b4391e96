#pragma once

#include <gtk/gtk.h>

#include "cl-context.h"
#include "cl-settlement.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* The Settlement view (issue #6): a month's service-fee statement as
 * the core computes it (cl_enrolment_store_settlement()), with month
 * navigation, a summary, a 12-month chart of the amount payable, the
 * statement lines and per-package subtotals; export to PDF and CSV,
 * printing, closing the month, deductions and the share rate.
 *
 * Nothing is computed here: every figure comes from CLSettlement.
 *
 * What whoever works may do (close a month, add deductions, set the
 * rate) follows the "context" (CLContext) the view is made with:
 * whoever may write the settlement's tables, as core says. */

#define CL_TYPE_SETTLEMENT_VIEW (cl_settlement_view_get_type ())
G_DECLARE_FINAL_TYPE (CLSettlementView, cl_settlement_view, CL, SETTLEMENT_VIEW, GtkWidget)

/* "YYYY-MM"; the default is the last complete month. */
void          cl_settlement_view_set_month      (CLSettlementView *self,
                                                 const char       *month);
const char   *cl_settlement_view_get_month      (CLSettlementView *self);
/* Re-reads the statement of the month shown. */
void          cl_settlement_view_reload         (CLSettlementView *self);
/* Reloads now if shown, else when next shown. */
void          cl_settlement_view_queue_reload   (CLSettlementView *self);

/* The statement shown, or NULL before a store is set. */
CLSettlement *cl_settlement_view_get_settlement (CLSettlementView *self);

gboolean      cl_settlement_view_export_pdf     (CLSettlementView *self,
                                                 const char       *path,
                                                 GError          **error);
gboolean      cl_settlement_view_export_csv     (CLSettlementView *self,
                                                 const char       *path,
                                                 GError          **error);
/* Closes the month shown (what the confirmation dialog does). */
gboolean      cl_settlement_view_close_month    (CLSettlementView *self,
                                                 GError          **error);

/* For tests. */
GtkLabel     *cl_settlement_view_get_payable_label (CLSettlementView *self);
GtkLabel     *cl_settlement_view_get_month_label   (CLSettlementView *self);
GtkLabel     *cl_settlement_view_get_status_label  (CLSettlementView *self);
GtkColumnView *cl_settlement_view_get_column_view  (CLSettlementView *self);

/* The contract whose statement is shown (cl-contract.h): chosen in the
 * view's dropdown, remembered in the settings. */
const char   *cl_settlement_view_get_contract_id (CLSettlementView *self);
/* Shows @contract_id's statement, as choosing it in the dropdown. */
void          cl_settlement_view_set_contract    (CLSettlementView *self,
                                                  const char       *contract_id);

/* Whether "settlement.add-deduction" (the view's "new") may be used
 * by whoever works; it changes with the context's role and store. */
gboolean      cl_settlement_view_can_add_deduction (CLSettlementView *self);

G_END_DECLS
