#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Shared by the test-hardening2-*.c tests and test-fuzz.c: requests
 * to a real careline-server the test started itself. */

#define H2_PASSWORD "correct horse battery staple"

/* BASE + "/api/v1" + PATH */
char     *h2_api        (const char *base,
                         const char *path);

/* `careline-server user add NAME --role ROLE --db DB` with H2_PASSWORD. */
void      h2_add_user   (const char *server_binary,
                         const char *db,
                         const char *name,
                         const char *role);

/* POST /session; returns the HTTP status and, on 200, the token. */
guint     h2_log_in     (const char  *base,
                         const char  *name,
                         const char  *password,
                         char       **token);

/* A request with a JSON text body (or none); the answer parsed when it
 * is JSON (else NULL). */
JsonNode *h2_request    (const char *method,
                         const char *url,
                         const char *token,
                         const char *json,
                         guint      *status);

/* GET /health answers 200. */
gboolean  h2_healthy    (const char *base);

G_END_DECLS
