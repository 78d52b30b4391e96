/* cl-command-demo-data.c
 *
 * `careline-server demo-data`: fills a data file without patients
 * with demo patients and staff (src/demo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cl-commands.h"
#include "cl-demo-data.h"
#include "cl-patient-store.h"

/* Demo data is for trying Careline out; a million patients is already
 * far beyond any one hospital, so larger numbers are typing mistakes. */
#define MAX_DEMO_PATIENTS 1000000

int
cl_command_demo_data (int    argc,
                      char **argv)
{
  g_autofree char *db = NULL;
  gint patients = 0;
  gint64 seed = 1;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The data file to create or fill"), N_("PATH") },
    { "patients", 0, 0, G_OPTION_ARG_INT, &patients,
      N_("How many patients to create"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the random generator: the same seed on the same day gives the same data (default 1)"),
      N_("S") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff_before = NULL;
  g_autoptr(GPtrArray) staff_after = NULL;
  gint64 existing, start;
  guint n_staff;
  double seconds;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _(cl_command_find ("demo-data")->summary));
  g_option_context_set_description (context,
                                    _("Demo data is added only to a data file without patients, and is never sent to a server.\n"
                                      "Example:\n"
                                      "  careline-server demo-data --db demo.db --patients 10000"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cl_command_parse_options (context, "demo-data", &argc, &argv))
    return CL_EXIT_USAGE;

  if (argc > 1)
    return cl_command_unexpected_argument ("demo-data", argv[1]);
  if (db == NULL)
    return cl_command_missing_db ("demo-data");
  if (patients < 1 || patients > MAX_DEMO_PATIENTS)
    {
      g_printerr (_("careline-server demo-data: give the number of patients with --patients N (1 to %d)"),
                  MAX_DEMO_PATIENTS);
      g_printerr ("\n");
      return CL_EXIT_USAGE;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr (_("careline-server demo-data: the seed must be between 0 and %u"), G_MAXUINT32);
      g_printerr ("\n");
      return CL_EXIT_USAGE;
    }

  store = cl_store_open (db, &error);
  if (store == NULL)
    {
      g_printerr ("careline-server demo-data: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* Made-up patients mixed into real ones could be mistaken for them
   * (and treated); so demo data only ever goes into an empty file. */
  existing = cl_patient_store_count (store);
  if (existing > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "careline-server demo-data: “%s” already holds %" G_GINT64_FORMAT " patient; demo data is only added to a data file without patients.",
                               "careline-server demo-data: “%s” already holds %" G_GINT64_FORMAT " patients; demo data is only added to a data file without patients.",
                               existing),
                  db, existing);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  cl_store_set_actor (store, "demo-data");
  staff_before = cl_patient_store_list_staff (store, NULL);

  start = g_get_monotonic_time ();
  if (!cl_demo_data_generate (store, patients, (guint32) seed, &error))
    {
      g_printerr ("careline-server demo-data: %s\n", error->message);
      return EXIT_FAILURE;
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  staff_after = cl_patient_store_list_staff (store, NULL);
  n_staff = staff_after->len - staff_before->len;

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Created %d patient and %u staff in %s (%.1f s)",
                        "Created %d patients and %u staff in %s (%.1f s)",
                        patients),
           patients, n_staff, db, seconds);
  g_print ("\n");

  return EXIT_SUCCESS;
}
