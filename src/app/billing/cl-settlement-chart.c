/* cl-settlement-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-settlement-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-enrolment-store.h"
#include "cl-money.h"
#include "cl-settlement-chart.h"

struct _CLSettlementChart
{
  GtkDrawingArea parent_instance;

  /* owned */
  CLSettlement *settlement;
};

G_DEFINE_FINAL_TYPE (CLSettlementChart, cl_settlement_chart, GTK_TYPE_DRAWING_AREA)

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  CLSettlementChart *self = CL_SETTLEMENT_CHART (area);
  const CLSettlementHistory *months;
  const char *month;
  guint n_months = 0;
  gint64 top = 0, bottom = 0;
  GdkRGBA fg;
  double label_h = 18, value_h = 16, plot_h, zero_y, slot;
  g_autofree char *today = NULL;

  if (self->settlement == NULL)
    return;
  months = cl_settlement_get_history (self->settlement, &n_months);
  if (n_months == 0)
    return;

  month = cl_settlement_get_month (self->settlement);
  today = cl_enrolment_month_this ();
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);

  for (guint i = 0; i < n_months; i++)
    {
      top = MAX (top, months[i].payable_fen);
      bottom = MIN (bottom, months[i].payable_fen);
    }
  if (top == bottom)
    top = bottom + 1;

  plot_h = height - label_h - value_h;
  zero_y = value_h + plot_h * (double) top / (double) (top - bottom);
  slot = (double) width / n_months;

  for (guint i = 0; i < n_months; i++)
    {
      const CLSettlementHistory *m = &months[i];
      gboolean shown = g_strcmp0 (m->month, month) == 0;
      gboolean current = g_strcmp0 (m->month, today) == 0;
      double bar_w = MIN (slot * 0.6, 48);
      double x = i * slot + (slot - bar_w) / 2;
      double h = plot_h * (double) m->payable_fen / (double) (top - bottom);
      g_autofree char *label = NULL;
      PangoLayout *layout;
      int lw, lh;

      /* The month shown is in the accent colour, the others quieter;
       * an open month is lighter than a closed one. */
      if (shown)
        cairo_set_source_rgb (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
      else
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, m->closed ? 0.45 : 0.22);
      if (h >= 0)
        cairo_rectangle (cr, x, zero_y - h, bar_w, MAX (h, 1));
      else
        cairo_rectangle (cr, x, zero_y, bar_w, -h);
      cairo_fill (cr);
      if (current)
        {
          /* Today's month, still running: outlined. */
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
          cairo_set_line_width (cr, 1.5);
          cairo_rectangle (cr, x - 0.75, zero_y - MAX (h, 1) - 0.75, bar_w + 1.5, MAX (h, 1) + 1.5);
          cairo_stroke (cr);
        }

      /* Translators: a month under a bar of the chart, a
       * g_date_time_format() format: "Oct"; in Chinese "%-m月" */
      label = cl_enrolment_month_format (m->month, _("%b"));
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), label);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, shown ? 1.0 : 0.6);
      cairo_move_to (cr, i * slot + (slot - lw) / 2, height - lh);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);

      if (shown)
        {
          g_autofree char *value = cl_money_format (m->payable_fen);
          double vx;

          layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), value);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          vx = CLAMP (i * slot + (slot - lw) / 2, 0, width - lw);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 1.0);
          cairo_move_to (cr, vx, MAX (0, zero_y - MAX (h, 0) - lh - 2));
          pango_cairo_show_layout (cr, layout);
          g_object_unref (layout);
        }
    }

  /* The zero line. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, floor (zero_y) + 0.5);
  cairo_line_to (cr, width, floor (zero_y) + 0.5);
  cairo_stroke (cr);
}

static void
cl_settlement_chart_dispose (GObject *object)
{
  CLSettlementChart *self = CL_SETTLEMENT_CHART (object);

  g_clear_object (&self->settlement);
  G_OBJECT_CLASS (cl_settlement_chart_parent_class)->dispose (object);
}

static void
cl_settlement_chart_class_init (CLSettlementChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_settlement_chart_dispose;
}

static void
cl_settlement_chart_init (CLSettlementChart *self)
{
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
}

void
cl_settlement_chart_set_settlement (CLSettlementChart *self,
                                    CLSettlement      *settlement)
{
  g_return_if_fail (CL_IS_SETTLEMENT_CHART (self));
  g_return_if_fail (settlement == NULL || CL_IS_SETTLEMENT (settlement));

  g_set_object (&self->settlement, settlement);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
