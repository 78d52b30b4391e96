#define G_LOG_DOMAIN "cl-application"

#include "config.h"

#include <glib/gi18n.h>

#include "careline-resources.h"
#include "cl-application.h"
#include "cl-window.h"

struct _CLApplication
{
  AdwApplication parent_instance;

  char *data_dir;   /* from --data-dir */
};

G_DEFINE_FINAL_TYPE (CLApplication, cl_application, ADW_TYPE_APPLICATION)

static void
cl_application_finalize (GObject *object)
{
  CLApplication *self = CL_APPLICATION (object);

  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (cl_application_parent_class)->finalize (object);
}

void
cl_application_load_resources (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      careline_register_resource ();
      g_once_init_leave (&loaded, 1);
    }
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/careline/Careline/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
cl_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (cl_application_parent_class)->startup (app);

  cl_application_load_resources ();
  load_style ();

  gtk_window_set_default_icon_name (APP_ID);
}

char *
cl_application_resolve_data_dir (CLApplication *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-data-dir");

  if (self->data_dir)
    return g_canonicalize_filename (self->data_dir, NULL);
  if (last && *last)
    return g_steal_pointer (&last);
  return g_build_filename (g_get_user_data_dir (), "careline", NULL);
}

static void
cl_application_activate (GApplication *app)
{
  CLApplication *self = CL_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      g_autofree char *dir = cl_application_resolve_data_dir (self);

      window = GTK_WINDOW (cl_window_new (self));
      cl_window_open_data_dir (CL_WINDOW (window), dir);
      cl_window_present_when_ready (CL_WINDOW (window));
      return;
    }
  gtk_window_present (window);
}

static int
cl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CLApplication *self = CL_APPLICATION (app);
  const char *dir = NULL;

  if (g_variant_dict_lookup (options, "data-dir", "^&ay", &dir) && dir && *dir)
    self->data_dir = g_strdup (dir);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("careline %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Careline developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Careline"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Careline developers"),
                         "developers", developers,
                         "comments", _("Obstetric whole-course management of a maternity and child-health hospital"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
cl_application_class_init (CLApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cl_application_finalize;

  app_class->startup = cl_application_startup;
  app_class->activate = cl_application_activate;
  app_class->handle_local_options = cl_application_handle_local_options;
}

static void
cl_application_init (CLApplication *self)
{
  static const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Folder with the data file careline.db (created if missing)"), N_("DIR") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };
  const char *quit_accels[] = { "<Control>q", NULL };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

CLApplication *
cl_application_new (void)
{
  /* NON_UNIQUE: two desks' worth of Careline on one PC (different data
   * folders) must not be folded into one process. */
  return g_object_new (CL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/careline/Careline",
                       NULL);
}
