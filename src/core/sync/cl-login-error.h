#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The error of a user name locked after too many failed log-ins: made
 * by careline-server (cl-login-throttle.h), and at the desk from the
 * server's answer, so that the desk says it in its own language. */

/* How long a name stays locked; the message never says longer. */
#define CL_LOGIN_LOCK_SECONDS    (15 * 60)

#define CL_LOGIN_ERROR (cl_login_error_quark ())
typedef enum
{
  CL_LOGIN_ERROR_LOCKED,
  /* Logged in with a one-time password: choose a new one first
   * (cl_sync_accounts_change_password_async()). */
  CL_LOGIN_ERROR_PASSWORD_CHANGE_REQUIRED,
} ClLoginError;
GQuark   cl_login_error_quark    (void);

/* CL_LOGIN_ERROR_LOCKED, telling the person how long (in minutes) to
 * wait: on the server, and at the desk from the server's Retry-After. */
void     cl_login_set_locked_error (gint64   seconds,
                                    GError **error);

G_END_DECLS
