/* cl-document-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-document-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-document-edit-dialog.h"
#include "cl-document-import-dialog.h"
#include "cl-document-list.h"
#include "cl-document-store.h"
#include "cl-patient-store.h"

struct _CLDocumentList
{
  GtkWidget parent_instance;

  /* widgets */
  GtkWidget  *box;
  GtkWidget  *open_archive_button;
  GtkStack   *stack;
  GtkListBox *list;

  /* owned */
  CLContext  *context;
  CLStore    *store;       /* the context's */
  char       *patient_id;
  char       *pregnancy_id;
  char       *edd;
  GPtrArray  *documents;      /* CLDocument */
  char       *selected_id;
  gboolean    opens_archive;
};

G_DEFINE_FINAL_TYPE (CLDocumentList, cl_document_list, GTK_TYPE_WIDGET)

enum { DOCUMENT_ACTIVATED, DOCUMENT_REMOVED, IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_N_DOCUMENTS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static char *
group_title (CLDocument *doc)
{
  g_autofree char *visit = cl_document_visit_label (cl_document_get_visit (doc));

  /* TRANSLATORS: a group of reports: "Second visit · 20+0–24+6 wk · Ultrasound" */
  return g_strdup_printf (_("%s · %s"), visit ? visit : _("No visit"),
                          cl_document_kind_label (cl_document_get_kind (doc)));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  CLDocumentList *self = data;
  int i = gtk_list_box_row_get_index (row);
  g_autofree char *title = group_title (g_ptr_array_index (self->documents, i));
  g_autofree char *previous = before
    ? group_title (g_ptr_array_index (self->documents, gtk_list_box_row_get_index (before)))
    : NULL;

  if (g_strcmp0 (title, previous) != 0)
    {
      GtkWidget *label = gtk_label_new (title);

      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* A visit's weeks and a kind's name are long in a narrow column:
       * the title wraps inside the card instead of running off it. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, before ? 12 : 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_header (row, label);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static GtkWidget *
make_row (CLDocument *doc)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages",
                                                         cl_document_get_pages (doc)),
                                            cl_document_get_pages (doc));
  const char *name = cl_document_get_title (doc) ? cl_document_get_title (doc)
                                                 : cl_document_get_filename (doc);
  g_autofree char *date = cl_date_format_iso (cl_document_get_check_date (doc), CL_DATE_SHORT, NULL);
  g_autofree char *title = g_strdup_printf ("%s  %s", date, name ? name : "");
  const char *note = cl_document_get_note (doc);

  subtitle = note ? g_strdup_printf ("%s · %s", pages, note) : g_strdup (pages);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  {
    GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

    gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (edit, "flat");
    gtk_widget_set_tooltip_text (edit, _("Edit Details…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Details…"), -1);
    gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", cl_record_get_id (CL_RECORD (doc)));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "documents.edit");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  }
  {
    GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

    gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (remove, "flat");
    gtk_widget_set_tooltip_text (remove, _("Remove from the Archive…"));
    gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", cl_record_get_id (CL_RECORD (doc)));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "documents.remove");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, cl_document_get_filename (doc));
  return row;
}

void
cl_document_list_reload (CLDocumentList *self)
{
  GtkWidget *child;

  g_return_if_fail (CL_IS_DOCUMENT_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->documents, g_ptr_array_unref);

  if (self->store && self->patient_id)
    self->documents = cl_document_store_list (self->store, self->patient_id);
  if (self->documents == NULL)
    self->documents = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->documents->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (self->documents, i)));
  gtk_stack_set_visible_child_name (self->stack, self->documents->len ? "list" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
  if (self->selected_id)
    {
      g_autofree char *keep = g_strdup (self->selected_id);
      cl_document_list_select (self, keep);
    }
}

static void
row_activated_cb (CLDocumentList *self,
                  GtkListBoxRow  *row)
{
  CLDocument *doc = g_ptr_array_index (self->documents, gtk_list_box_row_get_index (row));

  if (self->opens_archive)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-archive", "(ss)",
                                self->patient_id, cl_record_get_id (CL_RECORD (doc)));
  else
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, doc);
}

static void
open_archive_cb (CLDocumentList *self)
{
  if (self->patient_id)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-archive", "(ss)", self->patient_id, "");
}

/* ------------------------------------------------------------------ */
/* Removing a misfiled report                                          */

static CLDocument *
find_document (CLDocumentList *self,
               const char     *id)
{
  for (guint i = 0; i < self->documents->len; i++)
    if (g_strcmp0 (cl_record_get_id (g_ptr_array_index (self->documents, i)), id) == 0)
      return g_ptr_array_index (self->documents, i);
  return NULL;
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CLDocumentList   *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "document-id");
  g_autoptr(CLDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || !find_document (self, id))
    return;
  doc = g_object_ref (find_document (self, id));
  if (!cl_document_store_remove (self->store, doc, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("Report Not Removed"), error->message);

      /* The person asked for it to go: say it did not, and why. */
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  g_signal_emit (self, signals[DOCUMENT_REMOVED], 0, id);
  cl_document_list_reload (self);
}

/* Asks, then removes the report @id; for tests, the dialog. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLDocumentList *self = CL_DOCUMENT_LIST (widget);
  const char *id = g_variant_get_string (param, NULL);
  CLDocument *doc = find_document (self, id);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *date = NULL;
  GtkWidget *dialog;

  if (doc == NULL)
    return;
  date = cl_date_format_iso (cl_document_get_check_date (doc), CL_DATE_FULL, NULL);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove Report?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” (%s, %s) will no longer be listed in her archive. The file is kept and an administrator can restore it."),
                                  cl_document_get_filename (doc),
                                  cl_document_kind_label (cl_document_get_kind (doc)),
                                  date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "document-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Editing a report's details                                          */

/* Opens "Edit Details" of the report @id; the list reloads on the
 * store's change once it is saved. */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CLDocumentList *self = CL_DOCUMENT_LIST (widget);
  CLDocument *doc = find_document (self, g_variant_get_string (param, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);
  CLDocumentEditDialog *dialog;

  if (doc == NULL || self->store == NULL)
    return;
  dialog = cl_document_edit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, doc, self->edd);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Importing                                                           */

static void
imported_cb (CLDocumentList *self,
             guint           n)
{
  cl_document_list_reload (self);
  g_signal_emit (self, signals[IMPORTED], 0, n);
}

GtkWindow *
cl_document_list_import_files (CLDocumentList     *self,
                               const char * const *paths)
{
  CLDocumentImportDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (CL_IS_DOCUMENT_LIST (self), NULL);

  if (self->store == NULL || self->patient_id == NULL || paths == NULL || paths[0] == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = cl_document_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          self->store, self->patient_id, self->pregnancy_id,
                                          self->edd, paths);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
import_files (CLDocumentList *self,
              GListModel     *files)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  cl_document_list_import_files (self, (const char * const *) paths);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CLDocumentList  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      import_files (self, files);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
cl_document_list_choose_files (CLDocumentList *self)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;

  g_return_if_fail (CL_IS_DOCUMENT_LIST (self));

  if (self->patient_id == NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Reports"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF reports"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         CLDocumentList *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_FILE);

  if (self->patient_id == NULL || files == NULL)
    return FALSE;
  for (GSList *l = files; l; l = l->next)
    g_list_store_append (store, l->data);
  import_files (self, G_LIST_MODEL (store));
  return TRUE;
}

void
cl_document_list_attach_drop_target (CLDocumentList *self,
                                     GtkWidget      *widget)
{
  GtkDropTarget *target;

  g_return_if_fail (CL_IS_DOCUMENT_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

/* ------------------------------------------------------------------ */

static void
cl_document_list_dispose (GObject *object)
{
  CLDocumentList *self = CL_DOCUMENT_LIST (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->documents, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_document_list_parent_class)->dispose (object);
}

static void
cl_document_list_finalize (GObject *object)
{
  CLDocumentList *self = CL_DOCUMENT_LIST (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_free (self->patient_id);
  g_free (self->pregnancy_id);
  g_free (self->edd);
  g_free (self->selected_id);

  G_OBJECT_CLASS (cl_document_list_parent_class)->finalize (object);
}

static void
cl_document_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, cl_document_list_get_n_documents (CL_DOCUMENT_LIST (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_document_list_class_init (CLDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_document_list_dispose;
  object_class->finalize = cl_document_list_finalize;
  object_class->get_property = cl_document_list_get_property;

  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "documents.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "documents.edit", "s", edit_action);

  signals[DOCUMENT_ACTIVATED] = g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, CL_TYPE_DOCUMENT);
  signals[DOCUMENT_REMOVED] = g_signal_new ("document-removed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
cl_document_list_init (CLDocumentList *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Reports"));
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import…"));
  GtkWidget *empty = gtk_label_new (_("No reports yet. Drop PDF files here or choose Import…"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);

  self->open_archive_button = gtk_button_new_with_mnemonic (_("_Open Archive"));
  gtk_widget_set_visible (self->open_archive_button, FALSE);
  g_signal_connect_swapped (self->open_archive_button, "clicked", G_CALLBACK (open_archive_cb), self);
  gtk_box_append (GTK_BOX (header), self->open_archive_button);

  gtk_widget_set_tooltip_text (import, _("Import PDF reports (several at once)"));
  g_signal_connect_swapped (import, "clicked", G_CALLBACK (cl_document_list_choose_files), self);
  gtk_box_append (GTK_BOX (header), import);
  gtk_box_append (GTK_BOX (self->box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_stack_add_named (self->stack, empty, "empty");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  /* The list itself takes dropped files too. */
  cl_document_list_attach_drop_target (self, GTK_WIDGET (self));
}

static void
store_changed_cb (CLDocumentList *self,
                  const char     *table)
{
  /* A report filed here or pulled from another desk. */
  if (g_strcmp0 (table, "document") == 0)
    cl_document_list_reload (self);
}

static void
context_store_cb (CLDocumentList *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store == self->store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_object (store, "changed::document", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  cl_document_list_reload (self);
}

void
cl_document_list_set_context (CLDocumentList *self,
                              CLContext      *context)
{
  g_return_if_fail (CL_IS_DOCUMENT_LIST (self));
  g_return_if_fail (CL_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  context_store_cb (self);
}

void
cl_document_list_set_patient (CLDocumentList *self,
                              const char     *patient_id)
{
  g_autoptr(CLPregnancy) pregnancy = NULL;

  g_return_if_fail (CL_IS_DOCUMENT_LIST (self));

  g_free (self->patient_id);
  self->patient_id = g_strdup (patient_id);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->pregnancy_id, g_free);
  g_clear_pointer (&self->edd, g_free);
  if (self->store && patient_id)
    pregnancy = cl_patient_store_current_pregnancy (self->store, patient_id);
  if (pregnancy)
    {
      self->pregnancy_id = g_strdup (cl_record_get_id (CL_RECORD (pregnancy)));
      self->edd = g_strdup (cl_pregnancy_get_effective_edd (pregnancy));
    }
  cl_document_list_reload (self);
}

const char *
cl_document_list_get_patient (CLDocumentList *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_LIST (self), NULL);
  return self->patient_id;
}

void
cl_document_list_set_opens_archive (CLDocumentList *self,
                                    gboolean        opens_archive)
{
  g_return_if_fail (CL_IS_DOCUMENT_LIST (self));

  self->opens_archive = opens_archive;
  gtk_widget_set_visible (self->open_archive_button, opens_archive);
  gtk_list_box_set_selection_mode (self->list, opens_archive ? GTK_SELECTION_NONE : GTK_SELECTION_SINGLE);
}

guint
cl_document_list_get_n_documents (CLDocumentList *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_LIST (self), 0);
  return self->documents->len;
}

CLDocument *
cl_document_list_get_document (CLDocumentList *self,
                               guint           index)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_LIST (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, index);
}

void
cl_document_list_select (CLDocumentList *self,
                         const char     *document_id)
{
  g_return_if_fail (CL_IS_DOCUMENT_LIST (self));

  if (document_id != self->selected_id)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (document_id);
    }
  gtk_list_box_unselect_all (self->list);
  for (guint i = 0; document_id && i < self->documents->len; i++)
    if (g_strcmp0 (cl_record_get_id (g_ptr_array_index (self->documents, i)), document_id) == 0)
      gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) i));
}

