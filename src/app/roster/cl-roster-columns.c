#define G_LOG_DOMAIN "cl-roster-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-patient.h"
#include "cl-roster-columns.h"
#include "cl-visit-guideline.h"

/* A cell's side padding and border in the column view (Adwaita: 6 px
 * each side and 1 px), with room for the rounding of a label measured
 * off screen; and what a title adds: its button's padding and the
 * sort arrow. */
#define CELL_PADDING  20
#define TITLE_EXTRA   28
#define BADGE_SPACING 6

typedef struct
{
  GtkColumnViewColumn *columns[CL_N_ROSTER_COLUMNS];
  GtkAdjustment       *hadjustment;
  int                  natural[CL_N_ROSTER_COLUMNS];
  int                  minimum[CL_N_ROSTER_COLUMNS];
  int                  fitted_for;
  guint                idle;
} Fitting;

/* Who gives way first when the view is narrow.  Who she is comes
 * first: her name and her priority badge give way last, since a badge
 * cut to "…" tells the desk nothing (at 1024 px in English the others'
 * short forms leave room for both).  Then what a case manager reads
 * across the row (next visit, gestation) stays longest. */
static const CLRosterColumn give_way[] = {
  CL_ROSTER_COLUMN_PACKAGE,
  CL_ROSTER_COLUMN_GA,           /* "Postpartum day 12", not "40+6" */
  CL_ROSTER_COLUMN_MANAGER,      /* its title, not the names under it */
  CL_ROSTER_COLUMN_NEXT_VISIT,   /* its tooltip says it all */
  CL_ROSTER_COLUMN_RISK,         /* the chip's colour says the level */
  CL_ROSTER_COLUMN_NAME,         /* the badge beside the name, never the name */
};

/* The natural width of a label showing @text with @css_class, styled
 * as on screen (the application's style sheet applies to it). */
static int
text_width (const char *text,
            const char *css_class)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new (text));
  int natural = 0;

  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_object_unref (label);
  return natural;
}

static int
widest (GPtrArray  *texts,
        const char *css_class)
{
  int width = 0;

  for (guint i = 0; i < texts->len; i++)
    width = MAX (width, text_width (g_ptr_array_index (texts, i), css_class));
  return width;
}

int
cl_roster_columns_name_width (void)
{
  /* Asked for by every name cell the roster makes: measured once. */
  static int width;

  /* Four characters: a two-character surname and a two-character given
   * name, the longest common Chinese full name. */
  if (width == 0)
    width = text_width ("欧阳晓梅", NULL);
  return width;
}

static int
badge_width (void)
{
  const char * const *codes = cl_patient_priority_codes ();
  int width = text_width (cl_patient_priority_label (CL_PATIENT_FLAG_AGED), "priority-badge");

  for (guint i = 0; codes[i]; i++)
    width = MAX (width, text_width (cl_patient_priority_label (codes[i]), "priority-badge"));
  return width;
}

/* The widest and the narrowest chip of a level that stands alone (a
 * second colour shares the chip's room, ellipsized). */
static void
risk_widths (ClRiskScale *scale,
             int         *natural,
             int         *minimum)
{
  *natural = *minimum = text_width (C_("risk", "Not assessed"), "risk-chip");
  for (guint i = 0; scale && i < cl_risk_scale_get_n_levels (scale); i++)
    {
      const ClRiskLevel *level = cl_risk_scale_get_level (scale, i);
      int width = text_width (level->short_label, "risk-chip");

      if (level->combinable)
        continue;
      *natural = MAX (*natural, width);
      *minimum = MIN (*minimum, width);
    }
}

static int
date_width (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GDate today, later;

  cl_date_today (&today);
  /* A date in another year is the long form. */
  g_date_clear (&later, 1);
  g_date_set_dmy (&later, 28, G_DATE_DECEMBER, g_date_get_year (&today) + 1);
  g_ptr_array_add (texts, cl_date_format_short (&later, &today));
  g_date_set_dmy (&later, 28, G_DATE_DECEMBER, g_date_get_year (&today));
  g_ptr_array_add (texts, cl_date_format_short (&later, &today));
  return widest (texts, "numeric");
}

/* The next visit's cell: the longest visit name in its usual forms,
 * and at least "Overdue: 3rd visit". */
static void
next_visit_widths (int *natural,
                   int *minimum)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = NULL;
  g_autofree char *overdue = NULL;
  const char *longest = "", *first = NULL;
  GDate today, day;

  for (guint i = 0; i < cl_visit_guideline_get_n_windows (); i++)
    {
      const ClVisitWindow *window = cl_visit_guideline_get_window (i);

      if (window->short_label == NULL)
        continue;
      if (first == NULL)
        first = window->short_label;
      if (g_utf8_strlen (window->short_label, -1) > g_utf8_strlen (longest, -1))
        longest = window->short_label;
    }
  cl_date_today (&today);
  /* A visit in the new year has the long date. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, g_date_get_year (&today) + 1);
  date = cl_date_format_short (&day, &today);
  g_ptr_array_add (texts, g_strdup_printf (C_("roster", "Overdue: %s"), longest));
  g_ptr_array_add (texts, g_strdup_printf (C_("roster", "%s, due by %s"), longest, date));
  g_ptr_array_add (texts, g_strdup_printf (_("%s, from %s"), longest, date));
  *natural = widest (texts, NULL);
  overdue = g_strdup_printf (C_("roster", "Overdue: %s"), first ? first : "");
  *minimum = MIN (*natural, text_width (overdue, NULL));
}

static void
measure (Fitting     *fit,
         ClRiskScale *scale)
{
  g_autofree char *age = NULL;
  g_autofree char *ga = cl_dating_format_ga_display (40 * 7 + 6);
  int *nat = fit->natural, *min = fit->minimum;
  int name = cl_roster_columns_name_width ();

  nat[CL_ROSTER_COLUMN_NAME] = name + BADGE_SPACING + badge_width ();
  min[CL_ROSTER_COLUMN_NAME] = name + BADGE_SPACING + text_width ("…", "priority-badge");
  /* Translators: age in years, in a narrow table column */
  age = g_strdup_printf (_("%d y"), 45);
  nat[CL_ROSTER_COLUMN_AGE] = min[CL_ROSTER_COLUMN_AGE] = text_width (age, "numeric");
  {
    /* Translators: days after delivery, shown where gestational age would be */
    g_autofree char *postpartum = g_strdup_printf (_("Postpartum day %d"), 42);

    min[CL_ROSTER_COLUMN_GA] = text_width (ga, "numeric");
    nat[CL_ROSTER_COLUMN_GA] = MAX (min[CL_ROSTER_COLUMN_GA], text_width (postpartum, NULL));
  }
  nat[CL_ROSTER_COLUMN_EDD] = min[CL_ROSTER_COLUMN_EDD] = date_width ();
  risk_widths (scale, &nat[CL_ROSTER_COLUMN_RISK], &min[CL_ROSTER_COLUMN_RISK]);
  /* Package names are the hospital's own: room for a usual one, and
   * what the window has to spare. */
  nat[CL_ROSTER_COLUMN_PACKAGE] = text_width ("孕晚期陪护包", NULL);
  min[CL_ROSTER_COLUMN_PACKAGE] = text_width ("孕晚期", NULL);
  nat[CL_ROSTER_COLUMN_MANAGER] = min[CL_ROSTER_COLUMN_MANAGER] = name;
  next_visit_widths (&nat[CL_ROSTER_COLUMN_NEXT_VISIT], &min[CL_ROSTER_COLUMN_NEXT_VISIT]);
  nat[CL_ROSTER_COLUMN_PHONE] = min[CL_ROSTER_COLUMN_PHONE] = text_width ("138****5678", "numeric");

  for (guint i = 0; i < CL_N_ROSTER_COLUMNS; i++)
    {
      int title = text_width (gtk_column_view_column_get_title (fit->columns[i]), "heading") + TITLE_EXTRA;

      /* A title is read whole at the natural width; at the minimum it
       * may be ellipsized like the cells. */
      nat[i] = MAX (nat[i] + CELL_PADDING, title);
      min[i] = MIN (nat[i], MAX (min[i] + CELL_PADDING, title * 2 / 3));
    }
  fit->fitted_for = -1;
}

static void
apply (Fitting *fit)
{
  int available = (int) gtk_adjustment_get_page_size (fit->hadjustment);
  int widths[CL_N_ROSTER_COLUMNS];
  int total = 0;

  if (available <= 0 || available == fit->fitted_for)
    return;
  fit->fitted_for = available;

  for (guint i = 0; i < CL_N_ROSTER_COLUMNS; i++)
    total += widths[i] = fit->natural[i];
  for (guint k = 0; k < G_N_ELEMENTS (give_way) && total > available; k++)
    {
      CLRosterColumn c = give_way[k];
      int cut = MIN (total - available, widths[c] - fit->minimum[c]);

      widths[c] -= cut;
      total -= cut;
    }
  for (guint i = 0; i < CL_N_ROSTER_COLUMNS; i++)
    if (gtk_column_view_column_get_fixed_width (fit->columns[i]) != widths[i])
      gtk_column_view_column_set_fixed_width (fit->columns[i], widths[i]);
}

static gboolean
apply_idle_cb (gpointer data)
{
  Fitting *fit = data;

  fit->idle = 0;
  apply (fit);
  return G_SOURCE_REMOVE;
}

/* The page size changes while the view is laid out; the columns'
 * widths change on the next main loop turn, not in the middle of it. */
static void
page_changed_cb (GtkAdjustment *adjustment,
                 Fitting       *fit)
{
  if (fit->idle == 0 && (int) gtk_adjustment_get_page_size (adjustment) != fit->fitted_for)
    fit->idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_idle_cb, fit, NULL);
}

static void
fitting_free (gpointer data)
{
  Fitting *fit = data;

  g_clear_handle_id (&fit->idle, g_source_remove);
  if (fit->hadjustment)
    g_signal_handlers_disconnect_by_data (fit->hadjustment, fit);
  g_clear_object (&fit->hadjustment);
  g_free (fit);
}

void
cl_roster_columns_fit (GtkColumnView        *view,
                       GtkColumnViewColumn **columns,
                       ClRiskScale          *scale)
{
  Fitting *fit;
  GtkWidget *scroller;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (columns != NULL);

  fit = g_object_get_data (G_OBJECT (view), "cl-roster-fitting");
  if (fit == NULL)
    {
      scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
      g_return_if_fail (scroller != NULL);
      fit = g_new0 (Fitting, 1);
      fit->hadjustment = g_object_ref (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)));
      g_signal_connect (fit->hadjustment, "changed", G_CALLBACK (page_changed_cb), fit);
      g_object_set_data_full (G_OBJECT (view), "cl-roster-fitting", fit, fitting_free);
    }
  memcpy (fit->columns, columns, sizeof fit->columns);
  measure (fit, scale);
  /* Before the first layout: the natural widths. */
  for (guint i = 0; i < CL_N_ROSTER_COLUMNS; i++)
    gtk_column_view_column_set_fixed_width (columns[i], fit->natural[i]);
  apply (fit);
}
