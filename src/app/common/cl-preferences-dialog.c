#define G_LOG_DOMAIN "cl-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-preferences-dialog.h"

struct _CLPreferencesDialog
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwEntryRow *url_row;
  GtkWidget   *url_error_row;
  GtkLabel    *url_error_label;
  AdwEntryRow *hospital_row;
  AdwEntryRow *vendor_row;

  /* owned */
  GSettings   *settings;
};

G_DEFINE_FINAL_TYPE (CLPreferencesDialog, cl_preferences_dialog, ADW_TYPE_PREFERENCES_WINDOW)

char *
cl_preferences_check_server_url (const char  *text,
                                 GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (*stripped == '\0')
    return g_strdup ("");

  uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter an address such as https://careline.hospital.local:8765"));
      return NULL;
    }

  while (g_str_has_suffix (stripped, "/"))
    stripped[strlen (stripped) - 1] = '\0';
  return g_steal_pointer (&stripped);
}

static void
on_url_changed_cb (CLPreferencesDialog *self)
{
  gtk_widget_set_visible (self->url_error_row, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
}

static void
on_url_apply_cb (CLPreferencesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = cl_preferences_check_server_url (gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                                                          &error);

  if (url == NULL)
    {
      gtk_label_set_label (self->url_error_label, error->message);
      gtk_widget_set_visible (self->url_error_row, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      return;
    }
  g_settings_set_string (self->settings, "server-url", url);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_widget_set_visible (self->url_error_row, FALSE);
}

static void
cl_preferences_dialog_dispose (GObject *object)
{
  CLPreferencesDialog *self = CL_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cl_preferences_dialog_parent_class)->dispose (object);
}

static void
cl_preferences_dialog_class_init (CLPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/common/cl-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CLPreferencesDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, CLPreferencesDialog, url_error_row);
  gtk_widget_class_bind_template_child (widget_class, CLPreferencesDialog, url_error_label);
  gtk_widget_class_bind_template_child (widget_class, CLPreferencesDialog, hospital_row);
  gtk_widget_class_bind_template_child (widget_class, CLPreferencesDialog, vendor_row);
  gtk_widget_class_bind_template_callback (widget_class, on_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_url_changed_cb);
}

static void
cl_preferences_dialog_init (CLPreferencesDialog *self)
{
  g_autofree char *url = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  url = g_settings_get_string (self->settings, "server-url");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  on_url_changed_cb (self);
  g_settings_bind (self->settings, "hospital-name", self->hospital_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "vendor-name", self->vendor_row, "text", G_SETTINGS_BIND_DEFAULT);
}

CLPreferencesDialog *
cl_preferences_dialog_new (GtkWindow *parent)
{
  return g_object_new (CL_TYPE_PREFERENCES_DIALOG, "transient-for", parent, NULL);
}
