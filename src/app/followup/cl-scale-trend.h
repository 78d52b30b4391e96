#pragma once

#include <gtk/gtk.h>

#include "cl-scale.h"

G_BEGIN_DECLS

/* One scale's totals across her fillings, drawn with cairo: the totals
 * in date order joined by a line, the dates under them, and the bands'
 * thresholds as dashed lines with a positive screen's bands shaded.  Its
 * accessible label (and tooltip) says the same in words: each date,
 * total and band. */

#define CL_TYPE_SCALE_TREND (cl_scale_trend_get_type ())
G_DECLARE_FINAL_TYPE (CLScaleTrend, cl_scale_trend, CL, SCALE_TREND, GtkWidget)

/* @records: CLScaleRecords of @scale, any order. */
GtkWidget  *cl_scale_trend_new           (CLScale   *scale,
                                          GPtrArray *records);

guint       cl_scale_trend_get_n_points  (CLScaleTrend *self);
/* What it says in words (its accessible label). */
const char *cl_scale_trend_get_summary   (CLScaleTrend *self);

G_END_DECLS
