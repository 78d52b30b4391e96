#pragma once

#include <gio/gio.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* The HTTP face of careline-server: /api/v1 over libsoup's SoupServer,
 * on top of the rules in core (cl-sync-server.h, cl-accounts.h).  It
 * serves from threads of its own (cl-server-pool.h); the main context
 * it was made in must run too (the store's signals, log-ins). */

/* Request bodies larger than these are refused with 413 before they are
 * read. */
#define CL_SERVER_MAX_JSON_BODY      (8 * 1024 * 1024)
#define CL_SERVER_MAX_DOCUMENT_BODY  (50 * 1024 * 1024)
#define CL_SERVER_MAX_SESSION_BODY   (64 * 1024)
#define CL_SERVER_MAX_LINK_BODY      (16 * 1024)

#define CL_TYPE_SERVER (cl_server_get_type ())
G_DECLARE_FINAL_TYPE (CLServer, cl_server, CL, SERVER, GObject)

/* Documents are kept under @documents_dir (made when needed). */
CLServer *cl_server_new     (CLStore          *store,
                             const char       *documents_dir);

/* The number of threads serving requests (default: the number of
 * CPUs); set before listening. */
void      cl_server_set_threads (CLServer         *self,
                                 guint             n_threads);

/* The address patients' phones reach the server at
 * ("https://careline.example.org/"): links sent to them start with it.
 * Without one, a link starts with the address the desk that asked for
 * it used.  Set before listening. */
void      cl_server_set_public_url    (CLServer         *self,
                                       const char       *public_url);
/* How long a patient's link stays open, in seconds (default
 * CL_PATIENT_LINK_DEFAULT_LIFETIME). */
void      cl_server_set_link_lifetime (CLServer         *self,
                                       gint64            seconds);

/* Listens on "HOST:PORT" (an IP address or localhost; port 0 picks a
 * free one), over TLS when @certificate is given.  Returns the URL it
 * listens on, e.g. "http://127.0.0.1:8765/".  Raises the process's
 * limit of open files first (cl-server-limits.h). */
char     *cl_server_listen  (CLServer         *self,
                             const char       *address,
                             GTlsCertificate  *certificate,
                             GError          **error);

G_END_DECLS
