/* cl-sync-worker.c
 *
 * The sync worker (cl-sync-client-private.h): its thread and lifetime,
 * the round (push, then pull) with its scheduling and backoff, the
 * state it reports to the client, and the requests the client sends
 * it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-sync-client"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-sync-client-private.h"
#include "cl-sync-tls.h"
#include "cl-util.h"

#define PERIODIC_MS      (30 * 1000)
/* Without the event socket nothing nudges us; poll more often. */
#define PERIODIC_NO_EVENTS_MS (5 * 1000)
#define BACKOFF_MAX_MS   (60 * 1000)

/* ------------------------------------------------------------------ */
/* Lifetime                                                            */

static gpointer worker_thread (gpointer data);

Worker *
cl_sync_worker_new (CLStore      *store,
                    CLSyncClient *client)
{
  Worker *w = g_new0 (Worker, 1);

  g_atomic_ref_count_init (&w->ref_count);
  g_mutex_init (&w->mutex);
  w->store = g_object_ref (store);
  w->client = client;
  w->client_context = g_main_context_ref_thread_default ();
  w->context = g_main_context_new ();
  w->loop = g_main_loop_new (w->context, FALSE);
  w->cancellable = g_cancellable_new ();
  w->state = CL_SYNC_STATE_DISABLED;
  w->backoff_ms = BACKOFF_MIN_MS;
  /* CARELINE_SYNC_SNAPSHOT=0 makes an empty desk replay the whole
   * change feed instead (for comparing the two, and as a way round a
   * snapshot that cannot be loaded). */
  w->snapshots = g_strcmp0 (g_getenv ("CARELINE_SYNC_SNAPSHOT"), "0") != 0;
  return w;
}

Worker *
cl_sync_worker_ref (Worker *w)
{
  g_atomic_ref_count_inc (&w->ref_count);
  return w;
}

void
cl_sync_worker_unref (Worker *w)
{
  if (!g_atomic_ref_count_dec (&w->ref_count))
    return;

  g_assert (w->session == NULL && w->events == NULL && w->round_source == NULL);
  g_clear_object (&w->store);
  g_clear_object (&w->cancellable);
  g_clear_pointer (&w->loop, g_main_loop_unref);
  g_clear_pointer (&w->context, g_main_context_unref);
  g_clear_pointer (&w->client_context, g_main_context_unref);
  g_clear_pointer (&w->url, g_free);
  g_clear_pointer (&w->token, g_free);
  g_clear_pointer (&w->ca_file, g_free);
  g_clear_pointer (&w->last_error, g_free);
  g_mutex_clear (&w->mutex);
  g_free (w);
}

/* Sends the state and the last error; @error NULL clears it. */
void
cl_sync_worker_set_state (Worker      *w,
                          ClSyncState  state,
                          const char  *error)
{
  Post *p;

  if (w->state == state && g_strcmp0 (w->last_error, error) == 0)
    return;
  w->state = state;
  cl_set_str (&w->last_error, error);

  p = g_new0 (Post, 1);
  p->kind = POST_STATE;
  p->state = state;
  p->text = g_strdup (error);
  cl_sync_post (w, p);
}

void
cl_sync_worker_post_n_waiting (Worker *w)
{
  Post *p = g_new0 (Post, 1);

  p->kind = POST_N_WAITING;
  p->n = (guint) cl_store_count_outbox (w->store);
  cl_sync_post (w, p);
}

void
cl_sync_worker_post_round_done (Worker       *w,
                                guint         round,
                                const GError *error)
{
  Post *p = g_new0 (Post, 1);

  p->kind = POST_ROUND_DONE;
  p->n = round;
  p->error = error ? g_error_copy (error) : NULL;
  cl_sync_post (w, p);
}

/* ------------------------------------------------------------------ */
/* The round: push, then pull                                          */

/* (Re)makes the session with the trust the CA file asks for
 * (cl-sync-tls.h).  When the file cannot be used, rounds fail with
 * that error rather than trust the system's store instead. */
static void
renew_session (Worker *w)
{
  g_autofree char *ca_file = NULL;

  g_mutex_lock (&w->mutex);
  ca_file = g_strdup (w->ca_file);
  w->session_stale = FALSE;
  g_mutex_unlock (&w->mutex);

  if (w->session)
    {
      cl_sync_events_close (w);
      soup_session_abort (w->session);
      g_clear_object (&w->session);
    }
  g_clear_error (&w->tls_error);
  w->session = cl_sync_tls_session_new (ca_file, HTTP_TIMEOUT_S, &w->tls_error);
  if (w->session == NULL)
    w->session = cl_sync_tls_session_new (NULL, HTTP_TIMEOUT_S, NULL);
}

static void
run_round (Worker *w)
{
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  guint round;

  round = (guint) g_atomic_int_add (&w->rounds_started, 1) + 1;

  g_mutex_lock (&w->mutex);
  url = g_strdup (w->url);
  token = g_strdup (w->token);
  if (w->session_stale)
    {
      g_mutex_unlock (&w->mutex);
      renew_session (w);
    }
  else
    g_mutex_unlock (&w->mutex);

  if (cl_str_empty (url))
    {
      cl_sync_events_close (w);
      cl_sync_worker_set_state (w, CL_SYNC_STATE_DISABLED, NULL);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           _("No server is set up; changes stay on this computer"));
      cl_sync_worker_post_round_done (w, round, error);
      return;
    }

  if (token == NULL)
    {
      cl_sync_events_close (w);
      cl_sync_worker_set_state (w, CL_SYNC_STATE_AUTH_NEEDED, w->last_error);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Log in to sync with the server"));
      cl_sync_worker_post_round_done (w, round, error);
      return;
    }

  if (w->tls_error)
    error = g_error_copy (w->tls_error);

  if (error == NULL &&
      cl_sync_push_all (w, url, token, &error) &&
      cl_sync_pull_all (w, url, token, &error))
    {
      w->backoff_ms = BACKOFF_MIN_MS;
      cl_sync_worker_set_state (w, CL_SYNC_STATE_ONLINE, NULL);
      cl_sync_worker_post_n_waiting (w);
      cl_sync_events_ensure (w, url, token);
      cl_sync_worker_schedule_round (w, w->events ? PERIODIC_MS : PERIODIC_NO_EVENTS_MS, TRUE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Shutting down. */
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      /* The token is dead: forget it (unless a new log-in replaced it
       * meanwhile) and wait for the person to log in again. */
      g_mutex_lock (&w->mutex);
      if (g_strcmp0 (w->token, token) == 0)
        g_clear_pointer (&w->token, g_free);
      g_mutex_unlock (&w->mutex);
      cl_sync_events_close (w);
      cl_sync_worker_set_state (w, CL_SYNC_STATE_AUTH_NEEDED, error->message);
    }
  else
    {
      guint delay = w->backoff_ms;

      g_debug ("sync round failed: %s", error->message);
      /* Jitter, so that desks cut off together do not come back in step. */
      delay += g_random_int_range (0, delay / 4 + 1);
      w->backoff_ms = MIN (w->backoff_ms * 2, BACKOFF_MAX_MS);
      cl_sync_events_close (w);
      cl_sync_worker_set_state (w, CL_SYNC_STATE_OFFLINE, error->message);
      cl_sync_worker_post_n_waiting (w);
      cl_sync_worker_schedule_round (w, delay, TRUE);
    }

  cl_sync_worker_post_round_done (w, round, error);
}

static gboolean
round_cb (gpointer data)
{
  Worker *w = data;

  g_clear_pointer (&w->round_source, g_source_unref);
  if (!w->stopping)
    run_round (w);
  return G_SOURCE_REMOVE;
}

/* Runs a round after @delay_ms unless one is due sooner.  While
 * offline only @force (a person asking, or the backoff timer itself)
 * may bring the next attempt forward. */
void
cl_sync_worker_schedule_round (Worker   *w,
                               guint     delay_ms,
                               gboolean  force)
{
  gint64 due = g_get_monotonic_time () + (gint64) delay_ms * 1000;

  if (w->stopping)
    return;
  if (w->state == CL_SYNC_STATE_OFFLINE && !force && w->round_source != NULL)
    return;
  if (w->round_source != NULL)
    {
      if (w->round_due <= due)
        return;
      g_source_destroy (w->round_source);
      g_clear_pointer (&w->round_source, g_source_unref);
    }

  w->round_due = due;
  w->round_source = g_timeout_source_new (delay_ms);
  g_source_set_name (w->round_source, "[careline] sync round");
  g_source_set_callback (w->round_source, round_cb, w, NULL);
  g_source_attach (w->round_source, w->context);
}

/* ------------------------------------------------------------------ */
/* Requests from the client's thread                                   */

typedef struct
{
  Worker   *worker;
  guint     delay_ms;
  gboolean  force;
  gboolean  reset;   /* the server or the session changed */
  char     *logout_token;
} Wake;

static void
wake_free (gpointer data)
{
  Wake *wake = data;

  cl_sync_worker_unref (wake->worker);
  g_free (wake->logout_token);
  g_free (wake);
}

static gboolean
wake_cb (gpointer data)
{
  Wake *wake = data;
  Worker *w = wake->worker;

  if (w->stopping)
    return G_SOURCE_REMOVE;

  if (wake->reset)
    {
      cl_sync_events_close (w);
      w->events_failures = 0;
      w->events_next_attempt = 0;
      w->backoff_ms = BACKOFF_MIN_MS;
    }

  if (wake->logout_token)
    {
      g_autofree char *url = NULL;

      g_mutex_lock (&w->mutex);
      url = g_strdup (w->url);
      g_mutex_unlock (&w->mutex);

      /* Best effort: the token is forgotten here either way, and the
       * server lets it expire if it never hears this. */
      if (!cl_str_empty (url) && w->session)
        {
          g_autofree char *session_url = cl_sync_join_url (url, "/api/v1/session");
          g_autoptr(JsonNode) reply = NULL;
          guint status = 0;

          cl_sync_http_call (w->session, session_url, "DELETE", wake->logout_token, NULL,
                             w->cancellable, &status, &reply, NULL);
        }
    }

  cl_sync_worker_schedule_round (w, wake->delay_ms, wake->force);
  return G_SOURCE_REMOVE;
}

void
cl_sync_worker_wake (Worker     *w,
                     guint       delay_ms,
                     gboolean    force,
                     gboolean    reset,
                     const char *logout_token)
{
  Wake *wake = g_new0 (Wake, 1);

  wake->worker = cl_sync_worker_ref (w);
  wake->delay_ms = delay_ms;
  wake->force = force;
  wake->reset = reset;
  wake->logout_token = g_strdup (logout_token);
  g_main_context_invoke_full (w->context, G_PRIORITY_DEFAULT, wake_cb, wake, wake_free);
}

static gboolean
quit_cb (gpointer data)
{
  Worker *w = data;

  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;

  g_main_context_push_thread_default (w->context);

  renew_session (w);
  g_main_loop_run (w->loop);
  w->stopping = TRUE;

  /* Let a pending connect come back (cancelled) so it drops its
   * reference, then let go of everything made in this context. */
  g_cancellable_cancel (w->cancellable);
  while (w->events_connecting)
    g_main_context_iteration (w->context, TRUE);
  cl_sync_events_close (w);
  if (w->round_source)
    {
      g_source_destroy (w->round_source);
      g_clear_pointer (&w->round_source, g_source_unref);
    }
  soup_session_abort (w->session);
  g_clear_object (&w->session);
  g_clear_error (&w->tls_error);
  while (g_main_context_pending (w->context))
    g_main_context_iteration (w->context, FALSE);

  g_main_context_pop_thread_default (w->context);
  cl_sync_worker_unref (w);
  return NULL;
}

GThread *
cl_sync_worker_start (Worker *w)
{
  return g_thread_new ("careline-sync", worker_thread, cl_sync_worker_ref (w));
}

void
cl_sync_worker_stop (Worker  *w,
                     GThread *thread)
{
  g_cancellable_cancel (w->cancellable);
  g_main_context_invoke (w->context, quit_cb, w);
  g_thread_join (thread);
}
