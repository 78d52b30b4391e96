#define G_LOG_DOMAIN "cl-pregnancy-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-patient-store.h"
#include "cl-pregnancy-timeline.h"
#include "cl-risk-event.h"
#include "cl-scale-record.h"
#include "cl-store-followup.h"
#include "cl-visit-store.h"

#define AXIS_DAYS   (42 * 7)
#define PAD         12.0
#define BAND_H      10.0
#define VISIT_H     22.0
#define REPORT_R    5.0
#define ROW_GAP     10.0
#define HEIGHT      140
#define REPORT_ALPHA 0.7
#define TODAY_COLOR  "#e66100"
/* Scale fillings, diamonds in the reports' row: blue, or dark orange
 * for a positive screen or a flagged answer. */
#define SCALE_COLOR  "#3584e4"
#define URGENT_COLOR "#c64600"

typedef struct
{
  graphene_rect_t  area;      /* hit area, widget coordinates */
  char            *tooltip;
  gboolean         report;
} Mark;

typedef struct
{
  gint   from_day;
  gint   to_day;
  GdkRGBA color;
  char  *label;
} Band;

struct _CLPregnancyTimeline
{
  GtkWidget parent_instance;

  gboolean  dated;
  GDate     edd;
  GDate     today;
  GDate     delivery;
  GArray   *visits;    /* VisitMark */
  GArray   *reports;   /* ReportMark */
  GArray   *scales;    /* ReportMark: her scale fillings */
  GArray   *bands;     /* Band */
  GArray   *marks;     /* Mark: rebuilt at each snapshot */
};

typedef struct
{
  gint          start_day;
  gint          end_day;
  ClVisitState  state;
  char         *tooltip;
} VisitMark;

typedef struct
{
  gint      day;
  char     *tooltip;
  gboolean  urgent;   /* a scale's positive screen or flag */
} ReportMark;

G_DEFINE_FINAL_TYPE (CLPregnancyTimeline, cl_pregnancy_timeline, GTK_TYPE_WIDGET)

static void
mark_clear (gpointer data)
{
  g_free (((Mark *) data)->tooltip);
}

static void
band_clear (gpointer data)
{
  g_free (((Band *) data)->label);
}

static void
visit_clear (gpointer data)
{
  g_free (((VisitMark *) data)->tooltip);
}

static void
report_clear (gpointer data)
{
  g_free (((ReportMark *) data)->tooltip);
}

/* State colours: the palette of the GNOME HIG, as in the style sheet. */
static void
state_color (ClVisitState state,
             GdkRGBA     *rgba)
{
  const char *colors[] = {
    [CL_VISIT_UPCOMING] = "rgba(119,118,123,0.35)",
    [CL_VISIT_DUE] = "#3584e4",
    [CL_VISIT_OVERDUE] = "#e01b24",
    [CL_VISIT_DONE] = "#2ec27e",
    [CL_VISIT_SKIPPED] = "rgba(119,118,123,0.15)",
  };
  gdk_rgba_parse (rgba, colors[state]);
}

static gint
day_of (CLPregnancyTimeline *self,
        const GDate         *date)
{
  return cl_dating_gestational_days (&self->edd, date);
}

static void
load_visits (CLPregnancyTimeline *self,
             CLStore             *store,
             CLPregnancy         *pregnancy)
{
  g_autoptr(ClVisitPlan) plan = cl_visit_store_load_plan (store, pregnancy, &self->today);

  for (guint i = 0; plan && i < cl_visit_plan_get_n_visits (plan); i++)
    {
      const ClPlannedVisit *visit = cl_visit_plan_get_visit (plan, i);
      g_autofree char *from = cl_date_format_display (&visit->start);
      g_autofree char *to = cl_date_format_display (&visit->end);
      VisitMark mark;

      /* The axis is the pregnancy; the postpartum revisit is listed
       * in the Visits group. */
      if (visit->window->anchor != CL_VISIT_ANCHOR_PREGNANCY)
        continue;
      mark.start_day = visit->window->start_day;
      mark.end_day = visit->window->end_day;
      mark.state = visit->state;
      if (visit->state == CL_VISIT_DONE && g_date_valid (&visit->done_date))
        {
          g_autofree char *done = cl_date_format_display (&visit->done_date);

          /* Translators: timeline tooltip: visit name, its window, when it was done */
          mark.tooltip = g_strdup_printf (_("%s\n%s – %s\nDone on %s"), visit->window->label, from, to, done);
        }
      else
        /* Translators: timeline tooltip: visit name, its window, its state */
        mark.tooltip = g_strdup_printf (_("%s\n%s – %s\n%s"), visit->window->label, from, to,
                                        cl_visit_state_to_label (visit->state));
      g_array_append_val (self->visits, mark);
    }
}

static void
load_reports (CLPregnancyTimeline *self,
              CLStore             *store,
              const char          *pregnancy_id)
{
  g_autoptr(GPtrArray) reports = cl_visit_store_list_reports (store, pregnancy_id);

  for (guint i = 0; i < reports->len; i++)
    {
      ClReport *report = g_ptr_array_index (reports, i);
      g_autofree char *date_text = NULL;
      g_autofree char *ga = NULL;
      ReportMark mark;
      GDate date;

      if (!report->check_date || !cl_date_parse (report->check_date, &date, NULL))
        continue;
      mark.day = day_of (self, &date);
      date_text = cl_date_format_display (&date);
      ga = cl_dating_format_ga_display (mark.day);
      mark.tooltip = g_strdup_printf ("%s\n%s · %s", report->title ? report->title : "—",
                                      date_text, ga ? ga : "—");
      g_array_append_val (self->reports, mark);
    }
}

/* Her scale fillings during this pregnancy: the scale, its total and
 * band, what was flagged, the date. */
static void
load_scales (CLPregnancyTimeline *self,
             CLStore             *store,
             CLPregnancy         *pregnancy)
{
  g_autoptr(GPtrArray) results = cl_store_scale_results_for_patient (store, cl_pregnancy_get_patient_id (pregnancy));

  for (guint i = 0; i < results->len; i++)
    {
      CLScaleRecord *record = g_ptr_array_index (results, i);
      g_autoptr(CLScaleResult) result = cl_scale_record_score (record, NULL);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (cl_scale_record_get_filled_at (record));
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      g_autofree char *date_text = NULL;
      g_autofree char *ga = NULL;
      g_autoptr(GString) tip = g_string_new (NULL);
      ReportMark mark = { 0 };
      GDate date;

      if (result == NULL || local == NULL)
        continue;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      mark.day = day_of (self, &date);
      /* One from before this pregnancy is not hers to show here; one
       * after the axis (the 42-day revisit) sits at its end. */
      if (mark.day < 0)
        continue;
      mark.urgent = cl_scale_result_is_urgent (result);
      date_text = cl_date_format_display (&date);
      ga = cl_dating_format_ga_display (mark.day);
      /* Translators: timeline tooltip: a scale's short name, her total and its band */
      g_string_printf (tip, _("%s %u · %s"), cl_scale_get_short_title (cl_scale_result_get_scale (result), NULL),
                       cl_scale_result_get_total (result), cl_scale_result_get_band_label (result, NULL));
      for (guint f = 0; f < cl_scale_result_get_n_flags (result); f++)
        g_string_append_printf (tip, "\n%s", cl_local_text_get (cl_scale_result_get_flag (result, f)->rule->label, NULL));
      g_string_append_printf (tip, "\n%s · %s", date_text, ga ? ga : "—");
      mark.tooltip = g_strdup (tip->str);
      g_array_append_val (self->scales, mark);
    }
}

static void
load_bands (CLPregnancyTimeline *self,
            CLStore             *store,
            const char          *pregnancy_id)
{
  g_autoptr(GPtrArray) events = cl_patient_store_risk_history (store, pregnancy_id);
  ClRiskScale *scale = cl_store_get_risk_scale (store);
  gint end_day = MIN (day_of (self, &self->today), AXIS_DAYS);

  if (g_date_valid (&self->delivery))
    end_day = MIN (end_day, day_of (self, &self->delivery));

  /* Each colour holds from its assessment to the next one (or today). */
  for (guint i = 0; i < events->len; i++)
    {
      CLRiskEvent *event = g_ptr_array_index (events, i);
      g_auto(GStrv) codes = g_strsplit (cl_risk_event_get_risk (event) ? cl_risk_event_get_risk (event) : "", "+", 2);
      const ClRiskLevel *level = codes[0] ? cl_risk_scale_lookup (scale, codes[0]) : NULL;
      g_autofree char *label = cl_risk_format (scale, cl_risk_event_get_risk (event));
      g_autofree char *date_text = NULL;
      Band band;
      GDate date;

      if (!cl_date_parse (cl_risk_event_get_date (event), &date, NULL) || level == NULL)
        continue;
      band.from_day = day_of (self, &date);
      band.to_day = end_day;
      if (i + 1 < events->len)
        {
          GDate next;

          if (cl_date_parse (cl_risk_event_get_date (g_ptr_array_index (events, i + 1)), &next, NULL))
            band.to_day = day_of (self, &next);
        }
      if (!gdk_rgba_parse (&band.color, level->color))
        continue;
      date_text = cl_date_format_display (&date);
      /* Translators: timeline tooltip: a risk colour and the day it was assessed */
      band.label = g_strdup_printf (_("Risk: %s\nfrom %s"), label, date_text);
      g_array_append_val (self->bands, band);
    }
}

void
cl_pregnancy_timeline_load (CLPregnancyTimeline *self,
                            CLStore             *store,
                            CLPregnancy         *pregnancy)
{
  g_return_if_fail (CL_IS_PREGNANCY_TIMELINE (self));

  g_array_set_size (self->visits, 0);
  g_array_set_size (self->reports, 0);
  g_array_set_size (self->scales, 0);
  g_array_set_size (self->bands, 0);
  g_date_clear (&self->delivery, 1);
  cl_date_today (&self->today);
  self->dated = pregnancy &&
                cl_date_parse (cl_pregnancy_get_effective_edd (pregnancy), &self->edd, NULL);

  if (self->dated)
    {
      const char *id = cl_record_get_id (CL_RECORD (pregnancy));

      if (cl_pregnancy_get_delivery_date (pregnancy))
        cl_date_parse (cl_pregnancy_get_delivery_date (pregnancy), &self->delivery, NULL);
      load_visits (self, store, pregnancy);
      load_reports (self, store, id);
      load_scales (self, store, pregnancy);
      load_bands (self, store, id);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Geometry shared by snapshot and hit testing. */
typedef struct
{
  double x0, x1;        /* the axis, day 0 to day 294 */
  double band_y, visit_y, report_y, axis_y, legend_y;
  double gutter;        /* width of the row labels */
} Geometry;

static PangoLayout *
make_layout (CLPregnancyTimeline *self,
             const char          *text,
             gboolean             small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static double
text_width (CLPregnancyTimeline *self,
            const char          *text)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static const char *
row_label (guint row)
{
  const char *labels[] = { N_("Risk"), N_("Visits"), N_("Reports") };

  return _(labels[row]);
}

static void
compute_geometry (CLPregnancyTimeline *self,
                  Geometry            *g)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  g->gutter = 0;
  for (guint i = 0; i < 3; i++)
    g->gutter = MAX (g->gutter, text_width (self, row_label (i)));
  g->x0 = PAD + g->gutter + 10;
  g->x1 = MAX (g->x0 + 100, width - PAD - 6);
  g->band_y = 24;
  g->visit_y = g->band_y + BAND_H + ROW_GAP;
  g->report_y = g->visit_y + VISIT_H + ROW_GAP + REPORT_R;
  g->axis_y = g->report_y + REPORT_R + ROW_GAP;
  g->legend_y = g->axis_y + 30;
}

static double
x_of (const Geometry *g,
      double          day)
{
  return g->x0 + (g->x1 - g->x0) * CLAMP (day, 0, AXIS_DAYS) / AXIS_DAYS;
}

static void
add_mark (CLPregnancyTimeline *self,
          double x, double y, double w, double h,
          const char          *tooltip,
          gboolean             report)
{
  Mark mark = { GRAPHENE_RECT_INIT (x, y, w, h), g_strdup (tooltip), report };

  g_array_append_val (self->marks, mark);
}

static void
get_fg (CLPregnancyTimeline *self,
        GdkRGBA             *fg)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_text (GtkSnapshot         *snapshot,
           CLPregnancyTimeline *self,
           const char          *text,
           double               x,
           double               y,
           double               align,   /* 0 left, 0.5 centre, 1 right */
           const GdkRGBA       *color)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - width * align), round (y - height / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
fill_rounded (GtkSnapshot   *snapshot,
              double x, double y, double w, double h, double r,
              const GdkRGBA *color)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, w, h), MIN (r, MIN (w, h) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_pop (snapshot);
}

static void
fill_diamond (GtkSnapshot   *snapshot,
              double         x,
              double         y,
              double         r,
              const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_rotate (snapshot, 45);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-r * 0.75, -r * 0.75, r * 1.5, r * 1.5));
  gtk_snapshot_restore (snapshot);
}

static void
draw_axis (GtkSnapshot         *snapshot,
           CLPregnancyTimeline *self,
           const Geometry      *g,
           const GdkRGBA       *fg)
{
  GdkRGBA dim = *fg, shade = *fg;
  /* Trimesters: 0–13+6, 14–27+6, 28 on. */
  const struct { gint from, to; const char *label; } trimesters[] = {
    { 0, 14 * 7, N_("First trimester") },
    { 14 * 7, 28 * 7, N_("Second trimester") },
    { 28 * 7, AXIS_DAYS, N_("Third trimester") },
  };

  dim.alpha = 0.55;
  shade.alpha = 0.045;
  for (guint i = 0; i < G_N_ELEMENTS (trimesters); i++)
    {
      double a = x_of (g, trimesters[i].from), b = x_of (g, trimesters[i].to);

      if (i % 2 == 0)
        gtk_snapshot_append_color (snapshot, &shade,
                                   &GRAPHENE_RECT_INIT (a, g->band_y - 18, b - a, g->axis_y - g->band_y + 18));
      draw_text (snapshot, self, _(trimesters[i].label), (a + b) / 2, g->band_y - 10, 0.5, &dim);
    }

  gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (g->x0, g->axis_y, g->x1 - g->x0, 1));
  for (gint week = 0; week <= 42; week++)
    {
      double x = x_of (g, week * 7);
      gboolean major = week % 4 == 0 || week == 42;

      gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (round (x), g->axis_y, 1, major ? 6 : 3));
      if (major)
        {
          g_autofree char *label = g_strdup_printf ("%d", week);

          draw_text (snapshot, self, label, x, g->axis_y + 14, 0.5, &dim);
        }
    }
  /* Translators: the unit under the timeline's weeks axis */
  draw_text (snapshot, self, _("weeks"), g->x0 - 8, g->axis_y + 14, 1.0, &dim);

  for (guint i = 0; i < 3; i++)
    {
      const double ys[] = { g->band_y + BAND_H / 2, g->visit_y + VISIT_H / 2, g->report_y };

      draw_text (snapshot, self, row_label (i), PAD, ys[i], 0, &dim);
    }
}

/* The legend under the axis: the visit states, a report, today's line
 * and the due date's, so the drawing explains itself. */
static void
draw_legend (GtkSnapshot         *snapshot,
             CLPregnancyTimeline *self,
             const Geometry      *g,
             const GdkRGBA       *fg,
             const char          *edd_label,
             const char          *today_label)
{
  const ClVisitState states[] = { CL_VISIT_DONE, CL_VISIT_DUE, CL_VISIT_OVERDUE, CL_VISIT_UPCOMING };
  GdkRGBA report_color, accent;
  double x = g->x0;

  report_color = *fg;
  report_color.alpha = REPORT_ALPHA;
  gdk_rgba_parse (&accent, TODAY_COLOR);
  for (guint i = 0; i < G_N_ELEMENTS (states) + 4; i++)
    {
      const char *label;
      GdkRGBA color;

      if (i < G_N_ELEMENTS (states))
        {
          label = cl_visit_state_to_label (states[i]);
          state_color (states[i], &color);
          fill_rounded (snapshot, x, g->legend_y - 5, 14, 10, 3, &color);
        }
      else if (i == G_N_ELEMENTS (states))
        {
          label = _("Report");
          fill_rounded (snapshot, x + 2, g->legend_y - 5, 10, 10, 5, &report_color);
        }
      else if (i == G_N_ELEMENTS (states) + 1)
        {
          if (self->scales->len == 0)
            continue;
          label = _("Scale");
          gdk_rgba_parse (&color, SCALE_COLOR);
          fill_diamond (snapshot, x + 7, g->legend_y, 5, &color);
        }
      else if (i == G_N_ELEMENTS (states) + 2)
        {
          label = today_label;
          if (label == NULL)
            continue;
          gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x + 6, g->legend_y - 7, 2, 14));
        }
      else
        {
          label = edd_label;
          gtk_snapshot_append_color (snapshot, fg, &GRAPHENE_RECT_INIT (x + 6, g->legend_y - 7, 2, 14));
        }
      draw_text (snapshot, self, label, x + 19, g->legend_y, 0, fg);
      /* Closer when the scales' entry is there too, so the legend
       * still fits the page's width at 1024 pixels. */
      x += 19 + text_width (self, label) + (self->scales->len ? 11 : 16);
    }
}

static void
cl_pregnancy_timeline_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  CLPregnancyTimeline *self = CL_PREGNANCY_TIMELINE (widget);
  GdkRGBA fg, accent, report_color;
  Geometry g;

  g_array_set_size (self->marks, 0);
  get_fg (self, &fg);

  if (!self->dated)
    {
      GdkRGBA dim = fg;

      dim.alpha = 0.55;
      draw_text (snapshot, self, _("No due date yet: enter the last menstrual period"),
                 gtk_widget_get_width (widget) / 2.0, HEIGHT / 2.0, 0.5, &dim);
      return;
    }

  compute_geometry (self, &g);
  draw_axis (snapshot, self, &g, &fg);

  for (guint i = 0; i < self->bands->len; i++)
    {
      const Band *band = &g_array_index (self->bands, Band, i);
      double a = x_of (&g, band->from_day), b = x_of (&g, band->to_day);

      if (b - a < 2)
        b = a + 2;
      fill_rounded (snapshot, a, g.band_y, b - a, BAND_H, 3, &band->color);
      add_mark (self, a, g.band_y - 2, b - a, BAND_H + 4, band->label, FALSE);
    }

  for (guint i = 0; i < self->visits->len; i++)
    {
      const VisitMark *visit = &g_array_index (self->visits, VisitMark, i);
      double a = x_of (&g, visit->start_day) + 1, b = x_of (&g, visit->end_day + 1) - 1;
      GdkRGBA color;

      state_color (visit->state, &color);
      fill_rounded (snapshot, a, g.visit_y, b - a, VISIT_H, 5, &color);
      add_mark (self, a, g.visit_y, b - a, VISIT_H, visit->tooltip, FALSE);
    }

  /* Reports in the text colour: apart from the state colours, and
   * right in a dark style too. */
  report_color = fg;
  report_color.alpha = REPORT_ALPHA;
  for (guint i = 0; i < self->reports->len; i++)
    {
      const ReportMark *report = &g_array_index (self->reports, ReportMark, i);
      double x = x_of (&g, report->day);

      fill_rounded (snapshot, x - REPORT_R, g.report_y - REPORT_R, 2 * REPORT_R, 2 * REPORT_R,
                    REPORT_R, &report_color);
      add_mark (self, x - REPORT_R - 2, g.report_y - REPORT_R - 2, 2 * REPORT_R + 4, 2 * REPORT_R + 4,
                report->tooltip, TRUE);
    }

  for (guint i = 0; i < self->scales->len; i++)
    {
      const ReportMark *scale = &g_array_index (self->scales, ReportMark, i);
      double x = x_of (&g, scale->day);
      GdkRGBA color;

      gdk_rgba_parse (&color, scale->urgent ? URGENT_COLOR : SCALE_COLOR);
      fill_diamond (snapshot, x, g.report_y, REPORT_R + 1, &color);
      add_mark (self, x - REPORT_R - 2, g.report_y - REPORT_R - 2, 2 * REPORT_R + 4, 2 * REPORT_R + 4,
                scale->tooltip, TRUE);
    }

  /* The due date at 40+0, and today. */
  {
    g_autofree char *edd_text = cl_date_format_short (&self->edd, &self->today);
    g_autofree char *edd_label = NULL;
    g_autofree char *edd_tip = NULL;
    g_autofree char *edd_long = cl_date_format_display (&self->edd);
    g_autofree char *today_label = NULL;
    double x = x_of (&g, CL_PREGNANCY_DAYS);
    gint today_day = day_of (self, &self->today);

    /* Translators: the due date on the timeline's axis */
    edd_label = g_strdup_printf (_("EDD %s"), edd_text);
    gtk_snapshot_append_color (snapshot, &fg, &GRAPHENE_RECT_INIT (round (x) - 1, g.band_y, 2, g.axis_y - g.band_y + 6));
    /* Translators: tooltip of the due date on the timeline */
    edd_tip = g_strdup_printf (_("Due date: %s"), edd_long);
    add_mark (self, x - 4, g.band_y, 8, g.axis_y - g.band_y + 20, edd_tip, FALSE);

    gdk_rgba_parse (&accent, TODAY_COLOR);
    if (today_day >= 0 && today_day <= AXIS_DAYS)
      {
        g_autofree char *ga = cl_dating_format_ga_display (today_day);
        g_autofree char *tip = NULL;

        x = x_of (&g, today_day);
        gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (round (x) - 1, g.band_y - 4, 2, g.axis_y - g.band_y + 4));
        fill_rounded (snapshot, x - 4, g.band_y - 8, 8, 8, 4, &accent);
        /* Translators: today's line on the timeline, with the gestational age */
        tip = g_strdup_printf (_("Today · %s"), ga);
        add_mark (self, x - 4, g.band_y - 8, 8, g.axis_y - g.band_y + 8, tip, FALSE);
        today_label = g_steal_pointer (&tip);
      }
    draw_legend (snapshot, self, &g, &fg, edd_label, today_label);
  }
}

static void
cl_pregnancy_timeline_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 360;
  else
    *minimum = *natural = HEIGHT;
}

static const Mark *
mark_at (CLPregnancyTimeline *self,
         double               x,
         double               y)
{
  const Mark *found = NULL;

  /* Reports and lines are drawn last and are small: they win. */
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      if (graphene_rect_contains_point (&mark->area, &GRAPHENE_POINT_INIT (x, y)))
        found = mark;
    }
  return found;
}

static gboolean
cl_pregnancy_timeline_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard,
                                     GtkTooltip *tooltip)
{
  const Mark *mark = mark_at (CL_PREGNANCY_TIMELINE (widget), x, y);

  if (mark == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, mark->tooltip);
  return TRUE;
}

char *
cl_pregnancy_timeline_tooltip_at (CLPregnancyTimeline *self,
                                  double               x,
                                  double               y)
{
  const Mark *mark;

  g_return_val_if_fail (CL_IS_PREGNANCY_TIMELINE (self), NULL);

  mark = mark_at (self, x, y);
  return mark ? g_strdup (mark->tooltip) : NULL;
}

guint
cl_pregnancy_timeline_get_n_scales (CLPregnancyTimeline *self)
{
  g_return_val_if_fail (CL_IS_PREGNANCY_TIMELINE (self), 0);
  return self->scales->len;
}

guint
cl_pregnancy_timeline_get_n_marks (CLPregnancyTimeline *self,
                                   gboolean             reports)
{
  g_return_val_if_fail (CL_IS_PREGNANCY_TIMELINE (self), 0);
  return reports ? self->reports->len : self->visits->len;
}

static void
cl_pregnancy_timeline_finalize (GObject *object)
{
  CLPregnancyTimeline *self = CL_PREGNANCY_TIMELINE (object);

  g_array_unref (self->visits);
  g_array_unref (self->reports);
  g_array_unref (self->scales);
  g_array_unref (self->bands);
  g_array_unref (self->marks);

  G_OBJECT_CLASS (cl_pregnancy_timeline_parent_class)->finalize (object);
}

static void
cl_pregnancy_timeline_class_init (CLPregnancyTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_pregnancy_timeline_finalize;
  widget_class->snapshot = cl_pregnancy_timeline_snapshot;
  widget_class->measure = cl_pregnancy_timeline_measure;
  widget_class->query_tooltip = cl_pregnancy_timeline_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "pregnancy-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cl_pregnancy_timeline_init (CLPregnancyTimeline *self)
{
  self->visits = g_array_new (FALSE, TRUE, sizeof (VisitMark));
  g_array_set_clear_func (self->visits, visit_clear);
  self->reports = g_array_new (FALSE, TRUE, sizeof (ReportMark));
  g_array_set_clear_func (self->reports, report_clear);
  self->scales = g_array_new (FALSE, TRUE, sizeof (ReportMark));
  g_array_set_clear_func (self->scales, report_clear);
  self->bands = g_array_new (FALSE, TRUE, sizeof (Band));
  g_array_set_clear_func (self->bands, band_clear);
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (self->marks, mark_clear);
  g_date_clear (&self->edd, 1);
  g_date_clear (&self->delivery, 1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pregnancy timeline"), -1);
}

