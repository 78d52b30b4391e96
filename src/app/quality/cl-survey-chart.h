#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The trend of a survey's mean mark over four quarters, as bars drawn
 * with cairo on a 1–5 axis: a quarter with nothing to show (no answers,
 * or withheld for anonymity) has no bar and says so.  Its accessible
 * label reads the same figures. */
#define CL_TYPE_SURVEY_CHART (cl_survey_chart_get_type ())
G_DECLARE_FINAL_TYPE (CLSurveyChart, cl_survey_chart, CL, SURVEY_CHART, GtkWidget)

GtkWidget *cl_survey_chart_new      (void);

/* @means in tenths of a mark (CL_SURVEY_NONE for none) of the four
 * @quarters ("2026-Q4"), the oldest first, for @title. */
void       cl_survey_chart_set_data (CLSurveyChart      *self,
                                     const char         *title,
                                     const gint          means[4],
                                     const char * const *quarters);
/* What the chart says in words (its accessible label). */
const char *cl_survey_chart_get_summary (CLSurveyChart *self);

G_END_DECLS
