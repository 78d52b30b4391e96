#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The statements behind setting and changing a log-in's password
 * (careline-server's one-time passwords, README "Log-ins"): what they
 * mean is src/server's; these are the statements. */

/* Inside a transaction: a new account with @password_hash whose
 * password must be changed at its first log-in when @must_change.
 * CL_STORE_ERROR_CONFLICT when @username is taken. */
gboolean  cl_store_insert_account        (CLStore     *store,
                                          const char  *username,
                                          const char  *password_hash,
                                          const char  *role,
                                          gint64       created_at,
                                          gboolean     must_change,
                                          GError     **error);

/* Inside a transaction (or alone): replaces the password hash of
 * @username and whether it must be changed; @found says whether there
 * was such an account. */
gboolean  cl_store_set_account_password  (CLStore     *store,
                                          const char  *username,
                                          const char  *password_hash,
                                          gboolean     must_change,
                                          gboolean    *found,
                                          GError     **error);

/* Whether @username's password must be changed before anything else;
 * FALSE without such an account. */
gboolean  cl_store_account_must_change   (CLStore     *store,
                                          const char  *username);

/* The account of a live session with @token_hash whose account is not
 * disabled, whether or not its password must be changed, which
 * @must_change tells. */
gboolean  cl_store_find_session          (CLStore     *store,
                                          const char  *token_hash,
                                          gint64       now,
                                          char       **username,
                                          char       **role,
                                          gboolean    *must_change);

G_END_DECLS
