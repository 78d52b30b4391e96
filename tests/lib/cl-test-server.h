#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* careline-server over HTTP, as a desk talks to it, for the
 * test-server-* programs: the real binary started on 127.0.0.1 (port 0,
 * read back from its first line of output), requests on one session,
 * changes as a desk's outbox sends them, and the server's data file
 * read directly. */

typedef struct
{
  GSubprocess *process;
  char        *url;       /* "http://127.0.0.1:PORT/" */
} CLTestServer;

/* Starts the server ($CARELINE_SERVER, cl_test_server_binary()) on
 * @db; SIGKILLs it; SIGTERMs it and fails the test unless it exits
 * with 0.  Both clear @server. */
void         cl_test_server_start (CLTestServer *server,
                                   const char   *db);
void         cl_test_server_kill  (CLTestServer *server);
void         cl_test_server_stop  (CLTestServer *server);

/* `careline-server ARGS…` with @input on stdin (may be NULL); what it
 * printed goes to @out (may be NULL).  Returns the exit status. */
int          cl_test_server_cli   (const char  *input,
                                   char       **out,
                                   ...) G_GNUC_NULL_TERMINATED;

/* A request to /api/v1@path with the bearer @token (may be NULL). */
SoupMessage *cl_test_api_message  (CLTestServer *server,
                                   const char   *method,
                                   const char   *path,
                                   const char   *token);
/* Sends @msg on the tests' one session; fails the test on a transport
 * error.  Returns the answer's body and sets @status. */
GBytes      *cl_test_api_send     (SoupMessage  *msg,
                                   guint        *status);
/* That session (for a WebSocket, or a request sent asynchronously). */
SoupSession *cl_test_api_session  (void);
/* Sends @body (JSON, may be NULL) and returns the parsed JSON answer
 * (NULL for an empty one). */
JsonNode    *cl_test_api_request  (CLTestServer *server,
                                   const char   *method,
                                   const char   *path,
                                   const char   *token,
                                   const char   *body,
                                   guint        *status);
/* POST /session for @username: the status, and the answer in @reply. */
guint        cl_test_api_try_login (CLTestServer  *server,
                                    const char    *username,
                                    const char    *password,
                                    JsonNode     **reply);
/* A new session's token for @username; fails the test unless 200. */
char        *cl_test_api_login    (CLTestServer *server,
                                   const char   *username,
                                   const char   *password);
/* The id of @username's staff row in the feed as @token sees it (its
 * last change), and that change's revision in @rev (may be NULL);
 * fails the test when there is none. */
char        *cl_test_api_staff_id (CLTestServer *server,
                                   const char   *token,
                                   const char   *username,
                                   gint64       *rev);
/* Pushes one change and returns its result object (owned by @holder). */
JsonObject  *cl_test_api_push_one (CLTestServer *server,
                                   const char   *token,
                                   const char   *change,
                                   JsonNode    **holder);

/* An error answer's code; fails the test unless the answer is an error
 * with a message. */
const char  *cl_test_error_code   (JsonNode    *node);

/* A change as the desk's outbox would send it (@data is JSON). */
char        *cl_test_change_json  (const char  *key,
                                   const char  *table,
                                   const char  *id,
                                   gint64       base_rev,
                                   const char  *op,
                                   const char  *data);
/* A new idempotency key, as a desk's outbox makes one. */
char        *cl_test_new_key      (void);
/* A push result's status and reason (NULL if none). */
const char  *cl_test_status_of    (JsonObject  *result);
const char  *cl_test_reason_of    (JsonObject  *result);

/* The first column of the first row of @sql on the data file @db, read
 * by a connection of the test's own (read-only: no migration, no
 * lock kept), or -1 if no row. */
gint64       cl_test_db_count     (const char  *db,
                                   const char  *sql);

/* A one-page PDF with @text, its cross-reference offsets right so that
 * Poppler opens it without repairs. */
GBytes      *cl_test_small_pdf    (const char  *text);

/* The server most tests of one test-server-* program share: a data file
 * with one account per role (u-ROLE, password pw-ROLE), running, with a
 * session for each.  The functions below talk to it. */
extern const char * const cl_test_roles[];

void         cl_test_shared_server_init (const char *name);
void         cl_test_shared_server_finish (void);
CLTestServer *cl_test_shared_server     (void);
const char  *cl_test_shared_db          (void);
/* The shared server's session of @role, or of cl_test_roles[@i]. */
const char  *cl_test_token_of           (const char *role);
const char  *cl_test_token_at           (guint       i);

JsonNode    *cl_test_request      (const char  *method,
                                   const char  *path,
                                   const char  *token,
                                   const char  *body,
                                   guint       *status);
JsonObject  *cl_test_push_one     (const char  *token,
                                   const char  *change,
                                   JsonNode   **holder);
/* Sends @body (a PDF, may be NULL) and returns the status; the answer's
 * body goes to @answer if not NULL. */
guint        cl_test_send_bytes   (const char  *method,
                                   const char  *path,
                                   const char  *token,
                                   GBytes      *body,
                                   GBytes     **answer);

G_END_DECLS
