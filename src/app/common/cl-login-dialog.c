#define G_LOG_DOMAIN "cl-login-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-login-dialog.h"
#include "cl-login-error.h"
#include "cl-password.h"
#include "cl-sync-accounts.h"

struct _CLLoginDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkStack    *button_stack;
  AdwEntryRow *username_row;
  AdwEntryRow *password_row;
  GtkWidget   *error_row;
  GtkLabel    *error_label;
  GtkStack    *page_stack;
  GtkButton   *login_button;
  AdwPasswordEntryRow *new_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel    *new_message;
  GtkLabel    *confirm_message;
  GtkLabel    *change_error_label;

  /* owned */
  CLSyncClient *client;
  GSettings    *settings;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CLLoginDialog, cl_login_dialog, ADW_TYPE_WINDOW)

static void
show_error (CLLoginDialog *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_row, message != NULL);
}

/* A message under its field, or none. */
static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Logged in with a one-time password: the person chooses their own
 * before anything else (README, "Log-ins"). */
static void
show_change_page (CLLoginDialog *self)
{
  gtk_stack_set_visible_child_name (self->page_stack, "change");
  gtk_stack_set_visible_child_name (self->button_stack, "button");
  gtk_button_set_label (self->login_button, _("_Change Password"));
  gtk_window_set_title (GTK_WINDOW (self), _("Choose a Password"));
  gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
}

static void
login_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CLLoginDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cl_sync_client_login_finish (CL_SYNC_CLIENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, CL_LOGIN_ERROR, CL_LOGIN_ERROR_PASSWORD_CHANGE_REQUIRED))
        {
          show_change_page (self);
          return;
        }
      gtk_stack_set_visible_child_name (self->button_stack, "button");
      gtk_widget_set_sensitive (GTK_WIDGET (self->username_row), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), TRUE);
      show_error (self, error->message);
      /* The password is what was most likely wrong: select it. */
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
change_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CLLoginDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (cl_sync_accounts_change_password_finish (CL_SYNC_CLIENT (object), result, &error))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_stack_set_visible_child_name (self->button_stack, "button");
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_row), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_row), TRUE);
  /* The server's rule is the form's: its message goes at the field. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    {
      show_message (self->new_message, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
    }
  else
    show_message (self->change_error_label, error->message);
}

static void
submit_change (CLLoginDialog *self)
{
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row))));
  const char *one_time = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *chosen = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));

  cl_password_check_new (chosen, confirm, one_time, errors);
  show_message (self->new_message, g_hash_table_lookup (errors, "new_password"));
  show_message (self->confirm_message, g_hash_table_lookup (errors, "confirm"));
  show_message (self->change_error_label, NULL);
  if (g_hash_table_size (errors) > 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (g_hash_table_contains (errors, "new_password") ? self->new_row
                                                                                         : self->confirm_row));
      return;
    }

  gtk_stack_set_visible_child_name (self->button_stack, "spinner");
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_row), FALSE);
  cl_sync_accounts_change_password_async (self->client, username, one_time, chosen, self->cancellable,
                                          change_done_cb, g_object_ref (self));
}

static void
on_new_activated_cb (CLLoginDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
}

static void
submit_login (CLLoginDialog *self)
{
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (*username == '\0')
    {
      show_error (self, _("Enter your user name"));
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
      return;
    }
  if (*password == '\0')
    {
      show_error (self, _("Enter your password"));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  /* The user name is remembered for next time; the password never is. */
  g_settings_set_string (self->settings, "last-username", username);

  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->button_stack, "spinner");
  gtk_widget_set_sensitive (GTK_WIDGET (self->username_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), FALSE);
  cl_sync_client_login_async (self->client, username, password, self->cancellable,
                              login_done_cb, g_object_ref (self));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CLLoginDialog *self = CL_LOGIN_DIALOG (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->page_stack), "change"))
    submit_change (self);
  else
    submit_login (self);
}

static void
on_username_activated_cb (CLLoginDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_password_activated_cb (CLLoginDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "login.submit", NULL);
}

static void
cl_login_dialog_dispose (GObject *object)
{
  CLLoginDialog *self = CL_LOGIN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cl_login_dialog_parent_class)->dispose (object);
}

static void
cl_login_dialog_class_init (CLLoginDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_login_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/common/cl-login-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, button_stack);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, error_row);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, page_stack);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, login_button);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, new_message);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, confirm_message);
  gtk_widget_class_bind_template_child (widget_class, CLLoginDialog, change_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_username_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated_cb);

  gtk_widget_class_install_action (widget_class, "login.submit", NULL, submit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_login_dialog_init (CLLoginDialog *self)
{
  g_autofree char *username = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  username = g_settings_get_string (self->settings, "last-username");
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
}

CLLoginDialog *
cl_login_dialog_new (GtkWindow    *parent,
                     CLSyncClient *client)
{
  CLLoginDialog *self;

  g_return_val_if_fail (CL_IS_SYNC_CLIENT (client), NULL);

  self = g_object_new (CL_TYPE_LOGIN_DIALOG, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->username_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  return self;
}
