#pragma once

#include "cl-store-private.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* Log-in accounts and bearer sessions of careline-server (DESIGN.md,
 * "Server").  Passwords are kept as libsodium argon2id strings, session
 * tokens only as their SHA-256.  Errors are G_IO_ERROR_* with
 * translated messages. */

/* Sessions last a working shift. */
#define CL_SESSION_SECONDS (12 * 60 * 60)

typedef struct
{
  char    *username;
  char    *role;
  gboolean disabled;
  gint64   created_at;
  gint64   locked_until;   /* too many failed log-ins (cl-login-throttle.h); 0 if not */
} ClAccount;

void        cl_account_free          (ClAccount   *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAccount, cl_account_free)

/* TRUE for a role Careline knows (admin, case_manager, …). */
gboolean    cl_accounts_role_valid   (const char  *role);

/* G_IO_ERROR_EXISTS for a taken name, G_IO_ERROR_INVALID_ARGUMENT for
 * a bad name, role or an empty password. */
gboolean    cl_accounts_add          (CLStore     *store,
                                      const char  *username,
                                      const char  *password,
                                      const char  *role,
                                      GError     **error);

/* ClAccount, by name. */
GPtrArray  *cl_accounts_list         (CLStore     *store,
                                      GError     **error);

/* Disables the account and ends its sessions; G_IO_ERROR_NOT_FOUND for
 * an unknown name. */
gboolean    cl_accounts_disable      (CLStore     *store,
                                      const char  *username,
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
 * threads have one each), with the statement kept in *@cache (finalize
 * it with the connection). */
gboolean    cl_accounts_check_token_on (sqlite3       *db,
                                        sqlite3_stmt **cache,
                                        const char    *token,
                                        char         **username,
                                        char         **role);

void        cl_accounts_logout       (CLStore     *store,
                                      const char  *token);

G_END_DECLS
