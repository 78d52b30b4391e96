/* cl-commands.c
 *
 * What the commands of careline-server share: their table (the order
 * --help lists them in), option parsing and the usual complaints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-commands.h"

/* Subcommands in the order --help lists them.  `serve` is also the
 * default when the first argument is an option. */
static const ClCommand commands[] = {
  { "serve", cl_command_serve,
    N_("Serve the Careline API to the desktops") },
  { "user", cl_command_user,
    N_("Add, list, disable or unlock log-in accounts (user add|list|disable|unlock)") },
  { "gateway", cl_command_gateway,
    N_("Set, show or clear the SMS/WeChat gateway (gateway set URL --secret-file FILE|show|clear)") },
  { "audit", cl_command_audit,
    N_("Print the audit log") },
  { "backup", cl_command_backup,
    N_("Copy the data file and the report files of a running server to a folder") },
  { "settlement", cl_command_settlement,
    N_("Print a month's settlement statement as JSON, CSV or PDF") },
  { "demo-data", cl_command_demo_data,
    N_("Fill a new data file with realistic demo patients and staff") },
};

const ClCommand *
cl_command_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

const ClCommand *
cl_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

/* Parses a subcommand's options; prints the problem and returns FALSE
 * on a bad command line. */
gboolean
cl_command_parse_options (GOptionContext  *context,
                          const char      *command,
                          int             *argc,
                          char          ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("careline-server %s", command);

  /* So that --help shows "careline-server demo-data [OPTION…]". */
  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("careline-server %s: %s\n", command, error->message);
      g_printerr (_("Run “careline-server %s --help” to see its options."), command);
      g_printerr ("\n");
      return FALSE;
    }
  return TRUE;
}

/* A command line that parsed but is not usable: says why, as
 * "careline-server COMMAND: MESSAGE", like cl_command_parse_options() does. */
static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("careline-server %s: %s\n", command, message);
  return CL_EXIT_USAGE;
}

int
cl_command_unexpected_argument (const char *command,
                                const char *argument)
{
  g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argument);

  return usage_error (command, message);
}

int
cl_command_missing_db (const char *command)
{
  return usage_error (command, _("give the data file with --db PATH"));
}

/* Opens the data file of a command that must not create one. */
CLStore *
cl_command_open_existing_store (const char *command,
                                const char *db)
{
  g_autoptr(GError) error = NULL;
  CLStore *store;

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("careline-server %s: there is no data file “%s”"), command, db);
      g_printerr ("\n");
      return NULL;
    }
  store = cl_store_open (db, &error);
  if (store == NULL)
    {
      g_printerr ("careline-server %s: %s\n", command, error->message);
      return NULL;
    }
  return store;
}
