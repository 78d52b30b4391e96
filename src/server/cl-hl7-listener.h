#pragma once

#include "cl-server.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* careline-server's HL7 listener: the hospital system (HIS) sends each
 * discharge as an HL7 v2 ADT^A03 message over MLLP on a TCP port of
 * its own (`serve --hl7-port`; off unless given).  Each message is
 * parsed (cl-hl7.h), made a discharge by the desk's rules
 * (cl_discharge_store_from_hl7()), stored through the server's own
 * apply path (so it is audited and reaches the desks through the change
 * feed), and answered with an ACK: AA when stored or already stored
 * (the same control id, or the same person and discharge day), AR for
 * a message that is no usable ADT^A03, AE when a rule refuses it;
 * nothing is stored unless AA.
 *
 * Connections are served on threads of their own: a client that sends
 * nothing for CL_HL7_IDLE_SECONDS, or takes longer than that to finish
 * a message it started, or sends more than CL_HL7_MAX_MESSAGE bytes
 * for one message (or outside any), is disconnected; the HTTP server
 * goes on regardless. */

#define CL_HL7_IDLE_SECONDS  60
#define CL_HL7_MAX_MESSAGE   (256 * 1024)
#define CL_HL7_MAX_CLIENTS   8

/* Who stored a discharge from HL7, in updated_by and the audit log. */
#define CL_HL7_ACTOR "careline-server:hl7"

#define CL_TYPE_HL7_LISTENER (cl_hl7_listener_get_type ())
G_DECLARE_FINAL_TYPE (CLHl7Listener, cl_hl7_listener, CL, HL7_LISTENER, GObject)

/* @server (may be NULL) hears of each stored discharge, to nudge the
 * desks. */
CLHl7Listener *cl_hl7_listener_new    (CLStore        *store,
                                       CLServer       *server);
/* Seconds of silence before a connection is closed (default
 * CL_HL7_IDLE_SECONDS). */
void           cl_hl7_listener_set_idle_seconds (CLHl7Listener *self,
                                                 guint          seconds);
/* Listens on @host (an IP address or localhost) and @port (0 picks a
 * free one); returns "HOST:PORT" as bound, or NULL with @error. */
char          *cl_hl7_listener_listen (CLHl7Listener  *self,
                                       const char     *host,
                                       guint           port,
                                       GError        **error);
void           cl_hl7_listener_stop   (CLHl7Listener  *self);

/* The ACK for one message (without its MLLP frame), storing the
 * discharge it describes when it is acceptable: the listener's work
 * for each message, here for the tests too. */
char          *cl_hl7_listener_handle (CLHl7Listener  *self,
                                       GBytes         *message);

G_END_DECLS
