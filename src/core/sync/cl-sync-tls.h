#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The desk's HTTP sessions and whom they trust.
 *
 * Without a CA file the server's certificate must be trusted by the
 * system (the CA store of the operating system, as for any HTTPS site).
 * With a CA file (PEM: the hospital's own CA, or the server's
 * self-signed certificate itself) only what it holds is trusted, and
 * the system store is not asked: a hospital that runs its own CA pins
 * it.  A certificate that neither trusts is refused; nobody is ever
 * asked to accept one.  A CA file that cannot be read is an error, not
 * a fall-back to the system. */
SoupSession *cl_sync_tls_session_new (const char  *ca_file,
                                      guint        timeout_s,
                                      GError     **error);

G_END_DECLS
