#pragma once

#include <libsoup/soup.h>

#include "cl-sync-client.h"
#include "cl-sync-http.h"

G_BEGIN_DECLS

/* What the files of the sync client share (cl-sync-client.c, the
 * object; cl-sync-worker.c, its thread and rounds; cl-sync-push.c,
 * cl-sync-pull.c, cl-sync-events.c): private to core. */

#define BACKOFF_MIN_MS   1000
#define HTTP_TIMEOUT_S   30

/* The worker: one thread with its own GMainContext, where the
 * SoupSession and the event socket live (a SoupSession belongs to the
 * context it was made in).  It never touches the CLSyncClient object:
 * everything it reports is posted to the client's context, which
 * looks the client up there.  That way the last reference to the
 * client can never be dropped on the worker thread (its dispose joins
 * the worker). */
typedef struct
{
  gatomicrefcount ref_count;

  /* set once */
  CLStore      *store;
  GMainContext *client_context;
  GMainContext *context;
  GMainLoop    *loop;
  GCancellable *cancellable;

  /* client context only */
  CLSyncClient *client;          /* borrowed; cleared by its dispose */

  /* under mutex */
  GMutex        mutex;
  char         *url;
  char         *token;
  char         *ca_file;
  gboolean      session_stale;        /* ca_file changed */

  /* atomic: rounds begun, so sync_async knows which round covers it */
  gint          rounds_started;

  /* worker thread only */
  SoupSession  *session;
  GError       *tls_error;            /* the CA file cannot be used */
  SoupWebsocketConnection *events;
  gboolean      events_connecting;
  guint         events_failures;
  gint64        events_next_attempt;  /* monotonic µs */
  GSource      *round_source;
  gint64        round_due;            /* monotonic µs */
  ClSyncState   state;
  char         *last_error;
  guint         backoff_ms;
  gboolean      stopping;
  gboolean      snapshots;            /* an empty desk starts from one */
} Worker;

Worker   *cl_sync_worker_new             (CLStore      *store,
                                          CLSyncClient *client);
Worker   *cl_sync_worker_ref             (Worker       *w);
void      cl_sync_worker_unref           (Worker       *w);
/* Starts the worker's thread, which holds a reference of its own. */
GThread  *cl_sync_worker_start           (Worker       *w);
/* Cancels what is under way, stops the thread and waits for it. */
void      cl_sync_worker_stop            (Worker       *w,
                                          GThread      *thread);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Worker, cl_sync_worker_unref)

/* Client's thread: asks the worker for a round after @delay_ms
 * (@force: even while backing off); @reset after the server or the
 * session changed; @logout_token, if given, is ended on the server
 * first. */
void      cl_sync_worker_wake            (Worker       *w,
                                          guint         delay_ms,
                                          gboolean      force,
                                          gboolean      reset,
                                          const char   *logout_token);

/* Worker thread: runs a round after @delay_ms unless one is due sooner
 * (see cl-sync-worker.c). */
void      cl_sync_worker_schedule_round  (Worker       *w,
                                          guint         delay_ms,
                                          gboolean      force);

/* Reports from the worker, handled in the client's context
 * (cl-sync-client.c). */
typedef enum
{
  POST_STATE,
  POST_N_WAITING,
  POST_REJECTED,
  POST_ROUND_DONE,
} PostKind;

typedef struct
{
  Worker     *worker;
  PostKind    kind;
  ClSyncState state;
  guint       n;
  char       *text;      /* last error, or the rejection message */
  char       *table;
  char       *record_id;
  char       *reason;
  GError     *error;
} Post;

/* Hands @p (taking it) to the client's context. */
void      cl_sync_post                   (Worker       *w,
                                          Post         *p);
/* Sends the state and the last error; @error NULL clears it. */
void      cl_sync_worker_set_state       (Worker       *w,
                                          ClSyncState   state,
                                          const char   *error);
void      cl_sync_worker_post_n_waiting  (Worker       *w);
void      cl_sync_worker_post_round_done (Worker       *w,
                                          guint         round,
                                          const GError *error);

/* The halves of a round (cl-sync-push.c, cl-sync-pull.c), on the
 * worker thread. */
gboolean  cl_sync_push_all               (Worker       *w,
                                          const char   *url,
                                          const char   *token,
                                          GError      **error);
/* Fills an empty desk from the server's snapshot (cl-sync-snapshot.c);
 * does nothing when the desk is not empty, the server has none, or its
 * file cannot be read, leaving it all to the feed. */
gboolean  cl_sync_snapshot_pull          (Worker       *w,
                                          const char   *url,
                                          const char   *token,
                                          GError      **error);
gboolean  cl_sync_pull_all               (Worker       *w,
                                          const char   *url,
                                          const char   *token,
                                          GError      **error);

/* The event socket (cl-sync-events.c), on the worker thread. */
void      cl_sync_events_ensure          (Worker       *w,
                                          const char   *url,
                                          const char   *token);
void      cl_sync_events_close           (Worker       *w);

/* How many rounds the client's worker has started: for the tests that
 * check a burst of saves is pushed in a few rounds. */
guint     cl_sync_client_get_rounds_started (CLSyncClient *self);

G_END_DECLS
