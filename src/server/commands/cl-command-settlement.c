/* cl-command-settlement.c
 *
 * `careline-server settlement`: a month's statement as JSON, CSV or the
 * printed PDF, the same as GET /settlement/YYYY-MM, for a monthly cron
 * job or a finance system (cl-settlement-export.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "cl-commands.h"
#include "cl-enrolment-store.h"
#include "cl-settlement-export.h"

int
cl_command_settlement (int    argc,
                       char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *month = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *hospital = NULL;
  g_autofree char *vendor = NULL;
  g_autofree char *contract = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The data file"), N_("PATH") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month,
      N_("The month of the statement"), N_("YYYY-MM") },
    { "contract", 0, 0, G_OPTION_ARG_STRING, &contract,
      N_("The contract's id (the obstetric contract unless given)"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("json (the default), csv or pdf"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write to this file instead of standard output"), N_("FILE") },
    { "hospital", 0, 0, G_OPTION_ARG_STRING, &hospital,
      N_("The hospital's name on an open month's statement"), N_("HOSPITAL") },
    { "vendor", 0, 0, G_OPTION_ARG_STRING, &vendor,
      N_("The vendor's name on an open month's statement"), N_("VENDOR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ClSettlementFormat format;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _(cl_command_find ("settlement")->summary));
  g_option_context_set_description (context,
                                    _("The server may keep running. A closed month gives the statement as it was "
                                      "closed; an open one, the statement as it stands now.\n"
                                      "Example:\n"
                                      "  careline-server settlement --db /srv/careline/careline.db --month 2026-09 "
                                      "--format pdf --out 2026-09.pdf"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cl_command_parse_options (context, "settlement", &argc, &argv))
    return CL_EXIT_USAGE;
  if (argc > 1)
    return cl_command_unexpected_argument ("settlement", argv[1]);
  if (db == NULL)
    return cl_command_missing_db ("settlement");
  if (month == NULL)
    {
      g_printerr ("%s\n", _("careline-server settlement: give the month with --month YYYY-MM"));
      return CL_EXIT_USAGE;
    }
  if (!cl_settlement_export_check_month (month, &error) ||
      !cl_settlement_format_parse (format_text, &format, &error))
    {
      g_printerr ("careline-server settlement: %s\n", error->message);
      return CL_EXIT_USAGE;
    }

  if (!(store = cl_command_open_existing_store ("settlement", db)))
    return EXIT_FAILURE;
  cl_enrolment_store_set_parties (store, hospital, vendor);
  if (!(bytes = cl_settlement_export (store, contract, month, format, &error)))
    {
      g_printerr ("careline-server settlement: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (out != NULL)
    {
      if (!g_file_set_contents (out, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
        {
          g_printerr ("careline-server settlement: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  else if (fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout) != g_bytes_get_size (bytes) ||
           fflush (stdout) != 0)
    {
      g_printerr ("careline-server settlement: %s\n", g_strerror (errno));
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
