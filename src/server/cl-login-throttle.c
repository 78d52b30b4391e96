/* cl-login-throttle.c
 *
 * Failed log-ins per user name (cl-login-throttle.h): the rule; the
 * login_failure table's statements are in cl-store-accounts.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-accounts"

#include "config.h"

#include "cl-login-throttle.h"
#include "cl-store-accounts.h"

gboolean
cl_login_throttle_locked_until (CLStore     *store,
                                const char  *username,
                                gint64       now,
                                gint64      *until,
                                GError     **error)
{
  gint64 locked_until;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *until = 0;
  if (!cl_store_login_locked_until (store, username, &locked_until, error))
    return FALSE;
  if (locked_until > now)
    *until = locked_until;
  return TRUE;
}

gboolean
cl_login_throttle_failed (CLStore     *store,
                          const char  *username,
                          gint64       now,
                          gint64      *until,
                          GError     **error)
{
  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  /* A failure after the window (or after a lock ran out) starts a new
   * count; the one that makes CL_LOGIN_MAX_FAILURES locks. */
  return cl_store_login_failed (store, username, now, CL_LOGIN_WINDOW_SECONDS,
                                CL_LOGIN_LOCK_SECONDS, CL_LOGIN_MAX_FAILURES, until, error);
}

gboolean
cl_login_throttle_clear (CLStore     *store,
                         const char  *username,
                         gint64       now,
                         gboolean    *was_locked,
                         GError     **error)
{
  gint64 until = 0;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);

  *was_locked = FALSE;
  if (!cl_store_login_clear (store, username, &until, error))
    return FALSE;
  *was_locked = until > now;
  return TRUE;
}
