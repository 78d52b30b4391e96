#define G_LOG_DOMAIN "cl-faults-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-cells.h"
#include "cl-date.h"
#include "cl-fault-dialog.h"
#include "cl-export.h"
#include "cl-fault-fix-dialog.h"
#include "cl-fault-print.h"
#include "cl-fault-report.h"
#include "cl-faults-page.h"
#include "cl-print-settings.h"
#include "cl-store-faults.h"

/* Fixed faults stay on the list this long, for the week's review. */
#define DAYS_SHOWN 31

struct _CLFaultsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *summary_label;
  GtkWidget       *report_button;
  GtkWidget       *fix_button;
  GtkDropDown     *month_dropdown;
  GtkWidget       *print_button;
  GtkWidget       *csv_button;
  GtkStack        *list_stack;
  GtkColumnView   *column_view;

  /* owned */
  CLContext          *context;
  CLStore            *store;
  GListStore         *faults;
  GtkSingleSelection *selection;
  guint               tick;
  GStrv               months;   /* "YYYY-MM" of the dropdown, this month first */
};

G_DEFINE_FINAL_TYPE (CLFaultsPage, cl_faults_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

char *
cl_faults_state_text (CLEquipmentFault *fault,
                      gint64            now,
                      const GDate      *today,
                      gboolean         *overdue)
{
  gint64 fixed = cl_equipment_fault_get_fixed_at (fault);
  gint64 open, days, hours;

  *overdue = cl_equipment_fault_is_overdue (fault, now);
  if (fixed != 0)
    {
      g_autofree char *when = cl_date_format_time (fixed, CL_DATE_SHORT, today);

      /* TRANSLATORS: when a fault was fixed, "Fixed 23 Nov 10:00" */
      return g_strdup_printf (_("Fixed %s"), when);
    }
  open = MAX (now - cl_equipment_fault_get_reported_at (fault), 0);
  days = open / 86400;
  hours = (open % 86400) / 3600;
  if (*overdue)
    /* TRANSLATORS: a fault open more than a day: days and hours since it was reported */
    return g_strdup_printf (_("Open %d d %d h, overdue"), (int) days, (int) hours);
  if (open < 3600)
    /* TRANSLATORS: minutes since a fault was reported */
    return g_strdup_printf (_("Open %d min"), (int) (open / 60));
  /* TRANSLATORS: hours since a fault was reported */
  return g_strdup_printf (_("Open %d h"), (int) (days * 24 + hours));
}

static void
reload (CLFaultsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *summary = NULL;
  guint open = 0, overdue = 0;
  gint64 now;

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->faults);
      return;
    }
  now = cl_context_get_now (self->context);
  rows = cl_store_faults_list (self->store, now - DAYS_SHOWN * 86400);
  for (guint i = 0; i < rows->len; i++)
    {
      CLEquipmentFault *fault = g_ptr_array_index (rows, i);

      if (cl_equipment_fault_get_fixed_at (fault) == 0)
        open++;
      if (cl_equipment_fault_is_overdue (fault, now))
        overdue++;
    }
  g_list_store_splice (self->faults, 0, g_list_model_get_n_items (G_LIST_MODEL (self->faults)),
                       rows->pdata, rows->len);
  /* TRANSLATORS: the fault log's summary: how many are open, and how many of them for more than a day */
  summary = g_strdup_printf (_("Open: %u · Open more than a day: %u"), open, overdue);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->list_stack, rows->len ? "list" : "empty");
}

/* ---- columns --------------------------------------------------------- */

typedef enum
{
  COL_REPORTED, COL_MACHINE, COL_LOCATION, COL_FAULT, COL_REPORTED_TO, COL_STATE, COL_NOTE, N_COLUMNS
} Column;

static char *
cell_text (CLFaultsPage     *self,
           CLEquipmentFault *fault,
           Column            column,
           gboolean         *problem)
{
  GDate today;
  const char *text = NULL;

  *problem = FALSE;
  cl_context_get_today (self->context, &today);
  switch (column)
    {
    case COL_REPORTED:
      return cl_date_format_time (cl_equipment_fault_get_reported_at (fault), CL_DATE_SHORT, &today);
    case COL_MACHINE:
      text = cl_equipment_fault_get_machine (fault);
      break;
    case COL_LOCATION:
      text = cl_equipment_fault_get_location (fault);
      break;
    case COL_FAULT:
      text = cl_equipment_fault_get_fault (fault);
      break;
    case COL_REPORTED_TO:
      {
        const char *to = cl_equipment_fault_reported_to_label (cl_equipment_fault_get_reported_to (fault));
        const char *name = cl_equipment_fault_get_reported_to_name (fault);

        if (name && *name)
          /* TRANSLATORS: whom a fault was reported to and the person's name, "Kiosk vendor · 王工" */
          return g_strdup_printf (_("%s · %s"), to, name);
        return g_strdup (to);
      }
    case COL_NOTE:
      text = cl_equipment_fault_get_note (fault);
      break;
    case COL_STATE:
    default:
      return cl_faults_state_text (fault, cl_context_get_now (self->context), &today, problem);
    }
  return g_strdup (text ? text : "");
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CLFaultsPage             *self)
{
  Column column = cl_cells_column_index (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  gboolean problem;

  text = cell_text (self, gtk_list_item_get_item (item), column, &problem);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  /* Red, and said in words too ("overdue"). */
  if (problem)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "heading");
    }
}

static void
add_columns (CLFaultsPage *self)
{
  const char *titles[N_COLUMNS] = {
    _("Reported"), _("Machine"), _("Location"), _("Fault"), _("Reported to"), _("State"), _("Note"),
  };

  cl_cells_append_columns (self->column_view, titles, N_COLUMNS, G_CALLBACK (cl_cells_setup_text),
                           G_CALLBACK (bind_cb), self, 1u << COL_FAULT | 1u << COL_MACHINE);
}

/* ---- actions --------------------------------------------------------- */

static void
update_buttons (CLFaultsPage *self)
{
  CLEquipmentFault *fault = gtk_single_selection_get_selected_item (self->selection);
  gboolean may = cl_context_may (self->context, CL_WRITE, "equipment_fault");

  gtk_widget_set_sensitive (self->report_button, may && self->store != NULL);
  gtk_widget_set_sensitive (self->print_button, self->store != NULL);
  gtk_widget_set_sensitive (self->csv_button, self->store != NULL);
  gtk_widget_set_sensitive (self->fix_button,
                            may && fault != NULL && cl_equipment_fault_get_fixed_at (fault) == 0);
}

static void
saved_cb (CLFaultsPage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
}

GtkWindow *
cl_faults_page_open_report (CLFaultsPage *self)
{
  CLFaultDialog *dialog;

  g_return_val_if_fail (CL_IS_FAULTS_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = cl_fault_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
cl_faults_page_open_fix (CLFaultsPage *self,
                         guint         i)
{
  g_autoptr(CLEquipmentFault) fault = NULL;
  CLFaultFixDialog *dialog;

  g_return_val_if_fail (CL_IS_FAULTS_PAGE (self), NULL);

  fault = g_list_model_get_item (G_LIST_MODEL (self->faults), i);
  if (fault == NULL || cl_equipment_fault_get_fixed_at (fault) != 0)
    return NULL;
  dialog = cl_fault_fix_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context, fault);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
report_clicked_cb (CLFaultsPage *self)
{
  cl_faults_page_open_report (self);
}

static void
fix_clicked_cb (CLFaultsPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  if (i != GTK_INVALID_LIST_POSITION)
    cl_faults_page_open_fix (self, i);
}

static void
row_activated_cb (CLFaultsPage *self,
                  guint         position)
{
  if (cl_context_may (self->context, CL_WRITE, "equipment_fault"))
    cl_faults_page_open_fix (self, position);
}

/* ---- the monthly report ---------------------------------------------- */

#define REPORT_MONTHS 12

static void
fill_months (CLFaultsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) months = g_strv_builder_new ();
  GDate first;

  cl_context_get_today (self->context, &first);
  g_date_set_day (&first, 1);
  for (guint i = 0; i < REPORT_MONTHS; i++)
    {
      char month[8];
      g_autofree char *label = NULL;

      g_snprintf (month, sizeof month, "%04d-%02d", g_date_get_year (&first), g_date_get_month (&first));
      label = cl_date_format_month (month);
      gtk_string_list_append (labels, label ? label : month);
      g_strv_builder_add (months, month);
      g_date_subtract_months (&first, 1);
    }
  g_strfreev (self->months);
  self->months = g_strv_builder_end (months);
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (labels));
}

const char *
cl_faults_page_get_report_month (CLFaultsPage *self)
{
  guint i;

  g_return_val_if_fail (CL_IS_FAULTS_PAGE (self), NULL);

  i = gtk_drop_down_get_selected (self->month_dropdown);
  return self->months && i < g_strv_length (self->months) ? self->months[i] : NULL;
}

void
cl_faults_page_set_report_month (CLFaultsPage *self,
                                 const char   *month)
{
  g_return_if_fail (CL_IS_FAULTS_PAGE (self));

  for (guint i = 0; self->months && self->months[i]; i++)
    if (g_strcmp0 (self->months[i], month) == 0)
      gtk_drop_down_set_selected (self->month_dropdown, i);
}

CLFaultReport *
cl_faults_page_make_report (CLFaultsPage *self)
{
  g_return_val_if_fail (CL_IS_FAULTS_PAGE (self), NULL);

  if (self->store == NULL || cl_faults_page_get_report_month (self) == NULL)
    return NULL;
  return cl_fault_report_new (self->store, cl_faults_page_get_report_month (self),
                              cl_context_get_now (self->context), NULL);
}

static void
print_clicked_cb (CLFaultsPage *self)
{
  CLFaultReport *report = cl_faults_page_make_report (self);
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (report == NULL)
    return;
  title = cl_fault_print_title (report);
  name = g_strconcat (title, ".pdf", NULL);
  op = cl_print_operation_new (title, name, (ClPrintPagesFunc) cl_fault_print_n_pages,
                               (ClPrintDrawFunc) cl_fault_print_draw, report, (GDestroyNotify) cl_fault_report_free);
  if (!cl_print_settings_run (op, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
csv_clicked_cb (CLFaultsPage *self)
{
  CLFaultReport *report = cl_faults_page_make_report (self);
  g_autofree char *name = NULL;

  if (report == NULL)
    return;
  /* TRANSLATORS: the proposed file name of the fault log's CSV; %s is the month, 2026-11 */
  name = g_strdup_printf (_("faults-%s.csv"), report->month);
  cl_export_run (GTK_WIDGET (self), _("Export Fault Log as CSV"), name, _("CSV files"), "text/csv",
                 _("The Report Could Not Be Exported"), (ClExportFunc) cl_fault_report_export_csv,
                 report, (GDestroyNotify) cl_fault_report_free);
}

/* ---- the context ----------------------------------------------------- */

static gboolean
tick_cb (gpointer data)
{
  /* The clock moves on: each open fault's age, and one passing a day
   * turns red. */
  reload (data);
  return G_SOURCE_CONTINUE;
}

static void
context_changed_cb (CLFaultsPage *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store != self->store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store)
        g_signal_connect_object (store, "changed::equipment_fault", G_CALLBACK (reload), self,
                                 G_CONNECT_SWAPPED);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), cl_context_may (self->context, CL_READ, "equipment_fault"));
  reload (self);
  update_buttons (self);
}

static void
cl_faults_page_constructed (GObject *object)
{
  CLFaultsPage *self = CL_FAULTS_PAGE (object);

  G_OBJECT_CLASS (cl_faults_page_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  self->tick = g_timeout_add_seconds (60, tick_cb, self);
  fill_months (self);
  context_changed_cb (self);
}

static void
cl_faults_page_dispose (GObject *object)
{
  CLFaultsPage *self = CL_FAULTS_PAGE (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_FAULTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->faults);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->months, g_strfreev);
  G_OBJECT_CLASS (cl_faults_page_parent_class)->dispose (object);
}

static void
cl_faults_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CLFaultsPage *self = CL_FAULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_faults_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CLFaultsPage *self = CL_FAULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_faults_page_class_init (CLFaultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_faults_page_constructed;
  object_class->dispose = cl_faults_page_dispose;
  object_class->set_property = cl_faults_page_set_property;
  object_class->get_property = cl_faults_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/desk/cl-faults-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLFaultsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLFaultsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CLFaultsPage, report_button);
  gtk_widget_class_bind_template_child (widget_class, CLFaultsPage, fix_button);
  gtk_widget_class_bind_template_child (widget_class, CLFaultsPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLFaultsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, CLFaultsPage, csv_button);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, csv_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, CLFaultsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLFaultsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, report_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, fix_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_faults_page_init (CLFaultsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->faults = g_list_store_new (CL_TYPE_EQUIPMENT_FAULT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->faults)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_buttons), self,
                           G_CONNECT_SWAPPED);
  add_columns (self);
}

GtkWidget *
cl_faults_page_new (CLContext *context)
{
  return g_object_new (CL_TYPE_FAULTS_PAGE, "context", context, NULL);
}

guint
cl_faults_page_get_n_rows (CLFaultsPage *self)
{
  g_return_val_if_fail (CL_IS_FAULTS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->faults));
}

char *
cl_faults_page_dup_state (CLFaultsPage *self,
                          guint         i,
                          gboolean     *overdue)
{
  g_autoptr(CLEquipmentFault) fault = NULL;
  GDate today;

  g_return_val_if_fail (CL_IS_FAULTS_PAGE (self), NULL);

  fault = g_list_model_get_item (G_LIST_MODEL (self->faults), i);
  if (fault == NULL)
    return NULL;
  cl_context_get_today (self->context, &today);
  return cl_faults_state_text (fault, cl_context_get_now (self->context), &today, overdue);
}
