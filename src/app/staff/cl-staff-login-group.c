/* cl-staff-login-group.c
 *
 * A person's server log-in (cl-staff-login-group.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-staff-login-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-one-time-password-dialog.h"
#include "cl-staff-login-group.h"
#include "cl-sync-accounts.h"

struct _CLStaffLoginGroup
{
  AdwPreferencesGroup parent_instance;

  /* template widgets */
  AdwActionRow *status_row;
  GtkStack     *button_stack;
  GtkButton    *create_button;
  GtkButton    *reset_button;
  GtkWidget    *error_row;
  GtkLabel     *error_label;

  /* owned */
  CLContext    *context;
  CLStaff      *staff;
  GCancellable *cancellable;

  /* borrowed */
  GtkWindow    *shown;     /* weak */
  gboolean      ready;
};

G_DEFINE_FINAL_TYPE (CLStaffLoginGroup, cl_staff_login_group, ADW_TYPE_PREFERENCES_GROUP)

static void refresh (CLStaffLoginGroup *self);

static void
show_error (CLStaffLoginGroup *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_row, message != NULL);
}

static void
set_subtitle (CLStaffLoginGroup *self,
              const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_action_row_set_subtitle (self->status_row, escaped);
}

/* Nothing to do here, and why: said on the row and on the button. */
static void
unavailable (CLStaffLoginGroup *self,
             const char        *reason)
{
  gtk_stack_set_visible_child_name (self->button_stack, "create");
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->create_button), reason);
  set_subtitle (self, reason);
  self->ready = TRUE;
}

static void
got_state_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CLStaffLoginGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *username = cl_staff_get_username (self->staff);
  int state = cl_sync_accounts_get_finish (CL_SYNC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->ready = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->create_button), NULL);
  switch (state)
    {
    case CL_SYNC_ACCOUNT_NONE:
      gtk_stack_set_visible_child_name (self->button_stack, "create");
      set_subtitle (self, _("No log-in yet"));
      return;
    case CL_SYNC_ACCOUNT_ACTIVE:
      text = g_strdup_printf (_("Logs in as “%s”"), username);
      break;
    case CL_SYNC_ACCOUNT_MUST_CHANGE:
      text = g_strdup_printf (_("Logs in as “%s”; has not yet replaced the one-time password"), username);
      break;
    case CL_SYNC_ACCOUNT_DISABLED:
      text = g_strdup_printf (_("The log-in “%s” is disabled"), username);
      break;
    default:
      gtk_stack_set_visible_child_name (self->button_stack, "create");
      set_subtitle (self, error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->button_stack, "reset");
  set_subtitle (self, text);
}

static void
refresh (CLStaffLoginGroup *self)
{
  CLSyncClient *client = cl_context_get_sync_client (self->context);

  self->ready = FALSE;
  if (client == NULL || cl_sync_client_get_server_url (client) == NULL)
    unavailable (self, _("Log-ins are kept on a server, and this desk works without one"));
  else if (cl_sync_client_get_username (client) == NULL)
    unavailable (self, _("Log in to the server to make or reset log-ins"));
  else if (self->staff == NULL)
    unavailable (self, _("Save the person first, then make their log-in"));
  else if (!cl_staff_get_active (self->staff))
    unavailable (self, _("A deactivated person cannot log in"));
  else
    {
      gtk_stack_set_visible_child_name (self->button_stack, "busy");
      cl_sync_accounts_get_async (client, cl_staff_get_username (self->staff), self->cancellable,
                                  got_state_cb, g_object_ref (self));
    }
}

static void
got_password_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CLStaffLoginGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = cl_sync_accounts_password_finish (CL_SYNC_CLIENT (source), result, &error);
  CLOneTimePasswordDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (password == NULL)
    {
      show_error (self, error->message);
      refresh (self);
      return;
    }
  dialog = cl_one_time_password_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                            cl_staff_get_display_name (self->staff),
                                            cl_staff_get_username (self->staff), password);
  cl_sync_accounts_free_password (password);
  if (self->shown)
    g_object_remove_weak_pointer (G_OBJECT (self->shown), (gpointer *) &self->shown);
  self->shown = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->shown);
  gtk_window_present (GTK_WINDOW (dialog));
  refresh (self);
}

static void
on_create_clicked_cb (CLStaffLoginGroup *self)
{
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->button_stack, "busy");
  cl_sync_accounts_create_async (cl_context_get_sync_client (self->context),
                                 cl_record_get_id (CL_RECORD (self->staff)), self->cancellable,
                                 got_password_cb, g_object_ref (self));
}

static void
reset_response_cb (AdwMessageDialog  *dialog,
                   const char        *response,
                   CLStaffLoginGroup *self)
{
  if (!g_str_equal (response, "reset"))
    return;
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->button_stack, "busy");
  cl_sync_accounts_reset_async (cl_context_get_sync_client (self->context),
                                cl_staff_get_username (self->staff), self->cancellable,
                                got_password_cb, g_object_ref (self));
}

/* A reset ends the person's sessions wherever they work: asked first. */
static void
on_reset_clicked_cb (CLStaffLoginGroup *self)
{
  g_autofree char *heading = g_strdup_printf (_("Reset the Password of %s?"),
                                              cl_staff_get_display_name (self->staff));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                              _("Their password stops working and they are logged out everywhere at once. "
                                                "They log in with the new one-time password and then choose their own."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset Password"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cl_staff_login_group_dispose (GObject *object)
{
  CLStaffLoginGroup *self = CL_STAFF_LOGIN_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->staff);
  if (self->shown)
    g_object_remove_weak_pointer (G_OBJECT (self->shown), (gpointer *) &self->shown);
  self->shown = NULL;

  G_OBJECT_CLASS (cl_staff_login_group_parent_class)->dispose (object);
}

static void
cl_staff_login_group_class_init (CLStaffLoginGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_staff_login_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/staff/cl-staff-login-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CLStaffLoginGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffLoginGroup, button_stack);
  gtk_widget_class_bind_template_child (widget_class, CLStaffLoginGroup, create_button);
  gtk_widget_class_bind_template_child (widget_class, CLStaffLoginGroup, reset_button);
  gtk_widget_class_bind_template_child (widget_class, CLStaffLoginGroup, error_row);
  gtk_widget_class_bind_template_child (widget_class, CLStaffLoginGroup, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked_cb);
}

static void
cl_staff_login_group_init (CLStaffLoginGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

CLStaffLoginGroup *
cl_staff_login_group_new (CLContext *context,
                          CLStaff   *staff)
{
  CLStaffLoginGroup *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (staff == NULL || CL_IS_STAFF (staff), NULL);

  self = g_object_new (CL_TYPE_STAFF_LOGIN_GROUP, NULL);
  self->context = g_object_ref (context);
  self->staff = staff ? g_object_ref (staff) : NULL;
  refresh (self);
  return self;
}

GtkButton *
cl_staff_login_group_get_button (CLStaffLoginGroup *self)
{
  g_return_val_if_fail (CL_IS_STAFF_LOGIN_GROUP (self), NULL);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->button_stack), "reset"))
    return self->reset_button;
  return self->create_button;
}

gboolean
cl_staff_login_group_is_ready (CLStaffLoginGroup *self)
{
  g_return_val_if_fail (CL_IS_STAFF_LOGIN_GROUP (self), FALSE);
  return self->ready && !g_str_equal (gtk_stack_get_visible_child_name (self->button_stack), "busy");
}

GtkWindow *
cl_staff_login_group_get_shown_dialog (CLStaffLoginGroup *self)
{
  g_return_val_if_fail (CL_IS_STAFF_LOGIN_GROUP (self), NULL);
  return self->shown;
}
