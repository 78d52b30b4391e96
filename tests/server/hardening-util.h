#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What the test-hardening-*.c programs share: the real careline-server
 * on 127.0.0.1 with a fresh store, started with given limits
 * ($CARELINE_SERVER_LIMITS) and, if asked, under
 * `prlimit --nofile=1024`; and raw sockets to talk to it the way an
 * attacker would. */

typedef struct
{
  GSubprocess *process;
  char        *dir;
  char        *db;
  char        *url;       /* "http://127.0.0.1:PORT/" */
  guint16      port;
  GPid         pid;
  SoupSession *session;
} HServer;

/* Users: "cm" (case_manager, password "pw-cm") and "fin" (finance,
 * "pw-fin"). */
HServer    *h_server_start      (const char  *limits,
                                 gboolean     nofile_1024);
void        h_server_stop       (HServer     *server);

/* The server's peak resident memory (VmHWM) in KiB. */
gsize       h_server_peak_kib   (HServer     *server);

/* How many descriptors the server has open. */
guint       h_server_fd_count   (HServer     *server);

char       *h_login             (HServer     *server,
                                 const char  *username,
                                 const char  *password);

/* One request with SoupSession; returns the status and, in @answer (if
 * given), the JSON answer. */
guint       h_request           (HServer     *server,
                                 const char  *method,
                                 const char  *path,
                                 const char  *token,
                                 const char  *body,
                                 gsize        body_length,
                                 JsonNode   **answer);

/* The error code and message of an error answer. */
const char *h_error_code        (JsonNode    *answer);
const char *h_error_message     (JsonNode    *answer);

/* A raw TCP connection to the server (blocking, with a 10 s timeout). */
GSocket    *h_connect           (HServer     *server);
void        h_send_all          (GSocket     *socket,
                                 const char  *data,
                                 gsize        length);
/* Reads until the server closes or @timeout_ms pass; returns what came
 * and sets @closed if the server closed (or reset) the connection. */
char       *h_read_until_close  (GSocket     *socket,
                                 guint        timeout_ms,
                                 gboolean    *closed);

/* GET /health answers 200 (over a new connection). */
gboolean    h_health_ok         (HServer     *server);

G_END_DECLS
