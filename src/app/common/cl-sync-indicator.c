#define G_LOG_DOMAIN "cl-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-sync-indicator.h"

struct _CLSyncIndicator
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget    *button;
  GtkImage     *icon;
  GtkLabel     *label;

  /* owned */
  CLSyncClient *client;
};

G_DEFINE_FINAL_TYPE (CLSyncIndicator, cl_sync_indicator, GTK_TYPE_WIDGET)

static void
update (CLSyncIndicator *self)
{
  ClSyncState state = self->client ? cl_sync_client_get_state (self->client) : CL_SYNC_STATE_DISABLED;
  guint waiting = self->client ? cl_sync_client_get_n_waiting (self->client) : 0;
  const char *error = self->client ? cl_sync_client_get_last_error (self->client) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const char *icon;

  switch (state)
    {
    case CL_SYNC_STATE_OFFLINE:
      icon = "network-offline-symbolic";
      text = waiting
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Offline, %u change waiting",
                                        "Offline, %u changes waiting", waiting), waiting)
        : g_strdup (_("Offline"));
      break;
    case CL_SYNC_STATE_SYNCING:
      icon = "emblem-synchronizing-symbolic";
      text = g_strdup (_("Syncing…"));
      break;
    case CL_SYNC_STATE_ONLINE:
      icon = "emblem-ok-symbolic";
      text = waiting
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change waiting",
                                        "%u changes waiting", waiting), waiting)
        : g_strdup (_("Online"));
      break;
    case CL_SYNC_STATE_AUTH_NEEDED:
      icon = "dialog-password-symbolic";
      text = g_strdup (_("Log in to sync"));
      break;
    case CL_SYNC_STATE_DISABLED:
    default:
      icon = "computer-symbolic";
      text = g_strdup (_("Local data, not shared"));
      break;
    }

  if (error)
    tooltip = g_strdup_printf (_("Last error: %s"), error);
  else if (state == CL_SYNC_STATE_DISABLED)
    tooltip = g_strdup (_("No central server is set; click to set one"));
  else
    tooltip = g_strdup (cl_sync_client_get_server_url (self->client));

  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_label_set_label (self->label, text);
  gtk_widget_set_tooltip_text (self->button, tooltip);
  if (error && state == CL_SYNC_STATE_OFFLINE)
    gtk_widget_add_css_class (self->button, "warning");
  else
    gtk_widget_remove_css_class (self->button, "warning");
}

static void
clicked_cb (CLSyncIndicator *self)
{
  ClSyncState state = self->client ? cl_sync_client_get_state (self->client) : CL_SYNC_STATE_DISABLED;

  if (state == CL_SYNC_STATE_DISABLED)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.preferences", NULL);
  else if (state == CL_SYNC_STATE_AUTH_NEEDED)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.login", NULL);
  else
    cl_sync_client_sync_now (self->client);
}

static void
cl_sync_indicator_dispose (GObject *object)
{
  CLSyncIndicator *self = CL_SYNC_INDICATOR (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (cl_sync_indicator_parent_class)->dispose (object);
}

static void
cl_sync_indicator_class_init (CLSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_sync_indicator_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_sync_indicator_init (CLSyncIndicator *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->icon = GTK_IMAGE (gtk_image_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  self->button = gtk_button_new ();
  gtk_widget_add_css_class (self->button, "flat");
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (clicked_cb), self);

  update (self);
}

void
cl_sync_indicator_set_client (CLSyncIndicator *self,
                              CLSyncClient    *client)
{
  g_return_if_fail (CL_IS_SYNC_INDICATOR (self));

  if (self->client)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  if (client)
    {
      g_signal_connect_object (client, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "notify::n-waiting", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "notify::last-error", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

