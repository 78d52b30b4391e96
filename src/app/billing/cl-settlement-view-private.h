#pragma once

/* What cl-settlement-view.c and cl-settlement-view-contracts.c share. */

#include <adwaita.h>

#include "cl-settlement-chart.h"
#include "cl-settlement-summary.h"
#include "cl-settlement-view.h"

G_BEGIN_DECLS

struct _CLSettlementView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget           *box;
  GtkLabel            *month_label;
  GtkLabel            *status_label;
  CLSettlementSummary *summary;
  CLSettlementChart   *chart;
  GtkStack            *content_stack;
  AdwStatusPage       *empty_page;
  GtkColumnView       *column_view;
  GtkGrid             *subtotal_grid;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *patient_column;
  GtkColumnViewColumn *package_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *amount_column;
  GtkColumnViewColumn *rate_column;
  GtkColumnViewColumn *share_column;
  GtkDropDown         *contract_dropdown;
  GtkWidget           *contract_menu_button;
  GtkButton           *rate_button;
  GtkListBox          *deduction_list;
  GtkLabel            *fee_note;

  /* owned */
  CLContext           *context;
  CLStore             *store;    /* the context's, while it has one */
  CLSettlement        *settlement;
  GPtrArray           *contracts;   /* CLContract, as the dropdown lists them */
  char                *contract_id; /* the one shown */
  char                 month[8];
  gboolean             stale;    /* reload when next shown */
};

/* Re-reads the contracts into the dropdown and shows the one last
 * chosen (kept in the settings), else the obstetric one. */
void cl_settlement_view_load_contracts      (CLSettlementView *self);
/* The dropdown's "notify::selected". */
void cl_settlement_view_contract_chosen_cb  (CLSettlementView *self);
/* settlement.edit-contract and settlement.new-contract. */
void cl_settlement_view_contract_action     (GtkWidget        *widget,
                                             const char       *action_name,
                                             GVariant         *param);

G_END_DECLS
