/* cl-test-ui.c: helpers shared by the UI test programs. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cl-application.h"
#include "cl-patient-chooser.h"
#include "cl-roster-model.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

static const char *lang_tag = "en";

/* Without a window manager, Xvfb never moves focus between windows,
 * and GTK warns about it when a dialog closes: not a Careline fault. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "did not receive a focus-out event"))
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

void
cl_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  setlocale (LC_ALL, "");
  if (g_getenv ("CARELINE_LOCALEDIR"))
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CARELINE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (g_getenv ("CARELINE_TEST_LANG"))
    lang_tag = g_getenv ("CARELINE_TEST_LANG");

  g_test_init (argc, argv, NULL);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
  gtk_init ();
  adw_init ();
  cl_application_load_resources ();

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/careline/Careline/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

const char *
cl_test_ui_lang (void)
{
  return lang_tag;
}

gboolean
cl_test_ui_is_chinese (void)
{
  return g_str_equal (lang_tag, "zh_CN");
}

void
cl_test_ui_wait_until (CLTestCondition condition,
                       gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* Let layout and paint catch up. */
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE));
}

void
cl_test_ui_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
cl_test_ui_widget_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

void
cl_test_ui_press_keys (const char *keys)
{
  g_auto(GStrv) list = g_strsplit (keys, " ", -1);

  for (guint i = 0; list[i]; i++)
    {
      const char *argv[] = { "xdotool", "key", list[i], NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL));
      g_assert_cmpint (status, ==, 0);
      cl_test_ui_settle (150);
    }
}

void
cl_test_ui_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("screenshot-%s-%s.png", name, lang_tag);
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            file, NULL);
  GskRenderer *renderer;
  int width, height;

  /* A window is drawn only once mapped and laid out: wait for that. */
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, widget);
  cl_test_ui_settle (200);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* A window that has just been re-laid out (a dialog closed over it)
   * draws nothing until its next frame: give it a few. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      if (attempt > 0)
        cl_test_ui_settle (20);
      snapshot = gtk_snapshot_new ();
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

gboolean
cl_test_ui_find_label (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (cl_test_ui_find_label (child, text))
      return TRUE;
  return FALSE;
}

GtkWidget *
cl_test_ui_find_widget_where (GtkWidget     *widget,
                              CLTestUiMatch  match,
                              gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cl_test_ui_find_widget_where (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
cl_test_ui_find_widget (GtkWidget *widget,
                        GType      type)
{
  return cl_test_ui_find_widget_where (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

GtkWidget *
cl_test_ui_find_action_button (GtkWidget  *widget,
                               const char *action_name)
{
  return cl_test_ui_find_widget_where (widget, is_button_for, action_name);
}

GtkWindow *
cl_test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

gboolean
cl_test_ui_has_non_ascii (const char *text)
{
  for (const char *p = text; p && *p; p++)
    if ((guchar) *p >= 0x80)
      return TRUE;
  return FALSE;
}

char *
cl_test_ui_make_demo_store (const char *name,
                            guint       n_patients,
                            guint32     seed)
{
  char *dir = cl_test_make_tmp_dir (name);
  g_autoptr(CLStore) store = cl_test_store_new_demo (dir, "careline.db", n_patients, seed);

  return dir;
}

gboolean
cl_test_ui_login_shown (gpointer data)
{
  return cl_test_ui_find_toplevel (g_type_from_name ("CLLoginDialog")) != NULL;
}

gboolean
cl_test_ui_sync_idle (gpointer data)
{
  CLSyncClient *client = data;

  return cl_sync_client_get_state (client) == CL_SYNC_STATE_ONLINE &&
         cl_sync_client_get_n_waiting (client) == 0;
}

void
cl_test_ui_log_in (GtkWidget  *window,
                   const char *url,
                   const char *username,
                   const char *password)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *dialog;

  g_settings_set_string (settings, "server-url", url);
  cl_test_ui_wait_until (cl_test_ui_login_shown, NULL);
  dialog = cl_test_ui_find_toplevel (g_type_from_name ("CLLoginDialog"));
  gtk_editable_set_text (GTK_EDITABLE (cl_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), username);
  gtk_editable_set_text (GTK_EDITABLE (cl_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW)), password);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "login.submit", NULL);
  cl_test_ui_wait_until (cl_test_ui_sync_idle, cl_window_get_sync_client (CL_WINDOW (window)));
}

static gboolean
store_open (gpointer data)
{
  return cl_window_get_store (data) != NULL;
}

GtkWidget *
cl_test_ui_open_window (const char *data_dir)
{
  CLWindow *window = cl_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_data_dir (window, data_dir);
  cl_test_ui_wait_until (store_open, window);
  return GTK_WIDGET (window);
}

gboolean
cl_test_ui_roster_settled (gpointer data)
{
  CLRosterModel *model = data;

  return cl_roster_model_get_loaded (model) && !cl_roster_model_get_loading (model);
}

static gboolean
chooser_settled (gpointer data)
{
  return !cl_patient_chooser_get_searching (data);
}

void
cl_test_ui_choose_patient (GtkWidget  *dialog,
                           const char *name)
{
  CLPatientChooser *chooser = CL_PATIENT_CHOOSER (cl_test_ui_find_widget (dialog, CL_TYPE_PATIENT_CHOOSER));
  GtkEditable *entry = cl_patient_chooser_get_entry (chooser);

  gtk_editable_set_text (entry, name);
  cl_test_ui_settle (400);   /* the search entry waits for typing to pause */
  cl_test_ui_wait_until (chooser_settled, chooser);
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (cl_patient_chooser_get_patient_id (chooser));
}
