/* cl-document-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-document-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-document-form.h"
#include "cl-document-import-dialog.h"
#include "cl-document-store.h"
#include "cl-form-message.h"

typedef struct
{
  char        *path;
  AdwActionRow *row;
  GtkLabel    *message;
  AdwPasswordEntryRow *password_row;
  GtkWidget   *done_icon;
  gboolean     done;
  gboolean     skipped;      /* can never be filed: not tried again */
  /* filled by the import thread */
  char        *password;
  GError      *error;
} FileItem;

struct _CLDocumentImportDialog
{
  AdwWindow parent_instance;

  /* widgets */
  AdwPreferencesGroup *files_group;
  CLDocumentForm *form;
  GtkWidget   *close_button;
  GtkWidget   *import_button;
  GtkWidget   *spinner;

  /* owned */
  CLStore     *store;
  char        *patient_id;
  char        *pregnancy_id;
  GPtrArray   *files;        /* FileItem */
  gboolean     busy;
  gboolean     emitted;      /* "imported" sent */
  gboolean     only_skips;   /* the main button skips what is left */
};

G_DEFINE_FINAL_TYPE (CLDocumentImportDialog, cl_document_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
file_item_free (gpointer data)
{
  FileItem *item = data;

  g_free (item->path);
  g_free (item->password);
  g_clear_error (&item->error);
  g_free (item);
}

/* ------------------------------------------------------------------ */

static CLDocument *
build_meta (CLDocumentImportDialog *self)
{
  CLDocument *meta = cl_document_new ();

  cl_document_set_patient_id (meta, self->patient_id);
  cl_document_set_pregnancy_id (meta, self->pregnancy_id);
  cl_document_form_fill (self->form, meta);
  return meta;
}

/* ------------------------------------------------------------------ */
/* Filing, on a thread: reading, hashing and checking a 50 MiB scan
 * must not stop the window. */

typedef struct
{
  CLStore    *store;
  CLDocument *meta;
  GPtrArray  *items;   /* FileItem, borrowed from the dialog (kept alive by it) */
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_clear_object (&d->store);
  g_clear_object (&d->meta);
  g_ptr_array_unref (d->items);
  g_free (d);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;

  for (guint i = 0; i < d->items->len; i++)
    {
      FileItem *item = g_ptr_array_index (d->items, i);
      g_autoptr(CLDocument) doc = NULL;

      if (item->done || item->skipped)
        continue;
      g_clear_error (&item->error);
      doc = cl_document_store_import (d->store, item->path, item->password, d->meta, &item->error);
      item->done = doc != NULL;
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_busy (CLDocumentImportDialog *self,
          gboolean                busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->import_button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static guint
count_filed (CLDocumentImportDialog *self)
{
  guint filed = 0;

  for (guint i = 0; i < self->files->len; i++)
    if (((FileItem *) g_ptr_array_index (self->files, i))->done)
      filed++;
  return filed;
}

/* Tells the list what was filed, once, whichever way the dialog goes. */
static void
emit_imported (CLDocumentImportDialog *self)
{
  guint filed = count_filed (self);

  if (!self->emitted && filed > 0)
    {
      self->emitted = TRUE;
      g_signal_emit (self, signals[IMPORTED], 0, filed);
    }
}

/* After a partial failure the dialog says what is left and what each
 * button does: some reports are already filed, so the way out is
 * "Close", not "Cancel"; "Try Again" only while a failure can be
 * mended (a password, a detail), else "Skip" for files that can never
 * be filed. */
static void
show_what_is_left (CLDocumentImportDialog *self,
                   guint                   filed,
                   guint                   retryable)
{
  guint left = self->files->len - filed;
  g_autofree char *title = NULL;

  /* Translators: the import dialog's title once some files failed */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Report Left", "%u Reports Left", left), left);
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->only_skips = retryable == 0;
  gtk_button_set_label (GTK_BUTTON (self->import_button),
                        self->only_skips ? _("_Skip") : _("_Try Again"));
  gtk_button_set_label (GTK_BUTTON (self->close_button), filed > 0 ? _("_Close") : _("_Cancel"));
  /* With nothing to try again, Skip is the one way out. */
  gtk_widget_set_visible (self->close_button, !self->only_skips);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CLDocumentImportDialog) self = user_data;
  guint filed = 0;
  guint retryable = 0;

  set_busy (self, FALSE);
  for (guint i = 0; i < self->files->len; i++)
    {
      FileItem *item = g_ptr_array_index (self->files, i);
      gboolean locked = g_error_matches (item->error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_NEEDS_PASSWORD) ||
                        g_error_matches (item->error, CL_DOCUMENT_ERROR, CL_DOCUMENT_ERROR_WRONG_PASSWORD);

      if (item->done)
        {
          filed++;
          adw_action_row_set_subtitle (item->row, _("Filed"));
          gtk_widget_set_visible (item->done_icon, TRUE);
          gtk_widget_set_visible (GTK_WIDGET (item->password_row), FALSE);
        }
      else if (item->error && cl_document_error_is_retryable (item->error))
        retryable++;
      else if (item->error)
        item->skipped = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (item->password_row), locked);
      cl_form_message_set (item->message, item->error ? item->error->message : NULL);
    }

  if (filed == self->files->len)
    {
      emit_imported (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  show_what_is_left (self, filed, retryable);
}

void
cl_document_import_dialog_import (CLDocumentImportDialog *self)
{
  g_autoptr(CLDocument) meta = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GTask) task = NULL;
  ImportData *d;

  g_return_if_fail (CL_IS_DOCUMENT_IMPORT_DIALOG (self));

  if (self->busy)
    return;

  if (self->only_skips)
    {
      emit_imported (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* What was typed is checked once, before any file is touched. */
  meta = build_meta (self);
  cl_document_validate (meta, &field_errors, NULL);
  cl_document_form_show_errors (self->form, field_errors);
  if (field_errors)
    return;

  for (guint i = 0; i < self->files->len; i++)
    {
      FileItem *item = g_ptr_array_index (self->files, i);

      g_free (item->password);
      item->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (item->password_row)));
    }

  d = g_new0 (ImportData, 1);
  d->store = g_object_ref (self->store);
  d->meta = g_steal_pointer (&meta);
  d->items = g_ptr_array_ref (self->files);
  set_busy (self, TRUE);
  task = g_task_new (NULL, NULL, import_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, cl_document_import_dialog_import);
  g_task_set_task_data (task, d, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_clicked_cb (CLDocumentImportDialog *self)
{
  cl_document_import_dialog_import (self);
}

/* ------------------------------------------------------------------ */

static void
cl_document_import_dialog_finalize (GObject *object)
{
  CLDocumentImportDialog *self = CL_DOCUMENT_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->patient_id);
  g_free (self->pregnancy_id);
  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_document_import_dialog_parent_class)->finalize (object);
}

static gboolean
close_request (GtkWindow *window)
{
  CLDocumentImportDialog *self = CL_DOCUMENT_IMPORT_DIALOG (window);

  /* Not while a file is half-filed: the thread is finishing it. */
  if (self->busy)
    return TRUE;
  emit_imported (self);
  return FALSE;
}

static void
cl_document_import_dialog_class_init (CLDocumentImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = cl_document_import_dialog_finalize;
  window_class->close_request = close_request;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_document_import_dialog_init (CLDocumentImportDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  self->files = g_ptr_array_new_with_free_func (file_item_free);

  /* As cl_form_header_bar_new(), with both buttons kept: their labels
   * change after a partial failure. */
  self->close_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->close_button), "window.close");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->close_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);

  gtk_window_set_title (GTK_WINDOW (self), _("Import Reports"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 600);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->files_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->files_group, _("Files"));

  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->files_group));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), body);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scroller);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
}

static void
add_file (CLDocumentImportDialog *self,
          const char             *path)
{
  FileItem *item = g_new0 (FileItem, 1);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);

  item->path = g_strdup (path);
  item->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
  adw_action_row_set_subtitle (item->row, dir);
  adw_action_row_add_prefix (item->row, gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  item->done_icon = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_add_css_class (item->done_icon, "success");
  gtk_widget_set_visible (item->done_icon, FALSE);
  adw_action_row_add_suffix (item->row, item->done_icon);
  adw_preferences_group_add (self->files_group, GTK_WIDGET (item->row));

  /* Shown only for an encrypted file, right under it. */
  item->password_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->password_row), _("Password of this file"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (item->password_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (item->password_row), FALSE);
  adw_preferences_group_add (self->files_group, GTK_WIDGET (item->password_row));
  item->message = cl_form_message_attach (GTK_WIDGET (item->password_row));

  g_ptr_array_add (self->files, item);
}

CLDocumentImportDialog *
cl_document_import_dialog_new (GtkWindow          *parent,
                               CLStore            *store,
                               const char         *patient_id,
                               const char         *pregnancy_id,
                               const char         *edd,
                               const char * const *paths)
{
  CLDocumentImportDialog *self;
  g_autofree char *today_iso = NULL;
  g_autofree char *title = NULL;
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  self = g_object_new (CL_TYPE_DOCUMENT_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->patient_id = g_strdup (patient_id);
  self->pregnancy_id = g_strdup (pregnancy_id);
  for (guint i = 0; paths[i]; i++)
    add_file (self, paths[i]);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Report", "Import %u Reports",
                                        g_strv_length ((char **) paths)),
                           g_strv_length ((char **) paths));
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* The form needs her EDD to suggest the visit: made here, not in init. */
  self->form = cl_document_form_new (edd);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form), _("Report"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->form),
                                         _("Applies to every file above."));
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->files_group))), GTK_WIDGET (self->form));

  cl_date_today (&today);
  today_iso = cl_date_to_iso (&today);
  cl_document_form_set_check_date (self->form, today_iso);
  gtk_widget_grab_focus (GTK_WIDGET (self->form));
  return self;
}

gboolean
cl_document_import_dialog_is_busy (CLDocumentImportDialog *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

void
cl_document_import_dialog_set_kind (CLDocumentImportDialog *self,
                                    const char             *kind)
{
  g_return_if_fail (CL_IS_DOCUMENT_IMPORT_DIALOG (self));
  cl_document_form_set_kind (self->form, kind);
}

const char *
cl_document_import_dialog_get_visit (CLDocumentImportDialog *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_IMPORT_DIALOG (self), NULL);
  return cl_document_form_get_visit (self->form);
}

GtkEditable *
cl_document_import_dialog_get_entry (CLDocumentImportDialog *self,
                                     const char             *field)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_IMPORT_DIALOG (self), NULL);
  return cl_document_form_get_entry (self->form, field);
}

const char *
cl_document_import_dialog_get_error (CLDocumentImportDialog *self,
                                     const char             *field)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_IMPORT_DIALOG (self), NULL);
  return cl_document_form_get_error (self->form, field);
}

const char *
cl_document_import_dialog_get_file_error (CLDocumentImportDialog *self,
                                          guint                   index)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->files->len, NULL);

  return cl_form_message_get (((FileItem *) g_ptr_array_index (self->files, index))->message);
}

void
cl_document_import_dialog_set_password (CLDocumentImportDialog *self,
                                        guint                   index,
                                        const char             *password)
{
  g_return_if_fail (CL_IS_DOCUMENT_IMPORT_DIALOG (self));
  g_return_if_fail (index < self->files->len);

  gtk_editable_set_text (GTK_EDITABLE (((FileItem *) g_ptr_array_index (self->files, index))->password_row),
                         password);
}

GtkButton *
cl_document_import_dialog_get_button (CLDocumentImportDialog *self,
                                      gboolean                main)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_IMPORT_DIALOG (self), NULL);
  return GTK_BUTTON (main ? self->import_button : self->close_button);
}
