#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <stdlib.h>

#include "cl-demo-data.h"
#include "cl-patient-store.h"
#include "cl-store.h"

/* Exit codes: 0 done, 1 the work failed, 2 the command line was wrong
 * (what scripts and systemd units can tell apart). */
#define EXIT_USAGE 2

/* Demo data is for trying Careline out; a million patients is already
 * far beyond any one hospital, so larger numbers are typing mistakes. */
#define MAX_DEMO_PATIENTS 1000000

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;  /* N_(), translated when shown */
} Command;

static int demo_data_command (int argc, char **argv);

/* Subcommands in the order --help lists them.  `serve` (the default
 * when the first argument is an option), `user add/list/disable` and
 * `audit` are added here as they are written. */
static const Command commands[] = {
  { "demo-data", demo_data_command,
    N_("Fill a new data file with realistic demo patients and staff") },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static void
print_usage (gboolean to_stderr)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));

  g_string_append_printf (text, "%s\n  careline-server %s\n\n%s\n",
                          _("Usage:"),
                          _("COMMAND [OPTION…]"),
                          _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
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

/* Parses a subcommand's options; prints the problem and returns FALSE
 * on a bad command line. */
static gboolean
parse_options (GOptionContext  *context,
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

static int
demo_data_command (int    argc,
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
  g_option_context_set_summary (context, _(find_command ("demo-data")->summary));
  g_option_context_set_description (context,
                                    _("Demo data is added only to a data file without patients, and is never sent to a server.\n"
                                      "Example:\n"
                                      "  careline-server demo-data --db demo.db --patients 10000"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "demo-data", &argc, &argv))
    return EXIT_USAGE;

  if (argc > 1)
    {
      g_printerr (_("careline-server demo-data: unexpected argument “%s”"), argv[1]);
      g_printerr ("\n");
      return EXIT_USAGE;
    }
  if (db == NULL)
    {
      g_printerr (_("careline-server demo-data: give the data file with --db PATH"));
      g_printerr ("\n");
      return EXIT_USAGE;
    }
  if (patients < 1 || patients > MAX_DEMO_PATIENTS)
    {
      g_printerr (_("careline-server demo-data: give the number of patients with --patients N (1 to %d)"),
                  MAX_DEMO_PATIENTS);
      g_printerr ("\n");
      return EXIT_USAGE;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr (_("careline-server demo-data: the seed must be between 0 and %u"), G_MAXUINT32);
      g_printerr ("\n");
      return EXIT_USAGE;
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

int
main (int    argc,
      char **argv)
{
  const Command *command;
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("careline-server");

  if (argc < 2)
    {
      print_usage (TRUE);
      return EXIT_USAGE;
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

  /* DESIGN.md runs the server as `careline-server --db … --listen …`:
   * options without a command mean `serve`, once it exists. */
  command = name[0] == '-' ? find_command ("serve") : find_command (name);
  if (command == NULL)
    {
      if (name[0] == '-')
        g_printerr (_("careline-server: a command is needed before “%s”."), name);
      else
        g_printerr (_("careline-server: unknown command “%s”."), name);
      g_printerr (" ");
      g_printerr (_("Run “careline-server --help” to see the commands."));
      g_printerr ("\n");
      return EXIT_USAGE;
    }

  /* The command sees its own name as argv[0], like a program of its
   * own; `serve` reached through an option sees all of them. */
  if (name[0] == '-')
    return command->run (argc, argv);
  return command->run (argc - 1, argv + 1);
}
