#pragma once

#include "cl-login-error.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Failed log-ins per user name, on the server: after
 * CL_LOGIN_MAX_FAILURES within CL_LOGIN_WINDOW_SECONDS the name is
 * refused for CL_LOGIN_LOCK_SECONDS whatever the password, so a
 * password cannot be guessed by trying (the "login failure handling"
 * hospital security reviews ask for).  Counted for any name, known or
 * not, so that the answer does not tell which accounts exist.  Kept in
 * the store (cl-store-accounts.h), so a restart does not reset a lock. */

#define CL_LOGIN_MAX_FAILURES    5
#define CL_LOGIN_WINDOW_SECONDS  (15 * 60)

/* The instant (UTC seconds) until which @username is refused, or 0. */
gboolean cl_login_throttle_locked_until (CLStore     *store,
                                         const char  *username,
                                         gint64       now,
                                         gint64      *until,
                                         GError     **error);

/* Counts a failed log-in of @username at @now; sets @until when this
 * one locks the name (else 0). */
gboolean cl_login_throttle_failed       (CLStore     *store,
                                         const char  *username,
                                         gint64       now,
                                         gint64      *until,
                                         GError     **error);

/* Forgets @username's failures (a good log-in, or an administrator
 * unlocking it).  Sets @was_locked when it was locked at @now. */
gboolean cl_login_throttle_clear        (CLStore     *store,
                                         const char  *username,
                                         gint64       now,
                                         gboolean    *was_locked,
                                         GError     **error);

G_END_DECLS
