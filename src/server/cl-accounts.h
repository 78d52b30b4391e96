#pragma once

#include "cl-store-accounts.h"
#include "cl-store-reader.h"

G_BEGIN_DECLS

/* Log-in accounts and bearer sessions of careline-server (README,
 * "Server").  Passwords are kept as libsodium argon2id strings, session
 * tokens only as their SHA-256.  Errors are G_IO_ERROR_* with
 * translated messages. */

/* Sessions last a working shift. */
#define CL_SESSION_SECONDS (12 * 60 * 60)

/* TRUE for a role Careline knows (admin, case_manager, …). */
gboolean    cl_accounts_role_valid   (const char  *role);

/* 1 to 64 ASCII letters, digits, dots, dashes or underscores. */
gboolean    cl_accounts_username_valid (const char *username);

/* @password as an argon2id string, or NULL with
 * G_IO_ERROR_INVALID_ARGUMENT (empty, too long).  Slow on purpose. */
char       *cl_accounts_hash_password  (const char  *password,
                                        GError     **error);
/* Whether @password is the one @hash was made from.  Slow on purpose. */
gboolean    cl_accounts_verify_password (const char *hash,
                                         const char *password);

/* ClAccount (cl-store-accounts.h), by name. */
GPtrArray  *cl_accounts_list         (CLStore     *store,
                                      GError     **error);

/* Disables the account and ends its sessions, audited as @actor (an
 * administrator); G_IO_ERROR_NOT_FOUND for an unknown name, and
 * G_IO_ERROR_PERMISSION_DENIED for the last administrator's account
 * that is not disabled. */
gboolean    cl_accounts_disable      (CLStore     *store,
                                      const char  *username,
                                      const char  *actor,
                                      GError     **error);

/* Checks the password and starts a session.  Returns the token (hex)
 * and sets @role and @expires_at.  A wrong password, an unknown or a
 * disabled account all give the same G_IO_ERROR_PERMISSION_DENIED, so
 * the answer does not tell which names exist.  Slow on purpose
 * (argon2id): call it off the main thread. */
char       *cl_accounts_login        (CLStore     *store,
                                      const char  *username,
                                      const char  *password,
                                      char       **role,
                                      gint64      *expires_at,
                                      GError     **error);

/* The account of a live session, or FALSE. */
gboolean    cl_accounts_check_token  (CLStore     *store,
                                      const char  *token,
                                      char       **username,
                                      char       **role);

/* The same on a read connection of the caller's own (the server's
 * threads have one each). */
gboolean    cl_accounts_check_token_on (CLStoreReader  *reader,
                                        const char     *token,
                                        char          **username,
                                        char          **role);

/* Any live session of an account that is not disabled, including one
 * whose one-time password must still be changed (@must_change). */
gboolean    cl_accounts_check_token_any (CLStore     *store,
                                         const char  *token,
                                         char       **username,
                                         char       **role,
                                         gboolean    *must_change);

void        cl_accounts_logout       (CLStore     *store,
                                      const char  *token);

G_END_DECLS
