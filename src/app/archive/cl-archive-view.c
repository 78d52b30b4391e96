/* cl-archive-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-archive-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-archive-view.h"
#include "cl-blob-sync.h"
#include "cl-context.h"
#include "cl-document-list.h"
#include "cl-order-list.h"
#include "cl-patient-store.h"
#include "cl-patient.h"
#include "cl-pdf-viewer.h"
#include "cl-phone.h"
#include "cl-roster-model.h"
#include "cl-roster-row.h"

struct _CLArchiveView
{
  GtkWidget parent_instance;

  /* widgets */
  GtkWidget      *paned;
  GtkSearchEntry *search_entry;
  GtkStack       *side_stack;
  GtkListView    *results;
  GtkLabel       *patient_name;
  GtkLabel       *patient_details;
  CLDocumentList *document_list;
  AdwViewStack   *tabs;
  CLOrderList     *order_list;
  CLPdfViewer    *viewer;
  GtkWidget      *import_button;  /* in the viewer's empty state */

  /* owned */
  CLContext      *context;
  CLStore        *store;         /* the context's, while it has one */
  CLSyncClient   *sync;          /* the context's, NULL on a local store */
  CLRosterModel  *roster;
  GtkSingleSelection *selection;
  GCancellable   *open_cancellable;
  char           *shown_id;      /* the report in the viewer */
  gboolean        can_import;    /* a patient is shown */
};

G_DEFINE_FINAL_TYPE (CLArchiveView, cl_archive_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_CAN_IMPORT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Opening a report                                                    */

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cl_blob_sync_open_finish (result, &error);
  CLArchiveView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CL_ARCHIVE_VIEW (user_data);
  if (path)
    cl_pdf_viewer_open (self->viewer, path);
  else
    cl_pdf_viewer_show_error (self->viewer, error->message);
}

static void
document_activated_cb (CLArchiveView *self,
                       CLDocument    *document)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  g_free (self->shown_id);
  self->shown_id = g_strdup (cl_record_get_id (CL_RECORD (document)));
  cl_document_list_select (self->document_list, self->shown_id);
  adw_view_stack_set_visible_child_name (self->tabs, "reports");
  cl_pdf_viewer_show_loading (self->viewer);
  /* Fetched from the server when not here; every opening is recorded
   * for the audit log. */
  cl_blob_sync_open_async (self->store, self->sync, document, self->open_cancellable,
                           opened_cb, self);
}

static void
document_removed_cb (CLArchiveView *self,
                     const char    *id)
{
  if (g_strcmp0 (id, self->shown_id) == 0)
    {
      g_clear_pointer (&self->shown_id, g_free);
      cl_pdf_viewer_open (self->viewer, NULL);
    }
}

/* The viewer's empty state says what the case is: no patient yet, no
 * report filed for her (and how to file one), or reports to choose
 * from.  The import action follows whether a patient is shown. */
static void
update_placeholder (CLArchiveView *self)
{
  gboolean patient = cl_document_list_get_patient (self->document_list) != NULL;

  if (patient != self->can_import)
    {
      self->can_import = patient;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.import", patient);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_IMPORT]);
    }
  if (!patient)
    cl_pdf_viewer_set_placeholder (self->viewer, _("No Patient Chosen"),
                                   _("Find a patient to see her check reports."), NULL);
  else if (cl_document_list_get_n_documents (self->document_list) == 0)
    cl_pdf_viewer_set_placeholder (self->viewer, _("No Reports Yet"),
                                   _("Import her check reports as PDF files, or drop the files here."),
                                   self->import_button);
  else
    cl_pdf_viewer_set_placeholder (self->viewer, _("Choose a Report"),
                                   _("Choose a report in the list to read it here."), NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLArchiveView *self = CL_ARCHIVE_VIEW (widget);

  cl_document_list_choose_files (self->document_list);
}

/* ------------------------------------------------------------------ */
/* Finding a patient                                                   */

/* The patient search is made on the first search, not when the store
 * opens: until someone searches here it would only repeat, off screen,
 * the roster's loading and its reload after every save. */
static void
ensure_roster (CLArchiveView *self)
{
  if (self->roster)
    return;
  self->roster = cl_roster_model_new (self->store);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->roster)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_list_view_set_model (self->results, GTK_SELECTION_MODEL (self->selection));
}

static void
search_changed_cb (CLArchiveView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->store == NULL)
    return;
  if (*text == '\0')
    {
      gtk_stack_set_visible_child_name (self->side_stack,
                                        cl_document_list_get_patient (self->document_list)
                                        ? "patient" : "hint");
      return;
    }
  ensure_roster (self);
  cl_roster_model_set_query (self->roster, text);
  gtk_stack_set_visible_child_name (self->side_stack, "results");
}

static void
result_activated_cb (CLArchiveView *self,
                     guint          position)
{
  g_autoptr(CLRosterRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  cl_archive_view_show_patient (self, cl_roster_row_get_patient_id (row), NULL);
}

static void
search_activate_cb (CLArchiveView *self)
{
  /* Enter takes the first match, as in the roster. */
  if (self->selection && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    result_activated_cb (self, 0);
}

static void
result_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
result_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  CLRosterRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *ga = cl_roster_row_format_ga (row);
  g_autofree char *details = g_strdup_printf ("%s · %s",
                                              cl_roster_row_get_phone_masked (row)
                                              ? cl_roster_row_get_phone_masked (row) : "—",
                                              ga ? ga : "—");

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), cl_roster_row_get_name (row));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), details);
}

/* ------------------------------------------------------------------ */
/* Keys for the report, wherever the focus is in the view              */

static gboolean
report_open (CLArchiveView *self)
{
  return self->shown_id != NULL && cl_pdf_viewer_is_loaded (self->viewer);
}

/* The report is open and on screen (not behind the orders tab). */
static gboolean
report_shown (CLArchiveView *self)
{
  return report_open (self) &&
         g_strcmp0 (adw_view_stack_get_visible_child_name (self->tabs), "reports") == 0;
}

static gboolean
find_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   data)
{
  cl_archive_view_find (CL_ARCHIVE_VIEW (widget));
  return TRUE;
}

static gboolean
find_next_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  CLArchiveView *self = CL_ARCHIVE_VIEW (widget);

  return report_shown (self) && cl_pdf_viewer_find_next (self->viewer, g_variant_get_boolean (args));
}

gboolean
cl_archive_view_report_action (CLArchiveView *self,
                               const char    *action)
{
  g_return_val_if_fail (CL_IS_ARCHIVE_VIEW (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!report_shown (self))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->viewer), action, NULL);
}

static gboolean
page_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   data)
{
  return cl_archive_view_report_action (CL_ARCHIVE_VIEW (widget), g_variant_get_string (args, NULL));
}

/* The viewer's own keys work only when it has the focus, which a
 * click on the report list or the patient search takes away.  These
 * (pages, zoom, find) run in the capture phase, before the focused
 * widget (and the window's Ctrl+F for the roster) sees the key;
 * without a report they let PgUp/PgDn and Ctrl+G through to the lists
 * and entries. */
static void
add_report_keys (CLArchiveView *self)
{
  static const struct { guint key; GdkModifierType mods; const char *action; } pages[] = {
    { GDK_KEY_Page_Up, 0, "viewer.previous-page" },
    { GDK_KEY_KP_Page_Up, 0, "viewer.previous-page" },
    { GDK_KEY_Page_Down, 0, "viewer.next-page" },
    { GDK_KEY_KP_Page_Down, 0, "viewer.next-page" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "viewer.fit-width" },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "viewer.fit-width" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (find_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_g, GDK_CONTROL_MASK),
                                                                         gtk_callback_action_new (find_next_cb, NULL, NULL),
                                                                         "b", FALSE));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                                         gtk_callback_action_new (find_next_cb, NULL, NULL),
                                                                         "b", TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (pages[i].key, pages[i].mods),
                                                                           gtk_callback_action_new (page_cb, NULL, NULL),
                                                                           "s", pages[i].action));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
cl_archive_view_find (CLArchiveView *self)
{
  g_return_if_fail (CL_IS_ARCHIVE_VIEW (self));

  if (report_open (self))
    {
      adw_view_stack_set_visible_child_name (self->tabs, "reports");
      gtk_widget_activate_action (GTK_WIDGET (self->viewer), "viewer.find", NULL);
    }
  else
    cl_archive_view_focus_search (self);
}

/* ------------------------------------------------------------------ */

static GtkWidget *
build_side (CLArchiveView *self)
{
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *hint = adw_status_page_new ();
  GtkWidget *results_scroller = gtk_scrolled_window_new ();
  GtkWidget *patient_scroller = gtk_scrolled_window_new ();
  GtkWidget *patient_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_size_request (side, 320, -1);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text",
                _("Find a patient: name, pinyin, phone…"), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->search_entry));

  self->side_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->side_stack), TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (hint), "folder-documents-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (hint), _("Pregnancy Archive"));
  adw_status_page_set_description (ADW_STATUS_PAGE (hint),
                                   _("Find a patient to see her check reports and doctor’s orders."));
  gtk_widget_add_css_class (hint, "compact");
  gtk_stack_add_named (self->side_stack, hint, "hint");

  g_signal_connect (factory, "setup", G_CALLBACK (result_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (result_bind_cb), NULL);
  self->results = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_single_click_activate (self->results, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "navigation-sidebar");
  g_signal_connect_swapped (self->results, "activate", G_CALLBACK (result_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (results_scroller), GTK_WIDGET (self->results));
  gtk_stack_add_named (self->side_stack, results_scroller, "results");

  self->patient_name = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->patient_name), "title-2");
  gtk_label_set_xalign (self->patient_name, 0);
  self->patient_details = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->patient_details), "dim-label");
  gtk_label_set_xalign (self->patient_details, 0);
  gtk_label_set_wrap (self->patient_details, TRUE);
  self->document_list = g_object_new (CL_TYPE_DOCUMENT_LIST, NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self->document_list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->document_list), 12);
  g_signal_connect_swapped (self->document_list, "document-activated",
                            G_CALLBACK (document_activated_cb), self);
  g_signal_connect_swapped (self->document_list, "document-removed",
                            G_CALLBACK (document_removed_cb), self);
  gtk_box_append (GTK_BOX (patient_box), GTK_WIDGET (self->patient_name));
  gtk_box_append (GTK_BOX (patient_box), GTK_WIDGET (self->patient_details));
  gtk_box_append (GTK_BOX (patient_box), GTK_WIDGET (self->document_list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (patient_scroller), patient_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (patient_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (self->side_stack, patient_scroller, "patient");

  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->side_stack));
  return side;
}

static GtkWidget *
build_main (CLArchiveView *self)
{
  GtkWidget *main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *orders, *clamp;
  AdwViewStackPage *page;

  self->tabs = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->tabs), TRUE);

  self->viewer = CL_PDF_VIEWER (cl_pdf_viewer_new ());
  /* No mnemonic: the list's Import… beside it has Alt+I already. */
  self->import_button = g_object_ref_sink (gtk_button_new_with_label (_("Import Reports…")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "archive.import");
  gtk_widget_set_halign (self->import_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->import_button, "pill");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  page = adw_view_stack_add_titled (self->tabs, GTK_WIDGET (self->viewer), "reports", _("Reports"));
  adw_view_stack_page_set_icon_name (page, "x-office-document-symbolic");

  /* The doctor's orders of the same patient, beside her reports. */
  self->order_list = CL_ORDER_LIST (cl_order_list_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->order_list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->order_list), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->order_list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->order_list), 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->order_list));
  orders = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (orders), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (orders), clamp);
  page = adw_view_stack_add_titled (self->tabs, orders, "orders", _("Doctor’s Orders"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->tabs);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (main), switcher);
  gtk_box_append (GTK_BOX (main), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (main), GTK_WIDGET (self->tabs));
  return main;
}

static void
cl_archive_view_dispose (GObject *object)
{
  CLArchiveView *self = CL_ARCHIVE_VIEW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->roster);
  g_clear_object (&self->store);
  g_clear_object (&self->sync);
  g_clear_object (&self->context);
  g_clear_pointer (&self->shown_id, g_free);
  g_clear_object (&self->import_button);

  G_OBJECT_CLASS (cl_archive_view_parent_class)->dispose (object);
}

/* A new store (or sync client) starts the search afresh; without a
 * sync client only files on this computer open. */
static void
context_store_cb (CLArchiveView *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store == NULL)
    return;
  g_set_object (&self->store, store);
  g_set_object (&self->sync, cl_context_get_sync_client (self->context));
  gtk_list_view_set_model (self->results, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->roster);
}

static void
cl_archive_view_constructed (GObject *object)
{
  CLArchiveView *self = CL_ARCHIVE_VIEW (object);

  G_OBJECT_CLASS (cl_archive_view_parent_class)->constructed (object);

  if (self->context == NULL)
    self->context = cl_context_new ();
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::sync-client", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  cl_document_list_set_context (self->document_list, self->context);
  cl_order_list_set_context (self->order_list, self->context);
  context_store_cb (self);
}

static void
cl_archive_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, CL_ARCHIVE_VIEW (object)->context);
      break;
    case PROP_CAN_IMPORT:
      g_value_set_boolean (value, CL_ARCHIVE_VIEW (object)->can_import);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_archive_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      CL_ARCHIVE_VIEW (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_archive_view_class_init (CLArchiveViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_archive_view_dispose;
  object_class->constructed = cl_archive_view_constructed;
  object_class->get_property = cl_archive_view_get_property;
  object_class->set_property = cl_archive_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_IMPORT] =
    g_param_spec_boolean ("can-import", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "archive.import", NULL, import_action);
}

static void
cl_archive_view_init (CLArchiveView *self)
{
  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), build_side (self));
  gtk_paned_set_end_child (GTK_PANED (self->paned), build_main (self));
  gtk_paned_set_resize_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_position (GTK_PANED (self->paned), 360);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));
  add_report_keys (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.import", FALSE);
  /* Files dropped on the viewer are filed for the patient shown, as
   * on her report list. */
  cl_document_list_attach_drop_target (self->document_list, GTK_WIDGET (self->viewer));
  g_signal_connect_object (self->document_list, "notify::n-documents",
                           G_CALLBACK (update_placeholder), self, G_CONNECT_SWAPPED);
  update_placeholder (self);
}

void
cl_archive_view_show_patient (CLArchiveView *self,
                              const char    *patient_id,
                              const char    *document_id)
{
  g_autoptr(CLRecord) patient = NULL;
  g_autofree char *details = NULL;
  g_autofree char *phone = NULL;

  g_return_if_fail (CL_IS_ARCHIVE_VIEW (self));
  g_return_if_fail (patient_id != NULL);

  if (self->store == NULL ||
      !(patient = cl_store_load_record (self->store, CL_TYPE_PATIENT, patient_id, NULL)))
    return;

  gtk_label_set_text (self->patient_name, cl_patient_get_name (CL_PATIENT (patient)));
  /* Masked as in the lists: the archive is read at desks others pass
   * by, and the full number is only on her own page. */
  phone = cl_patient_get_phone (CL_PATIENT (patient)) ? cl_phone_mask (cl_patient_get_phone (CL_PATIENT (patient))) : NULL;
  details = g_strdup_printf ("%s · %s",
                             cl_patient_get_mrn (CL_PATIENT (patient)) ? cl_patient_get_mrn (CL_PATIENT (patient)) : "—",
                             phone ? phone : "—");
  gtk_label_set_text (self->patient_details, details);
  cl_document_list_set_patient (self->document_list, patient_id);
  update_placeholder (self);
  {
    g_autoptr(CLPregnancy) pregnancy = cl_patient_store_current_pregnancy (self->store, patient_id);

    cl_order_list_set_pregnancy_id (self->order_list,
                                    pregnancy ? cl_record_get_id (CL_RECORD (pregnancy)) : NULL);
    cl_order_list_set_patient_id (self->order_list, patient_id);
  }
  gtk_stack_set_visible_child_name (self->side_stack, "patient");

  cl_pdf_viewer_open (self->viewer, NULL);
  g_clear_pointer (&self->shown_id, g_free);
  for (guint i = 0; document_id && *document_id &&
                    i < cl_document_list_get_n_documents (self->document_list); i++)
    {
      CLDocument *doc = cl_document_list_get_document (self->document_list, i);

      if (g_str_equal (cl_record_get_id (CL_RECORD (doc)), document_id))
        document_activated_cb (self, doc);
    }
}

void
cl_archive_view_focus_search (CLArchiveView *self)
{
  g_return_if_fail (CL_IS_ARCHIVE_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GtkWidget *
cl_archive_view_get_viewer (CLArchiveView *self)
{
  g_return_val_if_fail (CL_IS_ARCHIVE_VIEW (self), NULL);
  return GTK_WIDGET (self->viewer);
}

GtkWidget *
cl_archive_view_get_list (CLArchiveView *self)
{
  g_return_val_if_fail (CL_IS_ARCHIVE_VIEW (self), NULL);
  return GTK_WIDGET (self->document_list);
}

gboolean
cl_archive_view_can_import (CLArchiveView *self)
{
  g_return_val_if_fail (CL_IS_ARCHIVE_VIEW (self), FALSE);
  return self->can_import;
}
