#pragma once

#include <glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* The SMS/WeChat gateway's configuration (`careline-server gateway`),
 * kept in the server's data file (gateway_setting), and the rules that
 * read it: the signature, quiet hours, the backoff. */

#define CL_GATEWAY_DEFAULT_QUIET_HOURS "21:00-08:00"
#define CL_GATEWAY_DEFAULT_TIMEOUT     30   /* seconds a POST may take */
#define CL_GATEWAY_DEFAULT_RETRIES     4    /* retries after the first POST */
#define CL_GATEWAY_DEFAULT_BACKOFF     60   /* seconds before the first retry; doubles */

typedef struct
{
  char   *url;            /* where messages are POSTed */
  char   *secret;         /* the HMAC key; never printed, logged or audited */
  char   *quiet_hours;    /* "21:00-08:00" or "off" */
  gint    quiet_start;    /* minutes after local midnight; -1 when off */
  gint    quiet_end;
  guint   timeout;        /* seconds */
  guint   retries;
  guint   backoff;        /* seconds */
  char   *callback_url;   /* NULL: the server's own address + api/v1/gateway/callback */
} ClGatewayConfig;

void             cl_gateway_config_free      (ClGatewayConfig *config);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClGatewayConfig, cl_gateway_config_free)

/* The configuration in @store, or NULL when no gateway is set (then
 * SMS and WeChat items stay on the worklist for a person) or it cannot
 * be read (@error set). */
ClGatewayConfig *cl_gateway_config_load      (CLStore          *store,
                                              GError          **error);
/* Replaces the configuration with @config (NULL clears it) and writes
 * @audit_action's audit line as @actor, in one transaction. */
gboolean         cl_gateway_config_save      (CLStore          *store,
                                              const ClGatewayConfig *config,
                                              const char       *actor,
                                              const char       *audit_action,
                                              GError          **error);

/* "HH:MM-HH:MM" (may wrap midnight) or "off" (@start = @end = -1);
 * FALSE with a translated message otherwise. */
gboolean         cl_gateway_parse_quiet_hours (const char      *text,
                                               gint            *start,
                                               gint            *end,
                                               GError         **error);
/* Whether @now (UTC seconds) falls in @config's quiet hours, in the
 * server's local time zone (TZ). */
gboolean         cl_gateway_in_quiet_hours   (const ClGatewayConfig *config,
                                              gint64           now);
/* Seconds to wait before the retry that follows @attempts POSTs. */
gint64           cl_gateway_backoff          (const ClGatewayConfig *config,
                                              gint             attempts);

/* "sha256=" and the lower-case hex HMAC-SHA256 of @body under @secret:
 * the X-Careline-Signature header. */
char            *cl_gateway_sign             (const char      *secret,
                                              const char      *body,
                                              gsize            length);
/* Whether @header is @body's signature under @secret (in constant
 * time). */
gboolean         cl_gateway_signature_ok     (const char      *secret,
                                              const char      *body,
                                              gsize            length,
                                              const char      *header);

/* Now, UTC seconds.  Test hook (tests only, never in production): when
 * CARELINE_GATEWAY_NOW holds UTC seconds, the clock starts there at
 * the first call and runs on in real time, so quiet hours and due
 * dates can be tested at any hour. */
gint64           cl_gateway_now              (void);
/* @now's civil date in the local time zone, "YYYY-MM-DD". */
char            *cl_gateway_local_date       (gint64           now);

G_END_DECLS
