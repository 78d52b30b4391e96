#define G_LOG_DOMAIN "cl-roster-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-column-sorter.h"
#include "cl-context.h"
#include "cl-patient-store.h"
#include "cl-roster-cells.h"
#include "cl-roster-columns.h"
#include "cl-roster-view.h"

struct _CLRosterView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget            *box;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *risk_dropdown;
  GtkDropDown          *stage_dropdown;
  GtkDropDown          *manager_dropdown;
  GtkStack             *content_stack;
  GtkColumnView        *column_view;
  GtkLabel             *count_label;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *age_column;
  GtkColumnViewColumn  *ga_column;
  GtkColumnViewColumn  *edd_column;
  GtkColumnViewColumn  *risk_column;
  GtkColumnViewColumn  *package_column;
  GtkColumnViewColumn  *manager_column;
  GtkColumnViewColumn  *next_visit_column;
  GtkColumnViewColumn  *phone_column;

  /* owned */
  CLContext            *context;
  CLStore              *store;          /* the context's, once it has one */
  CLRosterModel        *model;
  GtkSliceListModel    *slice;
  GtkSingleSelection   *selection;
  guint                 grow_source;
  GPtrArray            *risk_codes;     /* dropdown position - 1 → code */
  GPtrArray            *manager_ids;    /* dropdown position - 2 → staff id */
  GSettings            *settings;
  gint64                total;
  GtkSorter            *view_sorter;
  gulong                sorter_handler;
};

G_DEFINE_FINAL_TYPE (CLRosterView, cl_roster_view, GTK_TYPE_WIDGET)

enum {
  PATIENT_ACTIVATED,
  N_SIGNALS
};

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

static const ClStage stage_filters[] = {
  CL_STAGE_NONE,
  CL_STAGE_FIRST_TRIMESTER,
  CL_STAGE_SECOND_TRIMESTER,
  CL_STAGE_THIRD_TRIMESTER,
  CL_STAGE_POSTPARTUM,
  CL_STAGE_CLOSED,
};

static const char * const sort_names[] = {
  [CL_ROSTER_SORT_NAME] = "name",
  [CL_ROSTER_SORT_AGE] = "age",
  [CL_ROSTER_SORT_GA] = "ga",
  [CL_ROSTER_SORT_EDD] = "edd",
  [CL_ROSTER_SORT_RISK] = "risk",
  [CL_ROSTER_SORT_MANAGER] = "manager",
  [CL_ROSTER_SORT_NEXT_VISIT] = "next-visit",
};

/* Fixed widths from the content (cl-roster-columns.c): the risk
 * chips' labels come with the store. */
static void
fit_columns (CLRosterView *self)
{
  GtkColumnViewColumn *columns[CL_N_ROSTER_COLUMNS] = {
    [CL_ROSTER_COLUMN_NAME] = self->name_column,
    [CL_ROSTER_COLUMN_AGE] = self->age_column,
    [CL_ROSTER_COLUMN_GA] = self->ga_column,
    [CL_ROSTER_COLUMN_EDD] = self->edd_column,
    [CL_ROSTER_COLUMN_RISK] = self->risk_column,
    [CL_ROSTER_COLUMN_PACKAGE] = self->package_column,
    [CL_ROSTER_COLUMN_MANAGER] = self->manager_column,
    [CL_ROSTER_COLUMN_NEXT_VISIT] = self->next_visit_column,
    [CL_ROSTER_COLUMN_PHONE] = self->phone_column,
  };

  cl_roster_columns_fit (self->column_view, columns, self->store ? cl_store_get_risk_scale (self->store) : NULL);
}

/* ---- state ---------------------------------------------------------- */

#define GROW_STEP 32
/* Past this, more rows in the model cost no more widgets. */
#define GROW_LIMIT 256

/* Rows that fill the window the roster will first appear in (a row is
 * about 31 px tall), so nothing below the fold is built before the
 * first frame. */
static guint
first_screenful (CLRosterView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0, height = 0;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      if (gtk_window_is_maximized (GTK_WINDOW (root)))
        height = MAX (height, 1200);
    }
  if (height <= 0)
    height = 1200;
  return CLAMP (height / 28 + 2, 16, 64);
}

static gboolean
grow_slice_cb (gpointer user_data)
{
  CLRosterView *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->slice);

  if (size >= GROW_LIMIT)
    {
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      self->grow_source = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->slice, size + GROW_STEP);
  return G_SOURCE_CONTINUE;
}

static void
start_growing (CLRosterView *self)
{
  if (self->grow_source == 0 && gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    self->grow_source = g_idle_add_full (G_PRIORITY_LOW, grow_slice_cb, self, NULL);
}

static void
update_state (CLRosterView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;
  const char *page;

  if (!cl_roster_model_get_loaded (self->model))
    page = "loading";
  else if (n > 0)
    page = "list";
  else if (cl_roster_model_get_filtered (self->model))
    page = "no-results";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->content_stack, page);
  if (self->slice && cl_roster_model_get_loaded (self->model))
    start_growing (self);

  if (!cl_roster_model_get_loaded (self->model))
    count = g_strdup ("");
  else if (cl_roster_model_get_filtered (self->model))
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u patient",
                                          "%u of %u patients", (gulong) self->total),
                             n, (guint) self->total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u patient", "%u patients", n), n);
  gtk_label_set_label (self->count_label, count);
}

static void
model_changed_cb (CLRosterView *self)
{
  if (!cl_roster_model_get_filtered (self->model))
    self->total = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  else if (self->store)
    self->total = cl_patient_store_count (self->store);
  update_state (self);
}

static void
fill_managers (CLRosterView *self)
{
  g_autoptr(GPtrArray) staff = cl_patient_store_list_staff (self->store, CL_ROLE_CASE_MANAGER);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("All case managers"));
  gtk_string_list_append (list, _("No case manager"));
  g_ptr_array_set_size (self->manager_ids, 0);
  for (guint i = 0; i < staff->len; i++)
    {
      CLStaff *member = g_ptr_array_index (staff, i);

      gtk_string_list_append (list, cl_staff_get_display_name (member));
      g_ptr_array_add (self->manager_ids, g_strdup (cl_record_get_id (CL_RECORD (member))));
    }
  gtk_drop_down_set_model (self->manager_dropdown, G_LIST_MODEL (list));
}

static void
fill_risks (CLRosterView *self)
{
  ClRiskScale *scale = cl_store_get_risk_scale (self->store);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("All risk colours"));
  g_ptr_array_set_size (self->risk_codes, 0);
  for (guint i = 0; i < cl_risk_scale_get_n_levels (scale); i++)
    {
      const ClRiskLevel *level = cl_risk_scale_get_level (scale, i);

      gtk_string_list_append (list, level->label);
      g_ptr_array_add (self->risk_codes, g_strdup (level->code));
    }
  gtk_drop_down_set_model (self->risk_dropdown, G_LIST_MODEL (list));
}

static void
on_filter_changed_cb (CLRosterView *self)
{
  guint risk = gtk_drop_down_get_selected (self->risk_dropdown);
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);
  guint manager = gtk_drop_down_get_selected (self->manager_dropdown);

  if (self->model == NULL)
    return;

  cl_roster_model_set_risk (self->model,
                            risk >= 1 && risk - 1 < self->risk_codes->len
                            ? g_ptr_array_index (self->risk_codes, risk - 1) : NULL);
  cl_roster_model_set_stage (self->model,
                             stage < G_N_ELEMENTS (stage_filters) ? stage_filters[stage] : CL_STAGE_NONE);
  if (manager == 1)
    cl_roster_model_set_manager (self->model, "");
  else if (manager >= 2 && manager - 2 < self->manager_ids->len)
    cl_roster_model_set_manager (self->model, g_ptr_array_index (self->manager_ids, manager - 2));
  else
    cl_roster_model_set_manager (self->model, NULL);
}

static void
on_search_changed_cb (CLRosterView *self)
{
  if (self->model)
    cl_roster_model_set_query (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search_cb (CLRosterView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
activate_position (CLRosterView *self,
                   guint         position)
{
  g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row && cl_roster_row_get_patient_id (row))
    g_signal_emit (self, signals[PATIENT_ACTIVATED], 0, cl_roster_row_get_patient_id (row));
}

static void
on_search_activate_cb (CLRosterView *self)
{
  guint n;

  if (self->model == NULL || cl_roster_model_get_loading (self->model))
    return;

  /* One match: open her.  Several: move to the list to pick one. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n == 1)
    activate_position (self, 0);
  else if (n > 1)
    cl_roster_view_focus_list (self);
}

static void
on_row_activated_cb (CLRosterView *self,
                     guint         position)
{
  activate_position (self, position);
}

static void
sorter_changed_cb (CLRosterView *self)
{
  gboolean descending = FALSE;
  int key = cl_column_sorter_probe (gtk_column_view_get_sorter (self->column_view), &descending);

  if (key < 0)
    key = CL_ROSTER_SORT_NAME, descending = FALSE;
  if (self->model)
    cl_roster_model_set_sort (self->model, key, descending);
  g_settings_set_string (self->settings, "roster-sort-column", sort_names[key]);
  g_settings_set_boolean (self->settings, "roster-sort-descending", descending);
}

static void
restore_sort (CLRosterView *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "roster-sort-column");
  gboolean descending = g_settings_get_boolean (self->settings, "roster-sort-descending");
  GtkColumnViewColumn *columns[] = {
    [CL_ROSTER_SORT_NAME] = self->name_column,
    [CL_ROSTER_SORT_AGE] = self->age_column,
    [CL_ROSTER_SORT_GA] = self->ga_column,
    [CL_ROSTER_SORT_EDD] = self->edd_column,
    [CL_ROSTER_SORT_RISK] = self->risk_column,
    [CL_ROSTER_SORT_MANAGER] = self->manager_column,
    [CL_ROSTER_SORT_NEXT_VISIT] = self->next_visit_column,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (name, sort_names[i]) == 0)
      {
        gtk_column_view_sort_by_column (self->column_view, columns[i],
                                        descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        if (self->model)
          cl_roster_model_set_sort (self->model, i, descending);
        return;
      }
}

static void
store_changed_cb (CLRosterView *self,
                  const char   *table)
{
  fill_managers (self);
}

/* ---- class ---------------------------------------------------------- */

/* The roster is of the first store the context gets: a window opens
 * one data file for its life. */
static void
context_store_cb (CLRosterView *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store == NULL || self->store != NULL)
    return;

  self->store = g_object_ref (store);
  self->model = cl_roster_model_new (store);
  /* GTK 4.8's list views keep up to 200 rows of widgets alive; making
   * all of them before the first frame would keep the roster blank for
   * the time it takes.  Start with a screenful and let the rest come
   * in a few idle steps after the roster is on screen. */
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0,
                                          first_screenful (self));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->model, "notify::loaded", G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  fill_risks (self);
  fill_managers (self);
  fit_columns (self);
  restore_sort (self);
  self->view_sorter = g_object_ref (gtk_column_view_get_sorter (self->column_view));
  self->sorter_handler = g_signal_connect_swapped (self->view_sorter, "changed",
                                                   G_CALLBACK (sorter_changed_cb), self);

  cl_roster_model_reload (self->model);
}

static void
cl_roster_view_constructed (GObject *object)
{
  CLRosterView *self = CL_ROSTER_VIEW (object);

  G_OBJECT_CLASS (cl_roster_view_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  self->settings = g_object_ref (cl_context_get_settings (self->context));
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  context_store_cb (self);
}

static void
cl_roster_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, CL_ROSTER_VIEW (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_roster_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      CL_ROSTER_VIEW (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
cl_roster_view_dispose (GObject *object)
{
  CLRosterView *self = CL_ROSTER_VIEW (object);

  /* Tearing the column view down clears its sort state, which must not
   * reach a half-disposed view. */
  if (self->view_sorter)
    g_clear_signal_handler (&self->sorter_handler, self->view_sorter);
  g_clear_object (&self->view_sorter);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_ROSTER_VIEW);

  g_clear_handle_id (&self->grow_source, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->risk_codes, g_ptr_array_unref);
  g_clear_pointer (&self->manager_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_roster_view_parent_class)->dispose (object);
}

static void
cl_roster_view_class_init (CLRosterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_roster_view_dispose;
  object_class->constructed = cl_roster_view_constructed;
  object_class->get_property = cl_roster_view_get_property;
  object_class->set_property = cl_roster_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CLRosterView::patient-activated:
   * @patient_id: the patient's id
   *
   * A row was activated (double click or Enter).
   */
  signals[PATIENT_ACTIVATED] =
    g_signal_new ("patient-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/roster/cl-roster-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, box);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, risk_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, manager_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, name_column);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, age_column);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, ga_column);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, edd_column);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, risk_column);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, package_column);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, manager_column);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, next_visit_column);
  gtk_widget_class_bind_template_child (widget_class, CLRosterView, phone_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
cl_roster_view_init (CLRosterView *self)
{
  g_autoptr(GtkStringList) stages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->risk_codes = g_ptr_array_new_with_free_func (g_free);
  self->manager_ids = g_ptr_array_new_with_free_func (g_free);

  stages = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (stage_filters); i++)
    gtk_string_list_append (stages, i == 0 ? _("All stages") : cl_stage_to_label (stage_filters[i]));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));

  {
    GtkColumnViewColumn *columns[CL_N_ROSTER_COLUMNS] = {
      [CL_ROSTER_COLUMN_NAME] = self->name_column,
      [CL_ROSTER_COLUMN_AGE] = self->age_column,
      [CL_ROSTER_COLUMN_GA] = self->ga_column,
      [CL_ROSTER_COLUMN_EDD] = self->edd_column,
      [CL_ROSTER_COLUMN_RISK] = self->risk_column,
      [CL_ROSTER_COLUMN_PACKAGE] = self->package_column,
      [CL_ROSTER_COLUMN_MANAGER] = self->manager_column,
      [CL_ROSTER_COLUMN_NEXT_VISIT] = self->next_visit_column,
      [CL_ROSTER_COLUMN_PHONE] = self->phone_column,
    };

    cl_roster_cells_install (columns, self);
  }

  fit_columns (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
}

CLRosterModel *
cl_roster_view_get_model (CLRosterView *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_VIEW (self), NULL);
  return self->model;
}

CLStore *
cl_roster_view_get_store (CLRosterView *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_VIEW (self), NULL);
  return self->store;
}

GtkColumnView *
cl_roster_view_get_column_view (CLRosterView *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_VIEW (self), NULL);
  return self->column_view;
}

GtkEditable *
cl_roster_view_get_search_entry (CLRosterView *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_VIEW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

void
cl_roster_view_focus_search (CLRosterView *self)
{
  g_return_if_fail (CL_IS_ROSTER_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
cl_roster_view_focus_list (CLRosterView *self)
{
  g_return_if_fail (CL_IS_ROSTER_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}
