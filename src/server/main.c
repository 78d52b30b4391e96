#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <termios.h>
#include <unistd.h>

#include "cl-accounts.h"
#include "cl-backup.h"
#include "cl-demo-data.h"
#include "cl-login-throttle.h"
#include "cl-patient-store.h"
#include "cl-pdf-check.h"
#include "cl-server.h"
#include "cl-staff.h"
#include "cl-store-lock.h"
#include "cl-store.h"
#include "cl-sync-server.h"

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

static int serve_command (int argc, char **argv);
static int user_command (int argc, char **argv);
static int audit_command (int argc, char **argv);
static int demo_data_command (int argc, char **argv);
static int backup_command (int argc, char **argv);

/* Subcommands in the order --help lists them.  `serve` is also the
 * default when the first argument is an option. */
static const Command commands[] = {
  { "serve", serve_command,
    N_("Serve the Careline API to the desktops") },
  { "user", user_command,
    N_("Add, list, disable or unlock log-in accounts (user add|list|disable|unlock)") },
  { "audit", audit_command,
    N_("Print the audit log") },
  { "backup", backup_command,
    N_("Copy the data file and the report files of a running server to a folder") },
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

/* A command line that parsed but is not usable: says why, as
 * "careline-server COMMAND: MESSAGE", like parse_options() does. */
static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("careline-server %s: %s\n", command, message);
  return EXIT_USAGE;
}

static int
unexpected_argument (const char *command,
                     const char *argument)
{
  g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argument);

  return usage_error (command, message);
}

static int
missing_db (const char *command)
{
  return usage_error (command, _("give the data file with --db PATH"));
}

/* Opens the data file of a command that must not create one. */
static CLStore *
open_existing_store (const char *command,
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

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static int
serve_command (int    argc,
               char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  gint threads = 0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The data file (created if it does not exist)"), N_("PATH") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
      N_("Address and port to listen on (default 127.0.0.1:8765; port 0 picks a free one)"),
      N_("HOST:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert,
      N_("PEM certificate for HTTPS"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key,
      N_("PEM private key for HTTPS"), N_("FILE") },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads,
      N_("Threads serving requests (default: one per CPU)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *url = NULL;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _(find_command ("serve")->summary));
  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  careline-server serve --db /var/lib/careline/careline.db --listen 0.0.0.0:8765 \\\n"
                                      "      --tls-cert server.pem --tls-key server.key"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "serve", &argc, &argv))
    return EXIT_USAGE;

  if (argc > 1 && !g_str_equal (argv[1], "serve"))
    return unexpected_argument ("serve", argv[1]);
  if (db == NULL)
    return missing_db ("serve");
  if ((tls_cert == NULL) != (tls_key == NULL))
    {
      g_printerr (_("careline-server serve: give both --tls-cert and --tls-key, or neither"));
      g_printerr ("\n");
      return EXIT_USAGE;
    }
  if (threads < 0 || threads > 256)
    {
      g_printerr (_("careline-server serve: --threads must be from 1 to 256"));
      g_printerr ("\n");
      return EXIT_USAGE;
    }

  if (tls_cert)
    {
      certificate = g_tls_certificate_new_from_files (tls_cert, tls_key, &error);
      if (certificate == NULL)
        {
          g_printerr ("careline-server serve: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  /* Held until exit: a backup sees that this store is live. */
  if (cl_store_lock_serve (db, &error) < 0)
    {
      g_printerr ("careline-server serve: %s\n", error->message);
      return EXIT_FAILURE;
    }
  store = cl_store_open (db, &error);
  if (store == NULL)
    {
      g_printerr ("careline-server serve: %s\n", error->message);
      return EXIT_FAILURE;
    }
  cl_store_set_actor (store, "careline-server");

  dir = g_path_get_dirname (db);
  documents = g_build_filename (dir, "documents", NULL);
  server = cl_server_new (store, documents);
  if (threads > 0)
    cl_server_set_threads (server, threads);
  url = cl_server_listen (server, listen ? listen : "127.0.0.1:8765", certificate, &error);
  if (url == NULL)
    {
      g_printerr ("careline-server serve: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* Scripts and tests read this line to learn the port. */
  g_print (_("Careline server listening on %s"), url);
  g_print ("\n");
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  return EXIT_SUCCESS;
}

/* One line from stdin, without its line end; NULL at end of input.
 * The echo is turned off when a person types it. */
static char *
read_password (void)
{
  char buffer[2048];
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char *line;

  if (tty)
    {
      g_printerr (_("Password: "));
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  line = fgets (buffer, sizeof buffer, stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  if (line == NULL)
    return NULL;
  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);
  return line;
}

static int
user_command (int    argc,
              char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *role = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The data file"), N_("PATH") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("Role of a new user: admin, case_manager, escort, vip_steward, service_desk or finance"),
      N_("ROLE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;

  context = g_option_context_new (_("add NAME --role ROLE | list | disable NAME | unlock NAME"));
  g_option_context_set_summary (context, _(find_command ("user")->summary));
  g_option_context_set_description (context,
                                    _("“user add” reads the password from the first line of standard input.\n"
                                      "Example:\n"
                                      "  echo 'secret' | careline-server user add wang --role case_manager --db careline.db"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "user", &argc, &argv))
    return EXIT_USAGE;

  action = argc > 1 ? argv[1] : NULL;
  if (action == NULL ||
      !(g_str_equal (action, "add") || g_str_equal (action, "list") || g_str_equal (action, "disable") ||
        g_str_equal (action, "unlock")) ||
      argc != (g_str_equal (action, "list") ? 2 : 3))
    {
      g_printerr (_("careline-server user: use “user add NAME --role ROLE”, “user list”, “user disable NAME” or “user unlock NAME”"));
      g_printerr ("\n");
      return EXIT_USAGE;
    }
  if (db == NULL)
    return missing_db ("user");

  if (g_str_equal (action, "add"))
    {
      g_autofree char *password = NULL;

      if (!cl_accounts_role_valid (role))
        {
          g_autofree char *roles = g_strjoinv (", ", (char **) cl_staff_roles ());

          g_printerr (_("careline-server user add: give a role with --role (%s)"), roles);
          g_printerr ("\n");
          return EXIT_USAGE;
        }
      password = read_password ();
      if (password == NULL || *password == '\0')
        {
          g_printerr (_("careline-server user add: the password (one line on standard input) must not be empty"));
          g_printerr ("\n");
          return EXIT_USAGE;
        }
      store = cl_store_open (db, &error);
      if (store == NULL || !cl_accounts_add (store, argv[2], password, role, &error))
        {
          g_printerr ("careline-server user add: %s\n", error->message);
          return EXIT_FAILURE;
        }
      memset (password, 0, strlen (password));
      g_print (_("Added user “%s” (%s)"), argv[2], role);
      g_print ("\n");
    }
  else if (g_str_equal (action, "list"))
    {
      g_autoptr(GPtrArray) accounts = NULL;

      if (!(store = open_existing_store ("user list", db)))
        return EXIT_FAILURE;
      accounts = cl_accounts_list (store, &error);
      if (accounts == NULL)
        {
          g_printerr ("careline-server user list: %s\n", error->message);
          return EXIT_FAILURE;
        }
      for (guint i = 0; i < accounts->len; i++)
        {
          ClAccount *account = g_ptr_array_index (accounts, i);
          g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (account->created_at);
          g_autofree char *when = g_date_time_format (created, "%Y-%m-%d %H:%M");

          g_autofree char *locked = NULL;

          if (account->locked_until > 0)
            {
              g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (account->locked_until);
              g_autofree char *time = g_date_time_format (until, "%H:%M");

              /* Translators: an account refused after too many failed log-ins */
              locked = g_strdup_printf (C_("account", "locked until %s"), time);
            }
          g_print ("%-20s %-14s %-9s %s%s%s\n", account->username, account->role,
                   account->disabled ? C_("account", "disabled") : C_("account", "active"), when,
                   locked ? "  " : "", locked ? locked : "");
        }
    }
  else if (g_str_equal (action, "unlock"))
    {
      gboolean was_locked = FALSE;

      if (!(store = open_existing_store ("user unlock", db)))
        return EXIT_FAILURE;
      if (!cl_login_throttle_clear (store, argv[2], g_get_real_time () / G_USEC_PER_SEC, &was_locked, &error))
        {
          g_printerr ("careline-server user unlock: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print (was_locked ? _("Unlocked user “%s”") : _("User “%s” was not locked; their failed log-ins are forgotten"),
               argv[2]);
      g_print ("\n");
    }
  else
    {
      if (!(store = open_existing_store ("user disable", db)))
        return EXIT_FAILURE;
      if (!cl_accounts_disable (store, argv[2], &error))
        {
          g_printerr ("careline-server user disable: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print (_("Disabled user “%s” and ended their sessions"), argv[2]);
      g_print ("\n");
    }

  return EXIT_SUCCESS;
}

static const char *
or_dash (JsonObject *line,
         const char *name)
{
  const char *text = json_object_get_string_member_with_default (line, name, NULL);

  return text && *text ? text : "-";
}

static int
audit_command (int    argc,
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
  g_option_context_set_summary (context, _(find_command ("audit")->summary));
  g_option_context_set_description (context,
                                    _("One line per event, oldest first, separated by tabs: time, user, role, action, table, record, patient, status, detail."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "audit", &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return unexpected_argument ("audit", argv[1]);
  if (db == NULL)
    return missing_db ("audit");

  if (!(store = open_existing_store ("audit", db)))
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

static int
backup_command (int    argc,
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
  g_option_context_set_summary (context, _(find_command ("backup")->summary));
  g_option_context_set_description (context,
                                    _("The server may keep running. The folder then holds careline.db and documents/, "
                                      "which `careline-server serve --db DIR/careline.db` serves as they are; "
                                      "backing up into the same folder again copies only new report files.\n"
                                      "Example:\n"
                                      "  careline-server backup --db /srv/careline/careline.db --to /backup/careline"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "backup", &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return unexpected_argument ("backup", argv[1]);
  if (db == NULL)
    return missing_db ("backup");
  if (to == NULL)
    {
      g_printerr ("%s\n", _("careline-server backup: give the backup folder with --to DIR"));
      return EXIT_USAGE;
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
    return unexpected_argument ("demo-data", argv[1]);
  if (db == NULL)
    return missing_db ("demo-data");
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

  /* Not listed: the server runs it on uploads (cl-pdf-check.h). */
  if (g_str_equal (name, "check-pdf"))
    return cl_pdf_check_main (argc - 1, argv + 1);

  /* `careline-server --db … --listen …`, the form that came before the
   * commands, still serves: options without a command mean `serve`. */
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
