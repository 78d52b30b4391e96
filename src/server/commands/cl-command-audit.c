/* cl-command-audit.c
 *
 * `careline-server audit`: prints the audit log, one tab-separated
 * line per event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "cl-commands.h"
#include "cl-sync-server.h"

static const char *
or_dash (JsonObject *line,
         const char *name)
{
  const char *text = json_object_get_string_member_with_default (line, name, NULL);

  return text && *text ? text : "-";
}

int
cl_command_audit (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *patient = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The data file"), N_("PATH") },
    { "patient", 0, 0, G_OPTION_ARG_STRING, &patient,
      N_("Only the lines about this patient"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(JsonArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _(cl_command_find ("audit")->summary));
  g_option_context_set_description (context,
                                    _("One line per event, oldest first, separated by tabs: time, user, role, action, table, record, patient, status, detail."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cl_command_parse_options (context, "audit", &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_command_unexpected_argument ("audit", argv[1]);
  if (db == NULL)
    return cl_command_missing_db ("audit");

  if (!(store = cl_command_open_existing_store ("audit", db)))
    return EXIT_FAILURE;
  lines = cl_sync_server_read_audit (store, patient, &error);
  if (lines == NULL)
    {
      g_printerr ("careline-server audit: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (json_object_get_int_member (line, "at"));
      g_autofree char *when = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z");

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\n", when,
               or_dash (line, "username"), or_dash (line, "role"), or_dash (line, "action"),
               or_dash (line, "table"), or_dash (line, "record_id"), or_dash (line, "patient_id"),
               json_object_get_int_member (line, "status"), or_dash (line, "detail"));
    }

  return EXIT_SUCCESS;
}
