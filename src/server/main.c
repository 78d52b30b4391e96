/* main.c
 *
 * careline-server: finds the command (src/server/commands/) and runs
 * it; --help lists them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cl-commands.h"
#include "cl-pdf-check.h"

static void
print_usage (gboolean to_stderr)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const ClCommand *commands;
  guint n_commands;
  int width = 0;

  commands = cl_commands (&n_commands);

  for (guint i = 0; i < n_commands; i++)
    width = MAX (width, (int) strlen (commands[i].name));

  g_string_append_printf (text, "%s\n  careline-server %s\n\n%s\n",
                          _("Usage:"),
                          _("COMMAND [OPTION…]"),
                          _("Commands:"));
  for (guint i = 0; i < n_commands; i++)
    g_string_append_printf (text, "  %-*s  %s\n",
                            width, commands[i].name, _(commands[i].summary));
  g_string_append_c (text, '\n');
  g_string_append_printf (text,
                          _("Run “careline-server COMMAND --help” to see the options of a command."));
  g_string_append_c (text, '\n');

  if (to_stderr)
    g_printerr ("%s", text->str);
  else
    g_print ("%s", text->str);
}

int
main (int    argc,
      char **argv)
{
  const ClCommand *command;
  const char *name;

  setlocale (LC_ALL, "");
  /* The build tree's catalogs when run from it (tests, the demo). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CARELINE_LOCALEDIR") ? g_getenv ("CARELINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("careline-server");

  if (argc < 2)
    {
      print_usage (TRUE);
      return CL_EXIT_USAGE;
    }

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") ||
      g_str_equal (name, "-?") || g_str_equal (name, "help"))
    {
      print_usage (FALSE);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (name, "--version"))
    {
      g_print ("careline-server %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  /* Not listed: the server runs it on uploads (cl-pdf-check.h). */
  if (g_str_equal (name, "check-pdf"))
    return cl_pdf_check_main (argc - 1, argv + 1);

  /* `careline-server --db … --listen …`, as the server was first run:
   * options without a command mean `serve`. */
  command = name[0] == '-' ? cl_command_find ("serve") : cl_command_find (name);
  if (command == NULL)
    {
      if (name[0] == '-')
        g_printerr (_("careline-server: a command is needed before “%s”."), name);
      else
        g_printerr (_("careline-server: unknown command “%s”."), name);
      g_printerr (" ");
      g_printerr (_("Run “careline-server --help” to see the commands."));
      g_printerr ("\n");
      return CL_EXIT_USAGE;
    }

  /* The command sees its own name as argv[0], like a program of its
   * own; `serve` reached through an option sees all of them. */
  if (name[0] == '-')
    return command->run (argc, argv);
  return command->run (argc - 1, argv + 1);
}
