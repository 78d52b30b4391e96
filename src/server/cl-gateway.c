/* cl-gateway.c
 *
 * The sender of careline-server's SMS/WeChat gateway (cl-gateway.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-gateway"

#include "config.h"

#include <libsoup/soup.h>

#include "cl-followup-record.h"
#include "cl-followup-rules.h"
#include "cl-gateway-config.h"
#include "cl-gateway-message.h"
#include "cl-gateway-record.h"
#include "cl-gateway.h"
#include "cl-patient-link.h"
#include "cl-patient.h"
#include "cl-server-private.h"
#include "cl-store-gateway.h"
#include "cl-util.h"

/* How often the sender looks for due items and for retries whose time
 * has come, in seconds. */
#define QUEUE_EVERY 10
#define WAKE_EVERY  1
/* Items queued per look. */
#define QUEUE_BATCH 200

struct _CLGateway
{
  GObject parent_instance;

  /* owned */
  CLStore      *store;
  CLServer     *server;
  char         *callback_url;
  char         *link_base;    /* her link's address starts with it */
  GCancellable *cancellable;
  GThread      *thread;
  GMutex        lock;
  GCond         cond;
  gboolean      stopping;
};

G_DEFINE_FINAL_TYPE (CLGateway, cl_gateway, G_TYPE_OBJECT)

static void
nudge (CLGateway *self,
       gint64     rev)
{
  if (self->server && rev > 0)
    cl_server_broadcast_rev (self->server, rev);
}

static gboolean
stopping (CLGateway *self)
{
  gboolean stop;

  g_mutex_lock (&self->lock);
  stop = self->stopping;
  g_mutex_unlock (&self->lock);
  return stop;
}

static const char *
callback_url (CLGateway             *self,
              const ClGatewayConfig *config)
{
  return config->callback_url ? config->callback_url : self->callback_url;
}

/* A scale item's message carries her link, so she fills the scale on
 * her phone (README, "Her link"): issued here, bound to the item, so
 * her answer marks it done.  NULL for any other item, or when the link
 * cannot be made (then the text alone goes, and the item stays hers to
 * follow up). */
static char *
scale_link_for (CLGateway        *self,
                CLFollowupRecord *item)
{
  /* Her page judges expiry by the real clock, not the gateway's test
   * clock (CARELINE_GATEWAY_NOW). */
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const CLFollowupRule *rule;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  gint64 expires_at = 0;
  gint64 lifetime;

  if (g_strcmp0 (cl_followup_record_get_kind (item), "scale") != 0 || self->link_base == NULL)
    return NULL;
  if (cl_followup_record_get_rule_id (item))
    rule = cl_followup_rules_lookup (cl_followup_rules_in_force (), cl_followup_record_get_rule_id (item));
  else
    rule = NULL;
  if (rule == NULL || rule->scale_id == NULL)
    return NULL;
  lifetime = self->server && self->server->link_lifetime > 0 ? self->server->link_lifetime
                                                             : CL_PATIENT_LINK_DEFAULT_LIFETIME;
  if (!cl_patient_link_issue (self->store, cl_followup_record_get_patient_id (item), CL_PATIENT_LINK_FORM_SCALE,
                              rule->scale_id, cl_record_get_id (CL_RECORD (item)), "gateway", now, lifetime,
                              &token, &expires_at, &error))
    {
      g_warning ("Could not make a link for follow-up item %s: %s",
                 cl_record_get_id (CL_RECORD (item)), error->message);
      return NULL;
    }
  return cl_patient_link_url (self->link_base, token);
}

/* Queues a message for each open SMS/WeChat item due by today. */
static void
queue_due_items (CLGateway             *self,
                 const ClGatewayConfig *config,
                 gint64                 now)
{
  g_autofree char *today = cl_gateway_local_date (now);
  g_autoptr(GPtrArray) items = cl_store_gateway_unqueued_items (self->store, today, QUEUE_BATCH);

  for (guint i = 0; items && i < items->len && !stopping (self); i++)
    {
      CLFollowupRecord *item = g_ptr_array_index (items, i);
      const char *patient_id = cl_followup_record_get_patient_id (item);
      g_autoptr(CLPatient) patient = NULL;
      g_autoptr(ClGatewayMessage) message = g_new0 (ClGatewayMessage, 1);
      g_autoptr(GError) error = NULL;
      const char *status = "queued";
      const char *detail = NULL;
      gint64 rev = 0;

      patient = CL_PATIENT (cl_store_load_record (self->store, CL_TYPE_PATIENT, patient_id, NULL));
      message->id = g_uuid_string_random ();
      message->followup_item_id = g_strdup (cl_record_get_id (CL_RECORD (item)));
      message->due_date = g_strdup (cl_followup_record_get_due_date (item));
      message->next_at = now;
      if (patient && !cl_str_empty (cl_patient_get_phone (patient)))
        {
          g_autofree char *link = scale_link_for (self, item);

          message->body = cl_gateway_message_compose (item, patient, message->id, callback_url (self, config), link);
          message->state = g_strdup ("queued");
        }
      else
        {
          /* Nothing to send to: a person must reach her. */
          message->body = g_strdup ("");
          message->state = g_strdup ("failed");
          message->last_error = g_strdup ("no mobile number");
          status = "failed";
          detail = message->last_error;
        }
      if (!cl_gateway_record (self->store, message, TRUE, patient_id, cl_followup_record_get_channel (item),
                              status, detail, CL_GATEWAY_ITEM_KEEP, now, &rev, &error))
        {
          g_warning ("Could not queue a message for follow-up item %s: %s",
                     message->followup_item_id, error->message);
          continue;
        }
      nudge (self, rev);
    }
}

/* POSTs @message; the HTTP status, or 0 with @error for no answer. */
static guint
post (CLGateway             *self,
      SoupSession           *session,
      const ClGatewayConfig *config,
      ClGatewayMessage      *message,
      GError               **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", config->url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *signature = NULL;
  SoupMessageHeaders *headers;

  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "the gateway URL is not usable");
      return 0;
    }
  body = g_bytes_new (message->body, strlen (message->body));
  signature = cl_gateway_sign (config->secret ? config->secret : "", message->body, strlen (message->body));
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "X-Careline-Signature", signature);
  soup_message_headers_replace (headers, "Idempotency-Key", message->id);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_session_set_timeout (session, config->timeout);
  answer = soup_session_send_and_read (session, msg, self->cancellable, error);
  if (answer == NULL)
    return 0;
  return soup_message_get_status (msg);
}

/* Posts one message whose time has come and records what came of it. */
static void
send_one (CLGateway             *self,
          SoupSession           *session,
          const ClGatewayConfig *config,
          ClGatewayMessage      *message)
{
  g_autoptr(CLFollowupRecord) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) post_error = NULL;
  g_autofree char *why = NULL;
  gint64 now = cl_gateway_now ();
  gint64 rev = 0;
  guint status;

  item = CL_FOLLOWUP_RECORD (cl_store_load_record (self->store, CL_TYPE_FOLLOWUP_RECORD,
                                                   message->followup_item_id, NULL));
  /* A person dealt with it meanwhile, or moved it to another day (that
   * day gets its own message). */
  if (item == NULL || !cl_followup_record_is_open (item) ||
      g_strcmp0 (cl_followup_record_get_due_date (item), message->due_date) != 0)
    {
      g_free (message->state);
      message->state = g_strdup ("cancelled");
      if (!cl_gateway_record (self->store, message, FALSE, NULL, NULL, "cancelled", NULL,
                              CL_GATEWAY_ITEM_KEEP, now, &rev, &error))
        g_warning ("Could not cancel message %s: %s", message->id, error->message);
      nudge (self, rev);
      return;
    }

  /* On disk before the POST: after a crash from here on, the message is
   * posted again under the same key, never forgotten. */
  g_free (message->state);
  message->state = g_strdup ("sending");
  message->attempts++;
  if (!cl_store_gateway_update (self->store, message, now, &error))
    {
      g_warning ("Could not mark message %s as sending: %s", message->id, error->message);
      return;
    }

  status = post (self, session, config, message, &post_error);
  /* Stopped mid-POST: it stays "sending", for the next start. */
  if (status == 0 && g_error_matches (post_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  now = cl_gateway_now ();

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(ClGatewayMessage) stored = cl_store_gateway_find (self->store, message->id, NULL);
      /* The provider's callback may have come first. */
      gboolean delivered = stored && g_strcmp0 (stored->state, "delivered") == 0;

      g_free (message->state);
      message->state = g_strdup (delivered ? "delivered" : "sent");
      g_clear_pointer (&message->last_error, g_free);
      /* A scale's link: the item stays open until she answers there. */
      if (!cl_gateway_record (self->store, message, FALSE, NULL, NULL, message->state, NULL,
                              cl_gateway_message_has_link (message->body) ? CL_GATEWAY_ITEM_KEEP
                                                                          : CL_GATEWAY_ITEM_DONE,
                              now, &rev, &error))
        g_warning ("Could not record message %s as sent: %s", message->id, error->message);
      nudge (self, rev);
      return;
    }

  why = status ? g_strdup_printf ("HTTP %u", status) : g_strdup (post_error->message);
  g_free (message->last_error);
  message->last_error = g_strdup (why);
  /* No answer or the provider's own failure: try again later.  Any
   * other answer (4xx) says this message will never be taken. */
  if ((status == 0 || (status >= 500 && status <= 599)) && message->attempts <= (gint) config->retries)
    {
      g_free (message->state);
      message->state = g_strdup ("queued");
      message->next_at = now + cl_gateway_backoff (config, message->attempts);
      g_message ("Message %s not sent (%s); retrying in %" G_GINT64_FORMAT " s",
                 message->id, why, message->next_at - now);
      if (!cl_store_gateway_update (self->store, message, now, &error))
        g_warning ("Could not queue message %s again: %s", message->id, error->message);
      return;
    }

  g_message ("Message %s failed after %d attempts (%s)", message->id, message->attempts, why);
  g_free (message->state);
  message->state = g_strdup ("failed");
  if (!cl_gateway_record (self->store, message, FALSE, NULL, NULL, "failed", why,
                          CL_GATEWAY_ITEM_KEEP, now, &rev, &error))
    g_warning ("Could not record message %s as failed: %s", message->id, error->message);
  nudge (self, rev);
}

static gpointer
run (gpointer data)
{
  CLGateway *self = data;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  gint64 next_queue = 0;

  /* The session's sync calls run in this thread's own context. */
  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("user-agent", "careline-server", NULL);

  while (!stopping (self))
    {
      g_autoptr(ClGatewayConfig) config = NULL;
      g_autoptr(GError) error = NULL;
      gint64 now = cl_gateway_now ();

      config = cl_gateway_config_load (self->store, &error);
      if (error)
        g_warning ("Could not read the gateway's settings: %s", error->message);
      if (config && !cl_gateway_in_quiet_hours (config, now))
        {
          if (g_get_monotonic_time () >= next_queue)
            {
              queue_due_items (self, config, now);
              next_queue = g_get_monotonic_time () + QUEUE_EVERY * G_USEC_PER_SEC;
            }
          while (!stopping (self))
            {
              g_autoptr(ClGatewayMessage) message = NULL;

              now = cl_gateway_now ();
              if (cl_gateway_in_quiet_hours (config, now))
                break;
              message = cl_store_gateway_next_ready (self->store, now, &error);
              if (message == NULL)
                break;
              send_one (self, session, config, message);
            }
          if (error)
            g_warning ("Could not read the gateway's queue: %s", error->message);
        }

      g_mutex_lock (&self->lock);
      if (!self->stopping)
        g_cond_wait_until (&self->cond, &self->lock, g_get_monotonic_time () + WAKE_EVERY * G_USEC_PER_SEC);
      g_mutex_unlock (&self->lock);
    }

  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
cl_gateway_dispose (GObject *object)
{
  CLGateway *self = CL_GATEWAY (object);

  cl_gateway_stop (self);
  g_clear_object (&self->store);
  g_clear_object (&self->server);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cl_gateway_parent_class)->dispose (object);
}

static void
cl_gateway_finalize (GObject *object)
{
  CLGateway *self = CL_GATEWAY (object);

  g_free (self->callback_url);
  g_free (self->link_base);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (cl_gateway_parent_class)->finalize (object);
}

static void
cl_gateway_class_init (CLGatewayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_gateway_dispose;
  object_class->finalize = cl_gateway_finalize;
}

static void
cl_gateway_init (CLGateway *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->cancellable = g_cancellable_new ();
}

CLGateway *
cl_gateway_new (CLStore    *store,
                CLServer   *server,
                const char *server_url)
{
  CLGateway *self;
  const char *slash;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  self = g_object_new (CL_TYPE_GATEWAY, NULL);
  self->store = g_object_ref (store);
  self->server = server ? g_object_ref (server) : NULL;
  slash = g_str_has_suffix (server_url, "/") ? "" : "/";
  self->callback_url = g_strconcat (server_url, slash, "api/v1/gateway/callback", NULL);
  /* Her phone reaches the public address; without one, the server's own,
   * as links asked for at a desk without one. */
  self->link_base = g_strdup (server && server->public_url ? server->public_url : server_url);
  return self;
}

void
cl_gateway_start (CLGateway *self)
{
  g_return_if_fail (CL_IS_GATEWAY (self));
  g_return_if_fail (self->thread == NULL);

  self->stopping = FALSE;
  self->thread = g_thread_new ("cl-gateway", run, self);
}

void
cl_gateway_stop (CLGateway *self)
{
  g_return_if_fail (CL_IS_GATEWAY (self));

  if (self->thread == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->thread, g_thread_join);
}
