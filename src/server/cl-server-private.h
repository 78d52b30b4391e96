#pragma once

#include <libsoup/soup.h>

#include "cl-link-throttle.h"
#include "cl-message-catalog.h"
#include "cl-roster-model.h"
#include "cl-server.h"
#include "cl-server-limits.h"
#include "cl-server-pool.h"
#include "cl-store-reader.h"

G_BEGIN_DECLS

/* What the files of the server share (cl-server.c and its routes,
 * cl-server-*.c): the object's struct, each thread's state, and the
 * request and response helpers of cl-server-request.c. */

/* What each of the server's threads keeps for itself: its context,
 * its open /events sockets and a read connection of its own (WAL lets
 * readers go on while the store's connection writes). */
typedef struct
{
  GMainContext  *context;
  GPtrArray     *sockets;        /* SoupWebsocketConnection, open ones */
  CLStoreReader *reader;         /* NULL if it could not be opened */
  GSource       *session_watch;  /* while there are sockets (cl-server-events.c) */
} ThreadState;

struct _CLServer
{
  GObject parent_instance;

  /* owned */
  CLStore       *store;
  char          *documents_dir;
  ClServerPool  *pool;
  GMainContext  *main_context;   /* where the store's signals come */
  guint          n_threads;
  ClServerLimits *limits;        /* made when it listens */
  char          *public_url;     /* patients' links start with it; NULL: the desk's address */
  gint64         link_lifetime;  /* seconds a patient's link stays open */
  ClLinkThrottle *link_throttle; /* made when it listens */
  ClMessageCatalog *catalog_zh;  /* the patient's page in Chinese */

  /* Made in the main context on the first search (a server nobody
   * searches need not follow every change with it), then shared. */
  GMutex         roster_lock;
  GCond          roster_cond;
  CLRosterModel *roster;
  gboolean       roster_asked;

  GMutex         states_lock;
  GPtrArray     *states;         /* ThreadState */
};

/* The calling thread's state, made on its first request. */
ThreadState *cl_server_thread_state             (CLServer          *self);
/* A read transaction on the thread's read connection (nestable): one
 * snapshot, one round of the WAL's locks. */
void         cl_server_read_begin               (ThreadState       *state);
void         cl_server_read_end                 (ThreadState       *state);

/* Responses (cl-server-request.c) */
void         cl_server_send_json                (SoupServerMessage *msg,
                                                 guint              status,
                                                 JsonNode          *node);
/* Sends @text (JSON already), taking it. */
void         cl_server_send_json_text           (SoupServerMessage *msg,
                                                 guint              status,
                                                 GString           *text);
/* {"error": {"code": @code, "message": @message}}: as a node, and sent. */
JsonNode    *cl_server_error_json               (const char        *code,
                                                 const char        *message);
void         cl_server_send_error               (SoupServerMessage *msg,
                                                 guint              status,
                                                 const char        *code,
                                                 const char        *message);
/* 500, logging @error; the message says nothing was changed. */
void         cl_server_send_store_error         (SoupServerMessage *msg,
                                                 GError            *error);
void         cl_server_send_method_not_allowed  (SoupServerMessage *msg,
                                                 const char        *allow);
void         cl_server_send_not_found           (SoupServerMessage *msg);

/* Requests (cl-server-request.c) */
void         cl_server_audit                    (CLServer          *self,
                                                 const char        *username,
                                                 const char        *role,
                                                 const char        *action,
                                                 const char        *table,
                                                 const char        *record_id,
                                                 const char        *patient_id,
                                                 gint               status,
                                                 const char        *detail);
/* The bearer token of the request: the Authorization header, else (for
 * WebSockets, where browsers cannot set headers) ?token=. */
char        *cl_server_request_token            (SoupServerMessage *msg,
                                                 GHashTable        *query);
/* Checks the session; answers 401 (and audits it) when there is none. */
gboolean     cl_server_authenticate             (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 GHashTable        *query,
                                                 char             **username,
                                                 char             **role);
/* Answers 403 (and audits it) unless @allowed. */
gboolean     cl_server_authorize                (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 const char        *username,
                                                 const char        *role,
                                                 gboolean           allowed,
                                                 const char        *patient_id);
/* The body as JSON, or NULL (and 400 sent). */
JsonNode    *cl_server_parse_json_body          (SoupServerMessage *msg);
/* The query parameters, or NULL (and 400 sent) when they cannot be
 * decoded. */
GHashTable  *cl_server_parse_query              (SoupServerMessage *msg,
                                                 gboolean          *ok);
/* An integer parameter in [min, max], or @fallback when absent; FALSE
 * (and 400 sent) when it is not. */
gboolean     cl_server_int_param                (SoupServerMessage *msg,
                                                 GHashTable        *query,
                                                 const char        *name,
                                                 gint64             min,
                                                 gint64             max,
                                                 gint64             fallback,
                                                 gint64            *out);

/* The routes, by area */
void         cl_server_handle_health            (CLServer          *self,
                                                 SoupServerMessage *msg);
void         cl_server_handle_session           (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 GHashTable        *query);
void         cl_server_handle_changes           (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 GHashTable        *query,
                                                 const char        *username,
                                                 const char        *role);
void         cl_server_handle_settlement        (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 const char        *month,
                                                 GHashTable        *query,
                                                 const char        *username,
                                                 const char        *role);
void         cl_server_handle_snapshot          (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 const char        *username,
                                                 const char        *role);
void         cl_server_handle_patients          (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 GHashTable        *query,
                                                 const char        *username,
                                                 const char        *role);
void         cl_server_handle_document          (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 const char        *sha256,
                                                 GHashTable        *query,
                                                 const char        *username,
                                                 const char        *role);

/* /patient-links, and the patient's page /p/TOKEN (cl-server-links.c) */
void         cl_server_handle_patient_links     (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 const char        *username,
                                                 const char        *role);
void         cl_server_links_add_handlers       (CLServer          *self,
                                                 SoupServer        *soup);

/* /accounts/… and /session/password (cl-server-accounts.c); @path is
 * what follows "/accounts". */
void         cl_server_handle_accounts          (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 const char        *path,
                                                 const char        *username,
                                                 const char        *role);
void         cl_server_handle_change_password   (CLServer          *self,
                                                 SoupServerMessage *msg,
                                                 GHashTable        *query);

/* Answers from the headers (cl-server-early.c): an early handler. */
void         cl_server_handle_gateway_callback  (CLServer          *self,
                                                 SoupServerMessage *msg);
void         cl_server_early_cb                 (SoupServer        *server,
                                                 SoupServerMessage *msg,
                                                 const char        *path,
                                                 GHashTable        *unused,
                                                 gpointer           user_data);

/* /events (cl-server-events.c) */
/* Tells every desk that the rev is now @rev. */
void         cl_server_broadcast_rev            (CLServer          *self,
                                                 gint64             rev);
void         cl_server_events_auth_cb           (SoupServer        *server,
                                                 SoupServerMessage *msg,
                                                 const char        *path,
                                                 GHashTable        *unused,
                                                 gpointer           user_data);
void         cl_server_events_cb                (SoupServer              *server,
                                                 SoupServerMessage       *msg,
                                                 const char              *path,
                                                 SoupWebsocketConnection *conn,
                                                 gpointer                 user_data);

G_END_DECLS
