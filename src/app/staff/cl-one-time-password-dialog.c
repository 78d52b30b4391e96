/* cl-one-time-password-dialog.c
 *
 * A one-time password, shown once (cl-one-time-password-dialog.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-one-time-password-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-one-time-password-dialog.h"

struct _CLOneTimePasswordDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkLabel  *intro_label;
  GtkLabel  *password_label;
  GtkButton *copy_button;
};

G_DEFINE_FINAL_TYPE (CLOneTimePasswordDialog, cl_one_time_password_dialog, ADW_TYPE_WINDOW)

static void
on_copy_clicked_cb (CLOneTimePasswordDialog *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          gtk_label_get_label (self->password_label));
  gtk_button_set_label (self->copy_button, _("Copied"));
}

static gboolean
close_request (GtkWindow *window)
{
  CLOneTimePasswordDialog *self = CL_ONE_TIME_PASSWORD_DIALOG (window);

  /* Nothing keeps it once the person has it. */
  gtk_label_set_label (self->password_label, "");
  return GTK_WINDOW_CLASS (cl_one_time_password_dialog_parent_class)->close_request (window);
}

static void
cl_one_time_password_dialog_class_init (CLOneTimePasswordDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  window_class->close_request = close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/careline/Careline/ui/staff/cl-one-time-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CLOneTimePasswordDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CLOneTimePasswordDialog, password_label);
  gtk_widget_class_bind_template_child (widget_class, CLOneTimePasswordDialog, copy_button);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_one_time_password_dialog_init (CLOneTimePasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CLOneTimePasswordDialog *
cl_one_time_password_dialog_new (GtkWindow  *parent,
                                 const char *display_name,
                                 const char *username,
                                 const char *password)
{
  CLOneTimePasswordDialog *self;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  self = g_object_new (CL_TYPE_ONE_TIME_PASSWORD_DIALOG, "transient-for", parent, NULL);
  /* Translators: the name of a person and the user name they log in with */
  intro = g_strdup_printf (_("Give %s this one-time password to log in as “%s”."),
                           display_name ? display_name : username, username);
  gtk_label_set_label (self->intro_label, intro);
  gtk_label_set_label (self->password_label, password);
  return self;
}

const char *
cl_one_time_password_dialog_get_password (CLOneTimePasswordDialog *self)
{
  g_return_val_if_fail (CL_IS_ONE_TIME_PASSWORD_DIALOG (self), NULL);
  return gtk_label_get_label (self->password_label);
}
