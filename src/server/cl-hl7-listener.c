/* cl-hl7-listener.c
 *
 * careline-server's HL7 v2 listener over MLLP (cl-hl7-listener.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-hl7-listener"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cl-discharge-store.h"
#include "cl-hl7-listener.h"
#include "cl-hl7.h"
#include "cl-schedule.h"
#include "cl-server-private.h"
#include "cl-staff.h"
#include "cl-sync-server.h"

struct _CLHl7Listener
{
  GObject parent_instance;

  /* owned */
  CLStore         *store;
  CLServer        *server;
  GSocketService  *service;
  GCancellable    *cancellable;
  guint            idle_seconds;
};

G_DEFINE_FINAL_TYPE (CLHl7Listener, cl_hl7_listener, G_TYPE_OBJECT)

/* ---- one message ------------------------------------------------------ */

static void
audit (CLHl7Listener *self,
       const char    *action,
       const char    *record_id,
       gint           status,
       const char    *detail)
{
  g_autoptr(GError) error = NULL;

  if (!cl_sync_server_audit (self->store, CL_HL7_ACTOR, CL_ROLE_ADMIN, action, "discharge", record_id, NULL,
                             status, detail, &error))
    g_warning ("Could not write the audit line of an HL7 message: %s", error->message);
}

/* The discharge as one change of the server's own apply path. */
static JsonArray *
change_of (CLDischarge *discharge,
           const char  *control_id)
{
  g_autoptr(JsonArray) changes = json_array_new ();
  g_autoptr(JsonNode) data = cl_record_to_json (CL_RECORD (discharge));
  JsonObject *change = json_object_new ();
  g_autofree char *key = g_strconcat ("hl7:", control_id, NULL);

  /* The server sets these. */
  json_object_remove_member (json_node_get_object (data), "rev");
  json_object_remove_member (json_node_get_object (data), "updated_at");
  json_object_remove_member (json_node_get_object (data), "updated_by");
  json_object_set_string_member (change, "key", key);
  json_object_set_string_member (change, "table", "discharge");
  json_object_set_string_member (change, "id", cl_record_get_id (CL_RECORD (discharge)));
  json_object_set_int_member (change, "base_rev", 0);
  json_object_set_string_member (change, "op", "upsert");
  json_object_set_member (change, "data", g_steal_pointer (&data));
  json_array_add_object_element (changes, change);
  return g_steal_pointer (&changes);
}

char *
cl_hl7_listener_handle (CLHl7Listener *self,
                        GBytes        *bytes)
{
  g_autoptr(ClHl7Discharge) message = NULL;
  g_autoptr(CLDischarge) discharge = NULL;
  g_autoptr(JsonArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *existing = NULL;
  gint64 now = cl_schedule_now ();
  gint64 max_rev = 0;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  JsonObject *result;
  const char *status;

  g_return_val_if_fail (CL_IS_HL7_LISTENER (self), NULL);

  if (!cl_hl7_parse_discharge (text, length, &message, &error))
    {
      g_autofree char *detail = g_strdup_printf ("%s: %s", message && message->control_id ? message->control_id : "?",
                                                 error->message);

      audit (self, "hl7-refused", NULL, 400, detail);
      return cl_hl7_ack (message, cl_hl7_ack_code (error->code), cl_hl7_error_code (error->code), error->message, now);
    }

  discharge = cl_discharge_store_from_hl7 (self->store, message, &existing, &error);
  if (existing)
    {
      g_autofree char *detail = g_strdup_printf ("%s: already stored", message->control_id);

      audit (self, "hl7-duplicate", existing, 200, detail);
      return cl_hl7_ack (message, "AA", NULL, NULL, now);
    }
  if (discharge == NULL)
    {
      g_autofree char *detail = g_strdup_printf ("%s: %s", message->control_id, error->message);

      audit (self, "hl7-refused", NULL, 422, detail);
      return cl_hl7_ack (message, "AE", "102", error->message, now);
    }

  /* The server's own rules once more, inside the write transaction:
   * another connection may have stored the same discharge meanwhile. */
  {
    g_autoptr(JsonArray) changes = change_of (discharge, message->control_id);

    results = cl_sync_server_apply_changes (self->store, changes, CL_HL7_ACTOR, CL_ROLE_ADMIN, &max_rev, &error);
  }
  if (results == NULL)
    {
      g_warning ("Could not store the discharge of HL7 message %s: %s", message->control_id, error->message);
      /* AE, so the HIS sends it again later. */
      return cl_hl7_ack (message, "AE", "207", "the server could not store the discharge; send it again", now);
    }
  result = json_array_get_object_element (results, 0);
  status = json_object_get_string_member (result, "status");
  if (g_str_equal (status, "applied") || g_str_equal (status, "duplicate"))
    {
      if (self->server && max_rev > 0)
        cl_server_broadcast_rev (self->server, max_rev);
      return cl_hl7_ack (message, "AA", NULL, NULL, now);
    }
  g_clear_pointer (&existing, g_free);
  g_clear_error (&error);
  g_clear_object (&discharge);
  /* Stored by another connection in between: the same answer as a
   * message sent twice. */
  discharge = cl_discharge_store_from_hl7 (self->store, message, &existing, &error);
  if (existing)
    return cl_hl7_ack (message, "AA", NULL, NULL, now);
  return cl_hl7_ack (message, "AE", "102",
                     json_object_get_string_member_with_default (result, "message", "refused"), now);
}

/* ---- connections -------------------------------------------------------- */

static gboolean
send_ack (GOutputStream *out,
          const char    *ack,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GBytes) framed = cl_mllp_frame (ack);
  gsize length;
  const void *data = g_bytes_get_data (framed, &length);

  return g_output_stream_write_all (out, data, length, NULL, cancellable, error);
}

/* On a thread of the service's own: reads until the client closes,
 * stays silent too long, takes too long over a message or sends too
 * much; answers each message as it completes. */
static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source_object,
        gpointer                user_data)
{
  CLHl7Listener *self = user_data;
  g_autoptr(ClMllpReader) reader = cl_mllp_reader_new (CL_HL7_MAX_MESSAGE);
  GSocket *socket = g_socket_connection_get_socket (connection);
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  gint64 frame_started = 0;
  guint8 buffer[4096];

  g_socket_set_timeout (socket, self->idle_seconds);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      GBytes *message;
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, self->cancellable, &error);

      if (n <= 0)
        {
          if (n < 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_debug ("HL7 connection closed: %s", error->message);
          break;
        }
      if (!cl_mllp_reader_feed (reader, buffer, n, &error))
        {
          g_message ("HL7 connection closed: %s", error->message);
          break;
        }
      while ((message = cl_mllp_reader_next (reader)))
        {
          g_autofree char *ack = cl_hl7_listener_handle (self, message);

          g_bytes_unref (message);
          if (!send_ack (out, ack, self->cancellable, &error))
            {
              g_debug ("HL7 connection closed: %s", error->message);
              goto done;
            }
        }
      /* A client that trickles a message byte by byte is held to the
       * same time as one that is silent. */
      if (!cl_mllp_reader_in_frame (reader))
        frame_started = 0;
      else if (frame_started == 0)
        frame_started = g_get_monotonic_time ();
      else if (g_get_monotonic_time () - frame_started > (gint64) self->idle_seconds * G_USEC_PER_SEC)
        {
          g_message ("HL7 connection closed: a message took longer than %u seconds", self->idle_seconds);
          break;
        }
    }
done:
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/* ---- the object --------------------------------------------------------- */

CLHl7Listener *
cl_hl7_listener_new (CLStore  *store,
                     CLServer *server)
{
  CLHl7Listener *self = g_object_new (CL_TYPE_HL7_LISTENER, NULL);

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->server = server ? g_object_ref (server) : NULL;
  return self;
}

void
cl_hl7_listener_set_idle_seconds (CLHl7Listener *self,
                                  guint          seconds)
{
  g_return_if_fail (CL_IS_HL7_LISTENER (self));
  self->idle_seconds = MAX (seconds, 1);
}

char *
cl_hl7_listener_listen (CLHl7Listener  *self,
                        const char     *host,
                        guint           port,
                        GError        **error)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) wanted = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *bound_host = NULL;

  g_return_val_if_fail (CL_IS_HL7_LISTENER (self), NULL);
  g_return_val_if_fail (self->service == NULL, NULL);

  if (g_strcmp0 (host, "localhost") == 0)
    address = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    address = g_inet_address_new_from_string (host ? host : "127.0.0.1");
  if (address == NULL || port > 65535)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "not an address to listen on: %s:%u",
                   host ? host : "", port);
      return NULL;
    }
  wanted = g_inet_socket_address_new (address, port);
  self->service = g_threaded_socket_service_new (CL_HL7_MAX_CLIENTS);
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), wanted, G_SOCKET_TYPE_STREAM,
                                      G_SOCKET_PROTOCOL_TCP, NULL, &bound, error))
    {
      g_clear_object (&self->service);
      return NULL;
    }
  g_signal_connect (self->service, "run", G_CALLBACK (run_cb), self);
  g_socket_service_start (self->service);
  bound_host = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (bound)));
  return g_strdup_printf ("%s:%u", bound_host, g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

void
cl_hl7_listener_stop (CLHl7Listener *self)
{
  g_return_if_fail (CL_IS_HL7_LISTENER (self));

  g_cancellable_cancel (self->cancellable);
  if (self->service)
    {
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
    }
}

static void
cl_hl7_listener_dispose (GObject *object)
{
  CLHl7Listener *self = CL_HL7_LISTENER (object);

  if (self->service)
    cl_hl7_listener_stop (self);
  g_clear_object (&self->service);
  g_clear_object (&self->server);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cl_hl7_listener_parent_class)->dispose (object);
}

static void
cl_hl7_listener_class_init (CLHl7ListenerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cl_hl7_listener_dispose;
}

static void
cl_hl7_listener_init (CLHl7Listener *self)
{
  self->cancellable = g_cancellable_new ();
  self->idle_seconds = CL_HL7_IDLE_SECONDS;
}
