#pragma once

#include "cl-sync-client.h"

G_BEGIN_DECLS

/* The desk's side of server log-ins (README, "Log-ins"): an
 * administrator makes a staff member's log-in or resets its password,
 * and a person who logged in with a one-time password chooses their
 * own.  The one-time password comes back once, to be shown once: the
 * desk never stores it.  The network work runs off the main thread. */

typedef enum
{
  CL_SYNC_ACCOUNT_NONE,         /* no log-in yet */
  CL_SYNC_ACCOUNT_ACTIVE,
  CL_SYNC_ACCOUNT_MUST_CHANGE,  /* its one-time password is not changed yet */
  CL_SYNC_ACCOUNT_DISABLED,
} ClSyncAccountState;

/* GET /accounts/@username with the client's session (an administrator's). */
void               cl_sync_accounts_get_async       (CLSyncClient        *client,
                                                     const char          *username,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* The state, or -1 with a translated error. */
int                cl_sync_accounts_get_finish      (CLSyncClient        *client,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* POST /accounts for the staff row @staff_id (which the server must
 * have: push it first). */
void               cl_sync_accounts_create_async    (CLSyncClient        *client,
                                                     const char          *staff_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* POST /accounts/@username/password. */
void               cl_sync_accounts_reset_async     (CLSyncClient        *client,
                                                     const char          *username,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Either's one-time password (free with cl_sync_accounts_free_password()),
 * or NULL with a translated error: G_IO_ERROR_EXISTS when the person
 * already has a log-in. */
char              *cl_sync_accounts_password_finish (CLSyncClient        *client,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* Wipes and frees a password. */
void               cl_sync_accounts_free_password   (char                *password);

/* Logs in as @username with @one_time_password, chooses
 * @new_password (POST /session/password), then logs the client in
 * with it (cl_sync_client_login_async()).  Errors:
 * G_IO_ERROR_INVALID_ARGUMENT (the server's rule, translated),
 * G_IO_ERROR_PERMISSION_DENIED, or the log-in's. */
void               cl_sync_accounts_change_password_async  (CLSyncClient        *client,
                                                            const char          *username,
                                                            const char          *one_time_password,
                                                            const char          *new_password,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean           cl_sync_accounts_change_password_finish (CLSyncClient        *client,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
