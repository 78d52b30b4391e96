#define G_LOG_DOMAIN "careline"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CLApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* CARELINE_LOCALEDIR lets the uninstalled build (meson compile demo,
   * the tests) find the translations it just compiled. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CARELINE_LOCALEDIR") ? g_getenv ("CARELINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cl_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
