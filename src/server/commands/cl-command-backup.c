/* cl-command-backup.c
 *
 * `careline-server backup`: copies the data file and the report files
 * of a running server to a folder (cl-backup.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-backup.h"
#include "cl-commands.h"

int
cl_command_backup (int    argc,
                   char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *to = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The data file"), N_("PATH") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to,
      N_("The backup folder (made if missing)"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  ClBackupResult result;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _(cl_command_find ("backup")->summary));
  g_option_context_set_description (context,
                                    _("The server may keep running. The folder then holds careline.db and documents/, "
                                      "which `careline-server serve --db DIR/careline.db` serves as they are; "
                                      "backing up into the same folder again copies only new report files.\n"
                                      "Example:\n"
                                      "  careline-server backup --db /srv/careline/careline.db --to /backup/careline"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cl_command_parse_options (context, "backup", &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_command_unexpected_argument ("backup", argv[1]);
  if (db == NULL)
    return cl_command_missing_db ("backup");
  if (to == NULL)
    {
      g_printerr ("%s\n", _("careline-server backup: give the backup folder with --to DIR"));
      return CL_EXIT_USAGE;
    }
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("careline-server %s: there is no data file “%s”"), "backup", db);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  if (!cl_backup_run (db, to, &result, &error))
    {
      g_printerr ("careline-server backup: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print (_("Backed up %s (%.1f MiB) and %u report files (%u new) to %s"), db,
           result.db_bytes / (1024.0 * 1024.0), result.documents, result.new_documents, to);
  g_print ("\n");
  if (result.damaged > 0)
    {
      /* The exit status tells a cron job or a systemd timer. */
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "careline-server backup: %u report file is damaged (its content does not match its name) and was not copied",
                               "careline-server backup: %u report files are damaged (their content does not match their names) and were not copied",
                               result.damaged), result.damaged);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
