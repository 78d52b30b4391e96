/* cl-login-error.c
 *
 * The error of a locked user name (cl-login-error.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-login-error.h"

G_DEFINE_QUARK (cl-login-error-quark, cl_login_error)

void
cl_login_set_locked_error (gint64   seconds,
                           GError **error)
{
  int minutes = (int) CLAMP ((seconds + 59) / 60, 1, CL_LOGIN_LOCK_SECONDS / 60);

  g_set_error (error, CL_LOGIN_ERROR, CL_LOGIN_ERROR_LOCKED,
               g_dngettext (GETTEXT_PACKAGE,
                            "Too many failed log-ins with this user name: try again in %d minute, or ask an administrator to unlock it",
                            "Too many failed log-ins with this user name: try again in %d minutes, or ask an administrator to unlock it",
                            minutes), minutes);
}
