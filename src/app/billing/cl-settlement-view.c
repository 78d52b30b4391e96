#define G_LOG_DOMAIN "cl-settlement-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-cells.h"
#include "cl-contract-dialog.h"
#include "cl-contract-store.h"
#include "cl-date.h"
#include "cl-deduction-dialog.h"
#include "cl-inspection-rules.h"
#include "cl-enrolment-store.h"
#include "cl-export.h"
#include "cl-money.h"
#include "cl-settlement-cells.h"
#include "cl-settlement-chart.h"
#include "cl-settlement-line-item.h"
#include "cl-settlement-summary.h"
#include "cl-settlement-view-private.h"
#include "cl-share-rate-dialog.h"
#include "cl-statement-print-operation.h"
#include "cl-statement-print.h"


G_DEFINE_FINAL_TYPE (CLSettlementView, cl_settlement_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- months --------------------------------------------------------- */

static char *
month_title (const char *month)
{
  return cl_date_format_month (month);
}

/* ---- summary and subtotals ----------------------------------------- */

static GtkWidget *
numeric_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
caption_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
update_subtotals (CLSettlementView *self)
{
  const CLSettlementSubtotal *subs;
  guint n_subs = 0;
  GtkWidget *child;
  const char *headers[] = {
    _("Package"), _("Payments"), _("Refunds"), _("Collected"), _("Refunded"), _("Vendor share"),
  };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->subtotal_grid))))
    gtk_grid_remove (self->subtotal_grid, child);

  subs = cl_settlement_get_subtotals (self->settlement, &n_subs);
  gtk_widget_set_visible (GTK_WIDGET (self->subtotal_grid), n_subs > 0);
  if (n_subs == 0)
    return;

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *label = c == 0 ? caption_label (headers[c]) : numeric_label (headers[c]);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_hexpand (label, c == 0);
      gtk_grid_attach (self->subtotal_grid, label, c, 0, 1, 1);
    }
  for (guint i = 0; i < n_subs; i++)
    {
      g_autofree char *payments = g_strdup_printf ("%u", subs[i].n_payments);
      g_autofree char *refunds = g_strdup_printf ("%u", subs[i].n_refunds);
      g_autofree char *gross = cl_money_format (subs[i].gross_fen);
      g_autofree char *refunded = cl_money_format (subs[i].refunds_fen);
      g_autofree char *share = cl_money_format (subs[i].share_fen);
      const char *cells[] = { payments, refunds, gross, refunded, share };

      gtk_grid_attach (self->subtotal_grid, caption_label (cl_settlement_package_display_name (self->settlement, subs[i].package)), 0, i + 1, 1, 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        gtk_grid_attach (self->subtotal_grid, numeric_label (cells[c]), c + 1, i + 1, 1, 1);
    }
}

static void
update_status (CLSettlementView *self)
{
  if (cl_settlement_get_closed (self->settlement))
    {
      g_autofree char *when = cl_date_format_time (cl_settlement_get_closed_at (self->settlement), CL_DATE_FULL, NULL);
      const char *by = cl_settlement_get_closed_by (self->settlement);
      g_autofree char *text = NULL;

      /* Translators: the first %s is a date and time, the second who
       * closed the month */
      text = g_strdup_printf (_("Closed on %s by %s"), when, by && *by ? by : _("unknown"));
      gtk_label_set_label (self->status_label, text);
    }
  else
    gtk_label_set_label (self->status_label, C_("settlement month", "Open"));
}

/* Closing a month, deductions and the rate: whoever may write the
 * settlement's money tables. */
static gboolean
role_may_settle (CLSettlementView *self)
{
  return cl_context_may (self->context, CL_WRITE, "settlement_month");
}

static void
update_actions (CLSettlementView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->settlement != NULL;
  gboolean closed = have && cl_settlement_get_closed (self->settlement);
  gboolean may = self->store != NULL && role_may_settle (self);
  g_autofree char *now = cl_enrolment_month_this ();

  /* Months before 2000 are none that Careline ever settled. */
  gtk_widget_action_set_enabled (widget, "settlement.previous-month",
                                 self->store != NULL && strcmp (self->month, "2000-01") > 0);
  gtk_widget_action_set_enabled (widget, "settlement.next-month",
                                 self->store != NULL && strcmp (self->month, now) < 0);
  gtk_widget_action_set_enabled (widget, "settlement.export-pdf", have);
  /* The CSV is the statement's lines for the finance system: a fixed
   * fee has none. */
  gtk_widget_action_set_enabled (widget, "settlement.export-csv",
                                 have && !cl_settlement_is_fixed_fee (self->settlement));
  gtk_widget_action_set_enabled (widget, "settlement.print", have);
  gtk_widget_action_set_enabled (widget, "settlement.close-month", have && may && !closed);
  gtk_widget_action_set_enabled (widget, "settlement.add-deduction", may);
  gtk_widget_action_set_enabled (widget, "settlement.share-rate", self->store != NULL);
  /* Contracts are an administrator's. */
  gtk_widget_action_set_enabled (widget, "settlement.edit-contract",
                                 self->store != NULL && cl_context_may (self->context, CL_WRITE, "contract"));
  gtk_widget_action_set_enabled (widget, "settlement.new-contract",
                                 self->store != NULL && cl_context_may (self->context, CL_WRITE, "contract"));
  gtk_widget_set_visible (self->contract_menu_button,
                          self->store != NULL && cl_context_may (self->context, CL_WRITE, "contract"));
}

static void
show_message (CLSettlementView *self,
              const char       *heading,
              const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (CLSettlementView *self,
            const char       *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/* The contract's deductions for inspections, brought up to date before
 * a statement is read (cl-inspection-rules.h): made once, so a second
 * look writes nothing.  How many were made or taken back. */
static guint
apply_inspection_rules (CLSettlementView *self)
{
  g_autoptr(GError) error = NULL;
  guint made = 0, undone = 0;
  GDate today;

  if (self->store == NULL || !cl_context_may (self->context, CL_WRITE, "deduction"))
    return 0;
  cl_context_get_today (self->context, &today);
  if (!cl_inspection_rules_apply (self->store, cl_context_get_role (self->context), &today, &made, &undone, &error))
    show_toast (self, error->message);
  return made + undone;
}

void
cl_settlement_view_reload (CLSettlementView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *title = NULL;
  guint n_lines = 0;

  g_return_if_fail (CL_IS_SETTLEMENT_VIEW (self));

  self->stale = FALSE;
  title = month_title (self->month);
  gtk_label_set_label (self->month_label, title);

  g_clear_object (&self->settlement);
  apply_inspection_rules (self);
  if (self->store)
    self->settlement = cl_contract_store_settlement (self->store, self->contract_id, self->month, &error);
  if (self->settlement == NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      gtk_label_set_label (self->status_label, error ? error->message : "");
      /* No rate or fee in force yet: the page says what to do. */
      adw_status_page_set_title (self->empty_page, _("No Statement for This Month"));
      adw_status_page_set_description (self->empty_page, error ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      update_actions (self);
      cl_settlement_chart_set_settlement (self->chart, NULL);
      return;
    }

  update_status (self);
  cl_settlement_summary_set_settlement (self->summary, self->settlement);
  update_subtotals (self);
  if (cl_settlement_is_fixed_fee (self->settlement))
    {
      guint n_deductions = 0;

      gtk_column_view_set_model (self->column_view, NULL);
      cl_settlement_get_deductions (self->settlement, &n_deductions);
      cl_settlement_cells_fill_deductions (self->deduction_list, self->settlement);
      gtk_widget_set_visible (GTK_WIDGET (self->fee_note), cl_settlement_get_deductions_exceed_fee (self->settlement));
      gtk_label_set_label (self->fee_note, _("The deductions are more than the fee: the amount payable is zero, and nothing is carried over."));
      adw_status_page_set_title (self->empty_page, _("No Deductions This Month"));
      adw_status_page_set_description (self->empty_page,
                                       _("The fixed monthly fee is payable in full. Deductions of this contract dated in the month will be listed here."));
      gtk_stack_set_visible_child_name (self->content_stack, n_deductions > 0 ? "deductions" : "empty");
      cl_settlement_chart_set_settlement (self->chart, self->settlement);
      update_actions (self);
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Payments This Month"));
  adw_status_page_set_description (self->empty_page,
                                   _("Package payments and refunds dated in this month will be listed here."));

  lines = cl_settlement_line_item_list_new (self->settlement);
  n_lines = g_list_model_get_n_items (lines);
  selection = gtk_no_selection_new (g_steal_pointer (&lines));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->content_stack, n_lines > 0 ? "lines" : "empty");

  cl_settlement_chart_set_settlement (self->chart, self->settlement);
  update_actions (self);
}

/* ---- actions -------------------------------------------------------- */

static void
shift_month (CLSettlementView *self,
             int               delta)
{
  g_autofree char *month = cl_enrolment_month_shift (self->month, delta);

  cl_settlement_view_set_month (self, month);
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  shift_month (CL_SETTLEMENT_VIEW (widget), -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  shift_month (CL_SETTLEMENT_VIEW (widget), 1);
}

static void
run_export (CLSettlementView *self,
            const char       *title,
            const char       *extension,
            const char       *filter_name,
            const char       *mime_type,
            ClExportFunc      func)
{
  /* Translators: the suggested file name of an exported statement;
   * %s is the month (2026-10), keep the extension after it */
  g_autofree char *name = g_strdup_printf (_("statement-%s"), self->month);
  g_autofree char *file_name = g_strconcat (name, extension, NULL);

  cl_export_run (GTK_WIDGET (self), title, file_name, filter_name, mime_type,
                 _("The Statement Could Not Be Exported"), func, g_object_ref (self), g_object_unref);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  run_export (CL_SETTLEMENT_VIEW (widget), _("Export Statement as PDF"), ".pdf",
              _("PDF documents"), "application/pdf", (ClExportFunc) cl_settlement_view_export_pdf);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  run_export (CL_SETTLEMENT_VIEW (widget), _("Export Statement as CSV"), ".csv",
              _("CSV spreadsheets"), "text/csv", (ClExportFunc) cl_settlement_view_export_csv);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CLSettlementView *self = CL_SETTLEMENT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (self->settlement == NULL)
    return;
  if (!cl_statement_print_run (self->settlement, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error))
    show_message (self, _("The Statement Could Not Be Printed"), error->message);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CLSettlementView *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "close") != 0)
    return;
  if (cl_settlement_view_close_month (self, &error))
    show_toast (self, _("Month closed"));
  else
    show_message (self, _("The Month Was Not Closed"), error->message);
}

static void
close_month_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CLSettlementView *self = CL_SETTLEMENT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = month_title (self->month);
  g_autofree char *payable = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->settlement == NULL)
    return;
  payable = cl_money_format_display (cl_settlement_get_payable_fen (self->settlement));
  /* Translators: the first %s is a month ("October 2026"), the second
   * an amount */
  body = g_strdup_printf (_("The statement of %s, with %s payable to the vendor, will be kept as it is now. "
                            "Payments, refunds and deductions dated in it can no longer change; "
                            "late entries go to the next open month."),
                          title, payable);
  /* Translators: %s is a month ("October 2026") */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, body);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Close %s?"), title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("Close _Month"),
                                    NULL);
  /* It cannot be undone: named for what it does, styled as
   * destructive, and never what Enter answers. */
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dialog_saved_cb (CLSettlementView *self)
{
  cl_settlement_view_reload (self);
  show_toast (self, _("Saved"));
}

static void
add_deduction_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CLSettlementView *self = CL_SETTLEMENT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CLDeductionDialog *dialog;

  dialog = cl_deduction_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->context, self->month);
  cl_deduction_dialog_set_contract (dialog, self->contract_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
share_rate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CLSettlementView *self = CL_SETTLEMENT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CLShareRateDialog *dialog;

  dialog = cl_share_rate_dialog_new_for_contract (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  self->context, self->contract_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- object --------------------------------------------------------- */

static void
cl_settlement_view_dispose (GObject *object)
{
  CLSettlementView *self = CL_SETTLEMENT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SETTLEMENT_VIEW);
  g_clear_object (&self->settlement);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->contracts, g_ptr_array_unref);
  g_clear_pointer (&self->contract_id, g_free);

  G_OBJECT_CLASS (cl_settlement_view_parent_class)->dispose (object);
}

static void
cl_settlement_view_map (GtkWidget *widget)
{
  CLSettlementView *self = CL_SETTLEMENT_VIEW (widget);

  /* An inspection corrected at the desk, or a deadline passed, since
   * the statement was read changes its deductions. */
  if (self->stale || apply_inspection_rules (self) > 0)
    cl_settlement_view_reload (self);
  GTK_WIDGET_CLASS (cl_settlement_view_parent_class)->map (widget);
}

static void
context_store_cb (CLSettlementView *self)
{
  if (!g_set_object (&self->store, cl_context_get_store (self->context)))
    return;
  cl_settlement_view_load_contracts (self);
  cl_settlement_view_queue_reload (self);
}

static void
cl_settlement_view_constructed (GObject *object)
{
  CLSettlementView *self = CL_SETTLEMENT_VIEW (object);

  G_OBJECT_CLASS (cl_settlement_view_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  context_store_cb (self);
  update_actions (self);
}

static void
cl_settlement_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, CL_SETTLEMENT_VIEW (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_settlement_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      CL_SETTLEMENT_VIEW (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_settlement_view_class_init (CLSettlementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_settlement_view_dispose;
  object_class->constructed = cl_settlement_view_constructed;
  object_class->get_property = cl_settlement_view_get_property;
  object_class->set_property = cl_settlement_view_set_property;
  widget_class->map = cl_settlement_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_SETTLEMENT_CHART);
  g_type_ensure (CL_TYPE_SETTLEMENT_SUMMARY);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/billing/cl-settlement-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, box);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, month_label);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, status_label);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, summary);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, chart);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, subtotal_grid);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, date_column);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, patient_column);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, package_column);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, amount_column);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, rate_column);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, share_column);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, contract_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, contract_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, rate_button);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, deduction_list);
  gtk_widget_class_bind_template_child (widget_class, CLSettlementView, fee_note);

  gtk_widget_class_install_action (widget_class, "settlement.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "settlement.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "settlement.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "settlement.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "settlement.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "settlement.close-month", NULL, close_month_action);
  gtk_widget_class_install_action (widget_class, "settlement.add-deduction", NULL, add_deduction_action);
  gtk_widget_class_install_action (widget_class, "settlement.share-rate", NULL, share_rate_action);
  gtk_widget_class_install_action (widget_class, "settlement.edit-contract", NULL, cl_settlement_view_contract_action);
  gtk_widget_class_install_action (widget_class, "settlement.new-contract", NULL, cl_settlement_view_contract_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "settlement.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "settlement.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "settlement.next-month", NULL);
}

static void
cl_settlement_view_init (CLSettlementView *self)
{
  g_autofree char *now = cl_enrolment_month_this ();
  g_autofree char *last = cl_enrolment_month_shift (now, -1);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->contract_id = g_strdup (CL_CONTRACT_OBSTETRIC_ID);
  g_signal_connect_object (self->contract_dropdown, "notify::selected",
                           G_CALLBACK (cl_settlement_view_contract_chosen_cb), self, G_CONNECT_SWAPPED);

  /* The last complete month: the one finance settles. */
  g_strlcpy (self->month, last, sizeof self->month);

  cl_settlement_cells_install (self, self->date_column, self->patient_column, self->package_column,
                               self->kind_column, self->amount_column, self->rate_column, self->share_column);

  {
    g_autofree char *title = month_title (self->month);
    gtk_label_set_label (self->month_label, title);
  }
}

/* ---- API ------------------------------------------------------------ */

void
cl_settlement_view_queue_reload (CLSettlementView *self)
{
  g_return_if_fail (CL_IS_SETTLEMENT_VIEW (self));

  /* A statement of a busy month is thousands of lines: read it when
   * the view is shown, not while the window opens on the roster. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    cl_settlement_view_reload (self);
  else
    {
      self->stale = TRUE;
      update_actions (self);
    }
}

void
cl_settlement_view_set_month (CLSettlementView *self,
                              const char       *month)
{
  guint year, mon;

  g_return_if_fail (CL_IS_SETTLEMENT_VIEW (self));
  g_return_if_fail (cl_enrolment_month_parse (month, &year, &mon));

  g_snprintf (self->month, sizeof self->month, "%04u-%02u", year, mon);
  cl_settlement_view_reload (self);
}

const char *
cl_settlement_view_get_month (CLSettlementView *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), NULL);
  return self->month;
}

CLSettlement *
cl_settlement_view_get_settlement (CLSettlementView *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), NULL);
  return self->settlement;
}

gboolean
cl_settlement_view_export_pdf (CLSettlementView *self,
                               const char       *path,
                               GError          **error)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), FALSE);
  g_return_val_if_fail (self->settlement != NULL, FALSE);

  return cl_statement_export_pdf (self->settlement, path, error);
}

gboolean
cl_settlement_view_export_csv (CLSettlementView *self,
                               const char       *path,
                               GError          **error)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), FALSE);
  g_return_val_if_fail (self->settlement != NULL, FALSE);

  return cl_settlement_export_csv (self->settlement, path, error);
}

gboolean
cl_settlement_view_close_month (CLSettlementView *self,
                                GError          **error)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!cl_contract_store_close_month (self->store, self->contract_id, self->month,
                                      cl_context_get_role (self->context), error))
    return FALSE;
  cl_settlement_view_reload (self);
  return TRUE;
}

GtkLabel *
cl_settlement_view_get_payable_label (CLSettlementView *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), NULL);
  return cl_settlement_summary_get_payable_label (self->summary);
}

GtkLabel *
cl_settlement_view_get_month_label (CLSettlementView *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), NULL);
  return self->month_label;
}

GtkLabel *
cl_settlement_view_get_status_label (CLSettlementView *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), NULL);
  return self->status_label;
}

GtkColumnView *
cl_settlement_view_get_column_view (CLSettlementView *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), NULL);
  return self->column_view;
}

gboolean
cl_settlement_view_can_add_deduction (CLSettlementView *self)
{
  g_return_val_if_fail (CL_IS_SETTLEMENT_VIEW (self), FALSE);
  return self->store != NULL && role_may_settle (self);
}
