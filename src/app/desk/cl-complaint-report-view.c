#define G_LOG_DOMAIN "cl-complaint-report-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cl-complaint-print.h"
#include "cl-complaint-print-operation.h"
#include "cl-complaint-report-view.h"
#include "cl-date.h"
#include "cl-export.h"

#define N_COLUMNS 6

struct _CLComplaintReportView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkLabel          *month_label;
  GtkDrawingArea    *chart;
  GtkGrid           *table;
  GtkLabel          *note_label;
  GtkWidget         *print_button;
  GtkWidget         *csv_button;

  /* owned */
  CLContext         *context;
  CLComplaintReport *report;
  char              *month;
};

G_DEFINE_FINAL_TYPE (CLComplaintReportView, cl_complaint_report_view, GTK_TYPE_WIDGET)

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  CLComplaintReportView *self = data;

  /* The chart is drawn in points for paper; on screen its text reads
   * better a size up. */
  const double scale = 1.25;

  if (self->report == NULL)
    return;
  cairo_scale (cr, scale, scale);
  cl_complaint_chart_draw (self->report, cr, 12 / scale, 12 / scale, (width - 24) / scale, (height - 24) / scale);
}

static void
add_cell (CLComplaintReportView *self,
          const char            *text,
          guint                  row,
          guint                  column,
          gboolean               strong)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), column == 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (column == 0)
    gtk_widget_set_hexpand (label, TRUE);
  else
    gtk_widget_add_css_class (label, "numeric");
  if (strong)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static void
add_row (CLComplaintReportView      *self,
         const CLComplaintReportRow *row,
         guint                       at,
         gboolean                    total)
{
  g_autofree char *count = g_strdup_printf ("%u", row->count);
  g_autofree char *on_spot = g_strdup_printf ("%u", row->on_spot);
  g_autofree char *median = cl_complaint_report_format_median (row);
  g_autofree char *share = cl_complaint_report_format_satisfaction (row);
  g_autofree char *overdue = g_strdup_printf ("%u", row->overdue);
  const char *texts[N_COLUMNS] = { row->department, count, on_spot, median, share, overdue };

  for (guint c = 0; c < N_COLUMNS; c++)
    add_cell (self, texts[c], at, c, total);
}

static void
show (CLComplaintReportView *self)
{
  const char *headers[N_COLUMNS] = {
    C_("complaint report", "Department"),
    C_("complaint report", "Complaints"),
    C_("complaint report", "Settled on the spot"),
    C_("complaint report", "Median hours to resolve"),
    C_("complaint report", "Satisfaction"),
    C_("complaint report", "Overdue"),
  };
  g_autofree char *month = cl_date_format_month (self->month);
  GtkWidget *child;
  guint n;

  gtk_label_set_label (self->month_label, month);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))))
    gtk_grid_remove (self->table, child);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      add_cell (self, headers[c], 0, c, FALSE);
      gtk_widget_add_css_class (gtk_grid_get_child_at (self->table, c, 0), "dim-label");
    }
  n = self->report ? cl_complaint_report_get_n_rows (self->report) : 0;
  for (guint i = 0; i < n; i++)
    add_row (self, cl_complaint_report_get_row (self->report, i), i + 1, FALSE);
  if (self->report)
    add_row (self, cl_complaint_report_get_total (self->report), n + 1, TRUE);
  gtk_label_set_label (self->note_label, cl_complaint_report_describe ());
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

void
cl_complaint_report_view_reload (CLComplaintReportView *self)
{
  CLStore *store;

  g_return_if_fail (CL_IS_COMPLAINT_REPORT_VIEW (self));

  store = self->context ? cl_context_get_store (self->context) : NULL;
  g_clear_object (&self->report);
  if (store)
    self->report = cl_complaint_report_new (store, self->month, cl_context_get_now (self->context), NULL);
  gtk_widget_set_sensitive (self->print_button, self->report != NULL);
  gtk_widget_set_sensitive (self->csv_button, self->report != NULL);
  show (self);
}

void
cl_complaint_report_view_set_month (CLComplaintReportView *self,
                                    const char            *month)
{
  g_return_if_fail (CL_IS_COMPLAINT_REPORT_VIEW (self));

  g_free (self->month);
  self->month = g_strdup (month);
  cl_complaint_report_view_reload (self);
}

static void
move_month (CLComplaintReportView *self,
            int                    by)
{
  int y, m;
  g_autofree char *month = NULL;

  if (sscanf (self->month, "%d-%d", &y, &m) != 2)
    return;
  m += by;
  if (m < 1)
    m = 12, y--;
  else if (m > 12)
    m = 1, y++;
  month = g_strdup_printf ("%04d-%02d", y, m);
  cl_complaint_report_view_set_month (self, month);
}

static void
previous_clicked_cb (CLComplaintReportView *self)
{
  move_month (self, -1);
}

static void
next_clicked_cb (CLComplaintReportView *self)
{
  move_month (self, 1);
}

static void
print_clicked_cb (CLComplaintReportView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->report &&
      !cl_complaint_print_run (self->report, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error) &&
      error)
    g_warning ("printing: %s", error->message);
}

static void
csv_clicked_cb (CLComplaintReportView *self)
{
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  /* TRANSLATORS: the exported CSV's proposed name; %s is the month, 2026-11 */
  name = g_strdup_printf (_("complaints-%s.csv"), self->month);
  cl_export_run (GTK_WIDGET (self), _("Export Complaints as CSV"), name, _("CSV files"), "text/csv",
                 _("The Report Could Not Be Exported"), (ClExportFunc) cl_complaint_report_export_csv,
                 g_object_ref (self->report), g_object_unref);
}

static void
cl_complaint_report_view_dispose (GObject *object)
{
  CLComplaintReportView *self = CL_COMPLAINT_REPORT_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_COMPLAINT_REPORT_VIEW);
  /* The template's top box has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->report);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_complaint_report_view_parent_class)->dispose (object);
}

static void
cl_complaint_report_view_finalize (GObject *object)
{
  CLComplaintReportView *self = CL_COMPLAINT_REPORT_VIEW (object);

  g_free (self->month);
  G_OBJECT_CLASS (cl_complaint_report_view_parent_class)->finalize (object);
}

static void
cl_complaint_report_view_class_init (CLComplaintReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_complaint_report_view_dispose;
  object_class->finalize = cl_complaint_report_view_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/careline/Careline/ui/desk/cl-complaint-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLComplaintReportView, month_label);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintReportView, chart);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintReportView, table);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintReportView, note_label);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintReportView, print_button);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintReportView, csv_button);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, csv_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_complaint_report_view_init (CLComplaintReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
}

void
cl_complaint_report_view_set_context (CLComplaintReportView *self,
                                      CLContext             *context)
{
  GDate today;

  g_return_if_fail (CL_IS_COMPLAINT_REPORT_VIEW (self));

  g_set_object (&self->context, context);
  if (self->month == NULL && context)
    {
      cl_context_get_today (context, &today);
      self->month = g_strdup_printf ("%04d-%02d", g_date_get_year (&today), g_date_get_month (&today));
    }
  cl_complaint_report_view_reload (self);
}

CLComplaintReport *
cl_complaint_report_view_get_report (CLComplaintReportView *self)
{
  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT_VIEW (self), NULL);
  return self->report;
}

const char *
cl_complaint_report_view_get_cell (CLComplaintReportView *self,
                                   guint                  row,
                                   guint                  column)
{
  GtkWidget *label;

  g_return_val_if_fail (CL_IS_COMPLAINT_REPORT_VIEW (self), NULL);

  label = gtk_grid_get_child_at (self->table, column, row);
  return label ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}
