#pragma once

#include "cl-store.h"
#include "cl-store-reader.h"

G_BEGIN_DECLS

/* The server's account tables: log-in accounts, sessions, failed
 * log-ins and the audit log.  What they mean (password hashing, how
 * long a session lasts, when a name is locked, what is audited) is
 * careline-server's (src/server); these are the statements. */

/* ------------------------------------------------------------------ */
/* Accounts                                                            */

typedef struct
{
  char    *username;
  char    *role;
  gboolean disabled;
  gint64   created_at;
  gint64   locked_until;   /* too many failed log-ins (cl-login-throttle.h); 0 if not */
} ClAccount;

void      cl_account_free                (ClAccount   *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAccount, cl_account_free)

/* A new account: cl_store_insert_account() (cl-store-passwords.h). */

/* ClAccount, by name, with the instant their name's lock ends (which
 * may be past). */
GPtrArray *cl_store_list_accounts        (CLStore     *store,
                                          GError     **error);

/* Inside a transaction: marks the account disabled; @found says
 * whether there was one. */
gboolean  cl_store_disable_account       (CLStore     *store,
                                          const char  *username,
                                          gboolean    *found,
                                          GError     **error);

/* Inside a transaction: lets a disabled account log in again (its
 * person made active again in the Staff window); @found as above. */
gboolean  cl_store_enable_account        (CLStore     *store,
                                          const char  *username,
                                          gboolean    *found,
                                          GError     **error);

/* Inside a transaction: gives the account @role (its staff row's log-in
 * role changed); @found as above. */
gboolean  cl_store_set_account_role      (CLStore     *store,
                                          const char  *username,
                                          const char  *role,
                                          gboolean    *found,
                                          GError     **error);

/* How many accounts that are not disabled have @role, besides
 * @except_username (may be NULL). */
gboolean  cl_store_count_enabled_accounts (CLStore    *store,
                                           const char *role,
                                           const char *except_username,
                                           guint      *count,
                                           GError    **error);

/* The stored password hash, role and state of @username; FALSE
 * without an account (or on an error, which is not told). */
gboolean  cl_store_get_account           (CLStore     *store,
                                          const char  *username,
                                          char       **password_hash,
                                          char       **role,
                                          gboolean    *disabled,
                                          GError     **error);

/* ------------------------------------------------------------------ */
/* Sessions                                                            */

/* Removes the sessions that ended by @now.  FALSE (with @error) only
 * when the statement cannot be made: a removal that fails is tried
 * again next time. */
gboolean  cl_store_prune_sessions        (CLStore     *store,
                                          gint64       now,
                                          GError     **error);

gboolean  cl_store_add_session           (CLStore     *store,
                                          const char  *token_hash,
                                          const char  *username,
                                          const char  *role,
                                          gint64       created_at,
                                          gint64       expires_at,
                                          GError     **error);

/* The name and current role of the account whose session has
 * @token_hash, unless the session ended by @now or the account is
 * disabled. */
gboolean  cl_store_check_session         (CLStore     *store,
                                          const char  *token_hash,
                                          gint64       now,
                                          char       **username,
                                          char       **role);
/* The same on a thread's read connection. */
gboolean  cl_store_reader_check_session  (CLStoreReader *reader,
                                          const char    *token_hash,
                                          gint64         now,
                                          char         **username,
                                          char         **role);

void      cl_store_remove_session        (CLStore     *store,
                                          const char  *token_hash);

/* Inside a transaction: removes every session of @username. */
gboolean  cl_store_remove_sessions_of    (CLStore     *store,
                                          const char  *username,
                                          GError     **error);

/* ------------------------------------------------------------------ */
/* Failed log-ins                                                      */

/* The instant until which @username is locked (0 if never; may be
 * past). */
gboolean  cl_store_login_locked_until    (CLStore     *store,
                                          const char  *username,
                                          gint64      *locked_until,
                                          GError     **error);

/* In a transaction of its own: forgets names not tried since @now -
 * @window_seconds (and not locked), counts a failure of @username at
 * @now (a new count once the window or a lock has run out), and locks
 * it for @lock_seconds when that makes @max_failures.  Sets @until to
 * the lock's end when this failure locked it, else 0. */
gboolean  cl_store_login_failed          (CLStore     *store,
                                          const char  *username,
                                          gint64       now,
                                          gint64       window_seconds,
                                          gint64       lock_seconds,
                                          gint         max_failures,
                                          gint64      *until,
                                          GError     **error);

/* In a transaction of its own: forgets @username's failures; sets
 * @locked_until to the lock's end it had (0 if none). */
gboolean  cl_store_login_clear           (CLStore     *store,
                                          const char  *username,
                                          gint64      *locked_until,
                                          GError     **error);

/* ------------------------------------------------------------------ */
/* The audit log                                                       */

typedef struct
{
  gint64      at;
  const char *username;
  const char *role;
  const char *action;
  const char *table;
  const char *record_id;
  const char *patient_id;
  gint        status;
  const char *detail;
} CLAuditLine;

/* Appends @line; with the store lock held by the caller (inside its
 * transaction, or on its own). */
gboolean  cl_store_append_audit          (CLStore            *store,
                                          const CLAuditLine  *line,
                                          GError            **error);

/* Appends a successful change to an account, now, as
 * cl_store_append_audit(): @actor with @actor_role did @action to the
 * account of record @record_id (may be NULL), told in @detail. */
gboolean  cl_store_audit_account         (CLStore            *store,
                                          const char         *actor,
                                          const char         *actor_role,
                                          const char         *action,
                                          const char         *record_id,
                                          const char         *detail,
                                          GError            **error);

typedef void (*CLAuditLineFunc) (const CLAuditLine *line,
                                 gpointer           user_data);

/* Each line, oldest first; only those about @patient_id unless it is
 * NULL.  The strings are valid during the callback only. */
gboolean  cl_store_read_audit            (CLStore            *store,
                                          const char         *patient_id,
                                          CLAuditLineFunc     func,
                                          gpointer            user_data,
                                          GError            **error);

G_END_DECLS
