/* cl-command-gateway.c
 *
 * `careline-server gateway set|show|clear`: the SMS/WeChat gateway the
 * running server sends due reminders through (README, "SMS and WeChat
 * gateway").  The secret is read from a file, so it is never on a
 * command line, in a shell's history or in the audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "cl-commands.h"
#include "cl-gateway-config.h"

static int
usage (const char *message)
{
  g_printerr ("careline-server gateway: %s\n", message);
  return CL_EXIT_USAGE;
}

/* The secret: the file's content without its line end; NULL (and the
 * reason printed) when it cannot be read or is empty. */
static char *
read_secret (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("careline-server gateway: %s\n", error->message);
      return NULL;
    }
  while (length > 0 && (contents[length - 1] == '\n' || contents[length - 1] == '\r'))
    contents[--length] = '\0';
  if (length == 0 || strlen (contents) != length)
    {
      g_printerr (_("careline-server gateway: the secret file “%s” is empty"), path);
      g_printerr ("\n");
      sodium_memzero (contents, length);
      g_free (contents);
      return NULL;
    }
  return contents;
}

static gboolean
url_usable (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_str_equal (g_uri_get_scheme (uri), "http") || g_str_equal (g_uri_get_scheme (uri), "https"));
}

int
cl_command_gateway (int    argc,
                    char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *secret_file = NULL;
  g_autofree char *quiet_hours = NULL;
  g_autofree char *callback_url = NULL;
  gint timeout = CL_GATEWAY_DEFAULT_TIMEOUT;
  gint retries = CL_GATEWAY_DEFAULT_RETRIES;
  gint backoff = CL_GATEWAY_DEFAULT_BACKOFF;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The data file"), N_("PATH") },
    { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &secret_file,
      N_("A file holding the secret that signs the messages (set)"), N_("FILE") },
    { "quiet-hours", 0, 0, G_OPTION_ARG_STRING, &quiet_hours,
      N_("No messages between these local times (default 21:00-08:00), or “off” (set)"), N_("HH:MM-HH:MM") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Seconds the gateway may take to answer (default 30) (set)"), N_("SECONDS") },
    { "retries", 0, 0, G_OPTION_ARG_INT, &retries,
      N_("Retries after a timeout or a 5xx answer before a person is asked to phone (default 4) (set)"), N_("N") },
    { "backoff", 0, 0, G_OPTION_ARG_INT, &backoff,
      N_("Seconds before the first retry, doubling each time (default 60) (set)"), N_("SECONDS") },
    { "callback-url", 0, 0, G_OPTION_ARG_STRING, &callback_url,
      N_("Where the provider reports delivery (default: this server’s address) (set)"), N_("URL") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = g_strdup_printf ("command-line:%s", g_get_user_name ());
  const char *action;

  context = g_option_context_new (_("set URL --secret-file FILE | show | clear"));
  g_option_context_set_summary (context, _(cl_command_find ("gateway")->summary));
  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  careline-server gateway set https://sms.example.org/careline \\\n"
                                      "      --secret-file /etc/careline/gateway.secret --db careline.db"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cl_command_parse_options (context, "gateway", &argc, &argv))
    return CL_EXIT_USAGE;

  action = argc > 1 ? argv[1] : NULL;
  if (action == NULL ||
      !(g_str_equal (action, "set") || g_str_equal (action, "show") || g_str_equal (action, "clear")) ||
      argc != (g_str_equal (action, "set") ? 3 : 2))
    return usage (_("use “gateway set URL --secret-file FILE”, “gateway show” or “gateway clear”"));
  if (db == NULL)
    return cl_command_missing_db ("gateway");

  if (g_str_equal (action, "set"))
    {
      g_autoptr(ClGatewayConfig) config = g_new0 (ClGatewayConfig, 1);

      if (!url_usable (argv[2]))
        return usage (_("the gateway’s URL must be an http:// or https:// address"));
      if (callback_url && !url_usable (callback_url))
        return usage (_("the callback URL must be an http:// or https:// address"));
      if (secret_file == NULL)
        return usage (_("give the secret in a file with --secret-file FILE, never on the command line"));
      if (timeout < 1 || timeout > 600 || retries < 0 || retries > 20 || backoff < 1 || backoff > 86400)
        return usage (_("--timeout is 1 to 600 seconds, --retries 0 to 20 and --backoff 1 to 86400 seconds"));
      config->quiet_hours = g_strdup (quiet_hours ? quiet_hours : CL_GATEWAY_DEFAULT_QUIET_HOURS);
      if (!cl_gateway_parse_quiet_hours (config->quiet_hours, &config->quiet_start, &config->quiet_end, &error))
        return usage (error->message);
      config->secret = read_secret (secret_file);
      if (config->secret == NULL)
        return EXIT_FAILURE;
      config->url = g_strdup (argv[2]);
      config->callback_url = g_strdup (callback_url);
      config->timeout = timeout;
      config->retries = retries;
      config->backoff = backoff;

      if (!(store = cl_command_open_existing_store ("gateway", db)))
        return EXIT_FAILURE;
      if (!cl_gateway_config_save (store, config, actor, "gateway-set", &error))
        {
          g_printerr ("careline-server gateway: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print (_("SMS and WeChat reminders now go to %s"), config->url);
      g_print ("\n");
      return EXIT_SUCCESS;
    }

  if (!(store = cl_command_open_existing_store ("gateway", db)))
    return EXIT_FAILURE;

  if (g_str_equal (action, "clear"))
    {
      if (!cl_gateway_config_save (store, NULL, actor, "gateway-clear", &error))
        {
          g_printerr ("careline-server gateway: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print (_("No gateway: SMS and WeChat reminders stay on the worklist for a person"));
      g_print ("\n");
      return EXIT_SUCCESS;
    }

  {
    g_autoptr(ClGatewayConfig) config = cl_gateway_config_load (store, &error);

    if (error)
      {
        g_printerr ("careline-server gateway: %s\n", error->message);
        return EXIT_FAILURE;
      }
    if (config == NULL)
      {
        g_print (_("No gateway: SMS and WeChat reminders stay on the worklist for a person"));
        g_print ("\n");
        return EXIT_SUCCESS;
      }
    /* Never the secret. */
    g_print ("url: %s\n", config->url);
    g_print ("quiet-hours: %s\n", config->quiet_hours);
    g_print ("timeout: %u\n", config->timeout);
    g_print ("retries: %u\n", config->retries);
    g_print ("backoff: %u\n", config->backoff);
    g_print ("callback-url: %s\n", config->callback_url ? config->callback_url : "-");
  }
  return EXIT_SUCCESS;
}
