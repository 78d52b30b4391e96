#define G_LOG_DOMAIN "cl-opinions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-cells.h"
#include "cl-complaint-dialog.h"
#include "cl-date.h"
#include "cl-department.h"
#include "cl-desk-store.h"
#include "cl-opinion-dialog.h"
#include "cl-opinion-store.h"
#include "cl-opinions-page.h"
#include "cl-store-directory.h"
#include "cl-store-opinions.h"
#include "cl-util.h"

struct _CLOpinionsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *day_label;
  GtkLabel        *summary_label;
  GtkWidget       *next_button;
  GtkWidget       *today_button;
  GtkWidget       *add_button;
  GtkWidget       *complaint_button;
  GtkStack        *list_stack;
  GtkColumnView   *column_view;

  /* owned */
  CLContext          *context;
  CLStore            *store;
  GListStore         *entries;
  GtkSingleSelection *selection;
  GHashTable         *departments;  /* id → name */
  GDate               day;
  char                iso[11];      /* the day, "YYYY-MM-DD" */
};

G_DEFINE_FINAL_TYPE (CLOpinionsPage, cl_opinions_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
load_departments (CLOpinionsPage *self)
{
  g_autoptr(GPtrArray) list = cl_store_departments (self->store, FALSE);

  g_hash_table_remove_all (self->departments);
  for (guint i = 0; i < list->len; i++)
    {
      CLDepartment *department = g_ptr_array_index (list, i);

      g_hash_table_insert (self->departments, g_strdup (cl_record_get_id (CL_RECORD (department))),
                           g_strdup (cl_department_get_display_name (department)));
    }
}

static void
reload (CLOpinionsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *date = cl_date_to_iso (&self->day);
  g_autofree char *shown = NULL;
  g_autofree char *summary = NULL;
  guint counts[3] = { 0, };
  GDate today;

  g_strlcpy (self->iso, date, sizeof self->iso);
  cl_context_get_today (self->context, &today);
  shown = cl_date_format (&self->day, CL_DATE_FULL, &today);
  gtk_label_set_label (self->day_label, shown);
  gtk_widget_set_sensitive (self->next_button, g_date_compare (&self->day, &today) < 0);
  gtk_widget_set_sensitive (self->today_button, g_date_compare (&self->day, &today) != 0);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->entries);
      return;
    }
  load_departments (self);
  rows = cl_store_opinions_of_day (self->store, date);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *kind = cl_opinion_entry_get_kind (g_ptr_array_index (rows, i));

      for (guint k = 0; k < 3; k++)
        if (g_strcmp0 (kind, cl_opinion_entry_kinds ()[k]) == 0)
          counts[k]++;
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       rows->pdata, rows->len);
  /* TRANSLATORS: a day's opinion log: how many opinions, commendations and complaints */
  summary = g_strdup_printf (_("Opinions: %u · Commendations: %u · Complaints: %u"),
                             counts[0], counts[1], counts[2]);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->list_stack, rows->len ? "list" : "empty");
}

/* ---- columns --------------------------------------------------------- */

typedef enum { COL_SOURCE, COL_KIND, COL_DEPARTMENT, COL_CONTENT, COL_TICKET, N_COLUMNS } Column;

static char *
cell_text (CLOpinionsPage *self,
           CLOpinionEntry *entry,
           Column          column)
{
  const char *id;

  switch (column)
    {
    case COL_SOURCE:
      return g_strdup (cl_opinion_entry_source_label (cl_opinion_entry_get_source (entry)));
    case COL_KIND:
      return g_strdup (cl_opinion_entry_kind_label (cl_opinion_entry_get_kind (entry)));
    case COL_DEPARTMENT:
      id = cl_opinion_entry_get_department_id (entry);
      if (cl_str_empty (id))
        return g_strdup ("—");
      return g_strdup (g_hash_table_contains (self->departments, id) ? g_hash_table_lookup (self->departments, id) : id);
    case COL_CONTENT:
      return g_strdup (cl_opinion_entry_get_content (entry) ? cl_opinion_entry_get_content (entry) : "");
    case COL_TICKET:
    default:
      return g_strdup (cl_str_empty (cl_opinion_entry_get_complaint_id (entry)) ? "—" : _("Ticket opened"));
    }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CLOpinionsPage           *self)
{
  Column column = cl_cells_column_index (GTK_LIST_ITEM_FACTORY (factory));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
add_columns (CLOpinionsPage *self)
{
  const char *titles[N_COLUMNS] = {
    _("Source"), _("Kind"), _("Department"), _("What was written"), _("Complaint ticket"),
  };

  cl_cells_append_columns (self->column_view, titles, N_COLUMNS, G_CALLBACK (cl_cells_setup_text),
                           G_CALLBACK (bind_cb), self, 1u << COL_CONTENT);
}

/* ---- actions --------------------------------------------------------- */

static void
update_buttons (CLOpinionsPage *self)
{
  CLOpinionEntry *entry = gtk_single_selection_get_selected_item (self->selection);
  gboolean may = cl_context_may (self->context, CL_WRITE, "opinion_entry");

  gtk_widget_set_sensitive (self->add_button, may && self->store != NULL);
  gtk_widget_set_sensitive (self->complaint_button,
                            may && entry != NULL && cl_context_may (self->context, CL_WRITE, "complaint"));
}

static void
saved_cb (CLOpinionsPage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
}

GtkWindow *
cl_opinions_page_open_add (CLOpinionsPage *self)
{
  g_autofree char *date = NULL;
  CLOpinionDialog *dialog;

  g_return_val_if_fail (CL_IS_OPINIONS_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  date = cl_date_to_iso (&self->day);
  dialog = cl_opinion_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context, date);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* The ticket saved from an entry: the entry names it. */
static void
complaint_saved_cb (GtkWindow  *dialog,
                    const char *complaint_id,
                    gpointer    data)
{
  CLOpinionsPage *self = CL_OPINIONS_PAGE (data);
  CLOpinionEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;

  if (entry == NULL || self->store == NULL)
    return;
  if (g_strcmp0 (cl_opinion_entry_get_complaint_id (entry), complaint_id) == 0)
    return;
  if (!cl_opinion_store_link_complaint (self->store, entry, complaint_id, cl_context_get_role (self->context),
                                        &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else
    saved_cb (self);
}

GtkWindow *
cl_opinions_page_open_complaint (CLOpinionsPage *self,
                                 guint           i)
{
  g_autoptr(CLOpinionEntry) entry = NULL;
  g_autoptr(CLComplaint) ticket = NULL;
  CLComplaintDialog *dialog;
  const char *ticket_id;

  g_return_val_if_fail (CL_IS_OPINIONS_PAGE (self), NULL);

  entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
  if (entry == NULL || self->store == NULL)
    return NULL;
  ticket_id = cl_opinion_entry_get_complaint_id (entry);
  /* An entry made a ticket already opens that ticket, not a second. */
  if (!cl_str_empty (ticket_id))
    ticket = CL_COMPLAINT (cl_store_load_record (self->store, CL_TYPE_COMPLAINT, ticket_id, NULL));
  if (ticket == NULL)
    {
      g_autofree char *actor = cl_desk_store_actor_id (self->store, cl_context_get_username (self->context));

      ticket = cl_complaint_new (cl_context_get_now (self->context), actor);
      cl_complaint_set_department_id (ticket, cl_opinion_entry_get_department_id (entry));
      cl_complaint_set_description (ticket, cl_opinion_entry_get_content (entry));
    }
  dialog = cl_complaint_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context, ticket,
                                    NULL);
  g_object_set_data_full (G_OBJECT (dialog), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (complaint_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
add_clicked_cb (CLOpinionsPage *self)
{
  cl_opinions_page_open_add (self);
}

static void
complaint_clicked_cb (CLOpinionsPage *self)
{
  guint i = gtk_single_selection_get_selected (self->selection);

  if (i != GTK_INVALID_LIST_POSITION)
    cl_opinions_page_open_complaint (self, i);
}

static void
row_activated_cb (CLOpinionsPage *self,
                  guint           position)
{
  if (gtk_widget_get_sensitive (self->complaint_button))
    cl_opinions_page_open_complaint (self, position);
}

static void
move_day (CLOpinionsPage *self,
          int             days)
{
  GDate today;

  cl_context_get_today (self->context, &today);
  if (days > 0)
    g_date_add_days (&self->day, days);
  else if (days < 0)
    g_date_subtract_days (&self->day, -days);
  else
    self->day = today;
  if (g_date_compare (&self->day, &today) > 0)
    self->day = today;
  reload (self);
  update_buttons (self);
}

static void
previous_clicked_cb (CLOpinionsPage *self)
{
  move_day (self, -1);
}

static void
next_clicked_cb (CLOpinionsPage *self)
{
  move_day (self, 1);
}

static void
today_clicked_cb (CLOpinionsPage *self)
{
  move_day (self, 0);
}

/* ---- the context ----------------------------------------------------- */

static void
context_changed_cb (CLOpinionsPage *self)
{
  CLStore *store = cl_context_get_store (self->context);
  const char * const tables[] = { "opinion_entry", "department" };

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
  gtk_widget_set_sensitive (GTK_WIDGET (self), cl_context_may (self->context, CL_READ, "opinion_entry"));
  reload (self);
  update_buttons (self);
}

static void
cl_opinions_page_constructed (GObject *object)
{
  CLOpinionsPage *self = CL_OPINIONS_PAGE (object);

  G_OBJECT_CLASS (cl_opinions_page_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  cl_context_get_today (self->context, &self->day);
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  context_changed_cb (self);
}

static void
cl_opinions_page_dispose (GObject *object)
{
  CLOpinionsPage *self = CL_OPINIONS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_OPINIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->departments, g_hash_table_unref);
  G_OBJECT_CLASS (cl_opinions_page_parent_class)->dispose (object);
}

static void
cl_opinions_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CLOpinionsPage *self = CL_OPINIONS_PAGE (object);

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
cl_opinions_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CLOpinionsPage *self = CL_OPINIONS_PAGE (object);

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
cl_opinions_page_class_init (CLOpinionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_opinions_page_constructed;
  object_class->dispose = cl_opinions_page_dispose;
  object_class->set_property = cl_opinions_page_set_property;
  object_class->get_property = cl_opinions_page_get_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/desk/cl-opinions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLOpinionsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CLOpinionsPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, CLOpinionsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CLOpinionsPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, CLOpinionsPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, CLOpinionsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CLOpinionsPage, complaint_button);
  gtk_widget_class_bind_template_child (widget_class, CLOpinionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLOpinionsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, complaint_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_opinions_page_init (CLOpinionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->entries = g_list_store_new (CL_TYPE_OPINION_ENTRY);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_buttons), self,
                           G_CONNECT_SWAPPED);
  add_columns (self);
}

GtkWidget *
cl_opinions_page_new (CLContext *context)
{
  return g_object_new (CL_TYPE_OPINIONS_PAGE, "context", context, NULL);
}

const char *
cl_opinions_page_get_date (CLOpinionsPage *self)
{
  g_return_val_if_fail (CL_IS_OPINIONS_PAGE (self), NULL);
  return self->iso;
}

void
cl_opinions_page_set_date (CLOpinionsPage *self,
                           const char     *date)
{
  GDate day;

  g_return_if_fail (CL_IS_OPINIONS_PAGE (self));
  if (!cl_date_parse (date, &day, NULL))
    return;
  self->day = day;
  /* Moving by nothing but the clamp to today. */
  {
    GDate today;

    cl_context_get_today (self->context, &today);
    if (g_date_compare (&self->day, &today) > 0)
      self->day = today;
  }
  reload (self);
  update_buttons (self);
}

guint
cl_opinions_page_get_n_rows (CLOpinionsPage *self)
{
  g_return_val_if_fail (CL_IS_OPINIONS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

CLOpinionEntry *
cl_opinions_page_get_entry (CLOpinionsPage *self,
                            guint           i)
{
  CLOpinionEntry *entry;

  g_return_val_if_fail (CL_IS_OPINIONS_PAGE (self), NULL);
  entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
  /* The list holds its own reference. */
  if (entry)
    g_object_unref (entry);
  return entry;
}
