#define G_LOG_DOMAIN "cl-sync-tls"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-sync-tls.h"

SoupSession *
cl_sync_tls_session_new (const char  *ca_file,
                         guint        timeout_s,
                         GError     **error)
{
  g_autoptr(SoupSession) session = NULL;

  session = soup_session_new_with_options ("timeout", timeout_s,
                                           "idle-timeout", 60,
                                           "user-agent", "Careline/" PACKAGE_VERSION " ",
                                           NULL);
  if (ca_file != NULL && *ca_file != '\0')
    {
      g_autoptr(GTlsDatabase) database = NULL;
      g_autoptr(GError) local_error = NULL;

      database = g_tls_file_database_new (ca_file, &local_error);
      if (database == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The server’s certificate authority file “%s” cannot be used: %s"),
                       ca_file, local_error->message);
          return NULL;
        }
      soup_session_set_tls_database (session, database);
    }
  return g_steal_pointer (&session);
}
