#define G_LOG_DOMAIN "cl-directory-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-directory-entry-dialog.h"
#include "cl-directory-text.h"
#include "cl-directory-window.h"
#include "cl-doctor-dialog.h"
#include "cl-store-directory.h"
#include "cl-util.h"

enum { PAGE_DEPARTMENTS, PAGE_DOCTORS, PAGE_PRICES, PAGE_PROCEDURES, N_PAGES };

static const char * const page_names[N_PAGES] = { "departments", "doctors", "prices", "procedures" };
static const char * const page_tables[N_PAGES] = { "department", "doctor", "service_price", "procedure_guide" };

struct _CLDirectoryWindow
{
  AdwWindow     parent_instance;

  /* template widgets */
  AdwViewStack *stack;
  GtkListBox   *lists[N_PAGES];

  /* owned */
  CLContext    *context;
  CLStore      *store;
  GPtrArray    *records[N_PAGES];   /* as listed */
  GHashTable   *departments;        /* id → name, for the doctors' rows */
};

G_DEFINE_FINAL_TYPE (CLDirectoryWindow, cl_directory_window, ADW_TYPE_WINDOW)

static int
current_page (CLDirectoryWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (int i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;
  return PAGE_DEPARTMENTS;
}

static gboolean
may_edit (CLDirectoryWindow *self,
          int                page)
{
  return self->store && cl_context_may (self->context, CL_WRITE, page_tables[page]);
}

static void
describe (CLDirectoryWindow *self,
          CLRecord          *record,
          char             **title,
          char             **subtitle)
{
  if (CL_IS_DEPARTMENT (record))
    {
      *title = g_strdup (cl_department_get_display_name (CL_DEPARTMENT (record)));
      *subtitle = cl_department_dup_location (CL_DEPARTMENT (record));
    }
  else if (CL_IS_DOCTOR (record))
    {
      g_autoptr(GPtrArray) sessions = cl_store_doctor_sessions (self->store, cl_record_get_id (record));
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      const char *department = g_hash_table_lookup (self->departments, cl_doctor_get_department_id (CL_DOCTOR (record)));
      g_autofree char *week = NULL;

      for (guint i = 0; i < sessions->len; i++)
        g_ptr_array_add (labels, cl_directory_session_label (g_ptr_array_index (sessions, i)));
      g_ptr_array_add (labels, NULL);
      week = g_strjoinv ("; ", (char **) labels->pdata);
      *title = cl_directory_doctor_label (CL_DOCTOR (record));
      *subtitle = g_strdup_printf ("%s%s%s", department ? department : "", *week ? " · " : "", week);
    }
  else if (CL_IS_SERVICE_PRICE (record))
    {
      CLServicePrice *price = CL_SERVICE_PRICE (record);
      g_autofree char *amount = cl_service_price_dup_label (price);

      *title = g_strdup (cl_service_price_get_name (price));
      *subtitle = cl_str_empty (cl_service_price_get_code (price))
                  ? g_steal_pointer (&amount)
                  : g_strdup_printf ("%s · %s", cl_service_price_get_code (price), amount);
    }
  else
    {
      CLProcedureGuide *guide = CL_PROCEDURE_GUIDE (record);

      *title = g_strdup (cl_procedure_guide_get_display_title (guide));
      *subtitle = g_strdup (cl_procedure_guide_get_place (guide) ? cl_procedure_guide_get_place (guide) : "");
    }
}

static GtkWidget *
record_row (CLDirectoryWindow *self,
            CLRecord          *record,
            gboolean           editable)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean active = TRUE;

  describe (self, record, &title, &subtitle);
  g_object_get (record, "active", &active, NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (!active)
    {
      GtkWidget *label = gtk_label_new (_("Not in use"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (editable)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  return row;
}

void
cl_directory_window_reload (CLDirectoryWindow *self)
{
  g_return_if_fail (CL_IS_DIRECTORY_WINDOW (self));

  g_hash_table_remove_all (self->departments);
  for (int page = 0; page < N_PAGES; page++)
    {
      GtkWidget *child;
      gboolean editable = may_edit (self, page);

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lists[page]))))
        gtk_list_box_remove (self->lists[page], child);
      g_clear_pointer (&self->records[page], g_ptr_array_unref);
      if (self->store == NULL)
        continue;
      switch (page)
        {
        case PAGE_DEPARTMENTS:
          self->records[page] = cl_store_departments (self->store, FALSE);
          for (guint i = 0; i < self->records[page]->len; i++)
            {
              CLDepartment *department = g_ptr_array_index (self->records[page], i);

              g_hash_table_insert (self->departments, g_strdup (cl_record_get_id (CL_RECORD (department))),
                                   g_strdup (cl_department_get_display_name (department)));
            }
          break;
        case PAGE_DOCTORS:
          self->records[page] = cl_store_doctors (self->store, FALSE);
          break;
        case PAGE_PRICES:
          self->records[page] = cl_store_service_prices (self->store, FALSE);
          break;
        default:
          self->records[page] = cl_store_procedure_guides (self->store, FALSE);
        }
      for (guint i = 0; i < self->records[page]->len; i++)
        gtk_list_box_append (self->lists[page], record_row (self, g_ptr_array_index (self->records[page], i), editable));
      if (self->records[page]->len == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None yet"));
          gtk_widget_add_css_class (row, "dim-label");
          gtk_list_box_append (self->lists[page], row);
        }
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.new", may_edit (self, current_page (self)));
}

static void
page_changed_cb (CLDirectoryWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.new", may_edit (self, current_page (self)));
}

GtkWidget *
cl_directory_window_open_form (CLDirectoryWindow *self,
                               int                position)
{
  static GType (* const types[N_PAGES]) (void) = {
    cl_department_get_type, cl_doctor_get_type, cl_service_price_get_type, cl_procedure_guide_get_type,
  };
  int page;
  CLRecord *record = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (CL_IS_DIRECTORY_WINDOW (self), NULL);

  page = current_page (self);
  if (!may_edit (self, page))
    return NULL;
  if (position >= 0)
    {
      if (self->records[page] == NULL || (guint) position >= self->records[page]->len)
        return NULL;
      record = g_ptr_array_index (self->records[page], position);
    }
  if (page == PAGE_DOCTORS)
    dialog = GTK_WIDGET (cl_doctor_dialog_new (GTK_WINDOW (self), self->context, record ? CL_DOCTOR (record) : NULL));
  else
    dialog = GTK_WIDGET (cl_directory_entry_dialog_new (GTK_WINDOW (self), self->context, types[page] (), record));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_directory_window_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
row_activated_cb (CLDirectoryWindow *self,
                  GtkListBoxRow     *row)
{
  cl_directory_window_open_form (self, gtk_list_box_row_get_index (row));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  cl_directory_window_open_form (CL_DIRECTORY_WINDOW (widget), -1);
}

static void
store_changed_cb (CLDirectoryWindow *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store != self->store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      for (guint i = 0; store && i < N_PAGES + 1; i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", i < N_PAGES ? page_tables[i] : "doctor_session", NULL);

          g_signal_connect_object (store, signal, G_CALLBACK (cl_directory_window_reload), self, G_CONNECT_SWAPPED);
        }
    }
  cl_directory_window_reload (self);
}

static void
cl_directory_window_dispose (GObject *object)
{
  CLDirectoryWindow *self = CL_DIRECTORY_WINDOW (object);

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  for (int i = 0; i < N_PAGES; i++)
    g_clear_pointer (&self->records[i], g_ptr_array_unref);
  g_clear_pointer (&self->departments, g_hash_table_unref);
  G_OBJECT_CLASS (cl_directory_window_parent_class)->dispose (object);
}

static void
cl_directory_window_class_init (CLDirectoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_directory_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/directory/cl-directory-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CLDirectoryWindow, stack);
  gtk_widget_class_bind_template_child_full (widget_class, "departments_list", FALSE,
                                             G_STRUCT_OFFSET (CLDirectoryWindow, lists[PAGE_DEPARTMENTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "doctors_list", FALSE,
                                             G_STRUCT_OFFSET (CLDirectoryWindow, lists[PAGE_DOCTORS]));
  gtk_widget_class_bind_template_child_full (widget_class, "prices_list", FALSE,
                                             G_STRUCT_OFFSET (CLDirectoryWindow, lists[PAGE_PRICES]));
  gtk_widget_class_bind_template_child_full (widget_class, "procedures_list", FALSE,
                                             G_STRUCT_OFFSET (CLDirectoryWindow, lists[PAGE_PROCEDURES]));
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_install_action (widget_class, "directory.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "directory.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_directory_window_init (CLDirectoryWindow *self)
{
  self->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

CLDirectoryWindow *
cl_directory_window_new (GtkWindow *parent,
                         CLContext *context)
{
  CLDirectoryWindow *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_DIRECTORY_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::role", G_CALLBACK (cl_directory_window_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  store_changed_cb (self);
  return self;
}

void
cl_directory_window_show_page (CLDirectoryWindow *self,
                               const char        *page)
{
  g_return_if_fail (CL_IS_DIRECTORY_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, page);
}

guint
cl_directory_window_get_n_rows (CLDirectoryWindow *self,
                                const char        *page)
{
  g_return_val_if_fail (CL_IS_DIRECTORY_WINDOW (self), 0);

  for (int i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (page, page_names[i]) == 0)
      return self->records[i] ? self->records[i]->len : 0;
  return 0;
}
