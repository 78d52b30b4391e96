/* cl-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-export.h"

GFile *
cl_export_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  /* GLib answers the home folder itself when no Documents folder is
   * set up; that is no place to propose either, so both are checked. */
  if (documents && g_file_test (documents, G_FILE_TEST_IS_DIR) &&
      g_strcmp0 (documents, g_get_home_dir ()) != 0)
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

/* ------------------------------------------------------------------ */

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to open it with is the desktop's business, not a fault of
   * the export: the file is there all the same. */
  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_debug ("Could not open the exported file: %s", error->message);
}

static void
open_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkWidget *overlay = user_data;
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (overlay)));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context,
                                           NULL, launched_cb, NULL);
}

static void
ensure_open_action (AdwToastOverlay *overlay)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GSimpleAction) open = NULL;

  if (g_object_get_data (G_OBJECT (overlay), "cl-export-actions"))
    return;

  group = g_simple_action_group_new ();
  open = g_simple_action_new ("open", G_VARIANT_TYPE_STRING);
  g_signal_connect_object (open, "activate", G_CALLBACK (open_activated_cb), overlay, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  gtk_widget_insert_action_group (GTK_WIDGET (overlay), "export", G_ACTION_GROUP (group));
  g_object_set_data (G_OBJECT (overlay), "cl-export-actions", GINT_TO_POINTER (TRUE));
}

void
cl_export_show_toast (AdwToastOverlay *overlay,
                      GFile           *file)
{
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (G_IS_FILE (file));

  ensure_open_action (overlay);
  base = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  /* Translators: %s is the file name of an exported document */
  text = g_strdup_printf (_("Exported “%s”"), base);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_detailed_action_name (toast, "export.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (overlay, toast);
}

/* ------------------------------------------------------------------ */

typedef struct
{
  GtkWidget      *widget;
  char           *error_heading;
  ClExportFunc    func;
  gpointer        data;
  GDestroyNotify  destroy;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->widget);
  g_free (export->error_heading);
  if (export->destroy)
    export->destroy (export->data);
  g_free (export);
}

static void
show_error (GtkWidget  *widget,
            const char *heading,
            const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Export          *export)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path && export->func (export->data, path, &error))
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (export->widget, ADW_TYPE_TOAST_OVERLAY);

          if (overlay)
            cl_export_show_toast (ADW_TOAST_OVERLAY (overlay), file);
        }
      else
        show_error (export->widget, export->error_heading,
                    error ? error->message : _("Choose a file on this computer."));
    }
  gtk_native_dialog_destroy (chooser);
  export_free (export);
  g_object_unref (chooser);
}

GtkFileChooserNative *
cl_export_run (GtkWidget      *widget,
               const char     *title,
               const char     *file_name,
               const char     *filter_name,
               const char     *mime_type,
               const char     *error_heading,
               ClExportFunc    func,
               gpointer        data,
               GDestroyNotify  destroy)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = cl_export_folder ();
  Export *export;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (file_name != NULL && func != NULL, NULL);

  root = gtk_widget_get_root (widget);
  /* "Export" is the one verb for writing a document out to a file;
   * "Save" is for a record's changes. */
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  export = g_new0 (Export, 1);
  export->widget = g_object_ref (widget);
  export->error_heading = g_strdup (error_heading);
  export->func = func;
  export->data = data;
  export->destroy = destroy;
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return chooser;
}
