/* cl-settlement-cells.c
 *
 * The cells of the Settlement view's statement lines, and the rows of a
 * fixed fee's deductions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-settlement-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-cells.h"
#include "cl-date.h"
#include "cl-money.h"
#include "cl-settlement-cells.h"
#include "cl-settlement-line-item.h"

/* ---- cells ---------------------------------------------------------- */

static const CLSettlementLine *
item_line (GtkListItem *item)
{
  return cl_settlement_line_item_get_line (gtk_list_item_get_item (item));
}

static void
set_text (GtkListItem *item,
          const char  *text)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text && *text ? text : "—");
}

static void
bind_date_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_autofree char *date = cl_date_format_iso (item_line (item)->date, CL_DATE_SHORT, NULL);

  set_text (item, date);
}

static void
bind_patient_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  set_text (item, item_line (item)->name);
}

static void
bind_package_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CLSettlementView         *self)
{
  const char *package = item_line (item)->package;

  CLSettlement *settlement = cl_settlement_view_get_settlement (self);

  set_text (item, settlement ? cl_settlement_package_display_name (settlement, package) : package);
}

static void
bind_kind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const CLSettlementLine *line = item_line (item);
  g_autofree char *text = cl_settlement_line_describe_kind (line);
  GtkWidget *label = gtk_list_item_get_child (item);

  set_text (item, text);
  if (line->kind == CL_SETTLEMENT_REFUND)
    gtk_widget_add_css_class (label, "refund");
  else
    gtk_widget_remove_css_class (label, "refund");
}

static void
bind_amount_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  g_autofree char *text = cl_money_format (item_line (item)->amount_fen);
  set_text (item, text);
}

static void
bind_rate_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_autofree char *text = cl_rate_format (item_line (item)->rate_bp);
  set_text (item, text);
}

static void
bind_share_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_autofree char *text = cl_money_format (item_line (item)->share_fen);
  set_text (item, text);
}

void
cl_settlement_cells_install (CLSettlementView    *self,
                             GtkColumnViewColumn *date_column,
                             GtkColumnViewColumn *patient_column,
                             GtkColumnViewColumn *package_column,
                             GtkColumnViewColumn *kind_column,
                             GtkColumnViewColumn *amount_column,
                             GtkColumnViewColumn *rate_column,
                             GtkColumnViewColumn *share_column)
{
  cl_cells_set_factory (date_column, G_CALLBACK (cl_cells_setup_numeric), G_CALLBACK (bind_date_cb), NULL);
  cl_cells_set_factory (patient_column, G_CALLBACK (cl_cells_setup_text), G_CALLBACK (bind_patient_cb), NULL);
  cl_cells_set_factory (package_column, G_CALLBACK (cl_cells_setup_text), G_CALLBACK (bind_package_cb), self);
  cl_cells_set_factory (kind_column, G_CALLBACK (cl_cells_setup_text), G_CALLBACK (bind_kind_cb), NULL);
  cl_cells_set_factory (amount_column, G_CALLBACK (cl_cells_setup_amount), G_CALLBACK (bind_amount_cb), NULL);
  cl_cells_set_factory (rate_column, G_CALLBACK (cl_cells_setup_amount), G_CALLBACK (bind_rate_cb), NULL);
  cl_cells_set_factory (share_column, G_CALLBACK (cl_cells_setup_amount), G_CALLBACK (bind_share_cb), NULL);
}

void
cl_settlement_cells_fill_deductions (GtkListBox   *list,
                                     CLSettlement *settlement)
{
  const CLSettlementDeduction *deductions;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);

  /* A month has a handful of deductions: rows, not a list model. */
  deductions = cl_settlement_get_deductions (settlement, &n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = cl_date_format_iso (deductions[i].date, CL_DATE_FULL, NULL);
      g_autofree char *amount = cl_money_format_display (deductions[i].amount_fen);
      g_autofree char *subtitle = NULL;
      GtkWidget *value = gtk_label_new (amount);

      /* Translators: a deduction's date and its inspection or complaint
       * number */
      subtitle = deductions[i].reference ? g_strdup_printf (_("%s · ref. %s"), date, deductions[i].reference)
                                         : g_strdup (date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), deductions[i].reason);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (list, row);
    }
}
