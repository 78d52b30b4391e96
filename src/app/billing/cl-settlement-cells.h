#pragma once

#include <gtk/gtk.h>

#include "cl-settlement-view.h"

G_BEGIN_DECLS

/* The factories of the statement's columns (their cells read the
 * view's statement for the packages' names). */
void cl_settlement_cells_install (CLSettlementView    *self,
                                  GtkColumnViewColumn *date_column,
                                  GtkColumnViewColumn *patient_column,
                                  GtkColumnViewColumn *package_column,
                                  GtkColumnViewColumn *kind_column,
                                  GtkColumnViewColumn *amount_column,
                                  GtkColumnViewColumn *rate_column,
                                  GtkColumnViewColumn *share_column);

/* One row per deduction of @settlement: its reason, date and
 * reference, and amount. */
void cl_settlement_cells_fill_deductions (GtkListBox   *list,
                                          CLSettlement *settlement);

G_END_DECLS
