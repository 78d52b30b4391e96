#define G_LOG_DOMAIN "cl-critical-month-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-critical-month-dialog.h"
#include "cl-critical-print.h"
#include "cl-date.h"
#include "cl-export.h"
#include "cl-print-settings.h"

#define N_MONTHS 12

struct _CLCriticalMonthDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkDropDown      *month_dropdown;
  GtkBox           *tables;

  CLContext        *context;
  CLCriticalReport *report;
  char             *months[N_MONTHS];   /* "YYYY-MM", this month first */
};

G_DEFINE_FINAL_TYPE (CLCriticalMonthDialog, cl_critical_month_dialog, ADW_TYPE_WINDOW)

static void
add_cell (GtkGrid    *grid,
          const char *text,
          int         column,
          int         row,
          gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), column == 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_hexpand (label, column == 0);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
add_table (CLCriticalMonthDialog       *self,
           const char                  *title,
           const CLCriticalReportLine **lines,
           guint                        n)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  const char *columns[] = {
    "", _("Entries"), _("Within limit"), _("Late"), _("Unreported"), _("Share within"),
  };

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 6);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    add_cell (grid, columns[c], c, 0, TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *total = g_strdup_printf ("%u", lines[i]->total);
      g_autofree char *on_time = g_strdup_printf ("%u", lines[i]->on_time);
      g_autofree char *late = g_strdup_printf ("%u", lines[i]->late);
      g_autofree char *unreported = g_strdup_printf ("%u", lines[i]->unreported);
      g_autofree char *share = cl_critical_report_line_share (lines[i]);

      add_cell (grid, lines[i]->label, 0, i + 1, FALSE);
      add_cell (grid, total, 1, i + 1, FALSE);
      add_cell (grid, on_time, 2, i + 1, FALSE);
      add_cell (grid, late, 3, i + 1, FALSE);
      add_cell (grid, unreported, 4, i + 1, FALSE);
      add_cell (grid, share, 5, i + 1, FALSE);
    }
  if (n == 0)
    add_cell (grid, _("Nothing registered"), 0, 1, FALSE);
  gtk_box_append (self->tables, heading);
  gtk_box_append (self->tables, GTK_WIDGET (grid));
}

static void
show_report (CLCriticalMonthDialog *self)
{
  GtkWidget *child;
  const CLCriticalReportLine *all[] = { &self->report->all };
  g_autofree char *limit = NULL;
  GtkWidget *note;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables))))
    gtk_box_remove (self->tables, child);
  limit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Within the limit: reported at most %d minute after receipt. An entry not reported counts against the share.",
                                        "Within the limit: reported at most %d minutes after receipt. An entry not reported counts against the share.",
                                        self->report->limit_minutes),
                           (int) self->report->limit_minutes);
  note = gtk_label_new (limit);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (self->tables, note);
  add_table (self, _("All entries"), all, self->report->all.total ? 1 : 0);
  add_table (self, _("By kind"), (const CLCriticalReportLine **) self->report->by_kind->pdata, self->report->by_kind->len);
  add_table (self, _("By source"), (const CLCriticalReportLine **) self->report->by_source->pdata, self->report->by_source->len);
  add_table (self, _("By department"), (const CLCriticalReportLine **) self->report->by_department->pdata,
             self->report->by_department->len);
}

static void
month_changed_cb (CLCriticalMonthDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->month_dropdown);

  if (i >= N_MONTHS)
    return;
  g_clear_pointer (&self->report, cl_critical_report_free);
  self->report = cl_critical_report_for_month (cl_context_get_store (self->context), self->months[i]);
  show_report (self);
}

static CLCriticalReport *
report_copy (CLCriticalMonthDialog *self)
{
  return cl_critical_report_for_month (cl_context_get_store (self->context), self->report->month);
}

static char *
file_name (CLCriticalMonthDialog *self)
{
  g_autofree char *title = cl_critical_print_title (self->report);

  return g_strconcat (title, ".pdf", NULL);
}

static void
print_clicked_cb (CLCriticalMonthDialog *self)
{
  g_autofree char *title = cl_critical_print_title (self->report);
  g_autofree char *name = file_name (self);
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;

  op = cl_print_operation_new (title, name, (ClPrintPagesFunc) cl_critical_print_n_pages,
                               (ClPrintDrawFunc) cl_critical_print_draw, report_copy (self),
                               (GDestroyNotify) cl_critical_report_free);
  if (!cl_print_settings_run (op, GTK_WINDOW (self), &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
export_clicked_cb (CLCriticalMonthDialog *self)
{
  g_autofree char *name = file_name (self);

  cl_export_run (GTK_WIDGET (self), _("Export Report as PDF"), name, _("PDF documents"), "application/pdf",
                 _("The Report Could Not Be Exported"), (ClExportFunc) cl_critical_print_export_pdf,
                 report_copy (self), (GDestroyNotify) cl_critical_report_free);
}

static void
cl_critical_month_dialog_finalize (GObject *object)
{
  CLCriticalMonthDialog *self = CL_CRITICAL_MONTH_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->report, cl_critical_report_free);
  for (guint i = 0; i < N_MONTHS; i++)
    g_free (self->months[i]);
  G_OBJECT_CLASS (cl_critical_month_dialog_parent_class)->finalize (object);
}

static void
cl_critical_month_dialog_class_init (CLCriticalMonthDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_critical_month_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_critical_month_dialog_init (CLCriticalMonthDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *button;

  gtk_window_set_title (GTK_WINDOW (self), _("Critical Value Timeliness"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 600);
  self->month_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->month_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Month"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->month_dropdown));
  button = gtk_button_new_with_mnemonic (_("_Print…"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (print_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_("_Export PDF…"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (box), header);

  self->tables = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_top (GTK_WIDGET (self->tables), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->tables), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->tables), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->tables), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->tables));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
}

CLCriticalMonthDialog *
cl_critical_month_dialog_new (GtkWindow *parent,
                              CLContext *context)
{
  CLCriticalMonthDialog *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GDate today;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_CRITICAL_MONTH_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  cl_context_get_today (context, &today);
  g_date_set_day (&today, 1);
  for (guint i = 0; i < N_MONTHS; i++)
    {
      g_autofree char *label = NULL;

      self->months[i] = g_strdup_printf ("%04d-%02d", g_date_get_year (&today), g_date_get_month (&today));
      label = cl_date_format_month (self->months[i]);
      gtk_string_list_append (labels, label);
      g_date_subtract_months (&today, 1);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (labels));
  g_signal_connect_object (self->month_dropdown, "notify::selected", G_CALLBACK (month_changed_cb), self,
                           G_CONNECT_SWAPPED);
  month_changed_cb (self);
  return self;
}

gboolean
cl_critical_month_dialog_set_month (CLCriticalMonthDialog *self,
                                    const char            *month)
{
  g_return_val_if_fail (CL_IS_CRITICAL_MONTH_DIALOG (self), FALSE);

  for (guint i = 0; i < N_MONTHS; i++)
    if (g_strcmp0 (self->months[i], month) == 0)
      {
        gtk_drop_down_set_selected (self->month_dropdown, i);
        month_changed_cb (self);
        return TRUE;
      }
  return FALSE;
}

CLCriticalReport *
cl_critical_month_dialog_get_report (CLCriticalMonthDialog *self)
{
  g_return_val_if_fail (CL_IS_CRITICAL_MONTH_DIALOG (self), NULL);
  return self->report;
}
