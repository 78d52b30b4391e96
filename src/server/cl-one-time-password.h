#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* Log-ins made by an administrator at a desk (README, "Log-ins"): a
 * one-time password, shown once, that only lets its holder choose
 * their own.  Only its argon2id hash is kept.  Errors are G_IO_ERROR_*
 * with translated messages. */

/* How long a one-time password is, in characters. */
#define CL_ONE_TIME_PASSWORD_LENGTH 12

/* A random password (libsodium) of letters and digits that are hard
 * to mistake for one another: no 0, O, o, 1, l or I. */
char     *cl_one_time_password_new        (void);

/* A log-in for the live, active staff row @staff_id, as its user name,
 * with its first role, and a one-time password (set in @password);
 * audited as by @actor with @actor_role.  G_IO_ERROR_NOT_FOUND without
 * such a row, G_IO_ERROR_INVALID_ARGUMENT for a row without a user
 * name or deactivated, G_IO_ERROR_EXISTS when the name has a log-in. */
gboolean  cl_one_time_create_login        (CLStore     *store,
                                           const char  *staff_id,
                                           const char  *actor,
                                           const char  *actor_role,
                                           char       **username,
                                           char       **password,
                                           GError     **error);

/* A new one-time password for @username (set in @password); the
 * sessions it had end.  Audited.  G_IO_ERROR_NOT_FOUND without such
 * an account. */
gboolean  cl_one_time_reset_password      (CLStore     *store,
                                           const char  *username,
                                           const char  *actor,
                                           const char  *actor_role,
                                           char       **password,
                                           GError     **error);

/* @username chooses @new_password, proving @current_password.  On
 * success their password need no longer be changed, so the session
 * that asked becomes a full one.  G_IO_ERROR_PERMISSION_DENIED for a
 * wrong @current_password; G_IO_ERROR_INVALID_ARGUMENT with
 * @field_errors ("new_password" → message, cl-password.h) when the new
 * one breaks a rule.  Audited (never the password). */
gboolean  cl_one_time_change_password     (CLStore      *store,
                                           const char   *username,
                                           const char   *role,
                                           const char   *current_password,
                                           const char   *new_password,
                                           GHashTable  **field_errors,
                                           GError      **error);

G_END_DECLS
