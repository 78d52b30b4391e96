#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The HTTP requests of sync (the sync client and the archive's blob
 * transfer): private to core. */

/* @base without its trailing slashes, then @path. */
char       *cl_sync_join_url        (const char    *base,
                                     const char    *path);

/* One request with @token as the bearer (if any) and @body (if any) of
 * @content_type.  Returns the body of the answer (possibly empty) and
 * sets @status; NULL only when no HTTP answer came (a bad address, the
 * network, cancellation), with a translated error. */
GBytes     *cl_sync_http_send       (SoupSession   *session,
                                     const char    *method,
                                     const char    *url,
                                     const char    *token,
                                     const char    *content_type,
                                     GBytes        *body,
                                     GCancellable  *cancellable,
                                     guint         *status,
                                     GError       **error);

/* A GET whose successful answer is streamed into the file @path
 * (created or replaced), for answers too big to hold in memory.  Sets
 * @status; on an unsuccessful status the file is not written and
 * @reply holds the server's JSON error, if it sent one.  Fails like
 * cl_sync_http_send(), or when the file cannot be written. */
gboolean    cl_sync_http_download   (SoupSession   *session,
                                     const char    *url,
                                     const char    *token,
                                     const char    *path,
                                     GCancellable  *cancellable,
                                     guint         *status,
                                     JsonNode     **reply,
                                     GError       **error);

/* One request with a JSON body (or none) and a JSON answer (or none).
 * Fails only when no HTTP answer came (network, cancellation) or a
 * successful answer could not be read; the caller judges the status. */
gboolean    cl_sync_http_call       (SoupSession   *session,
                                     const char    *url,
                                     const char    *method,
                                     const char    *token,
                                     JsonNode      *body,
                                     GCancellable  *cancellable,
                                     guint         *status,
                                     JsonNode     **reply,
                                     GError       **error);

/* Turns an unsuccessful status into an error: 401 means the session is
 * gone (G_IO_ERROR_PERMISSION_DENIED), anything else is the server's
 * problem, told in its own words when it gave some. */
gboolean    cl_sync_check_status    (guint          status,
                                     JsonNode      *reply,
                                     GError       **error);

/* @member ("code", "message", …) of the server's {"error": {…}} in
 * @reply when it is a string, else NULL. */
const char *cl_sync_error_member    (JsonNode      *reply,
                                     const char    *member);

/* @member of @object when it is a string, else NULL. */
const char *cl_sync_json_get_string (JsonObject    *object,
                                     const char    *member);

G_END_DECLS
