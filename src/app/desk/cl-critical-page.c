#define G_LOG_DOMAIN "cl-critical-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-cells.h"
#include "cl-critical-dialog.h"
#include "cl-critical-month-dialog.h"
#include "cl-critical-page.h"
#include "cl-critical-report-dialog.h"
#include "cl-critical-store.h"
#include "cl-date.h"
#include "cl-store-critical.h"
#include "cl-store-directory.h"
#include "cl-store-staff.h"

/* The register looks back this far; an older entry still unreported
 * stays on it. */
#define DAYS_SHOWN 31

struct _CLCriticalPage
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *kind_dropdown;
  GtkLabel        *limit_label;
  GtkWidget       *report_button;
  GtkStack        *list_stack;
  GtkColumnView   *column_view;
  AdwStatusPage   *empty_page;

  /* owned */
  CLContext          *context;
  CLStore            *store;
  GListStore         *values;
  GtkSingleSelection *selection;
  GHashTable         *names;        /* patient, department and staff id → name */
  gint64              limit;
  guint               tick;
};

G_DEFINE_FINAL_TYPE (CLCriticalPage, cl_critical_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

char *
cl_critical_clock_text (CLCriticalValue *value,
                        gint64           now,
                        gint64           limit,
                        gboolean        *problem)
{
  gint64 minutes = cl_critical_value_minutes (value, now);
  CLCriticalState state = cl_critical_value_state (value, now, limit);

  if (problem)
    *problem = state == CL_CRITICAL_STATE_LATE || state == CL_CRITICAL_STATE_ALARM;
  switch (state)
    {
    case CL_CRITICAL_STATE_ON_TIME:
      /* TRANSLATORS: minutes from receipt to report, on time */
      return g_strdup_printf (_("%d min"), (int) minutes);
    case CL_CRITICAL_STATE_LATE:
      /* TRANSLATORS: minutes from receipt to report, past the limit */
      return g_strdup_printf (_("%d min, late"), (int) minutes);
    case CL_CRITICAL_STATE_WAITING:
      return g_strdup_printf (_("Waiting %d min"), (int) minutes);
    case CL_CRITICAL_STATE_ALARM:
    default:
      return g_strdup_printf (_("Unreported %d min"), (int) minutes);
    }
}

static const char *
name_of (CLCriticalPage *self,
         const char     *id)
{
  const char *name = id ? g_hash_table_lookup (self->names, id) : NULL;

  return name ? name : (id ? id : "");
}

/* The names the rows show, read before the rows are: a row is bound
 * as soon as the list changes. */
static void
load_names (CLCriticalPage *self,
            GPtrArray      *rows)
{
  g_autoptr(GPtrArray) departments = cl_store_departments (self->store, FALSE);
  g_autoptr(GPtrArray) staff = cl_store_staff_list_all (self->store);

  g_hash_table_remove_all (self->names);
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (departments, i);

      g_hash_table_insert (self->names, g_strdup (cl_record_get_id (CL_RECORD (department))),
                           g_strdup (cl_department_get_display_name (department)));
    }
  for (guint i = 0; i < staff->len; i++)
    {
      CLStaff *person = g_ptr_array_index (staff, i);

      g_hash_table_insert (self->names, g_strdup (cl_record_get_id (CL_RECORD (person))),
                           g_strdup (cl_staff_get_display_name (person)));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      CLCriticalValue *value = g_ptr_array_index (rows, i);
      const char *id = cl_critical_value_get_patient_id (value);

      if (id && !g_hash_table_contains (self->names, id))
        g_hash_table_insert (self->names, g_strdup (id), cl_critical_patient_name (self->store, value));
    }
}

static CLCriticalKind
shown_kind (CLCriticalPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  return kind < CL_CRITICAL_N_KINDS ? kind : CL_CRITICAL_KIND_CRITICAL;
}

static void
reload (CLCriticalPage *self)
{
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) unreported = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *limit = NULL;
  const char *kind;
  gint64 now;

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->values);
      return;
    }
  now = cl_context_get_now (self->context);
  kind = cl_critical_kind_to_string (shown_kind (self));
  self->limit = cl_critical_store_limit (self->store);
  recent = cl_store_critical_between (self->store, kind, now - DAYS_SHOWN * 86400, G_MAXINT64);
  unreported = cl_store_critical_unreported (self->store);
  /* The unreported first, the longest waiting on top: they are the
   * work; then the rest, the latest first. */
  for (guint i = 0; i < unreported->len; i++)
    {
      CLCriticalValue *value = g_ptr_array_index (unreported, i);

      if (g_strcmp0 (cl_critical_value_get_kind (value), kind) != 0)
        continue;
      g_hash_table_add (seen, (gpointer) cl_record_get_id (CL_RECORD (value)));
      g_ptr_array_add (rows, value);
    }
  for (guint i = 0; i < recent->len; i++)
    {
      CLCriticalValue *value = g_ptr_array_index (recent, i);

      if (!g_hash_table_contains (seen, cl_record_get_id (CL_RECORD (value))))
        g_ptr_array_add (rows, value);
    }
  load_names (self, rows);
  g_list_store_splice (self->values, 0, g_list_model_get_n_items (G_LIST_MODEL (self->values)),
                       rows->pdata, rows->len);
  limit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Report within %d minute of receipt",
                                        "Report within %d minutes of receipt", self->limit),
                           (int) self->limit);
  gtk_label_set_label (self->limit_label, limit);
  gtk_stack_set_visible_child_name (self->list_stack, rows->len ? "list" : "empty");
}

/* ---- columns --------------------------------------------------------- */

typedef enum
{
  COL_RECEIVED, COL_SOURCE, COL_PATIENT, COL_DEPARTMENT, COL_TEST, COL_TAKEN_BY,
  COL_REPORTED_TO, COL_CLOCK, N_COLUMNS
} Column;

static char *
cell_text (CLCriticalPage  *self,
           CLCriticalValue *value,
           Column           column,
           gboolean        *problem)
{
  GDate today;

  *problem = FALSE;
  switch (column)
    {
    case COL_RECEIVED:
      cl_context_get_today (self->context, &today);
      return cl_date_format_time (cl_critical_value_get_received_at (value), CL_DATE_SHORT, &today);
    case COL_SOURCE:
      {
        const char *caller = cl_critical_value_get_caller_name (value);

        if (caller && *caller)
          /* TRANSLATORS: where a critical value came from and who telephoned, "Laboratory · 李老师" */
          return g_strdup_printf (_("%s · %s"), cl_critical_source_label (cl_critical_value_get_source (value)), caller);
        return g_strdup (cl_critical_source_label (cl_critical_value_get_source (value)));
      }
    case COL_PATIENT:
      return g_strdup (name_of (self, cl_critical_value_get_patient_id (value)));
    case COL_DEPARTMENT:
      return g_strdup (name_of (self, cl_critical_value_get_department_id (value)));
    case COL_TEST:
      return g_strjoin (" ", cl_critical_value_get_test_name (value) ? cl_critical_value_get_test_name (value) : "",
                        cl_critical_value_get_result (value) ? cl_critical_value_get_result (value) : "",
                        cl_critical_value_get_unit (value) ? cl_critical_value_get_unit (value) : "", NULL);
    case COL_TAKEN_BY:
      return g_strdup (name_of (self, cl_critical_value_get_taken_by (value)));
    case COL_REPORTED_TO:
      if (!cl_critical_value_is_reported (value))
        return g_strdup ("—");
      /* TRANSLATORS: whom a critical value was reported to: a name and "Doctor" or "Nurse" */
      return g_strdup_printf (_("%s (%s)"), cl_critical_value_get_reported_to (value),
                              cl_critical_role_label (cl_critical_value_get_reported_role (value)));
    case COL_CLOCK:
    default:
      return cl_critical_clock_text (value, cl_context_get_now (self->context), self->limit, problem);
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CLCriticalPage           *self)
{
  Column column = cl_cells_column_index (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *label = gtk_list_item_get_child (item);
  CLCriticalValue *value = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;
  gboolean problem;

  text = cell_text (self, value, column, &problem);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  /* Red, and said in words too ("late", "Unreported"). */
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
add_columns (CLCriticalPage *self)
{
  const char *titles[N_COLUMNS] = {
    _("Received"), _("Reporting service"), _("Patient"), _("Department"), _("Test and value"), _("Taken by"),
    _("Reported to"), _("Clock"),
  };

  cl_cells_append_columns (self->column_view, titles, N_COLUMNS, G_CALLBACK (cl_cells_setup_text),
                           G_CALLBACK (bind_cb), self, 1u << COL_TEST | 1u << COL_PATIENT);
}

/* ---- actions --------------------------------------------------------- */

static void
selection_changed_cb (CLCriticalPage *self)
{
  CLCriticalValue *value = gtk_single_selection_get_selected_item (self->selection);

  gtk_widget_set_sensitive (self->report_button, value != NULL && !cl_critical_value_is_reported (value));
}

static void
saved_cb (CLCriticalPage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
}

GtkWindow *
cl_critical_page_open_register (CLCriticalPage *self)
{
  CLCriticalDialog *dialog;

  g_return_val_if_fail (CL_IS_CRITICAL_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = cl_critical_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                   shown_kind (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
cl_critical_page_open_report (CLCriticalPage *self,
                              guint           i)
{
  g_autoptr(CLCriticalValue) value = NULL;
  g_autofree char *description = NULL;
  CLCriticalReportDialog *dialog;

  g_return_val_if_fail (CL_IS_CRITICAL_PAGE (self), NULL);

  value = g_list_model_get_item (G_LIST_MODEL (self->values), i);
  if (value == NULL || cl_critical_value_is_reported (value))
    return NULL;
  description = cl_critical_describe (self->store, value);
  dialog = cl_critical_report_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                          value, description);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
cl_critical_page_open_month (CLCriticalPage *self)
{
  GtkWindow *dialog;

  g_return_val_if_fail (CL_IS_CRITICAL_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  dialog = GTK_WINDOW (cl_critical_month_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                     self->context));
  gtk_window_present (dialog);
  return dialog;
}

static void
register_clicked_cb (CLCriticalPage *self)
{
  cl_critical_page_open_register (self);
}

static void
report_clicked_cb (CLCriticalPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  if (i != GTK_INVALID_LIST_POSITION)
    cl_critical_page_open_report (self, i);
}

static void
row_activated_cb (CLCriticalPage *self,
                  guint           position)
{
  cl_critical_page_open_report (self, position);
}

static void
month_clicked_cb (CLCriticalPage *self)
{
  cl_critical_page_open_month (self);
}

/* ---- the context ----------------------------------------------------- */

static gboolean
tick_cb (gpointer data)
{
  CLCriticalPage *self = data;

  /* The clock moves on: each row's minutes, and a value crossing the
   * limit turns red. */
  reload (self);
  return G_SOURCE_CONTINUE;
}

static void
context_changed_cb (CLCriticalPage *self)
{
  CLStore *store = cl_context_get_store (self->context);
  const char * const tables[] = { "critical_value", "patient", "department", "desk_setting", "staff" };

  if (store != self->store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      for (guint i = 0; store && i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

          g_signal_connect_object (store, signal, G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
        }
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), cl_context_may (self->context, CL_READ, "critical_value"));
  reload (self);
}

static void
cl_critical_page_constructed (GObject *object)
{
  CLCriticalPage *self = CL_CRITICAL_PAGE (object);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (cl_critical_page_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  gtk_string_list_append (kinds, _("Critical Values"));
  gtk_string_list_append (kinds, _("Tuberculosis Results"));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  self->tick = g_timeout_add_seconds (60, tick_cb, self);
  context_changed_cb (self);
}

static void
cl_critical_page_dispose (GObject *object)
{
  CLCriticalPage *self = CL_CRITICAL_PAGE (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_CRITICAL_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->values);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->names, g_hash_table_unref);
  G_OBJECT_CLASS (cl_critical_page_parent_class)->dispose (object);
}

static void
cl_critical_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CLCriticalPage *self = CL_CRITICAL_PAGE (object);

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
cl_critical_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CLCriticalPage *self = CL_CRITICAL_PAGE (object);

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
cl_critical_page_class_init (CLCriticalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_critical_page_constructed;
  object_class->dispose = cl_critical_page_dispose;
  object_class->set_property = cl_critical_page_set_property;
  object_class->get_property = cl_critical_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/desk/cl-critical-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLCriticalPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLCriticalPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLCriticalPage, limit_label);
  gtk_widget_class_bind_template_child (widget_class, CLCriticalPage, report_button);
  gtk_widget_class_bind_template_child (widget_class, CLCriticalPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLCriticalPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CLCriticalPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, register_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_critical_page_init (CLCriticalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->values = g_list_store_new (CL_TYPE_CRITICAL_VALUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->values)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  add_columns (self);
}

GtkWidget *
cl_critical_page_new (CLContext *context)
{
  return g_object_new (CL_TYPE_CRITICAL_PAGE, "context", context, NULL);
}

void
cl_critical_page_set_kind (CLCriticalPage *self,
                           CLCriticalKind  kind)
{
  g_return_if_fail (CL_IS_CRITICAL_PAGE (self));
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

guint
cl_critical_page_get_n_rows (CLCriticalPage *self)
{
  g_return_val_if_fail (CL_IS_CRITICAL_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->values));
}

char *
cl_critical_page_dup_clock (CLCriticalPage *self,
                            guint           i,
                            gboolean       *problem)
{
  g_autoptr(CLCriticalValue) value = NULL;

  g_return_val_if_fail (CL_IS_CRITICAL_PAGE (self), NULL);

  value = g_list_model_get_item (G_LIST_MODEL (self->values), i);
  if (value == NULL)
    return NULL;
  return cl_critical_clock_text (value, cl_context_get_now (self->context), self->limit, problem);
}
