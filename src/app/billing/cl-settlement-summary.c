/* cl-settlement-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-settlement-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-money.h"
#include "cl-settlement-summary.h"

struct _CLSettlementSummary
{
  GtkWidget parent_instance;

  /* template widgets: the values, beside their captions */
  GtkWidget *grid;
  GtkLabel  *gross;
  GtkLabel  *refunds;
  GtkLabel  *fee_base;
  GtkLabel  *rate;
  GtkLabel  *share;
  GtkLabel  *deductions;
  GtkLabel  *payable;
  GtkWidget *gross_caption;
  GtkWidget *refunds_caption;
  GtkWidget *fee_base_caption;
  GtkLabel  *rate_caption;
  GtkWidget *share_caption;
};

G_DEFINE_FINAL_TYPE (CLSettlementSummary, cl_settlement_summary, GTK_TYPE_WIDGET)

static void
cl_settlement_summary_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CL_TYPE_SETTLEMENT_SUMMARY);
  G_OBJECT_CLASS (cl_settlement_summary_parent_class)->dispose (object);
}

static void
cl_settlement_summary_class_init (CLSettlementSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_settlement_summary_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/billing/cl-settlement-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, grid);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, gross);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, refunds);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, fee_base);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, rate);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, share);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, deductions);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, payable);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, gross_caption);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, refunds_caption);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, fee_base_caption);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, rate_caption);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementSummary, share_caption);
}

static void
cl_settlement_summary_init (CLSettlementSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_money (GtkLabel *label,
           gint64    fen)
{
  g_autofree char *text = cl_money_format_display (fen);

  gtk_label_set_label (label, text);
}

void
cl_settlement_summary_set_settlement (CLSettlementSummary *self,
                                      CLSettlement        *settlement)
{
  g_autofree char *rates = NULL;

  g_return_if_fail (CL_IS_SETTLEMENT_SUMMARY (self));
  g_return_if_fail (CL_IS_SETTLEMENT (settlement));

  /* A fixed fee has no fees collected nor a share: its fee in the
   * rate's place, then the deductions and the amount payable. */
  {
    GtkWidget *share_only[] = {
      self->gross_caption, GTK_WIDGET (self->gross), self->refunds_caption, GTK_WIDGET (self->refunds),
      self->fee_base_caption, GTK_WIDGET (self->fee_base), self->share_caption, GTK_WIDGET (self->share),
    };
    gboolean fixed = cl_settlement_is_fixed_fee (settlement);

    for (guint i = 0; i < G_N_ELEMENTS (share_only); i++)
      gtk_widget_set_visible (share_only[i], !fixed);
    gtk_label_set_label (self->rate_caption, fixed ? _("Monthly fee") : _("Share rate"));
    if (fixed)
      {
        set_money (self->rate, cl_settlement_get_fee_fen (settlement));
        set_money (self->deductions, cl_settlement_get_deductions_fen (settlement));
        set_money (self->payable, cl_settlement_get_payable_fen (settlement));
        return;
      }
  }
  rates = cl_settlement_format_rates (settlement);
  set_money (self->gross, cl_settlement_get_gross_fen (settlement));
  set_money (self->refunds, cl_settlement_get_refunds_fen (settlement));
  set_money (self->fee_base, cl_settlement_get_fee_base_fen (settlement));
  gtk_label_set_label (self->rate, *rates ? rates : "—");
  set_money (self->share, cl_settlement_get_share_fen (settlement));
  set_money (self->deductions, cl_settlement_get_deductions_fen (settlement));
  set_money (self->payable, cl_settlement_get_payable_fen (settlement));
}

GtkLabel *
cl_settlement_summary_get_payable_label (CLSettlementSummary *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_SUMMARY (self), NULL);
  return self->payable;
}
