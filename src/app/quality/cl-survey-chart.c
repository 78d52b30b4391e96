#define G_LOG_DOMAIN "cl-survey-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-survey-campaign.h"
#include "cl-survey-chart.h"
#include "cl-survey-print.h"
#include "cl-survey-results.h"

struct _CLSurveyChart
{
  GtkWidget parent_instance;

  char *title;
  gint  means[4];
  char *labels[4];
  char *summary;
};

G_DEFINE_FINAL_TYPE (CLSurveyChart, cl_survey_chart, GTK_TYPE_WIDGET)

static void
draw (CLSurveyChart *self,
      cairo_t       *cr,
      int            width,
      int            height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, self->title ? self->title : "");
  const char *quarters[4] = { self->labels[0], self->labels[1], self->labels[2], self->labels[3] };
  GdkRGBA fg;
  int title_h;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &title_h);
  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  /* The printed report's chart, in the theme's colours. */
  cl_survey_trend_draw (cr, self->means, quarters, 0, title_h + 8, width, MAX (height - title_h - 8, 1),
                        fg.red, fg.green, fg.blue);
}

static void
cl_survey_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw (CL_SURVEY_CHART (widget), cr, width, height);
  cairo_destroy (cr);
}

static void
cl_survey_chart_finalize (GObject *object)
{
  CLSurveyChart *self = CL_SURVEY_CHART (object);

  g_free (self->title);
  g_free (self->summary);
  for (guint i = 0; i < 4; i++)
    g_free (self->labels[i]);
  G_OBJECT_CLASS (cl_survey_chart_parent_class)->finalize (object);
}

static void
cl_survey_chart_class_init (CLSurveyChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cl_survey_chart_finalize;
  widget_class->snapshot = cl_survey_chart_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cl_survey_chart_init (CLSurveyChart *self)
{
  for (guint i = 0; i < 4; i++)
    self->means[i] = CL_SURVEY_NONE;
  gtk_widget_set_size_request (GTK_WIDGET (self), 280, 180);
}

GtkWidget *
cl_survey_chart_new (void)
{
  return g_object_new (CL_TYPE_SURVEY_CHART, NULL);
}

void
cl_survey_chart_set_data (CLSurveyChart      *self,
                          const char         *title,
                          const gint          means[4],
                          const char * const *quarters)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_if_fail (CL_IS_SURVEY_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  g_string_append (summary, title ? title : "");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *quarter = NULL;
      g_autofree char *value = NULL;

      self->means[i] = means[i];
      g_free (self->labels[i]);
      self->labels[i] = g_strdup (quarters && quarters[i] ? quarters[i] : "");
      quarter = cl_survey_quarter_label (self->labels[i]);
      value = self->means[i] >= 0 ? cl_survey_format_tenths (self->means[i]) : g_strdup (_("No result"));
      /* TRANSLATORS: one quarter's mean mark in the chart's spoken summary */
      g_string_append_printf (summary, _("; %s: %s"), quarter, value);
    }
  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
cl_survey_chart_get_summary (CLSurveyChart *self)
{
  g_return_val_if_fail (CL_IS_SURVEY_CHART (self), NULL);
  return self->summary ? self->summary : "";
}
