#define G_LOG_DOMAIN "cl-scale-link-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-scale-link-dialog.h"
#include "cl-scale-record.h"
#include "cl-sync-links.h"

struct _CLScaleLinkDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwToastOverlay      *toasts;
  GtkWidget            *create_button;
  AdwComboRow          *scale_row;
  AdwPreferencesGroup  *link_group;
  AdwActionRow         *url_row;
  GtkWidget            *copy_button;
  AdwActionRow         *expiry_row;
  GtkLabel             *hint;

  /* owned */
  CLContext            *context;
  GCancellable         *cancellable;
  char                 *patient_id;
  char                 *url;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (CLScaleLinkDialog, cl_scale_link_dialog, ADW_TYPE_WINDOW)

static void
show_hint (CLScaleLinkDialog *self,
           const char        *text,
           gboolean           is_error)
{
  gtk_label_set_text (self->hint, text);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");
    }
}

static void
issued_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CLScaleLinkDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *until = NULL;
  gint64 expires_at = 0;

  if (!cl_sync_links_issue_finish (CL_SYNC_CLIENT (source), result, &url, &expires_at, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      gtk_widget_set_sensitive (self->create_button, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), TRUE);
      show_hint (self, error->message, TRUE);
      return;
    }

  self->busy = FALSE;
  g_free (self->url);
  self->url = g_steal_pointer (&url);
  utc = g_date_time_new_from_unix_utc (expires_at);
  local = utc ? g_date_time_to_local (utc) : NULL;
  /* Translators: when her link stops working, as g_date_time_format() takes it */
  until = local ? g_date_time_format (local, C_("link expiry", "%e %b %Y, %H:%M")) : g_strdup ("");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), self->url);
  adw_action_row_set_subtitle (self->expiry_row, g_strstrip (until));
  gtk_widget_set_visible (GTK_WIDGET (self->link_group), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), TRUE);
  /* One link per click: another scale makes another link. */
  gtk_widget_set_sensitive (self->create_button, FALSE);
  show_hint (self, _("Careline does not send the link: give it to her yourself, for example in a WeChat chat. "
                     "She can use it once; a new link is needed after it expires."), FALSE);
  gtk_widget_grab_focus (self->copy_button);
}

static const char *
selected_scale (CLScaleLinkDialog *self)
{
  const char * const *ids = cl_scale_get_builtin_ids ();
  guint selected = adw_combo_row_get_selected (self->scale_row);

  for (guint i = 0; ids[i]; i++)
    if (i == selected)
      return ids[i];
  return ids[0];
}

static void
create_clicked_cb (CLScaleLinkDialog *self)
{
  CLSyncClient *client = cl_context_get_sync_client (self->context);

  if (self->busy || client == NULL)
    return;
  self->busy = TRUE;
  gtk_widget_set_sensitive (self->create_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), FALSE);
  show_hint (self, _("Asking the server for a link…"), FALSE);
  cl_sync_links_issue_async (client, self->patient_id, selected_scale (self), self->cancellable,
                             issued_cb, g_object_ref (self));
}

static void
scale_changed_cb (CLScaleLinkDialog *self)
{
  /* Another scale: the link shown is for the one before. */
  if (self->busy)
    return;
  g_clear_pointer (&self->url, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->link_group), FALSE);
  gtk_widget_set_sensitive (self->create_button, TRUE);
  show_hint (self, _("Careline does not send the link: give it to her yourself, for example in a WeChat chat."),
             FALSE);
}

static void
copy_clicked_cb (CLScaleLinkDialog *self)
{
  if (self->url == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->url);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Link copied")));
}

const char *
cl_scale_link_dialog_get_url (CLScaleLinkDialog *self)
{
  g_return_val_if_fail (CL_IS_SCALE_LINK_DIALOG (self), NULL);
  return self->url;
}

gboolean
cl_scale_link_dialog_is_busy (CLScaleLinkDialog *self)
{
  g_return_val_if_fail (CL_IS_SCALE_LINK_DIALOG (self), FALSE);
  return self->busy;
}

static void
cl_scale_link_dialog_dispose (GObject *object)
{
  CLScaleLinkDialog *self = CL_SCALE_LINK_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_SCALE_LINK_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_scale_link_dialog_parent_class)->dispose (object);
}

static void
cl_scale_link_dialog_finalize (GObject *object)
{
  CLScaleLinkDialog *self = CL_SCALE_LINK_DIALOG (object);

  g_free (self->patient_id);
  g_free (self->url);
  G_OBJECT_CLASS (cl_scale_link_dialog_parent_class)->finalize (object);
}

static void
cl_scale_link_dialog_class_init (CLScaleLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_scale_link_dialog_dispose;
  object_class->finalize = cl_scale_link_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/careline/Careline/ui/followup/cl-scale-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CLScaleLinkDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, CLScaleLinkDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CLScaleLinkDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, CLScaleLinkDialog, link_group);
  gtk_widget_class_bind_template_child (widget_class, CLScaleLinkDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, CLScaleLinkDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CLScaleLinkDialog, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, CLScaleLinkDialog, hint);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, scale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_scale_link_dialog_init (CLScaleLinkDialog *self)
{
  g_autoptr(GtkStringList) scales = gtk_string_list_new (NULL);
  const char * const *ids = cl_scale_get_builtin_ids ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; ids[i]; i++)
    gtk_string_list_append (scales, cl_scale_get_title (cl_scale_lookup (ids[i]), NULL));
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (scales));
}

CLScaleLinkDialog *
cl_scale_link_dialog_new (GtkWindow  *parent,
                          CLContext  *context,
                          const char *patient_id)
{
  CLScaleLinkDialog *self = g_object_new (CL_TYPE_SCALE_LINK_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->patient_id = g_strdup (patient_id);
  return self;
}
