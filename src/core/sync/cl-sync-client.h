#pragma once

#include <gio/gio.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* The desktop side of sync (README, "Working with a server"): pushes
 * the outbox in order, pulls the change feed, listens to /api/v1/events for nudges,
 * and retries with backoff.  All network and SQLite work runs off the
 * main thread; properties change and signals are emitted in the main
 * context the client was made in. */

typedef enum
{
  CL_SYNC_STATE_DISABLED,   /* no server configured: local store only */
  CL_SYNC_STATE_OFFLINE,    /* server unreachable; retrying */
  CL_SYNC_STATE_SYNCING,    /* a push or pull is under way */
  CL_SYNC_STATE_ONLINE,     /* in step with the server */
  CL_SYNC_STATE_AUTH_NEEDED,/* no valid session: log in */
} ClSyncState;

#define CL_TYPE_SYNC_STATE (cl_sync_state_get_type ())
GType cl_sync_state_get_type (void) G_GNUC_CONST;

#define CL_TYPE_SYNC_CLIENT (cl_sync_client_get_type ())
G_DECLARE_FINAL_TYPE (CLSyncClient, cl_sync_client, CL, SYNC_CLIENT, GObject)

CLSyncClient *cl_sync_client_new            (CLStore        *store);

/* "http://host:port" or "https://…"; NULL or "" disables sync. */
void          cl_sync_client_set_server_url (CLSyncClient   *self,
                                             const char     *url);
const char   *cl_sync_client_get_server_url (CLSyncClient   *self);

/* Whom to trust over HTTPS (cl-sync-tls.h): NULL for the system's CA
 * store, or a PEM file with the hospital's CA (or the server's own
 * self-signed certificate), which is then the only one trusted. */
void          cl_sync_client_set_ca_file    (CLSyncClient   *self,
                                             const char     *path);
const char   *cl_sync_client_get_ca_file    (CLSyncClient   *self);

/* POST /api/v1/session.  On success the token is kept in memory only
 * (never on disk), the store's actor becomes @username, and syncing
 * starts.  Errors: G_IO_ERROR_PERMISSION_DENIED for a wrong password
 * or disabled account (translated message), G_IO_ERROR_* for the
 * network. */
void          cl_sync_client_login_async    (CLSyncClient        *self,
                                             const char          *username,
                                             const char          *password,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      cl_sync_client_login_finish   (CLSyncClient        *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void          cl_sync_client_logout         (CLSyncClient   *self);

const char   *cl_sync_client_get_username   (CLSyncClient   *self);
const char   *cl_sync_client_get_role       (CLSyncClient   *self);

/* Starts an immediate push + pull (also done on every store change and
 * every /events nudge). */
void          cl_sync_client_sync_now       (CLSyncClient   *self);

/* One full round (push everything waiting, pull until nothing is
 * newer) — for tests and the benchmark. */
void          cl_sync_client_sync_async     (CLSyncClient        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      cl_sync_client_sync_finish    (CLSyncClient        *self,
                                             GAsyncResult        *result,
                                             GError             **error);

ClSyncState   cl_sync_client_get_state      (CLSyncClient   *self);
/* Outbox rows not yet acknowledged. */
guint         cl_sync_client_get_n_waiting  (CLSyncClient   *self);
/* Translated text of the last failure, or NULL. */
const char   *cl_sync_client_get_last_error (CLSyncClient   *self);

/* The session token (for the archive's blob transfer, cl-blob-sync.c),
 * or NULL when not logged in.  Free with g_free. */
char         *cl_sync_client_dup_token      (CLSyncClient   *self);

/* Signals:
 *   "rejected" (const char *table, const char *record_id,
 *               const char *reason_code, const char *message):
 *      the server refused a change made here; it has been undone
 *      locally (the server's version, if any, is back in the store).
 *      @message is translated, for the person who made the change.
 * Properties (notify): "state", "n-waiting", "last-error", "username",
 * "role", "server-url". */

G_END_DECLS
