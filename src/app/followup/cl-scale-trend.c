#define G_LOG_DOMAIN "cl-scale-trend"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cl-date.h"
#include "cl-scale-record.h"
#include "cl-scale-trend.h"

#define HEIGHT    150
#define PAD_TOP   26.0   /* the title */
#define PAD_LEFT  34.0   /* the threshold numbers */
#define PAD_RIGHT 16.0
#define PAD_BELOW 24.0   /* the dates */

typedef struct
{
  gint64  filled_at;
  guint   total;
  char   *date;      /* short, for the axis */
  char   *long_date;
  char   *band;
  gboolean urgent;
} Point;

struct _CLScaleTrend
{
  GtkWidget parent_instance;

  CLScale  *scale;
  GArray   *points;    /* Point, oldest first */
  char     *summary;
};

G_DEFINE_FINAL_TYPE (CLScaleTrend, cl_scale_trend, GTK_TYPE_WIDGET)

static void
point_clear (gpointer data)
{
  Point *point = data;

  g_free (point->date);
  g_free (point->long_date);
  g_free (point->band);
}

static gint
compare_points (gconstpointer a,
                gconstpointer b)
{
  gint64 x = ((const Point *) a)->filled_at, y = ((const Point *) b)->filled_at;

  return x < y ? -1 : x > y;
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
show_text (CLScaleTrend  *self,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         align,
           gboolean       bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width, height;

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, round (x - width * align), round (y - height / 2.0));
  pango_cairo_show_layout (cr, layout);
}

static void
draw (CLScaleTrend *self,
      cairo_t      *cr,
      int           width,
      int           height)
{
  double x0 = PAD_LEFT, x1 = width - PAD_RIGHT, y0 = PAD_TOP, y1 = height - PAD_BELOW;
  guint lo = cl_scale_get_min_total (self->scale), hi = cl_scale_get_max_total (self->scale);
  guint n = self->points->len;
  GdkRGBA fg, warning, accent;
  double span = MAX (1, hi - lo);

#define Y_OF(total) (y1 - (y1 - y0) * ((double) (total) - lo) / span)
#define X_OF(i) (n == 1 ? (x0 + x1) / 2 : x0 + 12 + ((x1 - x0 - 24) * (i)) / (n - 1))

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_rgba_parse (&warning, "#e5a50a");
  gdk_rgba_parse (&accent, "#3584e4");

  set_color (cr, &fg, 1);
  show_text (self, cr, cl_scale_get_short_title (self->scale, NULL), 8, 12, 0, TRUE);

  /* A positive screen's bands shaded; each band's lowest total, after
   * the first, a dashed threshold with its number. */
  for (guint b = 0; b < cl_scale_get_n_bands (self->scale); b++)
    {
      const CLScaleBand *band = cl_scale_get_band (self->scale, b);
      double top = Y_OF (MIN (band->max + 1, hi)), bottom = Y_OF (band->min);
      g_autofree char *number = g_strdup_printf ("%u", band->min);

      if (band->positive)
        {
          set_color (cr, &warning, 0.16);
          cairo_rectangle (cr, x0, top, x1 - x0, bottom - top);
          cairo_fill (cr);
        }
      if (band->min == lo)
        continue;
      set_color (cr, &fg, 0.45);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (cr, x0, round (bottom) + 0.5);
      cairo_line_to (cr, x1, round (bottom) + 0.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      set_color (cr, &fg, 0.7);
      show_text (self, cr, number, x0 - 6, bottom, 1, FALSE);
    }
  /* The axes: the lowest total, and the range's ends. */
  set_color (cr, &fg, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x0, y1 + 0.5);
  cairo_line_to (cr, x1, y1 + 0.5);
  cairo_stroke (cr);
  set_color (cr, &fg, 0.7);
  {
    g_autofree char *low = g_strdup_printf ("%u", lo);
    g_autofree char *high = g_strdup_printf ("%u", hi);

    show_text (self, cr, low, x0 - 6, y1, 1, FALSE);
    show_text (self, cr, high, x0 - 6, y0, 1, FALSE);
  }

  /* Her totals, joined, oldest first. */
  set_color (cr, &accent, 1);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      if (i == 0)
        cairo_move_to (cr, X_OF (i), Y_OF (point->total));
      else
        cairo_line_to (cr, X_OF (i), Y_OF (point->total));
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      g_autofree char *total = g_strdup_printf ("%u", point->total);
      double x = X_OF (i), y = Y_OF (point->total);

      set_color (cr, point->urgent ? &warning : &accent, 1);
      cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
      cairo_fill (cr);
      set_color (cr, &fg, 1);
      show_text (self, cr, total, x, y - 11, 0.5, TRUE);
      /* The dates, fewer when they would crowd. */
      if (n <= 8 || i % ((n + 7) / 8) == 0 || i == n - 1)
        {
          set_color (cr, &fg, 0.7);
          show_text (self, cr, point->date, x, y1 + 12, 0.5, FALSE);
        }
    }
#undef X_OF
#undef Y_OF
}

static void
cl_scale_trend_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CLScaleTrend *self = CL_SCALE_TREND (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->scale == NULL || self->points->len == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
cl_scale_trend_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 240;
  else
    *minimum = *natural = HEIGHT;
}

guint
cl_scale_trend_get_n_points (CLScaleTrend *self)
{
  g_return_val_if_fail (CL_IS_SCALE_TREND (self), 0);
  return self->points->len;
}

const char *
cl_scale_trend_get_summary (CLScaleTrend *self)
{
  g_return_val_if_fail (CL_IS_SCALE_TREND (self), NULL);
  return self->summary;
}

static void
cl_scale_trend_finalize (GObject *object)
{
  CLScaleTrend *self = CL_SCALE_TREND (object);

  g_clear_object (&self->scale);
  g_array_unref (self->points);
  g_free (self->summary);
  G_OBJECT_CLASS (cl_scale_trend_parent_class)->finalize (object);
}

static void
cl_scale_trend_class_init (CLScaleTrendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_scale_trend_finalize;
  widget_class->snapshot = cl_scale_trend_snapshot;
  widget_class->measure = cl_scale_trend_measure;
  gtk_widget_class_set_css_name (widget_class, "scale-trend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cl_scale_trend_init (CLScaleTrend *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, point_clear);
}

GtkWidget *
cl_scale_trend_new (CLScale   *scale,
                    GPtrArray *records)
{
  CLScaleTrend *self;
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_val_if_fail (CL_IS_SCALE (scale), NULL);

  self = g_object_new (CL_TYPE_SCALE_TREND, NULL);
  self->scale = g_object_ref (scale);
  for (guint i = 0; i < records->len; i++)
    {
      CLScaleRecord *record = g_ptr_array_index (records, i);
      g_autoptr(CLScaleResult) result = cl_scale_record_score (record, NULL);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (cl_scale_record_get_filled_at (record));
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      Point point = { 0 };
      GDate date;

      if (result == NULL || local == NULL)
        continue;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      point.filled_at = cl_scale_record_get_filled_at (record);
      point.total = cl_scale_result_get_total (result);
      point.date = cl_date_format_short (&date, NULL);
      point.long_date = cl_date_format_display (&date);
      point.band = g_strdup (cl_scale_result_get_band_label (result, NULL));
      point.urgent = cl_scale_result_is_urgent (result);
      g_array_append_val (self->points, point);
    }
  g_array_sort (self->points, compare_points);

  /* Translators: the start of a trend chart's description, a scale's short name */
  g_string_printf (summary, _("%s totals by date:"), cl_scale_get_short_title (scale, NULL));
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      /* Translators: between the fillings in a trend chart's description */
      g_string_append (summary, i ? C_("trend", "; ") : " ");
      /* Translators: one filling in a trend chart's description: date, total, band */
      g_string_append_printf (summary, _("%s: %u (%s)"), point->long_date, point->total, point->band);
    }
  self->summary = g_strdup (summary->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
  return GTK_WIDGET (self);
}
