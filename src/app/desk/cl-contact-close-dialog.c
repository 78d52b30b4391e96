#define G_LOG_DOMAIN "cl-contact-close-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-contact-close-dialog.h"
#include "cl-desk-store.h"
#include "cl-form-message.h"

static const char * const field_names[] = { "close_note" };

struct _CLContactCloseDialog
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *group;
  AdwEntryRow         *note_row;
  GtkLabel            *errors[1];
  GtkLabel            *form_error;

  CLContext           *context;
  CLContact           *contact;
};

G_DEFINE_FINAL_TYPE (CLContactCloseDialog, cl_contact_close_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_contact_close_dialog_save (CLContactCloseDialog *self)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  CLStore *store;

  g_return_val_if_fail (CL_IS_CONTACT_CLOSE_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, 1, self->form_error);
  store = cl_context_get_store (self->context);
  actor = cl_desk_store_actor_id (store, cl_context_get_username (self->context));
  if (!cl_desk_store_close (store, self->contact, gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                            cl_context_get_role (self->context), actor, &field_errors, &error))
    {
      /* Only the note is a field here; whose it is to close is the
       * form's message. */
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, 1) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], NULL);
  return TRUE;
}

static void
save_clicked_cb (CLContactCloseDialog *self)
{
  cl_contact_close_dialog_save (self);
}

static void
cl_contact_close_dialog_finalize (GObject *object)
{
  CLContactCloseDialog *self = CL_CONTACT_CLOSE_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->contact);
  G_OBJECT_CLASS (cl_contact_close_dialog_parent_class)->finalize (object);
}

static void
cl_contact_close_dialog_class_init (CLContactCloseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_contact_close_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), FALSE);
}

static void
cl_contact_close_dialog_init (CLContactCloseDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };

  self->group = ADW_PREFERENCES_GROUP (group);
  gtk_window_set_title (GTK_WINDOW (self), _("Close Contact"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);
  self->note_row = cl_form_entry_row_add (group, _("How it was settled"), &self->errors[0]);
  cl_form_row_set_required (GTK_WIDGET (self->note_row));
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("C_lose Contact"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
}

CLContactCloseDialog *
cl_contact_close_dialog_new (GtkWindow  *parent,
                             CLContext  *context,
                             CLContact  *contact,
                             const char *description)
{
  CLContactCloseDialog *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CL_IS_CONTACT (contact), NULL);

  self = g_object_new (CL_TYPE_CONTACT_CLOSE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  self->contact = g_object_ref (contact);
  adw_preferences_group_set_description (self->group, description);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
  return self;
}

GtkEditable *
cl_contact_close_dialog_get_entry (CLContactCloseDialog *self)
{
  g_return_val_if_fail (CL_IS_CONTACT_CLOSE_DIALOG (self), NULL);
  return GTK_EDITABLE (self->note_row);
}

const char *
cl_contact_close_dialog_get_error (CLContactCloseDialog *self,
                                   const char           *field)
{
  g_return_val_if_fail (CL_IS_CONTACT_CLOSE_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, 1, self->form_error, field);
}
