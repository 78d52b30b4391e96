#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What keeps one client from stalling careline-server or taking it
 * down (README, "Reliability"):
 *
 * - a cap on open connections in total and per client address; a
 *   connection over it is answered 503 and closed;
 * - a header timeout (a request's head must arrive within it), a body
 *   timeout (each piece of a request body must follow the last within
 *   it) and an idle timeout (a kept-alive connection may wait that long
 *   for its next request); a connection that overruns one is closed;
 * - the soft RLIMIT_NOFILE raised to the hard one, and, when accept()
 *   still runs out of descriptors, a spare one to answer 503 and a
 *   listener that starts again as soon as descriptors are free
 *   (libsoup's gives up for good at the first failed accept);
 * - answering a request from its headers (cl_server_refuse()) without
 *   reading its body into memory.
 *
 * The figures come from $CARELINE_SERVER_LIMITS, e.g.
 * "header-timeout=20,body-timeout=30,idle-timeout=60,max-connections=10000,max-per-address=512"
 * (timeouts in seconds, fractions allowed), else the defaults below. */

#define CL_SERVER_LIMITS_ENV "CARELINE_SERVER_LIMITS"

typedef struct _ClServerLimits ClServerLimits;

/* Reads the figures and raises the descriptor limit. */
ClServerLimits *cl_server_limits_new             (void);
void            cl_server_limits_free            (ClServerLimits    *self);

/* Follows the connections of @soup (one thread's server): counts them,
 * refuses those over the caps and applies the timeouts. */
void            cl_server_limits_attach          (ClServerLimits    *self,
                                                  SoupServer        *soup);
/* Watches @listening, which @soup listens on, for the moment libsoup
 * stops accepting from it; call it in the thread-default context that
 * serves @soup, after soup_server_listen_socket(). */
void            cl_server_limits_watch_listener  (SoupServer        *soup,
                                                  GSocket           *listening,
                                                  SoupServerListenOptions options);

/* Counts @owner (a WebSocket taken over from its HTTP connection) as a
 * connection of @address until it is finalized. */
void            cl_server_limits_hold            (ClServerLimits    *self,
                                                  const char        *address,
                                                  GObject           *owner);

/* Answers @msg now, from its headers: takes the connection from
 * libsoup, writes {"error": {"code": @code, "message": @message}} with
 * @status (and @header, "Name: value", if given) and closes it.  The
 * body is never kept: what the client still sends is read and dropped
 * (so that it sees the answer rather than a reset), up to its declared
 * length and while it keeps coming. */
void            cl_server_refuse                 (SoupServerMessage *msg,
                                                  guint              status,
                                                  const char        *code,
                                                  const char        *message,
                                                  const char        *header);

G_END_DECLS
