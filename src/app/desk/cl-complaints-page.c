#define G_LOG_DOMAIN "cl-complaints-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-complaint-dialog.h"
#include "cl-complaint-report-view.h"
#include "cl-complaints-page.h"
#include "cl-date.h"
#include "cl-department.h"
#include "cl-staff.h"
#include "cl-store-complaints.h"
#include "cl-store-directory.h"
#include "cl-store-staff.h"

/* Of the settled tickets, the latest this many are listed; every
 * unresolved one is. */
#define SETTLED_LIMIT 200

struct _CLComplaintsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkDropDown           *state_dropdown;
  GtkDropDown           *department_dropdown;
  GtkWidget             *new_button;
  GtkStack              *inner_stack;
  GtkLabel              *list_title;
  GtkStack              *list_stack;
  GtkListBox            *tickets_list;
  CLComplaintReportView *report_view;

  /* owned */
  CLContext             *context;
  CLStore               *store;
  GPtrArray             *tickets;          /* CLComplaint, as listed */
  GPtrArray             *department_ids;   /* parallel to department_dropdown, [0] all */
  GHashTable            *department_names; /* id → name */
  GHashTable            *staff_names;      /* id → name */
  guint                  n_overdue;
  guint                  tick;
};

G_DEFINE_FINAL_TYPE (CLComplaintsPage, cl_complaints_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *
name_of (GHashTable *names,
         const char *id)
{
  const char *name = id ? g_hash_table_lookup (names, id) : NULL;

  /* Someone without a staff row is named by their user name. */
  return name ? name : (id ? id : "");
}

static void
fill_names (CLComplaintsPage *self)
{
  g_autoptr(GPtrArray) departments = cl_store_departments (self->store, FALSE);
  g_autoptr(GPtrArray) staff = cl_store_staff_list_all (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);
  g_autofree char *was = NULL;

  if (selected < self->department_ids->len && g_ptr_array_index (self->department_ids, selected))
    was = g_strdup (g_ptr_array_index (self->department_ids, selected));
  g_hash_table_remove_all (self->department_names);
  g_hash_table_remove_all (self->staff_names);
  g_ptr_array_set_size (self->department_ids, 0);
  g_ptr_array_add (self->department_ids, NULL);
  gtk_string_list_append (names, _("All departments"));
  selected = 0;
  for (guint i = 0; i < departments->len; i++)
    {
      CLDepartment *d = g_ptr_array_index (departments, i);
      const char *id = cl_record_get_id (CL_RECORD (d));

      g_hash_table_insert (self->department_names, g_strdup (id), g_strdup (cl_department_get_display_name (d)));
      if (g_strcmp0 (id, was) == 0)
        selected = self->department_ids->len;
      g_ptr_array_add (self->department_ids, g_strdup (id));
      gtk_string_list_append (names, cl_department_get_display_name (d));
    }
  for (guint i = 0; i < staff->len; i++)
    g_hash_table_insert (self->staff_names, g_strdup (cl_record_get_id (g_ptr_array_index (staff, i))),
                         g_strdup (cl_staff_get_display_name (g_ptr_array_index (staff, i))));
  g_signal_handlers_block_matched (self->department_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->department_dropdown, selected);
  g_signal_handlers_unblock_matched (self->department_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static char *
format_time (gint64 at)
{
  return cl_date_format_time (at, CL_DATE_SHORT, NULL);
}

static GtkWidget *
ticket_row (CLComplaintsPage *self,
            CLComplaint      *c,
            gint64            now)
{
  GtkWidget *row = adw_action_row_new ();
  const char *who = cl_complaint_get_complainant_name (c);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *when = NULL;
  gboolean overdue = cl_complaint_is_overdue (c, now);

  if (who == NULL || *who == '\0')
    who = cl_complaint_get_complainant_phone (c);
  title = g_strdup_printf ("%s · %s", who ? who : "", name_of (self->department_names, cl_complaint_get_department_id (c)));
  if (cl_complaint_is_unresolved (c))
    {
      g_autofree char *due = format_time (cl_complaint_get_promised_at (c));

      /* TRANSLATORS: an unresolved complaint's promised time */
      when = g_strdup_printf (_("due %s"), due);
    }
  else
    {
      g_autofree char *resolved = format_time (cl_complaint_get_resolved_at (c));

      when = g_strdup_printf (cl_complaint_get_settled_on_spot (c) ? _("settled on the spot %s")
                              /* TRANSLATORS: when a complaint was resolved */
                              : _("resolved %s"), resolved);
    }
  /* TRANSLATORS: a complaint in the list: severity · state · owner · when; then what happened */
  subtitle = g_strdup_printf (_("%s · %s · owner %s · %s\n%s"),
                              cl_complaint_severity_label (cl_complaint_get_severity (c)),
                              cl_complaint_state_label (cl_complaint_get_state (c)),
                              name_of (self->staff_names, cl_complaint_get_owner_id (c)), when,
                              cl_complaint_get_description (c));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (overdue)
    {
      GtkWidget *badge = gtk_label_new (_("Overdue"));
      g_autofree char *due = format_time (cl_complaint_get_promised_at (c));
      g_autofree char *description = g_strdup_printf (_("Overdue: it was promised by %s"), due);

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "complaint-overdue-badge");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
      gtk_widget_add_css_class (row, "complaint-overdue");
      /* Red is not the only sign: the badge's word, and this for a
       * screen reader. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  return row;
}

void
cl_complaints_page_reload (CLComplaintsPage *self)
{
  guint state, department;
  const char *state_word = NULL, *department_id = NULL;
  gint64 now;
  guint n_unresolved = 0;
  g_autofree char *title = NULL;
  GtkListBoxRow *row;

  g_return_if_fail (CL_IS_COMPLAINTS_PAGE (self));

  if (self->store == NULL)
    return;
  now = cl_context_get_now (self->context);
  state = gtk_drop_down_get_selected (self->state_dropdown);
  department = gtk_drop_down_get_selected (self->department_dropdown);
  if (state >= 1 && state <= CL_COMPLAINT_N_STATES)
    state_word = cl_complaint_state_to_string (state - 1);
  if (department < self->department_ids->len)
    department_id = g_ptr_array_index (self->department_ids, department);

  g_clear_pointer (&self->tickets, g_ptr_array_unref);
  self->tickets = cl_store_complaints_list (self->store, state_word, department_id, SETTLED_LIMIT);
  while ((row = gtk_list_box_get_row_at_index (self->tickets_list, 0)))
    gtk_list_box_remove (self->tickets_list, GTK_WIDGET (row));
  self->n_overdue = 0;
  for (guint i = 0; i < self->tickets->len; i++)
    {
      CLComplaint *c = g_ptr_array_index (self->tickets, i);

      n_unresolved += cl_complaint_is_unresolved (c);
      self->n_overdue += cl_complaint_is_overdue (c, now);
      gtk_list_box_append (self->tickets_list, ticket_row (self, c, now));
    }
  if (self->n_overdue)
    title = g_strdup_printf (_("Unresolved: %u, %u overdue"), n_unresolved, self->n_overdue);
  else
    title = g_strdup_printf (_("Unresolved: %u"), n_unresolved);
  gtk_label_set_label (self->list_title, title);
  gtk_stack_set_visible_child_name (self->list_stack, self->tickets->len ? "list" : "empty");
  cl_complaint_report_view_reload (self->report_view);
}

static void
saved_cb (CLComplaintsPage *self)
{
  cl_complaints_page_reload (self);
}

static GtkWidget *
open_dialog (CLComplaintsPage *self,
             CLComplaint      *complaint,
             CLContact        *contact)
{
  CLComplaintDialog *dialog = cl_complaint_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       self->context, complaint, contact);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

GtkWidget *
cl_complaints_page_new_complaint (CLComplaintsPage *self,
                                  CLContact        *contact)
{
  g_autoptr(CLComplaint) made = NULL;

  g_return_val_if_fail (CL_IS_COMPLAINTS_PAGE (self), NULL);

  /* A contact made a ticket already opens that ticket, not a second
   * one. */
  if (contact && self->store)
    made = cl_store_complaint_for_contact (self->store, cl_record_get_id (CL_RECORD (contact)));
  return open_dialog (self, made, made ? NULL : contact);
}

static void
new_clicked_cb (CLComplaintsPage *self)
{
  open_dialog (self, NULL, NULL);
}

static void
row_activated_cb (CLComplaintsPage *self,
                  GtkListBoxRow    *row)
{
  int i = gtk_list_box_row_get_index (row);

  if (self->tickets && i >= 0 && (guint) i < self->tickets->len)
    open_dialog (self, g_ptr_array_index (self->tickets, i), NULL);
}

static void
filter_changed_cb (CLComplaintsPage *self)
{
  gboolean tickets = g_strcmp0 (gtk_stack_get_visible_child_name (self->inner_stack), "report") != 0;

  /* The filters are the list's; the report is every department's. */
  gtk_widget_set_visible (GTK_WIDGET (self->state_dropdown), tickets);
  gtk_widget_set_visible (GTK_WIDGET (self->department_dropdown), tickets);
  cl_complaints_page_reload (self);
}

static void
store_changed_cb (CLComplaintsPage *self)
{
  fill_names (self);
  cl_complaints_page_reload (self);
}

static void
context_changed_cb (CLComplaintsPage *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store == self->store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;
  g_signal_connect_object (store, "changed::complaint", G_CALLBACK (cl_complaints_page_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::department", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::staff", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::desk_setting", G_CALLBACK (cl_complaints_page_reload), self, G_CONNECT_SWAPPED);
  cl_complaint_report_view_set_context (self->report_view, self->context);
  store_changed_cb (self);
}

static gboolean
tick_cb (gpointer data)
{
  /* Overdue is a matter of the clock, not of a change in the store. */
  cl_complaints_page_reload (data);
  return G_SOURCE_CONTINUE;
}

static void
cl_complaints_page_constructed (GObject *object)
{
  CLComplaintsPage *self = CL_COMPLAINTS_PAGE (object);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (cl_complaints_page_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  gtk_string_list_append (states, _("Every state"));
  for (guint i = 0; i < CL_COMPLAINT_N_STATES; i++)
    gtk_string_list_append (states, cl_complaint_state_label (cl_complaint_state_to_string (i)));
  g_signal_handlers_block_matched (self->state_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  g_signal_handlers_unblock_matched (self->state_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  context_changed_cb (self);
  self->tick = g_timeout_add_seconds (60, tick_cb, self);
}

static void
cl_complaints_page_dispose (GObject *object)
{
  CLComplaintsPage *self = CL_COMPLAINTS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->tick, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_COMPLAINTS_PAGE);
  /* The template's top box has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->tickets, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_complaints_page_parent_class)->dispose (object);
}

static void
cl_complaints_page_finalize (GObject *object)
{
  CLComplaintsPage *self = CL_COMPLAINTS_PAGE (object);

  g_ptr_array_unref (self->department_ids);
  g_hash_table_unref (self->department_names);
  g_hash_table_unref (self->staff_names);
  G_OBJECT_CLASS (cl_complaints_page_parent_class)->finalize (object);
}

static void
cl_complaints_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CLComplaintsPage *self = CL_COMPLAINTS_PAGE (object);

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
cl_complaints_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CLComplaintsPage *self = CL_COMPLAINTS_PAGE (object);

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
cl_complaints_page_class_init (CLComplaintsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_complaints_page_constructed;
  object_class->dispose = cl_complaints_page_dispose;
  object_class->finalize = cl_complaints_page_finalize;
  object_class->set_property = cl_complaints_page_set_property;
  object_class->get_property = cl_complaints_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CL_TYPE_COMPLAINT_REPORT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/desk/cl-complaints-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLComplaintsPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintsPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintsPage, inner_stack);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintsPage, tickets_list);
  gtk_widget_class_bind_template_child (widget_class, CLComplaintsPage, report_view);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_complaints_page_init (CLComplaintsPage *self)
{
  self->department_ids = g_ptr_array_new_with_free_func (g_free);
  self->department_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->staff_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cl_complaints_page_new (CLContext *context)
{
  return g_object_new (CL_TYPE_COMPLAINTS_PAGE, "context", context, NULL);
}

guint
cl_complaints_page_get_n_tickets (CLComplaintsPage *self)
{
  g_return_val_if_fail (CL_IS_COMPLAINTS_PAGE (self), 0);
  return self->tickets ? self->tickets->len : 0;
}

guint
cl_complaints_page_get_n_overdue (CLComplaintsPage *self)
{
  g_return_val_if_fail (CL_IS_COMPLAINTS_PAGE (self), 0);
  return self->n_overdue;
}

GtkWidget *
cl_complaints_page_get_row (CLComplaintsPage *self,
                            guint             position)
{
  g_return_val_if_fail (CL_IS_COMPLAINTS_PAGE (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->tickets_list, position));
}

GtkWidget *
cl_complaints_page_open (CLComplaintsPage *self,
                         guint             position)
{
  g_return_val_if_fail (CL_IS_COMPLAINTS_PAGE (self), NULL);
  g_return_val_if_fail (self->tickets && position < self->tickets->len, NULL);
  return open_dialog (self, g_ptr_array_index (self->tickets, position), NULL);
}

GtkWidget *
cl_complaints_page_get_widget (CLComplaintsPage *self,
                               const char       *name)
{
  const struct { const char *name; gpointer widget; } widgets[] = {
    { "state", self->state_dropdown }, { "department", self->department_dropdown },
    { "new", self->new_button }, { "report", self->report_view }, { "stack", self->inner_stack },
  };

  g_return_val_if_fail (CL_IS_COMPLAINTS_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, name))
      return GTK_WIDGET (widgets[i].widget);
  return NULL;
}
