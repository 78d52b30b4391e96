/* cl-document-edit-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-document-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-document-edit-dialog.h"
#include "cl-document-store.h"
#include "cl-form-message.h"

struct _CLDocumentEditDialog
{
  AdwWindow parent_instance;

  /* widgets */
  AdwPreferencesGroup *file_group;
  AdwActionRow   *file_row;
  GtkLabel       *form_error;
  CLDocumentForm *form;      /* made in _new (it needs the EDD) */

  /* owned */
  CLStore        *store;
  CLDocument     *document;
};

G_DEFINE_FINAL_TYPE (CLDocumentEditDialog, cl_document_edit_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_document_edit_dialog_save (CLDocumentEditDialog *self)
{
  g_autoptr(CLDocument) details = cl_document_new ();
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CL_IS_DOCUMENT_EDIT_DIALOG (self), FALSE);

  cl_form_message_set (self->form_error, NULL);
  cl_document_form_fill (self->form, details);
  if (!cl_document_store_update_details (self->store, self->document, details, &field_errors, &error))
    {
      cl_document_form_show_errors (self->form, field_errors);
      /* Not about one field: the report was removed meanwhile, or the
       * store refused. */
      if (field_errors == NULL)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (self->document)));
  return TRUE;
}

static void
save_clicked_cb (CLDocumentEditDialog *self)
{
  cl_document_edit_dialog_save (self);
}

static void
cl_document_edit_dialog_finalize (GObject *object)
{
  CLDocumentEditDialog *self = CL_DOCUMENT_EDIT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cl_document_edit_dialog_parent_class)->finalize (object);
}

static void
cl_document_edit_dialog_class_init (CLDocumentEditDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_document_edit_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_document_edit_dialog_init (CLDocumentEditDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Report Details"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);

  self->file_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->file_group, _("File"));
  adw_preferences_group_set_description (self->file_group,
                                         _("Only the details below change; the file stays as it was filed."));
  self->file_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->file_row), FALSE);
  adw_action_row_add_prefix (self->file_row, gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  adw_preferences_group_add (self->file_group, GTK_WIDGET (self->file_row));
}

CLDocumentEditDialog *
cl_document_edit_dialog_new (GtkWindow  *parent,
                             CLStore    *store,
                             CLDocument *document,
                             const char *edd)
{
  CLDocumentEditDialog *self;
  GtkWidget *groups[3] = { NULL };
  g_autofree char *pages = NULL;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (CL_IS_DOCUMENT (document), NULL);

  self = g_object_new (CL_TYPE_DOCUMENT_EDIT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  /* A copy: the list's records are replaced when it reloads. */
  self->document = CL_DOCUMENT (cl_record_dup (CL_RECORD (document)));

  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages", cl_document_get_pages (document)),
                           cl_document_get_pages (document));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row),
                                 cl_document_get_filename (document) ? cl_document_get_filename (document) : "");
  adw_action_row_set_subtitle (self->file_row, pages);

  self->form = cl_document_form_new (edd);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form), _("Report"));
  cl_document_form_set_document (self->form, document);
  groups[0] = GTK_WIDGET (self->file_group);
  groups[1] = GTK_WIDGET (self->form);
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 18, groups);
  gtk_widget_grab_focus (GTK_WIDGET (self->form));
  return self;
}

CLDocumentForm *
cl_document_edit_dialog_get_form (CLDocumentEditDialog *self)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_EDIT_DIALOG (self), NULL);
  return self->form;
}

const char *
cl_document_edit_dialog_get_error (CLDocumentEditDialog *self,
                                   const char           *field)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_EDIT_DIALOG (self), NULL);

  if (field == NULL || *field == '\0')
    return cl_form_message_get (self->form_error);
  return cl_document_form_get_error (self->form, field);
}
