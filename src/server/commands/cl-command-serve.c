/* cl-command-serve.c
 *
 * `careline-server serve`: opens the data file and serves the API
 * until SIGINT or SIGTERM.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "careline-server"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cl-commands.h"
#include "cl-enrolment-store.h"
#include "cl-gateway.h"
#include "cl-hl7-listener.h"
#include "cl-server.h"
#include "cl-store-lock.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
cl_command_serve (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *hospital = NULL;
  g_autofree char *vendor = NULL;
  g_autofree char *public_url = NULL;
  gint threads = 0;
  gint link_days = 0;
  gint hl7_port = -1;
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
    { "hospital", 0, 0, G_OPTION_ARG_STRING, &hospital,
      N_("The hospital's name on open months' statements"), N_("HOSPITAL") },
    { "vendor", 0, 0, G_OPTION_ARG_STRING, &vendor,
      N_("The vendor's name on open months' statements"), N_("VENDOR") },
    { "public-url", 0, 0, G_OPTION_ARG_STRING, &public_url,
      N_("The address patients' phones reach this server at; their links start with it"), N_("URL") },
    { "link-days", 0, 0, G_OPTION_ARG_INT, &link_days,
      N_("Days a patient's link stays open (default 7)"), N_("DAYS") },
    { "hl7-port", 0, 0, G_OPTION_ARG_INT, &hl7_port,
      N_("Take the hospital system's discharges as HL7 v2 ADT^A03 messages over MLLP on this port, on the --listen address (off unless given; 0 picks a free one)"),
      N_("PORT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CLStore) store = NULL;
  g_autoptr(CLServer) server = NULL;
  g_autoptr(CLGateway) gateway = NULL;
  g_autoptr(CLHl7Listener) hl7 = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *url = NULL;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _(cl_command_find ("serve")->summary));
  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  careline-server serve --db /var/lib/careline/careline.db --listen 0.0.0.0:8765 \\\n"
                                      "      --tls-cert server.pem --tls-key server.key"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cl_command_parse_options (context, "serve", &argc, &argv))
    return CL_EXIT_USAGE;

  if (argc > 1 && !g_str_equal (argv[1], "serve"))
    return cl_command_unexpected_argument ("serve", argv[1]);
  if (db == NULL)
    return cl_command_missing_db ("serve");
  if ((tls_cert == NULL) != (tls_key == NULL))
    {
      g_printerr (_("careline-server serve: give both --tls-cert and --tls-key, or neither"));
      g_printerr ("\n");
      return CL_EXIT_USAGE;
    }
  if (threads < 0 || threads > 256)
    {
      g_printerr (_("careline-server serve: --threads must be from 1 to 256"));
      g_printerr ("\n");
      return CL_EXIT_USAGE;
    }

  if (link_days < 0 || link_days > 90)
    {
      g_printerr (_("careline-server serve: --link-days must be from 1 to 90"));
      g_printerr ("\n");
      return CL_EXIT_USAGE;
    }
  if (hl7_port < -1 || hl7_port > 65535)
    {
      g_printerr (_("careline-server serve: --hl7-port must be from 0 to 65535"));
      g_printerr ("\n");
      return CL_EXIT_USAGE;
    }
  if (public_url)
    {
      g_autoptr(GUri) uri = g_uri_parse (public_url, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
          (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0) ||
          g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
        {
          g_printerr (_("careline-server serve: --public-url must be an http or https address such as https://careline.example.org/"));
          g_printerr ("\n");
          return CL_EXIT_USAGE;
        }
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
  cl_enrolment_store_set_parties (store, hospital, vendor);

  dir = g_path_get_dirname (db);
  documents = g_build_filename (dir, "documents", NULL);
  server = cl_server_new (store, documents);
  if (threads > 0)
    cl_server_set_threads (server, threads);
  cl_server_set_public_url (server, public_url);
  if (link_days > 0)
    cl_server_set_link_lifetime (server, (gint64) link_days * 24 * 60 * 60);
  /* For tests only: a lifetime in seconds, to see a link expire. */
  if (g_getenv ("CARELINE_TEST_LINK_SECONDS"))
    cl_server_set_link_lifetime (server, MAX (1, g_ascii_strtoll (g_getenv ("CARELINE_TEST_LINK_SECONDS"), NULL, 10)));
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

  /* Discharges from the hospital system, when a port is given. */
  if (hl7_port >= 0)
    {
      g_autofree char *host = g_strdup (listen ? listen : "127.0.0.1:8765");
      g_autofree char *hl7_address = NULL;
      char *colon = strrchr (host, ':');

      if (colon)
        *colon = '\0';
      g_strdelimit (host, "[]", ' ');
      g_strstrip (host);
      hl7 = cl_hl7_listener_new (store, server);
      /* For tests only: a connection's idle time in seconds. */
      if (g_getenv ("CARELINE_TEST_HL7_IDLE_SECONDS"))
        cl_hl7_listener_set_idle_seconds (hl7, MAX (1, g_ascii_strtoll (g_getenv ("CARELINE_TEST_HL7_IDLE_SECONDS"),
                                                                          NULL, 10)));
      hl7_address = cl_hl7_listener_listen (hl7, host, hl7_port, &error);
      if (hl7_address == NULL)
        {
          g_printerr ("careline-server serve: --hl7-port: %s\n", error->message);
          return EXIT_FAILURE;
        }
      /* Scripts and tests read this line to learn the port. */
      g_print (_("HL7 listener (MLLP) on %s"), hl7_address);
      g_print ("\n");
      fflush (stdout);
    }

  /* SMS and WeChat reminders, while a gateway is configured
   * (careline-server gateway set). */
  gateway = cl_gateway_new (store, server, url);
  cl_gateway_start (gateway);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  cl_gateway_stop (gateway);
  if (hl7)
    cl_hl7_listener_stop (hl7);
  return EXIT_SUCCESS;
}
